from pathlib import Path

from molecule_lint.repository import repository_root


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
