"""Writing files: `-o` of every command that has it, and a baseline that must not silently grow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_project
from test_cli import CONFIG, VIOLATION

from molecule_lint.cli import main

COMMANDS = (("check",), ("graph",), ("baseline",))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("where", ["missing", "a file"])
def test_output_into_a_missing_or_unwritable_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], where: str
) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    folder = tmp_path / "out"
    if where == "a file":  # unwritable even for root, who ignores folder modes
        folder.write_text("")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, "--no-cache", "-o", str(folder / "report")])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"molecule-lint: -o {folder / 'report'}: cannot write: ")


def baseline(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["baseline", "--no-cache", "-o", "base.json", *args])
    return result.exit_code, result.stdout + result.stderr


def entries(root: Path) -> list[str]:
    return [e["path"] for e in json.loads((root / "base.json").read_text())["findings"]]


def test_a_plain_baseline_never_overwrites_an_existing_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, VIOLATION, CONFIG)
    monkeypatch.chdir(tmp_path)
    code, output = baseline("--update")  # nothing to ratchet: it would record every finding
    assert code == 2 and "base.json does not exist" in output and not (tmp_path / "base.json").exists()
    assert baseline()[0] == 0
    (tmp_path / "controlplane/new.py").write_text(VIOLATION["controlplane/usage.py"])
    code, output = baseline()
    assert code == 2 and "base.json exists; use --update" in output and "--force" in output
    assert entries(tmp_path) == ["controlplane/usage.py"]  # the new violation was not taken in
    assert baseline("--update")[0] == 0
    assert entries(tmp_path) == ["controlplane/usage.py"]
    assert baseline("--update", "--force")[0] == 2
    assert baseline("--force")[0] == 0
    assert entries(tmp_path) == ["controlplane/new.py", "controlplane/usage.py"]
