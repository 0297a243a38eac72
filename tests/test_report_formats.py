"""Output people read (issue 17): fix once per rule, statistics, Markdown, GitLab, colour, warnings, progress."""

from __future__ import annotations

import json
import os
import select
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import pytest
from click.testing import CliRunner
from conftest import RULES, RenderedMarkdown, lint, write_project

from molecule_lint import cli
from molecule_lint.cli import main
from molecule_lint.console import Progress, color_enabled
from molecule_lint.engine import RunResult
from molecule_lint.reporters import ReportOptions, reporters
from molecule_lint.reporters import markdown as markdown_reporter

FILES = {
    "common/__init__.py": "",
    "common/memory.py": 'def recent(db):\n    return db.execute("SELECT body FROM agent_memories").all()\n',
    "controlplane/__init__.py": "",
    "controlplane/digest.py": "from common.memory import recent\n\n\ndef digest(db):\n    return db.run(recent)\n",
    "controlplane/comma.py": 'X = "SELECT 1, 2 FROM agent_memories WHERE id = %s"\n',
    "controlplane/usage.py": 'Y = "SELECT body FROM agent_memories WHERE id = %s"\n',
    "jobs/sweep.py": 'Z = "SELECT body FROM agent_memories WHERE id = %s"\n',
}
CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "jobs", "plane": "platform", "paths": ["jobs/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
        {"name": "ghost", "plane": "tenant", "paths": ["ghost/"]},  # matches no file: a warning
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}
WARNING = "service `ghost`: its paths match no file"


@pytest.fixture
def result(tmp_path: Path) -> RunResult:
    write_project(tmp_path, FILES, CONFIG)
    found = lint(tmp_path)
    assert sorted((f.rule, f.service) for f in found.findings) == [
        ("MOL101", "controlplane"), ("MOL101", "controlplane"), ("MOL101", "jobs"), ("MOL104", "controlplane"),
    ]
    assert found.warnings == [WARNING]
    return found


