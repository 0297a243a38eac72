"""`molecule-lint graph`: the service view, its four formats, and the command.

The view's logic is tested on a hand-made project (facts built here, no
frontend); the formats and the command on small real projects.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RULES, lint, write_project
from synthetic import graph, plane_like

from molecule_lint.catalog import DataCatalog, FileReader
from molecule_lint.checks import CHECKS, CheckContext, load_builtin_checks
from molecule_lint.cli import main
from molecule_lint.config import Config, DataSpec, Service
from molecule_lint.engine import _finding
from molecule_lint.facts import MODULE_SCOPE, Definition, EnvRead, Fact, FileFacts, Import, Location, Sql, Use
from molecule_lint.linker import Project
from molecule_lint.render import FORMATS, render
from molecule_lint.rules import ENGINE_CHECK
from molecule_lint.textsafe import UNSAFE, human
from molecule_lint.views import ServiceView, UnknownName, service_view

CP, COMMON, WS = "service:controlplane", "service:common", "service:workspace-server"
MEMORIES, ORGS = "store:table:agent_memories", "store:table:orgs"


def at(line: int) -> Location:
    return Location(line, 1, line, 20)


def handmade_view() -> ServiceView:
    """controlplane reads agent_memories twice and reaches it once more through common; workspace-server uses it."""
    config = Config(
        root=Path("/nonexistent"),
        source=None,
        services=(
            Service("controlplane", "platform", ("controlplane/",)),
            Service("workspace-server", "tenant", ("workspace_server/",)),
            Service("common", "shared", ("common/",)),
        ),
        tenant_data=DataSpec(tables=("agent_memories",), env=("TENANT_DATABASE_URL",)),
        platform_data=DataSpec(tables=("orgs",)),
    )
    recent = Import(at(1), MODULE_SCOPE, "common.memory", "recent", "recent")
    files = [
        module("common/memory.py", Definition(at(1), "recent", "function"), sql(2, "recent", "SELECT body FROM agent_memories")),
        module(
            "controlplane/digest.py",
            recent,
            Definition(at(3), "digest", "function"),
            Use(at(4), "digest", "common.memory.recent"),
            sql(5, "digest", "SELECT id FROM orgs"),
            sql(6, "digest", "SELECT * FROM agent_memories WHERE id = %s"),
            sql(7, "digest", "SELECT id FROM agent_memories WHERE id = %s"),
            EnvRead(at(8), "digest", ("TENANT_DATABASE_URL",)),
        ),
        module(
            "workspace_server/store.py",
            recent,
            Definition(at(3), "load", "function"),
            Use(at(4), "load", "common.memory.recent"),
            sql(5, "load", "SELECT * FROM agent_memories WHERE id = %s"),
        ),
        module("tools/dump.py", Import(at(1), MODULE_SCOPE, "controlplane.digest", None, "digest")),
    ]
    catalog = DataCatalog(config, [], FileReader(config.root))
    project = Project(config, files, catalog)
    context = CheckContext(config, project)
    load_builtin_checks()  # as the engine does: the registry is empty until then
    findings = [
        _finding(rule, violation, project)
        for rule in RULES.values()
        if rule.check != ENGINE_CHECK
        for violation in CHECKS[rule.check](context, rule.params)
    ]
    return service_view(context.graph, findings, "handmade")


def module(path: str, *facts: Fact) -> FileFacts:
    return FileFacts(path, "python", path.removesuffix(".py").replace("/", "."), facts)


def sql(line: int, scope: str, text: str) -> Sql:
    return Sql(at(line), scope, (text,), "execute")


# -- the view -------------------------------------------------------------------


def test_units_fold_into_services_and_code_of_no_service_into_unassigned() -> None:
    view = handmade_view()
    assert list(view.nodes) == [
        "service:(unassigned)",
        COMMON,
        CP,
        WS,
        "store:env:TENANT_DATABASE_URL",
        MEMORIES,
        ORGS,
    ]
    assert [n.column for n in view.nodes.values()] == [
        "shared", "shared", "platform", "tenant", "data_tenant", "data_tenant", "data_platform",
    ]
    assert view.nodes[CP].units == 2  # the module body and `digest`
    assert (view.edges["service:(unassigned)", CP].kind, view.edges[CP, MEMORIES].kind) == ("depends", "access")


def test_counts_and_evidence_keep_every_access() -> None:
    edge = handmade_view().edges[CP, MEMORIES]
    assert edge.count == 2
    assert [(h.line, h.note) for h in edge.evidence] == [
        (6, "SELECT * FROM agent_memories WHERE id = %s"),
        (7, "SELECT id FROM agent_memories WHERE id = %s"),
    ]


def test_the_steps_a_finding_takes_from_its_own_service_are_violating_and_only_those() -> None:
    view = handmade_view()
    violating = {key: sorted(edge.rules) for key, edge in view.edges.items() if edge.violating}
    assert violating == {
        (CP, MEMORIES): ["MOL101"],
        (CP, "store:env:TENANT_DATABASE_URL"): ["MOL102"],
        (CP, COMMON): ["MOL104"],  # the platform's step into the chain controlplane -> common -> agent_memories
    }
    assert not view.edges[COMMON, MEMORIES].violating  # common reads it for the tenant too
    assert not view.edges[WS, MEMORIES].violating  # a tenant reading its own table
    assert not view.edges[CP, ORGS].violating


def test_each_finding_names_its_edges_and_nodes() -> None:
    reach = next(f for f in handmade_view().findings if f.finding.rule == "MOL104")
    assert reach.edges == (f"{COMMON}->{MEMORIES}", f"{CP}->{COMMON}")
    assert reach.nodes == (COMMON, CP, MEMORIES)


def test_around_keeps_the_service_its_neighbours_and_the_edges_among_them() -> None:
    view = handmade_view().around("workspace-server")
    assert set(view.nodes) == {WS, COMMON, MEMORIES}
    assert set(view.edges) == {(WS, COMMON), (WS, MEMORIES), (COMMON, MEMORIES)}
    # Shown because its red edge common -> agent_memories is in the picture.
    assert [f.finding.rule for f in view.findings] == ["MOL104"]
    with pytest.raises(UnknownName, match="did you mean 'workspace-server'"):
        handmade_view().around("workspace-servr")


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_is_deterministic(output_format: str) -> None:
    assert render(handmade_view(), output_format) == render(handmade_view(), output_format)


def test_dot_has_a_cluster_per_plane_and_red_counted_violating_edges() -> None:
    dot = render(handmade_view(), "dot")
    for cluster in ("platform", "shared", "tenant", "data_tenant", "data_platform"):
        assert f"subgraph cluster_{cluster} {{" in dot
    assert '"service:controlplane" -> "store:table:agent_memories" [label="2", color="#dc2626"' in dot
    assert "penwidth=2" in dot
    assert '"service:workspace-server" -> "store:table:agent_memories" [label="1"];' in dot
    assert dot.count("{") == dot.count("}")


def test_mermaid_has_subgraphs_and_styles_exactly_the_violating_links() -> None:
    view = handmade_view()
    text = render(view, "mermaid")
    assert text.startswith("flowchart LR\n")
    assert text.count("subgraph ") == 5 and text.count("\n  end\n") == 5
    links = [line for line in text.splitlines() if "-->|" in line]
    assert len(links) == len(view.edges)
    styled = re.search(r"linkStyle ([\d,]+) stroke:#dc2626", text)
    assert styled is not None
    expected = [str(n) for n, edge in enumerate(view.edges.values()) if edge.violating]
    assert styled.group(1).split(",") == expected


def test_json_lists_nodes_edges_and_findings_with_their_edges() -> None:
    data = json.loads(render(handmade_view(), "json"))
    assert data["version"] == "1"
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    edge = next(e for e in data["edges"] if e["id"] == f"{CP}->{MEMORIES}")
    assert (edge["count"], edge["violating"], edge["rules"]) == (2, True, ["MOL101"])
    assert {f["rule"] for f in data["findings"]} == {"MOL101", "MOL102", "MOL104"}


def test_html_is_self_contained_svg_with_finding_rows() -> None:
    view = handmade_view()
    page = render(view, "html")
    assert page.startswith("<!DOCTYPE html>") and "<svg id=\"graph\"" in page and "</svg>" in page
    assert page.count('<tr data-finding="') == len(view.findings) == 4
    assert page.count('class="edge violating"') == sum(1 for e in view.edges.values() if e.violating)
    assert_self_contained(page)
    data = re.search(r'<script type="application/json" id="finding-data">(.*?)</script>', page, re.DOTALL)
    assert data is not None
    reach = json.loads(data.group(1))[3]
    assert reach["hops"][0] == ["controlplane/digest.py:1", "from common.memory import recent"]
    assert len(reach["edges"]) == 2 and all(re.fullmatch(r"e\d+", e) for e in reach["edges"])


def assert_self_contained(page: str) -> None:
    """Nothing is fetched when the page opens: no external scripts, styles, fonts or images."""
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|<img\b|<iframe\b|@import|url\((?!#)", page, re.IGNORECASE)
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page, re.IGNORECASE)


# -- real projects through the command line -------------------------------------

CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
    "platform_data": {"tables": ["orgs"]},
}
FILES = {
    "common/__init__.py": "",
    "common/memory.py": """\
        def recent(conn):
            return conn.execute("SELECT body FROM agent_memories ORDER BY id DESC LIMIT 5").all()
        """,
    "controlplane/__init__.py": "",
    "controlplane/digest.py": """\
        import os

        from common.memory import recent

        def digest(conn):
            return [row.body for row in recent(conn)]

        def orgs(conn):
            return conn.execute("SELECT id FROM orgs").all()

        def odd():
            return os.environ["<img src=x onerror=alert(1)>"]
        """,
    "workspace_server/__init__.py": "",
    "workspace_server/api.py": """\
        from common.memory import recent

        def memories(conn):
            return recent(conn)
        """,
}


def graph_cli(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["graph", "--config", str(root / "molecule-lint.yaml"), "--no-cache", "-j", "1", *args]
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def real_project(tmp_path: Path) -> Path:
    return write_project(tmp_path, FILES, CONFIG)


def test_graph_json_of_a_real_project(real_project: Path) -> None:
    code, out, _ = graph_cli(real_project, "--format", "json")
    assert code == 0
    data = json.loads(out)
    edges = {e["id"]: e for e in data["edges"]}
    assert edges[f"{CP}->{COMMON}"]["violating"]
    assert not edges[f"{COMMON}->{MEMORIES}"]["violating"] and not edges[f"{WS}->{COMMON}"]["violating"]
    assert not edges[f"{CP}->{ORGS}"]["violating"]
    assert [f["rule"] for f in data["findings"]] == ["MOL104", "MOL101"]  # the import, the call of `recent`


def test_graph_dot_and_mermaid_of_a_real_project(real_project: Path) -> None:
    dot = graph_cli(real_project)[1]  # dot is the default
    assert "subgraph cluster_platform {" in dot and "subgraph cluster_data_tenant {" in dot
    assert re.search(r'"service:controlplane" -> "service:common" \[label="\d+", color="#dc2626"', dot)
    mermaid = graph_cli(real_project, "--format", "mermaid")[1]
    assert mermaid.startswith("flowchart LR") and 'subgraph tenant["tenant services"]' in mermaid
    assert "linkStyle" in mermaid


def test_graph_html_escapes_what_the_scanned_code_names(real_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    code, stdout, _ = graph_cli(real_project, "--format", "html", "-o", str(out))
    assert (code, stdout) == (0, "")
    page = out.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert page.count('<tr data-finding="') == 2
    assert_self_contained(page)


def test_graph_for_one_service(real_project: Path) -> None:
    data = json.loads(graph_cli(real_project, "--format", "json", "--service", "common")[1])
    assert {n["id"] for n in data["nodes"]} == {COMMON, CP, WS, MEMORIES}
    assert {e["id"] for e in data["edges"]} == {f"{CP}->{COMMON}", f"{WS}->{COMMON}", f"{COMMON}->{MEMORIES}"}
    assert [f["rule"] for f in data["findings"]] == ["MOL104", "MOL101"]


def test_graph_for_an_unknown_service_exits_2_with_a_suggestion(real_project: Path) -> None:
    code, _, err = graph_cli(real_project, "--service", "workspace-servr")
    assert code == 2
    assert err == "molecule-lint: unknown service 'workspace-servr': no service of that name; did you mean 'workspace-server'?\n"


def test_graph_sees_code_the_rules_alone_would_not_parse(real_project: Path) -> None:
    """The prefilter skips tenant code the platform cannot reach; the graph must not."""
    write_project(real_project, {"workspace_server/solo.py": "def n(db):\n    return db.execute('SELECT 1 FROM agent_memories')\n"})
    data = json.loads(graph_cli(real_project, "--format", "json")[1])
    evidence = {h["path"] for e in data["edges"] if e["id"] == f"{WS}->{MEMORIES}" for h in e["evidence"]}
    assert evidence == {"workspace_server/solo.py"}
    assert lint(real_project).files_parsed < lint(real_project, prefilter=False).files_parsed


def test_a_service_importing_code_of_no_service_gets_an_edge_to_unassigned(real_project: Path) -> None:
    write_project(real_project, {"tools/__init__.py": "", "tools/text.py": "def clean(s):\n    return s.strip()\n"})
    write_project(real_project, {"workspace_server/names.py": "from tools.text import clean\n\ndef name(s):\n    return clean(s)\n"})
    code, out, _ = graph_cli(real_project, "--format", "json")
    assert code == 0
    edges = {e["id"] for e in json.loads(out)["edges"]}
    assert f"{WS}->service:(unassigned)" in edges


# -- the focused view (default) and --all -------------------------------------------


@pytest.fixture(scope="module")
def plane_size(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return plane_like(tmp_path_factory.mktemp("plane"))


def test_by_default_stores_no_finding_involves_fold_one_node_per_column(plane_size: Path) -> None:
    full, data = json.loads(graph(plane_size, "json", "--all")), json.loads(graph(plane_size, "json"))
    involved = {node for f in data["findings"] for node in f["nodes"]}
    nodes = {n["id"]: n for n in data["nodes"]}
    assert involved <= nodes.keys()
    services = {n["id"] for n in full["nodes"] if n["kind"] == "service"}
    folds = {n["id"]: n for n in data["nodes"] if n["kind"] == "fold"}
    assert nodes.keys() == services | involved | folds.keys()
    unclassified = folds["fold:data_other"]
    assert (unclassified["label"], len(unclassified["members"])) == ("140 unclassified data", 140)
    assert "store:env:EMAIL_HOST" in unclassified["members"] and "store:env:DEBUG" in unclassified["members"]
    folded = {member for fold in folds.values() for member in fold["members"]}
    assert folded | nodes.keys() - folds.keys() == {n["id"] for n in full["nodes"]}
    # One edge per service into a fold, carrying the counts and evidence of the edges it replaces.
    into = {e["id"]: e for e in data["edges"]}["service:api->fold:data_other"]
    replaced = [e for e in full["edges"] if e["source"] == "service:api" and e["target"] in unclassified["members"]]
    assert into["count"] == sum(e["count"] for e in replaced) == 140 and not into["violating"]
    assert len(into["evidence"]) == 140
    assert [e["id"] for e in data["edges"] if e["violating"]] == [e["id"] for e in full["edges"] if e["violating"]]
    assert not any(n["kind"] == "fold" for n in full["nodes"])


def test_folds_in_dot_and_mermaid(plane_size: Path) -> None:
    assert re.search(r'"fold:data_other" \[label="140 unclassified data\\nenv var ×140", shape=folder', graph(plane_size, "dot"))
    assert re.search(r'n\d+\[\["140 unclassified data<br/>env var ×140"\]\]', graph(plane_size, "mermaid"))
    assert "fold:" not in graph(plane_size, "dot", "--all")


def test_a_fold_of_one_store_is_the_store(real_project: Path) -> None:
    """orgs is the only platform table and no finding involves it: it stays itself."""
    nodes = {n["id"]: n["kind"] for n in json.loads(graph_cli(real_project, "--format", "json")[1])["nodes"]}
    assert nodes[ORGS] == "store" and not any(kind == "fold" for kind in nodes.values())


def test_fold_members_are_escaped_in_the_page(real_project: Path, tmp_path: Path) -> None:
    """Two unclassified env vars fold; their names reach the search text, the tooltip and the drill-down data."""
    hostile = "X\x1b]0;t\x07\u202e</script><b>"
    write_project(real_project, {"common/env.py": f"import os\n\nV = os.environ[{hostile!r}]\n"})
    out = tmp_path / "graph.html"
    assert graph_cli(real_project, "--format", "html", "-o", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert 'data-s="2 unclassified data' in page
    assert "<img src=x" not in page and "</script><b>" not in page and not UNSAFE.search(page.replace("\n", ""))
    data = re.search(r'id="node-data">(.*?)</script>', page, re.S)
    assert data is not None
    fold = next(entry for entry in json.loads(data.group(1)).values() if entry.get("members"))
    assert sorted(label for label, _ in fold["members"]) == ["<img src=x onerror=alert(1)>", human(hostile)]
