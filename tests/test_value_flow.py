"""The value-flow core: values resolved across functions, classes and modules reach sinks, and the
accesses carry the evidence (trace) back to where the tenant name is written."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

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


def test_methods_inherited_from_a_library_client_class_are_its_sinks() -> None:
    found = tenant(
        {
            "shared/sessions.py": """
                from requests import Session
                from urllib.parse import urljoin
                class PrefixedSession(Session):
                    def __init__(self, prefix_url):
                        super().__init__()
                        self.prefix_url = prefix_url
            """,
            "platform/job.py": """
                import redis
                from shared.sessions import PrefixedSession
                ROUTE = "workspaces/{}/memories"
                class TenantApi(PrefixedSession):
                    def pull(self, ws):
                        return self.get(ROUTE.format(ws)).json()
                    def ping(self):
                        return self.get("healthz").ok
                class Counters(redis.Redis):
                    def seen(self, ws):
                        return self.get(ROUTE.format(ws))
                def run(ws):
                    TenantApi("http://api").post(f"/workspaces/{ws}/memories", json={})
            """,
        }
    )
    assert places(found) == [(7, "http", "/workspaces/*/memories"), (14, "http", "/workspaces/*/memories")]
    assert [a.note for a in found] == ["GET workspaces/{}/memories", "POST /workspaces/{}/memories"]


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


def test_env_objects_of_environs_and_starlette_reach_connections() -> None:
    found = tenant(
        {
            "shared/conf.py": """
                from environs import Env
                from starlette.config import Config
                env = Env()
                config = Config(".env")
                STORE = env("TENANT_DATABASE_URL")
                OWN = config("PLATFORM_DATABASE_URL")
                STORE_TOO = config("TENANT_DATABASE_URL", default="")
            """,
            "platform/job.py": """
                import asyncpg
                from shared import conf
                async def run():
                    await asyncpg.connect(conf.STORE)
                    await asyncpg.connect(conf.OWN)
                    await asyncpg.connect(dsn=conf.STORE_TOO)
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (7, "env", "TENANT_DATABASE_URL")]


def test_psycopg_sql_composition_is_the_text_it_composes() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/stmts.py": """
                from psycopg2 import sql as q
                def by_org(name):
                    return q.SQL("SELECT * FROM {t} WHERE org_id = %s").format(t=q.Identifier(name))
            """,
            "platform/job.py": """
                from psycopg import sql
                from shared import stmts, tables
                def run(cur, org):
                    cur.execute(stmts.by_org(tables.MEMORY), (org,))
                    cur.execute(stmts.by_org(tables.QUOTA), (org,))
                    cur.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier("public", tables.MEMORY)))
                    cur.execute(sql.SQL("SELECT 1 -- agent_memories"))
            """,
        }
    )
    assert places(found) == [(5, "table", "agent_memories"), (7, "table", "agent_memories")]


SQL_FILES_CONFIG: dict[str, Any] = {
    "services": [{"name": "cp", "plane": "platform", "paths": ["platform/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
    "platform_data": {"tables": ["orgs"]},
}


def test_sql_files_read_beside_the_code(project: Any) -> None:
    """`Path(__file__).parent / ...`, `.with_name(...)`, `importlib.resources.files(pkg).joinpath(...)`, then
    `read_text()`: the file's SQL is what runs; the trace ends in the file."""
    files = {
        "platform/__init__.py": "",
        "platform/reports/__init__.py": "",
        "platform/reports/queries/notes.sql": "SELECT count(*) FROM agent_memories",
        "platform/reports/queries/orgs.sql": "SELECT count(*) FROM orgs",
        "platform/reports/loader.py": """\
from importlib import resources
from pathlib import Path

FOLDER = Path(__file__).parent / "queries"


def load(stem):
    return (FOLDER / (stem + ".sql")).read_text()


NOTES = Path(__file__).with_name("queries").joinpath("notes.sql").read_text(encoding="utf-8")
BY_PACKAGE = resources.files("platform.reports").joinpath("queries/notes.sql").read_text()
""",
        "platform/jobs.py": """\
from platform.reports import loader


async def run(pool):
    await pool.fetch(loader.load("notes"))
    await pool.fetch(loader.load("orgs"))
    await pool.fetch(loader.NOTES)
    await pool.fetch(loader.BY_PACKAGE)
    await pool.fetch(loader.load("missing"))
""",
    }
    result = project(files, SQL_FILES_CONFIG)
    reads = [f for f in result.findings if f.rule == "MOL101"]
    assert [(f.path, f.loc.line) for f in reads] == [("platform/jobs.py", 5), ("platform/jobs.py", 7), ("platform/jobs.py", 8)]
    assert reads[0].trace[-1].path == "platform/reports/queries/notes.sql"


