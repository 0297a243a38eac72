"""The value-flow core: values resolved across functions, classes and modules reach sinks, and the
accesses carry the evidence (trace) back to where the tenant name is written."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from conftest import EXAMPLE_ROOT, lint

from molecule_lint.catalog import DataCatalog
from molecule_lint.config import Config, DataSpec, Service, SinkModel
from molecule_lint.facts import MODULE_SCOPE, FileFacts
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


def test_a_class_bases_are_resolved_once_however_many_attributes_are_read(monkeypatch: Any) -> None:
    """Every read of an instance's attribute walks its class's project bases: each base expression is
    evaluated once (per evaluation depth), not at every read."""
    from molecule_lint.core.values import Resolver

    files = {
        **TABLES,
        "platform/job.py": """
            from shared.tables import MEMORY
            class Repo:
                schema = "public"
                def __init__(self, cur):
                    self.cur = cur
            class Memories(Repo):
                table = MEMORY
            def run(cur):
                repo = Memories(cur)
                repo.cur.execute(f"SELECT count(*) FROM {repo.schema}.{repo.table}")
                return repo.cur.execute(f"SELECT id FROM {repo.table}")
        """,
    }
    depths: list[int] = []
    evaluate = Resolver.eval

    def counted(self: Resolver, value: Any, frame: Any, depth: int) -> Any:
        if getattr(value, "name", None) == "Repo" and frame.unit == MODULE_SCOPE:
            depths.append(depth)
        return evaluate(self, value, frame, depth)

    monkeypatch.setattr(Resolver, "eval", counted)
    assert places(tenant(files)) == [(11, "table", "agent_memories"), (12, "table", "agent_memories")]
    assert depths and len(depths) == len(set(depths))


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


def test_a_helpers_sites_its_arguments_do_not_reach_are_resolved_once_not_per_caller(monkeypatch: Any) -> None:
    """What a helper reaches whoever calls it is its own finding (dropped at each caller): with every caller's
    arguments, only the sites those arguments reach are resolved again."""
    from molecule_lint.core.sinks import Sinks

    files = {
        **TABLES,
        "shared/db.py": """
            from django.db import connection
            def fetch(table):
                cursor = connection.cursor()
                cursor.execute("SELECT count(*) FROM agent_memories")
                return cursor.execute(f"SELECT * FROM {table}")
        """,
        "platform/job.py": """
            from shared.db import fetch
            def run():
                fetch("orgs")
                fetch("memory_quotas")
                fetch("agent_memories")
        """,
    }
    resolved: list[tuple[str, int]] = []
    site_hits = Sinks._site_hits
    def counted(self: Sinks, site: Any, frame: Any, depth: int, summary: Any) -> Any:
        resolved.append((frame.module, site.loc.line))
        return site_hits(self, site, frame, depth, summary)

    monkeypatch.setattr(Sinks, "_site_hits", counted)
    assert places(tenant(files)) == [(6, "table", "agent_memories")]  # the count is fetch's own, reported there
    assert places(tenant(files, "shared/db.py")) == [(5, "table", "agent_memories")]
    own, passed = resolved.count(("shared.db", 5)), resolved.count(("shared.db", 6))
    assert (own, passed) == (2, 5)  # alone: in its file and as the callers' drop list; passed: and each caller


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


def test_tortoise_and_piccolo_databases_opened_from_settings() -> None:
    """Tortoise's `init(db_url=...)`/`register_tortoise(app, db_url=...)` and Piccolo's `PostgresEngine(config={...})`
    connect to what their DSN was read from; the platform's own DSN is silent."""
    found = tenant(
        {
            "shared/conf.py": """
                import os
                FLEET = os.environ["TENANT_DATABASE_URL"]
                OWN = os.environ["PLATFORM_DATABASE_URL"]
            """,
            "platform/job.py": """
                from piccolo.engine.postgres import PostgresEngine
                from tortoise import Tortoise
                from tortoise.contrib.starlette import register_tortoise
                from shared import conf
                async def start(app):
                    await Tortoise.init(db_url=conf.FLEET, modules={"models": ["platform.models"]})
                    await Tortoise.init(db_url=conf.OWN, modules={"models": ["platform.models"]})
                    register_tortoise(app, db_url=conf.FLEET, modules={})
                    return PostgresEngine(config={"dsn": conf.FLEET}), PostgresEngine(config={"dsn": conf.OWN})
            """,
        }
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL"), (9, "env", "TENANT_DATABASE_URL"), (10, "env", "TENANT_DATABASE_URL")]


def test_tortoise_config_dict_connects_to_each_of_its_connections() -> None:
    """`Tortoise.init(config=...)` / `register_tortoise(app, config=...)`: every value of the config's
    `connections` dict is a DSN it opens; its `apps` entries (models, a connection's alias) open nothing."""
    found = tenant(
        {
            "shared/conf.py": """
                import os
                FLEET = os.environ["TENANT_DATABASE_URL"]
                OWN = os.environ["PLATFORM_DATABASE_URL"]
            """,
            "platform/job.py": """
                from tortoise import Tortoise
                from tortoise.contrib.fastapi import register_tortoise
                from shared import conf
                ORM = {
                    "connections": {"default": conf.OWN, "replica": conf.FLEET},
                    "apps": {"billing": {"models": ["platform.models"], "default_connection": "default"}},
                }
                async def start(app):
                    await Tortoise.init(config=ORM)
                    register_tortoise(app, config={"connections": {"default": conf.FLEET}})
                    await Tortoise.init(config={"connections": {"default": conf.OWN}}, db_url=conf.OWN)
            """,
        }
    )
    assert places(found) == [(10, "env", "TENANT_DATABASE_URL"), (11, "env", "TENANT_DATABASE_URL")]


def test_flask_config_keys_are_attributes_of_what_the_services_from_object_loads() -> None:
    """`current_app.config["X"]` / `.get("X")`: X of the classes the reader's own service loads with
    `config.from_object(...)` (a class, a dict entry, an import string); not of another service's config,
    nor of a class nothing loads."""
    found = tenant(
        {
            "platform/settings.py": """
                import os
                class Base:
                    EVENTS_TABLE = "memory_quotas"
                class Live(Base):
                    STORE_DSN = os.environ.get("TENANT_DATABASE_URL")
                    ARCHIVE_TABLE = "agent_memories"
                class Audit:
                    AUDIT_TABLE = "agent_memories"
                class Unused:
                    OTHER_TABLE = "agent_memories"
                by_name = {"live": Live}
            """,
            "platform/app.py": """
                from flask import Flask
                from platform.settings import by_name
                def make_app(name="live"):
                    app = Flask(__name__)
                    app.config.from_object(by_name[name])
                    app.config.from_object("platform.settings.Audit")
                    return app
            """,
            "tenant/app.py": """
                from flask import Flask
                class TenantConfig:
                    QUOTA_TABLE = "agent_memories"
                app = Flask(__name__)
                app.config.from_object(TenantConfig)
            """,
            "platform/job.py": """
                import psycopg
                from flask import current_app
                def run(db):
                    psycopg.connect(current_app.config["STORE_DSN"])
                    db.execute(f"SELECT * FROM {current_app.config.get('ARCHIVE_TABLE')}")
                    db.execute(f"SELECT * FROM {current_app.config['AUDIT_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['EVENTS_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['QUOTA_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['OTHER_TABLE']}")
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (6, "table", "agent_memories"), (7, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[1].evidence()][-1] == ("platform/settings.py", 7)


def test_flask_config_keys_given_to_from_mapping_and_update() -> None:
    found = tenant(
        {
            "platform/factory.py": """
                import os
                from flask import Flask
                TABLES = {"SWEEP_TABLE": "agent_memories", "QUOTA_TABLE": "memory_quotas"}
                def build():
                    app = Flask(__name__)
                    app.config.from_mapping(TABLES, READ_DSN=os.environ["TENANT_DATABASE_URL"])
                    app.config.update(EXPORT_TABLE="agent_memories", LIMIT_TABLE="memory_quotas")
                    return app
            """,
            "platform/job.py": """
                import psycopg
                from flask import current_app
                def run(db):
                    psycopg.connect(current_app.config["READ_DSN"])
                    db.execute(f"SELECT * FROM {current_app.config['SWEEP_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['EXPORT_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['QUOTA_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['LIMIT_TABLE']}")
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (6, "table", "agent_memories"), (7, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[2].evidence()][-1] == ("platform/factory.py", 8)


def test_flask_config_entries_stored_by_key_in_the_factory() -> None:
    """`app.config["X"] = value` in the app factory, read back elsewhere in the service as
    `current_app.config["X"]` or `app.config.get("X")`; an entry naming a platform table, another service's
    entry, or one stored in some other object's mapping names nothing."""
    found = tenant(
        {
            "platform/factory.py": """
                import os
                from flask import Flask
                def create_app():
                    app = Flask(__name__)
                    app.config["ARCHIVE_DSN"] = os.environ["TENANT_DATABASE_URL"]
                    app.config["PURGE_TABLE"] = "agent_memories"
                    app.config["QUOTA_TABLE"] = "memory_quotas"
                    return app
                class Registry:
                    def __init__(self):
                        self.tables = {}
                        self.tables["OTHER_TABLE"] = "agent_memories"
            """,
            "tenant/app.py": """
                from flask import Flask
                app = Flask(__name__)
                app.config["LOCAL_TABLE"] = "agent_memories"
            """,
            "platform/job.py": """
                import psycopg
                from flask import current_app
                from platform.factory import create_app
                def run(db):
                    app = create_app()
                    psycopg.connect(app.config.get("ARCHIVE_DSN"))
                    db.execute(f"DELETE FROM {current_app.config['PURGE_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['QUOTA_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['LOCAL_TABLE']}")
                    db.execute(f"SELECT * FROM {current_app.config['OTHER_TABLE']}")
            """,
        }
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL"), (8, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[1].evidence()][-1] == ("platform/factory.py", 7)


def test_flask_sqlalchemy_engines_by_bind_key_connect_to_the_binds_config_entry() -> None:
    """`db.engines["k"]` and `db.get_engine(bind="k")` (Flask-SQLAlchemy 3 and 2) are the store the app's
    `SQLALCHEMY_BINDS["k"]` names; a bind to the platform's own database is no finding."""
    found = tenant(
        {
            "platform/ext.py": "from flask_sqlalchemy import SQLAlchemy\nstore = SQLAlchemy()\n",
            "platform/conf.py": """
                import os
                class Prod:
                    SQLALCHEMY_BINDS = {"tenants": os.environ["TENANT_DATABASE_URL"], "own": os.environ["HUB_DSN"]}
            """,
            "platform/factory.py": """
                from flask import Flask
                from platform.conf import Prod
                app = Flask(__name__)
                app.config.from_object(Prod)
            """,
            "platform/job.py": """
                from platform.ext import store
                def run():
                    a = store.engines["tenants"]
                    b = store.get_engine(bind="tenants")
                    c = store.engines["own"]
                    return a, b, c
            """,
        }
    )
    assert places(found) == [(4, "env", "TENANT_DATABASE_URL"), (5, "env", "TENANT_DATABASE_URL")]


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


def test_variables_of_a_dotenv_file_read_as_a_dict_at_module_level_or_in_a_function() -> None:
    """python-dotenv's `dotenv_values(path)` is the file's variables: a subscript or `get` of a tenant
    store's name reads it, at the line (a module-level dict read in a function too); the platform's own
    variable, a local dict that is not the file's, and a name in a log string are nothing."""
    found = tenant(
        {
            "platform/conf.py": """
                import logging
                from dotenv import dotenv_values
                values = dotenv_values(".env.local")
                OWN = values.get("PLATFORM_DATABASE_URL")
                def store_dsn():
                    return values["TENANT_DATABASE_URL"]
                def other():
                    values = {"TENANT_DATABASE_URL": "x"}
                    logging.info("TENANT_DATABASE_URL is not read here")
                    return values["TENANT_DATABASE_URL"]
                STORE = values.get("TENANT_DATABASE_URL", "")
            """,
        },
        path="platform/conf.py",
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL"), (12, "env", "TENANT_DATABASE_URL")]


def test_typed_readers_of_environs_and_dependency_injector_configuration_read_env() -> None:
    found = tenant(
        {
            "shared/names.py": 'SUFFIX = "_URL"\n',
            "platform/wiring.py": """
                from dependency_injector import containers, providers
                from environs import Env
                from shared.names import SUFFIX
                env = Env()
                env.read_env()
                class Box(containers.DeclarativeContainer):
                    conf = providers.Configuration()
                def build():
                    box = Box()
                    box.conf.store.dsn.from_env("TENANT_DATABASE_URL")
                    box.conf.own.dsn.from_env("PLATFORM_DATABASE_URL")
                    first = env.str("tenant_database".upper() + SUFFIX)
                    return first, env.int("POOL_SIZE", 5), env.url("TENANT_DATABASE_URL")
            """,
        },
        path="platform/wiring.py",
    )
    assert places(found) == [(11, "env", "TENANT_DATABASE_URL"), (13, "env", "TENANT_DATABASE_URL"), (14, "env", "TENANT_DATABASE_URL")]


def test_environs_reads_inside_a_prefixed_block_take_its_prefix() -> None:
    """`with env.prefixed("TENANT_"):` makes `env.str("DATABASE_URL")` read TENANT_DATABASE_URL (nested prefixes
    add up, a prefix may be a constant); another prefix, or `os.getenv` in the block, is read as written."""
    found = tenant(
        {
            "shared/names.py": 'STORE = "TENANT_"\n',
            "platform/settings.py": """
                import os
                from environs import Env
                from shared import names
                env = Env()
                with env.prefixed(names.STORE):
                    STORE = env.str("DATABASE_URL")
                    OWN = os.getenv("DATABASE_URL")
                with env.prefixed("TENANT_"), env.prefixed("DATABASE_"):
                    NESTED = env("URL")
                with env.prefixed("BILLING_"):
                    BILLING = env.str("DATABASE_URL")
                PLAIN = env.str("DATABASE_URL")
            """,
        },
        path="platform/settings.py",
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL"), (10, "env", "TENANT_DATABASE_URL")]


def test_dynaconf_settings_read_their_prefixed_env_var() -> None:
    """A dynaconf settings object's key (`get("k")`, `["K"]`, `.K`, the object made in another module) reads
    env as its `envvar_prefix` (default DYNACONF), "_", the key upper-cased; another prefix, the default one,
    a lower-case attribute (a method) and another library's `get` name other variables."""
    found = tenant(
        {
            "shared/conf.py": """
                from dynaconf import Dynaconf, LazySettings
                fleet = Dynaconf(envvar_prefix="TENANT", settings_files=["settings.toml"])
                own = LazySettings(envvar_prefix="PLATFORM")
                plain = Dynaconf(settings_files=["settings.toml"])
            """,
            "platform/job.py": """
                import sqlalchemy
                from shared.conf import fleet, own, plain
                def reports(cache):
                    sqlalchemy.create_engine(fleet.get("database_url"))
                    sqlalchemy.create_engine(fleet["DATABASE_URL"])
                    sqlalchemy.create_engine(fleet.DATABASE_URL)
                    sqlalchemy.create_engine(own.DATABASE_URL)
                    sqlalchemy.create_engine(plain.get("TENANT_DATABASE_URL"))
                    sqlalchemy.create_engine(cache.get("TENANT_DATABASE_URL"))
                    return fleet.as_dict()
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (6, "env", "TENANT_DATABASE_URL"), (7, "env", "TENANT_DATABASE_URL")]


def test_nested_settings_models_read_one_variable_per_field_with_the_nested_delimiter() -> None:
    """pydantic-settings with `env_nested_delimiter`: a field typed as a model of the file reads
    prefix + field + delimiter + sub-field, recursively (`Config` spelling, delimiter "_"); without a
    delimiter, or under another prefix, the nested fields name other variables."""
    found = tenant(
        {
            "platform/job.py": """
                from pydantic import BaseModel
                from pydantic_settings import BaseSettings
                class Database(BaseModel):
                    url: str = ""
                    pool: int = 5
                class Stores(BaseModel):
                    database: Database = Database()
                class Fleet(BaseSettings):
                    stores: Stores = Stores()
                    database: Database = Database()
                    class Config:
                        env_prefix = "TENANT_"
                        env_nested_delimiter = "_"
                class Deep(BaseSettings):
                    tenant: Stores = Stores()
                    class Config:
                        env_nested_delimiter = "_"
                class Flat(BaseSettings):
                    database: Database = Database()
                    class Config:
                        env_prefix = "TENANT_"
                class Own(BaseSettings):
                    database: Database = Database()
                    class Config:
                        env_prefix = "PLATFORM_"
                        env_nested_delimiter = "_"
            """,
        }
    )
    assert places(found) == [(11, "env", "TENANT_DATABASE_URL"), (16, "env", "TENANT_DATABASE_URL")]


def test_a_declared_settings_object_holds_what_its_classmethod_builds_it_with() -> None:
    found = tenant(
        {
            "shared/conf.py": """
                import os
                from dataclasses import dataclass
                @dataclass(frozen=True)
                class Conf:
                    primary: str
                    replica: str | None = None
                    @classmethod
                    def load(cls) -> "Conf":
                        return cls(primary=os.environ["PLATFORM_DATABASE_URL"], replica=os.environ.get("TENANT_DATABASE_URL"))
            """,
            "platform/job.py": """
                import psycopg
                from shared.conf import Conf
                def own(conf: Conf):
                    return psycopg.connect(conf.primary)
                def replica(conf: Conf):
                    return psycopg.connect(conf.replica)
            """,
        }
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL")]
    assert [(hop.path, hop.line) for hop in found[0].evidence()] == [("platform/job.py", 7), ("shared/conf.py", 10)]


def test_redis_list_and_hash_readers_are_redis_commands() -> None:
    config = replace(CONFIG, tenant_data=DataSpec(redis_keys=("mem:*",)))
    found = tenant(
        {
            "platform/peek.py": """
                import redis.asyncio as aioredis
                def key(ws):
                    return "mem:" + ws
                async def peek(url, ws):
                    client = aioredis.from_url(url)
                    await client.llen(key(ws))
                    await client.hkeys(key(ws))
                    await client.llen("quota:" + ws)
            """,
        },
        path="platform/peek.py",
        config=config,
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(7, "redis"), (8, "redis")]


def test_length_range_and_ttl_readers_are_redis_commands() -> None:
    """`strlen`, `getrange` and `pttl` touch their key as `get` does; on a platform key they stay silent."""
    config = replace(CONFIG, tenant_data=DataSpec(redis_keys=("notes:*",)))
    found = tenant(
        {
            "platform/sizer.py": """
                import redis
                def notes_key(ws):
                    return f"notes:{ws}:body"
                def size(url, ws, org):
                    r = redis.Redis.from_url(url)
                    r.pttl(f"plan:{org}")
                    r.getrange(f"plan:{org}", 0, 9)
                    return r.strlen(notes_key(ws))
            """,
        },
        path="platform/sizer.py",
        config=config,
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(9, "redis")]


def test_stream_and_sorted_set_readers_are_redis_commands_on_keys_joined_from_parts() -> None:
    config = replace(CONFIG, tenant_data=DataSpec(redis_keys=("act:*",)))
    found = tenant(
        {
            "shared/keys.py": 'PREFIX = "act"\ndef stream(ws):\n    return ":".join([PREFIX, ws, "stream"])\n',
            "platform/support.py": """
                from flask_redis import FlaskRedis
                from shared.keys import stream
                store = FlaskRedis()
                def recent(ws):
                    store.xrevrange(stream(ws), count=20)
                    store.zrevrange(stream(ws), 0, 9)
                    store.xrevrange(":".join(["billing", ws]), count=20)
            """,
        },
        path="platform/support.py",
        config=config,
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(6, "redis"), (7, "redis")]


def test_stream_consumers_and_channels_name_their_keys_in_a_dicts_keys() -> None:
    config = replace(CONFIG, tenant_data=DataSpec(redis_keys=("feed:*",)))
    found = tenant(
        {
            "shared/names.py": 'FEED = "feed"\ndef feed_of(team):\n    return f"{FEED}:{team}:events"\n',
            "platform/meter.py": """
                import redis
                from shared.names import feed_of
                conn = redis.Redis.from_url("redis://meter:6379")
                def meter(team):
                    conn.xreadgroup("meter", "m1", {feed_of(team): ">"}, count=10)
                    conn.xread(streams={feed_of(team): "$"}, block=500)
                    conn.publish(feed_of(team), "ping")
                    conn.xreadgroup("meter", "m1", {"invoices:" + team: ">"})
                    conn.mset({"quota:" + team: feed_of(team)})
                    conn.pubsub().subscribe(feed_of(team))
                    conn.pubsub().psubscribe("quota:*")
            """,
        },
        path="platform/meter.py",
        config=config,
    )
    assert [(line, kind) for line, kind, _ in places(found)] == [(6, "redis"), (7, "redis"), (8, "redis"), (11, "redis")]


def test_a_path_joined_from_a_list_with_the_variadic_parameter_spread_in() -> None:
    found = tenant(
        {
            "shared/routes.py": """
                ROOT = ""
                def route(ws, *tail):
                    return "/".join([ROOT, "workspaces", ws, *tail])
                def nested(ws, *tail):
                    return "/".join((ROOT, "workspaces", ws, *("extra", *tail)))
            """,
            "platform/job.py": """
                import httpx
                from shared.routes import nested, route
                def run(ws):
                    httpx.get("http://tenant-api:8080" + route(ws, "memories"))
                    httpx.get("http://tenant-api:8080" + route(ws, "usage"))
                    httpx.get("http://tenant-api:8080" + nested(ws, "memories"))
            """,
        }
    )
    assert [(line, target) for line, _, target in places(found) if target != "/"] == [
        (5, "/workspaces/*/memories"), (6, "/workspaces/*/usage"), (7, "/workspaces/*/extra/memories"),
    ]  # fmt: skip


def test_a_method_bound_with_functools_partial_in_init_is_called_with_its_bound_arguments() -> None:
    found = tenant(
        {
            "platform/client.py": """
                import functools
                import httpx
                class Tenant:
                    def __init__(self, base, token):
                        self.http = httpx.Client(base_url=base)
                        self.fetch = functools.partial(self.send, "GET")
                        self.signed = functools.partial(self.send, "GET", token)
                    def send(self, method, path, *rest):
                        return self.http.request(method, path)
                    def notes(self, ws):
                        return self.fetch(f"/workspaces/{ws}/memories")
                    def alive(self):
                        return self.fetch("/healthz")
                    def odd(self, ws):
                        return self.signed(f"/workspaces/{ws}/memories")
            """,
        },
        path="platform/client.py",
    )
    assert places(found) == [(12, "http", "/workspaces/*/memories")]  # not `signed`: `token` means nothing in `odd`


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


def test_sql_files_of_the_modules_own_package(project: Any) -> None:
    """`importlib.resources.files(__package__)`: in a package's `__init__.py` the package itself, in a plain
    module the package holding it."""
    files = {
        "platform/__init__.py": "",
        "platform/stats/__init__.py": """\
from importlib import resources


def sql(stem):
    return resources.files(__package__).joinpath("sql", stem + ".sql").read_text()
""",
        "platform/stats/sql/notes.sql": "SELECT count(*) FROM agent_memories",
        "platform/stats/sql/orgs.sql": "SELECT count(*) FROM orgs",
        "platform/stats/runner.py": """\
import importlib.resources

from platform.stats import sql


def run(cur):
    cur.execute(sql("notes"))
    cur.execute(sql("orgs"))
    cur.execute((importlib.resources.files(__package__) / "sql" / "notes.sql").read_text())
""",
    }
    result = project(files, SQL_FILES_CONFIG)
    assert [(f.path, f.loc.line) for f in result.findings if f.rule == "MOL101"] == [
        ("platform/stats/runner.py", 7), ("platform/stats/runner.py", 9)
    ]  # fmt: skip


def test_jinja2_templates_read_from_a_file_system_loaders_folder(project: Any) -> None:
    """`Environment(loader=FileSystemLoader(folder)).get_template(name).render(...)`: the file in that folder,
    rendered; a platform table rendered, a name no file has, or an environment with another loader, is nothing."""
    files = {
        "platform/sql/purge.sql.j2": "DELETE FROM {{ table }} WHERE created_at < now() - interval '90 days'",
        "platform/sql/orgs.sql.j2": "SELECT count(*) FROM agent_memories",
        "platform/jobs.py": """\
import os

from jinja2 import Environment, FileSystemLoader, PackageLoader

SQL = Environment(loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "sql")))
OTHER = Environment(loader=PackageLoader("platform", "sql"))


def run(cur):
    cur.execute(SQL.get_template("purge.sql.j2").render(table="agent_memories"))
    cur.execute(SQL.get_template("purge.sql.j2").render(table="orgs"))
    cur.execute(SQL.get_template("missing.sql.j2").render(table="agent_memories"))
    cur.execute(OTHER.get_template("orgs.sql.j2").render())
""",
    }
    result = project(files, SQL_FILES_CONFIG)
    reads = [f for f in result.findings if f.rule == "MOL101"]
    assert [(f.path, f.loc.line) for f in reads] == [("platform/jobs.py", 10)]
    assert reads[0].trace[-1].path == "platform/sql/purge.sql.j2"


def test_an_airflow_sql_operator_given_the_path_of_a_sql_template(project: Any) -> None:
    """`sql="sql/x.sql"` is a template file Airflow reads from the DAG's folder (else the root): its SQL
    runs at the operator; a path that names no file, or a platform table's file, is nothing."""
    files = {
        "platform/dags/sql/rollup.sql": "{# nightly #}\nSELECT org_id, count(*) FROM agent_memories GROUP BY org_id",
        "platform/dags/sql/orgs.sql": "SELECT count(*) FROM orgs",
        "queries/purge.sql": "SELECT id FROM agent_memories WHERE created_at < now() - interval '90 days'",
        "platform/dags/nightly.py": """\
from airflow.operators.postgres_operator import PostgresOperator
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator

ROLLUP = "sql/rollup.sql"

rollup = SQLExecuteQueryOperator(task_id="rollup", conn_id="replica", sql=ROLLUP)
orgs = SQLExecuteQueryOperator(task_id="orgs", conn_id="warehouse", sql="sql/orgs.sql")
purge = PostgresOperator(task_id="purge", sql="queries/purge.sql")
gone = PostgresOperator(task_id="gone", sql="sql/missing.sql")
""",
    }
    result = project(files, SQL_FILES_CONFIG)
    found = sorted((f.loc.line, f.rule) for f in result.findings)
    assert found == [(6, "MOL101"), (6, "MOL201"), (8, "MOL101")]
    assert result.findings[0].trace[-1].path == "platform/dags/sql/rollup.sql"


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


def test_a_shared_alias_helper_reads_the_settings_of_the_services_importing_it() -> None:
    """Both Django projects name an alias `default`; the tenant's is its own database. A shared helper taking
    the alias runs under its importers' settings: the platform passing "default" reaches its own store."""
    files = {
        "platform/core/settings.py": """
            import environ
            env = environ.Env()
            DATABASES = {"default": env.db("DATABASE_URL"), "orgs_ro": env.db("TENANT_DATABASE_URL")}
        """,
        "tenant/runtime/settings.py": """
            import environ
            env = environ.Env()
            DATABASES = {"default": env.db("TENANT_DATABASE_URL")}
        """,
        "shared/dbutil.py": """
            from django.db import connections
            def run_on(db_alias, statement):
                with connections[db_alias].cursor() as cur:
                    cur.execute(statement)
                    return cur.fetchall()
        """,
        "platform/job.py": """
            from shared.dbutil import run_on
            def run():
                run_on("default", "SELECT 1")
                run_on("orgs_ro", "SELECT 1")
        """,
    }
    assert places(tenant(files)) == [(5, "env", "TENANT_DATABASE_URL")]


def test_django_cache_api_calls_touch_the_redis_keys_they_are_given() -> None:
    config = replace(CONFIG, tenant_data=DataSpec(redis_keys=("act:*",)))
    files = {
        "shared/keys.py": 'STREAM = "act:"\n',
        "platform/purge.py": """
            from django.core import cache as django_cache
            from django.core.cache import caches
            from shared.keys import STREAM
            def purge(ws, org):
                django_cache.cache.get_or_set(STREAM + ws, list)
                caches["streams"].iter_keys(f"{STREAM}{ws}:*")
                caches["streams"].delete_many(keys=[STREAM + org, "billing:" + org])
                caches["default"].set("billing:" + org, 1)
                django_cache.cache.touch("actual:" + org)
                django_cache.cache.clear()
        """,
    }
    found = tenant(files, path="platform/purge.py", config=config)
    assert places(found) == [(6, "redis", "act:{}"), (7, "redis", "act:{}:*"), (8, "redis", "act:{}")]


def test_a_django_models_db_table_from_the_meta_it_inherits() -> None:
    files = {
        "shared/names.py": 'PREFIX = "agent_"\n',
        "platform/models.py": """
            from django.db import models
            from shared.names import PREFIX
            class TenantMeta:
                db_table = PREFIX + "memories"
            class Copy(models.Model):
                class Meta(TenantMeta):
                    ordering = ["id"]
            class Alias(models.Model):
                Meta = TenantMeta
            class Base(models.Model):
                class Meta:
                    abstract = True
                    db_table = f"{PREFIX}memories"
            class Child(Base):
                pass
            class Quota(models.Model):
                class Meta(object):
                    ordering = ["id"]
            class Concrete(models.Model):
                class Meta:
                    db_table = "agent_memories"
            class Subtable(Concrete):
                pass
            def run():
                return [M.objects.count() for M in (Copy, Alias, Child, Quota, Subtable)]
        """,
    }
    project, _ = linked(files)
    tables = {name: project.model_table(f"platform.models.{name}", "platform/models.py") for name in
              ("Copy", "Alias", "Child", "Quota", "Subtable")}  # fmt: skip
    assert {name: model.table for name, model in tables.items() if model is not None} == {
        "Copy": "agent_memories", "Alias": "agent_memories", "Child": "agent_memories",
        "Quota": "platform_quota", "Subtable": "platform_subtable",
    }  # fmt: skip


def test_dataset_tables_by_item_and_by_name() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                import dataset
                from shared import tables
                def run(url, cache):
                    db = dataset.Database(url)
                    rows = dataset.connect(url)[tables.MEMORY].all()
                    db.load_table(table_name=tables.MEMORY).count()
                    db[tables.QUOTA].find(org_id=1)
                    cache[tables.MEMORY].get("x")
            """,
        },
        path="platform/job.py",
    )
    assert places(found) == [(6, "table", "agent_memories"), (7, "table", "agent_memories")]


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
    assert places(found) == [(7, "redis", "ws:{}:status")]  # the caller's `*more`, spread into the join


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


def test_sql_rendered_from_a_jinja2_template_with_the_table_given_by_keyword_or_mapping() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/reports.py": """
                import jinja2
                from jinja2 import Template
                PER_ORG = Template("SELECT org_id, count(*) FROM {{ table }} GROUP BY org_id")
                SCAN = jinja2.Environment().from_string("SELECT * FROM {{table|lower}}{% if org %} WHERE org_id = %s{% endif %}")
            """,
            "platform/job.py": """
                import pandas
                from shared.reports import PER_ORG, SCAN
                from shared import tables
                def run(cur, engine):
                    cur.execute(PER_ORG.render(table=tables.QUOTA))
                    cur.execute(PER_ORG.render(table=tables.MEMORY))
                    query = SCAN.render({"table": tables.MEMORY, "org": 1})
                    return pandas.read_sql(query, engine), cur.execute(SCAN.render(table="orgs"))
            """,
        }
    )
    assert places(found) == [(7, "table", "agent_memories"), (9, "table", "agent_memories")]
    assert [hop.path for hop in found[0].evidence()] == ["platform/job.py", "shared/tables.py"]


def test_keywords_gathered_by_a_helper_and_passed_on_whole_to_a_template() -> None:
    """`def render(tpl, **ctx): return tpl.render(**ctx)`: the helper's `**ctx` is the keywords its caller gave
    (those no other parameter takes), so the table each caller names fills the template; a platform table
    passed the same way is nothing, nor is a keyword the template does not use."""
    found = tenant(
        {
            **TABLES,
            "shared/render.py": """
                from jinja2 import Template
                SELECT_ALL = Template("SELECT * FROM {{ source }}")
                def fill(template, limit=None, **context):
                    return template.render(**context)
            """,
            "platform/job.py": """
                from shared.render import SELECT_ALL, fill
                from shared import tables
                def run(cur):
                    cur.execute(fill(SELECT_ALL, source=tables.MEMORY))
                    cur.execute(fill(SELECT_ALL, source=tables.QUOTA))
                    cur.execute(fill(SELECT_ALL, limit=tables.MEMORY, source="orgs"))
            """,
        }
    )
    assert places(found) == [(5, "table", "agent_memories")]
    assert [hop.path for hop in found[0].evidence()] == ["platform/job.py", "shared/render.py", "shared/tables.py"]


def test_format_with_a_spread_mapping_takes_its_entries_as_keywords() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/exports.py": """
                from shared.tables import MEMORY, QUOTA
                MEMORY_EXPORT = {"table": MEMORY, "cols": "key, content"}
                QUOTA_EXPORT = dict(table=QUOTA, cols="org_id, bytes")
            """,
            "platform/job.py": """
                from shared.exports import MEMORY_EXPORT, QUOTA_EXPORT
                def dump(cur, spec):
                    cur.execute("SELECT {cols} FROM {table}".format(**spec))
                def run(cur):
                    dump(cur, QUOTA_EXPORT)
                    dump(cur, MEMORY_EXPORT)
            """,
        }
    )
    assert places(found) == [(7, "table", "agent_memories")]


def test_a_join_over_a_comprehension_and_a_list_extended_in_a_builder() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/sqlbits.py": """
                def per_schema(schemas, table):
                    return " UNION ALL ".join(f"SELECT count(*) FROM {s}.{table}" for s in schemas)
                def count(table, where=None):
                    words = ["SELECT count(*) FROM", table]
                    if where:
                        words += ["WHERE", where]
                    return " ".join(words)
            """,
            "platform/job.py": """
                from shared import sqlbits, tables
                def run(cur, schemas):
                    cur.execute(sqlbits.per_schema(schemas, tables.QUOTA))
                    cur.execute(sqlbits.count(tables.QUOTA, "org_id = %s"))
                    cur.execute(sqlbits.per_schema(schemas, tables.MEMORY))
                    cur.execute(sqlbits.count(tables.MEMORY, where="org_id = %s"))
            """,
        }
    )
    assert places(found) == [(6, "table", "agent_memories"), (7, "table", "agent_memories")]


def test_a_request_object_sent_by_urlopen_is_its_url() -> None:
    found = tenant(
        {
            "shared/paths.py": 'ROUTES = {"memories": "/workspaces/%s/memories", "health": "/healthz"}\n',
            "platform/job.py": """
                import urllib.request
                from urllib.parse import urljoin
                from shared.paths import ROUTES
                BASE = "http://tenant-api:8080"
                def fetch(ws):
                    probe = urllib.request.Request(urljoin(BASE, ROUTES["health"]))
                    urllib.request.urlopen(probe)
                    req = urllib.request.Request(urljoin(BASE, ROUTES["memories"] % ws), headers={})
                    return urllib.request.urlopen(req, timeout=5)
            """,
        }
    )
    assert places(found) == [(10, "http", "/workspaces/*/memories")]


def test_sql_text_given_to_any_query_method_records_bigquery_clickhouse() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/queries.py": 'MEMORY_SCAN = "SELECT * FROM agent_memories"\n',
            "platform/job.py": """
                from shared.tables import MEMORY, QUOTA
                from shared.queries import MEMORY_SCAN
                class Failures:
                    table = MEMORY
                    def __init__(self, db):
                        self.db = db
                    def recent(self):
                        return self.db.query(f"SELECT key FROM {self.table} WHERE created_at > now() - interval '1 day'")
                def run(client, search):
                    client.query(f"SELECT org_id, bytes FROM {QUOTA}")
                    search.query(MEMORY)  # a search index named like the table: no SQL
                    return client.query(MEMORY_SCAN).result()
            """,
        }
    )
    assert places(found) == [(9, "table", "agent_memories"), (13, "table", "agent_memories")]


def test_library_calls_naming_a_whole_table_or_a_base_url_session() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                import pandas as pd
                from requests_toolbelt.sessions import BaseUrlSession
                from shared.tables import MEMORY, QUOTA
                def run(engine, cur, fh):
                    pd.read_sql_table(QUOTA, engine)
                    frame = pd.read_sql_table(table_name=MEMORY, con=engine)
                    cur.copy_to(fh, QUOTA)
                    cur.copy_to(fh, MEMORY, sep=",")
                    tenant_api = BaseUrlSession(base_url="http://tenant-api:8080/")
                    tenant_api.get("/healthz")
                    return frame, tenant_api.get("/workspaces/w1/memories")
            """,
        }
    )
    assert places(found) == [(7, "table", "agent_memories"), (9, "table", "agent_memories"), (12, "http", "/workspaces/w1/memories")]


def test_a_config_document_written_in_the_code() -> None:
    found = tenant(
        {
            "platform/job.py": """
                import json
                SPEC = json.loads('{"exports": {"memories": "agent_memories", "quotas": "memory_quotas"}}')
                def run(cur):
                    cur.execute("SELECT * FROM " + SPEC["exports"]["quotas"])
                    return cur.execute("SELECT * FROM " + SPEC["exports"]["memories"])
            """,
        }
    )
    assert places(found) == [(6, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[0].evidence()] == [("platform/job.py", 6)]


def test_http_requests_by_method_name_through_sessions_and_the_standard_library() -> None:
    found = tenant(
        {
            "shared/paths.py": 'MEMORIES = "/workspaces/{}/memories"\nHEALTH = "/healthz"\n',
            "platform/job.py": """
                import http.client
                import aiohttp
                import requests
                from shared.paths import HEALTH, MEMORIES
                async def run(ws):
                    conn = http.client.HTTPSConnection("tenant-api", 8443)
                    conn.request("GET", HEALTH)
                    conn.request("GET", MEMORIES.format(ws))
                    requests.Session().request("DELETE", "http://tenant-api:8080" + MEMORIES.format(ws))
                    async with aiohttp.ClientSession() as http_session:
                        await http_session.put(f"http://tenant-api:8080{HEALTH}")
                        return await http_session.delete("http://tenant-api:8080" + MEMORIES.format(ws))
            """,
        }
    )
    assert sorted({line for line, kind, target in places(found) if "memories" in target}) == [9, 10, 13]
    assert all(line in (9, 10, 13) for line, _, _ in places(found))


def test_a_local_name_shadows_an_imported_module_of_the_same_name() -> None:
    found = tenant(
        {
            "shared/routes.py": """
                import enum
                class Route(str, enum.Enum):
                    MEMORIES = "/workspaces/{ws}/memories"
            """,
            "platform/job.py": """
                import http.client
                import json
                import aiohttp
                from shared.routes import Route
                async def run(ws):
                    async with aiohttp.ClientSession(base_url="http://tenant-api:8080") as http:
                        json = await (await http.get(Route.MEMORIES.value.format(ws=ws))).json()
                    return json
                def status():
                    return http.client.HTTPConnection("tenant-api").request("GET", "/healthz")
            """,
        }
    )
    assert sorted({line for line, _, target in places(found) if "memories" in target}) == [8]


def test_an_env_object_of_another_module_reads_env_through_any_of_its_methods() -> None:
    found = tenant(
        {
            "shared/conf/base.py": """
                import environ
                from environs import Env
                env = environ.Env()
                reader = Env()
            """,
            "platform/job.py": """
                from shared.conf import base
                from shared.conf.base import env, reader
                STORES = {"default": env.db("DATABASE_URL"), "replica": env.db("TENANT_DATABASE_URL")}
                REPLICA = base.env.str("TENANT_DATABASE_URL")
                def dsn():
                    return reader.str("TENANT_DATABASE_URL"), reader("PLATFORM_DATABASE_URL")
            """,
        }
    )
    assert places(found) == [(4, "env", "TENANT_DATABASE_URL"), (5, "env", "TENANT_DATABASE_URL"),
                             (7, "env", "TENANT_DATABASE_URL")]  # fmt: skip


def test_sql_a_module_writes_and_another_runs_is_reported_where_it_runs() -> None:
    files = {
        "platform/sql/queries.py": """
            RECENT = "SELECT id FROM agent_memories WHERE org_id = %s"
            BY_ID = "SELECT body FROM agent_memories WHERE id = %s"
            KEPT = "SELECT count(*) FROM agent_memories WHERE org_id = %s"
        """,
        "platform/job.py": """
            from platform.sql import queries
            from platform.sql.queries import BY_ID
            def run(cur, org_id):
                cur.execute(queries.RECENT, [org_id])
                cur.execute(BY_ID, [1])
        """,
    }
    assert places(tenant(files, "platform/job.py")) == [(5, "table", "agent_memories"), (6, "table", "agent_memories")]
    assert places(tenant(files, "platform/sql/queries.py")) == [(4, "table", "agent_memories")]  # run nowhere


def test_a_receiver_handed_on_by_a_classmethod_factory_or_a_fluent_method() -> None:
    files = {
        **TABLES,
        "shared/repo.py": """
            class Repository:
                table = None
                def __init__(self, cur=None):
                    self.cur = cur
                @classmethod
                def on(cls, cur):
                    return cls(cur)
                def ordered(self):
                    return self
                def rows(self, org_id):
                    return self.cur.execute(f"SELECT * FROM {self.table} WHERE org_id = %s", [org_id])
        """,
        "platform/job.py": """
            from shared.repo import Repository
            from shared.tables import MEMORY, QUOTA
            class Memories(Repository):
                table = MEMORY
            class Quotas(Repository):
                table = QUOTA
            def run(cur, org_id):
                Memories.on(cur).rows(org_id)
                Memories(cur).ordered().rows(org_id)
                Quotas.on(cur).ordered().rows(org_id)
        """,
    }
    assert places(tenant(files)) == [(9, "table", "agent_memories"), (10, "table", "agent_memories")]


def test_a_caller_filling_in_a_platform_helpers_tenant_request_is_the_helpers_finding() -> None:
    files = {
        "platform/clients.py": """
            import requests
            class Workspace:
                def __init__(self, base):
                    self.base = base
                def memories(self, ws):
                    return requests.get(f"{self.base}/workspaces/{ws}/memories")
            def memories_of(ws):
                return requests.get("http://tenant-api:8080/workspaces/" + ws + "/memories")
        """,
        "shared/clients.py": """
            import requests
            def shared_memories(ws):
                return requests.get(f"http://tenant-api:8080/workspaces/{ws}/memories")
        """,
        "platform/job.py": """
            from platform.clients import Workspace, memories_of
            from shared.clients import shared_memories
            def run():
                Workspace("http://tenant-api:8080").memories("default")
                memories_of("w1")
                shared_memories("w2")
        """,
    }
    assert [line for line, kind, _ in places(tenant(files, "platform/clients.py"))] == [7, 9]
    assert places(tenant(files)) == [(7, "http", "/workspaces/w2/memories")]  # shared code: judged by its callers


def test_settings_entries_a_split_settings_module_adds_to_the_base_mapping() -> None:
    config = replace(CONFIG, tenant_data=DataSpec(env=("TENANT_DATABASE_URL", "TENANT_REDIS_URL")))
    files = {
        "platform/conf/settings/base.py": """
            import os
            DATABASES = {"default": {"NAME": os.environ["DATABASE_URL"]}}
            CACHES = {"default": {"LOCATION": os.environ.get("REDIS_URL")}}
        """,
        "platform/conf/settings/production.py": """
            import os
            from .base import *
            DATABASES["replica"] = {"NAME": os.environ["TENANT_DATABASE_URL"]}
            CACHES["orgs"] = {"LOCATION": os.getenv("TENANT_REDIS_URL")}
            CACHES["sessions"] = {"LOCATION": os.getenv("SESSION_REDIS_URL")}
        """,
        "platform/job.py": """
            from django.core.cache import caches
            from django.db import connections
            def run():
                connections["replica"].cursor()
                caches["orgs"].get("quota:1")
                connections["default"].cursor(), caches["default"].get("q"), caches["sessions"].get("s")
        """,
    }
    assert places(tenant(files, config=config)) == [(5, "env", "TENANT_DATABASE_URL"), (6, "env", "TENANT_REDIS_URL")]

def test_a_frame_moved_to_a_line_keeps_everything_else() -> None:
    from molecule_lint.core.values import Frame, Text, Unit

    frame = Frame("pkg.mod", "Client.get", (("org", (Text(("acme",)),)),), Unit("pkg.mod", "Client"), 3)
    assert frame.at(9) == replace(frame, line=9)


def test_a_query_looked_up_in_a_dict_of_queries_is_reported_where_it_runs() -> None:
    """`QUERIES = {"recent": "SELECT ..."}` then `execute(QUERIES["recent"])`: at the lookup that runs it, the
    trace ending at the entry, in the file and from another; an entry a lookup by an unknown key may run stays
    reported where it is written, and the platform's own entry is silent."""
    files = {
        "shared/sqls.py": """
            SHARED = {
                "usage": "SELECT plan FROM memory_quotas",
                "recent": "SELECT body FROM agent_memories WHERE org_id = %s",
            }
        """,
        "platform/job.py": """
            from shared.sqls import SHARED

            LOCAL = {
                "recent": "SELECT body FROM agent_memories LIMIT 5",
                "quota": "SELECT plan FROM memory_quotas",
            }
            DYNAMIC = {"any": "SELECT id FROM agent_memories WHERE org_id = %s"}

            def run(conn, org, name):
                conn.execute(LOCAL["recent"])
                conn.execute(LOCAL["quota"])
                conn.execute(SHARED["recent"], (org,))
                conn.execute(DYNAMIC[name], (org,))
        """,
    }
    found = tenant(files)
    assert places(found) == [(8, "table", "agent_memories"), (11, "table", "agent_memories"), (13, "table", "agent_memories")]
    assert [(hop.path, hop.line) for hop in found[1].trace] == [("platform/job.py", 5)]
    assert [(hop.path, hop.line) for hop in found[2].trace][-1] == ("shared/sqls.py", 4)
    assert tenant(files, path="shared/sqls.py") == []  # the entry another file runs: reported where it runs


def test_airflow_hooks_polars_and_duckdb_run_the_sql_they_are_given() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/queries.py": 'SCAN = "SELECT * FROM agent_memories WHERE org_id = %(o)s"\n',
            "platform/job.py": """
                import duckdb
                import polars
                from airflow.providers.mysql.hooks.mysql import MySqlHook
                from airflow.providers.postgres.hooks.postgres import PostgresHook
                from shared.queries import SCAN
                from shared.tables import MEMORY, QUOTA
                def run(uri, spark):
                    hook = PostgresHook(postgres_conn_id="replica")
                    hook.get_records(f"SELECT org_id FROM {QUOTA}")
                    frame = hook.get_pandas_df(SCAN, parameters={"o": 1})
                    MySqlHook(mysql_conn_id="legacy").run(sql=f"DELETE FROM {MEMORY}")
                    polars.read_database_uri(query=f"SELECT count(*) FROM {MEMORY}", uri=uri)
                    con = duckdb.connect()
                    con.sql(f"SELECT count(*) FROM {QUOTA}")
                    spark.sql("memories")  # not SQL-shaped: a view name, nothing
                    return frame, con.sql(SCAN).df()
            """,
        }
    )
    assert places(found) == [
        (11, "table", "agent_memories"), (12, "table", "agent_memories"), (13, "table", "agent_memories"),
        (17, "table", "agent_memories"),
    ]  # fmt: skip


def test_a_loop_over_a_dict_of_queries_runs_each_entry(project: Any) -> None:
    """`for name, sql in METRICS.items()`, `.values()`, a helper given the dict: each entry is run where the
    loop runs it (by the helper: at its caller), not where the dict writes it."""
    files = {
        **TABLES,
        "platform/metrics.py": """\
import pandas as pd

from shared.tables import MEMORY

FLEET = {"notes": "SELECT org_id, count(*) FROM agent_memories GROUP BY org_id"}
FLEET["latest"] = f"SELECT org_id, max(id) FROM {MEMORY} GROUP BY org_id"
OWN = {"quotas": "SELECT org_id, sum(mb) FROM memory_quotas GROUP BY org_id"}


def each(engine):
    return [pd.read_sql_query(q, engine) for q in FLEET.values()]


def _stack(queries, cur):
    out = []
    for label, statement in queries.items():
        out.append((label, cur.execute(statement).fetchall()))
    return out


def fleet(cur):
    return _stack(FLEET, cur)


def billing(cur):
    return _stack(OWN, cur)
""",
    }
    config = {**SQL_FILES_CONFIG, "platform_data": {"tables": ["orgs", "memory_quotas"]}}
    result = project(files, config)
    assert sorted((f.loc.line, f.rule) for f in result.findings) == [
        (11, "MOL101"), (11, "MOL201"), (22, "MOL101"), (22, "MOL201")
    ]  # fmt: skip


def test_a_property_reads_as_its_getters_return() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                import functools
                from shared import tables
                class Report:
                    @property
                    def source(self):
                        return tables.MEMORY
                    @functools.cached_property
                    def limits(self):
                        return tables.QUOTA
                    def rows(self, cur):
                        cur.execute(f"SELECT * FROM {self.source}")
                        cur.execute(f"SELECT * FROM {self.limits}")
                class Other:
                    def source(self):
                        return tables.MEMORY
                    def rows(self, cur):
                        cur.execute(f"SELECT * FROM {self.source}")
            """,
        }
    )
    assert places(found) == [(12, "table", "agent_memories")]  # a plain method is no attribute value


def test_enum_members_through_iteration_and_value() -> None:
    found = tenant(
        {
            "shared/names.py": """
                import enum
                class Stores(enum.StrEnum):
                    MEMORIES = "agent_memories"
                class Owned(str, enum.Enum):
                    QUOTAS = "memory_quotas"
            """,
            "platform/job.py": """
                from shared.names import Owned, Stores
                def sizes(cur):
                    for store in Stores:
                        cur.execute(f"SELECT count(*) FROM {store.value} WHERE org_id = %s", (1,))
                    for own in Owned:
                        cur.execute(f"SELECT count(*) FROM {own} WHERE org_id = %s", (1,))
            """,
        }
    )
    assert places(found) == [(5, "table", "agent_memories")]


def test_format_map_and_string_template_fill_their_fields() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                import string
                from string import Template
                from shared import tables
                BY_ORG = Template("SELECT org_id, count(*) FROM $table GROUP BY org_id")
                PLAIN = string.Template("DELETE FROM ${target} WHERE id = 1 -- costs $$5")
                COLS = "SELECT {cols} FROM {table}"
                def run(cur):
                    cur.execute(BY_ORG.substitute(table=tables.MEMORY))
                    cur.execute(BY_ORG.substitute(table=tables.QUOTA))
                    cur.execute(PLAIN.safe_substitute({"target": tables.MEMORY}))
                    cur.execute(COLS.format_map({"cols": "id", "table": tables.MEMORY}))
                    cur.execute(COLS.format_map({"cols": "id", "table": tables.QUOTA}))
            """,
        }
    )
    assert places(found) == [(9, "table", "agent_memories"), (11, "table", "agent_memories"), (12, "table", "agent_memories")]


def test_a_modules_getattr_answers_names_it_does_not_bind() -> None:
    found = tenant(
        {
            "shared/legacy.py": """
                _NAMES = {"MEMORY_TABLE": "agent_memories", "QUOTA_TABLE": "memory_quotas"}
                def __getattr__(name):
                    return _NAMES[name]
            """,
            "platform/job.py": """
                from shared import legacy
                from shared.legacy import MEMORY_TABLE
                def run(cur):
                    cur.execute(f"SELECT * FROM {legacy.QUOTA_TABLE}")
                    cur.execute(f"SELECT * FROM {MEMORY_TABLE}")
            """,
        }
    )
    assert places(found) == [(6, "table", "agent_memories")]


def test_declared_field_defaults_and_factories_are_the_fields_values() -> None:
    found = tenant(
        {
            "shared/conf.py": """
                import os
                import attr
                from dataclasses import dataclass, field
                from pydantic import BaseModel, Field
                def env(name, default=""):
                    return os.environ.get(name, default)
                @dataclass(frozen=True)
                class Conf:
                    own_dsn: str = field(default_factory=lambda: env("PLATFORM_DATABASE_URL"))
                    tenant_dsn: str = field(default_factory=lambda: env("TENANT_DATABASE_URL"))
                @attr.s
                class Names:
                    source = attr.ib(default="agent_memories")
                    limits = attr.ib(default="memory_quotas")
                class Query(BaseModel):
                    table: str = Field("agent_memories", description="where rows come from")
                conf = Conf()
            """,
            "platform/job.py": """
                import psycopg
                from shared.conf import Names, Query, conf
                def run(cur):
                    psycopg.connect(conf.own_dsn)
                    psycopg.connect(conf.tenant_dsn)
                    cur.execute(f"SELECT * FROM {Names().limits}")
                    cur.execute(f"SELECT * FROM {Names().source}")
                    cur.execute(f"SELECT * FROM {Query().table}")
            """,
        }
    )
    assert places(found) == [(6, "env", "TENANT_DATABASE_URL"), (8, "table", "agent_memories"), (9, "table", "agent_memories")]


def test_a_lambdas_body_reaches_sinks_where_it_is_written() -> None:
    project, facts = linked(
        {
            "shared/vault.py": """
                import os
                def env(name):
                    return os.environ[name]
            """,
            "platform/job.py": """
                import requests
                from shared.vault import env
                LOADERS = {
                    "memories": lambda ws, _: requests.get(f"http://tenant-api:8080/workspaces/{ws}/memories"),
                    "dsn": lambda: env("TENANT_DATABASE_URL"),
                    "own": lambda: env("PLATFORM_DATABASE_URL"),
                }
                def later(cur):
                    pick = lambda cur: cur.execute
                    return pick(cur)("SELECT 1")
            """,
        }
    )
    found = [a for a in project.accesses(facts["platform/job.py"]) if a.plane == "tenant"]
    assert places(found) == [(5, "http", "/workspaces/*/memories"), (6, "env", "TENANT_DATABASE_URL")]


def test_a_parameter_assigned_again_reads_as_its_new_value() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                from dataclasses import dataclass
                from shared import tables
                @dataclass
                class Source:
                    table: str = tables.MEMORY
                def rows(cur, source=None, limits=None):
                    source = source or Source()
                    cur.execute(f"SELECT * FROM {source.table}")
                    limits = tables.QUOTA
                    cur.execute(f"SELECT * FROM {limits}")
            """,
        }
    )
    assert places(found) == [(9, "table", "agent_memories")]


def test_star_args_passed_on_through_helpers_are_their_callers_arguments() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/db.py": """
                def run(cur, statement, *params):
                    return cur.execute(statement, params)
                def query(cur, *args, **kwargs):
                    return run(cur, *args, **kwargs)
                def rows(cur, *args):
                    return query(cur, *args).fetchall()
            """,
            "platform/job.py": """
                from shared import db
                def table():
                    return "agent_memories"
                def own():
                    return "memory_quotas"
                def report(cur, org):
                    db.rows(cur, f"SELECT * FROM {own()} WHERE org_id = %s", org)
                    db.rows(cur, f"SELECT * FROM {table()} WHERE org_id = %s", org)
                    db.query(cur, "SELECT * FROM " + table())
            """,
        }
    )
    assert places(found) == [(9, "table", "agent_memories"), (10, "table", "agent_memories")]


def test_what_a_generator_yields_is_what_iterating_it_gives() -> None:
    found = tenant(
        {
            "shared/statements.py": """
                import contextlib
                def purges(days):
                    for table in ("agent_memories", "memory_quotas"):
                        yield f"DELETE FROM {table} WHERE age > {days}"
                def own_purges():
                    yield from ["DELETE FROM memory_quotas"]
                @contextlib.contextmanager
                def tenant_sql():
                    yield "SELECT * FROM agent_memories"
            """,
            "platform/job.py": """
                from shared.statements import own_purges, purges, tenant_sql
                def run(cur):
                    for statement in purges(30):
                        cur.execute(statement)
                    for statement in own_purges():
                        cur.execute(statement)
                    with tenant_sql() as sql:
                        cur.execute(sql)
            """,
        }
    )
    assert places(found) == [(5, "table", "agent_memories"), (9, "table", "agent_memories")]


def test_a_closure_reads_the_names_its_enclosing_call_bound() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/readers.py": """
                def reader_for(table, column="org_id"):
                    prefix = "SELECT * FROM "
                    def read(cur, org):
                        return cur.execute(prefix + table + f" WHERE {column} = %s", (org,))
                    return read
            """,
            "platform/job.py": """
                from shared import tables
                from shared.readers import reader_for
                memories = reader_for(tables.MEMORY)
                quotas = reader_for(tables.QUOTA)
                def run(cur, org):
                    quotas(cur, org)
                    memories(cur, org)
            """,
        }
    )
    assert places(found) == [(8, "table", "agent_memories")]


def test_a_call_of_a_factorys_result_runs_the_closure_it_returns() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/readers.py": """
                def reader_for(table):
                    def read(cur, org):
                        return cur.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org,))
                    return read
                def counter(table):
                    return lambda cur: cur.execute("SELECT count(*) FROM " + table)
            """,
            "platform/job.py": """
                from shared import tables
                from shared.readers import counter, reader_for
                def run(cur, org):
                    reader_for(tables.QUOTA)(cur, org)
                    reader_for(tables.MEMORY)(cur, org)
                    counter(tables.QUOTA)(cur)
                    counter("agent_memories")(cur)
            """,
        }
    )
    assert places(found) == [(6, "table", "agent_memories"), (8, "table", "agent_memories")]


def test_a_registry_of_functions_called_by_key() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/readers.py": """
                def reader_for(table):
                    def read(cur, org):
                        return cur.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org,))
                    return read
            """,
            "platform/job.py": """
                from shared import tables
                from shared.readers import reader_for
                OWN = {"quotas": reader_for(tables.QUOTA)}
                HANDLERS = {"quotas": reader_for(tables.QUOTA), "memories": reader_for(tables.MEMORY)}
                def run(cur, org):
                    OWN["quotas"](cur, org)
                    HANDLERS["quotas"](cur, org)
                    HANDLERS["memories"](cur, org)
            """,
        }
    )
    assert places(found) == [(9, "table", "agent_memories")]


def test_a_wrapping_decorator_factory_calls_the_function_with_the_table_it_binds() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/wrappers.py": """
                import functools
                from functools import wraps
                def with_table(t):
                    def decorator(fn):
                        @functools.wraps(fn)
                        def inner(conn, *args):
                            return fn(conn, t, *args)
                        return inner
                    return decorator
                def on_table(*, table):
                    def wrap(func):
                        @wraps(func)
                        def call(conn, **kwargs):
                            return func(conn, table=table, **kwargs)
                        return call
                    return wrap
                def tagged(name):
                    return lambda fn: fn
            """,
            "platform/job.py": """
                from shared import tables, wrappers
                from shared.wrappers import on_table, with_table
                @with_table(tables.MEMORY)
                def purge(conn, table, org):
                    conn.execute(f"DELETE FROM {table} WHERE org_id = %s", (org,))
                @with_table(tables.QUOTA)
                def purge_quota(conn, table, org):
                    conn.execute(f"DELETE FROM {table} WHERE org_id = %s", (org,))
                @wrappers.tagged("nightly")
                @on_table(table=tables.MEMORY)
                def count(conn, table):
                    conn.execute("SELECT count(*) FROM " + table)
                def run(conn, org):
                    purge(conn, org)
                    purge_quota(conn, org)
                    count(conn)
            """,
        }
    )
    assert places(found) == [(15, "table", "agent_memories"), (17, "table", "agent_memories")]


def test_a_partial_binds_its_arguments_before_the_callers() -> None:
    found = tenant(
        {
            **TABLES,
            "shared/db.py": """
                def count(cur, *, table, where="TRUE"):
                    return cur.execute(f"SELECT count(*) FROM {table} WHERE {where}")
                def fetch(table, cur, org):
                    return cur.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org,))
            """,
            "platform/job.py": """
                import functools
                from functools import partial
                from shared import db, tables
                count_memories = partial(db.count, table=tables.MEMORY)
                count_quotas = functools.partial(db.count, table=tables.QUOTA)
                fetch_memories = partial(db.fetch, tables.MEMORY)
                def run(cur, org):
                    count_quotas(cur)
                    count_memories(cur, where="org_id = 1")
                    fetch_memories(cur, org)
            """,
        }
    )
    assert places(found) == [(10, "table", "agent_memories"), (11, "table", "agent_memories")]


def test_positional_arguments_fill_a_named_tuples_or_dataclasss_fields_in_order() -> None:
    found = tenant(
        {
            **TABLES,
            "platform/job.py": """
                from dataclasses import dataclass
                from typing import NamedTuple
                from shared import tables
                class Target(NamedTuple):
                    table: str
                    key: str = "org_id"
                @dataclass
                class Source:
                    schema: str
                    table: str
                OWN = Target(tables.QUOTA)
                THEIRS = Target(tables.MEMORY, "workspace_id")
                def run(cur):
                    for t in (OWN, THEIRS):
                        cur.execute(f"SELECT * FROM {t.table} WHERE {t.key} = 1")
                    cur.execute(f"SELECT * FROM {Source('public', tables.QUOTA).schema}.x")
                    source = Source("public", tables.MEMORY)
                    cur.execute(f"SELECT * FROM {source.table}")
            """,
        }
    )
    assert places(found) == [(16, "table", "agent_memories"), (19, "table", "agent_memories")]


def test_a_generated_grpc_stub_sends_to_the_method_path_its_channel_was_asked_for() -> None:
    """grpc_tools' stubs bind `self.M = channel.unary_unary("/pkg.Service/M")` and the caller sends with
    `stub.M(request)`: the path is that of the call that made the method. A stub never called, and a
    method of a service that is no tenant endpoint, are silent."""
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("/notes.v2.NoteStore/*",)))
    stubs = """
        class NoteStoreStub:
            def __init__(self, channel):
                self.Search = channel.unary_unary("/notes.v2.NoteStore/Search", request_serializer=None)
                self.Tail = channel.unary_stream(method="/notes.v2.NoteStore/Tail")
                self.Quota = channel.unary_unary("/plans.v1.Plans/Quota")
    """
    job = """
        import grpc.aio
        from shared.rpc import NoteStoreStub

        async def sync(target, req):
            async with grpc.aio.secure_channel(target, grpc.ssl_channel_credentials()) as ch:
                stub = NoteStoreStub(ch)
                await stub.Quota(req)
                found = await stub.Search(req)
                async for note in stub.Tail(req):
                    print(note)
                return found

        def probe(target):
            return NoteStoreStub(grpc.insecure_channel(target))
    """
    found = tenant({"shared/rpc.py": stubs, "platform/job.py": job}, config=config)
    assert places(found) == [(9, "http", "/notes.v2.NoteStore/Search"), (10, "http", "/notes.v2.NoteStore/Tail")]


def test_a_nats_py_request_goes_to_its_subject() -> None:
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("tenants.*.notes.*",)))
    job = """
        import nats

        async def run(url, tenant):
            nc = await nats.connect(url)
            await nc.request(f"tenants.{tenant}.notes.search", b"", timeout=1)
            await nc.request(subject=f"tenants.{tenant}.ping")
    """
    assert [(line, kind) for line, kind, _ in places(tenant({"platform/job.py": job}, config=config))] == [(6, "http")]


def test_graphql_clients_post_to_the_endpoint_they_were_made_for() -> None:
    """gql's `Client(transport=RequestsHTTPTransport(url=...))` and python-graphql-client's
    `GraphqlClient(endpoint=...)` post every query to that URL; a client of another endpoint is silent."""
    config = replace(CONFIG, tenant_data=replace(CONFIG.tenant_data, endpoints=("/gql",)))
    job = """
        from gql import Client, gql
        from gql.transport.aiohttp import AIOHTTPTransport
        from python_graphql_client import GraphqlClient

        BASE = "http://tenant-api:8080"

        class Notes:
            def __init__(self, base=BASE):
                self.client = Client(transport=AIOHTTPTransport(url=f"{base}/gql"))
                self.plans = Client(transport=AIOHTTPTransport(url="http://plans:8080/graphql"))

            async def search(self, q):
                await self.plans.execute_async(gql("{ plans { id } }"))
                return await self.client.execute_async(gql(q))

        def count():
            return GraphqlClient(endpoint=BASE + "/gql").execute("{ notes { id } }")
    """
    found = tenant({"platform/job.py": job}, config=config)
    assert [(line, kind) for line, kind, _ in places(found)] == [(15, "http"), (18, "http")]


def test_registry_entries_stored_by_a_helper_or_under_a_named_key() -> None:
    """`REGISTRY[key] = table` inside `register(key, table)` called at module level (once per call, its
    arguments bound), and a module-body store under a constant's name: a lookup by key reads that entry
    only; the platform's entries stay silent."""
    files = {
        **TABLES,
        "shared/registry.py": """
            from shared import tables
            NOTES = "notes"
            KINDS = {}
            def register(key, table):
                KINDS[key] = table
            register("memories", tables.MEMORY)
            register("quotas", tables.QUOTA)
            KINDS[NOTES] = tables.MEMORY
        """,
        "platform/job.py": """
            from shared.registry import KINDS
            def run(cur):
                cur.execute("SELECT * FROM " + KINDS["memories"])
                cur.execute("SELECT * FROM " + KINDS["quotas"])
                cur.execute("SELECT * FROM " + KINDS["notes"])
        """,
    }
    assert places(tenant(files)) == [(4, "table", "agent_memories"), (6, "table", "agent_memories")]


