"""The cache folder, opened so that the scanned repository cannot redirect a read or a write.

A repository can commit `.molecule-lint-cache` as a symlink (to `.`: our `.gitignore` would replace
the project's) or as a folder of planted files. So the folder, and each folder on its way from the
project root, is opened without following symlinks, must be a real folder, and the cache folder
must belong to the current user; from then on it is used through its descriptor only, so no
rename of a path can move a read or a write elsewhere. Files are read only when regular (never a
symlink, a FIFO or a device) and written as a fresh temporary file renamed into place, which
replaces a planted symlink instead of writing through it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

MAX_FILE_BYTES = 1 << 30  # far above any real pack (saleor's: 6 MB); a bound on what a planted file costs

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class Refused(Exception):
    """The folder is not safe to use: the run goes on without a cache."""


class CacheDir:
    def __init__(self, path: Path, root: Path) -> None:
        """Open ``path`` (created if missing); folders under ``root`` on the way must not be symlinks."""
        self.path = path = Path(os.path.abspath(path))
        self._gitignore_checked = False
        base, parts = (root, path.relative_to(root).parts) if path.is_relative_to(root) else (path.parent, (path.name,))
        try:
            fd = os.open(base, _DIRECTORY)
        except OSError as exc:
            raise Refused(f"cannot open {base}: {exc.strerror or exc}") from None
        for number, part in enumerate(parts, 1):
            try:
                fd = _enter(fd, part, path, 0o700 if number == len(parts) else 0o777)  # the cache itself: private
            except OSError as exc:
                raise Refused(f"cannot open {path}: {exc.strerror or exc}") from None
        if os.fstat(fd).st_uid != os.getuid():
            os.close(fd)
            raise Refused(f"{path} belongs to another user")
        self.fd = fd
        weakref.finalize(self, os.close, fd)

    def read(self, name: str) -> bytes | None:
        handle = self.open(name)
        if handle is None:
            return None
        with handle:
            return handle.read(MAX_FILE_BYTES)

    def open(self, name: str) -> BinaryIO | None:
        """The file for reading, when it is a regular one of at most MAX_FILE_BYTES (else None)."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=self.fd)
        except OSError:
            return None
        handle = os.fdopen(fd, "rb")
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            handle.close()
            return None
        return handle

    def write(self, name: str, fill: Callable[[BinaryIO], None]) -> None:
        """What ``fill`` writes into the handle, atomically (a concurrent run never sees a torn file); a
        read-only folder stays cold. The writer streams: a large pack is never held whole in memory."""
        if not self._gitignore_checked:
            self._gitignore_checked = True
            self._add_gitignore()
        temporary = f".tmp-{os.urandom(8).hex()}"
        try:
            fd = os.open(temporary, _NEW_FILE, 0o600, dir_fd=self.fd)
        except OSError:
            return
        written = False
        try:
            with os.fdopen(fd, "wb") as handle:
                fill(handle)
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            written = True
        except OSError:
            pass  # a full disk: the next run is cold
        finally:
            if not written:  # nor is a half-written file left behind by an error of the writer
                with contextlib.suppress(OSError):
                    os.unlink(temporary, dir_fd=self.fd)

    def _add_gitignore(self) -> None:
        """Git never shows the cache; an existing .gitignore (a file or a planted symlink) is left alone."""
        try:
            fd = os.open(".gitignore", _NEW_FILE, 0o644, dir_fd=self.fd)
        except OSError:
            return
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"*\n")


def _enter(parent: int, name: str, path: Path, mode: int) -> int:
    """The folder ``name`` in ``parent`` (made with ``mode`` if missing), never through a symlink; closes ``parent``."""
    try:
        try:
            return os.open(name, _DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
        except FileNotFoundError:
            os.mkdir(name, mode, dir_fd=parent)
            return os.open(name, _DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
        except OSError:
            if stat.S_ISLNK(os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode):
                raise Refused(f"{path} is a symlink or lies under one") from None
            raise
    finally:
        os.close(parent)
