"""Per-file results cached by content, so a warm run only stats files.

What is trusted (README, "Safety"): a file whose stat (mtime, ctime, size, inode) is unchanged is
taken as unchanged, except the files named on the command line, whose content is always hashed;
and a cache file only when it is sealed with this user's key (sealed.py) in a folder that is
safely ours (cachedir.py). Anything else reads as a cold cache.

Two tables share one pack file: the frontends' facts and the prefilter's
import scans. Neither depends on the config (frontends know nothing of
rules), so the key is the content hash plus the tool version. One pack file
is far cheaper to load than thousands of small ones; each file's facts are
pickled apart inside it and unpickled when asked for, so a run that needs
one file's (an incremental run) does not pay for all of them. Writes are atomic (temp
file + rename), so concurrent runs never see a torn file; a corrupt or
foreign or ill-shaped file is ignored and rewritten. The last full analysis is kept too,
for incremental runs (incremental.py), and the last result, for unchanged
projects.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from molecule_lint import __version__, sealed
from molecule_lint.cachedir import CacheDir, Refused
from molecule_lint.heap import long_lived
from molecule_lint.userkey import UnusableKey, user_key

if TYPE_CHECKING:
    from molecule_lint.facts import FileFacts
    from molecule_lint.scan import Scan
    from molecule_lint.sql import SqlAnalysis

# Bump when a frontend's or the scanner's output changes for the same input, or what a snapshot
# (incremental.Snapshot, relink.Linked) holds.
FACTS_VERSION = "19"
PACK_NAME = f"facts-{__version__}-{FACTS_VERSION}.pickle"
RESULT_NAME = "last-run.pickle"  # keyed inside by engine.run_key
DELTA_NAME = f"facts-delta-{__version__}-{FACTS_VERSION}.pickle"
MAX_DELTA = 500  # entries a delta may hold before the base pack is rewritten
LINKED_NAME = f"linked-{__version__}-{FACTS_VERSION}.pickle"
SNAPSHOT_NAME = f"snapshot-{__version__}-{FACTS_VERSION}.pickle"
SQL_NAME = f"sql-{__version__}-{FACTS_VERSION}.pickle"
WALKED_NAME = f"walked-{__version__}-{FACTS_VERSION}.pickle"
SETTINGS_NAME = f"settings-{__version__}-{FACTS_VERSION}.pickle"

T = TypeVar("T")


StatKey = tuple[int, int, int, int]  # (mtime_ns, ctime_ns, size, inode): `touch -d` can restore an mtime, never a ctime


def stat_key(stat: os.stat_result) -> StatKey:
    return stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino


@dataclass(frozen=True, slots=True)
class Stamp:
    """What we check before trusting an entry without reading the file."""

    stat: StatKey
    digest: str


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def content_digests(root: Path, paths: Iterable[str]) -> dict[str, str]:
    """The digests of these files' content (the unreadable ones left out)."""
    digests = {}
    for path in paths:
        try:
            digests[path] = digest((root / path).read_bytes())
        except OSError:
            continue  # the analysis reports why
    return digests


