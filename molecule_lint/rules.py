"""Rule packs: YAML files, one rule each, validated like the config.

A rule names the check that finds it (see `checks/`) with its parameters, and
carries its own message, fix, rationale and examples. A pack that fails to
load is a configuration error — never silently fewer rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from molecule_lint.config import ConfigError
from molecule_lint.findings import SEVERITIES
from molecule_lint.steering import UnsafeFile, read_steering_file
from molecule_lint.yamlsource import KeyPath, YamlError, load_yaml

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]{1,7}\d{3}$")
ENGINE_CHECK = "engine"  # produced by the engine itself (MOL901-MOL903), not by a check
_KEYS = ("id", "title", "severity", "rfc", "rationale", "message", "fix", "check", "params", "examples")
_REQUIRED = ("id", "title", "severity", "rfc", "rationale", "message", "check")
_EXAMPLE_KEYS = ("name", "files", "config")


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    files: dict[str, str]  # path -> content
    config: dict[str, Any] | None  # the example's own config, else the rule's `examples.config`


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    severity: str
    rfc: str
    rationale: str
    message: str  # may use {service} and {what}
    fix: str | None
    check: str
    params: dict[str, Any]
    valid: tuple[Example, ...]
    invalid: tuple[Example, ...]
    source: str


def builtin_pack_dir() -> Path:
    """`rules/` of a source checkout, or the copy the wheel carries inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError([f"built-in rule pack not found next to {here}: the installation is broken"])


def load_rules(extra_packs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    """The built-in pack plus the user's packs, by id; duplicate ids are an error.

    Whether each rule's `check` exists is asked by `unknown_checks` when checks are about to run: the
    check modules import the whole analysis, which a run answered from the cache never needs.
    """
    rules: dict[str, Rule] = {}
    problems: list[str] = []
    for directory in (builtin_pack_dir(), *extra_packs):
        files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
        if not files:
            problems.append(f"{directory}: rule pack has no *.yaml rule files")
        for path in files:
            rule = _load_rule(path, problems)
            if rule is None:
                continue
            if rule.id in rules:
                problems.append(f"{path}: rule {rule.id} is already defined in {rules[rule.id].source}")
            rules[rule.id] = rule
    if problems:
        raise ConfigError(problems)
    return dict(sorted(rules.items()))


def _load_rule(path: Path, problems: list[str]) -> Rule | None:
    try:
        located = load_yaml(read_steering_file(path, path.parent).decode("utf-8"))
    except YamlError as exc:
        problems.append(f"{path}:{exc.line or 1}: {exc.message}")
        return None
    except UnsafeFile as exc:
        problems.append(f"{path}: rule file not read: it {exc}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: cannot read rule file: {exc}")
        return None
    before = len(problems)

    def problem(key: KeyPath, message: str) -> None:
        problems.append(f"{path}:{located.line(key) or 1}: {'.'.join(map(str, key))}: {message}")

    data = located.value
    if not isinstance(data, dict):
        problems.append(f"{path}:1: a rule file holds one mapping")
        return None
    for key in data:
        if key not in _KEYS:
            problem((str(key),), f"unknown key; expected one of: {', '.join(_KEYS)}")
    for key in _REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            problem((key,), "required, a non-empty string")
    if isinstance(data.get("id"), str) and not RULE_ID.match(data["id"]):
        problem(("id",), f"{data['id']!r} is not a rule id like MOL101")
    if data.get("severity") not in SEVERITIES:
        problem(("severity",), f"expected one of {', '.join(SEVERITIES)}")
    check = data.get("check")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        problem(("params",), "expected a mapping")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"config", "valid", "invalid"}:
        problem(("examples",), "expected a mapping with `config`, `valid` and `invalid`")
        examples = {}
    shared_config = examples.get("config")
    valid = _examples(examples.get("valid"), ("examples", "valid"), shared_config, problem)
    invalid = _examples(examples.get("invalid"), ("examples", "invalid"), shared_config, problem)
    if len(problems) > before:
        return None
    return Rule(
        id=data["id"],
        title=data["title"].strip(),
        severity=data["severity"],
        rfc=data["rfc"].strip(),
        rationale=data["rationale"].strip(),
        message=data["message"].strip(),
        fix=(data.get("fix") or "").strip() or None,
        check=str(check),
        params=params,
        valid=valid,
        invalid=invalid,
        source=f"{path}:{located.line(('check',)) or 1}",
    )


def _examples(raw: Any, key: KeyPath, shared_config: dict[str, Any] | None, problem: Any) -> tuple[Example, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problem(key, "expected a list of examples")
        return ()
    out = []
    for i, item in enumerate(raw):
        here = (*key, i)
        if not isinstance(item, dict) or not isinstance(item.get("files"), dict):
            problem(here, "an example is a mapping with `files` (path: content)")
            continue
        unknown = set(item) - set(_EXAMPLE_KEYS)
        if unknown:
            problem(here, f"unknown keys {sorted(unknown)}; expected {', '.join(_EXAMPLE_KEYS)}")
        config = item.get("config", shared_config)
        out.append(Example(str(item.get("name", f"example {i}")), dict(item["files"]), config))
    return tuple(out)


def unknown_checks(rules: dict[str, Rule]) -> None:
    """Raise ConfigError naming every rule whose `check` no check module registers."""
    from molecule_lint.checks import CHECKS, load_builtin_checks

    load_builtin_checks()
    known = ", ".join(sorted(CHECKS))
    problems = [
        f"{rule.source}: check: unknown check {rule.check!r}; known: {known}"
        for rule in rules.values()
        if rule.check != ENGINE_CHECK and rule.check not in CHECKS
    ]
    if problems:
        raise ConfigError(problems)


def rule_ids(text: str) -> tuple[str, ...]:
    """Parse a comma-separated --select/--ignore value."""
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())
