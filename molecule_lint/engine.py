"""The pipeline: discover -> frontends -> facts -> link/graph -> checks -> findings."""

from __future__ import annotations

import hashlib
import os
import posixpath
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from itertools import groupby
from operator import attrgetter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from molecule_lint import __version__
from molecule_lint.cache import FACTS_VERSION, Cache, StatKey, Unavailable, open_cache, stat_key
from molecule_lint.config import Config
from molecule_lint.discover import Discovery, NothingToCheck, ServiceMap, Walked, discover, nothing_to_check, rediscover
from molecule_lint.findings import Finding, Hop, fingerprint, shared
from molecule_lint.location import Location
from molecule_lint.rules import ENGINE_CHECK, Rule

if TYPE_CHECKING:  # the analysis pipeline is imported by _analyse: a run answered from the cache never needs it
    from molecule_lint.checks import CheckContext, Violation
    from molecule_lint.facts import FileFacts
    from molecule_lint.linker import Project
    from molecule_lint.sql import SqlAnalysis

T = TypeVar("T")
WithSql = tuple[T, "dict[str, SqlAnalysis]"]  # a forked task's result, the SQL it analysed anew
# One file in this many is linked before the fork (_link_halves): on saleor every 5th or 10th saves about
# as much CPU, and every 10th keeps the linking's wall time.
LINKED_BEFORE_FORK = 10


