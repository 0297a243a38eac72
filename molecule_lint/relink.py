"""Re-check changed files against the last full analysis's linked part (incremental.py decides when).

A full run stores, besides the snapshot, what linking needs (`Linked`): every analysed
file reduced to what others link against, and the next hops toward tenant data and
code with the edges they take. A changed file is relinked against that alone: its
own units' hops are recomputed from their successors' stored paths, and its checks
rerun. Imported only by runs that need it: a comment edit never does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from molecule_lint import sql
from molecule_lint.checks import CheckContext, NextHops, may_report_in
from molecule_lint.checks.aggregation import callback_loops, gathering_loops
from molecule_lint.checks.callreach import Memo, relinked
from molecule_lint.core.lineage import Fill, Rows, fills, row_reads, rows_leave
from molecule_lint.facts import MODULE_SCOPE, Attr, FileFacts, Value, Var
from molecule_lint.graph import FLOW_EDGES, RepoGraph, unit_node
from molecule_lint.heap import long_lived
from molecule_lint.incremental import imports_digest, interface, known_part, snapshot_facts
from molecule_lint.lineshift import moved_findings
from molecule_lint.linker import Project

if TYPE_CHECKING:
    from molecule_lint.cache import Cache
    from molecule_lint.config import Config
    from molecule_lint.findings import Finding
    from molecule_lint.incremental import Snapshot
    from molecule_lint.prefilter import Selection
    from molecule_lint.rules import Rule
    from molecule_lint.scan import Scan

Family = tuple[str, str]  # (module, a top-level name in it): see family()
Chains = tuple[dict[tuple[str, str], dict[str, Any]], dict[str, dict[str, Any]]]  # edges and nodes, with attributes


@dataclass(slots=True)
class Linked:
    """What only a run that moves findings reads: written by full runs alone (large)."""

    id: str
    known: dict[str, FileFacts]  # every analysed file, reduced to what others link against
    platform_imports: dict[str, str]  # platform Python file -> imports_digest of its scan (prefilter on)
    reach: NextHops  # next hops of non-platform nodes toward tenant data and code
    through: dict[str, str]  # next hops toward tenant data walking through platform code (MOL202), of every node
    chains: Chains  # the edges those hops take, and their nodes
    dangling: dict[str, frozenset[str]]  # module -> names other modules use in it that it does not define
    loop_reached: frozenset[str]  # the nodes the calls in platform org loops lead to (MOL202 walks them)
    loop_edges: dict[str, frozenset[str]]  # each of those nodes' flow successors
    star_imported: frozenset[str]  # modules some file imports `*` from
    platform_reached: frozenset[str]  # prefilter.Selection.platform_reached
    users: Users  # what uses each unit family: the value-flow core resolves through it
    callers: dict[str, frozenset[str]]  # a project method's name -> the files calling a method so named
    fills: tuple[Fill, ...]  # platform tables written with tenant rows (lineage): MOL203, and mirrors for MOL201
    row_reads: Rows  # where each file reads tenant rows: what lineage follows a changed file's values to
    call_reach: Memo  # what calls into non-platform functions reach (MOL101-103 at the platform's calls)


def linked_known(project: Project) -> Iterator[tuple[str, FileFacts]]:
    """Linked.known, file by file: each reduced as it is written (Cache.save_linked), not held together."""
    return ((path, known_part(f)) for path, f in project.files.items())


def linked_rest(ctx: CheckContext, id: str, scans: dict[str, Scan], selection: Selection | None) -> Iterator[tuple[str, object]]:
    """Linked's other fields of a full run, by name (``scans``: the prefilter's, of the files it scanned),
    each built when the one before is written (Cache.save_linked): built together, they and their pickle
    added ~40 MiB to a 2,400-file Go project's peak."""
    project, graph = ctx.project, ctx.graph
    yield "id", id
    yield "platform_imports", {
        path: imports_digest(scan) for path, scan in scans.items() if project.plane_of(path) == "platform"
    }
    data, code = ctx.tenant_next_hops
    reach = tuple({u: v for u, v in hops.items() if graph.plane(u) != "platform"} for hops in (data, code))
    through = ctx.tenant_data_hops_through_platform
    yield "reach", (reach[0], reach[1])
    yield "through", through
    yield "chains", _chains(graph, (*reach, through))
    del reach
    yield "dangling", _dangling(graph)
    loop_reached = _loop_reached(ctx)
    yield "loop_reached", loop_reached
    yield "loop_edges", {node: _flow_successors(graph, node) for node in loop_reached}
    yield "star_imported", _star_imported(project)
    yield "platform_reached", selection.platform_reached if selection is not None else frozenset()
    yield "users", _users(graph)
    yield "callers", _callers(project)
    yield "fills", ctx.fills
    yield "row_reads", row_reads(project, graph.accesses)
    yield "call_reach", ctx.call_reach.memo


