"""The value-flow core: values resolved across functions, classes and modules reach sinks, and the
accesses carry the evidence (trace) back to where the tenant name is written."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

from molecule_lint.catalog import DataCatalog
from molecule_lint.config import Config, DataSpec, Service, SinkModel
from molecule_lint.facts import FileFacts
from molecule_lint.frontends.python import analyze_python
from molecule_lint.frontends.python.lower import summaries
from molecule_lint.frontends.python.syntax import parse
from molecule_lint.linker import Access, Project
from molecule_lint.modules import python_module_name

CONFIG = Config(
    root=Path("."),
    source=None,
    services=(
        Service("cp", "platform", ("platform/",)),
        Service("common", "shared", ("shared/",)),
        Service("ws", "tenant", ("tenant/",), ("http://tenant-api:8080",)),
    ),
    tenant_data=DataSpec(
        tables=("agent_memories",), env=("TENANT_DATABASE_URL",), endpoints=("/workspaces/*/memories",)
    ),
    platform_data=DataSpec(tables=("orgs", "memory_quotas")),
)


def linked(files: dict[str, str], config: Config = CONFIG) -> tuple[Project, dict[str, FileFacts]]:
    facts = {}
    for path, source in files.items():
        facts[path] = analyze_python(path, python_module_name(path), textwrap.dedent(source).encode())
        assert facts[path].error is None
    catalog = DataCatalog(config, [], lambda path: "")
    return Project(config, list(facts.values()), catalog), facts


def tenant(files: dict[str, str], path: str = "platform/job.py", config: Config = CONFIG) -> list[Access]:
    project, facts = linked(files, config)
    return [a for a in project.accesses(facts[path]) if a.plane == "tenant"]


def places(accesses: list[Access]) -> list[tuple[int, str, str]]:
    return [(a.loc.line, a.kind, a.target) for a in accesses]


TABLES = {"shared/tables.py": 'MEMORY = "agent_memories"\nQUOTA = "memory_quotas"\n'}


def test_a_function_return_with_its_argument_substituted() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/sql.py": """
                from shared.tables import MEMORY
                def count_sql(table):
                    return "SELECT count(*) FROM " + table
            """,
            "platform/job.py": """
                from shared import sql, tables
                def run(cur):
                    cur.execute(sql.count_sql(tables.MEMORY))
                    cur.execute(sql.count_sql(tables.QUOTA))
            """,
        }
    )
    assert places(found) == [(4, "table", "agent_memories")]
    hops = [(hop.path, hop.line) for hop in found[0].evidence()]
    assert hops == [("platform/job.py", 4), ("shared/sql.py", 4), ("shared/tables.py", 1)]
    assert "agent_memories" in found[0].evidence()[-1].note


def test_locals_defaults_augmented_assignment_and_format() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                from shared.tables import MEMORY
                def run(cur, table=MEMORY):
                    sql = "SELECT * FROM {}".format(table)
                    sql += " WHERE id = %s"
                    cur.execute(sql, (1,))
                def other(cur, org):
                    cur.execute("DELETE FROM %s WHERE org_id = %%s" % MEMORY, (org,))
            """,
        }
    )
    assert places(found) == [(6, "table", "agent_memories"), (8, "table", "agent_memories")]


def test_class_attributes_inheritance_and_instances() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/repo.py": """
                from shared.tables import MEMORY
                class Repo:
                    table: str
                    def __init__(self, cur):
                        self.cur = cur
                    def count(self):
                        return self.cur.execute(f"SELECT count(*) FROM {self.table}")
            """,
            "platform/job.py": """
                from shared.repo import Repo
                from shared.tables import MEMORY
                class Memories(Repo):
                    table = MEMORY
                class Quotas(Repo):
                    table = "memory_quotas"
                def run(cur):
                    Quotas(cur).count()
                    return Memories(cur).count()
            """,
        }
    )
    assert places(found) == [(10, "table", "agent_memories")]


def test_route_tables_and_registries_by_constant_key() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                from shared import tables
                REGISTRY = {"memories": tables.MEMORY, "quotas": tables.QUOTA}
                def run(cur, kind):
                    cur.execute("SELECT * FROM " + REGISTRY["memories"])
                    cur.execute("SELECT * FROM " + REGISTRY["quotas"])
                    cur.execute("SELECT * FROM " + REGISTRY.get("memories", "orgs"))
                    cur.execute("SELECT * FROM " + REGISTRY.get(kind, "orgs"))
                    for name in (tables.QUOTA, tables.MEMORY):
                        cur.execute(f"TRUNCATE {name}")
            """,
        }
    )
    expected = [(5, "table", "agent_memories"), (7, "table", "agent_memories"), (10, "table", "agent_memories")]
    assert places(found) == expected


