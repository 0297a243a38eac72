"""Answer a run from the last full analysis when the changes cannot move other files' findings.

Even with every file's facts cached, a full run relinks the project, rebuilds
the graph and reruns every check: seconds on a large repository, for a commit
that touched one file. So every full run leaves a snapshot: each analysed
file reduced to what others link against (definitions, module-level imports,
constants, ORM models, routes), a digest of each file's facts and byte scan,
the raw findings, the suppressions, and the next hops toward tenant data and
code (of non-platform code; toward tenant data through platform code for
MOL202) with the edges they take (relink.py), and the content digest of each
file read. A later run
looks at the changed files only — those whose content differs from the
snapshot's, not just their stat (a checkout touches files it does not change);
more than a pool's worth of them (a branch switch) run the full analysis,
which parses in parallel:

- facts and scan unchanged (a comment, a docstring, a log text), any plane:
  nothing any rule reads changed;
- facts that only moved lines, in order (a line added above code), any plane:
  the findings move with them (lineshift.py), nothing is relinked;
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
  there (the next edit that needs it runs in full). No other file's finding
  may run through a changed file (its evidence moved).

Anything else — a new or deleted file, tenant code, a changed import, a
migration, a go.mod, a config or rule change — runs the full analysis, which
writes a new snapshot. Both give the same result (tests/test_incremental.py
compares them edit by edit).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from molecule_lint.cache import digest
from molecule_lint.discover import Discovery
from molecule_lint.facts import (
    MODULE_SCOPE,
    Attr,
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
    Value,
    Var,
    facts_digest,
    stamped,
)
from molecule_lint.lineshift import LineMap, composed, line_map, moved_findings, ranked

if TYPE_CHECKING:
    from molecule_lint.cache import Cache
    from molecule_lint.catalog import DataCatalog
    from molecule_lint.checks import CheckContext
    from molecule_lint.config import Config
    from molecule_lint.engine import Options, RunResult, Stamps
    from molecule_lint.findings import Finding
    from molecule_lint.linker import Project
    from molecule_lint.prefilter import Selection
    from molecule_lint.scan import Needles, Scan
    from molecule_lint.relink import Linked
    from molecule_lint.rules import Rule


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
    result_key: str  # the run key its result is stored under (Cache.save_result), not here: a run writes it once
    linked: str  # the id of the Linked part written with it
    shifted: dict[str, LineMap]  # files whose lines moved since then (lineshift.py): each line then -> its line now
    relinked: set[str]  # files relinked since the linked part was written: their linking facts are the facts table's


def save_snapshot(
    cache: Cache, setup: str, stamps: Stamps, ctx: CheckContext, raw: list[Finding], selection: Selection | None
) -> None:
    """``selection``: what the prefilter chose (None: it was off); its scans are in the cache. The engine
    stores the run's result under its run key."""
    from molecule_lint.engine import run_key
    from molecule_lint.relink import linked_known, linked_rest

    project = ctx.project
    prefiltered = selection is not None
    scans = {path: scan for path in stamps if (scan := cache.scans.peek(path)) is not None} if prefiltered else {}
    contents = {path: known for path in stamps if (known := _content_of(cache, path, project, prefiltered))}
    linked_id = os.urandom(8).hex()
    cache.save_linked(linked_known(project), linked_rest(ctx, linked_id, scans, selection))
    cache.save_snapshot(Snapshot(
        setup=setup,
        stamps=stamps,
        contents=contents,
        digests={path: facts_digest(f) for path, f in project.files.items()},
        scans={path: scan_digest(scan) for path, scan in scans.items()} if prefiltered else None,
        raw=raw,
        marks={path: m for path, f in project.files.items() if (m := _marks(f)).facts},
        catalog=ctx.project.declared_catalog,  # an incremental run's Project adds the models' tables again
        result_key=run_key(setup, stamps),
        linked=linked_id,
        shifted={},
        relinked=set(),
    ))


def _content_of(cache: Cache, path: str, project: Project, prefiltered: bool) -> str | None:
    """The digest of the content this run read: the facts table's entry of an analysed file (it may
    hold an older one of a file the prefilter skipped this time), else the scan's."""
    if path in project.files:
        return cache.facts.known_digest(path)
    return cache.scans.known_digest(path) if prefiltered else None