def test_a_client_attribute_set_by_the_base_init_through_super() -> None:
    found = tenant(
        {
            "shared/rest.py": """
                import httpx
                class Rest:
                    def __init__(self, root, retries=3):
                        self.retries = retries
                        self.transport = httpx.Client(base_url=root)
                    def fetch(self, route):
                        return self.transport.get(route).json()
            """,
            "platform/job.py": """
                from shared.rest import Rest
                class Tenants(Rest):
                    def __init__(self, host):
                        super(Tenants, self).__init__(root=f"https://{host}", retries=1)
                    def notes(self, ws):
                        return self.fetch("/workspaces/" + ws + "/memories")
                    def alive(self):
                        return self.fetch("/healthz")
            """,
        }
    )
    assert places(found) == [(7, "http", "/workspaces/*/memories")]


def test_urllib3_requests() -> None:
    found = tenant(
        {
            "shared/routes.py": 'NOTES = "/workspaces/%s/memories"\n',
            "platform/job.py": """
                import urllib3
                from shared import routes
                pool = urllib3.PoolManager(retries=2)
                def run(host, ws):
                    pool.request("GET", host + routes.NOTES % ws)
                    urllib3.request("GET", url=f"https://{host}/workspaces/{ws}/memories")
                    pool.request("GET", host + "/readyz")
                    pool.urlopen("POST", "https://" + host + routes.NOTES % ws)
            """,
        }
    )
    assert places(found) == [(6, "http", "/workspaces/*/memories"), (7, "http", "/workspaces/*/memories"), (9, "http", "/workspaces/*/memories")]


def test_a_parameter_typed_as_a_library_client() -> None:
    found = tenant(
        {
            "platform/job.py": """
                import aiohttp
                from httpx import AsyncClient
                from yarl import URL
                async def run(http: aiohttp.ClientSession, api: AsyncClient, other, host, ws):
                    await http.get(f"https://{host}/workspaces/{ws}/memories")
                    await api.post(url=str(URL.build(host=host) / "workspaces" / ws / "memories"))
                    await other.get(f"https://{host}/workspaces/{ws}/memories")
                    await http.get(f"https://{host}/healthz")
            """,
        }
    )
    assert places(found) == [(6, "http", "/workspaces/*/memories"), (7, "http", "/workspaces/*/memories")]


def test_a_parameter_typed_as_a_project_class_is_an_injected_instance() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/repo.py": """
                class Rows:
                    def __init__(self, cursor=None):
                        self.cursor = cursor
                    def take(self, table, org):
                        return self.cursor.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org,))
            """,
            "platform/job.py": """
                from shared.repo import Rows
                from shared.tables import MEMORY, QUOTA
                def handler(rows: Rows, other, org):
                    rows.take(MEMORY, org)
                    rows.take(QUOTA, org)
                    other.take(MEMORY, org)
            """,
        }
    )
    assert places(found) == [(5, "table", "agent_memories")]


def test_raw_sql_of_peewee_tortoise_and_records() -> None:
    """Helpers that hand their statement to Peewee's `execute_sql`, a Tortoise connection or records' `query`
    are sinks for their callers."""
    found = tenant(
        {
            "shared/stmts.py": 'NOTES = "SELECT * FROM agent_memories"\nQUOTAS = "SELECT * FROM memory_quotas"\n',
            "shared/run.py": """
                import records
                from tortoise import Tortoise
                rows = records.Database("postgresql://fleet-db/fleet")
                def peewee(db, statement):
                    return db.execute_sql(statement)
                async def tortoise(statement):
                    return await Tortoise.get_connection("default").execute_query_dict(statement)
                def fetch(statement):
                    return rows.query(statement)
            """,
            "platform/job.py": """
                from shared import run, stmts
                async def job(db):
                    run.peewee(db, stmts.NOTES)
                    await run.tortoise(stmts.NOTES)
                    run.fetch(stmts.NOTES)
                    run.peewee(db, stmts.QUOTAS)
                    run.fetch(stmts.QUOTAS)
            """,
        }
    )
    assert places(found) == [(4, "table", "agent_memories"), (5, "table", "agent_memories"), (6, "table", "agent_memories")]


def test_django_aliases_connect_to_the_settings_entry_of_the_readers_own_service() -> None:
    config = Config(**{**{f: getattr(CONFIG, f) for f in CONFIG.__slots__}, "tenant_data": DataSpec(
        env=("TENANT_DATABASE_URL", "TENANT_REDIS_URL"), redis_keys=("mem:*",)
    )})
    files = {
        "platform/conf/settings.py": """
            import environ
            env = environ.Env()
            DATABASES = {"default": env.db("DATABASE_URL"), "replica": env.db_url("TENANT_DATABASE_URL")}
            CACHES = {
                "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": env.str("REDIS_URL")},
                "org_cache": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": env.str("TENANT_REDIS_URL")},
            }
        """,
        "tenant/site/settings.py": """
            from decouple import config
            CACHES = {"default": {"LOCATION": config("TENANT_REDIS_URL")}}
        """,
        "platform/job.py": """
            from django.core.cache import caches
            from django.db import connections
            from django_redis import get_redis_connection as redis_for
            from platform.models import Org
            REPLICA = "replica"
            def run(alias):
                connections[REPLICA].cursor()
                connections["default"].cursor()
                connections[alias].cursor()
                caches["default"].get("quota:1")
                client = redis_for(alias="org_cache")
                client.hgetall("mem:1:2")
                redis_for("default").get("quota:1")
                Org.objects.using(REPLICA).count()
                Org.objects.db_manager(using="default").count()
        """,
    }
    found = tenant(files, config=config)
    assert places(found) == [
        (8, "env", "TENANT_DATABASE_URL"), (12, "env", "TENANT_REDIS_URL"), (13, "redis", "mem:1:2"),
        (15, "env", "TENANT_DATABASE_URL"),
    ]  # fmt: skip
    assert [(hop.path, hop.line) for hop in found[1].evidence()] == [("platform/job.py", 12), ("platform/conf/settings.py", 5)]


def test_queryset_extra_fragments_in_lists_and_dicts_are_sql() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                import logging
                from shared.tables import MEMORY, QUOTA
                from platform.models import Org
                def run():
                    busy = (f"id IN (SELECT org_id FROM {MEMORY})",)
                    Org.objects.extra(where=busy)
                    Org.objects.extra({"n": "SELECT count(*) FROM " + MEMORY + " m WHERE m.org_id = orgs.id"})
                    Org.objects.extra(where=[f"id IN (SELECT org_id FROM {QUOTA})", "plan = 'pro'"])
                    logging.getLogger(__name__).info("done", extra={"table": MEMORY})
            """,
        }
    )
    assert places(found) == [(7, "table", "agent_memories"), (8, "table", "agent_memories")]


