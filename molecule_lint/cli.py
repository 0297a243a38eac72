"""The `molecule-lint` command line (SPEC §2). Thin: parse, call the engine, print."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from molecule_lint import __version__
from molecule_lint.config import Config, ConfigError, find_config, load_config
from molecule_lint.console import Progress, color_enabled
from molecule_lint.discover import NothingToCheck
from molecule_lint.engine import RunResult
from molecule_lint.findings import SEVERITY_RANK
from molecule_lint.project import ProjectError, governing_config, project_scope
from molecule_lint.render import FORMATS as GRAPH_FORMATS
from molecule_lint.reporters import FORMATS, STATISTICS_FORMATS
from molecule_lint.rules import Rule, load_rules, rule_ids
from molecule_lint.textsafe import human

if TYPE_CHECKING:
    from molecule_lint.checks import CheckContext

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _echo(line: str, err: bool = False) -> None:
    """One line that may quote the repository (names, paths, reasons, config keys), escaped for the terminal."""
    click.echo(human(line), err=err)


def _fail(message: str) -> None:
    _echo(f"molecule-lint: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _write_output(output: Path, text: str) -> None:
    """-o: a missing or unwritable folder is a usage error, not a traceback."""
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"-o {output}: cannot write: {exc.strerror or exc}")


def config_errors_exit(func: F) -> F:
    """Bad config or rule packs: one line per problem, exit 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            for problem in exc.problems:
                _echo(f"molecule-lint: config error: {problem}", err=True)
            sys.exit(EXIT_USAGE)

    return wrapper  # type: ignore[return-value]


def _load_rules(config: Config | None) -> dict[str, Rule]:
    """The built-in rules and the config's own packs; its select/ignore must name known rules."""
    if config is None:
        return load_rules()
    packs = tuple((config.root / p).resolve() for p in config.packs)
    rules = load_rules(packs)
    unknown = sorted({*config.select, *config.ignore} - set(rules))
    if unknown:
        raise ConfigError([f"rules: unknown rule id(s) {', '.join(unknown)}; `molecule-lint rules` lists them"])
    return rules


def _config_and_rules(path: Path) -> tuple[Config, dict[str, Rule]]:
    config = load_config(path)
    return config, _load_rules(config)


def _catalog_rules(config_path: Path | None) -> dict[str, Rule]:
    """For `rules` and `explain`, which need no project: the built-in rules, and the packs of
    --config or of the nearest config when there is one."""
    path = config_path or find_config(Path.cwd())
    return _load_rules(load_config(path) if path else None)


def _check_ids(value: str | None, rules: dict[str, Rule], flag: str) -> tuple[str, ...]:
    ids = rule_ids(value or "")
    unknown = [i for i in ids if i not in rules]
    if unknown:
        _fail(f"{flag}: unknown rule id(s) {', '.join(unknown)}; `molecule-lint rules` lists them")
    return ids


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="molecule-lint")
def main() -> None:
    """Keep platform code away from tenant data (the workspace-placement RFC)."""


