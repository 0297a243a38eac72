"""Python 3.12 syntax for the `ast` of an older interpreter.

libcst parses the file; the constructs `ast` rejects are then replaced in the
text by placeholders of the same shape, so that every other node keeps its
exact position: type parameters (`def f[T]`, `class C[T]`) by blanks, a `type`
alias by a `pass`, an f-string of PEP 701 (quotes reused, backslashes or
comments in a replacement field) by `()`. `ast` parses that; each placeholder
is then swapped for the nodes the original meant, built from the parts'
own text (parsed the same way, so nesting works) at their own positions.
Runs on a few files of a large project, and never on input libcst would
crash on (limits.py).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, TypeVar

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from molecule_lint.facts import Location
from molecule_lint.frontends.python.limits import refusal
from molecule_lint.frontends.python.syntax import Unparsable, syntax_error

_NEWLINE = re.compile(r"\r\n?|\n")
_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)

Node = TypeVar("Node", bound=ast.AST)
Point = tuple[int, int]  # line (1-based), column (0-based, UTF-8 bytes: as `ast` counts)


def parse(text: str, error: SyntaxError) -> tuple[ast.Module, str]:
    """The tree of a file `ast` rejected with ``error``, and the text it was parsed from; raises Unparsable."""
    refused = refusal(text.encode("utf-8", "surrogatepass"))
    if refused is not None:
        raise Unparsable(refused)
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:  # its position: `ast`'s may point at 3.12 syntax before the error
        line, column = exc.raw_line, exc.raw_column + 1
        message = exc.message.splitlines()[0] if exc.message else "invalid syntax"
        raise Unparsable(f"syntax error: {message}", Location(line, column, line, column + 1)) from None
    try:
        return _Rewriter(text, module).module()
    except SyntaxError:  # a construct this module does not know how to rewrite
        raise syntax_error(error) from None


class _Rewriter:
    def __init__(self, text: str, module: cst.Module) -> None:
        self.lines = _NEWLINE.split(text)
        self.newlines = _NEWLINE.findall(text)
        self.module_node = module
        self.ranges = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)

    def module(self) -> tuple[ast.Module, str]:
        lines = list(self.lines)
        grafts = self._plan(self.module_node, lines, 1)
        text = "".join(line + newline for line, newline in zip(lines, [*self.newlines, ""]))
        tree = ast.parse(text)
        self._graft(tree, grafts)
        return tree, text

    def expression(self, node: cst.BaseExpression) -> ast.expr:
        """An expression parsed from its own text, at its own position."""
        where = self.ranges[node]
        first, column = where.start.line, where.start.column
        lines = self.lines[first - 1 : where.end.line]
        lines[-1] = lines[-1][: where.end.column]
        grafts = self._plan(node, lines, first)
        prefix = len(lines[0][:column].encode("utf-8", "surrogatepass"))
        lines[0] = ("(" + " " * (prefix - 1) if prefix else "(") + lines[0][column:]
        expression = ast.parse("\n".join(lines) + ")", mode="eval").body
        for child in ast.walk(expression):
            _shift(child, first - 1, 0 if prefix else -1)
        self._graft(expression, grafts)
        whole = self._replacement(expression, grafts)  # the expression may be a placeholder itself
        assert isinstance(whole, ast.expr)
        return whole

    # -- what to replace ------------------------------------------------------------

    def _plan(self, root: cst.CSTNode, lines: list[str], first: int) -> dict[Point, cst.CSTNode]:
        """Blank out in ``lines`` (line ``first`` of the file onwards) what `ast` cannot read under ``root``;
        the placeholders' starts (line, UTF-8 column) -> the nodes they stand for."""
        grafts: dict[Point, cst.CSTNode] = {}
        blanks: list[tuple[CodeRange, str]] = []
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and node.type_parameters is not None:
                blanks.append((self.ranges[node.type_parameters], ""))
            elif isinstance(node, cst.TypeAlias):
                where = self.ranges[node]
                if isinstance(node.semicolon, cst.Semicolon):  # libcst's range runs past `; `
                    where = CodeRange(where.start, self.ranges[node.semicolon].start)
                blanks.append((where, "pass"))
                grafts[self._start(where)] = node
                continue
            elif isinstance(node, _STRINGS):
                where = self.ranges[node]
                if _has_fstring(node) and not _readable(self._text(where)):  # PEP 701 changed f-strings only
                    blanks.append((where, "()"))
                    grafts[self._start(where)] = node
                continue
            stack.extend(reversed(list(_children(node))))
        for where, keep in sorted(blanks, key=lambda blank: (blank[0].start.line, blank[0].start.column), reverse=True):
            _blank(lines, first, where, keep)  # right to left: columns on the left stay as libcst counted them
        return grafts

    def _start(self, where: CodeRange) -> Point:
        line = self.lines[where.start.line - 1]
        return where.start.line, len(line[: where.start.column].encode("utf-8", "surrogatepass"))

    def _text(self, where: CodeRange) -> str:
        lines = self.lines[where.start.line - 1 : where.end.line]
        lines[-1] = lines[-1][: where.end.column]
        lines[0] = lines[0][where.start.column :]
        return "\n".join(lines)

    # -- what to put back -------------------------------------------------------------

    def _graft(self, tree: ast.AST, grafts: dict[Point, cst.CSTNode]) -> None:
        if not grafts:
            return
        for parent in ast.walk(tree):
            for name, value in ast.iter_fields(parent):
                if isinstance(value, list):
                    value[:] = [self._replacement(i, grafts) if isinstance(i, ast.AST) else i for i in value]
                elif isinstance(value, ast.AST):
                    setattr(parent, name, self._replacement(value, grafts))

    def _replacement(self, node: ast.AST, grafts: dict[Point, cst.CSTNode]) -> ast.AST:
        """What a placeholder stands for; any other node is itself."""
        if not isinstance(node, (ast.Pass, ast.Tuple)) or isinstance(node, ast.Tuple) and node.elts:
            return node
        original = grafts.get((node.lineno, node.col_offset))
        if isinstance(original, cst.TypeAlias) and isinstance(node, ast.Pass):
            parts = [self.expression(original.value), *self._type_parameters(original.type_parameters)]
            value = _located(ast.Tuple(parts, ast.Load()), node)
            return _located(ast.Expr(value), node)
        if isinstance(original, _STRINGS) and isinstance(node, ast.Tuple):
            return _located(ast.JoinedStr(list(self._string_parts(original, node))), node)
        return node

    def _type_parameters(self, params: cst.TypeParameters | None) -> Iterator[ast.expr]:
        """What a `type` alias's parameters evaluate: bounds and defaults, in order."""
        for param in params.params if params is not None else ():
            bound = getattr(param.param, "bound", None)
            if bound is not None:
                yield self.expression(bound)
            if param.default is not None:
                yield self.expression(param.default)

    def _string_parts(self, node: cst.CSTNode, where: ast.AST) -> Iterator[ast.expr]:
        if isinstance(node, cst.ConcatenatedString):
            yield from self._string_parts(node.left, where)
            yield from self._string_parts(node.right, where)
        elif isinstance(node, cst.SimpleString):
            yield _located(ast.Constant(node.evaluated_value), where)
        elif isinstance(node, cst.FormattedString):
            yield from self._fstring_parts(node.parts, node, where)

    def _fstring_parts(
        self, parts: Sequence[cst.BaseFormattedStringContent], fstring: cst.FormattedString, where: ast.AST
    ) -> Iterator[ast.expr]:
        for part in parts:
            if isinstance(part, cst.FormattedStringText):
                yield _located(ast.Constant(_fstring_text(part, fstring)), where)
            elif isinstance(part, cst.FormattedStringExpression):
                spec = part.format_spec
                format_spec = (
                    _located(ast.JoinedStr(list(self._fstring_parts(spec, fstring, where))), where)
                    if spec is not None else None
                )
                conversion = ord(part.conversion) if part.conversion else -1
                value = ast.FormattedValue(self.expression(part.expression), conversion, format_spec)
                yield _located(value, where)


