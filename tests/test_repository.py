from pathlib import Path

from molecule_lint.repository import repository_prefix, repository_root


def test_nearest_git_folder_or_file_bounds_the_repository(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    inner = outer / "vendor" / "sub"
    (inner / "pkg").mkdir(parents=True)
    (outer / ".git").mkdir()
    (inner / ".git").write_text("gitdir: ../../.git/modules/sub\n")
    assert repository_root(inner / "pkg") == inner.resolve()
    assert repository_root(outer / "vendor") == outer.resolve()


def test_no_repository(tmp_path: Path) -> None:
    assert repository_root(tmp_path) is None  # pytest's temporary folders lie outside any repository


def test_repository_prefix_names_the_project_from_the_repository_root(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "apps" / "api"
    project.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    assert repository_prefix(project) == "apps/api/"
    assert repository_prefix(tmp_path / "repo") == ""
    assert repository_prefix(tmp_path) == ""  # outside a repository, the project root is the root
