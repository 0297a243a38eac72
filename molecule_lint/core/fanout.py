"""Fan-out over orgs (MOL202), on the summaries of any language: which loop sites run over orgs, and what
their bodies call.

A loop runs over orgs when its iterable or its variables are named after them (`for org in orgs`,
`tenant_ids`, `range hostList`), or when the iterable comes from orgs: a local last assigned a query or a
call naming them (`rows = Org.objects.all()`, `execute("SELECT id FROM orgs")`), or a function of the
project whose returns do, up to MAX_CALLS calls deep (`for a in active()` where `active` queries the orgs
table). An id column (`workspace_id = %s`) pins one org: it does not make a query one of orgs.

What a body calls is named at the finest grain the values give: a method of an instance (`client.healthz()`,
`New(url).Healthz(ctx)`) or a function nested in the caller (`pool.map(count, orgs)`) is a Callee, reached
by itself, not through its class or enclosing function (whose other methods may read what it does not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from molecule_lint.core.queries import binding_before
from molecule_lint.core.values import MAX_DEPTH, Bound, Frame, Unit
from molecule_lint.facts import MODULE_SCOPE, Attr, Call, Collection, Concat, Format, Item, Lit, Location, LoopSite
from molecule_lint.facts import PathJoin, Summary, Value, Var, children
from molecule_lint.findings import Hop
from molecule_lint.naming import words

if TYPE_CHECKING:
    from molecule_lint.linker import Project

# Words that make a loop one over orgs: `for org in orgs`, `tenant_ids`, `hostList`, `accounts`.
_ORG_WORDS = frozenset(
    {"org", "orgs", "organization", "organizations", "organisation", "organisations", "tenant", "tenants", "host",
     "hosts", "customer", "customers", "account", "accounts", "workspace", "workspaces"}
)  # fmt: skip
_ID_WORDS = re.compile(r"\w+_ids?\b")
MAX_CALLS = 3  # functions followed to find where an iterable comes from
# Steps that narrow or shape a collection without changing what it holds (Django querysets, dicts).
_QUERY_STEPS = frozenset(
    {"all", "filter", "exclude", "order_by", "distinct", "only", "defer", "select_related", "prefetch_related",
     "values", "values_list", "iterator", "items", "keys"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrgLoop:
    """A loop site over orgs, in the words a finding uses."""

    loc: Location
    scope: str  # the top-level unit it runs in: "fetch", "Client", or MODULE_SCOPE
    over: str  # the iterable as written, with where it comes from when that is what names orgs
    body: tuple[str, ...]  # qualified names of what the body calls or hands on, in order
    params: tuple[str, ...]  # parameters of its function the body calls: a callback run per org
    site: LoopSite
    unit: Summary  # the unit it is written in
    callees: tuple[Callee, ...] = ()  # methods and nested functions the body calls


@dataclass(frozen=True, slots=True)
class Callee:
    """A method or a nested function of the project, as a step of a loop body: its own lines, and the
    qualified names of what it calls, with the line (its own class or enclosing function left out)."""

    name: str  # as shown: "Client.healthz", "memory_counts.count"
    path: str
    module: str
    summary: Summary
    calls: tuple[tuple[str, int], ...]
    via: tuple[Hop, ...]  # from the loop to it: the loop's call, then a method's calls of the next


# Per project and file: MOL202, its callback helpers and the incremental run each ask for a file's loops.
_FOUND: WeakKeyDictionary[Project, dict[str, tuple[OrgLoop, ...]]] = WeakKeyDictionary()


def org_loops(project: Project, path: str, module: str) -> tuple[OrgLoop, ...]:
    """The loop sites over orgs of a file's units."""
    per_file = _FOUND.setdefault(project, {})
    found = per_file.get(path)
    if found is None:
        found = per_file[path] = tuple(_org_loops(project, path, module))
    return found