def _blank(lines: list[str], first: int, where: CodeRange, keep: str) -> None:
    """Blank a range with as many UTF-8 bytes of spaces, so that what follows keeps its `ast` columns;
    ``keep``: "()" an empty tuple over the range, "pass" a statement at its start, "" nothing
    (then line breaks inside the range are joined with backslashes)."""
    start, end = where.start, where.end
    for line in range(start.line, end.line + 1):
        text = lines[line - first]
        begin = start.column if line == start.line else 0
        stop = end.column if line == end.line else len(text)
        segment = text[begin:stop]
        filler = " " * len(segment.encode("utf-8", "surrogatepass"))
        if keep == "()":
            filler = ("(" + filler[1:]) if line == start.line else filler
            filler = (filler[:-1] + ")") if line == end.line else filler
        else:
            filler = (keep + filler[len(keep) :]) if line == start.line else filler
            filler = (filler[:-1] + "\\") if line != end.line and filler else filler
        lines[line - first] = text[:begin] + filler + text[stop:]


def _located(node: Node, where: ast.AST) -> Node:
    return ast.copy_location(node, where)


def _shift(node: Any, lines: int, first_line_columns: int) -> None:
    """Move a node parsed from a piece of the file to where that piece is."""
    if not hasattr(node, "lineno"):
        return
    if node.lineno == 1:
        node.col_offset += first_line_columns
    if node.end_lineno == 1:
        node.end_col_offset += first_line_columns
    node.lineno += lines
    node.end_lineno += lines


def _children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """A node's children in order, read from its fields (libcst's `children` rebuilds the node: slow)."""
    for name in _fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (tuple, list)):
            yield from (item for item in value if isinstance(item, cst.CSTNode))


@cache
def _fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _has_fstring(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.ConcatenatedString):
        return _has_fstring(node.left) or _has_fstring(node.right)
    return isinstance(node, cst.FormattedString)


def _readable(code: str) -> bool:
    """Whether this interpreter's `ast` reads a string expression."""
    try:
        ast.parse(f"(\n{code}\n)", mode="eval")
    except SyntaxError:
        return False
    return True


def _fstring_text(node: cst.FormattedStringText, fstring: cst.FormattedString) -> str:
    """A literal run of an f-string: escapes decoded, doubled braces undoubled."""
    text = node.value
    if "\\" in text and "r" not in fstring.prefix.lower():
        try:
            text = ast.literal_eval(fstring.end + text + fstring.end)
        except (SyntaxError, ValueError):
            pass
    return text.replace("{{", "{").replace("}}", "}")
