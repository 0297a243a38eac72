"""Python 3.12 to 3.14 syntax for the `ast` of an older interpreter.

The constructs `ast` rejects are replaced in the text by placeholders of the
same shape, so that every other node keeps its exact position: type
parameters (`def f[T]`, `class C[T]`) by blanks, a `type` alias by a `pass`,
a PEP 701 f-string (quotes reused, backslashes or comments in a replacement
field) by `()`, PEP 758 exception types without brackets (`except A, B:`) by
`()`. `ast` parses that; each placeholder is then swapped for the
nodes the original meant, parsed from their own text at their own positions.
Type parameters, aliases and exception types are found with `tokenize`; a file still
unreadable after that goes to libcst (cst_rewrite.py), which finds the
f-strings too, and never sees input it would crash on (limits.py).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable
from typing import Any, TypeVar

from molecule_lint.frontends.python.limits import refusal
from molecule_lint.frontends.python.syntax import Unparsable

Node = TypeVar("Node", bound=ast.AST)
Point = tuple[int, int]  # line (1-based), column (0-based, characters as tokenize and libcst count them)
Range = tuple[Point, Point]

_NEWLINE = re.compile(r"\r\n?|\n")
# A statement's first word after which a `:` at bracket depth 0 starts another statement (`if x: y = 1`).
_COMPOUND = frozenset({"if", "elif", "else", "for", "while", "with", "try", "except", "finally", "def", "class",
                       "async", "match", "case"})  # fmt: skip
_OPENING, _CLOSING = frozenset("([{"), frozenset(")]}")


def parse(text: str, error: SyntaxError) -> tuple[ast.Module, str]:
    """The tree of a file `ast` rejected with ``error``, and the text it was parsed from; raises Unparsable."""
    refused = refusal(text.encode("utf-8", "surrogatepass"))
    if refused is not None:
        raise Unparsable(refused)
    lines, newlines = _NEWLINE.split(text), _NEWLINE.findall(text)
    parsed = _type_syntax(lines, newlines, text)
    if parsed is not None:
        return parsed
    from molecule_lint.frontends.python import cst_rewrite  # libcst: only for what tokenize cannot find

    return cst_rewrite.parse(text, lines, newlines, error)


# -- type parameters and aliases, found with tokenize -------------------------------------------


def _type_syntax(lines: list[str], newlines: list[str], text: str) -> tuple[ast.Module, str] | None:
    """The tree when type parameters, `type` aliases and bare exception tuples were all that `ast` could not
    read, else None."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type != tokenize.NL]
    except (tokenize.TokenError, SyntaxError):
        return None
    try:
        blanks, aliases, caught = _type_constructs(lines, tokens)
    except (SyntaxError, IndexError):  # brackets that do not balance, a statement cut short
        return None
    if not blanks:
        return None
    rewritten = list(lines)
    for where, keep in sorted(blanks, reverse=True):
        blank(rewritten, 1, where, keep)
    joined = "".join(line + newline for line, newline in zip(rewritten, [*newlines, ""]))
    try:
        tree = ast.parse(joined)
        values = {at: [piece(lines, part) for part in parts] for at, parts in aliases.items()}
        types = {at: piece(lines, where) for at, where in caught.items()}
    except SyntaxError:
        return None

    def replace(node: ast.AST) -> ast.AST:
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            node.type = types.get((node.type.lineno, node.type.col_offset), node.type)
        parts = values.get((node.lineno, node.col_offset)) if isinstance(node, ast.Pass) else None
        return alias_statement(parts, node) if parts is not None else node

    graft(tree, replace)
    return tree, joined


def _type_constructs(
    lines: list[str], tokens: list[tokenize.TokenInfo]
) -> tuple[list[tuple[Range, str]], dict[Point, list[Range]], dict[Point, Range]]:
    """Where type parameters, `type` aliases and bare exception tuples are: the ranges to blank, each alias's
    parts, and each exception tuple's range."""
    blanks: list[tuple[Range, str]] = []
    aliases: dict[Point, list[Range]] = {}
    caught: dict[Point, Range] = {}
    for index in _statement_starts(tokens):
        first = tokens[index]
        if first.string == "async" and index + 1 < len(tokens):
            first = tokens[index := index + 1]
        following = tokens[index + 1 : index + 3]
        if first.string == "except" and following:
            where = _bare_tuple(tokens, index + 1 + (following[0].string == "*"))
            if where is not None:
                blanks.append((where, "()"))
                caught[byte_point(lines, where[0])] = where
            continue
        if len(following) < 2 or following[0].type != tokenize.NAME:
            continue
        if first.string in ("def", "class") and following[1].string == "[":
            closing = _closing(tokens, index + 2)
            blanks.append(((following[1].start, tokens[closing].end), ""))
        elif first.string == "type" and following[1].string in ("[", "="):
            alias = _alias(tokens, index)
            if alias is not None:
                where, parts = alias
                blanks.append((where, "pass"))
                aliases[byte_point(lines, where[0])] = parts
    return blanks, aliases, caught


def _bare_tuple(tokens: list[tokenize.TokenInfo], start: int) -> Range | None:
    """The range of `A, B` in `except A, B:` (PEP 758) from the token at ``start``; None for one type, a
    bracketed tuple or an `as` clause (which needs the brackets still)."""
    depth, comma = 0, False
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.type == tokenize.OP:
            if depth == 0 and token.string == ":":
                return (tokens[start].start, tokens[index - 1].end) if comma and index > start else None
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
            comma = comma or (depth == 0 and token.string == ",")
        elif (depth == 0 and token.string == "as") or token.type == tokenize.NEWLINE:
            return None
    return None


