"""MOL201/MOL202: functional state aggregated across orgs, by one query or by a loop over orgs.

A tenant holds one org, so neither applies to tenant code: counting every row
of its own database is counting one org.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from molecule_lint.catalog import DataCatalog
from molecule_lint.checks import CheckContext, Mirror, Violation, register
from molecule_lint.core.fanout import OrgLoop, org_loops
from molecule_lint.core.queries import OrmAggregate, Queries
from molecule_lint.facts import Call, FileFacts, Location, TableQuery, Value, Var, children
from molecule_lint.findings import Hop
from molecule_lint.graph import describe_store, hops
from molecule_lint.linker import Project
from molecule_lint.sql import SqlAnalysis, TableRef

# --- MOL201 ----------------------------------------------------------------------


@register("cross-org-sql", apart_after=("graph", "mirrors"))
def cross_org_sql(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """SQL outside tenant code that groups, aggregates, scans or UNIONs tenant tables across orgs."""
    project = ctx.project
    org_keys = frozenset(key.lower() for key in ctx.config.org_keys)
    for path, f in sorted(project.files.items()):
        plane = project.plane_of(path)
        if f.error is not None or plane == "tenant" or ctx.catalog.is_tenant_module(f.module):
            continue
        seen: set[tuple[int, str, str]] = set()  # one finding where several resolved texts say the same
        state = _State(ctx.catalog, ctx.mirrors)
        for fact, trace in project.sql_facts(f):
            found = project.sql(path, fact)
            if found is None:
                continue
            analysis, note = found
            reason = _cross_org(analysis, state, org_keys, platform=plane == "platform")
            if reason is not None and (fact.loc.line, reason[0].name, reason[1]) not in seen:
                ref, why = reason
                seen.add((fact.loc.line, ref.name, why))
                evidence = (Hop(path, fact.loc.line, note), *trace, *state.evidence(ref.name, ref.schema))
                yield Violation(path, fact.loc, ref.name, f"{_who(project, path)} {why}", evidence)
        yield from _cross_org_orm(ctx, path, f, org_keys)


def _cross_org_orm(ctx: CheckContext, path: str, f: FileFacts, org_keys: frozenset[str]) -> Iterator[Violation]:
    """ORM and query-builder chains that aggregate a tenant table, judged as `_cross_org` judges SQL."""
    project = ctx.project
    queries = Queries(lambda name: project.model_table(name, path), org_keys, project.methods_named,
                      project.model_field, project.app_model, lambda name: project.function(name, path))  # fmt: skip
    platform = project.plane_of(path) == "platform"
    state = _State(ctx.catalog, ctx.mirrors)
    for summary in project.file_summaries.get(path, ()):  # a Go package's other files judge their own
        seen: set[Value | None] = set()  # a query built in steps is judged at each step after it aggregates
        for found in queries.aggregates(summary):
            table = found.model.table.lower()
            held = state.describe(table)
            if held is None or found.scoped or found.origin in seen or _judged_where_built(project, path, found):
                continue
            if found.grouped_by is not None:
                why = f"groups {held} by org key `{found.grouped_by}` ({found.how})"
            elif platform:
                why = f"aggregates {held} with no org predicate ({found.how})"
            else:
                continue
            seen.add(found.origin)
            note = f"{found.how} on `{found.model.name.rsplit('.', 1)[-1]}` -> table `{table}`"
            # the aggregating call, where it is not the query's line (a subquery the query annotates with)
            lines = {site.loc.line for site in summary.calls if Call(site.func, site.args, site.kwargs) == found.origin}
            inner = tuple(Hop(path, line, "aggregated here") for line in sorted(lines - {found.loc.line})[:1])
            evidence = (Hop(path, found.loc.line, note), *inner, *state.evidence(table))
            yield Violation(path, found.loc, table, f"{_who(project, path)} {why}", evidence)
    for hit in project.value_hits(f):  # a statement on a table the core resolved from a value
        fact = hit.fact
        held = state.describe(fact.table) if isinstance(fact, TableQuery) and fact.aggregate else None
        if held is None:
            continue
        assert isinstance(fact, TableQuery)
        if fact.grouped_by:
            why = f"groups {held} by org key `{fact.grouped_by}` ({fact.aggregate})"
        elif platform:
            why = f"aggregates {held} with no org predicate ({fact.aggregate})"
        else:
            continue
        evidence = (Hop(path, fact.loc.line, fact.note), *hit.hops, *state.evidence(fact.table))
        yield Violation(path, fact.loc, fact.table.lower(), f"{_who(project, path)} {why}", evidence)


def _judged_where_built(project: Project, path: str, found: OrmAggregate) -> bool:
    """The query aggregates in a function the unit runs (`execute(stmt())`), whose file reports it where it
    is built: one finding for one statement."""
    built = project.function_file(found.built_in, path) if found.built_in else None
    facts = project.files.get(built) if built else None
    if facts is None or facts.error is not None:
        return False
    plane = project.plane_of(facts.path)
    tenant = plane == "tenant" or project.catalog.is_tenant_module(facts.module)
    return not tenant and (found.grouped_by is not None or plane == "platform")


class _State:
    """Tables that hold functional state: tenant tables, and platform tables that mirror them."""

    def __init__(self, catalog: DataCatalog, mirrors: dict[str, Mirror]) -> None:
        self.catalog, self.mirrors = catalog, mirrors

    def describe(self, table: str, schema: str | None = None) -> str | None:
        """The table in words, or None when it holds no functional state (``schema`` as the query names it)."""
        name = table.lower()
        if name in self.mirrors and self.catalog.table_plane(name, schema) != "tenant":
            return self.mirrors[name].describe(name)
        return f"tenant table `{name}`" if self.catalog.table_plane(name, schema) == "tenant" else None

    def evidence(self, table: str, schema: str | None = None) -> tuple[Hop, ...]:
        """How a mirror came to hold tenant state (its filling write and read); nothing for a tenant table."""
        mirror = self.mirrors.get(table.lower())
        return mirror.evidence if mirror is not None and self.catalog.table_plane(table, schema) != "tenant" else ()


def _cross_org(
    analysis: SqlAnalysis, state: _State, org_keys: frozenset[str], platform: bool
) -> tuple[TableRef, str] | None:
    """(table, why) when the statement spans orgs on a table that holds functional state.

    In shared or unassigned code only the forms that mean several orgs by
    construction count (GROUP BY an org key, UNION over per-org schemas): an
    aggregate there may be a tenant-side helper counting its own org.
    """
    held = {ref: said for ref in analysis.reads if (said := state.describe(ref.name, ref.schema)) is not None}
    per_org = [ref for ref in held if ref.schema in analysis.union_schemas]
    if len({ref.schema for ref in per_org}) > 1:
        schemas = ", ".join(sorted({f"`{ref.schema}`" for ref in per_org}))
        return per_org[0], f"UNIONs {held[per_org[0]]} across per-org schemas {schemas}"
    # A schema chosen by a hole (`{org_schema}.agent_memories`) is one org's: that read is scoped.
    unscoped = [ref for ref in held if ref.schema != "*"]
    if not unscoped or _scoped(analysis, org_keys):
        return None
    first = unscoped[0]
    grouped = sorted(set(analysis.group_by) & org_keys)
    if grouped:
        return first, f"groups {held[first]} by org key `{grouped[0]}`"
    if not platform:
        return None
    if analysis.aggregates or analysis.group_by:
        return first, f"aggregates {held[first]} with no org predicate"
    whole = next((ref for ref in unscoped if ref in analysis.full_scans), None)
    if whole is not None:
        return whole, f"reads every row of {held[whole]} (no WHERE, no LIMIT, no org predicate)"
    return None


def _scoped(analysis: SqlAnalysis, org_keys: frozenset[str]) -> bool:
    """Pinned to one org: an org key, or one entity's id (`workspace_id = %s`: a workspace has one org),
    compared with a value."""
    return any(column in org_keys or column == "id" or column.endswith("_id") for column in analysis.org_filtered)


def _who(project: Project, path: str) -> str:
    service = project.service_of(path)
    return f"{project.plane_of(path)} service `{service}`" if service else "code outside any service"


# --- MOL202 ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Reach:
    """How a loop body reaches tenant data; the best has the lowest rank."""

    rank: tuple[int, str]  # (hops, name): short chains first
    target: str
    store: str  # the store in words: "table `agent_memories`"
    evidence: tuple[Hop, ...]


@register("fan-out")
def fan_out(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Platform loops over orgs whose body reaches tenant data, directly or through the functions it calls.

    A loop that keeps nothing across iterations (its site's `accumulates`
    False: it only deletes or notifies) gathers nothing; one the frontend
    could not judge (None) counts, as a loop over orgs mostly touches tenant
    data to gather it.
    """
    project = ctx.project
    for path, f in sorted(project.files.items()):
        if f.error is not None or project.plane_of(path) != "platform":
            continue
        for loop in gathering_loops(project, f):
            reaches = [*_direct_reads(ctx, f, loop), *_called_reads(ctx, f, loop)]
            if reaches:
                best = min(reaches, key=lambda reach: reach.rank)
                what = f"loops over `{loop.over}` and reaches tenant {best.store} in each iteration"
                yield Violation(path, loop.loc, best.target, what, best.evidence)
    yield from _callback_fan_out(ctx)


