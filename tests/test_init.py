"""`molecule-lint init` writes a config that validates and runs, and never overwrites silently."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_ROOT, write_project

from molecule_lint.cli import main
from molecule_lint.config import load_config


def test_init_on_a_fresh_repo_guesses_planes_migrations_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(
        tmp_path,
        {
            "controlplane/app.py": "import os\nDB = os.environ['DATABASE_URL']\n",
            "services/workspace-server/main.go": 'package main\n\nimport "os"\n\nvar dsn = os.Getenv("TENANT_DATABASE_URL")\n',
            "services/workspace-server/migrations/001_init.sql": "CREATE TABLE agent_memories (id int);\n",
            "libs/common/util.py": "",
            "mystery/x.py": "",
        },
    )
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    config = load_config(tmp_path / "molecule-lint.yaml")
    planes = {s.name: s.plane for s in config.services}
    assert planes == {"controlplane": "platform", "workspace-server": "tenant", "libs": "shared", "mystery": "shared"}
    assert config.tenant_data.migrations == ("services/workspace-server/migrations/*.sql",)
    assert config.tenant_data.env == ("TENANT_DATABASE_URL",)
    assert "unknown: platform, tenant or shared?" in (tmp_path / "molecule-lint.yaml").read_text()
    assert runner.invoke(main, ["check", "--no-cache"]).exit_code in (0, 1)
    again = runner.invoke(main, ["init"])
    assert again.exit_code == 2 and "use --force" in again.stderr
    assert runner.invoke(main, ["init", "--force"]).exit_code == 0


def test_init_on_the_example_monorepo(tmp_path: Path) -> None:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE_ROOT, copy)
    (copy / "molecule-lint.yaml").unlink()
    result = CliRunner().invoke(main, ["init", str(copy)])
    assert result.exit_code == 0, result.output
    config = load_config(copy / "molecule-lint.yaml")
    planes = {s.name: s.plane for s in config.services}
    assert planes["controlplane"] == "platform"
    assert planes["workspace_server"] == "tenant" and planes["memory_plugin"] == "tenant"
    assert "workspace_server/migrations/*.sql" in config.tenant_data.migrations
    assert "controlplane/migrations/*.sql" in config.platform_data.migrations


def test_init_never_writes_through_a_symlink(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write_project(root, {"controlplane/app.py": ""})
    outside = tmp_path / "outside.yaml"
    os.symlink(outside, root / "molecule-lint.yaml")  # dangling: a PR's trap for `init`
    runner = CliRunner()
    refused = runner.invoke(main, ["init", str(root)])
    assert refused.exit_code == 2 and "use --force" in refused.stderr
    assert runner.invoke(main, ["init", str(root), "--force"]).exit_code == 0
    assert not outside.exists() and not (root / "molecule-lint.yaml").is_symlink()
