"""Fixes as a unified diff that `git apply` takes byte for byte (and `patch -p1`, for names without blanks)."""

from __future__ import annotations

import difflib
import os
import re

from molecule_lint.textsafe import human, human_lines, is_safe_lines

_LINE = re.compile(rb"[^\n]*\n|[^\n]+")  # lines split at \n only: a CRLF line keeps its \r, as git sees it
_NO_NEWLINE = b"\\ No newline at end of file\n"


def unified(path: str, before: bytes, after: bytes) -> bytes:
    """`--- a/path` / `+++ b/path` hunks with three lines of context."""
    lines = difflib.diff_bytes(
        difflib.unified_diff,
        _LINE.findall(before),
        _LINE.findall(after),
        os.fsencode(f"a/{path}"),  # the name's own bytes, undecodable ones included
        os.fsencode(f"b/{path}"),
    )
    return b"".join(line if line.endswith(b"\n") else line + b"\n" + _NO_NEWLINE for line in lines)


def shown(path: str, before: bytes, after: bytes) -> tuple[bytes | str, bool]:
    """The diff to print, and whether it is exact. It is printed as it is when it is UTF-8 holding nothing
    a terminal would act on (its lines are the scanned file's own bytes, its name the file's); otherwise
    with escapes, for reading only: it will not apply."""
    patch = unified(path, before, after)
    if human(path) == path and _printable(patch):
        return patch, True
    view = unified(human(path), before, after)
    return human_lines(view.decode("utf-8", "backslashreplace")), False


def _printable(patch: bytes) -> bool:
    try:
        return is_safe_lines(patch.decode("utf-8"))
    except UnicodeDecodeError:
        return False
