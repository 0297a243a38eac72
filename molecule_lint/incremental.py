"""Answer a run from the last full analysis when the changes cannot move other files' findings.

Even with every file's facts cached, a full run relinks the project, rebuilds
the graph and reruns every check: seconds on a large repository, for a commit
that touched one file. So every full run leaves a snapshot: each analysed
file reduced to what others link against (definitions, module-level imports,
constants, ORM models, routes), a digest of each file's facts and byte scan,
the raw findings, the suppressions, and the next hops toward tenant data and
code (of non-platform code, and through platform code for MOL202) with the
edges they take, and the content digest of each file read. A later run
looks at the changed files only — those whose content differs from the
snapshot's, not just their stat (a checkout touches files it does not change);
more than a pool's worth of them (a branch switch) run the full analysis,
which parses in parallel:

- facts and scan unchanged (a comment, a docstring, a log text), any plane:
  nothing any rule reads changed;
- platform or shared Python code that keeps what others link against (give
  or take new functions under fresh names), and its imports: re-checked
  alone against the snapshot when the rest cannot notice.
  Reachability never walks through platform code (MOL104 reports it where it
  starts); shared code's units must keep their next hops toward tenant data
  (recomputed from their successors' stored paths), and its byte scan (which
  decides what gets parsed), and carry no org-id flow (MOL302 follows those
  across files). MOL202 walks through platform code from an org loop's calls:
  the units those calls reach must keep their hops through platform code too.
  A changed file's own org loop reads the stored hops of what it calls; when
  it reaches a node no loop reached before, the stored part is stale from
  there (the next edit that needs it runs in full). No other file's finding may run through a changed file (its evidence moved).

Anything else — a new or deleted file, tenant code, a changed import, a
migration, a go.mod, a config or rule change — runs the full analysis, which
writes a new snapshot. Both give the same result (tests/test_incremental.py
compares them edit by edit).
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from molecule_lint import sql
from molecule_lint.analysis import PARALLEL_FROM, Job, analyze_file, has_frontend
from molecule_lint.cache import digest
from molecule_lint.checks import CheckContext, NextHops
from molecule_lint.checks.aggregation import callback_loops, gathering_loops
from molecule_lint.core.lineage import Fill, Rows, fills, row_reads, rows_leave
from molecule_lint.discover import Discovery, ServiceMap
from molecule_lint.facts import (
    MODULE_SCOPE,
    Constant,
    Definition,
    Fact,
    FileFacts,
    Import,
    Location,
    OrmModel,
    Route,
    Summary,
    Suppression,
    facts_digest,
)
from molecule_lint.graph import FLOW_EDGES, RepoGraph, unit_node
from molecule_lint.linker import Project
from molecule_lint.modules import python_module_name
from molecule_lint.prefilter import Selection, tenant_needles
from molecule_lint.scan import Needles, Scan, scan_source

if TYPE_CHECKING:
    from molecule_lint.cache import Cache
    from molecule_lint.catalog import DataCatalog
    from molecule_lint.config import Config
    from molecule_lint.engine import Options, RunResult, Stamps
    from molecule_lint.findings import Finding
    from molecule_lint.rules import Rule

Chains = tuple[dict[tuple[str, str], dict[str, Any]], dict[str, dict[str, Any]]]  # edges and nodes, with attributes


@dataclass(slots=True)
class Snapshot:
    """What every run reads and rewrites (small)."""

    setup: str  # engine.setup_key: config, rules, options, date
    stamps: Stamps  # of every discovered file
    contents: dict[str, str]  # analysed or scanned file -> content digest: a touched file may be the same
    digests: dict[str, str]  # analysed file -> facts_digest
    scans: dict[str, str] | None  # Python file -> scan_digest (None: the prefilter was off, every file analysed)
    raw: list[Finding]  # every finding before suppressions
    marks: dict[str, FileFacts]  # files holding suppressions, with just those
    catalog: DataCatalog
    result: RunResult
    linked: str  # the id of the Linked part written with it


@dataclass(slots=True)
class Linked:
    """What only a run that moves findings reads: written by full runs alone (large)."""

    id: str
    known: dict[str, FileFacts]  # every analysed file, reduced to what others link against
    platform_imports: dict[str, str]  # platform Python file -> imports_digest of its scan (prefilter on)
    reach: NextHops  # next hops of non-platform nodes toward tenant data and code
    through: NextHops  # the same walking through platform code (MOL202), for every node
    chains: Chains  # the edges those hops take, and their nodes
    dangling: dict[str, frozenset[str]]  # module -> names other modules use in it that it does not define
    loop_reached: frozenset[str]  # the nodes the calls in platform org loops lead to (MOL202 walks them)
    loop_edges: dict[str, frozenset[str]]  # each of those nodes' flow successors
    star_imported: frozenset[str]  # modules some file imports `*` from
    platform_reached: frozenset[str]  # prefilter.Selection.platform_reached
    importers: frozenset[str]  # modules some other file imports or uses: its values may flow there
    fills: tuple[Fill, ...]  # platform tables written with tenant rows (lineage): MOL203, and mirrors for MOL201
    row_reads: Rows  # where each file reads tenant rows: what lineage follows a changed file's values to


def save_snapshot(
    cache: Cache, setup: str, stamps: Stamps, ctx: CheckContext, raw: list[Finding], result: RunResult,
    selection: Selection | None,
) -> None:
    """``selection``: what the prefilter chose (None: it was off); its scans are in the cache."""
    project, graph = ctx.project, ctx.graph
    prefiltered = selection is not None
    scans = {path: scan for path in stamps if (scan := cache.scans.peek(path)) is not None} if prefiltered else {}
    contents = {path: known for path in stamps if (known := _content_of(cache, path, project, prefiltered))}
    data, code = ctx.tenant_next_hops
    reach = tuple({u: v for u, v in hops.items() if graph.plane(u) != "platform"} for hops in (data, code))
    through = ctx.tenant_next_hops_through_platform
    edges = {(u, v): dict(graph.g.edges[u, v]) for hops in (*reach, *through) for u, v in hops.items()}
    nodes = {n: dict(graph.g.nodes[n]) for pair in edges for n in pair}
    linked = Linked(
        id=os.urandom(8).hex(),
        known={path: _known(f) for path, f in project.files.items()},
        platform_imports={path: imports_digest(scan) for path, scan in scans.items() if project.plane_of(path) == "platform"},
        reach=(reach[0], reach[1]),
        through=through,
        chains=(edges, nodes),
        dangling=_dangling(graph),
        loop_reached=(loop_reached := _loop_reached(ctx)),
        loop_edges={node: _flow_successors(graph, node) for node in loop_reached},
        star_imported=_star_imported(project),
        platform_reached=selection.platform_reached if selection is not None else frozenset(),
        importers=_imported(graph),
        fills=ctx.fills,
        row_reads=row_reads(project, graph.accesses),
    )
    cache.save_linked(linked)
    cache.save_snapshot(Snapshot(
        setup=setup,
        stamps=stamps,
        contents=contents,
        digests={path: facts_digest(f) for path, f in project.files.items()},
        scans={path: scan_digest(scan) for path, scan in scans.items()} if prefiltered else None,
        raw=raw,
        marks={path: m for path, f in project.files.items() if (m := _marks(f)).facts},
        catalog=ctx.catalog,
        result=result,
        linked=linked.id,
    ))


def _content_of(cache: Cache, path: str, project: Project, prefiltered: bool) -> str | None:
    """The digest of the content this run read: the facts table's entry of an analysed file (it may
    hold an older one of a file the prefilter skipped this time), else the scan's."""
    if path in project.files:
        return cache.facts.known_digest(path)
    return cache.scans.known_digest(path) if prefiltered else None


