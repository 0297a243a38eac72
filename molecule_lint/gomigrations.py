"""Schema changes of a goose Go migration: `goose.AddMigrationContext(up, down)` (and the other `Add*Migration*`
forms) registers `up`, whose SQL literals are the changes it makes (`down` undoes them: never read).

Read with the Go frontend's tree-sitter parser, nothing executed; only literals count (a statement built at
run time is no evidence), each change at the line its text is on in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from molecule_lint.frontends.go.syntax import STRING_LITERALS, parse, string_value, text
from molecule_lint.sql import SchemaChange, schema_changes

if TYPE_CHECKING:
    from tree_sitter import Node

_REGISTERS = frozenset(
    {"AddMigration", "AddMigrationContext", "AddMigrationNoTx", "AddMigrationNoTxContext",
     "AddNamedMigration", "AddNamedMigrationContext", "AddNamedMigrationNoTx", "AddNamedMigrationNoTxContext"}
)  # fmt: skip


def goose_changes(source: str) -> tuple[SchemaChange, ...]:
    """The changes the up functions a Go file registers with goose make, in the order it registers them."""
    _, root = parse(source.encode("utf-8"))
    functions = {text(name): node for node in root.named_children if node.type == "function_declaration"
                 and (name := node.child_by_field_name("name")) is not None}  # fmt: skip
    changes: list[SchemaChange] = []
    for up in _registered_ups(root):
        body = functions.get(text(up)) if up.type == "identifier" else up if up.type == "func_literal" else None
        for literal in _literals(body) if body is not None else ():
            offset = literal.start_point[0]  # the SQL's line 1 is the literal's line
            changes += (replace(c, line=c.line + offset, end_line=c.end_line + offset) for c in schema_changes(string_value(literal)))
    return tuple(changes)


def _registered_ups(root: Node) -> Iterator[Node]:
    """The first function argument of each goose registration call: the up migration."""
    stack = [root]
    while stack:
        node = stack.pop()
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        member = function.child_by_field_name("field") if function is not None and function.type == "selector_expression" else None
        args = node.child_by_field_name("arguments")
        if member is not None and text(member) in _REGISTERS and args is not None:
            up = next((a for a in args.named_children if a.type in ("identifier", "func_literal")), None)
            if up is not None:
                yield up
        stack.extend(reversed(node.named_children))


def _literals(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in STRING_LITERALS:
            yield current
        stack.extend(reversed(current.named_children))
