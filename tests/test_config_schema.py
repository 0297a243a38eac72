"""`molecule-lint schema`: every config of the repository validates, and what config.py rejects, it rejects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO_ROOT, RULES

from molecule_lint import config_schema
from molecule_lint.cli import main
from molecule_lint.config import ConfigError, load_config
from molecule_lint.init import starter_config

SCHEMA = config_schema.build()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def as_json(document: Any) -> Any:
    """What an editor's YAML server sees: YAML 1.2 has no date type, so `until: 2027-03-31` is a string."""
    return json.loads(json.dumps(document, default=str))


def repository_configs() -> dict[str, Any]:
    files = [REPO_ROOT / "examples/molecule-core.yaml", REPO_ROOT / "examples/molecule-platform/molecule-lint.yaml",
             *sorted((REPO_ROOT / "bench").glob("*.yaml"))]
    found = {path.relative_to(REPO_ROOT).as_posix(): yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    for rule in RULES.values():
        for example in (*rule.valid, *rule.invalid):
            if example.config is not None:
                found[f"rules/{rule.id}.yaml: {example.name}"] = example.config
    example = REPO_ROOT / "examples/molecule-platform"
    found["init on examples/molecule-platform"] = yaml.safe_load(starter_config(example))
    return found


CONFIGS = repository_configs()


def test_the_schema_is_a_draft_7_schema_printed_by_the_command() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    run = CliRunner().invoke(main, ["schema"], catch_exceptions=False)
    assert run.exit_code == 0
    assert json.loads(run.stdout) == SCHEMA


def test_the_repository_has_configs_of_every_kind() -> None:
    assert len(CONFIGS) > 20
    assert {"bench/plane.yaml", "bench/saleor.yaml", "examples/molecule-core.yaml"} <= set(CONFIGS)
    assert any(name.startswith("rules/MOL101.yaml") for name in CONFIGS)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_config_in_the_repository_validates(name: str) -> None:
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
              for e in VALIDATOR.iter_errors(as_json(CONFIGS[name]))]
    assert not errors


BAD = {
    "unknown top-level key": {"servcies": []},
    "unknown service key": {"services": [{"name": "a", "plane": "tenant", "paths": ["a/"], "port": 1}]},
    "unknown tenant_data key": {"tenant_data": {"table": ["x"]}},
    "unknown rules key": {"rules": {"selct": ["MOL101"]}},
    "unknown allow key": {"allow": [{"rule": "MOL101", "path": "a.py", "reason": "r", "why": "w"}]},
    "wrong plane": {"services": [{"name": "a", "plane": "control", "paths": ["a/"]}]},
    "plane missing": {"services": [{"name": "a", "paths": ["a/"]}]},
    "paths missing": {"services": [{"name": "a", "plane": "tenant"}]},
    "paths empty": {"services": [{"name": "a", "plane": "tenant", "paths": []}]},
    "name empty": {"services": [{"name": " ", "plane": "tenant", "paths": ["a/"]}]},
    "services a mapping": {"services": {"a": {"plane": "tenant"}}},
    "a service not a mapping": {"services": ["a"]},
    "tables a number": {"tenant_data": {"tables": 3}},
    "a table a number": {"tenant_data": {"tables": ["ok", 3]}},
    "a table empty": {"tenant_data": {"tables": [""]}},
    "tenant_data a list": {"tenant_data": ["agent_memories"]},
    "org_keys a mapping": {"org_keys": {"org_id": True}},
    "exclude a boolean": {"exclude": True},
    "version 2": {"version": 2},
    "allow without a reason": {"allow": [{"rule": "MOL101", "path": "a.py"}]},
    "allow with an empty reason": {"allow": [{"rule": "MOL101", "path": "a.py", "reason": "  "}]},
    "allow with a bad date": {"allow": [{"rule": "MOL101", "path": "a.py", "reason": "r", "until": "next year"}]},
    "allow not a list": {"allow": {"rule": "MOL101"}},
    "the file a list": ["services"],
    "a model with an unknown sink": {"models": [{"call": "corp.db.run", "sink": "database"}]},
    "a model without a call": {"models": [{"sink": "sql", "arg": 1}]},
    "a model with an unknown key": {"models": [{"call": "corp.db.run", "sink": "sql", "argument": 1}]},
    "a model with a negative arg": {"models": [{"call": "corp.db.run", "sink": "sql", "arg": -1}]},
    "a model with a boolean arg": {"models": [{"call": "corp.db.run", "sink": "sql", "arg": True}]},
    "a mirror of a number": {"platform_data": {"mirrors": {"rollups": 3}}},
    "mirrors under tenant_data": {"tenant_data": {"mirrors": ["rollups"]}},
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_what_the_validator_rejects_the_schema_rejects(tmp_path: Path, name: str) -> None:
    path = tmp_path / "molecule-lint.yaml"
    path.write_text(yaml.safe_dump(BAD[name]), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(path)
    assert not VALIDATOR.is_valid(as_json(BAD[name]))


def test_a_key_the_validator_learns_without_a_type_here_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config_schema, "TOP_KEYS", (*config_schema.TOP_KEYS, "plugins"))
    with pytest.raises(RuntimeError, match=r"keys and types differ: \[.plugins.\]"):
        config_schema.build()
