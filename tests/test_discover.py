"""Discovery: excludes, .gitignore, symlinks, service assignment."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import pathspec
import pytest
import yaml
from conftest import REPO_ROOT, lint, write_project

from molecule_lint.config import load_config
from molecule_lint.discover import (
    ALSO_READ,
    Discovery,
    Exclusions,
    Walked,
    discover,
    language_of,
    read_files_pattern,
    rediscover,
)
from molecule_lint.frontends.manifests.kinds import manifest_format

CONFIG = {
    "services": [
        {"name": "cp", "plane": "platform", "paths": ["cp/"]},
        {"name": "all", "plane": "shared", "paths": ["*.py"]},
    ],
    "exclude": ["**/tests/**"],
}


def test_excludes_gitignore_and_defaults(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "cp/a.py": "",
            "cp/tests/test_a.py": "",
            "node_modules/x/y.py": "",
            ".venv/lib/z.py": "",
            "generated/g.py": "",
            ".gitignore": "generated/\n",
            "lib/b.py": "",
            "db/001.sql": "",
            "README.md": "",
        },
        CONFIG,
    )
    found = discover(load_config(tmp_path / "molecule-lint.yaml"))
    assert [(f.path, f.language, f.service) for f in found.files] == [
        ("cp/a.py", "python", "cp"),
        ("db/001.sql", "sql", None),
        ("lib/b.py", "python", "all"),
    ]


def test_symlinks_out_of_the_root_and_loops_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text("", encoding="utf-8")
    root = tmp_path / "root"
    write_project(root, {"cp/a.py": ""}, CONFIG)
    os.symlink(outside / "secret.py", root / "cp" / "leak.py")
    os.symlink(root / "cp", root / "cp" / "loop")
    os.symlink(root / "nowhere.py", root / "cp" / "dangling.py")
    os.symlink(root / "cp" / "a.py", root / "cp" / "alias.py")
    found = discover(load_config(root / "molecule-lint.yaml"))
    assert [f.path for f in found.files] == ["cp/a.py", "cp/alias.py"]
    assert {(s.path, s.reason) for s in found.skipped} == {
        ("cp/leak.py", "symlink leads outside the project or nowhere"),
        ("cp/dangling.py", "symlink leads outside the project or nowhere"),
    }


# One path of every kind discovery reads, by name (Kubernetes YAML anywhere is told by content).
READ_KINDS = [
    "svc/app.py", "svc/main.go", "db/migrations/0001.sql", "docker-compose.yml", "deploy/api.yaml",
    "ops/cluster.yaml", "prod.env", "svc/.env", ".env.production", "svc/Prod.ENV", "railway.json",
    "svc/railway.toml", "render.yaml", ".github/workflows/ci.yml", "go.mod", "svc/go.mod", "fly.toml",
    "svc/app.json", ".do/app.yaml", "chart/values-prod.yaml", "chart/templates/deployment.yaml",
    "overlays/prod/kustomization.yaml", "pyproject.toml",
]
NOT_READ = ["README.md", ".envrc", "env", "notes.txt", "setup.cfg", "go.sum", "svc/go.mod.orig", "x.pyc", "package.json"]


def test_the_read_files_pattern_matches_every_file_kind_read_and_nothing_else() -> None:
    pattern = re.compile(read_files_pattern())
    for path in READ_KINDS:
        name = posixpath.basename(path)
        assert language_of(path) or name in ALSO_READ or manifest_format(path) or path.endswith((".yaml", ".yml")), path
        assert pattern.search(path), path
    for path in NOT_READ:
        assert language_of(path) is None and posixpath.basename(path) not in ALSO_READ, path
        assert not pattern.search(path), path


def test_the_pre_commit_hook_files_pattern_is_the_read_files_pattern() -> None:
    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["files"] == read_files_pattern(), "paste discover.read_files_pattern() into .pre-commit-hooks.yaml"


GITIGNORE = ["*.py[cod]", ".*", "!.github", "!.semgrep/", "build/", "/dist", "docs/**/*.md", "!docs/keep.md",
             "**/tests/**", "a?c.py", "[!x]y.py", "logs/*", "!logs/.keep", "foo/**/bar/", "\\!bang.py"]
PATHS = ["a.py", "a.pyc", ".env", ".github/ci.yml", ".semgrep/r.yml", "build/", "x/build/", "build.py", "dist/",
         "x/dist/", "docs/a/b.md", "docs/keep.md", "p/tests/t.py", "abc.py", "axc.py", "ay.py", "xy.py",
         "logs/a", "logs/.keep", "foo/q/bar/", "foo/bar/", "!bang.py", "deep/ok/file.go", "cp/app.py"]


def test_exclusions_answer_as_the_gitignore_spec_they_wrap() -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(GITIGNORE)
    exclusions = Exclusions(spec)
    assert [exclusions.match_file(p) for p in PATHS] == [spec.match_file(p) for p in PATHS]
    assert not Exclusions(pathspec.GitIgnoreSpec.from_lines([])).match_file("a.py")


def test_a_file_no_pattern_matches_costs_one_search(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(GITIGNORE)
    asked: list[str] = []
    exclusions = Exclusions(spec)
    monkeypatch.setattr(spec, "match_file", lambda path: asked.append(path) or False)
    for path in ("cp/app.py", "deep/ok/file.go", "a.py"):
        exclusions.match_file(path)
    assert asked == []


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamps made a moment ago count as settled (a test cannot wait for the clock to tick on)."""
    monkeypatch.setattr("molecule_lint.discover._CLOCK_TICK_NS", 0)