def _statement_starts(tokens: list[tokenize.TokenInfo]) -> list[int]:
    starts, depth, first_word, start = [], 0, "", True
    for index, token in enumerate(tokens):
        if token.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT):
            continue
        if start:
            starts.append(index)
            first_word, start = token.string, False
        if token.type == tokenize.NEWLINE:
            start, depth = True, 0
        elif token.type == tokenize.OP:
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
            colon = token.string == ":" and first_word in _COMPOUND
            start = depth == 0 and (token.string == ";" or colon)
    return starts


def _closing(tokens: list[tokenize.TokenInfo], opening: int) -> int:
    """The index of the bracket closing the one at ``opening``."""
    depth = 0
    for index in range(opening, len(tokens)):
        token = tokens[index]
        if token.type == tokenize.OP:
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
            if depth == 0:
                return index
    raise SyntaxError("unbalanced brackets")


def _alias(tokens: list[tokenize.TokenInfo], index: int) -> tuple[Range, list[Range]] | None:
    """`type X[T: B = D] = value`: the statement's range, and its value's, bounds' and defaults' ranges in order."""
    parts: list[Range] = []
    after = index + 2
    if tokens[after].string == "[":
        closing = _closing(tokens, after)
        parts = _parameter_parts(tokens[after + 1 : closing])
        after = closing + 1
    if tokens[after].string != "=":
        return None
    end, depth = after + 1, 0
    while end < len(tokens):
        token = tokens[end]
        if token.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or (depth == 0 and token.string == ";"):
            break
        if token.type == tokenize.OP:
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
        end += 1
    last = end - 1
    while tokens[last].type == tokenize.COMMENT:
        last -= 1
    value = (tokens[after + 1].start, tokens[last].end)
    return (tokens[index].start, tokens[last].end), [value, *parts]


def _parameter_parts(tokens: list[tokenize.TokenInfo]) -> list[Range]:
    """The bound and default expressions of type parameters, in order."""
    parts: list[Range] = []
    depth, begun = 0, -1
    for index, token in enumerate([*tokens, None]):
        ends = token is None or (depth == 0 and token.string in (",", "=", ":"))
        if ends and begun >= 0:
            parts.append((tokens[begun].start, tokens[index - 1].end))
            begun = -1
        if token is None:
            break
        if token.type == tokenize.OP:
            depth += (token.string in _OPENING) - (token.string in _CLOSING)
        if depth == 0 and token.string in ("=", ":"):
            begun = index + 1
    return parts


# -- placeholders and what they stand for -------------------------------------------------------


def blank(lines: list[str], first: int, where: Range, keep: str) -> None:
    """Blank a range of ``lines`` (line ``first`` of the file onwards) with as many UTF-8 bytes of spaces, so
    that what follows keeps its `ast` columns. ``keep``: "()" an empty tuple over the range, "pass" a statement
    at its start, "" nothing (then line breaks inside the range are joined with backslashes)."""
    (start_line, start_column), (end_line, end_column) = where
    for line in range(start_line, end_line + 1):
        text = lines[line - first]
        begin = start_column if line == start_line else 0
        stop = end_column if line == end_line else len(text)
        filler = " " * len(text[begin:stop].encode("utf-8", "surrogatepass"))
        if keep == "()":
            filler = ("(" + filler[1:]) if line == start_line else filler
            filler = (filler[:-1] + ")") if line == end_line else filler
        else:
            filler = (keep + filler[len(keep) :]) if line == start_line else filler
            filler = (filler[:-1] + "\\") if line != end_line and filler else filler
        lines[line - first] = text[:begin] + filler + text[stop:]


def byte_point(lines: list[str], point: Point) -> Point:
    """A point with its column in UTF-8 bytes, as `ast` counts it."""
    return point[0], len(lines[point[0] - 1][: point[1]].encode("utf-8", "surrogatepass"))


def region(lines: list[str], where: Range) -> list[str]:
    """The file's lines a range spans, the last cut where the range ends."""
    (start_line, _), (end_line, end_column) = where
    spanned = lines[start_line - 1 : end_line]
    spanned[-1] = spanned[-1][:end_column]
    return spanned


def piece(lines: list[str], where: Range, spanned: list[str] | None = None) -> ast.expr:
    """The expression in a range, parsed from its text (``spanned``: that region with placeholders in it),
    at its own position."""
    spanned = region(lines, where) if spanned is None else spanned
    (first, column), _ = where
    prefix = len(spanned[0][:column].encode("utf-8", "surrogatepass"))
    spanned = [("(" + " " * (prefix - 1) if prefix else "(") + spanned[0][column:], *spanned[1:]]
    expression = ast.parse("\n".join(spanned) + ")", mode="eval").body
    for child in ast.walk(expression):
        _shift(child, first - 1, 0 if prefix else -1)
    return expression


def graft(tree: Node, replace: Callable[[ast.AST], ast.AST]) -> ast.AST:
    """Every node of ``tree`` (the root too) swapped for what ``replace`` says."""
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if isinstance(value, list):
                value[:] = [replace(item) if isinstance(item, ast.AST) else item for item in value]
            elif isinstance(value, ast.AST):
                setattr(parent, name, replace(value))
    return replace(tree)


def alias_statement(parts: list[ast.expr], where: ast.AST) -> ast.Expr:
    """What a `type` alias evaluates, for the walk: its value, then its parameters' bounds and defaults."""
    return located(ast.Expr(located(ast.Tuple(parts, ast.Load()), where)), where)


def located(node: Node, where: ast.AST) -> Node:
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
