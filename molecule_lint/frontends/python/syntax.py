"""One parse of a Python file with the standard library's `ast`, shared by every pass over it.

`ast` knows only the running interpreter's grammar: a file it rejects goes to
newer_syntax, which reads Python 3.12 syntax (type parameters and `type`
aliases with tokenize, PEP 701 f-strings with libcst, imported for them
alone); a file it cannot read either is unparsable.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass

from molecule_lint.facts import Location
from molecule_lint.frontends.python.limits import refusal
from molecule_lint.frontends.python.positions import Positions

_BLANK = b" \t\f"


class Unparsable(Exception):
    """A file that cannot be analysed: why (one line) and where, if known."""

    def __init__(self, reason: str, loc: Location | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.loc = loc


@dataclass(frozen=True, slots=True)
class Parsed:
    tree: ast.Module
    positions: Positions  # of the file's text
    text: bytes  # what `ast` parsed: the file's text, or its rewrite of the same shape (newer_syntax), in UTF-8

    def starts_line(self, stmt: ast.stmt) -> bool:
        """Whether a statement is the first thing on its line (an indented block's, not `if x: y`)."""
        return not self.positions.lines[stmt.lineno - 1][: stmt.col_offset].strip(_BLANK)


def parse(source: bytes) -> Parsed:
    """The file's tree; raises Unparsable."""
    text = decode(source)
    parsed = text
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        from molecule_lint.frontends.python import newer_syntax  # libcst: only for what `ast` rejects

        tree, parsed = newer_syntax.parse(text, error)
    except (RecursionError, MemoryError):  # CPython's parser gives up on very deep nesting with these
        raise Unparsable(refusal(text.encode("utf-8", "surrogatepass")) or "too deeply nested") from None
    except ValueError:  # NUL bytes
        raise Unparsable("syntax error: source code cannot contain null bytes") from None
    utf8 = text.encode("utf-8", "surrogatepass")
    return Parsed(tree, Positions(utf8), utf8 if parsed is text else parsed.encode("utf-8", "surrogatepass"))


def decode(source: bytes) -> str:
    """The file's text, by its coding cookie (UTF-8 without one); raises Unparsable."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    except SyntaxError as exc:  # a bad or unknown coding cookie, or no cookie and bytes that are not UTF-8
        raise Unparsable(f"undecodable: {exc.msg}", _undecodable_location(source, exc)) from None
    try:
        return source.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unparsable(f"undecodable: {exc.encoding} ({exc.reason})", _byte_location(source, exc.start)) from None


def syntax_error(error: SyntaxError) -> Unparsable:
    """CPython's own message and position for a syntax error."""
    message = (error.msg or "invalid syntax").splitlines()[0]
    line, column = error.lineno, error.offset
    loc = Location(line, column, line, column + 1) if line and column else None
    return Unparsable(f"syntax error: {message}", loc)


def _byte_location(source: bytes, offset: int) -> Location:
    line = source.count(b"\n", 0, offset) + 1
    column = offset - (source.rfind(b"\n", 0, offset) + 1) + 1
    return Location(line, column, line, column + 1)


def _undecodable_location(source: bytes, exc: SyntaxError) -> Location | None:
    """Where the bytes stop being UTF-8 (no or a bad cookie), else the cookie's line if known."""
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as bad:
        return _byte_location(source, bad.start)
    return Location(exc.lineno, 1, exc.lineno, 2) if exc.lineno else None