def rediscovered(root: Path, known: Walked | None) -> tuple[Discovery, Walked | None]:
    return rediscover(load_config(root / "molecule-lint.yaml"), known)


def test_an_unchanged_tree_is_not_walked_again(tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path, {"cp/a.py": "", "lib/deep/b.py": "", "k8s/app.yaml": "kind: Deployment\n"}, CONFIG)
    first, walked = rediscovered(root, None)
    assert walked is not None and {f.path for f in first.files} == {"cp/a.py", "lib/deep/b.py", "k8s/app.yaml"}
    monkeypatch.setattr("molecule_lint.discover._walk", None)  # a walk would fail
    again, fresh = rediscovered(root, walked)
    assert again == first and fresh is None


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "lib/deep/c.py").write_text(""),  # a file made in a folder deep down
        lambda root: (root / "lib/deep/b.py").rename(root / "lib/deep/d.py"),
        lambda root: (root / "lib/new").mkdir() or (root / "lib/new/e.py").write_text(""),
        lambda root: (root / ".gitignore").write_text("lib/\n"),
        lambda root: (root / "ops/app.yaml").write_text("apiVersion: v1\nkind: ConfigMap\n"),  # sniffed anew
        lambda root: (root / "lib/deep/b.py").unlink() or (root / "lib/deep/b.py").mkdir(),  # same name, a folder now
    ],
)
def test_a_change_a_walk_would_see_is_seen(tmp_path: Path, settled: None, change: Callable[[Path], object]) -> None:
    files = {"cp/a.py": "", "lib/deep/b.py": "", "ops/app.yaml": "replicas: 1\n", ".gitignore": "build/\n"}
    root = write_project(tmp_path, files, CONFIG)
    _, walked = rediscovered(root, None)
    assert walked is not None
    change(root)
    again, fresh = rediscovered(root, walked)
    assert again == discover(load_config(root / "molecule-lint.yaml")) and fresh is not None
    assert again != walked.discovery
    whole = rediscovered(root, None)[1]
    assert whole is not None and fresh.stamps == whole.stamps  # what the next run compares is complete


@pytest.mark.parametrize(
    "save",
    [
        lambda path: (path.with_name(".tmp-save").write_text("x = 1\n"), os.replace(path.with_name(".tmp-save"), path)),
        lambda path: (path.with_name("b.py~").write_text(""), path.with_name("b.py~").unlink()),  # made, then gone
    ],
)
def test_a_folder_holding_the_same_entries_decides_as_before(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch, save: Callable[[Path], object]
) -> None:
    """An editor or `sed -i` saves by rename: the folder's stamp changes, not what a walk would decide."""
    root = write_project(tmp_path, {"cp/a.py": "", "lib/deep/b.py": "", "build/c.py": ""}, CONFIG)
    (root / ".gitignore").write_text("build/\n")
    first, walked = rediscovered(root, None)
    assert walked is not None
    save(root / "lib/deep/b.py")
    monkeypatch.setattr("molecule_lint.discover._walk", None)  # neither a walk
    monkeypatch.setattr("molecule_lint.discover.exclusion_spec", None)  # nor a pattern compiled
    again, fresh = rediscovered(root, walked)
    assert again == first and fresh is not None and fresh.stamps != walked.stamps
    assert rediscovered(root, fresh) == (first, None)  # the new folder stamp is what the next run compares


def test_only_the_folders_on_the_way_to_a_change_are_listed(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"cp/a.py": "", "cp/deep/er/b.py": "", "lib/c.py": "", "lib/sub/d.py": "", "other/e.py": ""}
    root = write_project(tmp_path, files, CONFIG)
    _, walked = rediscovered(root, None)
    (root / "cp/deep/er/new.py").write_text("")
    (root / "lib/sub").rename(root / "lib/moved")
    listed: list[str] = []
    scandir = os.scandir

    def recording(path: Path) -> object:
        listed.append(Path(path).relative_to(root).as_posix())
        return scandir(path)

    monkeypatch.setattr("molecule_lint.discover.os.scandir", recording)
    again, _ = rediscovered(root, walked)
    monkeypatch.undo()
    # A changed folder is listed once more first, to find it holds other entries than before.
    assert sorted(set(listed)) == [".", "cp", "cp/deep", "cp/deep/er", "lib", "lib/moved"]
    assert again == discover(load_config(root / "molecule-lint.yaml"))
    assert {"cp/deep/er/new.py", "lib/moved/d.py", "other/e.py"} <= {f.path for f in again.files}


def test_what_a_stamp_cannot_vouch_for_is_walked_every_time(tmp_path: Path, settled: None) -> None:
    root = write_project(tmp_path, {"cp/a.py": "", "lib/b.py": ""}, CONFIG)
    (root / "cp/link.py").symlink_to(root / "lib/b.py")  # its target may change where no stamp shows
    assert rediscovered(root, None)[1] is None


def test_a_tree_changed_within_a_clock_tick_is_not_kept(tmp_path: Path) -> None:
    """A file made later in the same tick would leave the folder's stamp as it was."""
    root = write_project(tmp_path, {"cp/a.py": ""}, CONFIG)
    assert rediscovered(root, None)[1] is None


def test_a_run_with_a_cache_reuses_its_discovery(tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path / "p", {"cp/a.py": 'Q = "SELECT 1 FROM agent_memories"\n'}, CONFIG)
    first = lint(root, cache_dir=tmp_path / "cache", reuse_results=True)
    monkeypatch.setattr("molecule_lint.discover._walk", None)
    again = lint(root, cache_dir=tmp_path / "cache", reuse_results=True)
    assert again.findings == first.findings and again.files_checked == first.files_checked == 1