def test_a_loop_over_records_reads_each_records_fields_together() -> None:
    """`for name, table in PAIRS:` over a tuple of tuples, `for spec in SPECS:` over dicts and over dataclass
    instances: each statement is one record's, never one record's index name with another's table."""
    files = {
        "platform/job.py": """
            from dataclasses import dataclass
            PAIRS = (("uk_orgs", "orgs"), ("uk_memories", "agent_memories"))
            SPECS = [{"table": "orgs", "col": "slug"}, {"table": "agent_memories", "col": "key"}]
            @dataclass
            class Spec:
                table: str
                col: str
            TYPED = [Spec("orgs", "slug"), Spec(table="agent_memories", col="key")]
            def run(cur):
                for name, table in PAIRS:
                    cur.execute(f"CREATE INDEX {name} ON {table} (id)")
                for spec in SPECS:
                    cur.execute("SELECT %s FROM %s" % (spec["col"], spec["table"]))
                for typed in TYPED:
                    cur.execute("SELECT %s FROM %s" % (typed.col, typed.table))
        """,
    }
    found = tenant(files)
    assert [(a.loc.line, a.note) for a in found] == [
        (12, "CREATE INDEX uk_memories ON agent_memories (id)"),
        (14, "SELECT key FROM agent_memories"),
        (16, "SELECT key FROM agent_memories"),
    ]


