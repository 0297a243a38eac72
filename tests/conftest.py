"""Shared helpers: build a real project directory from a dict of files, and run the engine on it."""

from __future__ import annotations

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


@pytest.fixture(autouse=True, scope="session")
def _cache_key_home(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The per-user cache key (userkey.py) goes to a temporary folder, for CLI subprocesses too: never the real home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """project(files, config) -> RunResult of a lint over a fresh directory."""

    def build(files: dict[str, str], config: dict[str, Any], **options: Any) -> RunResult:
        write_project(tmp_path, files, config)
        return lint(tmp_path, **options)

    return build
