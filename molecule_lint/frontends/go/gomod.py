"""A Go file's module is its package import path, from the nearest go.mod.

Reads go.mod files only (never runs `go`), and none that a symlink places
outside the project root.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from pathlib import Path

_MODULE_LINE = re.compile(r'^\s*module\s+"?([^"\s]+)"?\s*(?://.*)?$', re.MULTILINE)
MAX_GO_MOD_BYTES = 1 << 20


def go_module_name(root: Path, path: str) -> str:
    """Import path of the package of ``path`` (root-relative, "/"-separated).

    With no go.mod at or above the file's folder, the root-relative folder.
    Vendored code is named by the import path it is vendored under.
    """
    directory = posixpath.dirname(path)
    vendored = _after_vendor(directory)
    if vendored is not None:
        return vendored
    found = _nearest_module(root, directory)
    if found is None:
        return directory
    module, base = found
    relative = directory[len(base) :].lstrip("/") if base else directory
    return f"{module}/{relative}" if relative else module


def _after_vendor(directory: str) -> str | None:
    parts = directory.split("/")
    if "vendor" not in parts:
        return None
    last = len(parts) - 1 - parts[::-1].index("vendor")
    return "/".join(parts[last + 1 :]) or None


def _nearest_module(root: Path, directory: str) -> tuple[str, str] | None:
    """(module path, root-relative folder of its go.mod) of the nearest go.mod at or above ``directory``."""
    while True:
        declared = _declared_module(root, directory)
        if declared is not None:
            return declared, directory
        if not directory:
            return None
        directory = posixpath.dirname(directory)


def _declared_module(root: Path, directory: str) -> str | None:
    go_mod = root / directory / "go.mod"
    try:
        stat = go_mod.stat()  # a stat per level, not a read: the read is cached by the file's stamp
    except OSError:
        return None  # no go.mod here: the common case
    if go_mod.is_symlink() and not _inside(root, go_mod):
        return None
    return _read_module(str(go_mod), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=1024)
def _read_module(go_mod: str, mtime_ns: int, size: int) -> str | None:
    """The `module` line of a go.mod; the stamp arguments make an edited go.mod a new key."""
    try:
        with open(go_mod, "rb") as handle:
            content = handle.read(MAX_GO_MOD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    match = _MODULE_LINE.search(content)
    return match.group(1) if match else None


def _inside(root: Path, path: Path) -> bool:
    real_root = os.path.realpath(root)
    return os.path.realpath(path).startswith(real_root + os.sep)
