"""A statement is judged by the store its connection comes from: on a connection opened from a tenant
data-store variable or DSN, a table a platform mirror also names is the tenant's (SPEC: "a platform table
that shares a name with a tenant one is the platform's unless the code provably reaches the tenant store")."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

from test_go_value_flow import MODULE
from test_value_flow import CONFIG, places

from molecule_lint.catalog import DataCatalog
from molecule_lint.checks import CheckContext
from molecule_lint.config import Config, DataSpec, Service
from molecule_lint.discover import SourceFile
from molecule_lint.frontends.go import analyze_go
from molecule_lint.frontends.python import analyze_python
from molecule_lint.linker import Access, Project
from molecule_lint.modules import python_module_name

# `activity` is the tenant's, and the platform's own migration creates a mirror of that name.
STORES = replace(
    CONFIG,
    services=(*CONFIG.services, Service("ws-db", "tenant", ("tenant-db/",), ("postgresql://tenant-db",))),
    tenant_data=replace(
        CONFIG.tenant_data, tables=("agent_memories", "activity"), env=("TENANT_DATABASE_URL", "TENANT_REDIS_URL")
    ),
    platform_data=DataSpec(tables=("orgs",), migrations=("platform/migrations/*.sql",)),
)
MIGRATION = "platform/migrations/001_mirror.sql"


def accesses(files: dict[str, str], path: str, config: Config = STORES) -> list[Access]:
    facts = []
    for name, source in files.items():
        code = textwrap.dedent(source).encode()
        if name.endswith(".go"):
            facts.append(analyze_go(name, f"{MODULE}/{Path(name).parent.as_posix()}", code))
        else:
            facts.append(analyze_python(name, python_module_name(name), code))
        assert facts[-1].error is None
    migration = SourceFile(MIGRATION, "sql", "cp")
    catalog = DataCatalog(config, [migration], lambda _: "CREATE TABLE activity (id int, org_id int);")
    assert catalog.table_plane("activity") == "platform"  # the mirror claims the name
    project = Project(config, facts, catalog)
    return [a for a in project.accesses(next(f for f in facts if f.path == path)) if a.plane == "tenant"]


def hops(access: Access) -> list[tuple[str, int]]:
    return [(hop.path, hop.line) for hop in access.evidence()]


CONNECTIONS = {
    "shared/db.py": """
        import os
        import psycopg
        ORG_DSN = "TENANT_DATABASE_URL"
        def org_conn():
            return psycopg.connect(os.environ[ORG_DSN])
        def cp_conn():
            return psycopg.connect(os.environ["PLATFORM_DATABASE_URL"])
    """,
}


def test_a_connection_a_helper_of_another_module_opens_from_a_tenant_variable() -> None:
    found = accesses(
        {
            **CONNECTIONS,
            "platform/job.py": """
                from shared.db import cp_conn, org_conn
                def run():
                    with org_conn() as conn, conn.cursor() as cur:
                        cur.execute("SELECT count(*) FROM activity")
                    with cp_conn() as cp:
                        cp.execute("SELECT count(*) FROM activity")
                        cp.execute("SELECT * FROM agent_memories")
            """,
        },
        "platform/job.py",
    )
    # On the platform's own DSN the mirror is the platform's; a tenant table's name is what it is today.
    assert places(found) == [(5, "table", "activity"), (8, "table", "agent_memories")]
    assert hops(found[0]) == [("platform/job.py", 5), ("shared/db.py", 6)]
    assert found[0].trace[0].note == "connection opened from env `TENANT_DATABASE_URL`"


def test_a_repository_holding_its_connection_and_a_module_global_pool() -> None:
    found = accesses(
        {
            **CONNECTIONS,
            "shared/pools.py": """
                import os
                import psycopg_pool
                TENANT = psycopg_pool.ConnectionPool(conninfo=os.getenv("TENANT_DATABASE_URL"))
            """,
            "platform/job.py": """
                from shared import db
                from shared.pools import TENANT
                class Activity:
                    def __init__(self, conn):
                        self.conn = conn
                    def count(self):
                        return self.conn.execute("SELECT count(*) FROM activity")
                def run():
                    Activity(db.org_conn()).count()
                    Activity(db.cp_conn()).count()
                    with TENANT.connection() as conn:
                        conn.execute("DELETE FROM activity WHERE org_id = %s", (1,))
            """,
        },
        "platform/job.py",
    )
    assert [(a.loc.line, a.target, a.verb) for a in found] == [(10, "activity", "reads"), (13, "activity", "deletes")]
    assert hops(found[0])[-1] == ("shared/db.py", 6)
    assert hops(found[1]) == [("platform/job.py", 13), ("shared/pools.py", 4)]


def test_a_shared_helper_given_the_connection_and_the_table() -> None:
    found = accesses(
        {
            **CONNECTIONS,
            "shared/pg.py": """
                from psycopg import sql
                def count_rows(conn, table):
                    with conn.cursor() as cur:
                        cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
                        return cur.fetchone()
            """,
            "platform/job.py": """
                from shared import db, pg
                def run():
                    pg.count_rows(db.org_conn(), "activity")
                    pg.count_rows(db.cp_conn(), "activity")
            """,
        },
        "platform/job.py",
    )
    assert places(found) == [(4, "table", "activity")]
    assert hops(found[0]) == [("platform/job.py", 4), ("shared/pg.py", 5), ("shared/db.py", 6)]


def test_silent_look_alikes_a_dsn_that_is_a_hole_and_a_health_probe() -> None:
    found = accesses(
        {
            **CONNECTIONS,
            "platform/job.py": """
                import psycopg
                from shared.db import org_conn
                def run(dsn):
                    with psycopg.connect(dsn) as conn:
                        conn.execute("SELECT count(*) FROM activity")
                        conn.execute("SELECT * FROM agent_memories")
                def healthy():
                    with org_conn() as conn:
                        conn.execute("SELECT 1")
                        conn.execute("SELECT count(*) FROM pg_stat_activity")
                        conn.execute("SELECT count(*) FROM orgs")
            """,
        },
        "platform/job.py",
    )
    # Judged by name as today: the tenant table only; the probe, the catalogs and the platform's own: nothing.
    assert places(found) == [(7, "table", "agent_memories")]


def test_a_dsn_on_a_tenant_hosts_url_and_a_redis_client_of_a_tenant_variable() -> None:
    found = accesses(
        {
            "platform/job.py": """
                import os
                import redis
                import sqlalchemy
                ENGINE = sqlalchemy.create_engine("postgresql://tenant-db:5432/ws")
                CACHE = redis.from_url(os.environ["TENANT_REDIS_URL"])
                def run():
                    with ENGINE.connect() as conn:
                        conn.execute(sqlalchemy.text("SELECT org_id, count(*) FROM activity GROUP BY org_id"))
                        conn.execute(sqlalchemy.text("SELECT * FROM workspace_stats"))
                    return CACHE.get("stats:total")
            """,
        },
        "platform/job.py",
    )
    assert places(found) == [
        (5, "connect", "postgresql://tenant-db:5432/ws"),  # MOL102, as before
        (6, "env", "TENANT_REDIS_URL"),
        (9, "table", "activity"),
        (10, "table", "workspace_stats"),
        (11, "redis", "stats:total"),
    ]
    assert hops(found[4]) == [("platform/job.py", 11), ("platform/job.py", 6)]


def test_go_a_db_a_constructor_opens_in_another_package_held_in_a_struct() -> None:
    found = accesses(
        {
            "shared/db/db.go": """
                package db

                import (
                    "database/sql"
                    "os"
                )

                func Tenant() *sql.DB {
                    conn, _ := sql.Open("pgx", os.Getenv("TENANT_DATABASE_URL"))
                    return conn
                }

                func Platform() *sql.DB {
                    conn, _ := sql.Open("pgx", os.Getenv("PLATFORM_DATABASE_URL"))
                    return conn
                }
            """,
            "platform/job.go": """
                package platform

                import (
                    "context"
                    "database/sql"

                    "example.com/m/shared/db"
                )

                type Report struct{ db *sql.DB }

                func (r *Report) Count(ctx context.Context) {
                    r.db.QueryRowContext(ctx, "SELECT count(*) FROM activity")
                }

                func Run(ctx context.Context) {
                    tenant := &Report{db: db.Tenant()}
                    tenant.Count(ctx)
                    platform := &Report{db: db.Platform()}
                    platform.Count(ctx)
                    db.Tenant().ExecContext(ctx, "DELETE FROM activity")
                    db.Platform().ExecContext(ctx, "DELETE FROM activity")
                }
            """,
        },
        "platform/job.go",
    )
    # The method runs on the db its struct is built with: which one is the caller's to say (one's the tenant's).
    assert [(a.loc.line, a.target, a.verb) for a in found] == [(19, "activity", "reads"), (22, "activity", "deletes")]
    assert hops(found[0])[-1] == hops(found[1])[-1] == ("shared/db/db.go", 10)


def test_a_statement_object_written_before_counts_where_it_runs_only_when_its_store_decides() -> None:
    found = accesses(
        {
            "platform/job.py": """
                import os
                import sqlalchemy
                ENGINE = sqlalchemy.create_engine(os.environ["TENANT_DATABASE_URL"])
                COUNT = sqlalchemy.text("SELECT count(*) FROM activity")
                MEMORIES = sqlalchemy.text("SELECT * FROM agent_memories")
                def run():
                    with ENGINE.connect() as conn:
                        conn.execute(COUNT)
                        conn.execute(MEMORIES)
            """,
        },
        "platform/job.py",
    )
    # The tenant table's statement is found where it is written, as before, not again where it runs.
    assert places(found) == [
        (4, "env", "TENANT_DATABASE_URL"), (6, "table", "agent_memories"), (9, "table", "activity"),
    ]
    assert hops(found[2]) == [("platform/job.py", 9), ("platform/job.py", 4)]


def test_go_the_locals_of_function_literals_in_two_files_of_a_package_are_not_one_name() -> None:
    found = accesses(
        {
            "platform/top.go": """
                package platform

                import (
                    "context"
                    "database/sql"
                    "os"
                )

                var topCmd = &Command{
                    RunE: func(ctx context.Context) error {
                        db, err := sql.Open("pgx", os.Getenv("PLATFORM_DATABASE_URL"))
                        db.QueryContext(ctx, "SELECT org_id, count(*) FROM activity GROUP BY org_id")
                        return err
                    },
                }
            """,
            "platform/worker.go": """
                package platform

                import (
                    "context"
                    "database/sql"
                    "os"
                )

                var workerCmd = &Command{
                    RunE: func(ctx context.Context) error {
                        db, err := sql.Open("pgx", os.Getenv("TENANT_DATABASE_URL"))
                        return run(db, err)
                    },
                }
            """,
        },
        "platform/top.go",
    )
    assert found == []  # `db` is worker.go's in worker.go only


def test_a_session_or_db_made_from_a_connection_runs_on_its_store() -> None:
    python = accesses(
        {
            "platform/job.py": """
                import os
                from sqlalchemy import create_engine, text
                from sqlalchemy.orm import Session, sessionmaker
                ENGINE = create_engine(os.environ["TENANT_DATABASE_URL"])
                Sessions = sessionmaker(bind=ENGINE)
                def run():
                    with Session(ENGINE) as session:
                        session.execute(text("SELECT count(*) FROM activity"))
                    with Sessions() as session:
                        session.execute(text("DELETE FROM activity"))
            """,
        },
        "platform/job.py",
    )
    assert places(python) == [(5, "env", "TENANT_DATABASE_URL"), (9, "table", "activity"), (11, "table", "activity")]
    assert hops(python[2]) == [("platform/job.py", 11), ("platform/job.py", 5)]
    go = accesses(
        {
            "platform/job.go": """
                package platform

                import (
                    "os"

                    "gorm.io/driver/postgres"
                    "gorm.io/gorm"
                )

                func Run() {
                    db, _ := gorm.Open(postgres.Open(os.Getenv("TENANT_DATABASE_URL")), &gorm.Config{})
                    db.Exec("DELETE FROM activity")
                }
            """,
        },
        "platform/job.go",
    )
    assert places(go) == [(12, "env", "TENANT_DATABASE_URL"), (13, "table", "activity")]


def test_a_connection_that_may_be_opened_from_either_of_two_variables_proves_neither() -> None:
    found = accesses(
        {
            "platform/job.py": """
                import os
                import psycopg
                def run():
                    dsn = os.getenv("PLATFORM_DATABASE_URL")
                    if not dsn:
                        dsn = os.environ["TENANT_DATABASE_URL"]
                    with psycopg.connect(dsn) as conn:
                        conn.execute("SELECT count(*) FROM activity")
            """,
        },
        "platform/job.py",
    )
    assert places(found) == [(7, "env", "TENANT_DATABASE_URL"), (8, "env", "TENANT_DATABASE_URL")]  # MOL102, as before


def test_a_library_function_given_the_connection_beside_the_statement() -> None:
    found = accesses(
        {
            **CONNECTIONS,
            "platform/job.py": """
                import pandas as pd
                from shared.db import cp_conn, org_conn
                def run():
                    tenant = pd.read_sql("SELECT org_id, count(*) FROM activity GROUP BY org_id", org_conn())
                    mine = pd.read_sql_query(sql="SELECT count(*) FROM activity", con=cp_conn())
                    return tenant, mine
            """,
        },
        "platform/job.py",
    )
    assert places(found) == [(5, "table", "activity")]
    assert hops(found[0]) == [("platform/job.py", 5), ("shared/db.py", 6)]


def test_a_dagster_resource_registered_by_key_is_the_parameter_of_that_name() -> None:
    files = {
        "platform/resources.py": """
            import psycopg
            from dagster import ConfigurableResource
            class Postgres(ConfigurableResource):
                url: str
                def count(self, table):
                    with psycopg.connect(self.url) as conn:
                        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        """,
        "platform/defs.py": """
            from dagster import Definitions, EnvVar
            from platform.resources import Postgres
            defs = Definitions(
                resources={
                    "tenant_pg": Postgres(url=EnvVar("TENANT_DATABASE_URL")),
                    "own_pg": Postgres(url=EnvVar("PLATFORM_DATABASE_URL")),
                },
            )
        """,
        "platform/job.py": """
            from dagster import op
            @op
            def tenant_activity(tenant_pg):
                return tenant_pg.count("activity")
            @op
            def own_activity(own_pg):
                return own_pg.count("activity")
            def not_an_op(tenant_pg):
                return tenant_pg.count("activity")
        """,
    }
    found = accesses(files, "platform/job.py")
    # The op connects to the tenant's store through its resource (MOL102), and reads it.
    assert places(found) == [(5, "env", "TENANT_DATABASE_URL"), (5, "table", "activity")]
    assert hops(found[1])[-2:] == [("platform/resources.py", 7), ("platform/defs.py", 6)]


def test_a_helpers_own_statement_passes_to_its_caller_only_when_the_callers_store_makes_more_of_it_tenant() -> None:
    files = {
        **CONNECTIONS,
        "platform/counts.py": """
            def memories(conn):
                return conn.execute("SELECT org_id, count(*) FROM agent_memories GROUP BY org_id")
            def activity(conn):
                return conn.execute("SELECT org_id, count(*) FROM activity GROUP BY org_id")
        """,
        "platform/job.py": """
            from platform import counts
            from shared.db import org_conn
            def run():
                return counts.memories(org_conn()), counts.activity(org_conn())
        """,
    }
    facts = [analyze_python(p, python_module_name(p), textwrap.dedent(s).encode()) for p, s in files.items()]
    catalog = DataCatalog(STORES, [SourceFile(MIGRATION, "sql", "cp")], lambda _: "CREATE TABLE activity (org_id int);")
    project = Project(STORES, facts, catalog)
    job = next(f for f in facts if f.path == "platform/job.py")
    # `memories` is reported in the helper, whoever calls it; `activity` is tenant only on the caller's store.
    assert ["activity" in str(fact.text) for fact, _ in project.sql_facts(job)] == [True]
    assert places([a for a in project.accesses(job) if a.plane == "tenant"]) == [(5, "table", "activity")]


def test_a_table_tenant_by_its_store_alone_is_a_store_of_its_own_in_the_graph() -> None:
    files = {
        **CONNECTIONS,
        "platform/job.py": """
            from shared.db import cp_conn, org_conn
            def tenant():
                return org_conn().execute("SELECT count(*) FROM activity")
            def own():
                return cp_conn().execute("SELECT count(*) FROM activity")
        """,
    }
    facts = [analyze_python(p, python_module_name(p), textwrap.dedent(s).encode()) for p, s in files.items()]
    catalog = DataCatalog(STORES, [SourceFile(MIGRATION, "sql", "cp")], lambda _: "CREATE TABLE activity (org_id int);")
    graph = CheckContext(STORES, Project(STORES, facts, catalog)).graph
    # The platform's mirror stays the platform's: a chain reaching it reaches no tenant data.
    assert graph.plane("store:table:activity") == "platform"
    assert graph.plane("store:table:activity@tenant-store") == "tenant"


ORM_MODELS = {
    "shared/models.py": """
        from sqlalchemy.orm import DeclarativeBase
        class Base(DeclarativeBase):
            pass
        class Activity(Base):
            __tablename__ = "activity"
    """,
}


def test_orm_queries_run_on_the_store_their_session_was_opened_on() -> None:
    found = accesses(
        {
            **ORM_MODELS,
            "platform/job.py": """
                import os
                from sqlalchemy import create_engine, func, select
                from sqlalchemy.orm import Session, sessionmaker
                from shared.models import Activity
                ENGINE = create_engine(os.environ["TENANT_DATABASE_URL"])
                Sessions = sessionmaker(bind=ENGINE)
                def run():
                    with Sessions() as session:
                        session.query(Activity).count()
                    with Session(ENGINE) as session:
                        stmt = select(Activity).where(Activity.id == 1)
                        session.execute(stmt)
                        return session.scalars(select(Activity.org_id, func.count()))
            """,
        },
        "platform/job.py",
    )
    assert places(found) == [
        (6, "env", "TENANT_DATABASE_URL"), (10, "table", "activity"), (13, "table", "activity"), (14, "table", "activity")
    ]  # fmt: skip
    assert all(a.on_tenant_store for a in found[1:])
    assert hops(found[2]) == [("platform/job.py", 13), ("platform/job.py", 6)]


def test_silent_orm_look_alikes_the_platforms_own_dsn_and_a_dsn_that_is_a_hole() -> None:
    found = accesses(
        {
            **ORM_MODELS,
            "platform/job.py": """
                import os
                from sqlalchemy import create_engine, select
                from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
                from sqlalchemy.orm import sessionmaker
                from shared.models import Activity
                Sessions = sessionmaker(bind=create_engine(os.environ["PLATFORM_DATABASE_URL"]))
                def run(dsn):
                    with Sessions() as session:
                        session.query(Activity).count()
                        session.scalars(select(Activity))
                    async with AsyncSession(create_async_engine(dsn)) as session:
                        await session.execute(select(Activity))
            """,
        },
        "platform/job.py",
    )
    assert found == []


def test_go_gorm_and_bun_query_builders_run_on_the_store_their_db_was_opened_on() -> None:
    found = accesses(
        {
            "platform/job.go": """
                package platform

                import (
                    "context"
                    "database/sql"
                    "os"

                    "github.com/uptrace/bun"
                    "github.com/uptrace/bun/dialect/pgdialect"
                    "gorm.io/driver/postgres"
                    "gorm.io/gorm"
                )

                type Activity struct {
                    ID    int64
                    OrgID int64
                }

                func (Activity) TableName() string { return "activity" }

                func Run(ctx context.Context) {
                    db, _ := gorm.Open(postgres.Open(os.Getenv("TENANT_DATABASE_URL")), &gorm.Config{})
                    var n int64
                    db.Model(&Activity{}).Where("id = ?", 1).Count(&n)
                    cp, _ := gorm.Open(postgres.Open(os.Getenv("PLATFORM_DATABASE_URL")), &gorm.Config{})
                    cp.Model(&Activity{}).Count(&n)
                    sqldb, _ := sql.Open("postgres", os.Getenv("TENANT_DATABASE_URL"))
                    tenant := bun.NewDB(sqldb, pgdialect.New())
                    var rows []Activity
                    tenant.NewSelect().Model(&rows).Scan(ctx)
                }
            """,
        },
        "platform/job.go",
    )
    assert places(found) == [
        (23, "env", "TENANT_DATABASE_URL"), (25, "table", "activity"), (28, "env", "TENANT_DATABASE_URL"), (31, "table", "activity")
    ]  # fmt: skip (line 27: the same model on the platform's own DSN is silent)
    assert hops(found[1]) == [("platform/job.go", 25), ("platform/job.go", 20), ("platform/job.go", 23)]


def test_django_queries_sent_to_a_database_alias_run_on_the_store_its_settings_entry_opens() -> None:
    models = """
        from django.db import models
        class Activity(models.Model):
            class Meta:
                db_table = "activity"
    """
    job = """
        from shared.models import Activity
        def run(pk):
            Activity.objects.using("workspace").count()
            Activity.objects.filter(pk=pk).using("workspace").delete()
            Activity.objects.db_manager("workspace").all()
            Activity.objects.using("default").count()
    """
    plain = """
        import os
        DATABASES = {
            "default": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ["PLATFORM_DATABASE_URL"]},
            "workspace": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ["TENANT_DATABASE_URL"]},
        }
    """
    environ = """
        import environ
        env = environ.Env()
        DATABASES = {"default": env.db("PLATFORM_DATABASE_URL")}
        DATABASES["workspace"] = env.db_url("TENANT_DATABASE_URL")
    """
    for settings in (plain, environ):
        files = {"shared/models.py": models, "platform/settings.py": settings, "platform/job.py": job}
        found = [a for a in accesses(files, "platform/job.py") if a.kind == "table"]
        assert places(found) == [(4, "table", "activity"), (5, "table", "activity"), (6, "table", "activity")]
        assert all(a.on_tenant_store and a.evidence()[-1].path == "platform/settings.py" for a in found)


AIRFLOW_CONFIG: dict[str, Any] = {
    "version": 1,
    "services": [
        {"name": "analytics", "plane": "platform", "paths": ["analytics/"]},
        {"name": "workspace", "plane": "tenant", "paths": ["workspace/"]},
    ],
    "tenant_data": {"tables": ["activity"], "env": ["WORKSPACE_DATABASE_URL"]},
    "platform_data": {"tables": ["orgs"], "migrations": ["analytics/migrations/*.sql"]},
}
AIRFLOW_FILES = {
    "analytics/migrations/001_mirror.sql": "CREATE TABLE activity (id int, org_id int);\n",
    "deploy/docker-compose.yml": """
        services:
          workspace:
            image: acme/workspace
            environment:
              WORKSPACE_DATABASE_URL: postgresql://ws@workspace-db:5432/ws
          workspace-db:
            image: postgres:16
          analytics:
            image: acme/analytics
            environment:
              AIRFLOW_CONN_TENANT_REPLICA: postgresql://reader@workspace-db:5432/ws
              AIRFLOW_CONN_WAREHOUSE: postgresql://analytics@platform-db:5432/warehouse
          platform-db:
            image: postgres:16
    """,
}


def test_an_airflow_conn_id_is_the_store_its_variable_points_at_in_a_platform_manifest(project: Any) -> None:
    dag = """
        from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
        from airflow.providers.postgres.hooks.postgres import PostgresHook
        REPLICA = "tenant_replica"
        count = SQLExecuteQueryOperator(task_id="n", conn_id=REPLICA, sql="SELECT count(*) FROM activity WHERE id = 1")
        mine = SQLExecuteQueryOperator(task_id="m", conn_id="warehouse", sql="SELECT count(*) FROM activity WHERE id = 1")
        unknown = SQLExecuteQueryOperator(task_id="u", conn_id="nowhere", sql="SELECT count(*) FROM activity WHERE id = 1")
        def rows():
            PostgresHook(postgres_conn_id=REPLICA).get_records("SELECT * FROM activity WHERE id = 1")
            return PostgresHook("warehouse").get_records("SELECT * FROM activity WHERE id = 1")
    """
    result = project({**AIRFLOW_FILES, "analytics/dags/rollup.py": dag}, AIRFLOW_CONFIG)
    found = sorted((f.path, f.loc.line) for f in result.findings if f.rule == "MOL101")
    assert found == [("analytics/dags/rollup.py", 5), ("analytics/dags/rollup.py", 9)]
    trace = next(f for f in result.findings if f.rule == "MOL101").trace
    assert any("AIRFLOW_CONN_TENANT_REPLICA" in hop.note for hop in trace)


def test_a_variable_the_platforms_manifest_points_at_a_tenant_store_is_a_tenant_data_store_variable(project: Any) -> None:
    """Platform code reading (or connecting with) a variable its own manifest sets to a URL on a tenant store's
    host reads a tenant data-store variable (MOL102), whatever its name; one pointing at its own store is not."""
    job = """
        import os
        import asyncpg
        REPORTS = os.environ["REPORTS_DSN"]
        async def rows():
            await asyncpg.connect(os.getenv("AIRFLOW_CONN_WAREHOUSE"))
            return await asyncpg.connect(dsn=os.environ.get("AIRFLOW_CONN_TENANT_REPLICA"))
    """
    compose = AIRFLOW_FILES["deploy/docker-compose.yml"].replace(
        "AIRFLOW_CONN_WAREHOUSE:", "REPORTS_DSN: postgresql://reader@workspace-db:5432/ws\n              AIRFLOW_CONN_WAREHOUSE:"
    )
    files = {**AIRFLOW_FILES, "deploy/docker-compose.yml": compose, "analytics/jobs.py": job}
    result = project(files, AIRFLOW_CONFIG)
    assert sorted((f.path, f.loc.line) for f in result.findings if f.rule == "MOL102") == [
        ("analytics/jobs.py", 4),
        ("analytics/jobs.py", 7),
    ]


ENT_CLIENT = """
    // Code generated by ent, DO NOT EDIT.
    package ent

    import (
        "context"

        "entgo.io/ent/dialect"
        "entgo.io/ent/dialect/sql/sqlgraph"
    )

    const ActivityTable = "activity"

    type config struct{ driver dialect.Driver }

    type Client struct {
        config
        Activity *ActivityClient
    }

    func NewClient(drv dialect.Driver) *Client {
        cfg := config{driver: drv}
        return &Client{config: cfg, Activity: &ActivityClient{config: cfg}}
    }

    type ActivityClient struct{ config }

    func (c *ActivityClient) Query() *ActivityQuery { return &ActivityQuery{config: c.config} }

    type ActivityQuery struct{ config }

    func (aq *ActivityQuery) Count(ctx context.Context) (int, error) {
        return sqlgraph.CountNodes(ctx, aq.driver, aq.querySpec())
    }

    func (aq *ActivityQuery) querySpec() *sqlgraph.QuerySpec {
        return sqlgraph.NewQuerySpec(ActivityTable, nil, nil)
    }
