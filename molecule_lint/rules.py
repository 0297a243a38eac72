"""Rule packs: YAML files, one rule each, validated like the config.

A rule names the check that finds it (see `checks/`) with its parameters, and
carries its own message, fix, rationale and examples. A pack that fails to
load is a configuration error — never silently fewer rules, never a rule
that cannot fire or a message that fails when a finding is reported.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from molecule_lint.config import ConfigError
from molecule_lint.findings import SEVERITIES
from molecule_lint.steering import UnsafeFile, read_steering_file

if TYPE_CHECKING:  # yamlsource imports PyYAML: a run whose rules come from the cache never needs it
    from molecule_lint.yamlsource import KeyPath

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]{1,7}\d{3}$")
ENGINE_CHECK = "engine"  # produced by the engine itself (MOL901-MOL903), not by a check
_KEYS = ("id", "title", "severity", "rfc", "rationale", "message", "fix", "check", "params", "examples")
_REQUIRED = ("id", "title", "severity", "rfc", "rationale", "message", "check")
_EXAMPLE_KEYS = ("name", "files", "config")
Problem = Callable[["KeyPath", str], None]
MESSAGE_FIELDS = ("service", "what", "target")  # what a rule's `message` may name, filled in by Rule.text


@dataclass(frozen=True, slots=True)
class Param:
    """A check parameter: a non-empty list of strings (from ``choices`` when given), or a number in bounds."""

    kind: type  # list, int or float
    choices: tuple[str, ...] = ()
    minimum: float = 0
    maximum: float | None = None
    default: int | float | None = None  # a parameter added later: packs written before it still load


# The parameters of every check (checks/ registers the code under the same names). Declared here, not
# beside the checks, so that a pack is validated when it loads without importing the analysis.
CHECK_PARAMS: dict[str, dict[str, Param]] = {
    "platform-access": {"kinds": Param(list, choices=("table", "env", "redis", "connect", "http"))},
    "platform-reach": {},
    "cross-org-sql": {},
    "fan-out": {},
    "schema-mirror": {
        "generic_columns": Param(list),
        "min_shared": Param(int, minimum=1),
        "min_coverage": Param(float, maximum=1),
        "common_in": Param(int, minimum=2, default=4),
    },
    "platform-location": {},
    "runtime-org-choice": {},
    "platform-deployment": {"location_vars": Param(list), "location_schemes": Param(list)},
    "tenant-deployment": {"location_vars": Param(list), "location_schemes": Param(list), "shared_words": Param(list)},
}


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

    def text(self, service: str, what: str, target: str) -> str:
        """The finding's message (the fields are validated when the pack loads)."""
        return self.message.format(service=service, what=what, target=target)


def builtin_pack_dir() -> Path:
    """`rules/` of a source checkout, or the copy the wheel carries inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError([f"built-in rule pack not found next to {here}: the installation is broken"])


def load_rules(extra_packs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    """The built-in pack plus the user's packs, by id; duplicate ids are an error."""
    rules: dict[str, Rule] = {}
    problems: list[str] = []
    builtin = builtin_pack_dir()
    for directory in (builtin, *extra_packs):
        files = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
        if not files:
            problems.append(f"{directory}: rule pack has no *.yaml rule files")
        for path in files:
            rule = _load_rule(path, problems, directory == builtin)
            if rule is None:
                continue
            if rule.id in rules:
                problems.append(f"{path}: rule {rule.id} is already defined in {rules[rule.id].source}")
            rules[rule.id] = rule
    if problems:
        raise ConfigError(problems)
    return dict(sorted(rules.items()))