def _org_loops(project: Project, path: str, module: str) -> Iterator[OrgLoop]:
    finder = _Origins(project, path, module)
    for summary in project.file_summaries.get(path, ()):
        scope = summary.name.split(".", 1)[0]
        for site in summary.loops:
            over = _over(site, summary, finder)
            if over is None or _per_org(site, summary, finder):
                continue
            names = {param.name for param in summary.params}
            callees, receivers = _callees(project, path, module, summary, site, over)
            body = tuple(dict.fromkeys(
                s for v in site.body if v not in receivers and (s := finder.symbol(v)) is not None
            ))  # fmt: skip
            called = tuple(dict.fromkeys(v.name for v in site.body if isinstance(v, Var) and v.name in names
                                         and v.kind == "param"))  # fmt: skip
            yield OrgLoop(site.loc, scope, over, body, called, site, summary, callees)


def _callees(
    project: Project, path: str, module: str, summary: Summary, site: LoopSite, over: str
) -> tuple[tuple[Callee, ...], set[Value]]:
    """The methods and nested functions a loop body calls (and the methods those call, up to MAX_CALLS
    deep), and the constructors that only made their receivers (`New(url)` in `New(url).Healthz(ctx)`, or
    a local assigned it): those reach the whole class."""
    line = site.loc.end_line + 1
    found: dict[Unit, Callee] = {}
    receivers: set[Value] = set()
    pending: list[tuple[Unit, tuple[Hop, ...]]] = []
    for value in site.body:
        unit = _nested(project, module, summary, value) or _method(project, value, Unit(module, summary.name), line)
        if unit is None:
            continue
        pending.append((unit, (Hop(path, site.loc.line, f"loop over `{over}` calls `{unit.name}`"),)))
        base = value.base if isinstance(value, Attr) else None
        if isinstance(base, Var) and base.kind == "local":
            base = _bound_value(summary, base.name, line)
        if isinstance(base, Item) and base.key == Lit(0):  # `c, err := New(url)`: the instance comes first
            base = base.base
        if isinstance(base, Call):
            receivers.add(base.func)
    while pending:
        unit, via = pending.pop(0)
        inner = project.summaries[unit.module].get(unit.name)
        if inner is None or unit in found or unit == Unit(module, summary.name):
            continue
        where = project.unit_paths.get((unit.module, unit.name), path)
        origins, own = _Origins(project, where, unit.module), unit.name.split(".", 1)[0]
        calls: list[tuple[str, int]] = []
        for call in inner.calls:
            symbol = origins.symbol(call.func)
            if symbol is not None and project.resolve_symbol(symbol, where) != (unit.module, own):
                calls.append((symbol, call.loc.line))
            method = _method(project, call.func, unit, None) if len(via) < MAX_CALLS else None
            if method is not None:
                pending.append((method, (*via, Hop(where, call.loc.line, f"calls `{method.name}`"))))
        found[unit] = Callee(unit.name, where, unit.module, inner, tuple(dict.fromkeys(calls)), via)
    return tuple(found.values()), receivers


def _nested(project: Project, module: str, summary: Summary, value: Value) -> Unit | None:
    """A function defined in the caller, named by a local (`def count(org): ...; pool.map(count, orgs)`)."""
    if not isinstance(value, Var) or value.kind != "local":
        return None
    nested = project.summaries[module].get(f"{summary.name}.{value.name}")
    return Unit(module, nested.name) if nested is not None and nested.kind == "function" else None


def _method(project: Project, value: Value, caller: Unit, line: int | None) -> Unit | None:
    """The one project method a called attribute (`client.get`, `self.get`) is, by what its receiver holds
    where ``caller`` calls it."""
    if not isinstance(value, Attr) and not (isinstance(value, Var) and value.kind in ("self", "cls")):
        return None
    sinks = project.sinks()
    frame = Frame(caller.module, caller.name, None, sinks.receiver_of(caller.module, caller.name), line)
    methods = {found.method for found in sinks.resolver.eval(value, frame, MAX_DEPTH) if isinstance(found, Bound)}
    return methods.pop() if len(methods) == 1 else None


def _over(site: LoopSite, summary: Summary, finder: _Origins) -> str | None:
    """The iterable in words when the loop runs over orgs, else None."""
    over = site.over
    if _one_orgs_items(over):
        return None
    if isinstance(over, Var) and over.kind == "local":  # `for r in rows`: what `rows` was last assigned
        value = _bound_value(summary, over.name, site.loc.line)
        if value is not None and not _one_orgs_items(value) and finder.queries_orgs(value, 0):
            return f"{site.text} = {_shown(value)}"
    if mentions_orgs(" ".join(site.names)) or (mentions_orgs(site.text) and not _given_one_org(over)):
        return site.text
    if isinstance(over, (Call, Attr)) and finder.queries_orgs(over, 0):
        return f"{site.text}, from `{_shown(over)}`"
    return None


