"""Removing rule ids from a suppression comment, the same way for `#` and `//` comments."""

from __future__ import annotations

import re


def without_ids(comment: str, mark: re.Match[str], unused: set[str]) -> str | None:
    """``comment`` with the ``unused`` rule ids ("*": all) taken out of the suppression ``mark`` matched in it.

    Ids some finding still needs are kept as written (RUF100's way); when none is left, the suppression
    goes, and with it the whole comment unless text precedes it (`# noqa: E501 # molecule-lint: ...`).
    None: nothing is left of the comment.
    """
    listed = [item.strip() for item in (mark.group("rules") or "").split(",") if item.strip()]
    kept = [item for item in listed if item.upper() not in unused]
    if kept and "*" not in unused:
        start, end = mark.span("rules")
        return comment[:start] + ", ".join(kept) + comment[end:]
    before = comment[: mark.start()].rstrip()
    return before if before.lstrip("#").strip() else None
