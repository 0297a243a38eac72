"""Style corpora (tests/corpora/<style>/): small repositories written the way other teams write their
services — other frameworks, ORMs, clients and settings libraries than the example repo and the zoo — each
with its own config and `expect:` markers. Every marker must be found and nothing else reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT, RULES, keys, lint, planted

from molecule_lint.checks import REPORTS_IN
from molecule_lint.engine import RunResult
from molecule_lint.findings import Finding

CORPORA = sorted(path.parent for path in (REPO_ROOT / "tests" / "corpora").glob("*/molecule-lint.yaml"))


@pytest.mark.parametrize("root", CORPORA, ids=[path.name for path in CORPORA])
def test_every_marker_and_nothing_else(root: Path) -> None:
    reported, suppressed = planted(root)
    assert reported, "a corpus without markers proves nothing"
    result = lint(root, jobs=1)
    found = keys(result.findings)
    assert sorted(found - reported) == [], "false positives"
    assert sorted(reported - found) == [], "missed violations"
    assert keys(result.suppressed) == suppressed
    assert outside_declared_planes(result) == []


def outside_declared_planes(result: RunResult) -> list[Finding]:
    """Findings of a check that declares the planes it reports in (checks.REPORTS_IN), in a file of another."""
    assert result.context is not None
    plane_of = result.context.project.plane_of
    only = {rule.id: REPORTS_IN[rule.check] for rule in RULES.values() if rule.check in REPORTS_IN}
    return [f for f in result.findings if f.rule in only and plane_of(f.path) not in only[f.rule]]


@pytest.mark.parametrize("root", CORPORA, ids=[path.name for path in CORPORA])
def test_the_prefilter_drops_no_file_a_finding_needs(root: Path) -> None:
    """Files the byte scan leaves unparsed must change nothing: a mixin, a base repository or a builder
    naming nothing itself still carries a chain to tenant data."""
    assert keys(lint(root, jobs=1).findings) == keys(lint(root, jobs=1, prefilter=False).findings)
