"""`molecule-lint why SOURCE TARGET`: shortest paths hop by hop; exit 1 path, 0 none, 2 unknown name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_project

from molecule_lint.cli import main

CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"], "env": ["TENANT_DATABASE_URL"]},
    "platform_data": {"tables": ["orgs"]},
}
FILES = {
    "common/__init__.py": "",
    "common/memory.py": """\
        def recent(conn):
            return conn.execute("SELECT body FROM agent_memories ORDER BY id DESC LIMIT 5").all()

        def count(conn):
            return _scalar(conn)

        def _scalar(conn):
            return conn.execute("SELECT count(*) FROM agent_memories").scalar()
        """,
    "controlplane/__init__.py": "",
    "controlplane/reports.py": """\
        from common import memory

        def weekly(conn):
            return memory.recent(conn)

        def totals(conn):
            return memory.count(conn)
        """,
    "controlplane/dns.py": """\
        def records(conn):
            return conn.execute("SELECT name FROM orgs").all()
        """,
    "workspace_server/__init__.py": "",
    "workspace_server/db.py": """\
        import os

        DSN = os.environ["TENANT_DATABASE_URL"]
        """,
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_project(tmp_path, FILES, CONFIG)


def why(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["why", *args, "--config", str(root / "molecule-lint.yaml"), "--no-cache", "-j", "1"])
    return result.exit_code, result.stdout, result.stderr


def test_a_path_exits_1_and_shows_each_hop_with_file_and_line(root: Path) -> None:
    code, out, _ = why(root, "controlplane", "agent_memories", "--k", "1")
    assert code == 1
    assert out.splitlines() == [
        "path 1: controlplane.reports.weekly -> table `agent_memories` (2 hops)",
        "    controlplane/reports.py:4  uses `common.memory.recent`  [controlplane.reports.weekly -> common.memory.recent]",
        "    common/memory.py:2  SELECT body FROM agent_memories ORDER BY id DESC LIMIT 5  [common.memory.recent -> table `agent_memories`]",
    ]


def test_k_paths_shortest_first(root: Path) -> None:
    out = why(root, "controlplane", "agent_memories")[1]
    headers = [line for line in out.splitlines() if line.startswith("path ")]
    assert headers == [
        "path 1: controlplane.reports.weekly -> table `agent_memories` (2 hops)",
        "path 2: controlplane.reports.totals -> table `agent_memories` (3 hops)",
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("controlplane/reports.py", "AGENT_MEMORIES"),  # a file; tables in any case
        ("controlplane.reports", "common.memory"),  # a module to a module
        ("controlplane.reports.totals", "agent_memories"),  # one function
        ("common", "store:table:agent_memories"),  # a store node id
        ("workspace-server", "TENANT_DATABASE_URL"),  # an env var
        ("workspace_server/", "TENANT_*"),  # a directory; a glob over store names
    ],
)
def test_sources_and_targets_by_every_kind_of_name(root: Path, source: str, target: str) -> None:
    assert why(root, source, target)[0] == 1


def test_no_path_exits_0(root: Path) -> None:
    code, out, _ = why(root, "controlplane.dns", "agent_memories")
    assert (code, out) == (0, "no path from controlplane.dns to agent_memories\n")


def test_paths_do_not_run_backwards_along_edges(root: Path) -> None:
    assert why(root, "common", "controlplane")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("controlplan", "agent_memories"),
            "molecule-lint: unknown source 'controlplan': no service, module or file of that name; did you mean 'controlplane'?\n",
        ),
        (
            ("controlplane", "agent_memoirs"),
            (
                "molecule-lint: unknown target 'agent_memoirs': no data store, table, env var, Redis key, endpoint, "
                "module or file of that name; did you mean 'agent_memories'?\n"
            ),
        ),
        (
            ("controlplane", "zzzz"),
            "molecule-lint: unknown target 'zzzz': no data store, table, env var, Redis key, endpoint, module or file of that name\n",
        ),
    ],
)
def test_unknown_names_exit_2_with_a_suggestion(root: Path, args: tuple[str, str], message: str) -> None:
    code, out, err = why(root, *args)
    assert (code, out, err) == (2, "", message)