def gathering_loops(project: Project, f: FileFacts) -> Iterator[OrgLoop]:
    """A file's loops over orgs that may keep what their iterations get; of several at one place (the
    clauses of a comprehension), the first."""
    seen: set[Location] = set()
    for loop in org_loops(project, f.path, f.module):
        if loop.site.accumulates is not False and loop.loc not in seen:
            seen.add(loop.loc)
            yield loop


def _direct_reads(ctx: CheckContext, f: FileFacts, loop: OrgLoop) -> Iterator[_Reach]:
    """Tenant accesses written inside the loop (on its first line only when the loop is one line), but
    not the query that makes its iterable: a comprehension's `for r in conn.execute(...)` runs it once (a
    Redis `scan_iter` is a command per batch of iterations)."""
    first, last = loop.loc.line, loop.loc.end_line
    lead = Hop(f.path, first, f"loop over `{loop.over}`")
    yield from _written_reads(ctx, f.path, loop.scope, first, last, (lead,), _iterable_calls(loop))


def _iterable_calls(loop: OrgLoop) -> frozenset[tuple[int, int]]:
    """Where the calls a loop's iterable is made of are written (line, column)."""
    made_of: set[Value] = set()
    pending = [loop.site.over]
    while pending:
        value = pending.pop()
        if isinstance(value, Call):
            made_of.add(value)
        pending.extend(children(value))
    calls = loop.unit.calls
    return frozenset((c.loc.line, c.loc.column) for c in calls if Call(c.func, c.args, c.kwargs) in made_of)


