"""--diff on real git history (renames included), baselines, and the real pre-commit tool."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import IDENTITY, git, readme_blocks, write_project

from molecule_lint.cli import main

CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}
BASE = {
    "common/__init__.py": "",
    "common/memory.py": "def recent(db):\n    return []\n",
    "controlplane/__init__.py": "",
    "controlplane/digest.py": "from common.memory import recent\n\n\ndef digest(db):\n    return recent(db)\n",
    "controlplane/legacy.py": 'OLD = "SELECT id FROM agent_memories WHERE id = %s"\n',
}


def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    write_project(root, BASE, CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


def check(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, list[dict[str, object]], str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    findings = json.loads(result.stdout)["findings"] if result.stdout.startswith("{") else []
    return result.exit_code, findings, result.stderr


def test_diff_reports_platform_callers_of_a_changed_shared_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repo(tmp_path)
    # The shared helper starts reading tenant data; the platform file is untouched.
    (root / "common/memory.py").write_text('def recent(db):\n    return db.execute("SELECT body FROM agent_memories").all()\n')
    git(root, "mv", "controlplane/legacy.py", "controlplane/old_reports.py")
    git(root, "commit", "-qam", "change")
    code, findings, _ = check(root, monkeypatch, "--diff", "HEAD~1")
    assert [(f["rule"], f["path"]) for f in findings] == [("MOL104", "controlplane/digest.py"), ("MOL101", "controlplane/digest.py")]
    assert code == 1
    # Without --diff the renamed legacy violation is there too.
    _, everything, _ = check(root, monkeypatch)
    assert sorted(f["path"] for f in everything) == ["controlplane/digest.py"] * 2 + ["controlplane/old_reports.py"]


def test_diff_with_a_bad_ref_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = check(repo(tmp_path), monkeypatch, "--diff", "no-such-ref")
    assert code == 2 and err.startswith("molecule-lint: --diff no-such-ref:")


def test_baseline_fails_only_on_new_findings_and_ratchets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repo(tmp_path)
    monkeypatch.chdir(root)
    runner = CliRunner()
    assert runner.invoke(main, ["baseline", "--no-cache", "-o", "base.json"]).exit_code == 0
    assert check(root, monkeypatch, "--baseline", "base.json")[0] == 0
    # Moving the legacy violation down and editing around it keeps its fingerprint.
    (root / "controlplane/legacy.py").write_text('"""Legacy."""\n\nX = 1\nOLD = "SELECT id FROM agent_memories WHERE id = %s"\n')
    assert check(root, monkeypatch, "--baseline", "base.json")[0] == 0
    # A second, identical violation in the same file is new.
    with open(root / "controlplane/legacy.py", "a") as handle:
        handle.write('OLD = "SELECT id FROM agent_memories WHERE id = %s"\n')
    code, findings, _ = check(root, monkeypatch, "--baseline", "base.json")
    assert code == 1 and len(findings) == 1
    # Ratchet: --update never adds the new one...
    updated = runner.invoke(main, ["baseline", "--no-cache", "-o", "base.json", "--update"])
    assert "1 new finding(s) not added" in updated.stderr
    assert len(json.loads((root / "base.json").read_text())["findings"]) == 1
    # ...and drops fixed entries, reported as fixed by check.
    (root / "controlplane/legacy.py").write_text("X = 1\n")
    code, _, err = check(root, monkeypatch, "--baseline", "base.json")
    assert code == 0 and "fixed (remove from the baseline): controlplane/legacy.py:" in err
    runner.invoke(main, ["baseline", "--no-cache", "-o", "base.json", "--update"])
    assert json.loads((root / "base.json").read_text())["findings"] == []


def test_real_pre_commit_blocks_a_staged_violation(
    tmp_path: Path, hook_commit: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    hook_repo, rev = hook_commit
    root = repo(tmp_path)
    # The README's snippet, pointed at a snapshot of this working tree: the documented setup is what runs.
    snippet = next(block for block in readme_blocks("yaml") if block.startswith("repos:"))
    (root / ".pre-commit-config.yaml").write_text(
        snippet.replace("https://github.com/Molecule-AI/molecule-lint", str(hook_repo)).replace("COMMIT-SHA", rev)
    )
    git(root, "add", ".pre-commit-config.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home")}

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run"],
            cwd=root, capture_output=True, text=True, env=env, timeout=900, check=False,
        )

    # A clean change passes.
    (root / "controlplane/dns.py").write_text("def record(org):\n    return org + '.molecule.app'\n")
    git(root, "add", "controlplane/dns.py")
    clean = pre_commit()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    # Only the platform file is staged; the shared helper it now imports reads tenant data.
    (root / "common/memory.py").write_text('def recent(db):\n    return db.execute("SELECT body FROM agent_memories").all()\n')
    git(root, "commit", "-qam", "helper", "--no-verify")
    (root / "controlplane/export.py").write_text("from common.memory import recent\n\n\ndef export(db):\n    return recent(db)\n")
    git(root, "add", "controlplane/export.py")
    blocked = pre_commit()
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "controlplane/export.py:1:1: MOL104" in blocked.stdout
    assert "controlplane/legacy.py" not in blocked.stdout  # not staged: not reported


# One file of every kind molecule-lint reads, each committed alone; the .env one breaks MOL401.
KINDS = {
    "controlplane/jobs.py": "def job():\n    return 1\n",
    "controlplane/main.go": "package main\n\nfunc main() {}\n",
    "controlplane/dnsd/go.mod": "module example.com/dnsd\n\ngo 1.22\n",  # reports its module: clean
    "controlplane/migrations/0002_dns.sql": "CREATE TABLE dns_records (id bigint PRIMARY KEY);\n",
    "docker-compose.yml": "services:\n  controlplane:\n    build: ./controlplane\n",
    "ops/cluster.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cp}\ndata: {LOG_LEVEL: info}\n",
    "render.yaml": "services:\n  - type: web\n    name: controlplane\n",
    ".github/workflows/ci.yml": "on: push\njobs: {}\n",
    "controlplane/railway.json": '{"build": {"builder": "NIXPACKS"}}\n',
    "controlplane/railway.toml": "[build]\nbuilder = 'NIXPACKS'\n",
    "controlplane/.env.example": "LOG_LEVEL=info\n",
    "controlplane/fly.toml": "app = 'controlplane'\n",
    "controlplane/app.json": '{"name": "controlplane", "env": {"LOG_LEVEL": {"value": "info"}}}\n',
    "pyproject.toml": "[project]\nname = 'molecule'\n",
    "controlplane/prod.env": "TENANT_DATABASE_URL=postgres://reader@ws-postgres:5432/ws\n",
}


def test_real_pre_commit_runs_on_every_file_kind_it_reads(
    tmp_path: Path, hook_commit: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    hook_repo, rev = hook_commit
    root = tmp_path / "repo"
    write_project(root, BASE, {**CONFIG, "tenant_data": {"tables": ["agent_memories"], "env": ["TENANT_DATABASE_URL"]}})
    (root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: molecule-lint\n"
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(tmp_path_factory.getbasetemp() / "pre-commit-home")}
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=root, env=env, check=True, capture_output=True)
    for path, content in KINDS.items():
        write_project(root, {path: content})
        git(root, "add", path)
        committed = subprocess.run(
            ["git", "commit", "-m", f"add {path}"], cwd=root, capture_output=True, text=True, env=env, timeout=900, check=False
        )
        output = committed.stdout + committed.stderr
        assert "Skipped" not in output and "molecule-lint" in output, (path, output)
        if path.endswith("prod.env"):
            assert committed.returncode == 1 and f"{path}:1:1: MOL401" in output, output
        else:
            assert committed.returncode == 0 and "Passed" in output, (path, output)
