"""molecule-lint checks itself: layering, generated docs, types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT, RULES

from molecule_lint.ruledocs import with_table

PACKAGE = REPO_ROOT / "molecule_lint"

# Who may not import whom: frontends know nothing of rules; rules and reporters know nothing of syntax.
FORBIDDEN = {
    "molecule_lint.frontends": ("molecule_lint.checks", "molecule_lint.rules", "molecule_lint.engine",
                                "molecule_lint.graph", "molecule_lint.linker", "molecule_lint.reporters",
                                "molecule_lint.core"),
    # One analysis core for every language: it reads summaries, never a frontend's syntax.
    "molecule_lint.core": ("molecule_lint.frontends", "molecule_lint.checks", "molecule_lint.reporters"),
    "molecule_lint.checks": ("molecule_lint.frontends",),
    "molecule_lint.reporters": ("molecule_lint.frontends", "molecule_lint.checks"),
    "molecule_lint.render": ("molecule_lint.frontends", "molecule_lint.checks", "molecule_lint.engine"),
    "molecule_lint.facts": ("molecule_lint.",),
    "molecule_lint.location": ("molecule_lint.",),
}
# Leaves a layer may use all the same: Location lives apart so that a warm run need not import the facts.
ALLOWED = {"molecule_lint.facts": ("molecule_lint.location",)}


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_layering(path: Path) -> None:
    module = _module_name(path)
    for layer, forbidden in FORBIDDEN.items():
        if module == layer or module.startswith(layer + "."):
            allowed = ALLOWED.get(layer, ())
            bad = sorted(
                name for name in _imports(path)
                if any(name.startswith(f) for f in forbidden) and not any(name.startswith(a) for a in allowed)
            )
            assert not bad, f"{module} must not import {bad}"


def test_readme_rule_table_is_current() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme, RULES), "README rule table is stale: run scripts/document_rules.py"


def test_mypy_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