def test_the_value_of_an_enum_member_is_its_text() -> None:
    files = {
        "shared/kinds.py": """
            import enum
            class Store(str, enum.Enum):
                NOTES = "agent_memories"
                LIMITS = "memory_quotas"
            class Legacy(enum.Enum):
                NOTES = "agent_memories"
        """,
        "platform/job.py": """
            from shared.kinds import Legacy, Store
            def run(cur):
                cur.execute(f"SELECT * FROM {Store.NOTES.value}")
                cur.execute("DELETE FROM " + Legacy.NOTES.value)
                cur.execute(f"SELECT * FROM {Store.LIMITS.value}")
                cur.execute("SELECT * FROM %s" % Store.NOTES.name)
        """,
    }
    assert places(tenant(files)) == [(4, "table", "agent_memories"), (5, "table", "agent_memories")]


def test_dedented_and_quoted_names_keep_their_text() -> None:
    files = {
        **TABLES,
        "shared/queries.py": """
            import textwrap
            from inspect import cleandoc
            def listing(table):
                return textwrap.dedent(f\"\"\"
                    SELECT id
                    FROM {table}
                \"\"\")
            def tidy(sql):
                return cleandoc(sql)
        """,
        "platform/job.py": """
            from django.db import connection
            from shared.queries import listing, tidy
            from shared.tables import MEMORY, QUOTA
            def run(cur):
                cur.execute(listing(MEMORY))
                cur.execute(tidy("SELECT 1 FROM " + connection.ops.quote_name(MEMORY)))
                cur.execute(listing(QUOTA))
        """,
    }
    assert places(tenant(files)) == [(6, "table", "agent_memories"), (7, "table", "agent_memories")]


def test_getattr_of_django_settings_is_the_setting() -> None:
    files = {
        "platform/conf/settings.py": """
            import os
            REPORTS_DSN = os.environ["TENANT_DATABASE_URL"]
            OWN_DSN = os.environ["DATABASE_URL"]
        """,
        "platform/job.py": """
            import psycopg2
            from django.conf import settings as conf
            def run(name):
                psycopg2.connect(getattr(conf, "REPORTS_DSN", None))
                psycopg2.connect(getattr(conf, "OWN_DSN"))
                psycopg2.connect(getattr(conf, name))
        """,
    }
    assert places(tenant(files)) == [(5, "env", "TENANT_DATABASE_URL")]


