"""Fixes as a unified diff that `git apply` takes byte for byte (and `patch -p1`, for names without blanks)."""

from __future__ import annotations

import difflib
import os
import re

_LINE = re.compile(rb"[^\n]*\n|[^\n]+")  # lines split at \n only: a CRLF line keeps its \r, as git sees it
# What a terminal or a CI log would act on: C0 controls but TAB and the \r of a CRLF, DEL, C1, bidi controls;
# and lone surrogates (a file name's undecodable bytes), which cannot be printed at all.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)"
)
_UNSAFE_IN_LINE = re.compile(_UNSAFE.pattern + r"|[\t\n\r]")
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
    if escaped(path, single_line=True) == path and _printable(patch):
        return patch, True
    view = unified(escaped(path, single_line=True), before, after)
    return escaped(view.decode("utf-8", "backslashreplace")), False


def _printable(patch: bytes) -> bool:
    try:
        return not _UNSAFE.search(patch.decode("utf-8"))
    except UnicodeDecodeError:
        return False


def escaped(text: str, single_line: bool = False) -> str:
    """``text`` with what a terminal would act on shown as escapes (`\\x1b`, `\\u202e`); ``single_line``:
    its tabs and line breaks too (a file name, a note)."""
    unsafe = _UNSAFE_IN_LINE if single_line else _UNSAFE
    return unsafe.sub(lambda c: c.group().encode("unicode_escape").decode("ascii"), text)