def check(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    run = CliRunner(env=env).invoke(main, ["check", str(root), "--no-cache", "-j", "1", *args], catch_exceptions=False)
    return run.exit_code, run.stdout, run.stderr


def test_text_prints_each_rules_fix_once_under_its_first_finding(result: RunResult) -> None:
    lines = reporters()["text"](result, RULES, ReportOptions()).splitlines()
    fixes = [(n, line) for n, line in enumerate(lines) if line.startswith("    fix: ")]
    assert [line for _, line in fixes] == [f"    fix: {RULES['MOL101'].fix}", f"    fix: {RULES['MOL104'].fix}"]
    for n, _ in fixes:  # under the first finding of its rule: nothing but its evidence between them
        header = max(i for i in range(n) if not lines[i].startswith("    "))
        rule = lines[header].split(": ")[1].split()[0]
        assert not any(f": {rule} " in line for line in lines[:header])
    findings = json.loads(reporters()["json"](result, RULES, ReportOptions()))["findings"]
    assert [f["fix"] for f in findings] == [RULES[f["rule"]].fix for f in findings]  # machine formats: in every result
    sarif = json.loads(reporters()["sarif"](result, RULES, ReportOptions()))["runs"][0]["results"]
    assert all("\nFix: " in r["message"]["text"] for r in sarif)


def test_statistics_in_text_and_json(result: RunResult) -> None:
    text = reporters()["text"](result, RULES, ReportOptions(statistics=True)).splitlines()
    start = text.index("Findings by rule:")
    assert text[start:-1] == [
        "Findings by rule:",
        f"      3  MOL101  {RULES['MOL101'].title}",
        f"      1  MOL104  {RULES['MOL104'].title}",
        "Findings by service:",
        "      3  controlplane",
        "      1  jobs",
    ]
    assert text[-1].startswith("Found 4 errors")
    assert "Findings by rule:" not in reporters()["text"](result, RULES, ReportOptions())
    document = json.loads(reporters()["json"](result, RULES, ReportOptions(statistics=True)))
    assert document["statistics"] == {"rules": {"MOL101": 3, "MOL104": 1}, "services": {"controlplane": 3, "jobs": 1}}
    assert list(document["statistics"]["rules"]) == ["MOL101", "MOL104"]
    assert "statistics" not in json.loads(reporters()["json"](result, RULES, ReportOptions()))


def test_json_writes_one_finding_a_line_and_the_rest_indented(result: RunResult) -> None:
    """Each finding on a line of its own (C encoder, ~3x faster on a large report); the document is the same."""
    text = reporters()["json"](result, RULES, ReportOptions(statistics=True))
    document = json.loads(text)
    lines = text.splitlines()
    rows = lines[lines.index('  "findings": [') + 1:lines.index("  ],")]
    assert [json.loads(row.strip().rstrip(",")) for row in rows] == document["findings"]
    assert all(row.startswith('    {"rule": ') for row in rows) and len(rows) == 4
    collapsed = text.replace("[\n" + "\n".join(rows) + "\n  ]", "[]")
    assert collapsed == json.dumps({**document, "findings": []}, indent=2) + "\n"  # the rest: indent 2 as before


def test_json_of_a_run_without_findings(tmp_path: Path) -> None:
    write_project(tmp_path, {"controlplane/ok.py": "x = 1\n"}, CONFIG)
    text = reporters()["json"](lint(tmp_path), RULES, ReportOptions())
    assert '\n  "findings": [],\n' in text and json.loads(text)["findings"] == []


def test_statistics_with_a_machine_format_is_a_usage_error(tmp_path: Path) -> None:
    write_project(tmp_path, FILES, CONFIG)
    code, out, err = check(tmp_path, "--statistics", "--format", "sarif")
    assert (code, out) == (2, "")
    assert err == "molecule-lint: --statistics works with --format text or json (markdown counts anyway)\n"
    code, out, _ = check(tmp_path, "--statistics")
    assert code == 1 and "Findings by service:\n      3  controlplane\n" in out


def test_markdown_counts_first_then_one_collapsed_block_per_rule_and_service(result: RunResult) -> None:
    text = reporters()["markdown"](result, RULES, ReportOptions(repository_prefix="apps/api/"))
    assert text.startswith("### molecule-lint\n\n**Found 4 errors in 4 files &#40;")
    page = RenderedMarkdown(text)
    rules_table, services_table = page.table_rows
    assert rules_table == [
        ["MOL101", "error", "3", RULES["MOL101"].title], ["MOL104", "error", "1", RULES["MOL104"].title]
    ]
    assert services_table == [["controlplane", "3"], ["jobs", "1"]]
    assert page.summaries == ["controlplane: 2 findings", "jobs: 1 finding", "controlplane: 1 finding"]
    assert len(page.tags("details")) == 3
    for f in result.findings:  # every finding and every hop of its chain, named from the repository root
        assert f"apps/api/{f.path}:{f.loc.line}:{f.loc.column} {f.message} ({f.severity})" in page.text
        assert all(f"apps/api/{hop.path}:{hop.line} {hop.note}" in page.text for hop in f.trace)
    assert page.text.count("Fix: ") == 2
    assert page.text.rstrip().endswith(f"Warnings\n\n{WARNING}")
    assert not page.tags("a"), "nothing in the report becomes a link"


def test_markdown_of_a_clean_run(tmp_path: Path) -> None:
    config = {**CONFIG, "services": CONFIG["services"][:1]}  # type: ignore[index]
    write_project(tmp_path, {"controlplane/ok.py": "X = 1\n"}, config)
    text = reporters()["markdown"](lint(tmp_path), RULES, ReportOptions())
    assert text == "### molecule-lint\n\n**No findings &#40;1 files checked&#41;**\n"


def test_gitlab_code_quality(result: RunResult) -> None:
    issues = json.loads(reporters()["gitlab"](result, RULES, ReportOptions(repository_prefix="apps/api/")))
    places = [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], i["severity"]) for i in issues]
    assert places == [(f.rule, f"apps/api/{f.path}", f.loc.line, "major") for f in result.findings]
    assert [i["description"] for i in issues] == [f"{f.rule} {f.message}" for f in result.findings]
    assert len({i["fingerprint"] for i in issues}) == len(issues) and all(i["fingerprint"] for i in issues)
    assert set(issues[0]) == {"description", "check_name", "fingerprint", "severity", "location"}


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit", "markdown", "gitlab"])
def test_warnings_go_to_stderr_in_every_format(tmp_path: Path, output_format: str) -> None:
    write_project(tmp_path, FILES, CONFIG)
    code, out, err = check(tmp_path, "--format", output_format)
    assert code == 1
    assert err == f"molecule-lint: warning: {WARNING}\n"
    commands = [line for line in out.splitlines() if line.startswith("::warning title=molecule-lint::")]
    assert commands == ([f"::warning title=molecule-lint::{WARNING}"] if output_format == "github" else [])


