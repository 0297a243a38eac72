"""HCL (Terraform) parsed with tree-sitter-hcl, and its expressions read as data.

Nothing is evaluated: a string keeps `var.x` / `local.x` references as `${var.x}` placeholders (resolved
across the module's files later, deployments.py), a reference to anything else (a resource attribute, a
data source) or a function's result is a hole. `jsonencode`/`base64encode`-like wrappers are transparent,
and `templatefile(path, {vars})` is kept as a `TemplateCall` for the template to be joined to its variables.
Nesting deeper than MAX_DEPTH is a hole, so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from molecule_lint.frontends.manifests.text import DocumentError

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

MAX_DEPTH = 40
# Functions whose result is their argument, for what we read: encoding changes no host or variable name.
_TRANSPARENT = frozenset({"jsonencode", "yamlencode", "base64encode", "base64gzip", "tostring", "trimspace", "chomp"})
REFERENCE_ROOTS = ("var", "local", "path")  # `path.module`: a templatefile's folder


@dataclass(frozen=True, slots=True)
class Located:
    """A value and the 1-based line it is written on."""

    value: Any  # str | list[Located] | dict[str, Located] | TemplateCall | None (a hole)
    line: int


@dataclass(frozen=True, slots=True)
class TemplateCall:
    """`templatefile(path, { name = value })`: the path as written (placeholders kept) and its variables."""

    path: str | None
    variables: dict[str, Located]


@dataclass(frozen=True, slots=True)
class Block:
    """A block: its type (`resource`), labels, attributes and nested blocks, in source order."""

    kind: str
    labels: tuple[str, ...]
    line: int
    attributes: dict[str, Located]
    blocks: tuple[Block, ...]


@functools.cache
def _parser() -> Parser:
    import tree_sitter
    import tree_sitter_hcl

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_hcl.language()))


def parse(source: bytes) -> Block:
    """The file's top-level body as a Block of kind ""; a syntax error is a DocumentError at its line."""
    root = _parser().parse(source).root_node
    if root.has_error:
        raise DocumentError("invalid HCL: syntax error", _first_error_line(root))
    body = next((child for child in root.named_children if child.type == "body"), None)
    return _block("", (), 1, body, 0)


def _first_error_line(root: Node) -> int:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node.start_point[0] + 1
        stack.extend(reversed([child for child in node.children if child.has_error or child.is_error or child.is_missing]))
    return 1


def _block(kind: str, labels: tuple[str, ...], line: int, body: Node | None, depth: int) -> Block:
    attributes: dict[str, Located] = {}
    blocks: list[Block] = []
    for child in body.named_children if body is not None and depth < MAX_DEPTH else ():
        if child.type == "attribute":
            name, expression = child.named_children[0], child.named_children[-1]
            attributes[_text(name)] = Located(value(expression, depth + 1), child.start_point[0] + 1)
        elif child.type == "block":
            head = child.named_children
            inner = next((c for c in head if c.type == "body"), None)
            names = tuple(_string(c) or "" for c in head[1:] if c.type in ("string_lit", "identifier"))
            blocks.append(_block(_text(head[0]), names, child.start_point[0] + 1, inner, depth + 1))
    return Block(kind, labels, line, attributes, tuple(blocks))


def value(node: Node, depth: int = 0) -> Any:
    """An expression's value (see the module docstring), None for a hole."""
    if depth > MAX_DEPTH:
        return None
    if node.type == "expression":
        parts = node.named_children
        if not parts:
            return None
        if parts[0].type == "variable_expr":
            return _reference(parts)
        return value(parts[0], depth + 1) if len(parts) == 1 else None  # an index or splat: computed
    if node.type in ("literal_value", "collection_value", "template_expr"):
        return value(node.named_children[0], depth + 1) if node.named_children else None
    if node.type in ("string_lit", "quoted_template", "heredoc_template"):
        return _template(node, depth)
    if node.type in ("numeric_lit", "bool_lit"):
        return _text(node)
    if node.type == "tuple":
        return [Located(value(c, depth + 1), c.start_point[0] + 1) for c in node.named_children if c.type == "expression"]
    if node.type == "object":
        return _object(node, depth)
    if node.type == "function_call":
        return _call(node, depth)
    return None  # null, conditionals, operators, for expressions: computed


def _reference(parts: list[Node]) -> str | None:
    """`var.x` / `local.x` / `path.module` as a placeholder; any other reference is computed at apply time."""
    root = _text(parts[0])
    if root in REFERENCE_ROOTS and len(parts) == 2 and parts[1].type == "get_attr" and parts[1].named_children:
        return "${" + f"{root}.{_text(parts[1].named_children[0])}" + "}"
    return None


def _object(node: Node, depth: int) -> dict[str, Located]:
    found: dict[str, Located] = {}
    for element in node.named_children:
        if element.type != "object_elem" or len(element.named_children) < 2:
            continue
        key_node = element.named_children[0]
        inner = key_node.named_children[0] if key_node.named_children else key_node
        key = _text(inner) if inner.type == "variable_expr" else value(key_node, depth + 1)
        if isinstance(key, str) and key:
            found[key] = Located(value(element.named_children[-1], depth + 1), element.start_point[0] + 1)
    return found


def _call(node: Node, depth: int) -> Any:
    name = _text(node.named_children[0])
    arguments = next((c for c in node.named_children if c.type == "function_arguments"), None)
    args = [c for c in arguments.named_children if c.type == "expression"] if arguments is not None else []
    if name in _TRANSPARENT and len(args) == 1:
        return value(args[0], depth + 1)
    if name == "templatefile" and len(args) == 2:
        path, variables = value(args[0], depth + 1), value(args[1], depth + 1)
        return TemplateCall(path if isinstance(path, str) else None, variables if isinstance(variables, dict) else {})
    return None


def _template(node: Node, depth: int) -> str:
    """A string or heredoc as its source text (so its lines stay where they are), each interpolation of
    `var.x` / `local.x` replaced by its placeholder, any other one by a hole; `%{ }` directives are dropped.
    A heredoc's text starts with the rest of its `<<EOT` line."""
    source = node.text or b""
    marks = [c for c in node.children if c.type in ("quoted_template_start", "heredoc_identifier", "quoted_template_end")]
    if node.type == "heredoc_template":
        first = marks[0].end_byte if marks else node.start_byte
        begin = first - node.start_byte  # the rest of the `<<EOT` line: line k of the text is the heredoc's line + k
        close = marks[-1].start_byte - node.start_byte if len(marks) > 1 else len(source)
    else:
        begin = 1 if source.startswith(b'"') else 0
        close = len(source) - 1 if source.endswith(b'"') and len(source) > 1 else len(source)
    out: list[str] = []
    at = node.start_byte + begin
    for child in node.named_children:
        if child.type not in ("template_interpolation", "template_directive") or child.start_byte < at:
            continue
        out.append(source[at - node.start_byte : child.start_byte - node.start_byte].decode("utf-8", "replace"))
        inner = next((c for c in child.named_children if c.type == "expression"), None)
        found = value(inner, depth + 1) if inner is not None and child.type == "template_interpolation" else None
        out.append((found if isinstance(found, str) else "") + "\n" * (child.end_point[0] - child.start_point[0]))
        at = child.end_byte
    out.append(source[at - node.start_byte : close].decode("utf-8", "replace"))
    return "".join(out)


def _string(node: Node) -> str | None:
    found = value(node) if node.type == "string_lit" else _text(node)
    return found if isinstance(found, str) else None


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
