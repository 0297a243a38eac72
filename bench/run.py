"""Time molecule-lint against reading the files, ruff and Semgrep; check the performance goals.

    python bench/run.py --generate                     # synthetic monorepo (bench/generate.py), everything
    python bench/run.py --target ../saleor --config bench/saleor.yaml --skip-full

Every row is a whole process, run ``--repeat`` times: the median wall time and
the largest peak RSS are reported. Peak RSS is the kernel's ru_maxrss for the
command (GNU time's %M; os.wait4 where /usr/bin/time is missing): the largest
single process of its tree, so with ``--jobs N`` the workers together may use
up to N+1 times that.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import generate  # bench/generate.py: the script's folder is on sys.path

GNU_TIME = "/usr/bin/time"
CONFIG_NAME = "molecule-lint.yaml"
SKIPPED_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".molecule-lint-cache", ".tox", ".mypy_cache"}
READ_ALL = f"""
import os, sys
for top, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if d not in {sorted(SKIPPED_DIRS)!r}]
    for name in files:
        if name.endswith(".py"):
            with open(os.path.join(top, name), "rb") as handle:
                handle.read()
"""

GOAL_COLD_RATIO, GOAL_WARM_S, GOAL_INCREMENTAL_S, GOAL_PEAK_MB = 0.5, 0.3, 0.3, 500


@dataclass
class Row:
    label: str
    walls: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)
    molecule: bool = False  # a molecule-lint run (counts for the memory goal)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak_mb(self) -> float:
        return max(self.peaks_kb) / 1024


@dataclass
class Tools:
    molecule_lint: list[str]
    ruff: str | None
    semgrep: str | None


# --------------------------------------------------------------------------- measuring one process


def measure(cmd: Sequence[str], cwd: Path) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one run; raises on a non-zero exit."""
    with tempfile.TemporaryFile("w+") as err, tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        if os.access(GNU_TIME, os.X_OK):
            started = time.perf_counter()
            code = subprocess.call([GNU_TIME, "-f", "%e %M", "-o", stats.name, *cmd], cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=err)
            wall = time.perf_counter() - started
            peak = int(stats.read().split()[-1])
        else:
            started = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss
        if code != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {code} in {cwd}:\n{err.read()[-3000:]}")
    return wall, peak


@dataclass
class Job:
    row: Row
    cmd: list[str]
    before: Callable[[int], None] | None = None  # called with the repetition number before each run


def run_rounds(jobs: list[Job], cwd: Path, times: int) -> list[float]:
    """Each round runs every job once, so that load from other processes hits all rows alike.

    Returns the machine's 1-minute load average after each round.
    """
    loads = []
    for i in range(times):
        for job in jobs:
            if job.before is not None:
                job.before(i)
            wall, peak = measure(job.cmd, cwd)
            job.row.walls.append(wall)
            job.row.peaks_kb.append(peak)
        loads.append(os.getloadavg()[0])
        print(f"  round {i + 1}/{times} done (load {loads[-1]:.1f}): "
              + ", ".join(f"{j.row.label[:24]} {j.row.walls[-1]:.2f}s" for j in jobs), file=sys.stderr, flush=True)
    return loads


# --------------------------------------------------------------------------- the target


@dataclass
class Target:
    root: Path
    placed_config: bool  # we copied --config into the root for the run, and remove it after

    def cleanup(self) -> None:
        if self.placed_config:
            (self.root / CONFIG_NAME).unlink(missing_ok=True)


