"""tree-sitter plumbing: the parser, positions, Go literals, the first syntax error.

tree-sitter is imported on the first Go file only: a run over a Python-only
project never pays for it.
"""

from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING

from molecule_lint.facts import Location

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

STRING_LITERALS = frozenset({"interpreted_string_literal", "raw_string_literal"})


@functools.cache
def parser() -> Parser:
    import tree_sitter
    import tree_sitter_go

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_go.language()))


def parse(source: bytes) -> tuple[bytes, Node]:
    """The tree of a Go file, and the bytes it was parsed from.

    Go 1.26 lets `new` take an expression (`new(500 * time.Millisecond)`);
    tree-sitter-go 0.25 only knows `new(Type)`. A file with errors is parsed
    again with every `new(` renamed to a placeholder function of the same
    length: positions stay exact, the argument is an ordinary expression, and
    the errors left are real ones.
    """
    root = parser().parse(source).root_node
    if not root.has_error:
        return source, root
    patched = bytearray(source)
    for start in _new_calls(root, source):
        patched[start : start + 3] = b"_n_"
    if patched == source:
        return source, root
    return bytes(patched), parser().parse(bytes(patched)).root_node


def _new_calls(root: Node, source: bytes) -> list[int]:
    """Where `new(` starts, from the tokens (error recovery may not have built a call around it)."""
    starts = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.child_count:
            stack.extend(node.children)
        elif node.type == "identifier" and node.text == b"new" and source[node.end_byte : node.end_byte + 1] == b"(":
            starts.append(node.start_byte)
    return starts


def text(node: Node) -> str:
    """The node's source, one object per distinct text (names recur across a file's facts: without it, half
    the bytes of a Go file's facts were equal copies)."""
    return sys.intern((node.text or b"").decode("utf-8", "replace"))


def dotted(qualifier: str, name: str) -> str:
    """`qualifier.name` (an import path's or a type's member), one object per distinct name as ``text``'s."""
    return sys.intern(f"{qualifier}.{name}")


class Positions:
    """tree-sitter points are 0-based rows and byte columns; facts are 1-based, in characters."""

    def __init__(self, source: bytes) -> None:
        self._source = source
        self._ascii = source.isascii()
        self._line_starts: list[int] | None = None

    def location(self, node: Node) -> Location:
        (row, col), (end_row, end_col) = node.start_point, node.end_point
        return Location(row + 1, self._column(row, col), end_row + 1, self._column(end_row, end_col))

    def _column(self, row: int, byte_column: int) -> int:
        if self._ascii:
            return byte_column + 1
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer(b"\n", self._source)]
        start = self._line_starts[row]
        return len(self._source[start : start + byte_column].decode("utf-8", "replace")) + 1


def string_value(node: Node) -> str:
    """The value of a Go string literal, escapes decoded."""
    if node.type == "raw_string_literal":
        return text(node)[1:-1].replace("\r", "")  # the Go spec drops carriage returns from raw strings
    return "".join(
        _unescape(text(part)) if part.type == "escape_sequence" else text(part) for part in node.named_children
    )


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"'}


def _unescape(escape: str) -> str:
    kind = escape[1:2]
    if kind in _ESCAPES:
        return _ESCAPES[kind]
    digits, base = (escape[2:], 16) if kind in ("x", "u", "U") else (escape[1:], 8)
    try:
        return chr(int(digits, base))
    except ValueError:  # tree-sitter accepts escapes the Go compiler rejects
        return "\ufffd"


def first_error(root: Node) -> Node:
    """The first ERROR or MISSING node in document order (the tree must have an error).

    tree-sitter-go sometimes flags a node without exposing the missing token as
    a child; the innermost flagged node is reported then.
    """
    node = root
    while True:
        if node.is_error or node.is_missing:
            return node
        flagged = next((child for child in node.children if child.has_error or child.is_missing), None)
        if flagged is None:
            return node
        node = flagged


def describe_error(node: Node, source: bytes) -> str:
    """What is wrong at `node`, quoting `source` (the file's own bytes, not a retried parse's)."""
    if node.is_missing:
        return f"syntax error: missing `{node.type}`"
    snippet = " ".join(source[node.start_byte : node.end_byte].decode("utf-8", "replace").split())
    return f"syntax error: unexpected `{snippet[:30]}{'...' if len(snippet) > 30 else ''}`"


# -- shapes of the tree -----------------------------------------------------------


TAG_PAIR = re.compile(r'(\w+):"([^"]*)"')  # a struct tag's `key:"value"` pairs


def env_prefixes(root: Node) -> dict[str, str]:
    """caarlos0/env's `Fleet FleetConfig `envPrefix:"WORKSPACE_"``: the prefix the env tags of a struct type
    read under, by the type's name, where the file nests that type under exactly one prefix."""
    found: dict[str, set[str]] = {}
    for declaration in all_of_type(root, "field_declaration"):
        tag, kind = declaration.child_by_field_name("tag"), declaration.child_by_field_name("type")
        prefix = dict(TAG_PAIR.findall(string_value(tag))).get("envPrefix") if tag is not None else None
        if prefix and kind is not None:
            found.setdefault(text(kind).lstrip("*"), set()).add(prefix)
    return {name: next(iter(prefixes)) for name, prefixes in found.items() if len(prefixes) == 1}


def all_of_type(node: Node, kind: str) -> list[Node]:
    """Descendants of one type, in document order, not looking inside function bodies."""
    found: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            found.append(current)
            continue
        if current.type not in ("block", "func_literal"):
            stack.extend(reversed(current.named_children))
    return found


def spec_values(spec: Node) -> list[Node]:
    value = spec.child_by_field_name("value")
    return [v for v in value.named_children if v.type != "comment"] if value is not None else []


def receiver_type(method: Node) -> str | None:
    receiver = method.child_by_field_name("receiver")
    found = all_of_type(receiver, "type_identifier") if receiver is not None else []
    return text(found[0]) if found else None


def statements(block: Node | None) -> list[Node]:
    if block is None:
        return []
    children = [c for c in block.named_children if c.type != "comment"]
    if len(children) == 1 and children[0].type == "statement_list":
        return [c for c in children[0].named_children if c.type != "comment"]
    return children