def rerun_changed(
    config: Config, rules: dict[str, Rule], options: Options, discovery: Discovery, cache: Cache, stamps: Stamps,
    keys: tuple[str, str],
) -> RunResult | None:
    """The full run's result, from the snapshot and the changed files; None when that is not safe.
    ``keys``: the run's engine.setup_key and engine.run_key."""
    from molecule_lint.engine import RunResult, active_rules, settle

    setup, key = keys
    snapshot = cache.load_snapshot(Snapshot)
    if snapshot is None or snapshot.setup != setup:
        return None
    before = cache.load_result(snapshot.result_key, RunResult)
    if before is None:
        return None  # the result it goes with was not stored (internal errors) or was replaced since
    if stamps.keys() != snapshot.stamps.keys():
        return None  # files came or went: the prefilter and the module index may change
    touched = (path for path, stamp in stamps.items() if stamp != snapshot.stamps[path])
    contents = {path: _content_digest(config, path) for path in touched}
    changed = sorted(path for path, content in contents.items() if content is None or content != snapshot.contents.get(path))
    if not changed:  # only touched: the snapshot's answer, as it was, stored under this run's key
        snapshot.stamps, snapshot.result_key = stamps, key
        cache.save_snapshot(snapshot)
        return replace(before, files_parsed=0)
    from molecule_lint.analysis import PARALLEL_FROM  # with the frontends: a touched run imports none

    if len(changed) >= PARALLEL_FROM:
        return None  # a branch switch: the full analysis parses them in parallel
    outcome = _edits(config, discovery, snapshot, changed, cache, contents)
    if outcome is None:
        return None
    edits, linked, shifts, observers, shifted = outcome
    moved = [facts for _, facts in edits.values() if facts is not None]
    observed = [  # an observer whose lines moved in this commit is re-checked as it is now
        shifts[path][0] if path in shifts else snapshot_facts(cache, snapshot, path)
        for path in sorted(observers - {f.path for f in moved})
    ]
    if None in observed:
        return None  # the facts table no longer holds what the snapshot saw of one
    rechecked = [*moved, *(f for f in observed if f is not None)]
    moved_paths = {f.path for f in rechecked}
    raw = [f for f in shifted if f.path not in moved_paths]
    if any(hop.path in moved_paths for f in raw for hop in f.trace):
        return None  # another file's finding runs through a changed one: its evidence moved
    for path, (_, lines) in shifts.items():
        snapshot.shifted[path] = composed(snapshot.shifted[path], lines) if path in snapshot.shifted else lines
    active = active_rules(rules, config, options)
    if moved:
        from molecule_lint.relink import recheck

        assert linked is not None  # _edits loads it for the first edit that moves findings
        found = recheck(config, rules, active, snapshot, linked, rechecked, list(stamps), cache)
        if found is None:
            return None
        raw += found
    for f in moved:
        snapshot.shifted.pop(f.path, None)  # relinked: the linked part's lines of it are the relinking's business
        snapshot.relinked.add(f.path)
    for f in [*moved, *(facts for facts, _ in shifts.values())]:
        snapshot.digests[f.path] = facts_digest(f)
        snapshot.marks.pop(f.path, None)
        if (marks := _marks(f)).facts:
            snapshot.marks[f.path] = marks
    findings, suppressed = settle(raw, snapshot.marks.values(), config, active, options, before, frozenset(changed))
    result = replace(before, findings=findings, suppressed=suppressed, files_parsed=len(edits))
    snapshot.stamps, snapshot.raw, snapshot.result_key = stamps, raw, key
    cache.save()  # the new facts of changed files: the next edit of one compares with them
    snapshot.contents.update((path, content) for path, content in contents.items() if content is not None)
    if snapshot.scans is not None:
        snapshot.scans.update((path, scan_digest(scan)) for path, (scan, _) in edits.items() if scan is not None)
    cache.save_snapshot(snapshot)
    return result


if TYPE_CHECKING:
    Edits = dict[str, tuple[Scan | None, FileFacts | None]]
Shifts = dict[str, tuple[FileFacts, LineMap]]  # files whose facts only moved lines: the new facts, the map
# The most files an edit's value-flow change may be re-checked in; past it, the full run (parallel,
# and writing a fresh linked part) is the cheaper answer.
MAX_OBSERVERS = 64


