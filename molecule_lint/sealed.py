"""Cache files that cannot run code: authenticated, then unpickled as data only.

A cache folder may come from the repository being scanned or from a shared CI cache, so its files
are input like any other. Each file carries a keyed BLAKE2b MAC (the per-user key, userkey.py) over
its name and content, checked before a byte is unpickled; a file that fails is not ours and reads
as absent. Even a forged MAC buys nothing but data: the unpickler builds only molecule-lint's own
dataclasses and the few standard types listed below, so no other callable (os.system, eval, any
other package's code) can be reached.

Why not a data-only format: the cache holds ~250k frozen dataclasses of many kinds (facts, findings,
the incremental snapshot), which pickle loads in C; a hand-written codec would have to follow every
new fact type, and the MAC already keeps out every file this user did not write.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import importlib
import io
import os
import pickle
from typing import Any, BinaryIO

MAGIC = b"molecule-lint cache 1\n"
MAC_BYTES = 32

# Types a cache holds that are not molecule-lint dataclasses; constructing any of them does nothing else.
_OTHER_TYPES = frozenset({
    ("collections", "Counter"),  # RunResult.skipped
    ("datetime", "date"),  # config.AllowEntry.until
    ("pathlib", "PosixPath"),  # config.Config.root
    ("molecule_lint.catalog", "DataCatalog"),  # a plain class, restored by __dict__ (its __init__ never runs)
})


def seal(handle: BinaryIO, key: bytes, name: str, value: object) -> None:
    """Write ``value`` sealed: pickled straight into the handle and MAC'd as it goes, so neither its
    pickle nor a copy of it is ever held whole (a large project's snapshot pickles to ~100 MB)."""
    start = handle.tell()
    handle.write(MAGIC + bytes(MAC_BYTES))  # the MAC's place, filled in once the payload is written
    mac = _mac(key, name)
    pickle.Pickler(_Tee(handle, mac), pickle.HIGHEST_PROTOCOL).dump(value)  # writes frame by frame
    end = handle.tell()
    handle.seek(start + len(MAGIC))
    handle.write(mac.digest())
    handle.seek(end)


def unseal(key: bytes, name: str, data: bytes) -> Any:
    """The value sealed under this key and name; None when the file is not that."""
    start = len(MAGIC) + MAC_BYTES
    if not data.startswith(MAGIC):
        return None
    mac = _mac(key, name)
    mac.update(memoryview(data)[start:])
    if not hmac.compare_digest(data[len(MAGIC):start], mac.digest()):
        return None
    stream = io.BytesIO(data)  # shares the bytes: no copy of a large pack
    stream.seek(start)
    try:
        return _DataOnly(stream).load()
    except (pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError, IndexError, KeyError):
        return None  # MAC-valid but unreadable: only a forged key or a bug of ours gets here


Ref = tuple[int, int, bytes]  # a record of an indexed file: its offset, its length, its digest


class Records:
    """An indexed file being written: its records, each written as it comes, then a sealed head that
    lists them by Ref, then the head's length (8 bytes).

    A large table (the facts pack) need not be read, authenticated and unpickled whole to get one
    entry: the MAC covers the head alone, and the head carries each record's digest, so a record is
    authenticated when it is read (Indexed.record). Written first, the records are never held together.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle

    def add(self, data: bytes) -> Ref:
        ref = (self._handle.tell(), len(data), _record_digest(data))
        self._handle.write(data)
        return ref

    def close(self, key: bytes, name: str, head: object) -> None:
        start = self._handle.tell()
        seal(self._handle, key, name, head)
        self._handle.write((self._handle.tell() - start).to_bytes(_LENGTH_BYTES, "big"))


class Indexed:
    """An indexed file opened for reading: its head unsealed; a record read when asked for, and only
    when its digest is the head's."""

    def __init__(self, handle: BinaryIO, head: Any) -> None:
        self._handle, self.head = handle, head

    @classmethod
    def open(cls, key: bytes, name: str, handle: BinaryIO) -> Indexed | None:
        """None (and the handle closed) when the file is not such a file sealed under this key and name."""
        fd = handle.fileno()
        size = os.fstat(fd).st_size
        tail = os.pread(fd, _LENGTH_BYTES, max(size - _LENGTH_BYTES, 0))
        length = int.from_bytes(tail, "big") if len(tail) == _LENGTH_BYTES else size
        head_start = size - _LENGTH_BYTES - length
        data = os.pread(fd, length, head_start) if head_start >= 0 else b""
        head = unseal(key, name, data) if data else None
        if head is None:
            handle.close()
            return None
        return cls(handle, head)

    def record(self, ref: Ref) -> bytes | None:
        offset, length, digest = ref
        try:
            data = os.pread(self._handle.fileno(), length, offset)
        except (OSError, ValueError, OverflowError):
            return None
        return data if hmac.compare_digest(_record_digest(data), digest) else None


_LENGTH_BYTES = 8


def _record_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=MAC_BYTES).digest()


def dump_data(value: object) -> bytes:
    """A value pickled to travel inside a sealed file (its MAC covers these bytes too)."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def load_data(payload: bytes) -> Any:
    """A value of ``dump_data`` read back from inside an unsealed file, as data only; None when unreadable."""
    try:
        return _DataOnly(io.BytesIO(payload)).load()
    except (pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError, IndexError, KeyError):
        return None


def _mac(key: bytes, name: str) -> Any:
    """The keyed hash a sealed file's payload is fed to: it binds the file's name too."""
    return hashlib.blake2b(name.encode() + b"\0", key=key, digest_size=MAC_BYTES)


class _Tee:
    """A write-only file that also feeds what is written to a hash."""

    def __init__(self, handle: BinaryIO, mac: Any) -> None:
        self._handle, self._mac = handle, mac

    def write(self, data: bytes) -> int:
        self._mac.update(data)
        return self._handle.write(data)


# The classes admitted so far: an indexed file's records are pickles of their own, each naming its classes
# again (the linked part's 1,300 records: 17k lookups, a tenth of reading it).
_ADMITTED: dict[tuple[str, str], type] = {}


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _ADMITTED.get((module, name))
        if found is None:
            found = _ADMITTED[module, name] = self._admitted(module, name)
        return found

    def _admitted(self, module: str, name: str) -> type:
        if (module, name) in _OTHER_TYPES:
            return super().find_class(module, name)
        if module.startswith("molecule_lint.") and name.isidentifier():
            # A dataclass of ours, decided by what it is rather than a list of names that would drift.
            # Importing one of our own modules is safe, and only a file with a valid MAC gets here.
            try:
                found = getattr(importlib.import_module(module), name, None)
            except ImportError:
                found = None
            if isinstance(found, type) and dataclasses.is_dataclass(found) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not cache data")
