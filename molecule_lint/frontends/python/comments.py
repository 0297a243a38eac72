"""`# molecule-lint: ignore[MOL101, MOL102] -- reason (until 2027-03-01)` comments.

Comments live in libcst's whitespace nodes, which the fact walk skips for
speed; this walk visits them all, and runs only on files whose bytes mention
`molecule-lint` at all.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache

import libcst as cst

# Public: `molecule-lint fix` edits the comments it matches.
MARK = re.compile(r"#\s*molecule-lint\s*:\s*ignore\b\s*(?:\[(?P<rules>[^\]]*)\])?(?P<rest>.*)$", re.IGNORECASE)
_REST = re.compile(r"^\s*(?:--\s*(?P<reason>.*?))?\s*(?:\(\s*until\s+(?P<until>[^)]*?)\s*\))?\s*$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class Mark:
    """A suppression comment, before its position is known."""

    comment: cst.Comment
    rules: tuple[str, ...]  # () = every rule
    reason: str | None
    until: str | None  # as written; an unreadable date is the governance check's to report
    standalone: bool


def marks(tree: cst.Module) -> Iterator[Mark]:
    for comment, standalone in _comments(tree):
        mark = MARK.search(comment.value)
        if mark is None:
            continue
        rules = tuple(r.strip().upper() for r in (mark.group("rules") or "").split(",") if r.strip())
        rest = _REST.match(mark.group("rest"))
        reason = (rest.group("reason") or None) if rest else None
        until = rest.group("until") if rest else None
        yield Mark(comment, rules, reason, until, standalone)


def _comments(tree: cst.Module) -> Iterator[tuple[cst.Comment, bool]]:
    """Every comment with whether it stands on a line of its own (an EmptyLine) or trails code."""
    stack: list[cst.CSTNode] = [tree]
    while stack:  # iterative: comments are looked for in files of any depth
        node = stack.pop()
        if isinstance(node, (cst.EmptyLine, cst.TrailingWhitespace)):
            if node.comment is not None:
                yield node.comment, isinstance(node, cst.EmptyLine)
            continue
        for name in _fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, cst.CSTNode):
                stack.append(value)
            elif isinstance(value, (tuple, list)):
                stack.extend(item for item in value if isinstance(item, cst.CSTNode))


@cache
def _fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))