def _written_reads(
    ctx: CheckContext,
    path: str,
    scope: str,
    first: int,
    last: int,
    lead: tuple[Hop, ...],
    skip: frozenset[tuple[int, int]] = frozenset(),
) -> Iterator[_Reach]:
    """Tenant accesses of a unit's scope in lines ``first`` to ``last`` (past ``first`` unless one line),
    but the table reads written at ``skip``."""
    for access in ctx.graph.accesses.get(path, []):
        line = access.loc.line
        skipped = access.kind == "table" and (line, access.loc.column) in skip
        inside = (first < line <= last or first == line == last) and not skipped
        if access.plane == "tenant" and access.scope == scope and inside:
            evidence = (*lead, Hop(path, line, access.note))
            rank = (len(evidence) - 1, access.target)
            yield _Reach(rank, access.target, describe_store(access.kind, access.target), evidence)


def _called_reads(ctx: CheckContext, f: FileFacts, loop: OrgLoop) -> Iterator[_Reach]:
    """Tenant data reached from what the loop body calls, through any plane and module: the methods and
    nested functions it calls by themselves, anything else through its unit."""
    for called in loop.body:
        step = Hop(f.path, loop.loc.line, f"loop over `{loop.over}` calls `{called}`")
        yield from _chained_reads(ctx, f.path, called, (f.module, loop.scope), (step,))
    for callee in loop.callees:
        scope, where = callee.name.split(".", 1)[0], callee.summary.loc
        yield from _written_reads(ctx, callee.path, scope, where.line, where.end_line, callee.via)
        yield from _reads_of_calls(ctx, callee.path, where.line, where.end_line, callee.via)
        for called, line in callee.calls:
            step = Hop(callee.path, line, f"calls `{called}`")
            yield from _chained_reads(ctx, callee.path, called, (callee.module, scope), (*callee.via, step))


