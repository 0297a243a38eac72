"""Runs that would pass while checking nothing exit 2 instead (issue 13, "Passes silently"), and the
files that steer a run (config, .gitignore, rule packs) are read only as bounded regular files inside
the project ("Tracebacks instead of exit 2"). Through the real CLI, on real git repositories."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_project

from molecule_lint.cli import main

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}
FILES = {
    "controlplane/usage.py": 'def n(db):\n    return db.execute("SELECT body FROM agent_memories WHERE id = %s")\n',
    "workspace_server/store.py": "",
}
MOL101 = "controlplane/usage.py:2:12: MOL101"


def repository(root: Path, files: dict[str, str] | None = None, config: dict[str, Any] | None = CONFIG) -> Path:
    write_project(root, FILES if files is None else files, config)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    return root


def run(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def check(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    return run(cwd, monkeypatch, "check", "--no-cache", "-j", "1", "-q", *args)


def capped_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process with capped memory and time: on a build without the bounds, an unbounded read
    (/dev/zero), an open that waits (a FIFO) or a walk of the whole filesystem fails fast, harming nothing."""
    cap = 1 << 30
    return subprocess.run(
        [sys.executable, "-m", "molecule_lint.cli", "check", "--no-cache", "-j", "1", "-q", *args],
        cwd=root, capture_output=True, text=True, check=False, timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)),
    )


# --- no config ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["baseline"], ["graph"], ["why", "controlplane", "agent_memories"], ["suppressions"]])
def test_no_config_is_exit_2_asking_for_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    root = repository(tmp_path / "repo", config=None)
    code, out, err = run(root, monkeypatch, *command, "--no-cache")
    assert (code, out) == (2, "")
    assert err.startswith("molecule-lint: no config: no molecule-lint.yaml, molecule-lint.yml, .molecule-lint.yaml or ")
    assert err.rstrip().endswith(f"in {root.resolve()}; run `molecule-lint init` to write one")
    assert not (root / ".molecule-lint-baseline.json").exists()


def test_an_ancestor_config_above_the_repository_is_not_adopted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_project(tmp_path, {}, CONFIG)  # a shared parent folder's config
    root = repository(tmp_path / "repo", config=None)
    (root / "controlplane").mkdir(exist_ok=True)
    code, _, err = check(root / "controlplane", monkeypatch)
    assert code == 2
    assert f"in {(root / 'controlplane').resolve()} or above up to {root.resolve()};" in err


def test_outside_a_repository_the_walk_stops_below_a_folder_others_can_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    write_project(shared, {}, CONFIG)
    shared.chmod(0o777)  # like /tmp: anyone could have put that config there
    project = shared / "project"
    write_project(project / "deep", FILES)
    code, _, err = check(project / "deep", monkeypatch)
    assert code == 2
    assert f"in {(project / 'deep').resolve()} or above up to {project.resolve()};" in err
    shared.chmod(0o755)  # a private parent folder's config governs, as ruff's walk would find it
    assert check(project / "deep", monkeypatch)[0] == 1


# --- PATHs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["controlplane/typo.py", "/nonexistent", "controlplane/dangling.py"])
def test_a_path_that_does_not_exist_is_exit_2_naming_it(tmp_path: Path, path: str) -> None:
    root = repository(tmp_path / "repo")
    os.symlink(root / "nowhere.py", root / "controlplane" / "dangling.py")
    done = capped_check(root, path)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"molecule-lint: {path}: no such file or folder\n")


def test_a_path_outside_the_project_is_exit_2_and_writes_nothing_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo")
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    code, out, err = run(root, monkeypatch, "check", "-j", "1", str(outside / "passwd"))  # with the cache on
    assert (code, out) == (2, "")
    assert err.startswith(f"molecule-lint: no config for {outside / 'passwd'}: ")
    assert os.listdir(outside) == ["passwd"]
    code, _, err = check(root, monkeypatch, "--config", "molecule-lint.yaml", str(outside / "passwd"))
    assert (code, err) == (2, f"molecule-lint: {outside / 'passwd'}: outside the project {root.resolve()}\n")


def test_a_path_that_is_a_symlink_out_of_the_project_is_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo")
    (tmp_path / "secret.py").write_text("")
    os.symlink(tmp_path / "secret.py", root / "controlplane" / "link.py")
    code, _, err = check(root, monkeypatch, "controlplane/link.py")
    assert (code, err) == (2, f"molecule-lint: controlplane/link.py: outside the project {root.resolve()}\n")


