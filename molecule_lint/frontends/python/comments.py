"""`# molecule-lint: ignore[MOL101, MOL102] -- reason (until 2027-03-01)` comments.

`ast` drops comments; `tokenize` reads them, and runs only on files whose
bytes mention `molecule-lint` at all.
"""

from __future__ import annotations

import dataclasses
import io
import re
import tokenize
from collections.abc import Iterator

from molecule_lint.facts import Location

# Public: `molecule-lint fix` edits the comments it matches.
MARK = re.compile(r"#\s*molecule-lint\s*:\s*ignore\b\s*(?:\[(?P<rules>[^\]]*)\])?(?P<rest>.*)$", re.IGNORECASE)
_REST = re.compile(r"^\s*(?:--\s*(?P<reason>.*?))?\s*(?:\(\s*until\s+(?P<until>[^)]*?)\s*\))?\s*$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class Mark:
    """A suppression comment."""

    loc: Location
    rules: tuple[str, ...]  # () = every rule
    reason: str | None
    until: str | None  # as written; an unreadable date is the governance check's to report
    standalone: bool


def marks(source: bytes) -> Iterator[Mark]:
    for token in _comments(source):
        mark = MARK.search(token.string)
        if mark is None:
            continue
        rules = tuple(r.strip().upper() for r in (mark.group("rules") or "").split(",") if r.strip())
        rest = _REST.match(mark.group("rest"))
        reason = (rest.group("reason") or None) if rest else None
        until = rest.group("until") if rest else None
        (line, column), (end_line, end_column) = token.start, token.end
        standalone = not token.line[:column].strip()  # on a line of its own, not trailing code
        yield Mark(Location(line, column + 1, end_line, end_column + 1), rules, reason, until, standalone)


def _comments(source: bytes) -> Iterator[tokenize.TokenInfo]:
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.COMMENT:
                yield token
    except (tokenize.TokenError, SyntaxError):  # the parser accepted the file: only its very end can be odd
        return
