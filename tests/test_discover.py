"""Discovery: excludes, .gitignore, symlinks, service assignment."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write_project

from molecule_lint.config import load_config
from molecule_lint.discover import discover

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