def prepare_target(args: argparse.Namespace) -> Target:
    if args.target is None:
        if args.generate or not (args.corpus / generate.MARKER).exists():
            started = time.perf_counter()
            stats = generate.generate(args.corpus, args.seed, args.files)
            print(f"generated {args.corpus}: {stats['py_files']} .py files, {stats['py_bytes'] / 1e6:.1f} MB "
                  f"in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return Target(args.corpus.resolve(), False)
    root = args.target.resolve()
    if args.config is None:
        return Target(root, False)
    # `check --config FILE` makes FILE's folder the project root, so the config must sit in the checkout.
    placed = root / CONFIG_NAME
    if placed.exists():
        if placed.read_bytes() != args.config.read_bytes():
            raise SystemExit(f"{placed} exists and differs from {args.config}: remove it or drop --config")
        return Target(root, False)
    shutil.copyfile(args.config, placed)
    return Target(root, True)


def python_files(root: Path) -> list[Path]:
    out = []
    for top, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        out += [Path(top, name) for name in sorted(files) if name.endswith(".py")]
    return out


def pick_platform_file(root: Path) -> Path:
    """A median-size Python file of a platform service: what a pre-commit run typically gets."""
    from molecule_lint.config import load_config
    from molecule_lint.discover import ServiceMap, discover

    config = load_config(root / CONFIG_NAME)
    planes = ServiceMap(config.services).planes
    platform = [f.path for f in discover(config).files if f.language == "python" and planes.get(f.service or "") == "platform"]
    if not platform:
        raise SystemExit("no Python file of a platform service to edit: pass --edit-file")
    platform.sort(key=lambda p: ((root / p).stat().st_size, p))
    return root / platform[len(platform) // 2]


# --------------------------------------------------------------------------- Semgrep rules from the config


def semgrep_rules(root: Path, regex_only: bool) -> str:
    """Two rules an expert would write from the config: MOL101 (tenant tables in SQL), MOL102 (tenant env reads)."""
    from molecule_lint.config import load_config

    config = load_config(root / CONFIG_NAME)
    tables = sorted(tenant_tables(root, config.tenant_data.tables, config.tenant_data.migrations)
                    - set(config.platform_data.tables))
    env = sorted(config.tenant_data.env)
    include = [f"/{p.strip('/')}/" for s in config.services if s.plane == "platform" for p in s.paths]
    table_rx = "|".join(map(re.escape, tables)) or "(?!)"
    env_rx = "|".join(map(re.escape, env)) or "(?!)"
    if regex_only:
        rules = [
            _rule("mol101-tenant-table-in-sql", include,
                  {"pattern-regex": rf"(?i)\b(select|insert|update|delete|from|join)\b[^\n]*\b({table_rx})\b"}),
            _rule("mol102-tenant-env-read", include,
                  {"pattern-regex": rf"""(os\.environ\[|os\.environ\.get\(|os\.getenv\()\s*[rbu]?["']({env_rx})["']"""}),
        ]
    else:
        rules = [
            _rule("mol101-tenant-table-in-sql", include, {"patterns": [
                {"pattern": '"$SQL"'},
                {"metavariable-regex": {"metavariable": "$SQL",
                                        "regex": rf"(?is).*\b(select|insert|update|delete|from|join)\b.*\b({table_rx})\b"}},
            ]}),
            _rule("mol102-tenant-env-read", include, {"patterns": [
                {"pattern-either": [{"pattern": "os.environ[$NAME]"}, {"pattern": "os.environ.get($NAME, ...)"},
                                    {"pattern": "os.getenv($NAME, ...)"}]},
                {"metavariable-regex": {"metavariable": "$NAME", "regex": rf"""^[rbu]?["']({env_rx})["']$"""}},
            ]}),
        ]
    return json.dumps({"rules": rules}, indent=1)  # JSON is YAML


def _rule(rule_id: str, include: list[str], body: dict[str, object]) -> dict[str, object]:
    return {"id": rule_id, "languages": ["python"], "severity": "ERROR", "message": rule_id,
            "paths": {"include": include}, **body}


def tenant_tables(root: Path, explicit: Sequence[str], migrations: Sequence[str]) -> set[str]:
    """The config's tenant tables plus every table its tenant migrations create."""
    created = re.compile(r"create\s+table\s+(?:if\s+not\s+exists\s+)?[\"`]?(?:\w+\.)?(\w+)", re.IGNORECASE)
    tables = {t.lower() for t in explicit}
    for pattern in migrations:
        for path in sorted(root.glob(pattern)):
            tables.update(m.group(1).lower() for m in created.finditer(path.read_text(encoding="utf-8", errors="replace")))
    return tables


# --------------------------------------------------------------------------- the runs


def find_tools(args: argparse.Namespace) -> Tools:
    here = Path(sys.executable).parent
    script = here / "molecule-lint"
    molecule = [str(script)] if script.exists() else ([w] if (w := shutil.which("molecule-lint")) else None)
    if molecule is None:
        molecule = [sys.executable, "-m", "molecule_lint.cli"]
    ruff = str(here / "ruff") if (here / "ruff").exists() else shutil.which("ruff")
    semgrep = args.semgrep or shutil.which("semgrep")
    return Tools(molecule, ruff, semgrep)


def check_cmd(tools: Tools, out: Path, jobs: int | None, *extra: str) -> list[str]:
    cmd = [*tools.molecule_lint, "check", "--format", "json", "-o", str(out), "--exit-zero", *extra]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


@dataclass
class Results:
    rows: list[Row]
    outputs: dict[str, Path]  # the JSON reports of the last cold, full and warm runs
    loads: list[float]


def run_all(args: argparse.Namespace, target: Target, tools: Tools, work: Path) -> Results:
    root = target.root
    outputs = {name: work / f"{name}.json" for name in ("cold", "full", "warm")}
    cache = ["--cache-dir", str(work / "cache")]
    populate = Job(Row("molecule-lint cold + cache write (1 run)", molecule=True),
                   check_cmd(tools, work / "populate.json", args.jobs, *cache))
    run_rounds([populate], root, 1)
    jobs = [
        Job(Row("read every .py file (the floor)"), [sys.executable, "-c", READ_ALL, str(root)]),
        Job(Row("molecule-lint cold", molecule=True), check_cmd(tools, outputs["cold"], args.jobs, "--no-cache")),
    ]
    if not args.skip_full:
        jobs.append(Job(Row("molecule-lint cold, --no-prefilter", molecule=True),
                        check_cmd(tools, outputs["full"], args.jobs, "--no-cache", "--no-prefilter")))
    jobs.append(Job(Row("molecule-lint warm, nothing changed", molecule=True), check_cmd(tools, outputs["warm"], args.jobs, *cache)))
    path = (args.edit_file or pick_platform_file(root)).resolve()
    edits = [Edit(path, at_top=False), Edit(path, at_top=True)]
    for edit in edits:
        where = "a line added at the top (positions move)" if edit.at_top else "a comment added at the end"
        label = f"molecule-lint incremental: {where} of {path.relative_to(root)} ({len(edit.original) // 1024} KB)"
        jobs.append(Job(Row(label, molecule=True),
                        check_cmd(tools, work / "incremental.json", args.jobs, *cache, str(path)), edit.apply))
    jobs += references(args, root, tools, work)
    try:
        loads = run_rounds(jobs, root, args.repeat)
    finally:
        edits[0].restore()
    rows = [job.row for job in jobs]
    return Results([*rows[:2], populate.row, *rows[2:]], outputs, loads)


class Edit:
    """Pre-commit style: one more comment line in one file before each run; the bytes restored after.

    At the end, the file's facts stay what the previous run saw (like editing a comment, a
    docstring or a log text); at the top, every position in the file moves, so it is re-checked
    as after a code edit. Lines accumulate, so each run sees exactly its own kind of change.
    """

    def __init__(self, path: Path, at_top: bool) -> None:
        self.path = path
        self.original = path.read_bytes()
        self.at_top = at_top

    def apply(self, i: int) -> None:
        line, current = f"# bench edit {i}\n".encode(), self.path.read_bytes()
        self.path.write_bytes(line + current if self.at_top else current + line)

    def restore(self) -> None:
        self.path.write_bytes(self.original)


def references(args: argparse.Namespace, root: Path, tools: Tools, work: Path) -> list[Job]:
    jobs = []
    if tools.ruff:
        cmd = [tools.ruff, "check", "--select", "F401", "--no-cache", "--exit-zero", "-q", "."]
        jobs.append(Job(Row("ruff check --select F401, no cache"), cmd))
    if tools.semgrep and not args.skip_semgrep:
        for regex_only, label in ((False, "Semgrep, 2 rules (MOL101/102 as patterns)"),
                                  (True, "Semgrep, 2 rules as regexes (no parse; also match comments)")):
            rules = work / f"semgrep-{'regex' if regex_only else 'patterns'}.yaml"
            rules.write_text(semgrep_rules(root, regex_only), encoding="utf-8")
            cmd = [tools.semgrep, "--config", str(rules), "--metrics=off", "--disable-version-check", "-q",
                   "--json", "-o", str(work / f"{rules.stem}.json"), "."]
            jobs.append(Job(Row(label), cmd))
    return jobs


# --------------------------------------------------------------------------- the report


def table(rows: list[Row]) -> str:
    floor = rows[0].wall
    semgrep = next((r.wall for r in rows if r.label.startswith("Semgrep, 2 rules (")), None)
    lines = ["| what | median wall (s) | peak RSS (MB) | ratio to Semgrep | ratio to reading |", "|---|---:|---:|---:|---:|"]
    for row in rows:
        ratio = f"{row.wall / semgrep:.2f}x" if semgrep else "—"
        lines.append(f"| {row.label} | {row.wall:.2f} | {row.peak_mb:.0f} | {ratio} | {row.wall / floor:.1f}x |")
    return "\n".join(lines)


def goals(rows: list[Row]) -> list[str]:
    by_label = {r.label: r for r in rows}
    cold = by_label["molecule-lint cold"]
    warm = by_label["molecule-lint warm, nothing changed"]
    incremental = max((r for r in rows if r.label.startswith("molecule-lint incremental")), key=lambda r: r.wall)
    semgrep = by_label.get("Semgrep, 2 rules (MOL101/102 as patterns)")
    regex = by_label.get("Semgrep, 2 rules as regexes (no parse; also match comments)")
    peak = max(r.peak_mb for r in rows if r.molecule)
    out = []
    if semgrep is None:
        out.append(f"- cold ≤ {GOAL_COLD_RATIO}× Semgrep: n/a (Semgrep not run)")
    else:
        ratio = cold.wall / semgrep.wall
        extra = f"; {cold.wall / regex.wall:.2f}× the regex rules" if regex else ""
        out.append(f"- cold ≤ {GOAL_COLD_RATIO}× Semgrep: {met(ratio <= GOAL_COLD_RATIO)} ({ratio:.2f}×{extra})")
    out.append(f"- warm ≤ {GOAL_WARM_S} s: {met(warm.wall <= GOAL_WARM_S)} ({warm.wall:.2f} s)")
    out.append(f"- incremental ≤ {GOAL_INCREMENTAL_S} s: {met(incremental.wall <= GOAL_INCREMENTAL_S)} "
               f"({incremental.wall:.2f} s, the slower edit)")
    out.append(f"- peak ≤ {GOAL_PEAK_MB} MB: {met(peak <= GOAL_PEAK_MB)} ({peak:.0f} MB, largest single process)")
    return out


def met(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def findings(path: Path) -> list[dict[str, object]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["findings"])


def same_findings(outputs: dict[str, Path], skip_full: bool) -> list[str]:
    cold = findings(outputs["cold"])
    out = [compare("warm (cached) vs cold", findings(outputs["warm"]), cold, set())]
    if skip_full:
        return out + ["- prefilter vs --no-prefilter: not compared (--skip-full)"]
    full = findings(outputs["full"])
    counts = (sum(f["rule"] == "MOL901" for f in cold), sum(f["rule"] == "MOL901" for f in full))
    line = compare("prefilter vs --no-prefilter", cold, full, {"MOL901"})
    return out + [line + f"; MOL901 excluded (prefilter {counts[0]}, full {counts[1]}): the prefilter does not parse "
                  "files no rule needs, so syntax errors in those are not reported"]


def compare(what: str, left: list[dict[str, object]], right: list[dict[str, object]], excluded: set[str]) -> str:
    a = [f for f in left if f["rule"] not in excluded]
    b = [f for f in right if f["rule"] not in excluded]
    if a == b:
        return f"- {what}: identical ({len(a)} findings)"
    only_a = [f for f in a if f not in b][:5]
    only_b = [f for f in b if f not in a][:5]
    return f"- {what}: DIFFERENT ({len(a)} vs {len(b)}); only left: {brief(only_a)}; only right: {brief(only_b)}"


def brief(items: list[dict[str, object]]) -> str:
    return ", ".join(f"{f['rule']} {f['path']}:{f['line']}" for f in items) or "none"


def planted(root: Path, cold: Path) -> list[str]:
    """On the synthetic corpus: which planted violations the cold run reported."""
    expected_path = root / generate.EXPECTED
    if not expected_path.exists():
        return []
    expected = json.loads(expected_path.read_text(encoding="utf-8"))["violations"]
    found = {(f["rule"], f["path"]) for f in findings(cold)}
    wanted = {(e["rule"], e["path"]) for e in expected}
    by_rule = Counter(rule for rule, _ in wanted)
    hit = Counter(rule for rule, path in wanted if (rule, path) in found)
    extra = sorted(found - wanted - {(r, p) for r, p in found if r.startswith("MOL9")})
    summary = ", ".join(f"{rule} {hit[rule]}/{by_rule[rule]}" for rule in sorted(by_rule))
    missed = sorted(wanted - found)
    return [f"- planted violations reported: {sum(hit.values())}/{len(wanted)} ({summary})",
            f"- missed: {', '.join(f'{r} {p}' for r, p in missed[:8]) or 'none'}{' …' if len(missed) > 8 else ''}",
            f"- reported but not planted (excluding MOL9xx): {len(extra)}"
            + (f" (e.g. {', '.join(f'{r} {p}' for r, p in extra[:5])})" if extra else "")]


def describe(root: Path, args: argparse.Namespace, tools: Tools) -> str:
    files = python_files(root)
    size = sum(f.stat().st_size for f in files)
    version = subprocess.run([*tools.molecule_lint, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    return (f"{date.today().isoformat()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, {version}; "
            f"target {root}: {len(files)} .py files, {size / 1e6:.1f} MB; {args.repeat} runs each; "
            f"peak RSS via {'GNU time' if os.access(GNU_TIME, os.X_OK) else 'os.wait4'}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generate", action="store_true", help="(re)generate the synthetic corpus first")
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "molecule-lint-bench-corpus")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--files", type=int, default=generate.DEFAULT_FILES)
    parser.add_argument("--target", type=Path, help="benchmark this checkout instead of the synthetic corpus")
    parser.add_argument("--config", type=Path, help="its config (copied to TARGET/molecule-lint.yaml for the run)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-full", action="store_true", help="skip the slow --no-prefilter runs")
    parser.add_argument("--skip-semgrep", action="store_true")
    parser.add_argument("--semgrep", help="semgrep executable (default: on PATH)")
    parser.add_argument("--jobs", type=int, help="molecule-lint --jobs (default: its own, one per CPU)")
    parser.add_argument("--edit-file", type=Path, help="file the incremental runs edit (default: a median platform file)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tools = find_tools(args)
    target = prepare_target(args)
    try:
        with tempfile.TemporaryDirectory(prefix="molecule-lint-bench-") as tmp:
            setting = describe(target.root, args, tools)
            print(f"running: {setting}", file=sys.stderr)
            results = run_all(args, target, tools, Path(tmp))
            load = f"machine load (1-min average after each round): {min(results.loads):.1f}-{max(results.loads):.1f}"
            print(f"\n{setting}; {load}\n\n{table(results.rows)}\n")
            print("Goals:", *goals(results.rows), sep="\n")
            checks = [*same_findings(results.outputs, args.skip_full), *planted(target.root, results.outputs["cold"])]
            print("\nChecks:", *checks, sep="\n")
            if not tools.semgrep:
                print("\nSemgrep not found: pass --semgrep PATH (e.g. `pip install semgrep` into a separate venv).")
    finally:
        target.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
