"""Suppression governance: reasons, expiry, unused ones, allow entries, and the inventory command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_project

from molecule_lint.cli import main

CONFIG = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
}
Q = 'Q = "SELECT 1 FROM agent_memories WHERE id = %s"'


def rules_at(result) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.rule, f.loc.line) for f in result.findings]


def test_reasoned_suppression_on_the_line_and_the_line_above(project) -> None:  # type: ignore[no-untyped-def]
    result = project(
        {"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101] -- backfill\n# molecule-lint: ignore[MOL101] -- same\n{Q}\n"},
        CONFIG,
    )
    assert rules_at(result) == []
    assert [f.suppressed_by for f in result.suppressed] == ["backfill", "same"]


def test_missing_reason_still_suppresses_but_is_mol903(project) -> None:  # type: ignore[no-untyped-def]
    assert rules_at(project({"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101]\n"}, CONFIG)) == [("MOL903", 1)]


def test_a_suppression_of_another_rule_does_not_apply(project) -> None:  # type: ignore[no-untyped-def]
    result = project({"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL103] -- wrong rule\n"}, CONFIG)
    assert rules_at(result) == [("MOL101", 1), ("MOL902", 1)]


def test_the_unused_ids_of_a_partly_used_suppression_are_mol902(project) -> None:  # type: ignore[no-untyped-def]
    result = project({"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101, MOL103, MOL104] -- reviewed\n"}, CONFIG)
    assert [(f.rule, f.message, f.target) for f in result.findings] == [
        ("MOL902", "suppression of MOL101, MOL103, MOL104: MOL103, MOL104 matches no finding", "MOL103,MOL104")
    ]


def test_only_the_ids_of_active_rules_are_judged(project) -> None:  # type: ignore[no-untyped-def]
    result = project({"cp/a.py": "X = 1  # molecule-lint: ignore[MOL101, MOL103] -- reviewed\n"}, CONFIG, select=("MOL103", "MOL902"))
    assert [(f.message, f.target) for f in result.findings] == [("suppression of MOL101, MOL103: MOL103 matches no finding", "MOL103")]


@pytest.mark.parametrize(("until", "expected"), [("2027-03-01", []), ("2026-01-01", [("MOL101", 1), ("MOL902", 1)])])
def test_inline_expiry(project, until: str, expected: list[tuple[str, int]]) -> None:  # type: ignore[no-untyped-def]
    result = project({"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101] -- legacy (until {until})\n"}, CONFIG)
    assert rules_at(result) == expected


def test_unreadable_expiry_is_mol903(project) -> None:  # type: ignore[no-untyped-def]
    result = project({"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101] -- legacy (until next spring)\n"}, CONFIG)
    assert rules_at(result) == [("MOL903", 1)]


def test_allow_entries_apply_expire_and_report_when_unused(project) -> None:  # type: ignore[no-untyped-def]
    allow = [
        {"rule": "MOL101", "path": "cp/a.py", "reason": "reviewed"},
        {"rule": "MOL101", "path": "cp/b.py", "reason": "stale", "until": "2026-01-01"},
        {"rule": "MOL101", "path": "cp/nothing.py", "reason": "matches nothing"},
    ]
    result = project({"cp/a.py": Q + "\n", "cp/b.py": Q + "\n"}, {**CONFIG, "allow": allow})
    assert [(f.rule, f.path, f.loc.line) for f in result.findings] == [
        ("MOL101", "cp/b.py", 1),
        ("MOL902", "molecule-lint.yaml", 13),
        ("MOL902", "molecule-lint.yaml", 17),
    ]
    assert "expired on 2026-01-01" in result.findings[1].message
    assert "matches no finding" in result.findings[2].message


def test_suppressions_inventory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    allow = [{"rule": "MOL103", "path": "cp/probe.py", "reason": "probe", "until": date(2027, 3, 1)}]
    write_project(
        tmp_path,
        {"cp/a.py": f"# molecule-lint: ignore[MOL101] -- backfill (until 2027-01-31)\n{Q}\n"},
        {**CONFIG, "allow": allow},
    )
    monkeypatch.chdir(tmp_path)
    text = CliRunner().invoke(main, ["suppressions", "--no-cache"])
    assert text.exit_code == 0
    assert text.stdout.splitlines() == [
        "cp/a.py:1: inline MOL101 (this line and the next) until 2027-01-31 -- backfill",
        "molecule-lint.yaml:10: allow MOL103 (cp/probe.py) until 2027-03-01 -- probe",
        "2 suppression(s)",
    ]
    data = json.loads(CliRunner().invoke(main, ["suppressions", "--no-cache", "--format", "json"]).stdout)
    assert [(s["kind"], s["rules"], s["reason"]) for s in data["suppressions"]] == [
        ("inline", ["MOL101"], "backfill"), ("allow", ["MOL103"], "probe"),
    ]


def test_show_suppressed_lists_silenced_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, {"cp/a.py": f"{Q}  # molecule-lint: ignore[MOL101] -- backfill\n"}, CONFIG)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check", "--no-cache", "--show-suppressed"]).stdout
    assert "cp/a.py:1:5: MOL101 platform service `cp` reads tenant table `agent_memories` [suppressed: backfill]" in out
