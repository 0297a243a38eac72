"""The byte-level import scan and the prefilter built on it."""

from __future__ import annotations

from pathlib import Path

from conftest import write_project
from molecule_lint.config import load_config
from molecule_lint.discover import ServiceMap, discover
from molecule_lint.prefilter import files_to_analyse
from molecule_lint.scan import scan_source

SOURCE = b'''\
import os, json as j
import a.b.c
from . import sibling
from ..up import thing as other
from pkg.mod import (
    one,
    two as deux,
)
from star import *
mod = importlib.import_module("dyn.mod")
x = __import__('legacy')

@router.get("/workspaces/{id}")
def f(): ...
# molecule-lint: ignore[MOL101] -- reason
'''


def test_scan_finds_every_import_form() -> None:
    scan = scan_source(SOURCE, "app.api.views", is_package=False)
    assert scan.imports == {
        "os", "json", "a.b.c", "app.api", "app.api.sibling", "app.up", "app.up.thing",
        "pkg.mod", "pkg.mod.one", "pkg.mod.two", "star", "dyn.mod", "legacy",
    }
    assert scan.suppression and scan.routes


def test_relative_import_in_a_package_init() -> None:
    assert scan_source(b"from .store import get\n", "app.db", is_package=True).imports == {"app.db.store", "app.db.store.get"}


def test_relative_import_above_the_root_is_dropped() -> None:
    assert scan_source(b"from ... import x\n", "a", is_package=False).imports == set()


def test_prefilter_keeps_the_platform_closure_only(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "cp/__init__.py": "",
            "cp/main.py": "from common import helpers\n",
            "common/__init__.py": "from .reexport import x\n",
            "common/helpers.py": "import common.deep\n",
            "common/deep.py": "",
            "common/reexport.py": "",
            "common/unused.py": "",
            "tenant/api.py": "@app.get('/x')\ndef f(): ...\n",
            "tenant/plain.py": "import os\n",
            "tenant/suppressed.py": "X = 1  # molecule-lint: ignore[MOL101] -- r\n",
        },
        {
            "services": [
                {"name": "cp", "plane": "platform", "paths": ["cp/"]},
                {"name": "ws", "plane": "tenant", "paths": ["tenant/"]},
                {"name": "common", "plane": "shared", "paths": ["common/"]},
            ]
        },
    )
    config = load_config(tmp_path / "molecule-lint.yaml")
    files = discover(config).files
    needed = files_to_analyse(tmp_path, files, ServiceMap(config.services), None)
    assert needed == {
        "cp/__init__.py", "cp/main.py", "common/__init__.py", "common/helpers.py", "common/deep.py",
        "common/reexport.py", "tenant/api.py", "tenant/suppressed.py",
    }