def _chains(graph: RepoGraph, next_hops: tuple[dict[str, str], ...]) -> Chains:
    """The edges the hops take, and their nodes, with their attributes."""
    edges = {(u, v): dict(graph.g.edges[u, v]) for hops in next_hops for u, v in hops.items()}
    return edges, {n: dict(graph.g.nodes[n]) for pair in edges for n in pair}


def recheck(
    config: Config, rules: dict[str, Rule], active: dict[str, Rule], snapshot: Snapshot, linked: Linked,
    moved: list[FileFacts], discovered: list[str], cache: Cache,
) -> list[Finding] | None:
    """The findings of the ``moved`` files (their facts changed), checked against the linked part; None
    when the change may move findings elsewhere. Marks the linked part stale (``snapshot.linked``) when
    it no longer describes the project."""
    with long_lived():  # as a full run's checks (engine.py): the project and the core's memo tables stay to the end
        return _recheck(config, rules, active, snapshot, linked, moved, discovered, cache)


def _recheck(
    config: Config, rules: dict[str, Rule], active: dict[str, Rule], snapshot: Snapshot, linked: Linked,
    moved: list[FileFacts], discovered: list[str], cache: Cache,
) -> list[Finding] | None:
    from molecule_lint.engine import check_findings, mirror_params

    moved_paths = {f.path for f in moved}
    known = [_linking(cache, snapshot, linked, path) for path in linked.known if path not in moved_paths]
    if None in known:
        return None
    project = Project(config, moved, snapshot.catalog, [f for f in known if f is not None], discovered=discovered)
    sql.remember(cache.sql)
    ctx = CheckContext(config, project, mirror_params(rules))
    graph = ctx.graph
    units = {n for n, attrs in graph.g.nodes(data=True) if attrs.get("kind") == "unit" and attrs.get("path") in moved_paths}
    # The stored hops of everything else (the changed units' own are stale), then theirs anew.
    reach = tuple({node: hop for node, hop in side.items() if node not in units} for side in linked.reach)
    through = {node: hop for node, hop in linked.through.items() if node not in units}
    _add_chains(graph, (*reach, through), linked.chains)
    data_sinks, code_sinks = graph.tenant_sinks()
    shared = {unit for unit in units if graph.plane(unit) != "platform"}
    # Reachability walks shared code; MOL202 walks platform code too, from what org loops reach.
    new_reach = _hops_kept(graph, shared, reach, linked.reach, (data_sinks, code_sinks), shared)
    new_through = _hops_kept(graph, units, (through,), (linked.through,), (data_sinks,), units & linked.loop_reached)
    if new_reach is None or new_through is None:
        return None
    ctx.tenant_next_hops, ctx.tenant_data_hops_through_platform = (new_reach[0], new_reach[1]), new_through[0]
    if _lineage_moves(ctx, linked, moved_paths):
        return None
    ctx.fills = linked.fills  # none is in, or runs through, a changed file
    call_reach = relinked(project, graph.accesses, linked.call_reach, moved_paths)
    if call_reach is None:
        return None
    ctx.call_reach, reach_exact = call_reach
    _add_chains(graph, (*new_reach, *new_through), linked.chains)
    planes = {project.plane_of(path) for path in moved_paths}
    checked = {rule_id: rule for rule_id, rule in active.items() if may_report_in(rule.check, planes)}
    found: list[Finding] | None = [f for f in check_findings(ctx, checked) if f.path in moved_paths]
    for path, lines in snapshot.shifted.items():  # the linked part's evidence in files moved down since
        if found is not None and path not in moved_paths:
            found = moved_findings(found, path, lines)
    if found is None:
        return None
    cache.save_sql({**cache.sql, **sql.analyses_used()})
    if not reach_exact or not _linked_holds(project, graph, units, moved, new_through[0], linked):
        snapshot.linked = ""  # stale from here: the next edit that needs it runs in full
    return found


