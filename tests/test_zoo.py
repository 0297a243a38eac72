"""The evidence zoo (tests/zoo/): every idiom of a tenant name living elsewhere than at the line that uses
it — a constant in another module, a builder's return, a default, a registry, a class attribute, a client
class, a helper that runs what it is given, a prefix, a settings class, a user model — is found where the
value reaches the sink, and every look-alike beside it stays silent; in Python and, under */go*/, in Go."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT, keys, lint, planted

from molecule_lint.engine import RunResult

ZOO = REPO_ROOT / "tests" / "zoo"


@pytest.fixture(scope="module")
def result() -> RunResult:
    return lint(ZOO, jobs=1)


def test_every_marker_and_nothing_else(result: RunResult) -> None:
    reported, _ = planted(ZOO)
    assert len(reported) >= 18 + 16  # Python, then Go
    found = keys(result.findings)
    assert sorted(found - reported) == [], "false positives"
    assert sorted(reported - found) == [], "missed violations"


def test_without_the_prefilter_too(result: RunResult) -> None:
    assert keys(lint(ZOO, jobs=1, prefilter=False).findings) == keys(result.findings)


def test_the_trace_ends_where_the_tenant_name_is_written(result: RunResult) -> None:
    by_place = {(f.path, f.loc.line): f for f in result.findings}
    helper = by_place[("platform/helpers.py", 24)]  # fetch_many -> fetch -> execute, MEMORY_TABLE
    assert [(hop.path, hop.line) for hop in helper.trace] == [
        ("platform/helpers.py", 24), ("shared/db.py", 9), ("shared/db.py", 5), ("shared/tables.py", 1)
    ]
    assert "agent_memories" in helper.trace[-1].note
    client = by_place[("platform/calls.py", 14)]  # the base URL, then the route table's entry the path comes from
    assert [(hop.path, hop.line) for hop in client.trace[-2:]] == [("shared/clients.py", 5), ("shared/clients.py", 6)]
    assert "tenant-api" in client.trace[-2].note and "/workspaces/{ws}/memories" in client.trace[-1].note


def test_go_traces_name_the_file_of_each_hop(result: RunResult) -> None:
    by_place = {(f.path, f.loc.line, f.rule): f for f in result.findings}
    helper = by_place[("platform/gojobs/jobs.go", 22, "MOL101")]  # Fetch(ctx, db, MemoryTable, org) -> QueryContext
    assert [(hop.path, hop.line) for hop in helper.trace] == [
        ("platform/gojobs/jobs.go", 22), ("shared/godb/db.go", 13), ("shared/gotables/tables.go", 5)
    ]
    # a constant of the same package, declared in another of its files
    sibling = by_place[("platform/gojobs/jobs.go", 33, "MOL101")]
    assert sibling.trace[-1].path == "platform/gojobs/names.go" and "agent_memories" in sibling.trace[-1].note
    client = by_place[("platform/gojobs/jobs.go", 73, "MOL103")]  # a struct literal's base URL, a method's path
    assert [hop.path for hop in client.trace[1:]] == ["shared/goclients/client.go"] * 2


def test_cached_run_gives_the_same_findings(tmp_path: Path, result: RunResult) -> None:
    lint(ZOO, jobs=1, cache_dir=tmp_path)
    warm = lint(ZOO, jobs=1, cache_dir=tmp_path)
    assert keys(warm.findings) == keys(result.findings)
    assert [f.trace for f in warm.findings] == [f.trace for f in result.findings]
