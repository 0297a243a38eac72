"""The config and rules of a run come from the cache while none of their files changed (settings.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_project

from molecule_lint.config import Config, ConfigError, load_config
from molecule_lint.rules import Rule, load_rules
from molecule_lint.settings import load_settings

CONFIG = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
    "rules": {"packs": ["packs/"]},
}
PACK_RULE = (Path(__file__).parent.parent / "rules" / "MOL101.yaml").read_text().replace("MOL101", "ACME101")


class Loads:
    """A loader that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, path: Path) -> tuple[Config, dict[str, Rule]]:
        self.calls += 1
        config = load_config(path)
        return config, load_rules(tuple((config.root / pack).resolve() for pack in config.packs))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", {"cp/a.py": "", "packs/ACME101.yaml": PACK_RULE}, CONFIG)


def test_unchanged_settings_are_not_loaded_again(root: Path, tmp_path: Path) -> None:
    loads = Loads()
    first = load_settings(root / "molecule-lint.yaml", tmp_path / "cache", loads)
    again = load_settings(root / "molecule-lint.yaml", tmp_path / "cache", loads)
    assert loads.calls == 1 and again == first and "ACME101" in again[1]


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "molecule-lint.yaml").write_text((root / "molecule-lint.yaml").read_text() + "org_keys: [ws]\n"),
        lambda root: (root / "packs/ACME101.yaml").write_text(PACK_RULE.replace("severity: error", "severity: warning")),
        lambda root: (root / "packs/ACME102.yaml").write_text(PACK_RULE.replace("ACME101", "ACME102")),  # a new rule file
    ],
)
def test_a_changed_config_or_rule_file_is_loaded_again(root: Path, tmp_path: Path, change: Callable[[Path], object]) -> None:
    loads = Loads()
    load_settings(root / "molecule-lint.yaml", tmp_path / "cache", loads)
    change(root)
    config, rules = load_settings(root / "molecule-lint.yaml", tmp_path / "cache", loads)
    assert loads.calls == 2
    assert (config, rules) == Loads()(root / "molecule-lint.yaml")


def test_settings_with_a_problem_are_never_kept(root: Path, tmp_path: Path) -> None:
    (root / "packs/ACME101.yaml").write_text(PACK_RULE.replace("check:", "chekc:"))
    for _ in range(2):
        with pytest.raises(ConfigError):
            load_settings(root / "molecule-lint.yaml", tmp_path / "cache", Loads())


def test_without_a_cache_settings_are_loaded_every_time(root: Path) -> None:
    loads = Loads()
    load_settings(root / "molecule-lint.yaml", None, loads)
    load_settings(root / "molecule-lint.yaml", None, loads)
    assert loads.calls == 2