def _linking(cache: Cache, snapshot: Snapshot, linked: Linked, path: str) -> FileFacts | None:
    """What others link against in the file: the linked part's, unless the file was relinked since
    (its value flow may differ now); then the facts table's, when it holds what the snapshot saw."""
    if path not in snapshot.relinked:
        return linked.known[path]
    facts = snapshot_facts(cache, snapshot, path)
    return known_part(facts) if facts is not None else None


def _lineage_moves(ctx: CheckContext, linked: Linked, moved: set[str]) -> bool:
    """May the changed files change which tables hold tenant rows, and so other files' findings? A stored
    lineage runs through them, they fill a table now, or they pass tenant rows to another file's function
    (a write there may store them)."""
    if any(hop.path in moved for fill in linked.fills for hop in fill.trace):
        return True
    accesses = ctx.graph.accesses
    return bool(fills(ctx.project, accesses, linked.row_reads)) or rows_leave(
        ctx.project, accesses, linked.row_reads, moved
    )


def _dangling(graph: RepoGraph) -> dict[str, frozenset[str]]:
    """For each module, the names other modules use in it that resolved to its body (it defines none)."""
    names: dict[str, set[str]] = {}
    for source, target, data in graph.g.edges(data=True):
        attrs = graph.g.nodes[target]
        if data.get("kind") != "use" or attrs.get("kind") != "unit" or attrs.get("scope") != MODULE_SCOPE:
            continue
        module, ref = attrs["module"], data.get("ref") or ""
        if graph.g.nodes[source].get("module") != module:
            names.setdefault(module, set()).update(ref.split("."))  # every part: the alias may differ
    return {module: frozenset(parts) for module, parts in names.items()}


def _linked_holds(
    project: Project, graph: RepoGraph, units: set[str], moved: list[FileFacts], through: dict[str, str], linked: Linked
) -> bool:
    """Does the linked part still describe the project after these edits? Not when a changed file
    gained a name others could resolve, a changed unit's hop through platform code moved (a later
    edit upstream would read the old one), or what org loops reach grew: a unit they reach calls
    something new, or a changed file's loop reaches a node no loop reached (a later edit there must
    keep its hops, which only the full run's loop_reached says)."""
    if any(interface(f) != interface(linked.known[f.path]) for f in moved):
        return False
    if any(through.get(unit) != linked.through.get(unit) for unit in units):
        return False
    if not all(_flow_successors(graph, unit) <= linked.loop_edges[unit] for unit in units & linked.loop_reached):
        return False
    return _loops_reach(project, graph, moved, units) <= linked.loop_reached


def _loops_reach(project: Project, graph: RepoGraph, moved: list[FileFacts], units: set[str]) -> set[str]:
    """What the org loops of the changed files reach: their calls, and the flow successors of those
    in the changed files (the graph holds the others' edges only along stored hops; loop_reached is
    closed under them, so stopping there loses nothing of the comparison)."""
    starts = (
        unit_node(*unit)
        for f in moved if project.plane_of(f.path) == "platform"
        for loop in gathering_loops(project, f)
        for unit in (project.resolve_symbol(called, f.path) for called in loop.body) if unit is not None
    )
    return _flow_closure(graph, starts, units)