def rerun_changed(
    config: Config, rules: dict[str, Rule], options: Options, discovery: Discovery, cache: Cache, stamps: Stamps
) -> RunResult | None:
    """The full run's result, from the snapshot and the changed files; None when that is not safe."""
    from molecule_lint.engine import active_rules, check_findings, mirror_params, settle, setup_key

    snapshot = cache.load_snapshot(Snapshot)
    if snapshot is None or snapshot.setup != setup_key(config, rules, options):
        return None
    if stamps.keys() != snapshot.stamps.keys():
        return None  # files came or went: the prefilter and the module index may change
    touched = (path for path, stamp in stamps.items() if stamp != snapshot.stamps[path])
    contents = {path: _content_digest(config, path) for path in touched}
    changed = sorted(path for path, content in contents.items() if content is None or content != snapshot.contents.get(path))
    if len(changed) >= PARALLEL_FROM:
        return None  # a branch switch: the full analysis parses them in parallel
    if not changed:
        return replace(snapshot.result, files_parsed=0)  # only touched: the snapshot's answer, as it was
    outcome = _edits(config, discovery, snapshot, changed, cache)
    if outcome is None:
        return None
    edits, linked = outcome
    moved = [facts for _, facts in edits.values() if facts is not None]
    moved_paths = {f.path for f in moved}
    raw = [f for f in snapshot.raw if f.path not in moved_paths]
    if any(hop.path in moved_paths for f in raw for hop in f.trace):
        return None  # another file's finding runs through a changed one: its evidence moved
    active = active_rules(rules, config, options)
    if moved:
        assert linked is not None  # _edits loads it for the first edit that moves findings
        known = [f for path, f in linked.known.items() if path not in moved_paths]
        project = Project(config, moved, snapshot.catalog, known, discovered=list(stamps))
        sql.remember(cache.sql)
        ctx = CheckContext(config, project, mirror_params(rules))
        graph = ctx.graph
        units = {n for n, attrs in graph.g.nodes(data=True) if attrs.get("kind") == "unit" and attrs.get("path") in moved_paths}
        # The stored hops of everything else (the changed units' own are stale), then theirs anew.
        reach, through = (_without(hops, units) for hops in (linked.reach, linked.through))
        _add_chains(graph, (*reach, *through), linked.chains)
        shared = {unit for unit in units if graph.plane(unit) != "platform"}
        new_reach = _hops_kept(graph, shared, reach, linked.reach, shared)  # reachability walks shared code
        new_through = _hops_kept(graph, units, through, linked.through, units & linked.loop_reached)
        if new_reach is None or new_through is None:
            return None
        ctx.tenant_next_hops, ctx.tenant_next_hops_through_platform = new_reach, new_through
        if _lineage_moves(ctx, linked, moved_paths):
            return None
        ctx.fills = linked.fills  # none is in, or runs through, a changed file
        _add_chains(graph, (*new_reach, *new_through), linked.chains)
        raw += [f for f in check_findings(ctx, active) if f.path in moved_paths]
        cache.save_sql({**cache.sql, **sql.analyses_used()})
        if not _linked_holds(project, graph, units, moved, new_through, linked):
            snapshot.linked = ""  # stale from here: the next edit that needs it runs in full
    for f in moved:
        snapshot.digests[f.path] = facts_digest(f)
        snapshot.marks.pop(f.path, None)
        if (marks := _marks(f)).facts:
            snapshot.marks[f.path] = marks
    findings, suppressed = settle(raw, snapshot.marks.values(), config, active, options)
    result = replace(snapshot.result, findings=findings, suppressed=suppressed, files_parsed=len(edits))
    snapshot.stamps, snapshot.raw, snapshot.result = stamps, raw, result
    snapshot.contents.update((path, content) for path, content in contents.items() if content is not None)
    if snapshot.scans is not None:
        snapshot.scans.update((path, scan_digest(scan)) for path, (scan, _) in edits.items() if scan is not None)
    cache.save_snapshot(snapshot)
    return result


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


