"""Property-based tests (hypothesis): the frontend never raises, and findings are stable under
edits that should not matter. Example budgets are small so CI stays fast; bench/fuzz.py runs longer."""

from __future__ import annotations

import keyword
import random
from dataclasses import replace

import hypothesmith
import pytest
from conftest import lint, write_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from molecule_lint import engine
from molecule_lint.config import Config
from molecule_lint.discover import Discovery
from molecule_lint.facts import FileFacts
from molecule_lint.frontends.python import analyze_python

FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
CONFIG = {
    "services": [
        {"name": "cp", "plane": "platform", "paths": ["cp/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"], "env": ["TENANT_DATABASE_URL"]},
}
VIOLATION = 'def read(db):\n    return db.execute("SELECT body FROM agent_memories WHERE id = %s")\n'
HELPER = "from common.store import load\n\n\ndef report(db):\n    return load(db)\n"
STORE = 'import os\n\n\ndef load(db):\n    return os.environ["TENANT_DATABASE_URL"]\n'


def _locations_inside(facts: FileFacts, source: str) -> bool:
    lines = source.splitlines() or [""]
    for fact in facts.facts:
        loc = fact.loc
        if not (1 <= loc.line <= loc.end_line <= len(lines) + 1 and loc.column >= 1):
            return False
    return True


@FAST
@given(hypothesmith.from_grammar())
def test_frontend_never_raises_on_generated_programs(source: str) -> None:
    facts = analyze_python("gen.py", "gen", source.encode("utf-8", "surrogatepass"))
    assert facts.internal is False
    assert _locations_inside(facts, source)


@FAST
@given(st.binary(max_size=400))
def test_frontend_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    facts = analyze_python("gen.py", "gen", data)
    assert facts.error is not None or facts.facts is not None


_FILLER = st.lists(st.sampled_from(["", "# a comment", "# agent_memories in a comment", "X = 1", "import json"]), max_size=6)


@FAST
@given(_FILLER)
def test_inserting_lines_above_moves_a_finding_but_keeps_its_fingerprint(tmp_path_factory: pytest.TempPathFactory, filler: list[str]) -> None:
    before = lint(write_project(tmp_path_factory.mktemp("a"), {"cp/x.py": VIOLATION}, CONFIG), jobs=1)
    prefix = "".join(line + "\n" for line in filler)
    after = lint(write_project(tmp_path_factory.mktemp("b"), {"cp/x.py": prefix + VIOLATION}, CONFIG), jobs=1)
    assert [(f.rule, f.fingerprint) for f in before.findings] == [(f.rule, f.fingerprint) for f in after.findings]
    assert [f.loc.line + len(filler) for f in before.findings] == [f.loc.line for f in after.findings]


# A name the code can be renamed to: not a keyword (`if` makes a syntax error, not another name).
_IDENT = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda s: s not in {"load", "os", "db", "common"} and not keyword.iskeyword(s)
)


@FAST
@given(_IDENT)
def test_renaming_a_non_tenant_identifier_changes_no_finding(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    files = {"common/__init__.py": "", "common/store.py": STORE, "cp/__init__.py": "", "cp/report.py": HELPER}
    renamed = {**files, "cp/report.py": HELPER.replace("report", name)}
    before = lint(write_project(tmp_path_factory.mktemp("a"), files, CONFIG), jobs=1)
    after = lint(write_project(tmp_path_factory.mktemp("b"), renamed, CONFIG), jobs=1)
    assert [(f.rule, f.path, f.loc.line, f.target) for f in before.findings] == [
        (f.rule, f.path, f.loc.line, f.target) for f in after.findings
    ]
    assert [f.rule for f in before.findings] == ["MOL104", "MOL102"]  # the import, the call


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.randoms(use_true_random=False), st.sampled_from([1, 2]))
def test_output_order_is_independent_of_discovery_order_and_jobs(
    tmp_path_factory: pytest.TempPathFactory, rng: random.Random, jobs: int
) -> None:
    files = {f"cp/m{i}.py": VIOLATION for i in range(70)} | {"common/__init__.py": "", "common/store.py": STORE}
    root = write_project(tmp_path_factory.mktemp("p"), files, CONFIG)
    reference = lint(root, jobs=1)
    original = engine.discover

    def shuffled(config: Config) -> Discovery:
        found = original(config)
        files = list(found.files)
        rng.shuffle(files)
        return replace(found, files=tuple(files))

    engine.discover = shuffled  # type: ignore[assignment]
    try:
        result = lint(root, jobs=jobs)
    finally:
        engine.discover = original  # type: ignore[assignment]
    assert [(f.path, f.loc.line, f.rule, f.fingerprint) for f in result.findings] == [
        (f.path, f.loc.line, f.rule, f.fingerprint) for f in reference.findings
    ]