"""


def test_go_an_ent_client_runs_on_the_store_its_driver_was_opened_on() -> None:
    """`ent.NewClient(entsql.OpenDB(dialect, db))`: the generated client's embedded config holds the driver."""
    found = accesses(
        {
            "platform/ent/client.go": ENT_CLIENT,
            "platform/job.go": """
                package platform

                import (
                    "context"
                    "database/sql"
                    "os"

                    entsql "entgo.io/ent/dialect/sql"
                    "example.com/m/platform/ent"
                )

                func Run(ctx context.Context) {
                    db, _ := sql.Open("pgx", os.Getenv("TENANT_DATABASE_URL"))
                    tenant := ent.NewClient(entsql.OpenDB("postgres", db))
                    tenant.Activity.Query().Count(ctx)
                    own, _ := sql.Open("pgx", os.Getenv("PLATFORM_DATABASE_URL"))
                    cp := ent.NewClient(entsql.OpenDB("postgres", own))
                    cp.Activity.Query().Count(ctx)
                }
            """,
        },
        "platform/job.go",
    )
    assert places(found) == [(14, "env", "TENANT_DATABASE_URL"), (16, "table", "activity")]  # line 19: the platform's own DSN


def test_a_helper_handed_a_session_runs_its_orm_queries_on_the_callers_store() -> None:
    files = {
        **ORM_MODELS,
        "platform/counts.py": """
            from sqlalchemy import select
            from shared.models import Activity
            def count_for(session, org):
                return session.query(Activity).filter_by(org_id=org).count()
            def listed(session):
                return session.scalars(select(Activity)).all()
        """,
        "platform/job.py": """
            import os
            from sqlalchemy import create_engine
            from sqlalchemy.orm import Session
            from platform.counts import count_for, listed
            TENANT = create_engine(os.environ["TENANT_DATABASE_URL"])
            OWN = create_engine(os.environ["PLATFORM_DATABASE_URL"])
            def run(org):
                with Session(TENANT) as session:
                    count_for(session, org)
                    listed(session)
                with Session(OWN) as session:
                    count_for(session, org)
                    listed(session)
        """,
    }
    found = accesses(files, "platform/job.py")
    assert places(found) == [(6, "env", "TENANT_DATABASE_URL"), (10, "table", "activity"), (11, "table", "activity")]
    assert accesses(files, "platform/counts.py") == []  # the helper alone runs on no store it can prove


def test_only_a_statement_on_a_parameter_makes_a_helper_depend_on_its_callers_store() -> None:
    """A caller's store reaches a helper running SQL on a parameter; a command on one (`cache.get(k)`, a name
    too common to be a sink without a resolved library) does not make every caller evaluate the helper again."""
    files = {
        **ORM_MODELS,
        "platform/counts.py": """
            from sqlalchemy import select
            from shared.models import Activity
            def listed(session):
                return session.scalars(select(Activity)).all()
            def cached(cache, key):
                return cache.get(key)
        """,
    }
    facts = [analyze_python(name, python_module_name(name), textwrap.dedent(code).encode()) for name, code in files.items()]
    sinks = Project(STORES, facts, DataCatalog(STORES, [], lambda _: "")).sinks()
    parametric = {
        name: sinks._parametric("platform.counts", summary)
        for name in ("listed", "cached")
        if (summary := sinks.resolver.summary("platform.counts", name)) is not None
    }
    assert parametric == {"listed": True, "cached": False}
