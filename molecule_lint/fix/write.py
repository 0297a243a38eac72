"""Reading and writing the files a fix edits: inside the project, never through a symlink, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class Refused(Exception):
    """A file a fix must not touch, or could not write; the message says which and why."""


def target(root: Path, rel: str) -> Path:
    """The file at project-relative ``rel``, if no part of the way to it from ``root`` is a symlink."""
    if Path(rel).is_absolute():
        raise Refused(f"{rel}: not fixed: a path leading out of the project")
    path = root
    for part in Path(rel).parts:
        path = path / part
        if part in ("..", "") or path.is_symlink():
            raise Refused(f"{rel}: not fixed: a symlink or a path leading out of the project")
    if not path.is_file():
        raise Refused(f"{rel}: not fixed: not a regular file")
    return path


def read(root: Path, rel: str) -> bytes:
    try:
        return target(root, rel).read_bytes()
    except OSError as exc:
        raise Refused(f"{rel}: not fixed: {exc.strerror or exc}") from None


def replace(root: Path, rel: str, before: bytes, after: bytes) -> None:
    """Write ``after`` over the file if it still holds ``before``: a temporary file beside it, then a rename,
    so a reader sees the old bytes or the new ones, never half; the file's mode is kept."""
    path = target(root, rel)
    try:
        if path.read_bytes() != before:
            raise Refused(f"{rel}: not fixed: it changed while molecule-lint ran")
        mode = path.stat().st_mode
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".molecule-lint")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(after)
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise Refused(f"{rel}: not fixed: {exc.strerror or exc}") from None
