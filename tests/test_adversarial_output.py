"""What a pull request writes cannot reach a terminal, a CI log or a report raw (issue 13, SPEC §6).

A monorepo (config in apps/api/, `.git` above it) whose platform code has file names, SQL literals,
a service name, a suppression reason, a baseline entry and a config key carrying every C0 control,
DEL, C1 controls, quotes, `%`, `#`, `:`, `,`, lone surrogates, bidi controls and ESC/OSC sequences;
every output format and every command that prints is run on it through the real CLI. Each output
must be encodable as UTF-8, hold no unsafe character but the format's own line breaks, keep one
finding per line (or per command, per test case), and still let each finding's file be found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import JUNIT_SCHEMA, RenderedMarkdown

from molecule_lint.cli import main
from molecule_lint.textsafe import UNSAFE, human

FIXTURES = Path(__file__).parent / "fixtures"
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

PROJECT = "apps/api"  # the project root, below the repository root
SERVICE = "cp\x1b]0;t\x07\u202e"  # reaches every finding's message
OSC = "\x1b]0;title\x07\x1b]52;c;aGk=\x07"  # set the terminal title; write the clipboard
# What a file name may hold (not `/`, not NUL), each name under 255 bytes.
FILE_NAMES = [
    "".join(map(chr, range(1, 32))) + "\x7f\x85\x9b.py",
    "q\"'%#:,.py",
    "bidi\u202e\u2066\u200e\u061c\u2028yp.py",
    f"osc{OSC}.py",
    "x\n::error file=README.md,line=1::owned%0A.py",  # a second workflow command, were the newline printed
    "md`|[x](javascript:alert(1))<img src=x onerror=alert(1)>www.evil.com|.py",  # Markdown and HTML
]
INJECTION = FILE_NAMES[-1]
VIOLATION = "Q = \"SELECT id FROM agent_memories WHERE id = %s\"\n"
# SQL literal contents, written as Python escapes: the source is ASCII, the strings are not.
LITERALS = [
    "".join(map(chr, range(0, 16))),
    "".join(map(chr, range(16, 32))),
    "\x7f\x80\x85\x9b\x9f",
    "\"'%#:,",
    "\ud800 and \udfff",  # lone surrogates: a legal Python literal that UTF-8 cannot encode
    "\u202e\u2066\u200e\u061c\u2028",
    OSC,
    "</details></code><script>alert(1)</script>|`[x](javascript:alert(1))` <img src=x onerror=alert(1)> @org/team",
]
QUERIES = ["SELECT id FROM agent_memories WHERE n = '" + text.replace("'", "''") + "'" for text in LITERALS]
SQL_SOURCE = "".join(f"Q{n} = {ascii(query)}\n" for n, query in enumerate(QUERIES))
REASON = f"backfill {OSC}\u202e done"  # raw characters in a comment
SUPPRESSED = f"Q = \"SELECT id FROM agent_memories\"  # molecule-lint: ignore[MOL101] -- {REASON}\n"
BASELINE_ENTRY = {  # a stale entry: `check --baseline` lists it as fixed, on stderr
    "fingerprint": "0" * 20, "rule": "MOL101", "path": f"cp/gone{OSC}\n::error::x.py", "line": 1,
    "message": "reads `agent_memories\ud800\u202e`",
}


def _config() -> dict[str, object]:
    return {
        "version": 1,
        "services": [{"name": SERVICE, "plane": "platform", "paths": ["cp/"]}],
        "tenant_data": {"tables": ["agent_memories"]},
    }


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repository = tmp_path_factory.mktemp("hostile")
    (repository / ".git").mkdir()
    root = repository / PROJECT
    (root / "cp").mkdir(parents=True)
    (root / "molecule-lint.yaml").write_text(yaml.safe_dump(_config()), encoding="utf-8")
    for name in FILE_NAMES:
        (root / "cp" / name).write_text(VIOLATION, encoding="utf-8")
    (root / "cp").joinpath(b"\xff.py".decode("utf-8", "surrogateescape")).write_text(VIOLATION, encoding="utf-8")
    (root / "cp" / "sql.py").write_text(SQL_SOURCE, encoding="ascii")
    (root / "cp" / "suppressed.py").write_text(SUPPRESSED, encoding="utf-8")
    baseline = {"format": "molecule-lint-baseline/1", "tool": {}, "findings": [BASELINE_ENTRY]}
    (repository / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    return repository


def run(repo: Path, *args: str, code: int | None = 1) -> tuple[str, str]:
    """The CLI on the project: stdout and stderr, decoded strictly (a lone surrogate would not encode)."""
    config = str(repo / PROJECT / "molecule-lint.yaml")
    result = CliRunner().invoke(main, [*args, "--config", config, "--no-cache", "-j", "1"], catch_exceptions=False)
    if code is not None:
        assert result.exit_code == code, result.stderr
    return result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


def assert_clean(text: str, allowed: str = "\n") -> None:
    raw = {char for char in UNSAFE.findall(text) if char not in allowed}
    assert not raw, f"raw unsafe characters in output: {sorted(map(ascii, raw))}"


def findings(repo: Path) -> list[dict[str, object]]:
    out, _ = run(repo, "check", "--format", "json")
    found: list[dict[str, object]] = json.loads(out)["findings"]
    return found


def test_the_project_is_hostile_everywhere(repo: Path) -> None:
    """The inputs really reach the findings raw, so the tests below test something."""
    found = findings(repo)
    assert {f["path"] for f in found} >= {f"cp/{name}" for name in FILE_NAMES} | {"cp/sql.py"}
    notes = "".join(str(hop["note"]) for f in found for hop in f["trace"])  # type: ignore[attr-defined]
    for char in ("\x01", "\x1b", "\x7f", "\x9b", "\ud800", "\udfff", "\u202e", "\u2066"):
        assert char in notes, ascii(char)
    assert all(SERVICE in str(f["message"]) for f in found if f["rule"] == "MOL101")
    assert any(f["rule"] == "MOL901" for f in found), "the non-UTF-8 file name is reported"


def test_json_escapes_everything_and_keeps_the_data(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "json")
    assert_clean(out)
    for finding in json.loads(out)["findings"]:
        if finding["rule"] == "MOL101":
            assert (repo / PROJECT / finding["path"]).is_file(), "JSON keeps the exact path"


def test_text_is_one_finding_a_line_and_every_file_recognisable(repo: Path) -> None:
    out, _ = run(repo, "check")
    assert_clean(out)
    found = findings(repo)
    headers = [line for line in out.split("\n") if re.search(r": MOL\d{3} .* \[(error|warning)\]$", line)]
    assert len(headers) == len(found)
    for finding, header in zip(found, headers, strict=True):
        assert header.startswith(f"{human(str(finding['path']))}:{finding['line']}:")
    assert f"cp/osc\\x1b]0;title\\x07\\x1b]52;c;aGk=\\x07.py:1:5: MOL101 platform service `{human(SERVICE)}`" in out


def test_sarif_is_schema_valid_with_uris_that_name_the_real_files(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "sarif")
    assert_clean(out)
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run_ = log["runs"][0]
    assert "originalUriBaseIds" not in run_, "relative URIs are read from the repository root"
    uri_reference = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*")
    results = [r for r in run_["results"] if r["ruleId"] == "MOL101"]
    assert len(results) == len(FILE_NAMES) + len(LITERALS)
    for result in results:
        for place in [*result["locations"], *result["relatedLocations"]]:
            location = place["physicalLocation"]["artifactLocation"]
            assert location["uriBaseId"] == "%SRCROOT%"
            assert uri_reference.fullmatch(location["uri"]), location["uri"]
            assert location["uri"].startswith(f"{PROJECT}/cp/")
            assert (repo / unquote(location["uri"])).is_file()
        assert_clean(result["message"]["text"] + "".join(r["message"]["text"] for r in result["relatedLocations"]))
    assert any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/q%22%27%25%23%3A%2C.py")
               for r in results)


def _github_unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_prints_one_command_a_finding_and_none_injected(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "github")
    assert_clean(out)
    lines = out.removesuffix("\n").split("\n")
    *commands, summary = lines
    assert len(commands) == len(findings(repo))
    assert not summary.startswith("::")
    command = re.compile(r"::(error|warning|notice) file=([^,:]*),line=\d+,col=\d+,endLine=\d+,title=MOL\d{3}::(.*)")
    files = []
    for line in commands:
        match = command.fullmatch(line)
        assert match, line
        assert "::" not in match.group(2)
        files.append(_github_unescape(match.group(2)))
    assert f"{PROJECT}/cp/{INJECTION}" in files, "the runner decodes the file property back to the real name"
    assert all(path.startswith(f"{PROJECT}/") for path in files)


def test_junit_is_well_formed_and_schema_valid(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "junit")
    assert_clean(out)
    root = ET.fromstring(out)
    JUNIT_SCHEMA.validate(out)
    found = findings(repo)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(found)
    assert len(root.findall("testsuite/testcase/failure")) == sum(f["severity"] == "error" for f in found)
    assert len(root.findall("testsuite/testcase/skipped")) == sum(f["severity"] != "error" for f in found)
    assert {case.get("classname") for case in cases} == {human(str(f["path"])) for f in found}


def test_markdown_renders_to_its_own_structure_and_nothing_injected(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "markdown")
    assert_clean(out)
    found = findings(repo)
    page = RenderedMarkdown(out)
    rules_table, services_table = page.table_rows
    assert [row[0] for row in rules_table] == sorted({str(f["rule"]) for f in found})
    assert [row[0] for row in services_table] == [human(SERVICE), "(no service)"]  # MOL901: an undecodable name
    groups = {(f["rule"], f["service"]) for f in found}
    assert len(page.tags("details")) == len(page.summaries) == len(groups)
    assert {tag for tag, _ in page.elements} <= {"h3", "h4", "p", "strong", "table", "thead", "tbody", "tr", "th", "td",
                                                 "code", "details", "summary", "ul", "li"}
    assert "javascript:" not in "".join(str(value) for _, attrs in page.elements for value in attrs.values())
    for f in found:  # each file name, escaped for a terminal only, reads as it does in text output
        assert f"{PROJECT}/{human(str(f['path']))}:{f['line']}:{f['column']}" in page.text
    assert "<img src=x onerror=alert(1)>" in page.text and "</details></code><script>" in page.text


def test_gitlab_code_quality_keeps_the_exact_paths(repo: Path) -> None:
    out, _ = run(repo, "check", "--format", "gitlab")
    assert_clean(out)
    issues = json.loads(out)
    assert len(issues) == len(findings(repo))
    for issue in issues:
        assert issue["location"]["path"].startswith(f"{PROJECT}/cp/")
        if issue["check_name"] == "MOL101":
            assert (repo / issue["location"]["path"]).is_file()
        assert_clean(issue["description"], allowed="")


def test_text_in_colour_colours_only_what_molecule_lint_writes(repo: Path) -> None:
    config = str(repo / PROJECT / "molecule-lint.yaml")
    result = CliRunner(env={"FORCE_COLOR": "1"}).invoke(main, ["check", "--config", config, "--no-cache", "-j", "1"])
    out = result.stdout_bytes.decode("utf-8")
    ours = re.compile("\x1b\\[(?:0|1|31|33|36)m")
    assert len(ours.findall(out)) == 4 * len(findings(repo))  # around the rule id and the severity of each
    assert_clean(ours.sub("", out))


@pytest.mark.parametrize("output_format", ["dot", "mermaid", "json", "html"])
def test_graph_formats(repo: Path, output_format: str) -> None:
    out, _ = run(repo, "graph", "--format", output_format, code=0)
    assert_clean(out)
    if output_format == "json":
        assert SERVICE in {node["label"] for node in json.loads(out)["nodes"]}, "JSON keeps the exact name"
    if output_format == "html":
        data = re.search(r'<script type="application/json" id="finding-data">(.*?)</script>', out, re.S)
        assert data and json.loads(data.group(1))
    if output_format == "dot":
        assert all(len(re.findall(r'(?<!\\)(?:\\\\)*"', line)) % 2 == 0 for line in out.split("\n"))
    if output_format == "mermaid":
        node = re.compile(r'    n\d+(?:\("[^"]*"\)|\[\("[^"]*"\)\])')
        assert any(node.fullmatch(line) for line in out.split("\n"))
        assert all(node.fullmatch(line) for line in out.split("\n") if line.startswith("    n"))


def test_why(repo: Path) -> None:
    out, _ = run(repo, "why", SERVICE, "agent_memories", "-k", "20")
    assert_clean(out)
    assert all(line.startswith(("path ", "    ")) for line in out.removesuffix("\n").split("\n"))


def test_suppressions_listing(repo: Path) -> None:
    out, _ = run(repo, "suppressions", code=0)
    assert_clean(out)
    assert f"-- {human(REASON)}" in out
    assert json.loads(run(repo, "suppressions", "--format", "json", code=0)[0])["suppressions"][0]["reason"] == REASON


def test_suppressed_findings_and_their_reasons(repo: Path) -> None:
    for output_format in ("text", "sarif", "github", "junit", "markdown", "gitlab"):
        out, _ = run(repo, "check", "--show-suppressed", "--format", output_format)
        assert_clean(out)


def test_baseline_notes_on_stderr(repo: Path) -> None:
    _, err = run(repo, "check", "--baseline", str(repo / "baseline.json"), code=None)
    assert "fixed (remove from the baseline)" in err
    assert_clean(err)


def test_config_errors_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "molecule-lint.yaml").write_text(
        yaml.safe_dump(_config() | {f"evil{OSC}\n::error::key\u202e": 1}, allow_unicode=False), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "molecule-lint.yaml"), "--no-cache"])
    assert result.exit_code == 2
    err = result.stderr_bytes.decode("utf-8")
    assert_clean(err)
    assert all(line.startswith("molecule-lint: ") for line in err.removesuffix("\n").split("\n"))


def test_a_projects_rule_pack_in_rules_and_explain(tmp_path: Path) -> None:
    pack = {
        "id": "MOL998", "title": f"title{OSC}\n::error::x", "severity": "error", "rfc": f"rfc\u202e{OSC}",
        "check": "platform-access", "params": {"kinds": ["table"]}, "message": f"m{OSC}", "rationale": f"why\n{OSC}\n",
        "fix": f"fix\x85{OSC}",
    }
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "MOL998.yaml").write_text(yaml.safe_dump(pack, allow_unicode=False), encoding="utf-8")
    (tmp_path / "molecule-lint.yaml").write_text(
        yaml.safe_dump(_config() | {"rules": {"packs": ["pack/"]}}), encoding="utf-8"
    )
    runner = CliRunner()
    config = ["--config", str(tmp_path / "molecule-lint.yaml")]
    for args in (["rules", *config], ["explain", "MOL998", *config]):
        result = runner.invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        assert_clean(result.stdout)
        assert "title\\x1b]0;title\\x07" in result.stdout
    result = runner.invoke(main, ["rules", "--format", "json", *config], catch_exceptions=False)
    assert_clean(result.stdout)
    assert json.loads(result.stdout)["rules"][-1]["title"] == pack["title"], "JSON keeps the exact text"