def _reads_of_calls(ctx: CheckContext, path: str, first: int, last: int, lead: tuple[Hop, ...]) -> Iterator[_Reach]:
    """Tenant data the calls written in a platform method reach through tenant or shared code (an adapter
    injected behind a port calls a tenant package's client): what checks/callreach.py reports at them."""
    for site, callee, reached in ctx.call_reach.at_calls(path):
        if first <= site.loc.line <= last:
            access = reached.access
            call = Hop(path, site.loc.line, f"calls `{ctx.call_reach.display(callee)}`")
            evidence = (*lead, call, *reached.calls, *access.evidence())
            yield _Reach((len(evidence) - 1, access.target), access.target, describe_store(access.kind, access.target), evidence)


def _chained_reads(
    ctx: CheckContext, path: str, called: str, own: tuple[str, str], lead: tuple[Hop, ...]
) -> Iterator[_Reach]:
    """Tenant data reached from the unit ``called`` names (seen from ``path``), unless it is ``own``."""
    graph, project = ctx.graph, ctx.project
    data_next = ctx.tenant_data_hops_through_platform  # tenant data: a loop that only touches tenant code reads none
    unit = project.resolve_symbol(called, path)
    if unit is None or unit == own:
        return
    node = graph.reached_node(called, path, unit)
    edges = graph.chain(node, data_next)
    if edges:
        store = graph.g.nodes[edges[-1].target]
        evidence = (*lead, *hops(edges))
        words = describe_store(store.get("store_kind"), store.get("target"))
        yield _Reach((len(evidence), called), str(store.get("target")), words, evidence)


# A helper that runs a callback per org (`for_each_org(conn, collect_usage)`): the callback is the loop body.


@dataclass(frozen=True, slots=True)
class _Helper:
    name: str  # unqualified
    path: str
    loop: OrgLoop
    position: int  # of the parameter the loop calls
    param: str


def _callback_helpers(project: Project) -> dict[str, _Helper]:
    """Functions outside tenant code (qualified name -> helper) whose loop over orgs calls one of their
    parameters."""
    found: dict[str, _Helper] = {}
    for path, f in project.files.items():
        if f.error is not None or project.plane_of(path) == "tenant":
            continue
        for loop in gathering_loops(project, f):
            if loop.params and loop.unit.kind == "function":
                names = [param.name for param in loop.unit.params]
                param, unit = loop.params[0], loop.unit.name
                found[f"{f.module}.{unit}"] = _Helper(unit, path, loop, names.index(param), param)
    return found


def callback_loops(project: Project) -> Iterator[tuple[FileFacts, OrgLoop, _Helper]]:
    """Calls in platform files that hand a callback helper a function: each a loop, at the call, whose body
    calls that function."""
    helpers = _callback_helpers(project)
    for path, f in sorted(project.files.items()) if helpers else ():
        if f.error is not None or project.plane_of(path) != "platform":
            continue
        for summary in project.file_summaries.get(path, ()):
            for site in summary.calls:
                helper = helpers.get(_function_name(project, f, site.func) or "")
                if helper is None:
                    continue
                given = dict(site.kwargs).get(helper.param)
                if given is None and helper.position < len(site.args):
                    given = site.args[helper.position]
                callback = _function_name(project, f, given) if given is not None else None
                if callback is not None:
                    scope = summary.name.split(".", 1)[0]
                    loop = replace(helper.loop, loc=site.loc, scope=scope, body=(callback,), params=(), callees=())
                    yield f, loop, helper


def _callback_fan_out(ctx: CheckContext) -> Iterator[Violation]:
    for f, loop, helper in callback_loops(ctx.project):
        reaches = list(_called_reads(ctx, f, loop))
        if reaches:
            best = min(reaches, key=lambda reach: reach.rank)
            short = loop.body[0].rsplit(".", 1)[-1]
            evidence = (
                Hop(f.path, loop.loc.line, f"passes `{short}` to `{helper.name}`"),
                Hop(helper.path, helper.loop.loc.line, f"loop over `{helper.loop.over}` calls `{helper.param}`"),
                *best.evidence[1:],
            )
            what = f"runs `{short}` per org through `{helper.name}` and reaches tenant {best.store} in each iteration"
            yield Violation(f.path, loop.loc, best.target, what, evidence)


def _function_name(project: Project, f: FileFacts, value: Value) -> str | None:
    """The qualified name a reference to a function stands for: an import, or a name of the module."""
    if isinstance(value, Var) and value.kind == "global":
        return project.canonical(value.name, f.path) or value.name
    if isinstance(value, Var) and value.kind == "local" and value.name in project.definitions[f.module]:
        return f"{f.module}.{value.name}"
    return None
