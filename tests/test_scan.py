"""The byte-level import scan and the prefilter built on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import lint, write_project

from molecule_lint.config import load_config
from molecule_lint.discover import ServiceMap, SourceFile, discover
from molecule_lint.prefilter import files_to_analyse
from molecule_lint import scan
from molecule_lint.scan import Needles, scan_source

NONE = Needles([], [])

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
    scan = scan_source(SOURCE, "app.api.views", False, NONE)
    assert scan.imports == {
        "os", "json", "a.b.c", "app.api", "app.api.sibling", "app.up", "app.up.thing",
        "pkg.mod", "pkg.mod.one", "pkg.mod.two", "star", "dyn.mod", "legacy",
    }
    assert scan.suppression and scan.routes


def test_relative_import_in_a_package_init() -> None:
    assert scan_source(b"from .store import get\n", "app.db", True, NONE).imports == {"app.db.store", "app.db.store.get"}


def test_relative_import_above_the_root_is_dropped() -> None:
    assert scan_source(b"from ... import x\n", "a", False, NONE).imports == set()


@pytest.mark.parametrize(
    "source",
    [
        SOURCE,
        b"from a import (b,\nimport c)\nimport d\n",  # a line inside parentheses is no statement of its own
        b'x = "import y"; import z\n\timport w # import v\r\nif x: from q import r; import s\n',
        b'def f():\n    """\n    import inside_docstring\n    """\nimportant = 1\nimport_module = 2\n',
        b"import", b"", b"from . import (\n", b"\nimport a\\\n  .b\n",
    ],
)
def test_the_import_scan_reads_the_statements_the_import_regex_finds(source: bytes) -> None:
    assert [m.groups() for m in scan._import_statements(source)] == [m.groups() for m in scan._IMPORT.finditer(source)]


@pytest.mark.parametrize(
    ("source", "cross_org"),
    [
        (b"q = 'SELECT org_id, count(*) FROM t GROUP BY org_id'", True),
        (b"q = 'select a from t union select a from u'", True),
        (b"stmt = select(T).group_by(T.c.org)", True),
        (b"df.groupBy ('org')", True),
        (b"Order.objects.values('org').annotate(n=Count('id'))", True),
        (b"Subquery(Org.objects.filter(pk=OuterRef('org')))", True),
        (b"regroup by; subgroup_by(x); reunion = 1; annotate(x); outerreference", False),
        (b"groups = byname; unions = 2", False),
    ],
)
def test_the_scan_flags_what_may_aggregate_across_orgs(source: bytes, cross_org: bool) -> None:
    assert scan_source(source, "m", False, NONE).cross_org is cross_org


def test_needles_match_case_insensitively_and_ignore_short_words() -> None:
    needles = Needles(["messages"], ["TENANT_DATABASE_URL", "ws"])
    assert needles.found_in(b"select * from public.messages where id = 1")
    assert needles.found_in(b"TABLE = 'messages'")
    assert needles.found_in(b'os.environ["tenant_database_url"]')
    assert not needles.found_in(b"ws = 1")
    assert not needles.found_in(b"# the user's messages are shown below")
    assert Needles(["b"], ["xyz", "abc"]).key == Needles(["b"], ["abc", "xyz"]).key != Needles([], ["abc"]).key


def test_prefilter_parses_platform_code_and_the_paths_to_tenant_evidence(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "cp/__init__.py": "",
            "cp/main.py": "from common import helpers\nfrom common import unrelated\n",
            "cp/other.py": "import json\n",
            "common/__init__.py": "from .reexport import x\n",
            "common/helpers.py": "import common.deep\n",
            "common/deep.py": "Q = 'SELECT 1 FROM agent_memories'\n",
            "common/reexport.py": "",
            "common/unrelated.py": "import json\n",
            "common/unused.py": "Q = 'SELECT 1 FROM agent_memories'\n",
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
    needed = files_to_analyse(tmp_path, files, ServiceMap(config.services), Needles(["agent_memories"], []), None).needed
    # common/unrelated.py names nothing, but cp/main.py (on a path to tenant evidence) imports it: it may be
    # a builder or helper the platform hands a tenant name to (the value-flow core reads its summaries);
    # common/reexport.py likewise, one import from common/__init__.py on that path (a base class, a mixin).
    assert needed == {
        "cp/__init__.py", "cp/main.py", "cp/other.py", "common/__init__.py", "common/helpers.py", "common/deep.py",
        "common/unrelated.py", "common/reexport.py", "tenant/api.py", "tenant/suppressed.py",
    }


def test_platform_files_parse_in_workers_while_the_prefilter_scans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Platform code is always parsed: its batch is in the pool before the scan starts."""
    from molecule_lint import analysis, prefilter

    files = {f"cp/m{i}.py": "x = 1\n" for i in range(70)} | {f"lib/h{i}.py": "y = 2\n" for i in range(5)}
    config = {"services": [{"name": "cp", "plane": "platform", "paths": ["cp/"]},
                           {"name": "lib", "plane": "shared", "paths": ["lib/"]}],
              "tenant_data": {"tables": ["agent_memories"]}}
    write_project(tmp_path, files, config)
    events: list[str] = []
    start, scan = analysis.Analysis.start, prefilter.files_to_analyse

    def started(self: analysis.Analysis, batch: list[SourceFile]) -> None:
        start(self, batch)
        events.append(f"start {len(batch)} pooled={self._pool is not None}")

    def scanned(*args: Any) -> prefilter.Selection:
        events.append("scan")
        return scan(*args)

    monkeypatch.setattr(analysis.Analysis, "start", started)
    monkeypatch.setattr(prefilter, "files_to_analyse", scanned)
    result = lint(tmp_path, jobs=2)
    assert events == ["start 70 pooled=True", "scan", "start 70 pooled=True"]  # the second: nothing new to start
    assert result.files_parsed == 70 and result.internal_errors == 0


