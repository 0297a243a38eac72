"""Every rule's own examples (Fixit's VALID/INVALID): invalid raises exactly its rule, valid nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RULES, lint, write_project

from molecule_lint.rules import RULE_ID, Example, Rule

CASES = [
    pytest.param(rule, example, kind, id=f"{rule.id}-{kind}-{example.name}")
    for rule in RULES.values()
    for kind, examples in (("invalid", rule.invalid), ("valid", rule.valid))
    for example in examples
]


@pytest.mark.parametrize(("rule", "example", "kind"), CASES)
def test_rule_example(tmp_path: Path, rule: Rule, example: Example, kind: str) -> None:
    write_project(tmp_path, example.files, example.config or {})
    result = lint(tmp_path)
    fired = sorted({f.rule for f in result.findings})
    if kind == "invalid":
        assert fired == [rule.id], [f"{f.path}:{f.loc.line} {f.rule} {f.message}" for f in result.findings]
    else:
        assert fired == [], [f"{f.path}:{f.loc.line} {f.rule} {f.message}" for f in result.findings]


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_is_documented(rule: Rule) -> None:
    assert RULE_ID.match(rule.id)
    assert rule.title and rule.rfc and rule.rationale and rule.fix
    assert rule.valid and rule.invalid, "every rule carries at least one valid and one invalid example"