Edits = dict[str, tuple[Scan | None, FileFacts | None]]


def _edits(
    config: Config, discovery: Discovery, snapshot: Snapshot, changed: list[str], cache: Cache
) -> tuple[Edits, Linked | None] | None:
    """Each changed file's new scan, with its facts when they changed, and the Linked part if that
    was needed; None when a change may move findings outside the changed files (or files not
    analysed before come into play)."""
    by_path = {f.path: f for f in discovery.files}
    planes = ServiceMap(config.services)
    needles = tenant_needles(config, snapshot.catalog) if snapshot.scans is not None else None
    edits: Edits = {}
    linked: Linked | None = None
    for path in changed:
        file = by_path.get(path)
        if file is None or not has_frontend(file) or path in snapshot.catalog.sources:
            return None  # a go.mod, a migration: the module names or the catalog may change
        scan = _scan(config, path, needles) if file.language == "python" else None  # only Python is scanned
        same_scan = file.language != "python" or snapshot.scans is None or (
            scan is not None and scan_digest(scan) == snapshot.scans.get(path)
        )
        if path not in snapshot.digests:  # not parsed: only its byte scan decided anything
            if not same_scan or snapshot.scans is None:
                return None
            edits[path] = (scan, None)
            continue
        facts, _ = analyze_file(Job(config.root, file))
        if facts is None:
            return None
        if same_scan and facts_digest(facts) == snapshot.digests[path]:
            edits[path] = (scan, None)  # a comment, a blank line, a log text: nothing any rule reads
            continue
        if linked is None:
            linked = cache.load_linked(Linked)
            if linked is None or linked.id != snapshot.linked:
                return None
        if not _moves_only_itself(planes.plane_of(path), snapshot, linked, facts, scan):
            return None
        edits[path] = (scan, facts)
    return edits, linked