def test_a_helper_that_takes_a_table_is_a_sink_for_its_callers() -> None:
    files = {
        **TABLES,
        "shared/db.py": """
            def fetch(cur, table, org_id):
                return cur.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org_id,))
            def fetch_all(cur, table):
                return [fetch(cur, table, org) for org in range(3)]
        """,
        "platform/job.py": """
            from shared.db import fetch, fetch_all
            from shared.tables import MEMORY, QUOTA
            def run(cur, org):
                fetch(cur, QUOTA, org)
                fetch(cur, MEMORY, org)
                fetch_all(cur, MEMORY)
        """,
    }
    found = tenant(files)
    assert places(found) == [(6, "table", "agent_memories"), (7, "table", "agent_memories")]
    assert [hop.path for hop in found[1].evidence()] == [
        "platform/job.py", "shared/db.py", "shared/db.py", "shared/tables.py"
    ]
    assert tenant(files, "shared/db.py") == []  # the helper alone reads nothing of a tenant's


def test_http_clients_with_a_base_url_and_url_builders() -> None:
    found = tenant(
        {
            "shared/client.py": """
                import httpx
                TENANT_API = "http://tenant-api:8080"
                class TenantClient:
                    def __init__(self, base_url=TENANT_API):
                        self.base_url = base_url.rstrip("/")
                    def memories_url(self, ws):
                        return f"{self.base_url}/workspaces/{ws}/memories"
                    def health_url(self):
                        return self.base_url + "/healthz"
            """,
            "platform/job.py": """
                import httpx, requests
                from urllib.parse import urljoin
                from shared.client import TenantClient
                API = "https://api.example.com/"
                def run(ws):
                    client = TenantClient()
                    requests.get(client.memories_url(ws))
                    requests.get(client.health_url())
                    with httpx.Client(base_url=API) as http:
                        http.get(f"/workspaces/{ws}/memories")
                        http.get("/orgs")
            """,
        }
    )
    assert places(found) == [(8, "http", "/workspaces/*/memories"), (11, "http", "/workspaces/*/memories")]


