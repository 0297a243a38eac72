"""SARIF (validated against the official 2.1.0 schema), GitHub annotations, JUnit (against two common XSDs)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from conftest import JUNIT_SCHEMA, RULES, lint, write_project

from molecule_lint.reporters import ReportOptions, reporters

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

FILES = {
    "common/__init__.py": "",
    "common/memory.py": 'def recent(db):\n    return db.execute("SELECT body FROM agent_memories").all()\n',
    "controlplane/__init__.py": "",
    "controlplane/digest.py": "from common.memory import recent\n\n\ndef digest(db):\n    return db.run(recent)\n",
    "controlplane/usage.py": 'Q = "SELECT body FROM agent_memories WHERE id = %s"  # molecule-lint: ignore[MOL101] -- backfill\n',
    "controlplane/comma.py": 'X = "SELECT 1, 2 FROM agent_memories WHERE id = %s"\n',
}
CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}


@pytest.fixture
def result(tmp_path: Path):  # type: ignore[no-untyped-def]
    write_project(tmp_path, FILES, CONFIG)
    return lint(tmp_path)


def test_sarif_validates_and_carries_rules_fingerprints_and_trace(result) -> None:  # type: ignore[no-untyped-def]
    result.suppressed = result.suppressed  # keep suppressed results: SARIF marks them
    log = json.loads(reporters()["sarif"](result, RULES, ReportOptions()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    assert all(r["helpUri"].startswith("https://") and r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    chain = next(r for r in run["results"] if r["ruleId"] == "MOL104")
    assert chain["partialFingerprints"]["moleculeLint/v1"]
    related = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in chain["relatedLocations"]]
    assert related[0] == "controlplane/digest.py" and related[-1] == "common/memory.py"
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert [s["suppressions"][0]["justification"] for s in suppressed] == ["backfill"]


def test_github_annotations_escape_properties(result) -> None:  # type: ignore[no-untyped-def]
    out = reporters()["github"](result, RULES, ReportOptions(quiet=True)).splitlines()
    assert out[0].startswith("::error file=controlplane/comma.py,line=1,col=5,endLine=1,title=MOL101::platform service")
    assert any(line.startswith("::error file=controlplane/digest.py,line=1,") for line in out)


def test_junit_is_xml_with_one_failure_per_finding(result) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(reporters()["junit"](result, RULES, ReportOptions()))
    failures = root.findall(".//failure")
    assert len(failures) == len(result.findings) == 2
    assert {f.get("type") for f in failures} == {"MOL101", "MOL104"}




@pytest.mark.parametrize(("fail_on", "failed", "skipped"), [("error", 2, 1), ("warning", 3, 0), ("info", 3, 0)])
def test_junit_fails_what_fails_the_run_and_skips_the_rest(tmp_path: Path, fail_on: str, failed: int, skipped: int) -> None:
    write_project(tmp_path, {**FILES, "controlplane/broken.py": "def (:\n"}, CONFIG)
    result = lint(tmp_path)
    assert sorted(f.severity for f in result.findings) == ["error", "error", "warning"]
    text = reporters()["junit"](result, RULES, ReportOptions(fail_on=fail_on))
    JUNIT_SCHEMA.validate(text)
    root = ET.fromstring(text)
    assert [s.get("name") for s in root] == ["controlplane/broken.py", "controlplane/comma.py", "controlplane/digest.py"]
    assert sum(int(s.get("failures", "")) for s in root) == len(root.findall(".//failure")) == failed
    assert sum(int(s.get("skipped", "")) for s in root) == len(root.findall(".//skipped")) == skipped
    assert all(s.get("errors") == "0" and int(s.get("tests", "")) == len(s.findall("testcase")) for s in root)


def test_junit_of_a_clean_run_is_one_passing_case(tmp_path: Path) -> None:
    write_project(tmp_path, {"controlplane/ok.py": "X = 1\n"}, CONFIG)
    text = reporters()["junit"](lint(tmp_path), RULES, ReportOptions())
    JUNIT_SCHEMA.validate(text)
    cases = ET.fromstring(text).findall("testsuite/testcase")
    assert len(cases) == 1 and not list(cases[0])


def test_sarif_and_github_name_files_from_the_repository_root(result) -> None:  # type: ignore[no-untyped-def]
    options = ReportOptions(repository_prefix="apps/api/")
    log = json.loads(reporters()["sarif"](result, RULES, options))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"] for loc in r["locations"]}
    assert uris == {f"apps/api/controlplane/{name}.py" for name in ("comma", "digest", "usage")}  # usage: suppressed
    annotations = reporters()["github"](result, RULES, options).splitlines()[:-1]
    assert all(line.split(" ", 1)[1].startswith("file=apps/api/controlplane/") for line in annotations)
