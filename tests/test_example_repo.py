"""End to end on the bundled example monorepo: every planted violation, and nothing else.

Markers in the example's comments (`expect: MOL101`, `expect-suppressed: MOL101`), in
its code, SQL and deployment manifests, say where each finding must be reported; see
examples/molecule-platform/EXPECTED.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLE_ROOT, lint

from molecule_lint.engine import RunResult

MARKER = re.compile(r"\bexpect(?P<suppressed>-suppressed)?\s*:\s*(?P<rules>MOL\d{3}(?:\s*,\s*MOL\d{3})*)")
Key = tuple[str, int, str]


def planted() -> tuple[set[Key], set[Key]]:
    reported: set[Key] = set()
    suppressed: set[Key] = set()
    for path in sorted(EXAMPLE_ROOT.rglob("*")):
        if not _may_hold_markers(path) or "/tests/" in path.as_posix():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in MARKER.finditer(line):
                target = suppressed if match.group("suppressed") else reported
                rel = path.relative_to(EXAMPLE_ROOT).as_posix()
                target.update((rel, number, rule.strip()) for rule in match.group("rules").split(","))
    return reported, suppressed


def _may_hold_markers(path: Path) -> bool:
    """Code, SQL, and deployment manifests (YAML, TOML, dotenv files)."""
    name = path.name
    is_dotenv = name.startswith(".env") or name.endswith(".env")
    return path.is_file() and (path.suffix in (".py", ".sql", ".yaml", ".yml", ".toml") or is_dotenv)


@pytest.fixture(scope="module")
def result() -> RunResult:
    return lint(EXAMPLE_ROOT, jobs=1)


def keys(findings: list) -> set[Key]:  # type: ignore[type-arg]
    return {(f.path, f.loc.line, f.rule) for f in findings}


def test_every_planted_violation_and_nothing_else(result: RunResult) -> None:
    reported, _ = planted()
    assert len(reported) >= 20
    found = keys(result.findings)
    assert sorted(found - reported) == [], "false positives"
    assert sorted(reported - found) == [], "missed violations"


def test_suppressed_violations_are_silenced_not_lost(result: RunResult) -> None:
    _, suppressed = planted()
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