def test_registry_entries_stored_by_a_decorator() -> None:
    """`@register("memories")` in another module, whose `decorate(fn)` stores `HANDLERS[kind] = fn`: the entry
    looked up by key is the function it decorates (called, its return); the platform's entry stays silent."""
    files = {
        **TABLES,
        "shared/registry.py": """
            HANDLERS = {}
            def register(kind):
                def decorate(fn):
                    HANDLERS[kind] = fn
                    return fn
                return decorate
        """,
        "shared/handlers.py": """
            from shared import tables
            from shared.registry import register
            @register("memories")
            def memories():
                return tables.MEMORY
            @register("quotas")
            def quotas():
                return tables.QUOTA
        """,
        "platform/job.py": """
            from shared.registry import HANDLERS
            def run(cur):
                cur.execute("SELECT * FROM " + HANDLERS["quotas"]())
                cur.execute("SELECT * FROM " + HANDLERS["memories"]())
        """,
    }
    assert places(tenant(files)) == [(5, "table", "agent_memories")]


def test_the_memo_dropped_is_evaluated_again_to_the_same_hits() -> None:
    project, facts = linked(
        {
            **TABLES,
            "shared/sql.py": "def count_sql(table):\n    return 'SELECT count(*) FROM ' + table\n",
            "platform/job.py": "from shared import sql, tables\ndef run(cur):\n    cur.execute(sql.count_sql(tables.MEMORY))\n",
        }
    )
    job = facts["platform/job.py"]
    sinks = project.sinks()
    before = tuple(sinks.file_hits(job.module, project.file_summaries[job.path]))
    assert before and sinks._memo and sinks.resolver._returns
    project.forget_values()
    assert not (sinks._memo or sinks._passed or sinks._own or sinks.resolver._returns or sinks.resolver._bound)
    assert tuple(sinks.file_hits(job.module, project.file_summaries[job.path])) == before