class Table(Generic[T]):
    """path -> (stamp, value). A value read from the pack may still be its pickled bytes (an
    entry-wise table): it is unpickled on first use, as data only, and must be of ``kind``."""

    def __init__(self, entries: dict[str, tuple[Stamp, T | bytes]], hashed: dict[str, str], kind: type[T]) -> None:
        self.entries = entries
        self.hashed = hashed  # path -> content digest, for files whose stat is not trusted
        self.kind = kind
        self.changed: set[str] = set()  # stored since load: what a delta write must carry
        self.pruned = False

    def lookup(self, path: str, stat: os.stat_result) -> T | None:
        """The entry of an unchanged file (same stat, and same content when hashed), without reading it."""
        entry = self.entries.get(path)
        if entry and entry[0].stat == stat_key(stat) and self.hashed.get(path, entry[0].digest) == entry[0].digest:
            return self._value(path)
        return None

    def peek(self, path: str) -> T | None:
        """The entry, whether or not the file changed since."""
        return self._value(path) if path in self.entries else None

    def _value(self, path: str) -> T | None:
        stamp, value = self.entries[path]
        if not isinstance(value, bytes):
            return value
        with long_lived():
            loaded = sealed.load_data(value)
        if not isinstance(loaded, self.kind):  # MAC-valid but not ours: only a bug of ours gets here
            del self.entries[path]
            return None
        self.entries[path] = (stamp, loaded)
        return loaded

    def known_digest(self, path: str) -> str | None:
        entry = self.entries.get(path)
        return entry[0].digest if entry else None

    def lookup_content(self, path: str, stat: os.stat_result, content_digest: str) -> T | None:
        """The entry of a touched but identical file (e.g. after a checkout); refreshes its stamp."""
        entry = self.entries.get(path)
        if entry and entry[0].digest == content_digest and (value := self._value(path)) is not None:
            self.store(path, stat, content_digest, value)
            return value
        return None

    def store(self, path: str, stat: os.stat_result, content_digest: str, value: T) -> None:
        self.entries[path] = (Stamp(stat_key(stat), content_digest), value)
        self.changed.add(path)

    def prune(self, live: set[str]) -> None:
        for path in set(self.entries) - live:
            del self.entries[path]
            self.pruned = True


class Unavailable(Exception):
    """The cache cannot be used safely: the run goes on without it, and says why."""


def open_cache(directory: Path, root: Path, hashed: Iterable[str] = ()) -> Cache:
    """The cache in ``directory``; ``hashed``: files whose content, not their stat, says if they changed."""
    try:
        return Cache(CacheDir(directory, root), user_key(), content_digests(root, hashed))
    except (Refused, UnusableKey) as exc:
        raise Unavailable(str(exc)) from None


