"""The wheel carries the built-in rule pack and library models where the installed package looks for them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO_ROOT


def test_wheel_ships_the_rule_pack(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO_ROOT)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("molecule_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {name.rsplit("/", 1)[-1] for name in names if name.startswith("molecule_lint/rules/")}
    assert rules == {path.name for path in (REPO_ROOT / "rules").glob("*.yaml")}
    # builtin_pack_dir() looks beside rules.py first: the installed layout.
    assert "molecule_lint/rules.py" in names
    assert "molecule_lint/models/python.yaml" in names  # the library models the value-flow core loads
    assert any(name.endswith("entry_points.txt") for name in names)
