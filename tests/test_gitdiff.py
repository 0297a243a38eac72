"""`check --diff` against real git: every file name git quotes, any diff settings of the repository's,
deletions, and a repository config that would have git run a program."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import git, write_project
from test_git_workflows import CONFIG, check

from molecule_lint.gitdiff import changed_settings

VIOLATION = 'def n(db):\n    return db.execute("SELECT body FROM agent_memories WHERE id = %s")\n'
CLEAN = "def n(db):\n    return 1\n"
NAMES = ["a b.py", "é.py", "日本.py", 'q"x.py', "t\tb.py", "back\\slash.py", "n\nl.py", "plain.py"]


def committed(tmp_path: Path, files: dict[str, str]) -> Path:
    root = write_project(tmp_path / "repo", files, CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


@pytest.mark.parametrize(
    "settings",
    [(), ("diff.mnemonicPrefix", "true"), ("diff.noprefix", "true"), ("color.diff", "always"), ("core.quotePath", "true")],
)
def test_findings_in_files_whose_names_git_quotes_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: tuple[str, ...]
) -> None:
    root = committed(tmp_path, {f"controlplane/{name}": CLEAN for name in NAMES})
    if settings:
        git(root, "config", *settings)
    for name in NAMES:  # committed, staged and untracked changes all count
        (root / "controlplane" / name).write_text(VIOLATION)
    git(root, "commit", "-qm", "violations", "--", *(f"controlplane/{n}" for n in NAMES[:3]))
    git(root, "add", "--", *(f"controlplane/{n}" for n in NAMES[3:5]))
    (root / "controlplane" / "new file é.py").write_text(VIOLATION)
    code, findings, err = check(root, monkeypatch, "--diff", "HEAD~1")
    assert code == 1, err
    assert sorted(f["path"] for f in findings) == sorted(f"controlplane/{n}" for n in [*NAMES, "new file é.py"])


def test_a_project_in_a_subfolder_of_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    project = write_project(root / "apps" / "api", {"controlplane/a b.py": CLEAN, "controlplane/é.py": CLEAN}, CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    (project / "controlplane" / "a b.py").write_text(VIOLATION)
    (project / "controlplane" / "new é.py").write_text(VIOLATION)
    code, findings, _ = check(project, monkeypatch, "--diff", "HEAD")
    assert code == 1 and [f["path"] for f in findings] == ["controlplane/a b.py", "controlplane/new é.py"]


def test_an_added_line_that_looks_like_a_file_header_does_not_redirect_later_hunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = committed(tmp_path, {"controlplane/a.py": "x = 1\ny = 2\nz = 3\n"})
    # `++ b/elsewhere.py` is valid Python; as an added line, git prints it `+++ b/elsewhere.py`.
    (root / "controlplane/a.py").write_text("++ b/elsewhere.py\nx = 1\ny = 2\nz = 3\n" + VIOLATION)
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD")
    assert code == 1 and [f["path"] for f in findings] == ["controlplane/a.py"]


QUERY = '''\
def usage(db):
    return db.execute(
        """
        SELECT count(*)
        FROM agent_memories
        WHERE org_id = %s
        """
    )
'''


def test_deleting_the_org_predicate_of_a_query_reports_the_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = committed(tmp_path, {"controlplane/usage.py": QUERY})
    assert check(root, monkeypatch, "--diff", "HEAD", "--select", "MOL201")[1] == []
    (root / "controlplane/usage.py").write_text(QUERY.replace("        WHERE org_id = %s\n", ""))
    git(root, "commit", "-qam", "drop the predicate")
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD~1", "--select", "MOL201")
    assert code == 1 and [(f["rule"], f["line"]) for f in findings] == [("MOL201", 2)]


def test_deleting_a_suppression_reports_what_it_silenced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    query = 'OLD = "SELECT id FROM agent_memories WHERE id = %s"\n'
    suppressed = "# molecule-lint: ignore[MOL101] -- legacy report, tracked in #12\n" + query
    root = committed(tmp_path, {"controlplane/usage.py": "import os\n\n" + suppressed})
    assert check(root, monkeypatch)[:2] == (0, [])
    (root / "controlplane/usage.py").write_text("import os\n\n" + query)
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD")
    assert code == 1 and [(f["rule"], f["line"]) for f in findings] == [("MOL101", 3)]
    # A deletion at the top of the file changes the line that follows it.
    root = committed(tmp_path / "top", {"controlplane/usage.py": suppressed})
    (root / "controlplane/usage.py").write_text(query)
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD")
    assert code == 1 and [(f["rule"], f["line"]) for f in findings] == [("MOL101", 1)]


def test_an_unchanged_neighbourhood_stays_out_of_the_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # common/: every service matches a file, so that stderr, where warnings go, has nothing to say
    root = committed(tmp_path, {"controlplane/usage.py": VIOLATION + "\n\nX = 1\nY = 2\n", "common/__init__.py": ""})
    (root / "controlplane/usage.py").write_text(VIOLATION + "\n\nY = 2\n")
    assert check(root, monkeypatch, "--diff", "HEAD") == (0, [], "")


@pytest.mark.parametrize(
    "key", ["diff.external", "diff.evil.command", "diff.evil.textconv", "filter.evil.clean", "core.fsmonitor"]
)
def test_a_repository_config_never_makes_us_run_a_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    root = committed(tmp_path, {"controlplane/usage.py": CLEAN, ".gitattributes": "*.py diff=evil filter=evil\n"})
    marker = tmp_path / "ran"
    program = tmp_path / "evil.sh"
    program.write_text(f"#!/bin/sh\necho \"$0 $*\" >> '{marker}'\ncat \"${{1:-/dev/stdin}}\" 2>/dev/null\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    git(root, "config", key, str(program))
    if key.startswith("filter."):
        git(root, "config", "filter.evil.required", "true")
    (root / "controlplane/usage.py").write_text(VIOLATION)
    # The control: plain git runs it.
    subprocess.run(["git", "-C", str(root), "diff", "HEAD"], capture_output=True, check=False)
    assert marker.exists()
    marker.unlink()
    code, findings, err = check(root, monkeypatch, "--diff", "HEAD")
    assert not marker.exists(), marker.read_text()
    assert code == 1 and [f["path"] for f in findings] == ["controlplane/usage.py"], err


def test_a_ref_that_git_would_read_as_an_option_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = committed(tmp_path, {"controlplane/usage.py": VIOLATION})
    code, _, err = check(root, monkeypatch, "--diff", "--output=written")
    assert code == 2 and err.startswith("molecule-lint: --diff --output=written:")
    assert not (root / "written").exists() and not Path(os.getcwd(), "written").exists()


MIRROR_CONFIG = {
    **CONFIG,
    "tenant_data": {"migrations": ["ws/migrations/*.sql"]},
    "platform_data": {"migrations": ["controlplane/migrations/*"]},
}
TENANT_TABLE = "CREATE TABLE agent_memories (id bigint, org_id text, content text, embedding text, kind text);\n"
NARROW = {
    "controlplane/migrations/0001_copy.sql": "CREATE TABLE memory_copy (\n  id bigint,\n  content text,\n  kind text\n);\n",
    "controlplane/migrations/0002_copy.py": (
        "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.create_table(\n"
        '        "memory_copy_2",\n        sa.Column("content", sa.Text),\n        sa.Column("kind", sa.Text),\n    )\n'
    ),
}


def test_a_line_added_inside_a_multi_line_create_table_reports_the_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project(tmp_path / "repo", {"ws/migrations/0001.sql": TENANT_TABLE, **NARROW}, MIRROR_CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    assert check(root, monkeypatch)[:2] == (0, [])
    sql, alembic = NARROW
    (root / sql).write_text(NARROW[sql].replace("  content text,\n", "  content text,\n  embedding text,\n"))
    (root / alembic).write_text(NARROW[alembic].replace('"kind"', '"embedding", sa.Text),\n        sa.Column("kind"'))
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD")
    assert code == 1
    assert [(f["rule"], f["path"], f["line"], f["end_line"]) for f in findings] == [
        ("MOL203", sql, 1, 6),
        ("MOL203", alembic, 6, 11),
    ]


def test_a_config_change_makes_every_finding_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    allow = {"rule": "MOL101", "path": "controlplane/legacy.py", "reason": "read-only export, tracked in #7"}
    root = write_project(tmp_path / "repo", {"controlplane/legacy.py": VIOLATION}, {**CONFIG, "allow": [allow]})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    write_project(root, {}, CONFIG)  # the PR only deletes the allow entry
    code, findings, err = check(root, monkeypatch, "--diff", "HEAD")
    assert code == 1 and [(f["rule"], f["path"]) for f in findings] == [("MOL101", "controlplane/legacy.py")]
    assert "molecule-lint: --diff HEAD: molecule-lint.yaml changed: every finding counts" in err


def test_a_rule_pack_change_counts_like_a_config_change() -> None:
    changes = {"house/r.yaml": frozenset({3}), "housekeeping.py": frozenset({1}), "a.py": frozenset({2})}
    assert changed_settings(changes, ["molecule-lint.yaml", "house/"]) == ["house/r.yaml"]
