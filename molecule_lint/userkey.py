"""The per-user secret that authenticates cache files (see sealed.py).

It lives outside every project, so neither a repository nor a cache restored into one can carry
it: a cache file passes only if this user's own runs wrote it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

KEY_BYTES = 32


class UnusableKey(Exception):
    """The key can be neither read nor created safely: the run goes on without a cache."""


def key_path() -> Path:
    """`$XDG_CACHE_HOME/molecule-lint/key`, else `~/.cache/molecule-lint/key`."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec ignores a relative one; it would land in the project
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            raise UnusableKey("no home folder and no XDG_CACHE_HOME for the cache key")
        base = os.path.join(home, ".cache")
    return Path(base) / "molecule-lint" / "key"


def user_key() -> bytes:
    path = key_path()
    if not os.path.lexists(path):
        _create(path)
    return _read(path)


def _read(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise UnusableKey(f"cannot read the cache key {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            raise UnusableKey(f"the cache key {path} is not a regular file of this user")
        if info.st_mode & 0o077:  # whoever can read it can forge this user's cache files
            raise UnusableKey(f"the cache key {path} is open to other users (chmod 600 it)")
        key = handle.read(KEY_BYTES + 1)
    if len(key) != KEY_BYTES:
        raise UnusableKey(f"the cache key {path} is not {KEY_BYTES} bytes (delete it to make a new one)")
    return key


def _create(path: Path) -> None:
    """A fresh random key, linked into place whole: a concurrent run never reads half of one."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = path.with_name(f".key-{os.urandom(8).hex()}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(KEY_BYTES))
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another run made one first: theirs is used
        finally:
            os.unlink(temporary)
    except OSError as exc:
        raise UnusableKey(f"cannot create the cache key {path}: {exc.strerror or exc}") from None