def _one_orgs_items(over: Value) -> bool:
    """`organisation.projects.all()`, `org.members`: a collection held by ONE org (a local or parameter
    naming an org, not a model class or a plural), whose own name names no orgs: that org's items."""
    while isinstance(over, Call) and isinstance(over.func, Attr) and over.func.name in _QUERY_STEPS:
        over = over.func.base
    if not (isinstance(over, Attr) and isinstance(over.base, Var) and over.base.kind in ("local", "param")):
        return False
    owner = over.base.name
    return mentions_orgs(owner) and not owner.endswith("s") and not mentions_orgs(over.name)


def _given_one_org(over: Value) -> bool:
    """`QuerySnippet.all(org=self.current_org)`, `list_rows(org_id)`: the iterable names orgs only in the
    arguments of its calls, and each names ONE org (`org_ids`, `orgs`, `org__in=` are several): its rows."""
    skeleton: list[str] = []
    named: list[list[str]] = []  # the words of each argument naming orgs (a keyword's with its value's)
    value: Value | None = over
    while value is not None:
        if isinstance(value, Call):
            given = [_spoken(a) for a in value.args] + [[*words(k), *_spoken(v)] for k, v in value.kwargs]
            named += [said for said in given if any(w in _ORG_WORDS for w in said)]
            value = value.func
        elif isinstance(value, Attr):
            skeleton.append(value.name)
            value = value.base
        else:
            skeleton.append(_shown(value))
            value = None
    after = [said[next(i for i, w in enumerate(said) if w in _ORG_WORDS) :] for said in named]  # not `settings.`
    several = any(w.endswith("s") or w == "in" for said in after for w in said)
    return bool(named) and not several and not mentions_orgs(" ".join(skeleton))


def _spoken(value: Value) -> list[str]:
    """The words of an argument: a text built from parts (`f"ws:{org_id}:*"`) says its parts' words."""
    if isinstance(value, (Concat, PathJoin, Format)):
        return [word for part in children(value) for word in _spoken(part)]
    return words(_shown(value))


def _per_org(site: LoopSite, summary: Summary, finder: _Origins) -> bool:
    """Whether the loop sits in a loop over orgs and its iterable is reached through that loop's variables
    (`range workspaces[org.ID]`, `org.members.all()`, `Workspace.objects.filter(org=org)`, or a local
    assigned one of these): one org's items, not another fan-out."""
    used = _names_in(site.over, summary, site.loc.line)
    return any(
        outer is not site and _inside(site.loc, outer.loc) and used & set(outer.names)
        and _over(outer, summary, finder) is not None
        for outer in summary.loops
    )  # fmt: skip


def _inside(inner: Location, outer: Location) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and inner.end_line <= outer.end_line


def _names_in(value: Value, summary: Summary, line: int) -> set[str]:
    """The names a value reads, and those read by what its locals were last assigned before ``line``."""
    names: set[str] = set()
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, Var) and value.kind in ("local", "param") and value.name not in names:
            names.add(value.name)
            bound = _bound_value(summary, value.name, line) if value.kind == "local" else None
            pending.extend(() if bound is None else (bound,))
        pending.extend(children(value))
    return names


def _bound_value(summary: Summary, name: str, line: int) -> Value | None:
    bound = binding_before(summary, name, line)
    return bound[0] if bound is not None else None


def mentions_orgs(text: str) -> bool:
    return any(word in _ORG_WORDS for word in words(text))


