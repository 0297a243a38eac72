"""Scope-aware reading of expressions: what a name refers to, what string a value holds.

The walker (a Resolver) keeps the scopes up to date as it goes; these methods
only read them.
"""

from __future__ import annotations

import ast
import builtins

from molecule_lint.facts import Ref, Template
from molecule_lint.frontends.python import calls
from molecule_lint.frontends.python.names import Binding, Frame, Tracked, arguments, join, module_table, unstarred
from molecule_lint.frontends.python.syntax import Parsed
from molecule_lint.frontends.python.templates import HOLE, brace_format, merge, percent_format, string_value

_BUILTINS = frozenset(dir(builtins))


class Resolver:
    def __init__(self, parsed: Parsed, module: str, package: str) -> None:
        self.parsed = parsed
        self.tree = parsed.tree
        self.module = module
        self.package = package
        table, stars = module_table(self.tree, module, package)
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

    def qualify(self, node: ast.AST) -> str | None:
        """The qualified name a Name/Attribute chain refers to: `db.fetch` -> "shared.db.fetch"."""
        kind = type(node)
        if kind is ast.Name:
            found = self.binding(node.id)[1]  # type: ignore[attr-defined]
            return found.qualified if found is not None else None
        if kind is ast.Attribute:
            base = self.qualify(node.value)  # type: ignore[attr-defined]
            return f"{base}.{node.attr}" if base is not None else None  # type: ignore[attr-defined]
        return None

    def tracked_of(self, node: ast.AST) -> Tracked | None:
        """The HTTP/Redis client, environ.Env or router an expression evaluates to, if known."""
        if isinstance(node, ast.Call):
            return calls.constructed(self, node)
        if isinstance(node, ast.Name):
            found = self.binding(node.id)[1]
            if found is not None and found.tracked is not None:
                return found.tracked
            return calls.redis_by_name(node.id, found.qualified if found else None)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr in self.self_attrs:
                return self.self_attrs[node.attr]
            return calls.redis_by_name(node.attr, self.qualify(node))
        return None

    def text_of(self, node: ast.AST) -> Template | None:
        """A string expression's template; also a local string variable's, or a constant of this module.

        Reading a local variable holding SQL hands its SQL on: it is no longer reported where it was written.
        """
        kind = type(node)
        if kind is ast.Constant:
            value = node.value  # type: ignore[attr-defined]
            return merge((string_value(value),)) if isinstance(value, (str, bytes)) else None
        if kind is ast.JoinedStr:
            return self._fstring(node)  # type: ignore[arg-type]
        if kind is ast.BinOp:
            return self._operation_text(node)  # type: ignore[arg-type]
        if kind is ast.Call:
            return self._method_text(node)  # type: ignore[arg-type]
        if kind is ast.Name:
            name = node.id  # type: ignore[attr-defined]
            frame, found = self.binding(name)
            if found is None:
                return None
            if found.text is not None:
                if frame is not None:
                    frame.pending_sql.pop(name, None)
                return found.text
            if found.qualified in self.constants:
                return (Ref(found.qualified),)
        return None

    def hole(self, node: ast.AST) -> Template:
        """The template of a value inside a string: its text, else a Ref to what it names (None if unknown)."""
        text = self.text_of(node)
        return text if text is not None else (Ref(self.qualify(node)),)

    def value_of(self, node: ast.AST) -> Template | None:
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

    def literal_of(self, node: ast.AST | None) -> str | None:
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

    def _fstring(self, node: ast.JoinedStr) -> Template:
        parts: list[str | Ref] = []
        for part in node.values:
            if type(part) is ast.FormattedValue:
                parts.extend(self.hole(part.value))
            else:
                parts.append(string_value(part.value))  # type: ignore[attr-defined]
        return merge(parts)

    def _operation_text(self, node: ast.BinOp) -> Template | None:
        op = type(node.op)
        if op is ast.Add:
            left, right = self.text_of(node.left), self.text_of(node.right)
            if left is None and right is None:
                return None
            left = left if left is not None else (Ref(self.qualify(node.left)),)
            right = right if right is not None else (Ref(self.qualify(node.right)),)
            return merge((*left, *right))
        if op is ast.Mod:
            fmt = self.text_of(node.left)
            if fmt is None:
                return None
            values = node.right
            if isinstance(values, ast.Tuple):
                return percent_format(fmt, [self.hole(unstarred(e)) for e in values.elts], {})
            if isinstance(values, ast.Dict):
                keywords = {
                    key: self.hole(value)
                    for key_node, value in zip(values.keys, values.values)
                    if key_node is not None and (key := self.literal_of(key_node)) is not None
                }
                return percent_format(fmt, None, keywords)
            return percent_format(fmt, [self.hole(values)], {})
        return None

    def _method_text(self, node: ast.Call) -> Template | None:
        """`"...".format(...)`; `sep.join(...)` is a hole."""
        func = node.func
        if type(func) is not ast.Attribute or func.attr not in ("format", "join"):
            return None
        fmt = self.text_of(func.value)
        if fmt is None:
            return None
        if func.attr == "join":
            return HOLE
        given = arguments(node)
        args = [self.hole(a.value) for a in given if a.keyword is None and not a.star]
        keywords = {a.keyword: self.hole(a.value) for a in given if a.keyword is not None}
        return brace_format(fmt, args, keywords)

