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


def _django_migration(model: str, table: str, *fields: str) -> str:
    columns = "".join(f'                ("{f}", models.ForeignKey(to="db.{f.title()}", on_delete=models.CASCADE)),\n' for f in fields)
    return (
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        "    operations = [\n"
        "        migrations.CreateModel(\n"
        f'            name="{model}",\n'
        "            fields=[\n"
        '                ("id", models.UUIDField(primary_key=True)),\n'
        '                ("created_at", models.DateTimeField()),\n'
        f"{columns}"
        "            ],\n"
        f'            options={{"db_table": "{table}"}},\n'
        "        ),\n"
        "    ]\n"
    )


def test_init_splits_a_platform_app_out_of_a_django_monolith_and_finds_the_org_key(tmp_path: Path) -> None:
    """Plane's shape: one Django project; its instance-admin app is the platform, its data is keyed by workspace."""
    api = "apps/api/plane"
    write_project(tmp_path, {
        f"{api}/__init__.py": "",
        f"{api}/db/__init__.py": "",
        f"{api}/db/models/__init__.py": "",
        f"{api}/db/migrations/__init__.py": "",
        f"{api}/db/migrations/0001_initial.py": _django_migration("Workspace", "workspaces", "owner"),
        f"{api}/db/migrations/0002_issues.py": _django_migration("Issue", "issues", "workspace", "project"),
        f"{api}/db/migrations/0003_pages.py": _django_migration("Page", "pages", "workspace", "owner"),
        f"{api}/db/migrations/0004_labels.py": _django_migration("Label", "labels", "workspace", "project"),
        f"{api}/app/__init__.py": "",
        f"{api}/app/views.py": "from plane.db.models import Issue\n",
        f"{api}/license/__init__.py": "",
        f"{api}/license/models.py": "",
        f"{api}/license/migrations/__init__.py": "",
        f"{api}/license/migrations/0001_initial.py": _django_migration("Instance", "instances"),
        f"{api}/app/platform/__init__.py": "",  # the tenant's client of the platform: not split out
        f"{api}/app/platform/client.py": "",
    })
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / "molecule-lint.yaml")
    assert [(s.name, s.plane, s.paths) for s in config.services] == [
        ("license", "platform", ("apps/api/plane/license/",)),
        ("api", "tenant", ("apps/api/",)),
    ]
    assert config.tenant_data.migrations == ("apps/api/plane/db/migrations/*.py",)
    assert config.tenant_data.modules == ("plane.db.models",)
    assert config.platform_data.migrations == ("apps/api/plane/license/migrations/*.py",)
    assert config.org_keys == ("workspace_id",)
    text = (tmp_path / "molecule-lint.yaml").read_text()
    assert "create 4 tables, 3 keyed by `workspace_id`" in text  # each guess says why
    assert "the column 3 of 4 tables share" in text


def test_init_reads_alembic_versions_for_the_org_key(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "billing/app.py": "",
        "services/api/app.py": "",
        "services/api/alembic/versions/a1_init.py": (
            'revision = "a1"\ndown_revision = None\n\n\ndef upgrade():\n'
            '    op.create_table("notes", sa.Column("id", sa.Integer), sa.Column("tenant_id", sa.Integer))\n'
            '    op.create_table("tags", sa.Column("id", sa.Integer), sa.Column("tenant_id", sa.Integer))\n'
        ),
    })
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    config = load_config(tmp_path / "molecule-lint.yaml")
    assert {s.name: s.plane for s in config.services} == {"billing": "platform", "api": "tenant"}
    assert config.tenant_data.migrations == ("services/api/alembic/versions/*.py",)
    assert config.org_keys == ("tenant_id",)


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


def test_init_names_and_anchors_folders_that_share_a_name(tmp_path: Path) -> None:
    # go-admin's layout: `app/` beside `cmd/app/`. A service name is a key: a repeat takes its path
    # (`cmd-app`), numbered when that is taken too (`config/` after `cmd/config/`).
    write_project(
        tmp_path,
        {"app/admin/models.py": "", "cmd/app/main.go": "package main\n", "cmd/config/main.go": "package main\n",
         "config/settings.py": "", "workspace/x.py": ""},
    )
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = load_config(tmp_path / "molecule-lint.yaml")
    assert {s.name: s.paths for s in config.services} == {
        "app": ("/app/",), "cmd-app": ("cmd/app/",), "config": ("cmd/config/",), "config-2": ("/config/",),
        "workspace": ("/workspace/",)}
    # and each service owns its own files: `/app/` does not claim `cmd/app/main.go`
    checked = CliRunner().invoke(main, ["check", "--no-cache", "--exit-zero", str(tmp_path)])
    assert checked.exit_code == 0 and "all match" not in checked.stderr, checked.output
