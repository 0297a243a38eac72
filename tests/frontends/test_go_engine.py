"""Go through the whole engine: a monorepo of Go services, and its Python twin giving the same findings."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import lint, write_project

from molecule_lint.engine import RunResult

FIXTURE = Path(__file__).parent / "fixtures" / "go-monorepo"

CONFIG: dict[str, Any] = {
    "version": 1,
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {
            "name": "workspace-server",
            "plane": "tenant",
            "paths": ["workspace-server/"],
            "urls": ["postgres://tenant-db"],
        },
        {"name": "shared", "plane": "shared", "paths": ["shared/"]},
    ],
    "tenant_data": {
        "tables": ["agent_memories"],
        "env": ["TENANT_DATABASE_URL"],
        "redis_keys": ["ws:*"],
        "endpoints": ["/workspaces/*/memories"],
    },
    "platform_data": {"tables": ["billing_accounts"]},
}

# What the platform side of the fixture does wrong, and where; nothing else may fire
# (the platform's own table, the traps in log and error strings, the harmless helper, the probe).
EXPECTED = [
    ("MOL102", "controlplane/cmd/server/main", 10),  # os.Getenv("TENANT_DATABASE_URL")
    ("MOL101", "controlplane/internal/billing/usage", 14),  # SQL on agent_memories
    ("MOL102", "controlplane/internal/cache/cache", 14),  # Redis key ws:{}:status
    ("MOL102", "controlplane/internal/cache/cache", 24),  # connects to the tenant database
    ("MOL104", "controlplane/internal/digest/digest", 6),  # through shared/db to agent_memories
    ("MOL101", "controlplane/internal/digest/digest", 11),  # the call of shared/db's reader of agent_memories
    ("MOL103", "controlplane/internal/probe/probe", 9),  # GET /workspaces/{}/memories
]


def _findings(result: RunResult, suffix: str) -> list[tuple[str, str, int]]:
    return [(f.rule, f.path.removesuffix(suffix), f.loc.line) for f in result.findings]


def _go_project(tmp_path: Path) -> Path:
    root = tmp_path / "go"
    shutil.copytree(FIXTURE, root)
    return write_project(root, {}, CONFIG)


def test_go_monorepo_findings(tmp_path: Path) -> None:
    result = lint(_go_project(tmp_path))
    assert result.internal_errors == 0
    assert _findings(result, ".go") == EXPECTED


def test_transitive_chain_across_go_packages(tmp_path: Path) -> None:
    result = lint(_go_project(tmp_path))
    [finding] = [f for f in result.findings if f.rule == "MOL104"]
    assert "github.com/acme/molecule/shared/db" in finding.message
    assert [(hop.path, hop.line) for hop in finding.trace] == [
        ("controlplane/internal/digest/digest.go", 6),  # the import
        ("controlplane/internal/digest/digest.go", 11),  # db.RecentMemories(...)
        ("shared/db/memories.go", 14),  # the query, through the package constant
    ]


def test_go_suppressions_and_broken_files(tmp_path: Path) -> None:
    files = {
        "go.mod": "module github.com/acme/molecule\n",
        "controlplane/usage.go": """\
            package controlplane

            const audit = "SELECT body FROM agent_memories WHERE id = $1" // molecule-lint: ignore[MOL101] -- yearly audit
            // molecule-lint: ignore[MOL101]
            const peek = "SELECT body FROM agent_memories WHERE id = $1"
            """,
        "controlplane/broken.go": "package controlplane\n\nfunc (\n",
    }
    result = lint(write_project(tmp_path, files, CONFIG))
    assert _findings(result, "") == [
        ("MOL901", "controlplane/broken.go", 3),
        ("MOL903", "controlplane/usage.go", 4),
    ]
    assert sorted(f.loc.line for f in result.suppressed) == [3, 5]


# The same services in Python, line for line where the findings are.
PYTHON_TWIN = {
    "controlplane/cmd/server/main.py": """\
        '''Platform entry point.'''

        import logging
        import os



        def main():
            dsn = os.getenv("DATABASE_URL")
            tenant = os.getenv("TENANT_DATABASE_URL")
            logging.info("%s %s", dsn, tenant)
        """,
    "controlplane/internal/billing/usage.py": """\
        '''Billing usage.'''

        import logging







        # usage_report counts a workspace's agent_memories for the invoice.
        def usage_report(conn, org):
            n = 0
            row = conn.execute("SELECT count(*) FROM agent_memories WHERE org_id = %s", (org,)).fetchone()
            if row is None:
                logging.error("SELECT count(*) FROM agent_memories failed")
                raise ValueError("select from agent_memories failed")
            return row[0] + n


        def invoices(conn):
            return conn.execute("SELECT id, amount FROM billing_accounts")
        """,
    "controlplane/internal/cache/cache.py": """\
        '''Platform cache.'''

        import psycopg
        import redis





        rdb = redis.Redis(host="platform-redis", port=6379)


        def status(ws):
            return rdb.get(f"ws:{ws}:status")



        def plan(org):
            return rdb.get(f"plan:{org}")



        def open_tenant():
            return psycopg.connect("postgres://tenant-db:5432/molecule")
        """,
    "controlplane/internal/digest/digest.py": """\
        '''Weekly digest.'''




        from shared.db import recent_memories



        def weekly(org):
            return recent_memories(org)
        """,
    "controlplane/internal/dns/records.py": """\
        from shared.util import slug


        def record_name(org):
            return slug(org) + ".tenants.example.com"
        """,
    "controlplane/internal/probe/probe.py": """\
        '''Tenant probes.'''

        import requests




        def memories(base, ws):
            return requests.get(f"{base}/workspaces/{ws}/memories")




        def health(base):
            return requests.get(f"{base}/health")
        """,
    "shared/db.py": """\
        RECENT = "SELECT body FROM agent_memories WHERE org_id = %s ORDER BY id DESC LIMIT 5"


        def recent_memories(conn, org):
            return conn.execute(RECENT, (org,)).fetchall()
        """,
    "shared/util.py": """\
        def slug(name):
            return name.lower().replace(" ", "-")


        def recent(conn):
            return conn.execute("SELECT body FROM agent_memories").fetchall()
        """,
}


def test_go_findings_match_the_python_twin(tmp_path: Path) -> None:
    go = lint(_go_project(tmp_path))
    python = lint(write_project(tmp_path / "py", PYTHON_TWIN, CONFIG))
    assert python.internal_errors == 0
    assert _findings(python, ".py") == _findings(go, ".go") == EXPECTED