class _Origins:
    """Where values come from, across the project's functions."""

    def __init__(self, project: Project, path: str, module: str, unit: Summary | None = None) -> None:
        self.project, self.path, self.module = project, path, module
        self.unit = unit  # whose locals a value may name (`rows, _ := conn.Query(...); return scan(rows)`)
        self._followed: set[str] = set()

    def symbol(self, value: Value) -> str | None:
        """The qualified name a called value stands for: an import, or a function or class of the module."""
        if isinstance(value, Var) and value.kind == "global":
            return value.name
        if isinstance(value, Var) and value.kind == "local" and value.name in self.project.definitions[self.module]:
            return f"{self.module}.{value.name}"
        if isinstance(value, Attr):
            base = self.symbol(value.base)
            return f"{base}.{value.name}" if base is not None else None
        return None

    def written(self, var: Var) -> str:
        """A name as the code wrote it, near enough: a project global without its module's path."""
        if var.kind != "global":
            return var.name
        split = self.project.index.split_all(var.name, self.path)
        return " ".join(split[1]) if split is not None and split[1] else var.name.replace(".", " ")

    def queries_orgs(self, value: Value, depth: int) -> bool:
        """Whether a value comes from orgs: a call, model or query text naming them, or a project function
        returning such a value (`active()` whose body selects from the orgs table)."""
        parts: list[str] = []
        called: list[str] = []
        _named_parts(value, parts, called, self)
        if mentions_orgs(_ID_WORDS.sub(" ", " ".join(parts))):
            return True
        return depth < MAX_CALLS and any(self._returns_orgs(name, depth + 1) for name in called)

    def _returns_orgs(self, name: str, depth: int) -> bool:
        unit = self.project.resolve_symbol(name, self.path)
        if unit is None or unit[1] == MODULE_SCOPE:
            return False
        summary = self.project.summaries[unit[0]].get(unit[1])
        if summary is None or summary.kind != "function":
            return False
        inner = _Origins(self.project, self.project.unit_paths.get(unit, self.path), unit[0], summary)
        return any(inner.queries_orgs(returned.value, depth) for returned in summary.returns)

    def local(self, var: Var) -> tuple[Value, ...]:
        """What a local of the unit being read was assigned, once per name (the bindings are cyclic)."""
        if self.unit is None or var.kind != "local" or var.name in self._followed:
            return ()
        self._followed.add(var.name)
        return tuple(b.value for b in self.unit.bindings if b.name == var.name)


def _named_parts(value: Value, parts: list[str], called: list[str], origins: _Origins) -> None:
    """The names of the calls and the string literals in a value (not other names: `f(org_id)` is one org's);
    ``called`` the functions it calls."""
    if isinstance(value, Call):
        symbol = origins.symbol(value.func)
        if symbol is not None:
            called.append(symbol)
        func = value.func
        while isinstance(func, Attr):
            parts.append(func.name)
            func = func.base
        if isinstance(func, Var):
            parts.append(origins.written(func))
        _named_parts(func, parts, called, origins)
        for arg in (*value.args, *(v for _, v in value.kwargs)):
            _named_parts(arg, parts, called, origins)
    elif isinstance(value, Lit):
        if isinstance(value.value, str):
            parts.append(value.value)
    elif isinstance(value, (Concat, PathJoin)):
        for part in value.parts:
            _named_parts(part, parts, called, origins)
    elif isinstance(value, Format):
        for part in (value.fmt, *value.args, *(v for _, v in value.kwargs)):
            _named_parts(part, parts, called, origins)
    elif isinstance(value, (Attr, Item)):
        _named_parts(value.base, parts, called, origins)
    elif isinstance(value, Collection):
        for element in value.values:
            _named_parts(element, parts, called, origins)
    elif isinstance(value, Var):
        for assigned in origins.local(value):
            _named_parts(assigned, parts, called, origins)


def _shown(value: Value) -> str:
    """A value as code, short: `Org.objects.all()`, `active()`."""
    if isinstance(value, Var):
        return value.name.rpartition(".")[2]
    if isinstance(value, Attr):
        return f"{_shown(value.base)}.{value.name}"
    if isinstance(value, Call):  # a literal argument is shown: it may be the query naming orgs
        args = ", ".join(repr(a.value) if isinstance(a, Lit) else "..." for a in value.args)
        return f"{_shown(value.func)}({args}{', ...' if value.kwargs and args else '...' if value.kwargs else ''})"
    if isinstance(value, Lit):
        return repr(value.value)
    if isinstance(value, Item):
        return f"{_shown(value.base)}[...]"
    return "..."
