"""User rule packs are validated when they load, as strictly as the config: a rule that cannot fire, or a
message that would fail when a finding is reported, is a config error naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_project
from test_cli import CLEAN, CONFIG, VIOLATION

from molecule_lint.checks import CHECKS, load_builtin_checks
from molecule_lint.checks.access import _WHAT
from molecule_lint.cli import main
from molecule_lint.rules import CHECK_PARAMS

HEAD = "id: MOL999\ntitle: t\nseverity: error\nrfc: r\nrationale: r\n"


def run_with_pack(root: Path, files: dict[str, str], rule: str, command: str = "check") -> tuple[int, list[str], str]:
    write_project(root, files, {**CONFIG, "rules": {"packs": ["house"]}})
    (root / "house").mkdir(exist_ok=True)
    (root / "house" / "r.yaml").write_text(HEAD + rule)
    args = [command, str(root), "--no-cache"] if command == "check" else [command, "--config", str(root / "molecule-lint.yaml")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    prefix = f"molecule-lint: config error: {root / 'house' / 'r.yaml'}:"
    problems = [line.removeprefix(prefix) for line in result.stderr.splitlines()]
    return result.exit_code, problems, result.stdout


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ('{kinds: "table"}', "8: params.kinds: expected a non-empty list of non-empty strings"),
        ("{kinds: []}", "8: params.kinds: expected a non-empty list of non-empty strings"),
        ("{kinds: [tabel]}", "8: params.kinds: unknown 'tabel'; expected any of: table, env, redis, connect, http"),
        ("{}", "8: params.kinds: required"),
        ("{kinds: [table], kind: [env]}", "8: params.kind: unknown parameter; expected one of: kinds"),
    ],
)
def test_bad_check_params_are_a_config_error(tmp_path: Path, params: str, problem: str) -> None:
    code, problems, out = run_with_pack(tmp_path, CLEAN, f"message: m\ncheck: platform-access\nparams: {params}\n")
    assert (code, problems, out) == (2, [problem], "")


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ("{generic_columns: [id], min_coverage: 2, min_shared: 3}", "9: params.min_coverage: expected at least 0 and at most 1"),
        ("{generic_columns: [id], min_coverage: 0.5, min_shared: 0.5}", "9: params.min_shared: expected a whole number"),
        ("{generic_columns: [id], min_coverage: yes, min_shared: 3}", "9: params.min_coverage: expected a number"),
        # common_in came later: packs without it load (its default), one given is checked
        ("{generic_columns: [id], min_coverage: 0.5, min_shared: 3, common_in: 1}", "9: params.common_in: expected at least 2"),
    ],
)
def test_numeric_params_are_checked_for_type_and_range(tmp_path: Path, params: str, problem: str) -> None:
    code, problems, _ = run_with_pack(tmp_path, CLEAN, f"message: m\ncheck: schema-mirror\n\nparams: {params}\n")
    assert (code, problems) == (2, [problem])


def test_the_engine_check_is_reserved_for_the_built_in_rules(tmp_path: Path) -> None:
    code, problems, _ = run_with_pack(tmp_path, CLEAN, "message: m\ncheck: engine\n")
    assert code == 2 and problems[0].startswith("7: check: 'engine' is reserved for the built-in rules; known checks: ")


def test_a_check_without_params_takes_none(tmp_path: Path) -> None:
    code, problems, _ = run_with_pack(tmp_path, CLEAN, "message: m\ncheck: fan-out\nparams: {kinds: [table]}\n")
    assert (code, problems) == (2, ["8: params.kinds: unknown parameter; this check takes no params"])


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("'{service} reads {table}'", "6: message: unknown field {table}; a message may use {service}, {what}, {target}"),
        ("'{what.__class__}'", "6: message: unknown field {what.__class__}; a message may use {service}, {what}, {target}"),
        ("'{what!r}'", "6: message: field {what}: write it plainly, with no conversion or format spec"),
        ("'reads {what'", "6: message: not a valid message template (expected '}' before end of string); write a literal brace as {{ or }}"),
    ],
)
def test_a_message_field_the_engine_does_not_fill_is_an_error_at_load_time(tmp_path: Path, message: str, problem: str) -> None:
    # `rules` never runs a check: the pack is refused before any finding could be reported.
    code, problems, _ = run_with_pack(tmp_path, VIOLATION, f"message: {message}\ncheck: platform-access\nparams: {{kinds: [table]}}\n", "rules")
    assert (code, problems) == (2, [problem])


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path: Path) -> None:
    rule = (
        "message: '{org}'\ncheck: platform-access\nparams: {kinds: table}\nexamples:\n  valid:\n    - files: {a.py: 1}\n"
        "fix: [a, b]\n"
    )
    code, problems, _ = run_with_pack(tmp_path, CLEAN, rule)
    assert code == 2
    assert problems == [
        "12: fix: expected a string",
        "8: params.kinds: expected a non-empty list of non-empty strings",
        "6: message: unknown field {org}; a message may use {service}, {what}, {target}",
        "11: examples.valid.0.files: expected file paths mapped to their content (strings)",
    ]


def test_a_valid_pack_rule_fires_with_its_message(tmp_path: Path) -> None:
    rule = "message: 'house rule: {service} {what} ({target})'\ncheck: platform-access\nparams: {kinds: [table]}\n"
    code, _, out = run_with_pack(tmp_path, VIOLATION, rule)
    assert code == 1
    assert "MOL999 house rule: controlplane reads tenant table `agent_memories` (agent_memories)" in out


def test_the_param_schema_declares_every_registered_check() -> None:
    load_builtin_checks()
    assert set(CHECK_PARAMS) == set(CHECKS)
    assert set(CHECK_PARAMS["platform-access"]["kinds"].choices) == set(_WHAT)
