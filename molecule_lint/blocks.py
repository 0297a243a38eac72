"""Split a Python file's bytes into its top-level statements, without parsing.

The prefilter keeps only the top-level functions and classes a rule may need
and blanks the others before libcst sees the file (same line numbers, so every
position stays exact). Statements start at column 0; lines inside strings
(found by a string-and-comment regex: an apostrophe in a comment or a `'''`
inside a `\"\"\"` string must not fool it), comments and closing brackets do
not start one. A mistake cannot change a finding silently: a wrongly cut
function leaves a slice libcst refuses, and the file is then parsed whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Strings and comments; no prefixes needed (r"\"" still does not end at the escaped quote).
_STRING_OR_COMMENT = re.compile(
    rb"#[^\n]*"
    rb'|"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|$)'
    rb"|'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|$)"
    rb'|"(?:[^"\\\n]|\\[\s\S])*"'
    rb"|'(?:[^'\\\n]|\\[\s\S])*'"
)
# A line at column 0 that starts a statement: not blank, not a comment, not a closing bracket.
_STATEMENT = re.compile(rb"^(?![)\]}#\s])", re.MULTILINE)
_HEADER = re.compile(rb"(@)|(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)")
# Clauses that continue the compound statement before them.
_CLAUSE = re.compile(rb"(?:else|elif|except|finally|case)\b")


@dataclass(frozen=True, slots=True)
class Block:
    start: int  # byte offsets into the source
    end: int
    name: str | None  # a top-level def/class; None for any other statement (imports, assignments, ...)


def split_blocks(source: bytes) -> list[Block]:
    """The top-level statements in order; decorators belong to the def/class they decorate."""
    multiline = [(m.start(), m.end()) for m in _STRING_OR_COMMENT.finditer(source) if b"\n" in m.group()]
    starts = [m.start() for m in _STATEMENT.finditer(source) if not _inside(multiline, m.start())]
    blocks: list[Block] = []
    pending_decorator: int | None = None
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(source)
        header = _HEADER.match(source, start)
        if header is not None and header.group(1):
            if pending_decorator is None:
                pending_decorator = start
            continue
        if _CLAUSE.match(source, start) and blocks and pending_decorator is None:
            previous = blocks.pop()
            blocks.append(Block(previous.start, end, previous.name))
            continue
        name = header.group(2).decode() if header is not None and header.group(2) else None
        blocks.append(Block(start if pending_decorator is None else pending_decorator, end, name))
        pending_decorator = None
    if pending_decorator is not None:  # a decorator with nothing after it: a syntax error, kept as is
        blocks.append(Block(pending_decorator, len(source), None))
    if blocks and blocks[0].start > 0:
        blocks.insert(0, Block(0, blocks[0].start, None))
    return blocks


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right(spans, (offset, 2**63)) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


def blank(source: bytes, blocks: list[Block], keep: list[bool]) -> bytes:
    """``source`` with the dropped blocks' lines emptied: line numbers and kept text unchanged."""
    parts = []
    for block, kept in zip(blocks, keep):
        text = source[block.start : block.end]
        parts.append(text if kept else b"\n" * text.count(b"\n"))
    return b"".join(parts)