def _flow_successors(graph: RepoGraph, node: str) -> frozenset[str]:
    return frozenset(t for t in graph.g.successors(node) if graph.g.edges[node, t].get("kind") in FLOW_EDGES)


def _hops_kept(
    graph: RepoGraph, units: set[str], others: tuple[dict[str, str], ...], stored: tuple[dict[str, str], ...],
    sinks: tuple[set[str], ...], must_keep: set[str],
) -> tuple[dict[str, str], ...] | None:
    """``others`` (the stored hops of every node but the changed ``units``, one table per kind of sink)
    with the units' hops recomputed; None when one of ``must_keep`` would now take another hop (then
    nodes upstream of it may too, and the findings built on them).

    RepoGraph.next_hops is a BFS from the sinks: a node's next hop is its successor nearest a sink,
    ties going to the one the BFS reached first — which is the one whose path to the sink, read
    from the sink, sorts first. So each unit's hop follows from its successors' stored paths.
    """
    out = []
    for hops, before, ends in zip(others, stored, sinks):
        new = _local_hops(graph, units, hops, ends)
        if any(new.get(unit) != before.get(unit) for unit in must_keep):
            return None
        out.append({**hops, **new})
    return tuple(out)


def _local_hops(graph: RepoGraph, units: set[str], hops: dict[str, str], sinks: set[str]) -> dict[str, str]:
    keys: dict[str, tuple[str, ...]] = {}  # unit -> its path to a sink, read from the sink
    new: dict[str, str] = {}

    def key(node: str) -> tuple[str, ...] | None:
        path = [node]
        while path[-1] not in units and path[-1] in hops:
            path.append(hops[path[-1]])
        end = path[-1]
        if end in units and end != node:
            base = keys.get(end)
            return None if base is None else base + tuple(reversed(path[:-1]))
        return tuple(reversed(path)) if end in sinks else None

    for _ in range(len(units) + 1):  # relaxing until no unit's path improves
        settled = True
        for unit in sorted(units):
            best: tuple[int, tuple[str, ...], str] | None = None
            for successor in graph.g.successors(unit):
                if graph.g.edges[unit, successor].get("kind") not in FLOW_EDGES:
                    continue
                found = keys.get(successor) if successor in units else key(successor)
                if found is not None and (best is None or (len(found), found, successor) < best):
                    best = (len(found), found, successor)
            if best is not None and keys.get(unit) != best[1] + (unit,):
                keys[unit], new[unit] = best[1] + (unit,), best[2]
                settled = False
        if settled:
            break
    return new


def _loop_reached(ctx: CheckContext) -> frozenset[str]:
    """The nodes the calls in platform org loops lead to, through any plane."""
    project, graph = ctx.project, ctx.graph
    loops = [
        (path, loop)
        for path, f in project.files.items()
        if f.error is None and project.plane_of(path) == "platform"
        for loop in gathering_loops(project, f)
    ]
    loops += [(f.path, loop) for f, loop, _ in callback_loops(project)]  # a callback run per org by a helper
    units = (project.resolve_symbol(called, path) for path, loop in loops for called in loop.body)
    return frozenset(_flow_closure(graph, (unit_node(*unit) for unit in units if unit is not None), None))


def _flow_closure(graph: RepoGraph, starts: Iterable[str], through: set[str] | None) -> set[str]:
    """The nodes reached from ``starts`` over flow edges, going on only from those in ``through`` (None: all)."""
    queue = deque(starts)
    seen: set[str] = set()
    while queue:
        node = queue.popleft()
        if node in seen or node not in graph.g:
            continue
        seen.add(node)
        if through is None or node in through:
            queue.extend(_flow_successors(graph, node))
    return seen


def family(module: str, unit: str) -> Family:
    """A unit with the others of its top-level name: a class and its methods (an instance reaches them
    all through the class), a function, a module-level binding, the module's body."""
    return module, unit.split(".", 1)[0]


