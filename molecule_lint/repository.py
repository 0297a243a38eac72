"""The repository boundary: the nearest folder at or above a path that holds `.git`.

Config discovery stops there (an ancestor's config or cache is not the project's), and paths in
SARIF and GitHub annotations are written relative to it, wherever the config sits.
"""

from __future__ import annotations

from pathlib import Path


def repository_root(start: Path) -> Path | None:
    """The folder holding `.git` (a folder, or a file in a worktree or submodule) at or above ``start``."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def repository_prefix(project_root: Path) -> str:
    """The project root relative to its repository's root, as a path prefix: "" or "apps/api/"."""
    root = project_root.resolve()
    repository = repository_root(root) or root
    relative = root.relative_to(repository).as_posix()
    return "" if relative == "." else relative + "/"
