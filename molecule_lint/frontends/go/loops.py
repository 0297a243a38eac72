"""Whether a Go `for` loop keeps what its iterations get (facts.LoopSite.accumulates, read by MOL202).

A loop accumulates when its body writes somewhere that outlives the iteration: `total += n`, `n++`
on a counter declared before the loop, `out = append(out, row)` (any assignment to such a name),
`m[k] = v`, `s.field = v`, a channel send, `yield(v)`, or a collecting method on a value from outside
the loop (`results.Store(k, v)`, `wg.Add(1)` counts too: loops that fan out and wait mostly gather).
Goroutine closures in the body are part of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from molecule_lint.frontends.go.syntax import text

if TYPE_CHECKING:
    from tree_sitter import Node

_COLLECTING = frozenset(
    {"Add", "Store", "LoadOrStore", "Set", "Put", "Push", "PushBack", "PushFront", "Append", "Insert", "Write",
     "WriteString", "WriteRow", "Encode", "Inc", "Incr", "Observe", "Record", "Send", "Publish", "Merge"}
)  # fmt: skip


def accumulates(loop: Node) -> bool:
    """Whether the body of ``loop`` (a `for_statement`) collects across iterations."""
    body = loop.child_by_field_name("body")
    if body is None:
        return False
    inner = _declared(loop)
    stack = [body]
    while stack:
        node = stack.pop()
        if _keeps(node, inner):
            return True
        stack.extend(node.named_children)
    return False


def _declared(loop: Node) -> set[str]:
    """Names that live only inside the loop: its range variables and what its body declares."""
    names: set[str] = set()
    stack = [loop]
    while stack:
        node = stack.pop()
        if node.type in ("short_var_declaration", "range_clause"):
            left = node.child_by_field_name("left")
            names.update(text(n) for n in (left.named_children if left is not None else ()) if n.type == "identifier")
        elif node.type in ("var_spec", "parameter_declaration"):
            names.update(text(n) for n in node.children_by_field_name("name"))
        stack.extend(node.named_children)
    return names


def _keeps(node: Node, inner: set[str]) -> bool:
    kind = node.type
    if kind == "assignment_statement":
        operator = node.child_by_field_name("operator")
        left = node.child_by_field_name("left")
        targets = left.named_children if left is not None else []
        compound = operator is not None and operator.type != "="
        return compound or any(_outlives(target, inner) for target in targets)
    if kind in ("inc_statement", "dec_statement"):
        return any(_outlives(target, inner) for target in node.named_children)
    if kind == "send_statement":
        return True
    if kind == "call_expression":
        function = node.child_by_field_name("function")
        if function is not None and function.type == "identifier":
            return text(function) == "yield"
        if function is not None and function.type == "selector_expression":
            member, operand = function.child_by_field_name("field"), function.child_by_field_name("operand")
            return member is not None and text(member) in _COLLECTING and _root(operand) not in inner
    return False


def _outlives(target: Node, inner: set[str]) -> bool:
    """A write to ``target`` stays after the iteration: a name from outside, an element, a field."""
    if target.type == "identifier":
        return text(target) not in inner and text(target) != "_"
    return target.type in ("index_expression", "selector_expression")


def _root(node: Node | None) -> str | None:
    """The variable at the start of `a.b[c].d`."""
    while node is not None and node.type in ("selector_expression", "index_expression"):
        node = node.child_by_field_name("operand")
    return text(node) if node is not None and node.type == "identifier" else None
