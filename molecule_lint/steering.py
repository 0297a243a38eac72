"""Read the files that steer a run — config, `.gitignore`, rule packs — the way an untrusted checkout allows.

A pull request controls every byte of the checkout: such a file may be a symlink to `/dev/zero`
(an unbounded read), to a FIFO (a read that never returns) or to a file outside the project.
So it is read only when it resolves to a regular file inside its folder, and only up to a bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 1 << 20  # 1 MiB: a large real config is a few KiB


class UnsafeFile(Exception):
    """A steering file that is not read; the message says why, e.g. "is not a regular file"."""


def read_steering_file(path: Path, inside: Path) -> bytes:
    """The bytes of ``path`` if it resolves to a regular file within ``inside`` and holds at most MAX_BYTES.

    Raises FileNotFoundError when there is no such file (nor a dangling symlink to one), UnsafeFile otherwise.
    """
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(os.path.realpath(inside)):
        if not path.exists():
            raise FileNotFoundError(path)
        raise UnsafeFile("is a symlink leading outside the project")
    data = read_regular(real, MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UnsafeFile(f"is larger than {MAX_BYTES // (1 << 20)} MiB")
    return data


def read_regular(path: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path`` if it is a regular file; UnsafeFile if it is not (a FIFO, a device)
    or cannot be opened, FileNotFoundError if it is not there."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnsafeFile(f"cannot be read: {exc.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnsafeFile("is not a regular file")
        return handle.read(limit)