@dataclass(slots=True)
class Users:
    """What uses each unit family (a call, a read: the value-flow core resolves through it), the families
    numbered, each family's users a tuple: on saleor it holds 0.9 MiB where a dict of frozensets of family
    tuples held 2.3, and reads back in 2.1 ms CPU against 5.5 (bench/README.md, session 10)."""

    families: tuple[Family, ...]  # a family's number is its index
    used_by: dict[int, tuple[int, ...]]  # a used family's number -> the numbers of the families using it

    def used_in(self, modules: set[str]) -> set[Family]:
        """The families of ``modules`` that some code uses."""
        return {family for family in map(self.families.__getitem__, self.used_by) if family[0] in modules}

    def closure(self, start: set[Family]) -> set[Family]:
        """``start``, the families using one of them, those using theirs, and so on."""
        number = {family: n for n, family in enumerate(self.families)}
        queue = [number[family] for family in start if family in number]
        seen = set(queue)
        while queue:
            for user in self.used_by.get(queue.pop(), ()):
                if user not in seen:
                    seen.add(user)
                    queue.append(user)
        return start | {self.families[n] for n in seen}


def _users(graph: RepoGraph) -> Users:
    number: dict[Family, int] = {}
    out: dict[int, set[int]] = {}
    nodes = graph.g.nodes
    for source, target, data in graph.g.edges(data=True):
        if data.get("kind") == "use" and nodes[target].get("kind") == "unit" and nodes[source].get("kind") == "unit":
            used = number.setdefault(family(nodes[target]["module"], nodes[target]["scope"]), len(number))
            user = number.setdefault(family(nodes[source]["module"], nodes[source]["scope"]), len(number))
            out.setdefault(used, set()).add(user)
    families = tuple(number)
    del number
    used_by: dict[int, tuple[int, ...]] = {}
    while out:  # each set dropped as it is made a tuple: not all held twice
        used, users = out.popitem()
        used_by[used] = tuple(sorted(users))
    return Users(families, used_by)


def _callers(project: Project) -> dict[str, frozenset[str]]:
    """For each name of a project method, the files calling a method so named (`x.for_org(...)`): the ORM
    checks read every method of that name (linker.Project.methods_named)."""
    methods = {unit.rsplit(".", 1)[1] for units in project.summaries.values() for unit in units if "." in unit}
    out: dict[str, set[str]] = {}
    for path, summaries in project.file_summaries.items():
        for summary in summaries:
            for call in summary.calls:
                if (name := _method_called(call.func)) in methods:
                    out.setdefault(name, set()).add(path)
    return {name: frozenset(paths) for name, paths in out.items()}


def _method_called(func: Value) -> str | None:
    """The last name of what a call calls: `x.for_org(...)`, `Model.objects.for_org(...)` (a dotted global)."""
    if isinstance(func, Attr):
        return func.name
    return func.name.rpartition(".")[2] if isinstance(func, Var) and "." in func.name else None


def _star_imported(project: Project) -> frozenset[str]:
    index = project.index
    targets = (
        index.resolve(source, index.paths.get(module, ""))
        for module, sources in project.star_imports.items()
        for source in sources
    )
    return frozenset(target for target in targets if target)


def _add_chains(graph: RepoGraph, next_hops: tuple[dict[str, str], ...], chains: Chains) -> None:
    """The stored hops from every node of the graph, into it (edges it has already are kept)."""
    edges, nodes = chains
    walked: set[tuple[int, str]] = set()
    for start in list(graph.g.nodes):
        for number, next_hop in enumerate(next_hops):
            node = start
            while node in next_hop and (number, node) not in walked:
                walked.add((number, node))
                target = next_hop[node]
                if not graph.g.has_edge(node, target):
                    for end in (node, target):
                        if end not in graph.g:
                            graph.g.add_node(end, **nodes[end])
                    graph.g.add_edge(node, target, **edges[node, target])
                node = target