def _moves_only_itself(plane: str | None, snapshot: Snapshot, linked: Linked, facts: FileFacts, scan: Scan | None) -> bool:
    """Can this edit change findings of its own file only (see the module docstring)?"""
    path = facts.path
    old = linked.known[path]
    if facts.language != "python" or plane == "tenant":  # tenant checks follow org ids across files
        return False
    if facts.error is not None or not _extends(old, facts, linked):
        return False
    if facts.module in linked.importers and _summaries(old) != _summaries(facts):
        return False  # the value-flow core may resolve another file's values (and MOL302 org ids) through this one's
    if snapshot.scans is None:
        return True  # every file was analysed: nothing new can come into play
    # The prefilter's choice must stay: the same imports, and when code of another plane reaches
    # the file (shared code always may), the same flags: a tenant word in it makes the files on the
    # way there needed.
    if scan is None or (plane == "platform" and linked.platform_imports.get(path) != imports_digest(scan)):
        return False
    same = scan_digest(scan) == snapshot.scans.get(path)
    return same if plane != "platform" or path in linked.platform_reached else True


def _content_digest(config: Config, path: str) -> str | None:
    try:
        return digest((config.root / path).read_bytes())
    except OSError:
        return None  # the analysis reports why


def _scan(config: Config, path: str, needles: Needles | None) -> Scan | None:
    if needles is None:
        return None
    try:
        source = (config.root / path).read_bytes()
    except OSError:
        return None
    return scan_source(source, python_module_name(path), path.endswith("__init__.py"), needles)


def imports_digest(scan: Scan) -> str:
    return digest("\n".join(sorted(scan.imports)).encode())


def scan_digest(scan: Scan) -> str:
    return digest(repr([*sorted(scan.imports), *(getattr(scan, name) for name in scan.__slots__ if name != "imports")]).encode())


_LINKED = frozenset({Definition, Constant, OrmModel, Route, Summary})


def _links(fact: Fact) -> bool:
    """Does another file link against this fact (linker.Project's tables)?"""
    if isinstance(fact, Import):
        return fact.scope == MODULE_SCOPE and not fact.typing_only
    return type(fact) in _LINKED


_NOWHERE = Location(0, 0, 0, 0)


def _known(f: FileFacts) -> FileFacts:
    """What others link against; without positions (no other file reads them), which halves what
    the snapshot must unpickle."""
    return replace(f, facts=tuple(replace(fact, loc=_NOWHERE) for fact in f.facts if _links(fact)))


def _marks(f: FileFacts) -> FileFacts:
    return replace(f, facts=tuple(fact for fact in f.facts if type(fact) is Suppression))


def _extends(old: FileFacts, new: FileFacts, linked: Linked) -> bool:
    """Does ``new`` link like ``old``, give or take functions and classes under fresh names: ones
    no other module uses in it (that use would now resolve to the new unit instead of the module
    body) and that shadow no import (a re-export)? A star import would hand new names on; a new
    constant or model could be read elsewhere."""
    before, after = _interface(old), _interface(new)
    if before == after:
        return True
    if new.module in linked.star_imported or any(entry[0] == "Import" and entry[3] == "*" for entry in before):
        return False
    taken = {entry[1] for entry in before if entry[0] == "Definition"} | linked.dangling.get(new.module, frozenset())
    taken |= {entry[4] for entry in before if entry[0] == "Import"}
    added = {entry for entry in after if entry[0] == "Definition" and entry[1] not in taken}
    return tuple(entry for entry in after if entry not in added) == before