class Cache:
    def __init__(self, folder: CacheDir, key: bytes, hashed: dict[str, str]) -> None:
        self.folder = folder
        self.key = key
        self.hashed = hashed
        self._base_id: str | None = None
        self._delta_paths: dict[str, set[str]] = {}

    # The pack is loaded on first use: a run whose result is reused never needs it (~1 s saved).
    @cached_property
    def facts(self) -> Table[FileFacts]:
        from molecule_lint.facts import FileFacts  # a run answered from the cache needs no fact model

        return Table(self._tables.get("facts", {}), self.hashed, FileFacts)

    @cached_property
    def scans(self) -> Table[Scan]:
        from molecule_lint.scan import Scan

        return Table(self._tables.get("scans", {}), self.hashed, Scan)

    @cached_property
    def _tables(self) -> dict[str, dict[str, Any]]:
        """The base pack with the delta written since applied over it (see save())."""
        base = self._read(PACK_NAME, dict)
        tables = _tables_of(base)
        if base is None or tables is None or not isinstance(base.get("id"), str):
            return {}
        delta = self._read(DELTA_NAME, dict)
        changes = _tables_of(delta)
        if delta is not None and changes is not None and delta.get("base") == base["id"]:  # else: an older base's
            for name, entries in changes.items():
                tables.setdefault(name, {}).update(entries)
                self._delta_paths[name] = set(entries)
        self._base_id = base["id"]
        return tables

    def _read(self, name: str, kind: type[T]) -> T | None:
        """The file's value if it is sealed with our key and of this type; else None (a cold cache)."""
        data = self.folder.read(name)
        with long_lived():
            value = sealed.unseal(self.key, name, data) if data is not None else None
        return value if isinstance(value, kind) else None

    @cached_property
    def sql(self) -> dict[str, SqlAnalysis]:
        """SQL text -> its analysis (molecule_lint.sql), from earlier runs."""
        from molecule_lint.sql import SqlAnalysis  # only runs that analyse need it: importing it costs ~25 ms

        known = self._read(SQL_NAME, dict)
        if known is None or not all(isinstance(k, str) and isinstance(v, SqlAnalysis) for k, v in known.items()):
            return {}
        return known

    def save_sql(self, used: dict[str, SqlAnalysis]) -> None:
        if used != self.sql:
            self._write(SQL_NAME, used)

    def load_result(self, key: str, kind: type[T]) -> T | None:
        """The stored result of a whole run with this key (engine.run_key), or None."""
        stored = self._read(RESULT_NAME, tuple)
        if stored is not None and len(stored) == 2 and stored[0] == key and isinstance(stored[1], kind):
            return stored[1]
        return None

    def save_result(self, key: str, result: object) -> None:
        self._write(RESULT_NAME, (key, result))

    def load_snapshot(self, kind: type[T]) -> T | None:
        """The last full analysis, for an incremental run (incremental.Snapshot), or None."""
        return self._read(SNAPSHOT_NAME, kind)

    def save_snapshot(self, snapshot: object) -> None:
        self._write(SNAPSHOT_NAME, snapshot)

    def load_settings(self, kind: type[T]) -> T | None:
        """The last config and rules with the digests of their files (settings.Settings), or None."""
        return self._read(SETTINGS_NAME, kind)

    def save_settings(self, settings: object) -> None:
        self._write(SETTINGS_NAME, settings)

    def load_walked(self, kind: type[T]) -> T | None:
        """The last discovery with what it read (discover.Walked), or None."""
        return self._read(WALKED_NAME, kind)

    def save_walked(self, walked: object) -> None:
        self._write(WALKED_NAME, walked)

    def load_linked(self, kind: type[T]) -> T | None:
        """The larger part of the last full analysis (relink.Linked), or None."""
        return self._read(LINKED_NAME, kind)

    def save_linked(self, linked: object) -> None:
        self._write(LINKED_NAME, linked)

    def save(self) -> None:
        """Write what changed: a small delta over the base pack (a pre-commit run changes a file or
        two, and rewriting a 25 MB pack costs ~1 s), or a new base when the delta grows or files go."""
        if "_tables" not in self.__dict__:
            return
        tables: dict[str, Table[Any]] = {"facts": self.facts, "scans": self.scans}
        pending = {name: self._delta_paths.get(name, set()) | table.changed for name, table in tables.items()}
        if not any(table.changed or table.pruned for table in tables.values()):
            return
        if self._base_id is None or any(t.pruned for t in tables.values()) or sum(map(len, pending.values())) > MAX_DELTA:
            # A new base; the empty delta that goes with it is written after it, so a reader never
            # pairs the new base with the old delta (the ids would not match anyway).
            base_id = os.urandom(8).hex()
            packed = {
                name: {path: _packed(name, entry) for path, entry in t.entries.items()} for name, t in tables.items()
            }
            self._write(PACK_NAME, {"id": base_id, "tables": packed})
            self._write(DELTA_NAME, {"base": base_id, "tables": {}})
            return
        delta = {
            name: {path: _packed(name, tables[name].entries[path]) for path in paths if path in tables[name].entries}
            for name, paths in pending.items()
        }
        self._write(DELTA_NAME, {"base": self._base_id, "tables": delta})

    def _write(self, name: str, value: object) -> None:
        self.folder.write(name, sealed.seal(self.key, name, value))


ENTRY_WISE = frozenset({"facts"})  # tables whose values are pickled one by one: a run reads few of them


def _packed(table: str, entry: tuple[Stamp, Any]) -> tuple[Stamp, Any]:
    stamp, value = entry
    return (stamp, value if type(value) is bytes or table not in ENTRY_WISE else sealed.dump_data(value))


def _tables_of(pack: dict[Any, Any] | None) -> dict[str, dict[str, Any]] | None:
    """A pack's tables, when each holds (Stamp, value) entries, the value of its table's type (pickled
    bytes for an entry-wise table); else None."""
    from molecule_lint.scan import Scan  # imported with the pack: a run answered from the cache needs none

    table_types: dict[str, type] = {"facts": bytes, "scans": Scan}
    tables = pack.get("tables") if pack is not None else None
    if not isinstance(tables, dict) or not tables.keys() <= table_types.keys():
        return None
    for name, entries in tables.items():
        kind = table_types[name]
        if not isinstance(entries, dict) or not all(
            isinstance(path, str) and type(entry) is tuple and len(entry) == 2 and isinstance(entry[0], Stamp)
            and isinstance(entry[1], kind)
            for path, entry in entries.items()
        ):
            return None
    return tables
