"""The CLI through click's runner and through a real subprocess: exit codes, formats, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_project

from molecule_lint.cli import main

CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}
VIOLATION = {"controlplane/usage.py": 'def n(db):\n    return db.execute("SELECT body FROM agent_memories WHERE id = %s")\n'}
CLEAN = {"controlplane/usage.py": 'def n(db):\n    return db.execute("SELECT count(*) FROM orgs")\n'}


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", str(root), "--no-cache", "-j", "1", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_findings_exit_1_with_evidence_and_fix(tmp_path: Path) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    code, out, _ = invoke(tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "controlplane/usage.py:2:12: MOL101 platform service `controlplane` reads tenant table `agent_memories` [error]"
    )
    assert lines[1] == "    controlplane/usage.py:2  SELECT body FROM agent_memories WHERE id = %s"
    assert lines[2].startswith("    fix: Ask the tenant")
    assert lines[-1].startswith("Found 1 error in 1 file (1 files checked in ")


def test_clean_project_exits_0(tmp_path: Path) -> None:
    write_project(tmp_path, CLEAN, CONFIG)
    code, out, err = invoke(tmp_path)
    assert code == 0
    [summary] = out.splitlines()
    assert summary.startswith("No findings (1 files checked in ")
    assert err.splitlines() == ["molecule-lint: warning: service `workspace-server`: its paths match no file"]


@pytest.mark.parametrize(
    ("args", "code"),
    [(("--exit-zero",), 0), (("--ignore", "MOL101"), 0), (("--select", "MOL102"), 0), (("--select", "mol101"), 1)],
)
def test_rule_selection_and_exit_zero(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    assert invoke(tmp_path, *args)[0] == code


def test_unknown_rule_id_is_a_usage_error(tmp_path: Path) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    code, _, err = invoke(tmp_path, "--select", "MOL999")
    assert code == 2
    assert err.strip() == "molecule-lint: --select: unknown rule id(s) MOL999; `molecule-lint rules` lists them"


def test_bad_config_is_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    write_project(tmp_path, VIOLATION)
    (tmp_path / "molecule-lint.yaml").write_text("services:\n  - name: x\n    plane: moon\n    paths: [x/]\n")
    code, out, err = invoke(tmp_path)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "molecule-lint: config error: molecule-lint.yaml:3: services[0].plane: expected one of platform, tenant, shared, got 'moon'"
    ]


def test_json_output_has_the_spec_shape(tmp_path: Path) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    code, out, _ = invoke(tmp_path, "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == "1" and doc["tool"]["name"] == "molecule-lint"
    (finding,) = doc["findings"]
    assert set(finding) == {
        "rule", "severity", "path", "line", "column", "end_line", "end_column", "message", "service", "target",
        "trace", "fix", "fingerprint",
    }
    assert (finding["rule"], finding["path"], finding["line"], finding["target"]) == (
        "MOL101", "controlplane/usage.py", 2, "agent_memories",
    )
    assert finding["trace"] == [{"path": "controlplane/usage.py", "line": 2, "note": "SELECT body FROM agent_memories WHERE id = %s"}]
    assert {"files", "findings", "errors", "warnings", "seconds"} <= set(doc["summary"])


def test_output_is_deterministic_across_runs_and_jobs(tmp_path: Path) -> None:
    files = {f"controlplane/m{i}.py": f'Q = "SELECT * FROM agent_memories WHERE id = {i}"\n' for i in range(80)}
    write_project(tmp_path, files, CONFIG)
    outputs = {invoke(tmp_path, "--format", "json", "-j", jobs)[1] for jobs in ("1", "2", "1")}
    stripped = {json.dumps(json.loads(o)["findings"]) for o in outputs}
    assert len(stripped) == 1
    assert len(json.loads(next(iter(outputs)))["findings"]) == 80


def test_syntax_error_is_mol901_and_the_rest_is_checked(tmp_path: Path) -> None:
    write_project(tmp_path, {**VIOLATION, "controlplane/broken.py": "def broken(:\n    pass\n"}, CONFIG)
    code, out, _ = invoke(tmp_path, "--format", "json")
    rules = [(f["rule"], f["path"]) for f in json.loads(out)["findings"]]
    assert rules == [("MOL901", "controlplane/broken.py"), ("MOL101", "controlplane/usage.py")]
    assert code == 1


def test_paths_limit_the_report_not_the_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        **VIOLATION,
        "controlplane/__init__.py": "",
        "controlplane/other.py": 'Q = "SELECT 1 FROM agent_memories WHERE id = %s"\n',
    }
    write_project(tmp_path, files, CONFIG)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "controlplane/usage.py", "--no-cache", "--format", "json"])
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"controlplane/usage.py"}


def test_real_subprocess_entry_point(tmp_path: Path) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    done = subprocess.run(
        [sys.executable, "-m", "molecule_lint.cli", "check", "--no-cache", "-q"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "MOL101" in done.stdout and "Traceback" not in done.stderr


def test_rules_and_explain(tmp_path: Path) -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    assert "MOL104  error    platform depends on tenant data-access code" in listing.stdout
    explained = runner.invoke(main, ["explain", "mol101"])
    assert explained.exit_code == 0
    assert "RFC: workspace-placement RFC" in explained.stdout and "Invalid — " in explained.stdout
    unknown = runner.invoke(main, ["explain", "MOL000"])
    assert unknown.exit_code == 2


def test_a_rule_pack_naming_an_unknown_check_is_a_one_line_config_error(tmp_path: Path) -> None:
    write_project(tmp_path, CLEAN, {**CONFIG, "rules": {"packs": ["house-rules"]}})
    rule = (
        "id: MOL999\ntitle: t\nseverity: error\nrfc: r\nrationale: r\nmessage: m\n"
        "check: platform-acess\n"
    )
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "typo.yaml").write_text(rule)
    code, out, err = invoke(tmp_path)
    assert code == 2 and out == ""
    expected = (
        f"molecule-lint: config error: {tmp_path / 'house-rules' / 'typo.yaml'}:7: check: unknown check "
        "'platform-acess'; known: cross-org-sql, fan-out, platform-access, platform-deployment, platform-location, "
        "platform-reach, runtime-org-choice, schema-mirror, tenant-deployment"
    )
    assert err.strip().splitlines() == [expected]