def test_a_relative_endpoint_path_is_tenant_evidence_so_the_client_base_class_is_parsed(tmp_path: Path) -> None:
    """`self.get("workspaces/1/memories")` on a client whose base class (in a shared module) is a library
    session: the shared module names nothing, but the platform file naming the relative path reaches it."""
    write_project(
        tmp_path,
        {
            "cp/sync.py": """\
from common.clients import ApiClient

class Tenant(ApiClient):
    def notes(self, ws):
        return self.get(f"v2/workspaces/{ws}/memories")

    def alive(self):
        return self.get("v2/status")
""",
            "common/clients.py": "import httpx\n\nclass ApiClient(httpx.Client):\n    pass\n",
        },
        {
            "services": [
                {"name": "cp", "plane": "platform", "paths": ["cp/"]},
                {"name": "common", "plane": "shared", "paths": ["common/"]},
            ],
            "tenant_data": {"endpoints": ["/v2/workspaces/*/memories"]},
        },
    )
    found = [(f.rule, f.path, f.loc.line) for f in lint(tmp_path).findings]
    assert found == [("MOL103", "cp/sync.py", 5)]
    assert found == [(f.rule, f.path, f.loc.line) for f in lint(tmp_path, prefilter=False).findings]


def test_an_endpoint_spelt_after_an_api_root_constant_is_tenant_evidence(tmp_path: Path) -> None:
    """`f"{API_ROOT}/workspaces/{ws}/memories"`: the file spells no "v2/workspaces/", yet its last segment
    is evidence, so the shared client base the request goes through is parsed."""
    write_project(
        tmp_path,
        {
            "cp/sync.py": """\
from common.clients import ApiClient

API_ROOT = "/v2"

class Tenant(ApiClient):
    def notes(self, ws):
        return self.fetch(f"{API_ROOT}/workspaces/{ws}/memories")
""",
            "common/clients.py": """\
import httpx

class ApiClient:
    def __init__(self, base):
        self.http = httpx.Client(base_url=base)

    def fetch(self, path):
        return self.http.get(path)
""",
        },
        {
            "services": [
                {"name": "cp", "plane": "platform", "paths": ["cp/"]},
                {"name": "common", "plane": "shared", "paths": ["common/"]},
            ],
            "tenant_data": {"endpoints": ["/v2/workspaces/*/memories"]},
        },
    )
    found = [(f.rule, f.path, f.loc.line) for f in lint(tmp_path).findings]
    assert found == [("MOL103", "cp/sync.py", 7)]
    assert found == [(f.rule, f.path, f.loc.line) for f in lint(tmp_path, prefilter=False).findings]


def test_a_table_name_glued_from_a_quoted_prefix_and_rest_is_evidence() -> None:
    needles = Needles(["ws_messages", "agent_memories"], [])
    assert needles.found_in(b'prefix = "ws_"\ndef t(name):\n    return prefix + name\nmessages = t("messages")\n')
    assert needles.found_in(b"PREFIX = 'agent_'\nMEMORIES = f'{PREFIX}' + 'memories'\n")
    assert not needles.found_in(b'prefix = "ws_"\nkind = "memories"\n')  # the rest of another table
    assert not needles.found_in(b'label = "messages"\nname = "ws_admin"\n')  # no prefix on its own
