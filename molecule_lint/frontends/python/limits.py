"""What the libcst parser must never be handed: it crashes the process (SIGSEGV) on deep nesting past
~800 brackets and on one expression with ~20,000 operators (`a and a and ...`, `- - - x`), RecursionErrors
from ~6,000, and takes seconds on very long lines. `ast` reads all of these or refuses them itself;
these limits guard the libcst fallback (newer_syntax) and name the reason when `ast` gives up.
"""

from __future__ import annotations

import io
import re
import tokenize
from itertools import accumulate

_MAX_BRACKETS = 200
_BRACKETS = bytes.maketrans(b"([{)]}", b"\x01\x01\x01\xff\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"([{)]}")
_MAX_OPERATORS = 3_000
_OPERATOR_BYTES = (b" and", b" or", b"not ")
_UNARY_RUN = re.compile(rb"(?:[-+~]\s*){200,}")  # `- - - ... x`: a run no real code has
_OPERATORS = frozenset({"and", "or", "not", "-", "+", "~", "*", "/", "|", "&", "^", "%", "@", "**", "//", "<<", ">>"})
# A longer line is minified or generated code, where libcst's parse time grows faster than linearly.
MAX_LINE_BYTES = 50_000


def has_long_line(source: bytes) -> bool:
    return len(source) > MAX_LINE_BYTES and max(map(len, source.splitlines())) > MAX_LINE_BYTES


def refusal(source: bytes) -> str | None:
    """Why a file must not go to libcst, or None."""
    if has_long_line(source):
        return f"skipped: a line longer than {MAX_LINE_BYTES:,} bytes (generated code?)"
    if _too_deeply_nested(source):
        return "too deeply nested"
    if _too_long_expression(source):
        return f"an expression with more than {_MAX_OPERATORS:,} operators"
    return None


def _too_long_expression(source: bytes) -> bool:
    """A run of unary operators, or a logical line with more than _MAX_OPERATORS operators
    (tokenized only when the file holds that many `and`/`or`/`not` at all, which ordinary files don't)."""
    adjacent = sum(source.count(pair) for pair in (b"--", b"- -", b"++", b"+ +", b"~~", b"~ ~"))
    if adjacent > 100 and _UNARY_RUN.search(source):  # the regex only where a run is possible at all
        return True
    if sum(source.count(mark) for mark in _OPERATOR_BYTES) <= _MAX_OPERATORS:
        return False
    count = 0
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.NEWLINE:
                count = 0
            elif token.string in _OPERATORS and token.type in (tokenize.OP, tokenize.NAME):
                count += 1
                if count > _MAX_OPERATORS:
                    return True
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return False  # the parser reports it as a syntax error
    return False


def _too_deeply_nested(source: bytes) -> bool:
    """More than _MAX_BRACKETS nested brackets: counted over all bytes first (cheap, C-speed);
    only when that estimate is over, again over real tokens, so brackets in strings and comments
    cannot turn a valid file away."""
    marks_only = source.translate(_BRACKETS, _NOT_BRACKETS)
    if max(accumulate(memoryview(marks_only).cast("b")), default=0) <= _MAX_BRACKETS:
        return False
    depth = 0
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.OP and token.string in ("(", "[", "{"):
                depth += 1
                if depth > _MAX_BRACKETS:
                    return True
            elif token.type == tokenize.OP and token.string in (")", "]", "}"):
                depth -= 1
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return True  # unreadable and suspicious: safer refused than handed to the parser
    return False
