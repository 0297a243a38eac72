"""Locations and source text of `ast` nodes, for the few nodes that become facts.

`ast` counts columns in UTF-8 bytes; the fact model counts characters
(1-based, exclusive end), so a column is converted only on a line that is not
ASCII. Ranges are syntactic, as they always were for facts: an expression
without its parentheses, a statement without its semicolon, a `def` or a
`for` from its keyword to the end of its last statement, a parameter by its
name, a generator expression without the parentheses around it.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import tokenize

from molecule_lint.facts import Location

_BLANK = b" \t\f"
_WORD = re.compile(rb"[A-Za-z0-9_\x80-\xff]+$")
_SKIPPED_TOKENS = frozenset({tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
                             tokenize.ENDMARKER})  # fmt: skip
_BLOCKS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.For, ast.AsyncFor)


class Positions:
    """Positions in one file, from its UTF-8 text (the bytes `ast` counted columns in)."""

    def __init__(self, utf8: bytes) -> None:
        self.utf8 = utf8
        self.ascii = utf8.isascii()
        self._lines: list[bytes] | None = None

    @property
    def lines(self) -> list[bytes]:
        if self._lines is None:
            # Split at "\r\n", "\r" and "\n", as the tokenizer counts lines (bytes split at no other), with
            # the empty line after a last line break, which splitlines leaves out.
            utf8 = self.utf8
            self._lines = utf8.splitlines()
            if not utf8 or utf8.endswith((b"\n", b"\r")):
                self._lines.append(b"")
        return self._lines

    def column(self, line: int, offset: int) -> int:
        """The 0-based character column of a byte offset into a line."""
        if self.ascii:
            return offset
        text = self.lines[line - 1]
        return offset if text.isascii() else len(text[:offset].decode("utf-8", "replace"))

    def location(self, node: ast.AST) -> Location:
        if isinstance(node, _BLOCKS):
            return self._location(*_start(node), *block_end(node))
        if type(node) is ast.GeneratorExp:
            return self._inside_parentheses(node)
        if type(node) is ast.arg:  # a parameter: its name only
            column = self.column(node.lineno, node.col_offset)
            return Location(node.lineno, column + 1, node.lineno, column + 1 + len(node.arg))
        return self._location(*_start(node), *_end(node))

    def _location(self, line: int, offset: int, end_line: int, end_offset: int) -> Location:
        return Location(line, self.column(line, offset) + 1, end_line, self.column(end_line, end_offset) + 1)

    def code(self, node: ast.expr) -> str:
        """An expression's source text with the parentheses that are its own: `(orgs)` in `for o in (orgs)`."""
        start, end = _index(_start(node)), _index(_end(node))
        while True:
            before, after = self._previous(start), self._next(end)
            if before is None or after is None or self._byte(before) != b"(" or self._byte(after) != b")":
                break
            if self._opens_arguments(before):
                break
            start, end = before, (after[0], after[1] + 1)
        return self._text(start, end)

    def is_concatenation(self, node: ast.JoinedStr) -> bool:
        """Whether an f-string node is written as more than one string literal (`"a" f"{b}"`)."""
        text = self._text(_index(_start(node)), _index(_end(node)))
        try:
            tokens = tokenize.generate_tokens(io.StringIO(f"({text})").readline)
            return sum(token.type == tokenize.STRING for token in tokens) > 1
        except (tokenize.TokenError, SyntaxError):
            return False

    def _inside_parentheses(self, node: ast.GeneratorExp) -> Location:
        """`(x for x in y)`: from the first token inside the parentheses to the last."""
        text = self._text(_index(_start(node)), _index(_end(node)))
        try:
            tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in _SKIPPED_TOKENS]
        except (tokenize.TokenError, SyntaxError):
            tokens = []
        if len(tokens) < 3:
            return self._location(*_start(node), *_end(node))
        first_column = self.column(node.lineno, node.col_offset)

        def absolute(line: int, column: int) -> tuple[int, int]:
            return node.lineno + line - 1, column + (first_column if line == 1 else 0)

        line, column = absolute(*tokens[1].start)
        end_line, end_column = absolute(*tokens[-2].end)
        return Location(line, column + 1, end_line, end_column + 1)

    def _text(self, start: tuple[int, int], end: tuple[int, int]) -> str:
        lines = self.lines
        if start[0] == end[0]:
            chunk = lines[start[0]][start[1] : end[1]]
        else:
            chunk = b"\n".join([lines[start[0]][start[1] :], *lines[start[0] + 1 : end[0]], lines[end[0]][: end[1]]])
        return chunk.decode("utf-8", "replace")

    def _byte(self, at: tuple[int, int]) -> bytes:
        return self.lines[at[0]][at[1] : at[1] + 1]

    def _previous(self, at: tuple[int, int]) -> tuple[int, int] | None:
        """The last byte before ``at`` that is not blank (lines joined by backslashes or inside brackets)."""
        line, column = at
        while line >= 0:
            text = self.lines[line][:column].rstrip(_BLANK)
            if line != at[0] and text.endswith(b"\\"):
                text = text[:-1].rstrip(_BLANK)
            if text:
                return line, len(text) - 1
            line -= 1
            column = len(self.lines[line]) if line >= 0 else 0
        return None

    def _next(self, at: tuple[int, int]) -> tuple[int, int] | None:
        """The first byte from ``at`` on that is not blank (or a line-joining backslash)."""
        line, column = at
        lines = self.lines
        while line < len(lines):
            text = lines[line]
            stripped = text[column:].lstrip(_BLANK)
            if stripped and stripped != b"\\":
                return line, len(text) - len(stripped)
            line, column = line + 1, 0
        return None

    def _opens_arguments(self, paren: tuple[int, int]) -> bool:
        """Whether a `(` opens a call's arguments (or a def's parameters) rather than a parenthesised expression."""
        before = self._previous(paren)
        if before is None:
            return False
        text = self.lines[before[0]][: before[1] + 1]
        last = text[-1:]
        if last in (b")", b"]", b"'", b'"'):
            return True
        word = _WORD.search(text)
        if word is None:
            return False
        name = word.group().decode("utf-8", "replace")
        return not (keyword.iskeyword(name) or keyword.issoftkeyword(name))


def block_end(node: ast.AST) -> tuple[int, int]:
    """Where a compound statement's last statement ends (a trailing `;` is not part of it)."""
    while True:
        block = _last_block(node)
        if block is None:
            return _end(node)
        node = block[-1]


def _last_block(node: ast.AST) -> list[ast.stmt] | None:
    if isinstance(node, (ast.Try, ast.TryStar)):
        return node.finalbody or node.orelse or (node.handlers[-1].body if node.handlers else node.body)
    if isinstance(node, ast.Match):
        return node.cases[-1].body
    if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While)):
        return node.orelse or node.body
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.With, ast.AsyncWith)):
        return node.body
    return None


def _start(node: ast.AST) -> tuple[int, int]:
    """(line, UTF-8 column) where a node starts."""
    return node.lineno, node.col_offset  # type: ignore[attr-defined]


def _end(node: ast.AST) -> tuple[int, int]:
    return node.end_lineno, node.end_col_offset  # type: ignore[attr-defined]


def _index(point: tuple[int, int]) -> tuple[int, int]:
    """A point as an index into the lines: the line 0-based."""
    return point[0] - 1, point[1]
