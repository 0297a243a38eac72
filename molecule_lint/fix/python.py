"""Python fixes, as edits of the file's text: unused suppression comments at the tokenizer's exact comment
spans, MOLECULE_PLATFORM_URL fallbacks where libcst finds them (fallbacks.py). The text is decoded as
Python decodes it (coding cookie, BOM) and written back in the same encoding."""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator

from molecule_lint.findings import Finding
from molecule_lint.fix.edits import Edit, applied, unused_ids_removed
from molecule_lint.frontends.python.comments import MARK

_LONE_CR = re.compile(r"\r(?!\n)")  # a line break to Python's parsers, not to the tokenizer's readline


def rewrite(source: bytes, findings: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file with the findings fixed that can be, and those findings."""
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]  # "utf-8-sig" keeps a BOM
        text = source.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return source, []  # MOL901's
    if text.encode(encoding) != source or _LONE_CR.search(text):
        return source, []  # a codec that would not give the same bytes back; lines we would count otherwise
    starts = _line_starts(text)
    edits: list[Edit] = []
    fixed: list[Finding] = []
    for edit, finding in (*_unused_suppressions(text, starts, findings), *_platform_fallbacks(text, starts, findings)):
        edits.append(edit)
        fixed.append(finding)
    return applied(text, edits).encode(encoding), fixed


def _line_starts(text: str) -> list[int]:
    """Offset of each line (1-based: [0] is unused), lines ending at \\n as the tokenizer reads them."""
    starts = [0, 0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _unused_suppressions(text: str, starts: list[int], findings: list[Finding]) -> Iterator[tuple[Edit, Finding]]:
    marks = {f.loc.line: f for f in findings if f.rule == "MOL902" and f.target is not None}
    if not marks:
        return
    try:
        tokens = list(_tokens_until(text, max(marks)))
    except (tokenize.TokenError, SyntaxError):
        return
    for token in tokens:
        finding = marks.get(token.start[0])
        if token.type != tokenize.COMMENT or finding is None or finding.target is None:
            continue
        start = starts[token.start[0]] + token.start[1]
        end = start + len(token.string)
        mark = MARK.search(token.string)
        if mark is not None and text[start:end] == token.string:
            yield unused_ids_removed(text, start, end, mark, set(finding.target.split(","))), finding


def _tokens_until(text: str, last_line: int) -> Iterator[tokenize.TokenInfo]:
    """The tokens up to the end of ``last_line``: the rest of the file is not read."""
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.start[0] > last_line:
            return
        yield token


def _platform_fallbacks(text: str, starts: list[int], findings: list[Finding]) -> list[tuple[Edit, Finding]]:
    wanted = {(f.loc.line, f.loc.column): f for f in findings if f.rule == "MOL301"}
    if not wanted:
        return []  # libcst only for a file with a fallback to fix: parsing and naming cost 10-50x the tokenizer
    from molecule_lint.fix.fallbacks import fallbacks

    return fallbacks(text, starts, wanted)