def _interface(f: FileFacts) -> tuple[tuple[Any, ...], ...]:
    """What others link against, without positions: moving code around a file keeps it."""
    return tuple(
        (type(fact).__name__, *(getattr(fact, field.name) for field in fields(fact) if field.name != "loc"))
        for fact in f.facts
        if _links(fact) and not isinstance(fact, Summary)  # summaries: see _moves_only_itself
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
    project: Project, graph: RepoGraph, units: set[str], moved: list[FileFacts], through: NextHops, linked: Linked
) -> bool:
    """Does the linked part still describe the project after these edits? Not when a changed file
    gained a name others could resolve, a changed unit's hop through platform code moved (a later
    edit upstream would read the old one), or what org loops reach grew: a unit they reach calls
    something new, or a changed file's loop reaches a node no loop reached (a later edit there must
    keep its hops, which only the full run's loop_reached says)."""
    if any(_interface(f) != _interface(linked.known[f.path]) for f in moved):
        return False
    if any(new.get(unit) != old.get(unit) for new, old in zip(through, linked.through) for unit in units):
        return False
    if not all(_flow_successors(graph, unit) <= linked.loop_edges[unit] for unit in units & linked.loop_reached):
        return False
    return _loops_reach(project, graph, moved, units) <= linked.loop_reached


def _loops_reach(project: Project, graph: RepoGraph, moved: list[FileFacts], units: set[str]) -> set[str]:
    """What the org loops of the changed files reach: their calls, and the flow successors of those
    in the changed files (the graph holds the others' edges only along stored hops; loop_reached is
    closed under them, so stopping there loses nothing of the comparison)."""
    queue = deque(
        unit_node(*unit)
        for f in moved if project.plane_of(f.path) == "platform"
        for loop in gathering_loops(project, f)
        for unit in (project.resolve_symbol(called, f.path) for called in loop.body) if unit is not None
    )
    seen: set[str] = set()
    while queue:
        node = queue.popleft()
        if node in seen or node not in graph.g:
            continue
        seen.add(node)
        if node in units:
            queue.extend(_flow_successors(graph, node))
    return seen


def _flow_successors(graph: RepoGraph, node: str) -> frozenset[str]:
    return frozenset(t for t in graph.g.successors(node) if graph.g.edges[node, t].get("kind") in FLOW_EDGES)


def _without(hops: NextHops, units: set[str]) -> NextHops:
    data, code = ({node: hop for node, hop in side.items() if node not in units} for side in hops)
    return data, code


def _hops_kept(
    graph: RepoGraph, units: set[str], others: NextHops, stored: NextHops, must_keep: set[str]
) -> NextHops | None:
    """``others`` (the stored hops of every node but the changed ``units``) with the units' hops
    recomputed; None when one of ``must_keep`` would now take another hop (then nodes upstream of
    it may too, and the findings built on them).

    RepoGraph.next_hops is a BFS from the sinks: a node's next hop is its successor nearest a sink,
    ties going to the one the BFS reached first — which is the one whose path to the sink, read
    from the sink, sorts first. So each unit's hop follows from its successors' stored paths.
    """
    out = []
    for hops, before, sinks in zip(others, stored, graph.tenant_sinks()):
        new = _local_hops(graph, units, hops, sinks)
        if any(new.get(unit) != before.get(unit) for unit in must_keep):
            return None
        out.append({**hops, **new})
    return out[0], out[1]


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
    queue: deque[str] = deque()
    for path, loop in loops:
        units = (project.resolve_symbol(called, path) for called in loop.body)
        queue.extend(unit_node(*unit) for unit in units if unit is not None)
    seen: set[str] = set()
    while queue:
        node = queue.popleft()
        if node in seen or node not in graph.g:
            continue
        seen.add(node)
        queue.extend(_flow_successors(graph, node))
    return frozenset(seen)


def _imported(graph: RepoGraph) -> frozenset[str]:
    """Modules whose units another module's code imports or uses (at any scope)."""
    out: set[str] = set()
    for source, target, data in graph.g.edges(data=True):
        if data.get("kind") in ("import", "use"):
            module = graph.g.nodes[target].get("module")
            if module and module != graph.g.nodes[source].get("module"):
                out.add(module)
    return frozenset(out)


def _summaries(f: FileFacts) -> tuple[Summary, ...]:
    """Its value-flow summaries without positions (a finding whose evidence moved is caught elsewhere)."""
    return tuple(
        replace(
            fact,
            loc=_NOWHERE,
            bindings=tuple(replace(b, line=0) for b in fact.bindings),
            returns=tuple(replace(b, line=0) for b in fact.returns),
            calls=tuple(replace(c, loc=_NOWHERE) for c in fact.calls),
            guards=tuple(replace(g, line=0) for g in fact.guards),
        )
        for fact in f.facts
        if isinstance(fact, Summary)
    )


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
