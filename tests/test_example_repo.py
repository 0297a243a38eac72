"""End to end on the bundled example monorepo: every planted violation, and nothing else.

Markers in the example's comments (`expect: MOL101`, `expect-suppressed: MOL101`), in
its code, SQL and deployment manifests, say where each finding must be reported; see
examples/molecule-platform/EXPECTED.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_ROOT, keys, lint, planted

from molecule_lint.engine import RunResult


@pytest.fixture(scope="module")
def result() -> RunResult:
    return lint(EXAMPLE_ROOT, jobs=1)


def test_every_planted_violation_and_nothing_else(result: RunResult) -> None:
    reported, _ = planted(EXAMPLE_ROOT)
    assert len(reported) >= 20
    found = keys(result.findings)
    assert sorted(found - reported) == [], "false positives"
    assert sorted(reported - found) == [], "missed violations"


def test_suppressed_violations_are_silenced_not_lost(result: RunResult) -> None:
    _, suppressed = planted(EXAMPLE_ROOT)
    assert suppressed and keys(result.suppressed) == suppressed


def test_transitive_findings_carry_the_whole_chain(result: RunResult) -> None:
    by_place = {(f.path, f.loc.line): f for f in result.findings if f.rule == "MOL104"}
    digest = by_place[("controlplane/reports/digest.py", 5)]
    assert digest.trace[0].path == "controlplane/reports/digest.py"
    assert digest.trace[-1].path == "libs/common/src/common/memory_access.py"
    assert digest.target == "agent_memories"
    reexport = by_place[("controlplane/reports/weekly.py", 9)]
    assert [hop.path for hop in reexport.trace][-1] == "libs/common/src/common/memory_access.py"


def test_prefilter_changes_no_finding(result: RunResult) -> None:
    full = lint(EXAMPLE_ROOT, jobs=1, prefilter=False)
    assert keys(full.findings) == keys(result.findings)
    assert full.files_parsed > result.files_parsed


def test_cached_run_gives_the_same_findings(tmp_path: Path, result: RunResult) -> None:
    cold = lint(EXAMPLE_ROOT, jobs=1, cache_dir=tmp_path)
    warm = lint(EXAMPLE_ROOT, jobs=1, cache_dir=tmp_path)
    assert [f.fingerprint for f in cold.findings] == [f.fingerprint for f in warm.findings]
    assert keys(warm.findings) == keys(result.findings)
