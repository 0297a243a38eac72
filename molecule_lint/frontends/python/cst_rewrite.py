"""What newer_syntax cannot find with tokenize, found with libcst: PEP 701 f-strings (quotes reused,
backslashes or comments in a replacement field), nested as deep as they come, besides type parameters
and `type` aliases. libcst parses the file; its ranges say what to blank (newer_syntax's placeholders),
and each placeholder's original is rebuilt from the libcst nodes, its expressions parsed from their
own text the same way.
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import cast

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from molecule_lint.facts import Location
from molecule_lint.frontends.python.newer_syntax import (
    Point,
    Range,
    alias_statement,
    blank,
    byte_point,
    graft,
    located,
    piece,
    region,
)
from molecule_lint.frontends.python.syntax import Unparsable, syntax_error

_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)


def parse(text: str, lines: list[str], newlines: list[str], error: SyntaxError) -> tuple[ast.Module, str]:
    """The tree and the text it was parsed from; raises Unparsable."""
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:  # its position: `ast`'s may point at 3.12 syntax before the error
        line, column = exc.raw_line, exc.raw_column + 1
        message = exc.message.splitlines()[0] if exc.message else "invalid syntax"
        raise Unparsable(f"syntax error: {message}", Location(line, column, line, column + 1)) from None
    try:
        return _Rewriter(lines, module).module(newlines)
    except SyntaxError:  # a construct this module does not know how to rewrite
        raise syntax_error(error) from None


class _Rewriter:
    def __init__(self, lines: list[str], module: cst.Module) -> None:
        self.lines = lines
        self.module_node = module
        self.ranges = _positions(module)

    def module(self, newlines: list[str]) -> tuple[ast.Module, str]:
        lines = list(self.lines)
        grafts = self._plan(self.module_node, lines, 1)
        text = "".join(line + newline for line, newline in zip(lines, [*newlines, ""]))
        tree = ast.parse(text)
        graft(tree, lambda node: self._replacement(node, grafts))
        return tree, text

    def expression(self, node: cst.BaseExpression) -> ast.expr:
        """An expression parsed from its own text, at its own position."""
        where = self._range(node)
        spanned = region(self.lines, where)
        grafts = self._plan(node, spanned, where[0][0])
        whole = graft(piece(self.lines, where, spanned), lambda node: self._replacement(node, grafts))
        assert isinstance(whole, ast.expr)
        return whole

    def _range(self, node: cst.CSTNode) -> Range:
        where = self.ranges[node]
        return (where.start.line, where.start.column), (where.end.line, where.end.column)

    # -- what to replace ------------------------------------------------------------

    def _plan(self, root: cst.CSTNode, lines: list[str], first: int) -> dict[Point, cst.CSTNode]:
        """Blank out in ``lines`` (line ``first`` of the file onwards) what `ast` cannot read under ``root``;
        the placeholders' starts (line, UTF-8 column) -> the nodes they stand for."""
        grafts: dict[Point, cst.CSTNode] = {}
        blanks: list[tuple[Range, str]] = []
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and node.type_parameters is not None:
                blanks.append((self._range(node.type_parameters), ""))
            elif isinstance(node, cst.TypeAlias):
                where = self._range(node)
                if isinstance(node.semicolon, cst.Semicolon):  # libcst's range runs past `; `
                    where = (where[0], self._range(node.semicolon)[0])
                blanks.append((where, "pass"))
                grafts[byte_point(self.lines, where[0])] = node
                continue
            elif isinstance(node, _STRINGS):
                where = self._range(node)
                if _has_fstring(node) and not _readable(region(self.lines, where), where[0][1]):
                    blanks.append((where, "()"))  # PEP 701 changed f-strings only
                    grafts[byte_point(self.lines, where[0])] = node
                continue
            stack.extend(_children(node))
        for where, keep in sorted(blanks, reverse=True):
            blank(lines, first, where, keep)  # right to left: columns on the left stay as libcst counted them
        return grafts

    # -- what to put back -------------------------------------------------------------

    def _replacement(self, node: ast.AST, grafts: dict[Point, cst.CSTNode]) -> ast.AST:
        """What a placeholder stands for; any other node is itself."""
        if not isinstance(node, (ast.Pass, ast.Tuple)) or isinstance(node, ast.Tuple) and node.elts:
            return node
        original = grafts.get((node.lineno, node.col_offset))
        if isinstance(original, cst.TypeAlias) and isinstance(node, ast.Pass):
            return alias_statement([self.expression(original.value), *self._type_parameters(original)], node)
        if isinstance(original, _STRINGS) and isinstance(node, ast.Tuple):
            return located(ast.JoinedStr(list(self._string_parts(original, node))), node)
        return node

    def _type_parameters(self, alias: cst.TypeAlias) -> Iterator[ast.expr]:
        """What a `type` alias's parameters evaluate: bounds and defaults, in order."""
        for param in alias.type_parameters.params if alias.type_parameters is not None else ():
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
            yield located(ast.Constant(node.evaluated_value), where)
        elif isinstance(node, cst.FormattedString):
            yield from self._fstring_parts(node.parts, node, where)

    def _fstring_parts(
        self, parts: Sequence[cst.BaseFormattedStringContent], fstring: cst.FormattedString, where: ast.AST
    ) -> Iterator[ast.expr]:
        for part in parts:
            if isinstance(part, cst.FormattedStringText):
                yield located(ast.Constant(_fstring_text(part, fstring)), where)
            elif isinstance(part, cst.FormattedStringExpression):
                spec = part.format_spec
                format_spec = (
                    located(ast.JoinedStr(list(self._fstring_parts(spec, fstring, where))), where)
                    if spec is not None else None
                )
                conversion = ord(part.conversion) if part.conversion else -1
                value = ast.FormattedValue(self.expression(part.expression), conversion, format_spec)
                yield located(value, where)


def _positions(module: cst.Module) -> Mapping[cst.CSTNode, CodeRange]:
    """PositionProvider's ranges, without MetadataWrapper's extra visit of the whole tree (half the cost)."""
    provider = PositionProvider()
    provider._gen_impl(module)
    return cast("Mapping[cst.CSTNode, CodeRange]", provider._computed)


def _children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """A node's children, read from its fields (libcst's `children` rebuilds the node: slow)."""
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


def _readable(spanned: list[str], column: int) -> bool:
    """Whether this interpreter's `ast` reads a string expression."""
    try:
        ast.parse("(\n" + "\n".join([spanned[0][column:], *spanned[1:]]) + "\n)", mode="eval")
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