# --- nested configs -------------------------------------------------------------------------------


def test_a_nested_partial_config_is_an_error_not_a_silent_replacement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo")
    assert check(root, monkeypatch, "controlplane/usage.py")[1].startswith(MOL101)
    (root / "controlplane" / "molecule-lint.yaml").write_text("version: 1\n")
    code, out, err = check(root, monkeypatch, "controlplane/usage.py")
    assert (code, out) == (2, "")
    assert err == (
        "molecule-lint: config error: controlplane/molecule-lint.yaml: declares no `platform` or `tenant` service, "
        "so it can find nothing (a config is complete: it does not extend one in a folder above)\n"
    )


def test_a_platform_service_without_tenant_data_can_find_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", config={"services": CONFIG["services"][:1], "tenant_data": {"tables": []}})
    code, _, err = check(root, monkeypatch)
    assert code == 2
    assert "molecule-lint.yaml: declares a `platform` service but no tenant data (tenant_data: tables, " in err


def test_a_tenant_only_config_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MOL302 needs no platform service: a repository of tenant code alone is checked."""
    config = {"services": [{"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]}]}
    files = {
        "workspace_server/db.py": (
            "import psycopg\n\n\ndef export(request):\n"
            '    org = request.headers["X-Org-Id"]\n'
            '    return psycopg.connect(f"postgresql://tenant-db/org_{org}")\n'
        )
    }
    root = repository(tmp_path / "repo", files, config)
    code, out, _ = check(root, monkeypatch)
    assert code == 1 and " MOL302 " in out


def test_paths_under_two_configs_are_exit_2_naming_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo")
    write_project(root / "workspace_server", {}, CONFIG)
    code, _, err = check(root, monkeypatch, "controlplane/usage.py", "workspace_server/store.py")
    assert (code, err) == (
        2,
        "molecule-lint: the PATHs belong to different projects: controlplane/usage.py to molecule-lint.yaml, "
        "workspace_server/store.py to workspace_server/molecule-lint.yaml; run once per project or pass --config\n",
    )


# --- nothing to check -----------------------------------------------------------------------------


def test_a_gitignore_hiding_everything_is_nothing_to_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", {**FILES, ".gitignore": "*\n"})
    code, out, err = check(root, monkeypatch)
    assert (code, out) == (2, "")
    assert err == (
        f"molecule-lint: nothing to check: no file to analyse under {root.resolve()} "
        "(missing, or excluded by `exclude` or .gitignore)\n"
    )


def test_a_gitignore_hiding_a_platform_service_is_nothing_to_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", {**FILES, ".gitignore": "controlplane/\n"})
    code, _, err = check(root, monkeypatch)
    assert code == 2
    assert err.startswith("molecule-lint: nothing to check: platform service(s) `controlplane` (paths: controlplane/) own no file")


# --- bad patterns ---------------------------------------------------------------------------------


def test_invalid_gitignore_lines_are_skipped_as_git_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {**FILES, "controlplane/generated.py": FILES["controlplane/usage.py"], ".gitignore": "!\nfoo\\\n\\\ngenerated.py\n"}
    root = repository(tmp_path / "repo", files)
    code, out, _ = check(root, monkeypatch)
    assert code == 1
    assert [line.split(" ")[0] for line in out.splitlines()[:-1]] == ["controlplane/usage.py:2:12:"]


@pytest.mark.parametrize(
    ("key", "config", "line"),
    [
        ("exclude[1]", {**CONFIG, "exclude": ["docs/", "!"]}, 15),
        ("services[0].paths[0]", {**CONFIG, "services": [{"name": "cp", "plane": "platform", "paths": ["cp\\"]}]}, 5),
        ("tenant_data.migrations[0]", {**CONFIG, "tenant_data": {"migrations": ["!"]}}, 12),
    ],
)
def test_invalid_patterns_in_the_config_are_config_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, config: dict[str, object], line: int
) -> None:
    root = repository(tmp_path / "repo", config=config)
    code, _, err = check(root, monkeypatch)
    pattern = "'cp\\\\'" if "services" in key else "'!'"
    assert (code, err) == (2, f"molecule-lint: config error: molecule-lint.yaml:{line}: {key}: invalid gitignore-style pattern {pattern}\n")


# --- steering files: regular, inside the project, bounded -----------------------------------------


def test_a_gitignore_over_1_mib_or_not_a_regular_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", {**FILES, ".gitignore": "controlplane/\n" + "#\n" * (1 << 20)})
    code, _, err = check(root, monkeypatch)
    assert code == 1 and "warning: .gitignore not read: it is larger than 1 MiB" in err  # warnings go to stderr
    (root / ".gitignore").unlink()
    os.mkfifo(root / ".gitignore")  # opening it for reading would wait for a writer forever
    done = capped_check(root)
    assert done.returncode == 1 and "warning: .gitignore not read: it is not a regular file" in done.stderr


def test_steering_files_inside_the_project_may_be_symlinks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", {**FILES, "controlplane/generated.py": FILES["controlplane/usage.py"], "ci/ignore": "generated.py\n"})
    (root / "molecule-lint.yaml").rename(root / "ci" / "lint.yaml")
    os.symlink("ci/lint.yaml", root / "molecule-lint.yaml")
    os.symlink("ci/ignore", root / ".gitignore")
    code, out, _ = check(root, monkeypatch)
    assert code == 1 and out.startswith(MOL101) and "generated.py" not in out


@pytest.mark.parametrize(
    ("steering", "code", "message"),
    [
        (".gitignore", 1, "warning: .gitignore not read: it is a symlink leading outside the project"),
        ("molecule-lint.yaml", 2, "molecule-lint.yaml: config not read: it is a symlink leading outside the project"),
        ("house/zero.yaml", 2, "house/zero.yaml: rule file not read: it is a symlink leading outside the project"),
    ],
)
def test_a_steering_file_linked_to_dev_zero_is_refused_not_read(tmp_path: Path, steering: str, code: int, message: str) -> None:
    root = repository(tmp_path / "repo", config={**CONFIG, "rules": {"packs": ["house"] if steering.startswith("house/") else []}})
    (root / "house").mkdir()
    (root / steering).unlink(missing_ok=True)
    os.symlink("/dev/zero", root / steering)
    done = capped_check(root)
    assert done.returncode == code, done.stderr
    assert message in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_pyproject_linked_out_of_the_project_is_not_its_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo")
    (tmp_path / "pyproject.toml").write_text('[tool.molecule-lint]\norg_keys = ["org_id"]\n')
    os.symlink(tmp_path / "pyproject.toml", root / "controlplane" / "pyproject.toml")  # met first on the walk up
    code, out, _ = check(root / "controlplane", monkeypatch)
    assert code == 1 and out.startswith(MOL101)


def test_a_rule_pack_outside_the_project_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "elsewhere").mkdir()
    root = repository(tmp_path / "repo", config={**CONFIG, "rules": {"packs": ["../elsewhere"]}})
    code, _, err = check(root, monkeypatch)
    assert (code, err) == (2, "molecule-lint: config error: molecule-lint.yaml:15: rules.packs[0]: '../elsewhere' leads outside the project\n")


# --- what PATHs report ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "reported"),
    [
        (["workspace_server/store.py"], False),  # a PATH reports its own findings (and those running through it)
        ([".", "workspace_server/store.py"], True),  # the root among the PATHs: everything
        (["molecule-lint.yaml"], True),  # a commit that only edits the config changes every finding
        (["rules/local/extra.yaml"], True),  # so does one that edits a rule pack of the project
    ],
)
def test_paths_that_steer_the_whole_analysis_report_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: list[str], reported: bool
) -> None:
    config = {**CONFIG, "rules": {"packs": ["./rules/local"]}}  # spelled as users do
    rule = (
        "id: HOUSE001\ntitle: t\nseverity: warning\nrfc: r\nrationale: r\ncheck: platform-access\n"
        "params: {kinds: [redis]}\nmessage: '{what}'\n"
    )
    root = repository(tmp_path, {**FILES, "rules/local/extra.yaml": rule}, config)
    code, out, err = check(root, monkeypatch, *paths)
    assert (MOL101 in out) == reported, out + err
    assert code == (1 if reported else 0), err


def test_a_go_mod_path_reports_its_modules_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = {**CONFIG, "services": [*CONFIG["services"], {"name": "cp-go", "plane": "platform", "paths": ["cpgo/"]}]}
    files = {
        **FILES,
        "cpgo/go.mod": "module example.com/cpgo\n\ngo 1.22\n",
        "cpgo/usage.go": 'package cpgo\n\nfunc N(db DB) { db.Query("SELECT body FROM agent_memories WHERE id = $1") }\n',
    }
    root = repository(tmp_path, files, config)
    code, out, _ = check(root, monkeypatch, "cpgo/go.mod")
    assert code == 1 and "cpgo/usage.go:3:" in out and MOL101 not in out
