"""Scope-aware reading of expressions: what a name refers to, what string a value holds.

The walker (a Resolver) keeps the scopes up to date as it goes; these methods
only read them.
"""

from __future__ import annotations

import builtins

import libcst as cst

from molecule_lint.facts import Ref, Template
from molecule_lint.frontends.python import calls
from molecule_lint.frontends.python.names import Binding, Frame, Tracked, join, module_table
from molecule_lint.frontends.python.templates import (
    HOLE,
    brace_format,
    fstring_text,
    merge,
    percent_format,
    string_value,
)

_BUILTINS = frozenset(dir(builtins))


class Resolver:
    def __init__(self, tree: cst.Module, module: str, package: str) -> None:
        self.tree = tree
        self.module = module
        self.package = package
        table, stars = module_table(tree, module, package)
        self.frames = [Frame("module", table)]
        self.star = stars[0] if len(stars) == 1 else None  # with one star import, free names come from it
        self.constants: dict[str, Template] = {}  # this module's Constant facts, by qualified name
        self.self_attrs: dict[str, Tracked] = {}  # `self.x = httpx.Client(...)` in the current top-level class

    def binding(self, name: str) -> tuple[Frame | None, Binding | None]:
        last = len(self.frames) - 1
        for index in range(last, -1, -1):
            frame = self.frames[index]
            if frame.kind == "class" and index != last:
                continue  # a class body's names are not visible inside its methods
            found = frame.names.get(name)
            if found is not None:
                return frame, found
        if self.star is not None and name not in _BUILTINS:
            return None, Binding(join(self.star, name))
        return None, None

    def qualify(self, node: cst.BaseExpression) -> str | None:
        """The qualified name a Name/Attribute chain refers to: `db.fetch` -> "shared.db.fetch"."""
        if type(node) is cst.Name:
            found = self.binding(node.value)[1]
            return found.qualified if found is not None else None
        if type(node) is cst.Attribute:
            base = self.qualify(node.value)
            return f"{base}.{node.attr.value}" if base is not None else None
        return None

    def tracked_of(self, node: cst.BaseExpression) -> Tracked | None:
        """The HTTP/Redis client, environ.Env or router an expression evaluates to, if known."""
        if isinstance(node, cst.Call):
            return calls.constructed(self, node)
        if isinstance(node, cst.Name):
            found = self.binding(node.value)[1]
            if found is not None and found.tracked is not None:
                return found.tracked
            return calls.redis_by_name(node.value, found.qualified if found else None)
        if isinstance(node, cst.Attribute):
            if isinstance(node.value, cst.Name) and node.value.value == "self" and node.attr.value in self.self_attrs:
                return self.self_attrs[node.attr.value]
            return calls.redis_by_name(node.attr.value, self.qualify(node))
        return None

    def text_of(self, node: cst.BaseExpression) -> Template | None:
        """A string expression's template; also a local string variable's, or a constant of this module.

        Reading a local variable holding SQL hands its SQL on: it is no longer reported where it was written.
        """
        kind = type(node)
        if kind is cst.SimpleString:
            assert isinstance(node, cst.SimpleString)
            return merge((string_value(node),))
        if kind is cst.ConcatenatedString:
            assert isinstance(node, cst.ConcatenatedString)
            return merge((*self.hole(node.left), *self.hole(node.right)))
        if kind is cst.FormattedString:
            assert isinstance(node, cst.FormattedString)
            return self._fstring(node)
        if kind is cst.BinaryOperation:
            assert isinstance(node, cst.BinaryOperation)
            return self._operation_text(node)
        if kind is cst.Call:
            assert isinstance(node, cst.Call)
            return self._method_text(node)
        if kind is cst.Name:
            assert isinstance(node, cst.Name)
            frame, found = self.binding(node.value)
            if found is None:
                return None
            if found.text is not None:
                if frame is not None:
                    frame.pending_sql.pop(node.value, None)
                return found.text
            if found.qualified in self.constants:
                return (Ref(found.qualified),)
        return None

    def hole(self, node: cst.BaseExpression) -> Template:
        """The template of a value inside a string: its text, else a Ref to what it names (None if unknown)."""
        text = self.text_of(node)
        return text if text is not None else (Ref(self.qualify(node)),)

    def value_of(self, node: cst.BaseExpression) -> Template | None:
        """A string expression, or a name of a constant (UPPER_CASE elsewhere, a Constant here)."""
        text = self.text_of(node)
        if text is not None:
            return text
        qualified = self.qualify(node)
        if qualified is None:
            return None
        own = qualified.startswith(f"{self.module}.")
        if qualified in self.constants or (not own and qualified.rpartition(".")[2].isupper()):
            return (Ref(qualified),)
        return None

    def literal_of(self, node: cst.BaseExpression | None) -> str | None:
        """A value's text when fully known, constants of this module substituted."""
        text = self.value_of(node) if node is not None else None
        for _ in range(8):  # constants naming constants, a few levels deep
            if text is None or all(isinstance(part, str) for part in text):
                break
            text = merge(
                piece
                for part in text
                for piece in (self.constants.get(part.name, (part,)) if isinstance(part, Ref) and part.name else [part])
            )
        if text is None or not all(isinstance(part, str) for part in text):
            return None
        return "".join(part for part in text if isinstance(part, str))

    def _fstring(self, node: cst.FormattedString) -> Template:
        parts: list[str | Ref] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(fstring_text(part, node))
            elif isinstance(part, cst.FormattedStringExpression):
                parts.extend(self.hole(part.expression))
        return merge(parts)

    def _operation_text(self, node: cst.BinaryOperation) -> Template | None:
        if isinstance(node.operator, cst.Add):
            left, right = self.text_of(node.left), self.text_of(node.right)
            if left is None and right is None:
                return None
            left = left if left is not None else (Ref(self.qualify(node.left)),)
            right = right if right is not None else (Ref(self.qualify(node.right)),)
            return merge((*left, *right))
        if isinstance(node.operator, cst.Modulo):
            fmt = self.text_of(node.left)
            if fmt is None:
                return None
            values = node.right
            if isinstance(values, cst.Tuple):
                return percent_format(fmt, [self.hole(e.value) for e in values.elements], {})
            if isinstance(values, cst.Dict):
                keywords = {
                    key: self.hole(e.value)
                    for e in values.elements
                    if isinstance(e, cst.DictElement) and (key := self.literal_of(e.key)) is not None
                }
                return percent_format(fmt, None, keywords)
            return percent_format(fmt, [self.hole(values)], {})
        return None

    def _method_text(self, node: cst.Call) -> Template | None:
        """`"...".format(...)`; `sep.join(...)` is a hole."""
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in ("format", "join"):
            return None
        fmt = self.text_of(func.value)
        if fmt is None:
            return None
        if func.attr.value == "join":
            return HOLE
        args = [self.hole(a.value) for a in node.args if a.keyword is None and not a.star]
        keywords = {a.keyword.value: self.hole(a.value) for a in node.args if a.keyword is not None}
        return brace_format(fmt, args, keywords)