def test_a_run_drops_the_value_cores_memo_once_the_checks_are_done() -> None:
    result = lint(EXAMPLE_ROOT)
    assert result.findings and result.context is not None
    sinks = result.context.project._sinks
    assert sinks is not None and not (sinks._memo or sinks.resolver._returns or sinks.resolver._bound)


def test_evidence_shows_an_unknown_part_of_sql_as_a_format_field() -> None:
    found = tenant(
        {
            "platform/job.py": """\
                def purge(conn, cols):
                    conn.execute(f"INSERT INTO agent_memories ({cols}) VALUES (1)")
            """
        }
    )
    assert [a.note for a in found] == ["INSERT INTO agent_memories ({}) VALUES (1)"]


def test_task_queues_connect_to_the_redis_url_they_are_given() -> None:
    """SAQ and taskiq-redis open the Redis at the URL they are built with: a connection to that store."""
    found = tenant(
        {
            "shared/settings.py": 'import os\nBROKER = os.environ["TENANT_DATABASE_URL"]\nOWN = os.environ["CP_REDIS_URL"]\n',
            "platform/job.py": """
                from saq import Queue
                from taskiq_redis import ListQueueBroker, RedisAsyncResultBackend
                from shared import settings
                queue = Queue.from_url(settings.BROKER)
                broker = ListQueueBroker(url=settings.OWN).with_result_backend(
                    RedisAsyncResultBackend(redis_url=settings.BROKER)
                )
                stream = ListQueueBroker(settings.BROKER)
                own = Queue.from_url(settings.OWN)
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (7, "env", "TENANT_DATABASE_URL"), (9, "env", "TENANT_DATABASE_URL")]


def test_the_asyncio_redis_client_class_connects_like_the_sync_one() -> None:
    found = tenant(
        {
            "shared/settings.py": 'import os\nCACHE = os.environ["TENANT_DATABASE_URL"]\nOWN = os.environ["CP_REDIS_URL"]\n',
            "platform/job.py": """
                from redis.asyncio import Redis
                from redis import asyncio as aioredis
                from shared import settings
                cache = Redis.from_url(settings.CACHE, decode_responses=True)
                own = Redis.from_url(settings.OWN)
                other = aioredis.Redis(host=settings.CACHE)
            """,
        }
    )
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (7, "env", "TENANT_DATABASE_URL")]


def test_a_route_template_filled_by_replace() -> None:
    """A route kept as a template and filled with `str.replace` (`ROUTE.replace("<ws>", ws)`) is the URL it
    makes: the memories route is a tenant endpoint; the same on the health route, or a replace whose old text
    is unknown, names none."""
    found = tenant(
        {
            "shared/routes.py": 'MEMORIES = "/workspaces/<ws>/memories"\nHEALTH = "/workspaces/<ws>/health"\n',
            "platform/job.py": """
                import requests
                from shared import routes
                def pull(base, ws, marker):
                    requests.get(base + routes.MEMORIES.replace("<ws>", ws))
                    requests.get(base + routes.HEALTH.replace("<ws>", ws))
                    requests.get(base + "/workspaces/<ws>/memories".replace(marker, ws))
            """,
        }
    )
    assert places(found) == [(5, "http", "/workspaces/*/memories")]
