"""Safe YAML loading that remembers where every value came from.

Config files and rule packs are written by people: errors must name the file
and line. PyYAML's composer gives us nodes with marks; we turn them into plain
Python values and keep a map from key paths to lines. Aliases are expanded
with a budget so that a "billion laughs" document is refused, not expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (10x faster); it gives the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Expanded nodes a document may produce; real configs have a few hundred.
NODE_BUDGET = 100_000

KeyPath = tuple[str | int, ...]


class YamlError(Exception):
    """A document that cannot be read; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class LocatedValue:
    value: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def load_yaml(text: str) -> LocatedValue:
    """Parse one YAML document into plain values plus the line of every key."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _located(exc, text) from None
    result = LocatedValue(None)
    if node is None:
        return result
    budget = [NODE_BUDGET]
    result.value = _convert(node, (), result.lines, budget)
    return result


def load_yaml_documents(text: str) -> list[LocatedValue]:
    """Every document of a multi-document stream (Kubernetes manifests)."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.YAMLError as exc:
        raise _located(exc, text) from None
    documents = []
    budget = [NODE_BUDGET]
    for node in nodes:
        doc = LocatedValue(None)
        if node is not None:
            doc.value = _convert(node, (), doc.lines, budget)
        documents.append(doc)
    return documents


def _located(exc: yaml.YAMLError, text: str) -> YamlError:
    """One line, with the line number: PyYAML's own messages span several lines."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return YamlError(f"invalid YAML: {exc.problem or exc.context}", mark.line + 1 if mark else None)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow (control bytes)
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return YamlError(f"invalid YAML: character U+{code:04X} is not allowed", line)
    return YamlError("invalid YAML: " + str(exc).splitlines()[0])


def _convert(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlError("document expands to too many nodes (YAML alias bomb?); refusing to expand it")
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in _merged_pairs(node):
            key = _scalar(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlError("mapping keys must be scalars", key_node.start_mark.line + 1)
            if key in out and key_node.tag != "tag:yaml.org,2002:merge":
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            child = (*path, str(key))
            lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, child, lines, budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines, budget) for i, item in enumerate(node.value)]
    return _scalar(node)


def _merged_pairs(node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
    """Key/value pairs with `<<: *anchor` merge keys applied (explicit keys win)."""
    explicit = [(k, v) for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"]
    merged: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag != "tag:yaml.org,2002:merge":
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if isinstance(source, yaml.MappingNode):
                merged.extend(_merged_pairs(source))
    explicit_keys = {_scalar(k) for k, _ in explicit}
    inherited = {}
    for k, v in merged:
        key = _scalar(k)
        if key not in explicit_keys and key not in inherited:
            inherited[key] = (k, v)
    return list(inherited.values()) + explicit


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return node  # the caller rejects non-scalar keys
    try:
        return _SCALARS.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(f"invalid value: {exc.problem}", node.start_mark.line + 1) from None


# Scalars carry no state between documents, so one constructor serves them all.
_SCALARS = yaml.constructor.SafeConstructor()
