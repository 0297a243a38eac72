"""Names without a scope analysis: the file's own import table and dotted names.

A table of what each module-level name is bound to, built from the
top-level statements, answers "what does this name refer to" for the names
that matter here; the walker keeps the inner scopes up to date as it goes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from molecule_lint.facts import Template


@dataclass(frozen=True, slots=True)
class Tracked:
    """An object whose later method calls are facts."""

    kind: str  # "http" (client/session) | "redis" | "env" (environ.Env) | "router" (APIRouter, Blueprint)
    base: Template | None = None  # an HTTP client's base URL, a router's path prefix


@dataclass(frozen=True, slots=True)
class Binding:
    """What a name stands for in a scope."""

    qualified: str | None = None  # an import's target or a module-level name; None for a plain local
    tracked: Tracked | None = None
    text: Template | None = None  # a local variable holding a string template


OPAQUE = Binding()


@dataclass(slots=True)
class Frame:
    """One scope: the module, a class body, or a function (lambdas and comprehensions included)."""

    kind: str  # "module" | "class" | "function"
    names: dict[str, Binding]
    # Local variables holding SQL-looking text not yet passed anywhere: name -> (value node, text, scope).
    pending_sql: dict[str, tuple[ast.AST, Template, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportedName:
    module: str  # absolute dotted module
    name: str | None  # the symbol of `from module import name`; "*" for a star import
    alias: str  # the local name bound
    qualified: str  # what the local name stands for


class Argument(NamedTuple):
    """One argument of a call, as written: `ast` keeps positional and keyword arguments apart."""

    keyword: str | None  # None for a positional argument, `*args` and `**kwargs`
    value: ast.expr  # for `*args` / `**kwargs`, the expression after the stars
    star: str  # "", "*" or "**"


def arguments(node: ast.Call) -> list[Argument]:
    """A call's arguments in source order."""
    out = [
        Argument(None, arg.value, "*") if type(arg) is ast.Starred else Argument(None, arg, "")
        for arg in node.args
    ]
    out.extend(Argument(kw.arg, kw.value, "" if kw.arg is not None else "**") for kw in node.keywords)
    if node.keywords and any(type(arg) is ast.Starred for arg in node.args):
        out.sort(key=_argument_start)  # `f(x=1, *rest)`: a star may follow keywords
    return out


def _argument_start(argument: Argument) -> tuple[int, int]:
    return argument.value.lineno, argument.value.col_offset


def unstarred(node: ast.expr) -> ast.expr:
    """An element for its value: `*rest` in a list or a call stands for `rest`."""
    return node.value if type(node) is ast.Starred else node


def join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def dotted(node: ast.AST) -> str | None:
    """"a.b.c" for a Name/Attribute chain, else None."""
    if type(node) is ast.Name:
        return node.id
    if type(node) is ast.Attribute:
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def last_name(node: ast.AST) -> str | None:
    """The called name of `f(...)` / `x.y.f(...)`."""
    if type(node) is ast.Name:
        return node.id
    if type(node) is ast.Attribute:
        return node.attr
    return None


def absolute_module(package: str, level: int, name: str | None) -> str:
    """`from ..x import y` in package a.b.c resolves against a.b; climbing above the root keeps what is left."""
    if level == 0:
        return name or ""
    parts = package.split(".") if package else []
    parts = parts[: max(len(parts) - (level - 1), 0)]
    if name:
        parts.append(name)
    return ".".join(parts)


def imported_names(node: ast.Import | ast.ImportFrom, package: str) -> list[ImportedName]:
    if isinstance(node, ast.Import):
        out = []
        for alias in node.names:
            module = alias.name
            if alias.asname is not None:
                out.append(ImportedName(module, None, alias.asname, module))
            else:
                top = module.partition(".")[0]  # `import a.b` binds `a`
                out.append(ImportedName(module, None, top, top))
        return out
    module = absolute_module(package, node.level or 0, node.module)
    if node.names[0].name == "*":
        return [ImportedName(module, "*", "*", module)]
    return [
        ImportedName(module, alias.name, alias.asname or alias.name, join(module, alias.name)) for alias in node.names
    ]


def module_table(tree: ast.Module, module: str, package: str) -> tuple[dict[str, Binding], list[str]]:
    """Every name bound at module level (imports, defs, classes, assignments), and the star-imported modules.

    Built before the walk so that a function body sees names bound further down the file.
    """
    names: dict[str, Binding] = {}
    stars: list[str] = []
    for stmt in _module_level(tree.body):
        kind = type(stmt)
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            names[stmt.name] = Binding(join(module, stmt.name))  # type: ignore[attr-defined]
        elif kind is ast.Import or kind is ast.ImportFrom:
            for imported in imported_names(stmt, package):  # type: ignore[arg-type]
                if imported.name == "*":
                    stars.append(imported.module)
                else:
                    names[imported.alias] = Binding(imported.qualified)
        elif kind is ast.Assign or kind is ast.AnnAssign:
            targets = stmt.targets if kind is ast.Assign else [stmt.target]  # type: ignore[attr-defined]
            for name in bound_names(targets):
                names[name] = Binding(join(module, name))
    return names, stars


def bound_names(targets: Sequence[ast.expr]) -> Iterator[str]:
    """Plain names an assignment binds (`a = ...`, `a, (b, *c) = ...`)."""
    for target in targets:
        kind = type(target)
        if kind is ast.Name:
            yield target.id  # type: ignore[attr-defined]
        elif kind is ast.Tuple or kind is ast.List:
            yield from bound_names(target.elts)  # type: ignore[attr-defined]
        elif kind is ast.Starred:
            yield from bound_names([target.value])  # type: ignore[attr-defined]


def _module_level(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """Module-level statements, also inside if/try/with/for blocks (not in defs, classes or match cases)."""
    for stmt in body:
        kind = type(stmt)
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            yield stmt
        elif kind is ast.Match:
            continue
        elif hasattr(stmt, "body"):
            yield from _module_level(stmt.body)
            for handler in getattr(stmt, "handlers", ()):
                yield from _module_level(handler.body)
            yield from _module_level(getattr(stmt, "orelse", ()))
            yield from _module_level(getattr(stmt, "finalbody", ()))
        else:
            yield stmt