@pytest.mark.parametrize("output_format", ["markdown", "gitlab", "github"])
def test_formats_are_the_same_bytes_whatever_the_jobs_and_cache(tmp_path: Path, output_format: str) -> None:
    write_project(tmp_path, FILES, CONFIG)
    cache = str(tmp_path / "cache")
    outputs = {check(tmp_path, "--format", output_format, *args)[1]
               for args in ((), ("-j", "2"), ("--cache-dir", cache), ("--cache-dir", cache))}
    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("tty", "environ", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # no-color.org: set and not empty
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_follows_the_terminal_and_the_environment(tty: bool, environ: dict[str, str], expected: bool) -> None:
    assert color_enabled(tty, environ) is expected


def test_colour_marks_rule_ids_and_severities_only(tmp_path: Path) -> None:
    write_project(tmp_path, FILES, CONFIG)
    _, out, _ = check(tmp_path, env={"FORCE_COLOR": "1"})
    first = out.splitlines()[0]
    assert first == ("controlplane/comma.py:1:5: \x1b[1mMOL101\x1b[0m platform service `controlplane` reads tenant "
                     "table `agent_memories` \x1b[31m[error]\x1b[0m")
    assert "\x1b" not in "".join(line for line in out.splitlines() if line.startswith("    "))
    assert "\x1b" not in check(tmp_path)[1], "not a terminal"
    assert "\x1b" not in check(tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})[1]
    assert "\x1b" not in check(tmp_path, "--format", "json", env={"FORCE_COLOR": "1"})[1]
    check(tmp_path, "-o", str(tmp_path / "report.txt"), env={"FORCE_COLOR": "1"})
    assert "\x1b" not in (tmp_path / "report.txt").read_text()


@pytest.fixture
def terminal() -> Iterator[tuple[TextIO, Callable[[], str]]]:
    """A real pseudo-terminal: the stream a program writes to, and what the terminal has received."""
    controller, device = os.openpty()
    stream = os.fdopen(device, "w")

    def received() -> str:
        out = b""
        while select.select([controller], [], [], 0)[0]:
            out += os.read(controller, 4096)
        return out.decode()

    yield stream, received
    stream.close()
    os.close(controller)


def test_progress_line_on_a_terminal_after_the_delay_and_erased(terminal: tuple[TextIO, Callable[[], str]]) -> None:
    stream, received = terminal
    with Progress(stream, "molecule-lint: analysing", delay=0.05, interval=0.01):
        time.sleep(0.3)
    shown = received()
    assert shown.startswith("\rmolecule-lint: analysing 0s") and shown.endswith("\r\x1b[K")
    with Progress(stream, "molecule-lint: analysing", delay=5):
        pass
    assert received() == "", "a quick run shows nothing"


def test_no_progress_line_when_not_a_terminal(tmp_path: Path) -> None:
    with (tmp_path / "log").open("w") as log, Progress(log, "molecule-lint: analysing", delay=0, interval=0.01):
        time.sleep(0.05)
    assert (tmp_path / "log").read_text() == ""


def test_check_shows_its_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: tuple[TextIO, Callable[[], str]]
) -> None:
    write_project(tmp_path, FILES, CONFIG)
    stream, received = terminal
    monkeypatch.setattr(cli, "Progress", lambda _stream, label: Progress(stream, label, delay=0, interval=0.001))
    check(tmp_path)
    assert received().startswith("\rmolecule-lint: analysing 0s")


def test_rules_as_json() -> None:
    run = CliRunner().invoke(main, ["rules", "--format", "json"], catch_exceptions=False)
    assert run.exit_code == 0
    catalog = json.loads(run.stdout)["rules"]
    assert [r["id"] for r in catalog] == sorted(RULES)
    assert catalog[0] == {
        field: getattr(RULES[catalog[0]["id"]], field) for field in ("id", "severity", "title", "rfc", "fix", "check")
    }
    assert list(catalog[0]) == ["id", "severity", "title", "rfc", "fix", "check"]


def test_markdown_stays_under_the_job_summary_limit_and_counts_what_it_leaves_out(
    result: RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = reporters()["markdown"](result, RULES, ReportOptions())
    assert "not listed" not in full
    monkeypatch.setattr(markdown_reporter, "LIMIT", len(full.encode()) - 200)
    cut = reporters()["markdown"](result, RULES, ReportOptions())
    assert len(cut.encode()) <= markdown_reporter.LIMIT
    page = RenderedMarkdown(cut)
    assert len(page.tags("details")) == 3 and len(page.table_rows) == 2
    listed = page.text.count("(error)")
    assert listed < len(result.findings)
    counted = [int(line.split()[0]) for line in page.text.splitlines() if line.endswith("has every finding")]
    assert listed + sum(counted) == len(result.findings)
