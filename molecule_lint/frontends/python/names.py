"""Names without metadata providers: the file's own import table and dotted names.

libcst's QualifiedNameProvider costs ~6.8x the parse (MEASUREMENTS.md); a
table of what each module-level name is bound to, built from the top-level
statements, answers the same question for the names that matter here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst

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
    pending_sql: dict[str, tuple[cst.CSTNode, Template, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportedName:
    module: str  # absolute dotted module
    name: str | None  # the symbol of `from module import name`; "*" for a star import
    alias: str  # the local name bound
    qualified: str  # what the local name stands for


def join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def dotted(node: cst.BaseExpression) -> str | None:
    """"a.b.c" for a Name/Attribute chain, else None."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def last_name(node: cst.BaseExpression) -> str | None:
    """The called name of `f(...)` / `x.y.f(...)`."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        return node.attr.value
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


def imported_names(node: cst.Import | cst.ImportFrom, package: str) -> list[ImportedName]:
    if isinstance(node, cst.Import):
        out = []
        for alias in node.names:
            module = dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                out.append(ImportedName(module, None, alias.asname.name.value, module))
            else:
                top = module.partition(".")[0]  # `import a.b` binds `a`
                out.append(ImportedName(module, None, top, top))
        return out
    base = dotted(node.module) if node.module is not None else None
    module = absolute_module(package, len(node.relative), base)
    if isinstance(node.names, cst.ImportStar):
        return [ImportedName(module, "*", "*", module)]
    out = []
    for alias in node.names:
        name = dotted(alias.name) or ""
        local = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else name
        out.append(ImportedName(module, name, local, join(module, name)))
    return out


def module_table(tree: cst.Module, module: str, package: str) -> tuple[dict[str, Binding], list[str]]:
    """Every name bound at module level (imports, defs, classes, assignments), and the star-imported modules.

    Built before the walk so that a function body sees names bound further down the file.
    """
    names: dict[str, Binding] = {}
    stars: list[str] = []
    for stmt in _module_level(tree.body):
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            names[stmt.name.value] = Binding(join(module, stmt.name.value))
        elif isinstance(stmt, (cst.Import, cst.ImportFrom)):
            for imported in imported_names(stmt, package):
                if imported.name == "*":
                    stars.append(imported.module)
                else:
                    names[imported.alias] = Binding(imported.qualified)
        elif isinstance(stmt, (cst.Assign, cst.AnnAssign)):
            targets = [t.target for t in stmt.targets] if isinstance(stmt, cst.Assign) else [stmt.target]
            for name in bound_names(targets):
                names[name] = Binding(join(module, name))
    return names, stars


def bound_names(targets: Sequence[cst.BaseExpression]) -> Iterator[str]:
    """Plain names an assignment binds (`a = ...`, `a, (b, *c) = ...`)."""
    for target in targets:
        if type(target) is cst.Name:
            yield target.value
        elif isinstance(target, (cst.Tuple, cst.List)):
            yield from bound_names([e.value for e in target.elements])
        elif type(target) is cst.StarredElement:
            yield from bound_names([target.value])


def _module_level(body: Sequence[cst.CSTNode]) -> Iterator[cst.CSTNode]:
    """Module-level defs, classes and small statements, also inside if/try/with/for blocks (not in defs)."""
    for stmt in body:
        if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            yield from stmt.body
        elif isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            yield stmt
        else:
            for suite in _suites(stmt):
                yield from _module_level([suite] if isinstance(suite, cst.SimpleStatementSuite) else suite.body)


def _suites(stmt: cst.CSTNode) -> Iterator[cst.BaseSuite]:
    """The blocks of a compound statement: body, except handlers, elif/else, finally."""
    body = getattr(stmt, "body", None)
    if isinstance(body, cst.BaseSuite):
        yield body
    for handler in getattr(stmt, "handlers", ()):
        yield handler.body
    orelse = getattr(stmt, "orelse", None)
    if isinstance(orelse, cst.If):
        yield from _suites(orelse)
    elif isinstance(orelse, cst.Else):
        yield orelse.body
    final = getattr(stmt, "finalbody", None)
    if isinstance(final, cst.Finally):
        yield final.body
