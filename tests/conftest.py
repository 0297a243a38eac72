"""Shared helpers: build a real project directory from a dict of files, and run the engine on it."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from molecule_lint.config import load_config
from molecule_lint.engine import Options, RunResult, run
from molecule_lint.rules import Rule, load_rules

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ROOT = REPO_ROOT / "examples" / "molecule-platform"


def write_project(root: Path, files: dict[str, str], config: dict[str, Any] | None = None) -> Path:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(content), encoding="utf-8")
    if config is not None:
        (root / "molecule-lint.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def lint(root: Path, today: date | None = None, **options: Any) -> RunResult:
    config = load_config(root / "molecule-lint.yaml")
    opts = Options(today=today or date(2026, 11, 27), **options)
    return run(config, RULES, opts)


RULES: dict[str, Rule] = load_rules()

# Where a finding must be reported: `expect: MOL101` (or `expect-suppressed: MOL101`) in a comment of
# the line, in code, SQL and deployment manifests (examples/molecule-platform/EXPECTED.md, tests/zoo/).
MARKER = re.compile(r"\bexpect(?P<suppressed>-suppressed)?\s*:\s*(?P<rules>MOL\d{3}(?:\s*,\s*MOL\d{3})*)")
Key = tuple[str, int, str]


def planted(root: Path) -> tuple[set[Key], set[Key]]:
    """(reported, suppressed): the (path, line, rule) the markers under ``root`` ask for."""
    reported: set[Key] = set()
    suppressed: set[Key] = set()
    for path in sorted(root.rglob("*")):
        if not _may_hold_markers(path) or "tests" in path.relative_to(root).parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in MARKER.finditer(line):
                target = suppressed if match.group("suppressed") else reported
                rel = path.relative_to(root).as_posix()
                target.update((rel, number, rule.strip()) for rule in match.group("rules").split(","))
    return reported, suppressed


def _may_hold_markers(path: Path) -> bool:
    """Code, SQL, and deployment manifests (YAML, TOML, dotenv files)."""
    name = path.name
    is_dotenv = name.startswith(".env") or name.endswith(".env")
    return path.is_file() and (path.suffix in (".py", ".sql", ".yaml", ".yml", ".toml") or is_dotenv)


def keys(findings: list[Any]) -> set[Key]:
    return {(f.path, f.loc.line, f.rule) for f in findings}


@pytest.fixture
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """project(files, config) -> RunResult of a lint over a fresh directory."""

    def build(files: dict[str, str], config: dict[str, Any], **options: Any) -> RunResult:
        write_project(tmp_path, files, config)
        return lint(tmp_path, **options)

    return build