def _edits(
    config: Config, discovery: Discovery, snapshot: Snapshot, changed: list[str], cache: Cache,
    contents: dict[str, str | None],
) -> tuple[Edits, Linked | None, Shifts, set[str], list[Finding]] | None:
    """Each changed file's new scan, with its facts when they changed and must be relinked, the
    Linked part if that was needed, the files whose facts only moved lines, the unchanged files
    whose findings may move with a changed file's value flow (its observers), and the snapshot's
    findings with those lines moved; None when a change may move findings elsewhere (or files not
    analysed before come into play)."""
    from molecule_lint.analysis import Job, analyze_file, has_frontend
    from molecule_lint.prefilter import tenant_needles

    by_path = {f.path: f for f in discovery.files}
    planes = {service.name: service.plane for service in config.services}  # discovery named each file's service
    needles = tenant_needles(config, snapshot.catalog) if snapshot.scans is not None else None
    edits: Edits = {}
    shifts: Shifts = {}
    linked: Linked | None = None
    observers: set[str] = set()
    raw = snapshot.raw
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
        parsed, _ = analyze_file(Job(config.root, file))
        if parsed is None:
            return None
        facts = stamped(parsed)
        if same_scan and facts_digest(facts) == snapshot.digests[path]:
            edits[path] = (scan, None)  # a comment, a blank line, a log text: nothing any rule reads
            continue
        before = snapshot_facts(cache, snapshot, path)  # read before the new facts replace them
        _remember(cache, config, path, contents[path], facts)
        if same_scan and (shift := _line_shift(before, facts, raw)) is not None:
            lines, raw = shift
            edits[path], shifts[path] = (scan, None), (facts, lines)  # a line added above code: findings move
            continue
        if linked is None:
            from molecule_lint.relink import Linked

            linked = cache.load_linked(Linked)
            if linked is None or linked.id != snapshot.linked:
                return None
        if not _moves_only_itself(planes.get(file.service or ""), snapshot, linked, facts, scan):
            return None
        old, new = _flows(before) if before is not None else None, _flows(facts)  # ranking walks every value
        if old != new:
            seen = _observers(linked, old, new, facts)
            if seen is None or any(planes.get(by_path[p].service or "") == "tenant" for p in seen):
                return None  # tenant checks follow org ids across files
            observers |= seen
        edits[path] = (scan, facts)
    return edits, linked, shifts, observers, raw


def snapshot_facts(cache: Cache, snapshot: Snapshot, path: str) -> FileFacts | None:
    """The file's facts as the snapshot saw them, when the facts table still holds them (the table
    keeps the last facts parsed, which a run without a snapshot may have replaced)."""
    facts = cache.facts.peek(path)
    return facts if facts is not None and facts_digest(facts) == snapshot.digests.get(path) else None


def _remember(cache: Cache, config: Config, path: str, content: str | None, facts: FileFacts) -> None:
    """New facts into the facts table (a delta write): a later edit compares with them."""
    try:
        stat = os.stat(config.root / path)
    except OSError:
        return
    if content is not None and facts.error is None:
        cache.facts.store(path, stat, content, facts)


def _line_shift(
    before: FileFacts | None, after: FileFacts, raw: list[Finding]
) -> tuple[LineMap, list[Finding]] | None:
    """How the file's lines moved, when that is all that changed in its facts and every finding of
    ``raw`` naming it names a line the map knows; and ``raw`` with them moved."""
    if before is None or before.error is not None or after.error is not None or before.module != after.module:
        return None
    lines = line_map(before.facts, after.facts)
    moved = moved_findings(raw, after.path, lines) if lines is not None else None
    return (lines, moved) if lines is not None and moved is not None else None


def _moves_only_itself(plane: str | None, snapshot: Snapshot, linked: Linked, facts: FileFacts, scan: Scan | None) -> bool:
    """Can this edit change findings of its own file only, but for what other files resolve through
    its value flow (_edits re-checks those)? See the module docstring."""
    path = facts.path
    old = linked.known[path]
    if facts.language != "python" or plane == "tenant":  # tenant checks follow org ids across files
        return False
    if facts.error is not None or not _extends(old, facts, linked):
        return False
    if snapshot.scans is None:
        return True  # every file was analysed: nothing new can come into play
    # The prefilter's choice must stay: the same imports, and when code of another plane reaches
    # the file (shared code always may), the same flags: a tenant word in it makes the files on the
    # way there needed.
    if scan is None or (plane == "platform" and linked.platform_imports.get(path) != imports_digest(scan)):
        return False
    same = scan_digest(scan) == snapshot.scans.get(path)
    return same if plane != "platform" or path in linked.platform_reached else True