def run_options(func: F) -> F:
    """The options of every command that runs the analysis (check, baseline, graph, why)."""
    options = [
        click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Config file (default: nearest molecule-lint.yaml or pyproject.toml)."),
        click.option("--select", help="Only these rules (comma-separated ids)."),
        click.option("--ignore", help="Skip these rules (comma-separated ids)."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per CPU)."),
        click.option("--no-cache", is_flag=True, help="Analyse every file afresh; do not read or write the cache."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Cache folder (default: .molecule-lint-cache/ in the project root)."),
        click.option("--no-prefilter", is_flag=True, help="Parse every file, not only those the rules may need (slower; for audits)."),
        click.option("--debug", is_flag=True, help="Print tracebacks of internal errors."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def execute(paths: tuple[Path, ...], reuse_results: bool = False, **run: Any) -> tuple[Config, dict[str, Rule], RunResult]:
    """Load config and rules, run the engine.

    ``reuse_results``: the caller needs only findings, so an unchanged project may answer from the
    cache; commands that inspect the project (graph, why, suppressions) get it built.
    """
    from molecule_lint.engine import Options
    from molecule_lint.engine import run as run_engine

    from molecule_lint.settings import load_settings

    def cache_dir(root: Path) -> Path | None:
        return None if run["no_cache"] else (run["cache_dir"] or root / ".molecule-lint-cache")

    try:
        path = governing_config(run["config_path"], paths)
        config, rules = load_settings(path, cache_dir(path.absolute().parent.resolve()), _config_and_rules)
        only_paths = project_scope(config, paths)
    except ProjectError as exc:
        _fail(str(exc))
        raise  # unreachable: _fail exits
    options = Options(
        select=_check_ids(run["select"], rules, "--select"),
        ignore=_check_ids(run["ignore"], rules, "--ignore"),
        only_paths=only_paths,
        jobs=run["jobs"] or 0,
        cache_dir=cache_dir(config.root),
        prefilter=not run["no_prefilter"],
        reuse_results=reuse_results,
        debug=run["debug"],
        refuse_nothing_to_check=True,
    )
    try:
        with Progress(sys.stderr, "molecule-lint: analysing"):
            result = run_engine(config, rules, options)
    except NothingToCheck as exc:
        _fail(f"nothing to check: {exc}")
        raise  # unreachable: _fail exits
    if result.cache_refused:
        _echo(f"molecule-lint: cache not used: {result.cache_refused}", err=True)
    return config, rules, result


def _settings_files(config: Config) -> list[str]:
    """The config file and the rule-pack folders ("…/") inside the project, relative to its root."""
    found = [(config.source, "")] if config.source else []
    found += [((config.root / pack).resolve(), "/") for pack in config.packs]
    return [path.relative_to(config.root).as_posix() + end for path, end in found if path.is_relative_to(config.root)]


def _context(result: RunResult) -> CheckContext:
    """The linked project of a run made with reuse_results=False (which always builds it)."""
    if result.context is None:
        raise RuntimeError("run without a project: execute() was called with reuse_results=True")
    return result.context


def _internal_errors_exit(result: RunResult) -> None:
    if result.internal_errors:
        click.echo(
            f"molecule-lint: {result.internal_errors} internal error(s): a bug in molecule-lint; rerun with --debug and report it",
            err=True,
        )
        sys.exit(EXIT_USAGE)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@run_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here instead of stdout.")
@click.option("--diff", "diff_ref", metavar="REF", help="Only findings on lines changed since git REF (or whose evidence chain crosses one).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), help="Only findings not recorded in this baseline fail.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--show-suppressed", is_flag=True, help="Also list findings silenced by suppressions.")
@click.option("-q", "--quiet", is_flag=True, help="Findings only: no evidence, no fix hints.")
@click.option("--statistics", is_flag=True, help="Also count the findings per rule and per service (text, json).")
@config_errors_exit
def check(
    paths: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    diff_ref: str | None,
    baseline_path: Path | None,
    fail_on: str,
    exit_zero: bool,
    show_suppressed: bool,
    quiet: bool,
    statistics: bool,
    **run: Any,
) -> None:
    """Lint the project; with PATHs (as pre-commit passes them), report only those files."""
    from molecule_lint.reporters import ReportOptions, reporter
    from molecule_lint.repository import repository_prefix

    if statistics and output_format not in STATISTICS_FORMATS:
        _fail(f"--statistics works with --format {' or '.join(STATISTICS_FORMATS)} (markdown counts anyway)")
    config, rules, result = execute(paths, reuse_results=True, **run)
    if not show_suppressed:
        result.suppressed = []
    if diff_ref is not None:
        from molecule_lint import gitdiff  # runs git: imported only for --diff

        try:
            changes = gitdiff.changed_lines(config.root, diff_ref)
        except gitdiff.DiffError as exc:
            _fail(f"--diff {diff_ref}: {exc}")
            return
        settings = gitdiff.changed_settings(changes, _settings_files(config))
        if settings:
            changed = ", ".join(settings)
            click.echo(f"molecule-lint: --diff {diff_ref}: {changed} changed: every finding counts", err=True)
        else:
            result.findings = [f for f in result.findings if gitdiff.touches_finding(changes, f)]
    notes: list[str] = []
    if baseline_path is not None:
        from molecule_lint import baseline

        try:
            entries = baseline.read(baseline_path)
        except baseline.BaselineError as exc:
            _fail(str(exc))
            return
        result.findings, known, fixed = baseline.partition(result.findings, entries)
        notes.append(f"{len(known)} finding(s) recorded in the baseline {baseline_path} were not reported")
        notes.extend(f"fixed (remove from the baseline): {e.path}:{e.line}: {e.rule} {e.message}" for e in fixed)
    color = output is None and output_format == "text" and color_enabled(sys.stdout.isatty(), os.environ)
    options = ReportOptions(
        quiet=quiet, fail_on=fail_on, repository_prefix=repository_prefix(config.root), statistics=statistics, color=color
    )
    report = reporter(output_format)(result, rules, options)
    if output is not None:
        _write_output(output, report)
    else:
        click.echo(report, nl=False, color=color)  # click strips colour codes from a pipe unless told
    # Warnings go to stderr in every format, where no machine format's reader trips on them.
    for note in [*(f"warning: {w}" for w in result.warnings), *notes]:
        _echo(f"molecule-lint: {note}", err=True)
    _internal_errors_exit(result)
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


@main.command("fix")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@run_options
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff and write nothing (the default).")
@click.option("--fix", "apply", is_flag=True, help="Write the fixes into the files.")
@config_errors_exit
def fix_command(paths: tuple[Path, ...], show_diff: bool, apply: bool, **run: Any) -> None:
    """Fix what is mechanical: unused suppressions (MOL902) and MOLECULE_PLATFORM_URL fallbacks (MOL301).

    Without --fix nothing is written: the fixes are printed as a diff (for `git apply`), and the exit
    code is 1 when there is anything to fix.
    """
    from molecule_lint import fix
    from molecule_lint.fix import diff, write

    if show_diff and apply:
        _fail("--diff and --fix exclude each other")
    config, _, result = execute(paths, reuse_results=True, **run)
    _internal_errors_exit(result)
    fixes, notes = fix.plan(config.root, result.findings)
    fixed = files = 0
    for file_fix in fixes:
        if apply:
            try:
                write.replace(config.root, file_fix.path, file_fix.before, file_fix.after)
            except write.Refused as exc:
                notes.append(str(exc))
                continue
        else:
            patch, exact = diff.shown(file_fix.path, file_fix.before, file_fix.after)
            click.echo(patch, nl=False)
            if not exact:
                notes.append(f"{file_fix.path}: control characters: the diff is shown escaped and will not apply")
        fixed, files = fixed + len(file_fix.fixed), files + 1
    for note in notes:
        _echo(f"molecule-lint: {note}", err=True)
    if apply:
        click.echo(f"Fixed {fixed} finding(s) in {files} file(s) ({len(result.findings) - fixed} remaining)")
        sys.exit(EXIT_FINDINGS if notes else EXIT_CLEAN)  # something fixable was left as it was
    click.echo(f"Would fix {fixed} finding(s) in {files} file(s)" + ("; apply with --fix" if fixed else ""), err=True)
    sys.exit(EXIT_FINDINGS if fixed else EXIT_CLEAN)


@main.command("baseline")
@run_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path(".molecule-lint-baseline.json"), show_default=True)
@click.option("--update", is_flag=True, help="Ratchet an existing baseline: drop fixed entries, never add new ones.")
@click.option("--allow-growth", is_flag=True, help="With --update: also record new findings.")
@click.option("--force", is_flag=True, help="Overwrite an existing baseline with today's findings, new ones included.")
@config_errors_exit
def baseline_command(output: Path, update: bool, allow_growth: bool, force: bool, **run: Any) -> None:
    """Record today's findings so that CI fails only on new ones."""
    from molecule_lint import baseline

    if update and force:
        _fail("--update and --force exclude each other: --update ratchets the baseline, --force replaces it")
    # A plain run over an existing baseline would take in every new violation: only --force may.
    if output.exists() and not (update or force):
        _fail(f"{output} exists; use --update to drop fixed entries (it never adds new ones) or --force to overwrite it")
    if update and not output.exists():
        _fail(f"{output} does not exist: --update ratchets an existing baseline; create one with `molecule-lint baseline`")
    _, _, result = execute((), reuse_results=True, **run)
    _internal_errors_exit(result)
    if update:
        try:
            existing = baseline.read(output)
        except baseline.BaselineError as exc:
            _fail(str(exc))
            return
        entries, left_out = baseline.updated(existing, result.findings, allow_growth)
        _write_output(output, baseline.dumps(entries))
        click.echo(f"baseline {output}: {len(existing)} -> {len(entries)} entries")
        if left_out:
            click.echo(f"molecule-lint: {left_out} new finding(s) not added (use --allow-growth to record them)", err=True)
        return
    _write_output(output, baseline.dumps([baseline.Entry.of(f) for f in result.findings]))
    click.echo(f"baseline {output}: {len(result.findings)} entries")


@main.command("suppressions")
@run_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_errors_exit
def suppressions_command(output_format: str, **run: Any) -> None:
    """Every inline suppression and `allow` entry: rule, place, reason, expiry."""
    import json
    from dataclasses import asdict

    from molecule_lint.suppressions import inventory

    config, _, result = execute((), **run)
    items = inventory(_context(result).project.files.values(), config)
    if output_format == "json":
        click.echo(json.dumps({"suppressions": [asdict(i) for i in items]}, indent=2))
        return
    for item in items:
        rules = ",".join(item.rules) or "all rules"
        expiry = f" until {item.until}" if item.until else ""
        _echo(f"{item.path}:{item.line}: {item.kind} {rules} ({item.scope}){expiry} -- {item.reason or '(no reason)'}")
    click.echo(f"{len(items)} suppression(s)")


@main.command("init")
@click.argument("root", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing molecule-lint.yaml.")
@config_errors_exit
def init_command(root: Path, force: bool) -> None:
    """Write a starter molecule-lint.yaml by inspecting the repository."""
    from molecule_lint.init import starter_config

    target = root / "molecule-lint.yaml"
    if os.path.lexists(target):  # a symlink, even a dangling one: never write through it
        if not force:
            _fail(f"{target} exists; use --force to overwrite it")
        try:
            target.unlink()
        except OSError as exc:
            _fail(f"cannot replace {target}: {exc.strerror}")
    target.write_text(starter_config(root.resolve()), encoding="utf-8")
    config = load_config(target)
    click.echo(f"wrote {target}: {len(config.services)} service(s); review the lines marked `# review:`")
    click.echo("then: `molecule-lint check`; to adopt it with legacy findings, `molecule-lint baseline` and run "
               "`check --baseline .molecule-lint-baseline.json` (also as the pre-commit hook's `args`)")


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_errors_exit
def rules_command(config_path: Path | None, output_format: str) -> None:
    """The rule catalog: id, severity, title (json: also rfc, fix and check), by id."""
    import json

    rules = _catalog_rules(config_path)
    if output_format == "json":
        fields = ("id", "severity", "title", "rfc", "fix", "check")
        catalog = [{field: getattr(rule, field) for field in fields} for rule in rules.values()]
        click.echo(json.dumps({"rules": catalog}, indent=2))
        return
    width = max(len(r.severity) for r in rules.values())
    for rule in rules.values():
        _echo(f"{rule.id}  {rule.severity:<{width}}  {rule.title}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@config_errors_exit
def explain(rule_id: str, config_path: Path | None) -> None:
    """A rule's rationale, RFC clause, and its valid/invalid examples."""
    rules = _catalog_rules(config_path)
    rule = rules.get(rule_id.upper())
    if rule is None:
        _fail(f"unknown rule {rule_id!r}; `molecule-lint rules` lists them")
        return
    blocks = [f"{rule.id}: {rule.title} [{rule.severity}]\n", f"RFC: {rule.rfc}\n", rule.rationale + "\n"]
    if rule.fix:
        blocks.append(f"How to comply: {rule.fix}\n")
    for heading, examples in (("Invalid", rule.invalid), ("Valid", rule.valid)):
        for example in examples:
            blocks.append(f"{heading} — {example.name}:")
            for path, content in example.files.items():
                blocks.append(f"  # {path}")
                blocks.append("".join(f"  {line}\n" for line in content.rstrip().splitlines()))
    # A project's own rule packs are repository text too: escaped line by line.
    for block in blocks:
        for line in block.split("\n"):
            _echo(line)


@main.command("schema")
def schema_command() -> None:
    """The JSON Schema of molecule-lint.yaml, for editors (yaml-language-server) to complete and check it."""
    import json

    from molecule_lint import config_schema

    click.echo(json.dumps(config_schema.build(), indent=2))


def _whole_graph(run: dict[str, Any]) -> tuple[Config, RunResult]:
    """Run with every file parsed: the graph shows all services, not just what the rules need."""
    config, _, result = execute((), **(run | {"no_prefilter": True}))
    _internal_errors_exit(result)
    return config, result


@main.command("graph")
@run_options
@click.option("--format", "output_format", type=click.Choice(GRAPH_FORMATS), default="dot", show_default=True)
@click.option("--service", metavar="NAME", help="Only this service, its neighbours and the edges among them.")
@click.option("--all", "show_all", is_flag=True, help="Every data store; by default those no finding involves fold into one node per column.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the graph here instead of stdout.")
@config_errors_exit
def graph_command(output_format: str, service: str | None, show_all: bool, output: Path | None, **run: Any) -> None:
    """The service / data-store graph; the steps findings take out of their service are marked red."""
    from molecule_lint.focus import focused
    from molecule_lint.render import render
    from molecule_lint.views import UnknownName, service_view

    config, result = _whole_graph(run)
    view = service_view(_context(result).graph, result.findings, f"molecule-lint graph — {config.root.name}")
    if service is not None:
        try:
            view = view.around(service)
        except UnknownName as exc:
            _fail(str(exc))
    text = render(view if show_all else focused(view), output_format)
    if output is not None:
        _write_output(output, text)
    else:
        click.echo(text, nl=False)


@main.command("why")
@click.argument("source")
@click.argument("target")
@click.option("--k", "-k", "k", type=click.IntRange(min=1), default=3, show_default=True, help="How many shortest paths to show.")
@run_options
@config_errors_exit
def why_command(source: str, target: str, k: int, **run: Any) -> None:
    """Shortest dependency paths from SOURCE (service, module, file) to TARGET (table, env var, Redis key, endpoint, module, file).

    Exit 1 when a path exists, 0 when none does, 2 when SOURCE or TARGET names nothing.
    """
    from molecule_lint import why
    from molecule_lint.views import UnknownName

    _, result = _whole_graph(run)
    graph = _context(result).graph
    try:
        start, end = why.resolve_source(graph, source), why.resolve_target(graph, target)
    except UnknownName as exc:
        _fail(str(exc))
        return
    paths = why.shortest_paths(graph, start, end, k)
    if not paths:
        _echo(f"no path from {source} to {target}")
        sys.exit(EXIT_CLEAN)
    click.echo(why.format_paths(graph, paths), nl=False)
    sys.exit(EXIT_FINDINGS)


if __name__ == "__main__":
    main()