def test_env_names_from_prefixes_and_getattr_of_constants() -> None:
    found = tenant(
        {
            "shared/names.py": 'PREFIX = "TENANT_"\nclass Keys:\n    DB = PREFIX + "DATABASE_URL"\n',
            "platform/job.py": """
                import os
                from shared.names import PREFIX, Keys
                def run():
                    os.environ.get(PREFIX + "DATABASE_URL")
                    os.environ[getattr(Keys, "DB")]
                    os.getenv("TENANT_DATABASE_URL_DOCS")
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (6, "env", "TENANT_DATABASE_URL")]


def test_user_models_declare_wrappers() -> None:
    config = Config(**{**{f: getattr(CONFIG, f) for f in CONFIG.__slots__}, "models": (
        SinkModel("corp.settings.secret", "env", "name"),
    )})
    files = {
        "platform/job.py": """
            from corp.settings import secret
            def run():
                return secret(name="TENANT_DATABASE_URL")
        """,
    }
    assert tenant(files) == []
    assert places(tenant(files, config=config)) == [(4, "env", "TENANT_DATABASE_URL")]


def test_unknowns_stay_holes_and_cycles_end() -> None:
    found = tenant(
        {
            "platform/job.py": """
                def loop(n):
                    return loop(n) + "x"
                def run(cur, table):
                    sql = "SELECT * FROM " + table
                    sql = sql + sql
                    cur.execute(sql)
                    cur.execute(loop(1))
                    cur.execute(undefined_name)
            """,
        }
    )
    assert found == []


def test_env_values_reach_connections_through_settings() -> None:
    found = tenant(
        {
            "shared/config.py": """
                import os
                from decouple import config
                TENANT_DSN = os.environ["TENANT_DATABASE_URL"]
                PLATFORM_DSN = config("PLATFORM_DATABASE_URL")
            """,
            "site/settings.py": 'import os\nTENANT_DB = os.getenv("TENANT_DATABASE_URL")\n',
            "platform/job.py": """
                import psycopg
                from django.conf import settings
                from shared import config
                def run():
                    psycopg.connect(config.TENANT_DSN)
                    psycopg.connect(config.PLATFORM_DSN)
                    psycopg.connect(settings.TENANT_DB)
            """,
        }
    )
    assert places(found) == [(6, "env", "TENANT_DATABASE_URL"), (8, "env", "TENANT_DATABASE_URL")]
    assert [(hop.path, hop.line) for hop in found[1].evidence()] == [("platform/job.py", 8), ("site/settings.py", 2)]


def test_self_reference_line_after_line_stays_linear() -> None:
    """Only the value-flow summaries (the facts' own walk would build the string itself)."""
    doubling = "\n".join(["    x = " + " + ".join(["x"] * 50)] * 20)
    source = f'def run(cur):\n    x = "agent_memories"\n{doubling}\n    cur.execute("SELECT * FROM " + x)\n'
    parsed = parse(source.encode())
    units = summaries(parsed.tree, "platform", parsed.positions)
    facts = FileFacts("platform/job.py", "python", "platform.job", tuple(units))
    project = Project(CONFIG, [facts], DataCatalog(CONFIG, [], lambda path: ""))
    assert project.accesses(facts) == []  # 14 * 50**20 characters: no name anyone wrote, a hole


def test_the_last_assignment_before_the_read_counts() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                from shared.tables import MEMORY, QUOTA
                def run(cur):
                    table = MEMORY
                    table = QUOTA
                    cur.execute("SELECT * FROM " + table)
                    table = MEMORY
                    cur.execute("DELETE FROM " + table)
            """,
        }
    )
    assert places(found) == [(8, "table", "agent_memories")]


def test_a_key_builder_joining_its_star_args() -> None:
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, redis_keys=("ws:*",)))
    found = tenant(
        {
            "shared/cachekeys.py": """
                PREFIX = "ws"
                def colon(*segments):
                    return ":".join(segments)
                def workspace(ws_id, *more):
                    return colon(PREFIX, ws_id, *more)
                def invoice(org_id):
                    return colon("invoice", org_id)
            """,
            "platform/job.py": """
                import redis
                from shared.cachekeys import invoice, workspace
                client = redis.Redis()
                def run(ws_id, org_id):
                    client.get(invoice(org_id))
                    return client.hgetall(workspace(ws_id, "status"))
            """,
        },
        config=config,
    )
    assert places(found) == [(7, "redis", "ws:{}:{}")]


def test_a_parameter_is_an_instance_of_its_declared_type_dependency_aliases_included() -> None:
    found = tenant(
        {
            "shared/api.py": """
                from typing import Annotated
                import httpx
                from fastapi import Depends
                class Api:
                    def fetch(self, path):
                        return httpx.get(path)
                def make_api():
                    return Api()
                ApiDep = Annotated[Api, Depends(make_api)]
            """,
            "platform/job.py": """
                from typing import Annotated, Optional
                import httpx
                from fastapi import Depends
                from shared.api import ApiDep
                def pick():
                    return None
                async def run(ws, api: ApiDep, client: httpx.AsyncClient, other: Annotated[httpx.Client, Depends(pick)], maybe: Optional[httpx.Client]):
                    api.fetch("/healthz")
                    await client.get("/healthz")
                    api.fetch(f"/workspaces/{ws}/memories")
                    await client.get(f"/workspaces/{ws}/memories")
                    other.post(f"/workspaces/{ws}/memories")
                    return maybe.get(f"/workspaces/{ws}/memories")
            """,
        }
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(11, "http"), (12, "http"), (13, "http"), (14, "http")]


def test_a_local_declared_of_a_type_is_an_instance_of_it_where_its_value_is_unknown() -> None:
    found = tenant(
        {
            "platform/job.py": """
                import requests
                import httpx
                from starlette.requests import Request
                def run(ws, registry, request: Request):
                    session: requests.Session = request.app.state.session
                    session.get("/healthz")
                    client: httpx.Client = registry["client"]
                    client.get("/ping")
                    session.post(f"/workspaces/{ws}/memories")
                    return client.get(f"/workspaces/{ws}/memories")
            """,
        }
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(10, "http"), (11, "http")]
