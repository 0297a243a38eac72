"""Go string expressions as templates: literals, `+`, fmt.Sprintf, constants by name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from molecule_lint.facts import Ref, Template, merge_template
from molecule_lint.frontends.go.apis import SQL_REWRITES, family
from molecule_lint.frontends.go.syntax import STRING_LITERALS, dotted, string_value, text

if TYPE_CHECKING:
    from collections.abc import Callable

    from tree_sitter import Node

UNKNOWN: Template = (Ref(None),)
_VERB = re.compile(r"%(?:\[(\d+)\])?[-+# 0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?([a-zA-Z%])")


class Names(Protocol):
    """How the file binds names: what a frontend knows when it meets an identifier."""

    def identifier_value(self, name: str) -> Template:
        """A local string's template, Ref(None) for another local, a Ref to a package-level name."""
        ...

    def qualified(self, node: Node) -> tuple[str, str] | None:
        """(import path, name) when ``node`` is `pkg.Name` through an import."""
        ...


def template_of(node: Node, names: Names) -> Template | None:
    """The string ``node`` builds, or None when it is not a string expression we can read."""
    kind = node.type
    if kind in STRING_LITERALS:
        return (string_value(node),)
    if kind == "parenthesized_expression" and node.named_child_count == 1:
        return template_of(node.named_children[0], names)
    if kind == "binary_expression" and _operator(node) == "+":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        parts = [template_of(side, names) if side is not None else None for side in (left, right)]
        if parts[0] is None and parts[1] is None:
            return None
        return concat(*(part or UNKNOWN for part in parts))
    if kind == "identifier":
        return names.identifier_value(text(node))
    if kind == "selector_expression":
        qualified = names.qualified(node)
        return (Ref(dotted(*qualified)),) if qualified else UNKNOWN
    if kind == "call_expression":
        rewritten = rewritten_query(node, names)
        if rewritten is not None:
            return template_of(rewritten, names)
        function = node.child_by_field_name("function")
        qualified = names.qualified(function) if function is not None else None
        return sprintf(arguments(node), names) if qualified is not None and is_sprintf(qualified) else None
    return None


def rewritten_query(call: Node, names: Names) -> Node | None:
    """The query argument of a call that returns it with its placeholders rewritten (apis.SQL_REWRITES)."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None
    qualified = names.qualified(function)
    member = function.child_by_field_name("field")
    key = (family(qualified[0]), qualified[1]) if qualified else text(member) if member is not None else ""
    index = SQL_REWRITES.get(key)
    args = arguments(call)
    return args[index] if index is not None and index < len(args) else None


def is_sprintf(qualified: tuple[str, str]) -> bool:
    return family(qualified[0]) == "fmt" and qualified[1] == "Sprintf"


def sprintf(args: list[Node], names: Names, hole: Callable[[Node], Template | None] | None = None) -> Template:
    """fmt.Sprintf("... %s ...", x) with each verb replaced by its argument's template (read by ``hole``, if given)."""
    if not args or args[0].type not in STRING_LITERALS:
        return UNKNOWN
    fmt, values = string_value(args[0]), args[1:]
    parts: list[str | Ref] = []
    position, next_arg = 0, 0
    for verb in _VERB.finditer(fmt):
        parts.append(fmt[position : verb.start()])
        position = verb.end()
        if verb.group(2) == "%":
            parts.append("%")
            continue
        index = int(verb.group(1)) - 1 if verb.group(1) else next_arg
        next_arg = index + 1
        arg = values[index] if 0 <= index < len(values) else None
        value = None if arg is None else hole(arg) if hole is not None else template_of(arg, names)
        value = value or UNKNOWN
        parts.extend(('"', *value, '"') if verb.group(2) == "q" else value)
    parts.append(fmt[position:])
    return concat(tuple(parts))


def concat(*templates: Template) -> Template:
    """Templates joined, adjacent literals merged."""
    return merge_template(part for template in templates for part in template)


def has_text(template: Template) -> bool:
    """Some of it is known: a literal part or a named reference."""
    return any(isinstance(part, str) or part.name is not None for part in template)


def literal(template: Template) -> str | None:
    """The whole value, when it has no unknown part."""
    parts = [part for part in template if isinstance(part, str)]
    return "".join(parts) if len(parts) == len(template) else None


def sql_text(template: Template) -> str:
    """Holes as distinct identifiers, the way the linker renders SQL."""
    out, holes = [], 0
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(f"__hole_{holes}__")
            holes += 1
    return "".join(out)


def arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    if args is None:
        return []
    return [arg for arg in args.named_children if arg.type != "comment"]


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return operator.type if operator is not None else ""