def _entries_stored(changed: set[str], before: dict[str, Summary], now: dict[str, Summary]) -> set[str]:
    """The module-level names whose entries a changed unit stores (`KINDS[kind] = table`), itself or through a
    function of its module it calls (`register(kind, table)`): the core reads those entries where the name is
    looked up, so its readers observe the change."""
    stores: dict[str, set[str]] = {}
    for flows in (before, now):
        for name, unit in flows.items():
            stores.setdefault(name, set()).update(n for site in unit.calls if (n := _stored_name(site.func)))
    out: set[str] = set()
    for name in changed:
        units = [u for u in (before.get(name), now.get(name)) if u is not None]
        called = {s.func.name for u in units for s in u.calls if isinstance(s.func, Var) and s.func.kind == "local"}
        out |= {stored for callee in (name, *called) for stored in stores.get(callee, ())}
    return out


def _stored_name(func: Value) -> str | None:
    """`name` of a store into its entry, lowered as `name.__setitem__(key, value)`."""
    if isinstance(func, Attr) and func.name == "__setitem__" and isinstance(func.base, Var) and func.base.kind == "local":
        return func.base.name
    return None


def _observers(
    linked: Linked, before: dict[str, Summary] | None, now: dict[str, Summary], after: FileFacts
) -> set[str] | None:
    """The other files whose findings may change with the changed units of ``after``: those whose code
    uses one (the value-flow core resolves through it), and those using theirs, and so on; for a method
    whose returns or bindings changed, the files calling a method so named (the ORM checks read them
    all). ``before`` and ``now``: the units' flows (_flows). None when that is not known or more than
    MAX_OBSERVERS."""
    from molecule_lint.relink import family

    if before is None or "settings" in after.module.split("."):
        return None  # a Django settings module: every `settings.X` read resolves through it, no use edge says so
    changed = {name for name in before.keys() | now.keys() if before.get(name) != now.get(name)}
    if MODULE_SCOPE in changed:  # a module-level binding is a unit of its own to those reading it
        changed |= {b.name for body in (before.get(MODULE_SCOPE), now.get(MODULE_SCOPE)) if body for b in body.bindings}
    changed |= _entries_stored(changed, before, now)
    module_path = {f.module: path for path, f in linked.known.items()}
    reached = {family(after.module, name) for name in changed}
    for name in changed:
        old, new = before.get(name), now.get(name)
        if "." in name and (old is None or new is None or (old.returns, old.bindings) != (new.returns, new.bindings)):
            callers = {linked.known[path].module for path in linked.callers.get(name.rsplit(".", 1)[1], ())}
            reached |= linked.users.used_in(callers)
            reached |= {family(module, MODULE_SCOPE) for module in callers}
    found = {module_path[module] for module, _ in linked.users.closure(reached) if module in module_path} - {after.path}
    return found if len(found) <= MAX_OBSERVERS else None


def _content_digest(config: Config, path: str) -> str | None:
    try:
        return digest((config.root / path).read_bytes())
    except OSError:
        return None  # the analysis reports why


def _scan(config: Config, path: str, needles: Needles | None) -> Scan | None:
    from molecule_lint.modules import python_module_name
    from molecule_lint.scan import scan_source

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


def known_part(f: FileFacts) -> FileFacts:
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
    before, after = interface(old), interface(new)
    if before == after:
        return True
    if new.module in linked.star_imported or any(entry[0] == "Import" and entry[3] == "*" for entry in before):
        return False
    taken = {entry[1] for entry in before if entry[0] == "Definition"} | linked.dangling.get(new.module, frozenset())
    taken |= {entry[4] for entry in before if entry[0] == "Import"}
    added = {entry for entry in after if entry[0] == "Definition" and entry[1] not in taken}
    return tuple(entry for entry in after if entry not in added) == before


def interface(f: FileFacts) -> tuple[tuple[Any, ...], ...]:
    """What others link against, without positions: moving code around a file keeps it."""
    return tuple(
        (type(fact).__name__, *(getattr(fact, field.name) for field in fields(fact) if field.name != "loc"))
        for fact in f.facts
        if _links(fact) and not isinstance(fact, Summary)  # summaries: see _edits
    )


def _flows(f: FileFacts) -> dict[str, Summary]:
    """Its value-flow summaries by unit, each with its lines ranked: moving a unit keeps it (a finding whose
    evidence moved is caught elsewhere); reordering it does not (the core reads the assignment before a read)."""
    return {fact.name: ranked(fact) for fact in f.facts if isinstance(fact, Summary)}
