"""Fixes as text edits: exact spans of the file's text replaced, everything else left as it was."""

from __future__ import annotations

import re
from collections.abc import Iterable

Edit = tuple[int, int, str]  # replace text[start:end] by the string


def applied(text: str, edits: Iterable[Edit]) -> str:
    """The text with the edits made (they do not overlap)."""
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def unused_ids_removed(text: str, start: int, end: int, mark: re.Match[str], unused: set[str]) -> Edit:
    """The edit that takes the ``unused`` rule ids ("*": all) out of the suppression ``mark`` matched in
    the comment text[start:end].

    Ids some finding still needs are kept as written (RUF100's way); when none is left, the suppression
    goes, and with it the whole comment unless text precedes it (`# noqa: E501 # molecule-lint: ...`).
    """
    comment = text[start:end]
    listed = [item.strip() for item in (mark.group("rules") or "").split(",") if item.strip()]
    kept = [item for item in listed if item.upper() not in unused]
    if kept and "*" not in unused:
        first, last = mark.span("rules")
        return start, end, comment[:first] + ", ".join(kept) + comment[last:]
    before = comment[: mark.start()].rstrip()
    if before.lstrip("#").strip():
        return start, end, before
    return _deletion(text, start, end)


def _deletion(text: str, start: int, end: int) -> Edit:
    """Delete a comment: its whole line when nothing else is on it, else with the blanks that separate it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip() and not after.strip():
        return line_start, min(line_end + 1, len(text)), ""
    if before.strip():
        return line_start + len(before.rstrip(" \t")), end, ""
    return start, end + len(after) - len(after.lstrip(" \t")), ""