@dataclass(frozen=True, slots=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    only_paths: tuple[str, ...] = ()  # report for these files ("dir/" for folders) only; the project is still read whole
    jobs: int = 1  # 0: one per CPU
    cache_dir: Path | None = None  # None: no cache
    prefilter: bool = True  # parse only the files the rules may need (see prefilter.py)
    reuse_results: bool = False  # with a cache: nothing changed since the last run, so reuse its result
    debug: bool = False
    refuse_nothing_to_check: bool = False  # no file, or none of a platform service: raise NothingToCheck (the CLI)
    today: date = field(default_factory=date.today)


@dataclass(slots=True)
class RunResult:
    findings: list[Finding]
    suppressed: list[Finding]
    files_checked: int
    files_parsed: int
    seconds: float
    skipped: Counter[str]
    internal_errors: int
    warnings: list[str]
    context: CheckContext | None  # None when the result came from the cache (no project was built)
    cache_refused: str | None = None  # why the cache asked for was not used (the run went on without it)


def active_rules(rules: dict[str, Rule], config: Config, options: Options) -> dict[str, Rule]:
    select = set(options.select or config.select)
    ignore = set(options.ignore) | set(config.ignore)
    return {rid: r for rid, r in rules.items() if (not select or rid in select) and rid not in ignore}


def mirror_params(rules: dict[str, Rule]) -> dict[str, Any] | None:
    """The params of the rule that judges schema mirrors: other rules (MOL201) read its mirrors too, selected
    or not."""
    return next((rule.params for rule in rules.values() if rule.check == "schema-mirror"), None)


def run(config: Config, rules: dict[str, Rule], options: Options) -> RunResult:
    started = time.perf_counter()
    cache, refused = None, None
    if options.cache_dir:
        try:
            cache = open_cache(options.cache_dir, config.root, _named_files(options.only_paths))
        except Unavailable as exc:
            refused = str(exc)
    if cache is None:
        discovery = discover(config)
    else:
        discovery, walked = rediscover(config, cache.load_walked(Walked))
        if walked is not None:
            cache.save_walked(walked)
    if options.refuse_nothing_to_check and (problem := nothing_to_check(config, discovery)):
        raise NothingToCheck(problem)
    stamps = file_stamps(config, discovery, cache.hashed) if cache is not None and options.reuse_results else None
    setup = setup_key(config, rules, options)
    key = run_key(setup, stamps) if stamps is not None else None
    result = cache.load_result(key, RunResult) if cache is not None and key is not None else None
    if result is None:
        if cache is not None and stamps is not None and key is not None:
            from molecule_lint.incremental import rerun_changed

            result = rerun_changed(config, rules, options, discovery, cache, stamps, (setup, key))
        if result is None:
            result = _analyse(config, rules, options, discovery, cache, stamps)
        if cache is not None and key is not None and not result.internal_errors:
            cache.save_result(key, replace(result, context=None))
    return replace(
        result,
        findings=_only(result.findings, options.only_paths),
        suppressed=_only(result.suppressed, options.only_paths),
        seconds=time.perf_counter() - started,
        cache_refused=refused,
    )


def _named_files(only_paths: tuple[str, ...]) -> list[str]:
    """The files named on the command line (pre-commit names the staged ones): their content is
    hashed, whatever their stat says. Folders are trusted by stat like the rest."""
    return [path for path in only_paths if not path.endswith("/")]


def setup_key(config: Config, rules: dict[str, Rule], options: Options) -> str:
    """What a run's result depends on besides the files: the config, the rules, the options, today's
    date (suppressions expire)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (__version__, FACTS_VERSION, repr(config), repr(sorted(rules.items())), repr(options.select),
                 repr(options.ignore), repr(options.prefilter), options.today.isoformat()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


Stamps = dict[str, tuple[StatKey, str]]  # path -> (stat, content digest if hashed else ""): what the cache trusts


def file_stamps(config: Config, discovery: Discovery, hashed: dict[str, str]) -> Stamps | None:
    """Every discovered file's stamp, and every go.mod that may name a Go file's package; None when
    a discovered file cannot be stat'ed. ``hashed``: the content digests of files whose stat is not trusted."""
    stamps: Stamps = {}
    root = os.path.join(config.root, "")  # joined as strings: a Path per file costs more than its stat
    for f in discovery.files:
        try:
            stat = os.stat(root + f.path)
        except OSError:
            return None
        stamps[f.path] = (stat_key(stat), hashed.get(f.path, ""))
    for folder in sorted(_with_parents(posixpath.dirname(f.path) for f in discovery.files if f.language == "go")):
        go_mod = posixpath.join(folder, "go.mod")
        try:
            stat = os.stat(root + go_mod)
        except OSError:
            continue  # none here; one appearing later adds a stamp, which changes the key
        stamps[go_mod] = (stat_key(stat), hashed.get(go_mod, ""))
    return stamps


def _with_parents(folders: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for folder in folders:
        while folder not in out:
            out.add(folder)
            folder = posixpath.dirname(folder)
    return out


def run_key(setup: str, stamps: Stamps) -> str:
    """A whole run's result: nothing of it changed, nothing needs doing."""
    digest = hashlib.blake2b(setup.encode(), digest_size=16)
    lines = (
        f"{path}\0{mtime}\0{ctime}\0{size}\0{inode}\0{content}\n"
        for path, ((mtime, ctime, size, inode), content) in stamps.items()
    )
    digest.update("".join(lines).encode())  # one update: a warm run or an edit hashes thousands of stamps
    return digest.hexdigest()


def _analyse(
    config: Config, rules: dict[str, Rule], options: Options, discovery: Discovery, cache: Cache | None,
    stamps: Stamps | None,
) -> RunResult:
    from molecule_lint import sql
    from molecule_lint.analysis import Analysis, default_jobs, has_frontend
    from molecule_lint.catalog import DataCatalog, FileReader
    from molecule_lint.checks import CheckContext
    from molecule_lint.heap import long_lived
    from molecule_lint.linker import Project
    from molecule_lint.prefilter import files_to_analyse, tenant_needles

    catalog = DataCatalog(config, discovery.files, FileReader(config.root))
    candidates = [f for f in discovery.files if has_frontend(f)]
    with Analysis(config.root, options.jobs or default_jobs(), cache, options.debug) as analysis:
        if options.prefilter:
            services = ServiceMap(config.services)
            # Platform code is always parsed (prefilter.py): it parses in workers while the rest is scanned.
            analysis.start([f for f in candidates if f.language == "python" and services.plane_of(f.path) == "platform"])
            needles = tenant_needles(config, catalog)
            selection = files_to_analyse(config.root, candidates, services, needles, cache)
            to_parse = [f for f in candidates if f.path in selection.needed]
        else:
            selection, to_parse = None, candidates
        analysis.start(to_parse)
        files = analysis.facts(to_parse)
    if cache is not None:
        live = {f.path for f in discovery.files}
        cache.facts.prune(live)
        cache.scans.prune(live)
        cache.save()
        sql.remember(cache.sql)
    active = active_rules(rules, config, options)
    # The project, the core's memo tables and what the checks find live as long as the run (the result holds
    # them) and grow by the hundred thousand: collections rescanning them took a quarter to a third of the
    # checks' CPU on a corpus of platform code. Paused, the peak grew 3% there (cycles the checks drop, kept).
    with long_lived():
        project = Project(config, files, catalog, discovered=[f.path for f in discovery.files])
        ctx = CheckContext(config, project, mirror_params(rules))
        raw = check_findings(ctx, active, options.jobs or default_jobs())
        project.forget_values()
    if cache is not None:
        cache.save_sql(sql.analyses_used())
    skipped: Counter[str] = Counter()
    for f in files:
        if f.error is not None:
            skipped[f.error.split(":", 1)[0]] += 1
            if "MOL901" in active:
                raw.append(_unanalysable(active["MOL901"], f))
    for entry in discovery.skipped:
        skipped[entry.reason] += 1
        if "MOL901" in active:
            raw.append(_engine_finding(active["MOL901"], entry.path, Location(1, 1, 1, 1), f"not analysed: {entry.reason}"))
    raw = shared(raw)  # the result and the snapshot hold them: each hop pickled once
    findings, suppressed = settle(raw, files, config, active, options)
    result = RunResult(
        findings=findings,
        suppressed=suppressed,
        files_checked=len(candidates),
        files_parsed=len(to_parse),
        seconds=0.0,
        skipped=skipped,
        internal_errors=sum(1 for f in files if f.internal),
        warnings=[*discovery.warnings, *catalog.warnings, *ctx.deployments.warnings],
        context=ctx,
    )
    if cache is not None and stamps is not None and not result.internal_errors:
        from molecule_lint.incremental import save_snapshot

        setup = setup_key(config, rules, options)
        save_snapshot(cache, setup, stamps, ctx, raw, selection)
    return result


def check_findings(ctx: CheckContext, active: dict[str, Rule], jobs: int = 1) -> list[Finding]:
    """What the active rules' checks report (before suppressions). With ``jobs`` > 1 on a project large
    enough, the checks that may run apart run in forked processes while this one runs the others."""
    from molecule_lint import forked
    from molecule_lint.analysis import PARALLEL_FROM
    from molecule_lint.checks import APART, CHECKS, load_builtin_checks

    load_builtin_checks()
    checked = [rule for rule in active.values() if rule.check != ENGINE_CHECK]

    def found(rule: Rule) -> list[Finding]:
        return [_finding(rule, v, ctx.project) for v in CHECKS[rule.check](ctx, rule.params)]

    # Those needing fewer views first: a check that reads only the graph starts while the mirrors are built.
    apart = sorted((rule for rule in checked if rule.check in APART), key=lambda rule: len(APART[rule.check])) if (
        jobs > 1 and len(ctx.project.files) >= PARALLEL_FROM and forked.can_fork()
    ) else []
    if apart:  # their views start with the graph
        _link_halves(ctx.project)
    by_rule: dict[str, list[Finding]] = {}
    with forked.Apart[WithSql[list[Finding]]]() as children:
        for rule in apart:
            for view in APART[rule.check]:
                getattr(ctx, view)  # built here, once: the child inherits it
            children.start(partial(_with_sql, partial(found, rule)))
        for rule in checked:
            if rule not in apart:
                by_rule[rule.id] = found(rule)
        for rule, result in zip(apart, children.results()):
            by_rule[rule.id] = _adopted(result) if result is not None else found(rule)
    return [finding for rule in checked for finding in by_rule[rule.id]]


def _link_halves(project: Project) -> None:
    """The files' accesses, the graph's costliest part (value hits, SQL analysed), found half in a forked
    child while this process finds the other half: the graph is built before any check, one core idling."""
    from molecule_lint import forked

    paths = sorted(path for path, f in project.files.items() if f.error is None and f.module)
    # A sample linked first, here: the helpers most files call are resolved once and both processes inherit
    # them, where each half resolved them again (saleor: linking 4.3 -> 4.0 s CPU, no slower).
    project.linked(paths[::LINKED_BEFORE_FORK])
    rest = [path for i, path in enumerate(paths) if i % LINKED_BEFORE_FORK]
    # Alternate files: the two halves share about as much work as contiguous ones (the helpers they call)
    # and cost about the same.
    theirs, mine = rest[::2], rest[1::2]
    with forked.Apart([partial(_with_sql, partial(project.linked, theirs))]) as children:
        project.linked(mine)
        (result,) = children.results()
    if result is not None:  # else the graph links them here
        project.adopt(_adopted(result))
    # The files' hits are kept (Project.value_hits); the memo that found them is dropped before the checks
    # build their own: on a large Go project it held 120 MiB, a quarter of the run's peak.
    project.forget_values()


def _with_sql(task: Callable[[], T]) -> WithSql[T]:
    """A forked task's result, with the SQL analyses it made (the parent remembers them for the cache)."""
    from molecule_lint import sql

    before = sql.analyses_used().keys()
    return task(), {text: a for text, a in sql.analyses_used().items() if text not in before}


def _adopted(result: WithSql[T]) -> T:
    """A forked task's result; the SQL it analysed is remembered here, for the cache (engine._analyse)."""
    from molecule_lint import sql

    value, analyses = result
    sql.adopt(analyses)
    return value


def settle(
    raw: list[Finding], files: Iterable[FileFacts], config: Config, active: dict[str, Rule], options: Options,
    before: RunResult | None = None, changed: frozenset[str] = frozenset(),
) -> tuple[list[Finding], list[Finding]]:
    """(findings, suppressed): suppressions applied, their governance reported, fingerprints set.
    ``before``: an earlier result whose files, but the ``changed`` ones, hold the same bytes now."""
    from molecule_lint import suppressions

    outcome = suppressions.apply(raw, files, config, set(active), options.today)
    for item in outcome.governance:
        if item.rule in active:
            outcome.kept.append(_engine_finding(active[item.rule], item.path, item.loc, item.message, item.target))
    earlier = (before.findings, before.suppressed) if before is not None else ([], [])
    return (
        _fingerprinted(outcome.kept, config.root, _unchanged(earlier[0], changed)),
        _fingerprinted(outcome.suppressed, config.root, _unchanged(earlier[1], changed)),
    )


def _unchanged(findings: list[Finding], changed: frozenset[str]) -> dict[str, list[Finding]]:
    """Fingerprinted findings by path, of the files not changed since."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.path not in changed:
            by_path.setdefault(finding.path, []).append(finding)
    return by_path


def _finding(rule: Rule, violation: Violation, project: Project) -> Finding:
    service = violation.service or project.service_of(violation.path)
    message = rule.text(service or "?", violation.what, violation.target)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        path=violation.path,
        loc=violation.loc,
        message=message,
        service=service,
        target=violation.target,
        trace=violation.trace,
        fix=rule.fix,
    )


def _unanalysable(rule: Rule, f: FileFacts) -> Finding:
    loc = f.error_loc or Location(1, 1, 1, 1)
    return _engine_finding(rule, f.path, loc, f"could not be analysed: {f.error}")


def _engine_finding(rule: Rule, path: str, loc: Location, message: str, target: str | None = None) -> Finding:
    return Finding(
        rule.id, rule.severity, path, loc, message, target=target, fix=rule.fix, trace=(Hop(path, loc.line, message),)
    )


def _only(findings: Iterable[Finding], paths: tuple[str, ...]) -> list[Finding]:
    if not paths:
        return list(findings)
    def wanted(path: str) -> bool:
        return any(path == p or (p.endswith("/") and path.startswith(p)) for p in paths)

    # A trace hop in a wanted file counts: editing a shared helper reports the platform callers it breaks.
    return [f for f in findings if wanted(f.path) or any(wanted(h.path) for h in f.trace)]


def _fingerprinted(findings: list[Finding], root: Path, known: dict[str, list[Finding]] | None = None) -> list[Finding]:
    """Sorted findings with stable fingerprints (SPEC §5: byte-identical output for the same input).
    ``known``: fingerprinted findings of unchanged files: a file's findings that are those, but for the
    lines of their hops (a changed file's lines moved), keep their fingerprints (which read no hop's line),
    and the file is not read."""
    out: list[Finding] = []
    for path, group in groupby(sorted(set(findings), key=Finding.sort_key), key=attrgetter("path")):
        in_file = list(group)
        earlier = known.get(path) if known is not None else None
        if earlier == in_file:
            out += earlier
        elif earlier is not None and len(earlier) == len(in_file) and all(map(_hops_moved, in_file, earlier)):
            out += (
                old if new == old else replace(new, fingerprint=old.fingerprint) for new, old in zip(in_file, earlier)
            )
        else:
            out += _fingerprinted_in(in_file, _read_lines(root / path))
    return out


def _hops_moved(new: Finding, old: Finding) -> bool:
    """Is ``new`` the ``old`` finding but for the lines of its hops (what its fingerprint never reads)?"""
    return new == old or (
        len(new.trace) == len(old.trace)
        and all(a.path == b.path and a.note == b.note for a, b in zip(new.trace, old.trace))
        and replace(old, trace=new.trace) == new
    )


def _fingerprinted_in(findings: list[Finding], lines: list[str]) -> list[Finding]:
    """One file's findings, sorted, fingerprinted with its ``lines``."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for finding in findings:
        text = lines[finding.loc.line - 1] if 0 < finding.loc.line <= len(lines) else ""
        key = (finding.rule, finding.target or "", " ".join(text.split()))
        out.append(replace(finding, fingerprint=fingerprint(finding, text, seen[key])))
        seen[key] += 1
    return out


def _read_lines(path: Path) -> list[str]:
    """The lines of a finding's file, for its fingerprint; none for a file MOL901 reports unread (a FIFO
    would block the read, a device never end it, a file past the analysis's size bound is not read whole)."""
    from molecule_lint.analysis import MAX_FILE_BYTES
    from molecule_lint.steering import UnsafeFile, read_regular

    try:
        data = read_regular(path, MAX_FILE_BYTES + 1)
    except (OSError, UnsafeFile):
        return []
    return [] if len(data) > MAX_FILE_BYTES else data.decode("utf-8", errors="replace").splitlines()