def test_a_django_models_meta_db_table_is_its_table() -> None:
    files = {
        "shared/records.py": """
            from django.db import models
            class Note(models.Model):
                class Meta:
                    db_table = "agent_memories"
            class Limit(models.Model):
                class Meta:
                    db_table = "memory_quotas"
        """,
        "platform/job.py": """
            from shared.records import Limit, Note
            def run(cur):
                cur.execute(f"SELECT count(*) FROM {Note._meta.db_table}")
                cur.execute("SELECT 1 FROM " + Limit._meta.db_table)
                cur.execute("DELETE FROM %s" % Note()._meta.db_table)
                cur.execute(f"SELECT 1 FROM {Note._meta.verbose_name}")
        """,
    }
    found = tenant(files)
    assert places(found) == [(4, "table", "agent_memories"), (6, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].evidence()] == [("platform/job.py", 4), ("shared/records.py", 3)]


def test_static_and_class_methods_bind_their_arguments() -> None:
    files = {
        **TABLES,
        "shared/builders.py": """
            class Statements:
                @staticmethod
                def total(table, column="id"):
                    return f"SELECT count({column}) FROM {table}"
                @classmethod
                def rows(cls, table):
                    return "SELECT * FROM " + table
            class Runner:
                @staticmethod
                def run(cursor, table):
                    cursor.execute("DELETE FROM " + table)
        """,
        "platform/job.py": """
            from shared.builders import Runner, Statements
            from shared.tables import MEMORY, QUOTA
            def run(cur):
                cur.execute(Statements.total(MEMORY))
                cur.execute(Statements.rows(MEMORY))
                Runner.run(cur, MEMORY)
                cur.execute(Statements().total(QUOTA))
                Runner().run(cur, QUOTA)
        """,
    }
    assert places(tenant(files)) == [(5, "table", "agent_memories"), (6, "table", "agent_memories"), (7, "table", "agent_memories")]


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


def test_a_dataclass_field_is_what_its_module_constructs_it_with() -> None:
    job = """\
from dataclasses import dataclass


@dataclass
class Export:
    cur: object
    source: str

    def rows(self):
        return self.cur.execute("SELECT * FROM " + self.source)


@dataclass
class Audit:
    cur: object
    source: str = "orgs"

    def rows(self):
        return self.cur.execute("SELECT * FROM " + self.source)


def make(cur):
    return Export(cur=cur, source="agent_memories"), Audit(cur=cur)
"""
    assert places(tenant({"platform/job.py": job})) == [(10, "table", "agent_memories")]


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


def test_a_value_assigned_in_a_branch_keeps_the_one_before_it_but_a_refinement_does_not() -> None:
    """`try`/`if` may not run: the value before is possible too. A branch that refines the name
    (`if where: sql += ...`) runs as the call decides: the unrefined text is no query of that call."""
    files = {
        **TABLES,
        "shared/sql.py": """
            def count_sql(table, where=None):
                sql = "SELECT count(*) FROM " + table
                if where:
                    sql += " WHERE " + where
                return sql
        """,
        "platform/job.py": """
            import os
            import psycopg
            from shared import sql, tables
            def run(cur, tenant_side):
                table = tables.QUOTA
                if tenant_side:
                    table = tables.MEMORY
                cur.execute("SELECT count(*) FROM " + table + " WHERE org_id = %s")
                try:
                    dsn = os.environ["TENANT_DATABASE_URL"]
                except KeyError:
                    dsn = "postgres://platform-db/cp"
                psycopg.connect(dsn)
                cur.execute(sql.count_sql(tables.MEMORY, where="org_id = %s"))
        """,
    }
    project, facts = linked(files)
    found = [a for a in project.accesses(facts["platform/job.py"]) if a.plane == "tenant"]
    # the tenant table chosen in a branch (9), the env read in a `try` (11) reaching the connection (14)
    assert places(found) == [(9, "table", "agent_memories"), (11, "env", "TENANT_DATABASE_URL"),
                             (14, "env", "TENANT_DATABASE_URL"), (15, "table", "agent_memories")]  # fmt: skip
    sql_facts = project.sql_facts(facts["platform/job.py"])
    texts = [project.render(fact.text) for fact, _ in sql_facts if fact.loc.line == 15]
    assert texts == ["SELECT count(*) FROM agent_memories WHERE org_id = %s"]  # never the count without its WHERE


def test_a_frame_moved_to_a_line_keeps_everything_else() -> None:
    from molecule_lint.core.values import Frame, Text, Unit

    frame = Frame("pkg.mod", "Client.get", (("org", (Text(("acme",)),)),), Unit("pkg.mod", "Client"), 3)
    assert frame.at(9) == replace(frame, line=9)