def _load_rule(path: Path, problems: list[str], builtin: bool) -> Rule | None:
    from molecule_lint.yamlsource import YamlError, load_yaml

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
    if data.get("fix") is not None and not isinstance(data["fix"], str):
        problem(("fix",), "expected a string")
    if isinstance(data.get("id"), str) and not RULE_ID.match(data["id"]):
        problem(("id",), f"{data['id']!r} is not a rule id like MOL101")
    if data.get("severity") not in SEVERITIES:
        problem(("severity",), f"expected one of {', '.join(SEVERITIES)}")
    check = data.get("check")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        problem(("params",), "expected a mapping")
        params = {}
    if check == ENGINE_CHECK and not builtin:  # the engine reports MOL901-MOL903 only: such a rule never fires
        known = ", ".join(sorted(CHECK_PARAMS))
        problem(("check",), f"{check!r} is reserved for the built-in rules; known checks: {known}")
    elif check != ENGINE_CHECK and isinstance(check, str) and check.strip():
        if check in CHECK_PARAMS:
            defaults = {name: p.default for name, p in CHECK_PARAMS[check].items() if p.default is not None}
            params = defaults | params
            _check_params(params, CHECK_PARAMS[check], problem)
        else:
            problem(("check",), f"unknown check {check!r}; known: {', '.join(sorted(CHECK_PARAMS))}")
    if isinstance(data.get("message"), str):
        _check_message(data["message"], problem)
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


def _check_params(params: dict[Any, Any], schema: dict[str, Param], problem: Problem) -> None:
    for name in params:
        if name not in schema:
            expected = f"expected one of: {', '.join(schema)}" if schema else "this check takes no params"
            problem(("params", str(name)), f"unknown parameter; {expected}")
    for name, param in schema.items():
        key: KeyPath = ("params", name)
        value = params.get(name)
        if value is None:
            problem(key, "required")
        elif param.kind is list:
            if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
                problem(key, "expected a non-empty list of non-empty strings")
            elif param.choices and (wrong := [item for item in value if item not in param.choices]):
                problem(key, f"unknown {', '.join(map(repr, wrong))}; expected any of: {', '.join(param.choices)}")
        elif isinstance(value, bool) or not isinstance(value, (int, float) if param.kind is float else int):
            problem(key, f"expected {'a number' if param.kind is float else 'a whole number'}")
        elif value < param.minimum or (param.maximum is not None and value > param.maximum):
            at_most = f" and at most {param.maximum}" if param.maximum is not None else ""
            problem(key, f"expected at least {param.minimum}{at_most}")


def _check_message(message: str, problem: Problem) -> None:
    """Only the fields Rule.text fills in, plainly named: an unknown one would fail when a finding is reported."""
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        problem(("message",), f"not a valid message template ({exc}); write a literal brace as {{{{ or }}}}")
        return
    allowed = ", ".join(f"{{{field}}}" for field in MESSAGE_FIELDS)
    for _, name, spec, conversion in parsed:
        if name is None:
            continue  # literal text
        if name not in MESSAGE_FIELDS:
            problem(("message",), f"unknown field {{{name}}}; a message may use {allowed}")
        elif conversion or spec:
            problem(("message",), f"field {{{name}}}: write it plainly, with no conversion or format spec")


def _examples(raw: Any, key: KeyPath, shared_config: dict[str, Any] | None, problem: Problem) -> tuple[Example, ...]:
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
        if not all(isinstance(p, str) and isinstance(c, str) for p, c in item["files"].items()):
            problem((*here, "files"), "expected file paths mapped to their content (strings)")
        if not isinstance(item.get("config", shared_config or {}), dict):
            problem((*here, "config"), "expected a mapping (a config, as in molecule-lint.yaml)")
        unknown = set(item) - set(_EXAMPLE_KEYS)
        if unknown:
            problem(here, f"unknown keys {sorted(unknown)}; expected {', '.join(_EXAMPLE_KEYS)}")
        config = item.get("config", shared_config)
        out.append(Example(str(item.get("name", f"example {i}")), dict(item["files"]), config))
    return tuple(out)


def rule_ids(text: str) -> tuple[str, ...]:
    """Parse a comma-separated --select/--ignore value."""
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())
