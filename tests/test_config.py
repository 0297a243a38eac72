"""Config loading: every key of SPEC §3, and errors that name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from molecule_lint.config import ConfigError, builtin_models, find_config, load_config

FULL = """\
version: 1
services:
  - name: controlplane
    plane: platform
    paths: ["controlplane/"]
  - name: workspace-server
    plane: tenant
    paths: ["workspace_server/"]
    urls: ["WORKSPACE_SERVER_URL", "http://workspace-server:8080"]
tenant_data:
  tables: [Agent_Memories]
  migrations: ["workspace_server/migrations/*.sql"]
  env: [TENANT_DATABASE_URL]
  redis_keys: ["ws:*"]
  endpoints: ["/workspaces/*/memories"]
  modules: ["workspace_server.store"]
platform_data:
  tables: [orgs]
org_keys: [org_id]
exclude: ["**/tests/**"]
rules:
  select: []
  ignore: [MOL903]
  packs: []
allow:
  - rule: MOL103
    path: controlplane/health/probe.py
    reason: "liveness probe reads /health only"
    until: 2027-03-01
"""


def write(tmp_path: Path, text: str, name: str = "molecule-lint.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_full_config_loads(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    assert [s.name for s in config.services] == ["controlplane", "workspace-server"]
    assert config.services[1].urls == ("WORKSPACE_SERVER_URL", "http://workspace-server:8080")
    assert config.tenant_data.tables == ("agent_memories",)
    assert config.tenant_data.modules == ("workspace_server.store",)
    assert config.ignore == ("MOL903",)
    assert config.allow[0].until is not None and config.allow[0].until.isoformat() == "2027-03-01"
    assert config.allow[0].line == 26
    assert config.root == tmp_path.resolve()


def test_errors_name_file_line_and_key_all_at_once(tmp_path: Path) -> None:
    text = FULL.replace("plane: tenant", "plane: tennant").replace("org_keys:", "org_keyz:")
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    problems = info.value.problems
    assert "molecule-lint.yaml:7: services[1].plane: expected one of platform, tenant, shared, got 'tennant'" in problems
    assert any(p.startswith("molecule-lint.yaml:19: org_keyz: unknown key (did you mean `org_keys`?)") for p in problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the config file is empty"),
        ("services: 3\n", "services: expected a list of services, got a number"),
        ("allow:\n  - rule: MOL101\n    path: x.py\n", "allow[0].reason: an allow entry needs a reason"),
        ("allow:\n  - {rule: MOL101, path: x, reason: r, until: soon}\n", "expected a date like 2027-03-01"),
        ("a: [1\n", "invalid YAML"),
        ("version: 1\nversion: 2\n", "duplicate key 'version'"),
        ("version: 2\n", "unsupported version 2"),
        ("a: 1\n\x1f", "molecule-lint.yaml:2: invalid YAML: character U+001F is not allowed"),  # found by scripts/fuzz.py
        ("models: {call: x}\n", "models: expected a list of models, got a mapping"),
        ("models:\n  - {call: a.b, sink: ftp}\n", "models[0].sink: expected one of sql, http, env, redis, connect"),
        ("models:\n  - {call: a.b, sink: sql, arg: -1}\n", "models[0].arg: expected an argument position"),
        ("models:\n  - {call: a.b, sink: env, result: yes}\n", "models[0].result: expected a result position"),
        ("models:\n  - {call: a.New.Do, sink: http, constructor: 1}\n", "models[0].constructor: expected true or false"),
        ("models:\n  - {call: a.S.get, sink: sql, prefix: env_prefix}\n", "models[0].prefix: expected, of an env reader"),
        ("models:\n  - {call: a.S.get, sink: env, prefix: =APP}\n", "models[0].prefix: expected, of an env reader"),
        ("models:\n  - {call: a.b, sink: sql, args: 1}\n", "models[0].args: unknown key (did you mean `arg`?)"),
        ("models:\n  - {sink: sql}\n", "models[0].call: expected a non-empty string"),
        ("platform_data: {mirrors: {rollups: 3}}\n", "platform_data.mirrors.rollups: expected a non-empty string"),
        ("platform_data: {mirrors: 3}\n", "platform_data.mirrors: expected a list of strings, got a number"),
        ("tenant_data: {mirrors: [x]}\n", "tenant_data.mirrors: unknown key"),
        (
            "tenant_data: {tables: [memories]}\nplatform_data: {mirrors: [Memories]}\n",
            "platform_data.mirrors[0]: `memories` is also listed in tenant_data.tables",
        ),
    ],
)
def test_bad_configs(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert any(expected in p for p in info.value.problems), info.value.problems
    assert all("\n" not in p for p in info.value.problems)


def test_mirrors_name_the_tenant_table_or_not(tmp_path: Path) -> None:
    as_mapping = load_config(write(tmp_path, "platform_data:\n  mirrors: {Usage_Rollups: agent_memories}\n"))
    assert as_mapping.platform_data.mirrors == (("usage_rollups", "agent_memories"),)
    as_list = load_config(write(tmp_path, "platform_data:\n  mirrors: [usage_rollups, fleet_stats]\n"))
    assert as_list.platform_data.mirrors == (("usage_rollups", ""), ("fleet_stats", ""))


def test_models_declare_wrappers(tmp_path: Path) -> None:
    text = "models:\n  - {call: corp.db.run_query, sink: sql, arg: 1}\n  - {call: corp.get, sink: env, arg: name}\n"
    models = load_config(write(tmp_path, text)).models
    assert [(m.call, m.sink, m.arg) for m in models] == [("corp.db.run_query", "sql", 1), ("corp.get", "env", "name")]


def test_a_model_may_read_its_argument_from_the_call_that_made_the_receiver(tmp_path: Path) -> None:
    text = "models:\n  - {call: corp.rpc.Dial.send, sink: http, arg: 0, constructor: true}\n"
    assert [m.constructor for m in load_config(write(tmp_path, text)).models] == [True]


def test_the_built_in_library_models_are_valid() -> None:
    assert {model.sink for model in builtin_models()} == {"sql", "http", "env", "redis", "connect", "table"}


def test_yaml_bomb_is_refused_not_expanded(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "\n".join(lines) + "\n"))
    assert "refusing to expand" in info.value.problems[0]


def test_pyproject_table(tmp_path: Path) -> None:
    write(
        tmp_path,
        '[project]\nname = "x"\n\n[tool.molecule-lint]\norg_keys = ["tenant_id"]\n\n'
        '[[tool.molecule-lint.services]]\nname = "cp"\nplane = "platform"\npaths = ["cp/"]\n',
        "pyproject.toml",
    )
    nested = tmp_path / "cp" / "deep"
    nested.mkdir(parents=True)
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.org_keys == ("tenant_id",)
    assert config.services[0].name == "cp"


def test_pyproject_errors_point_at_the_key(tmp_path: Path) -> None:
    path = write(tmp_path, '[tool.molecule-lint]\nversion = 1\nservicez = []\n', "pyproject.toml")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.problems[0].startswith("pyproject.toml:3: servicez: unknown key (did you mean `services`?)")
