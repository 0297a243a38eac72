"""Cross-org aggregation (MOL201–MOL203), the migrations the catalog reads, and the
tables MOL101 takes from parsed SQL.

Each test lints a small real project; the traps say what must stay silent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import lint, write_project

from molecule_lint.catalog import DataCatalog, FileReader
from molecule_lint.checks import CHECKS, CheckContext
from molecule_lint.config import Config, DataSpec, Service
from molecule_lint.discover import SourceFile
from molecule_lint.engine import RunResult
from molecule_lint.facts import Definition, FileFacts, Location, LoopSite, Sql, Summary, Var
from molecule_lint.linker import Project
from molecule_lint.migrations import read_migrations
from molecule_lint.sql import SchemaChange, TableRef, analyze_sql, apply_changes

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "common", "plane": "shared", "paths": ["common/"]},
    ],
    "tenant_data": {"tables": ["agent_memories", "activity_logs"]},
    "platform_data": {"tables": ["orgs", "billing_accounts", "usage_reports", "dns_records"]},
    "org_keys": ["org_id"],
}
Found = list[tuple[str, str, int]]


def found(result: RunResult, *rules: str) -> Found:
    """(rule, path, line) of the findings, only of ``rules`` when given."""
    return sorted((f.rule, f.path, f.loc.line) for f in result.findings if not rules or f.rule in rules)


def platform_sql(sql: str) -> dict[str, str]:
    return {"controlplane/report.py": f'def run(conn, org_id):\n    return conn.execute("{sql}").all()\n'}


# --- MOL201 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT org_id, count(*) FROM agent_memories GROUP BY org_id",
        "SELECT org_id, count(*) FROM agent_memories GROUP BY 1",
        "SELECT count(*) FROM agent_memories",
        "SELECT kind, count(*) FROM activity_logs WHERE created_at > now() - interval '1 day' GROUP BY kind",
        "SELECT workspace_id, count(*) OVER (PARTITION BY kind) FROM activity_logs",
        "SELECT content FROM agent_memories",
        "INSERT INTO billing_accounts (org_id, plan) SELECT org_id, 'x' FROM agent_memories",
        "SELECT count(*) FROM org_a.agent_memories UNION ALL SELECT count(*) FROM org_b.agent_memories",
    ],
)
def test_platform_sql_spanning_orgs_is_mol201_and_mol101_on_the_same_line(project: Any, sql: str) -> None:
    result = project(platform_sql(sql), CONFIG)
    assert found(result) == [("MOL101", "controlplane/report.py", 2), ("MOL201", "controlplane/report.py", 2)]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT count(*) FROM agent_memories WHERE org_id = %s",  # one org
        "SELECT org_id, count(*) FROM agent_memories WHERE org_id IN (%s) GROUP BY org_id",
        "SELECT count(*) FROM agent_memories WHERE workspace_id = %s",  # one workspace: one org
        "SELECT content FROM agent_memories WHERE created_at > now()",  # filtered, not aggregated
        "SELECT content FROM agent_memories ORDER BY created_at DESC LIMIT 10",  # not every row
        "DELETE FROM agent_memories",  # a write, not a read
    ],
)
def test_platform_sql_scoped_to_one_org_is_mol101_only(project: Any, sql: str) -> None:
    assert found(project(platform_sql(sql), CONFIG)) == [("MOL101", "controlplane/report.py", 2)]


def test_a_schema_chosen_per_call_is_one_orgs(project: Any) -> None:
    files = {"controlplane/report.py": 'def run(conn, schema):\n    return conn.execute(f"SELECT count(*) FROM {schema}.agent_memories")\n'}
    assert found(project(files, CONFIG)) == [("MOL101", "controlplane/report.py", 2)]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT org_id, sum(tokens) FROM usage_reports WHERE period = %s GROUP BY org_id",  # platform-owned
        "SELECT org_id, count(*) FROM billing_accounts GROUP BY org_id",
        "SELECT plan, count(*) FROM orgs JOIN billing_accounts ON orgs.id = org_id GROUP BY plan",
    ],
)
def test_platform_tables_grouped_by_org_are_silent(project: Any, sql: str) -> None:
    assert found(project(platform_sql(sql), CONFIG)) == []


def test_tenant_code_holds_one_org_and_is_never_mol201(project: Any) -> None:
    files = {
        "workspace_server/stats.py": """\
            def stats(conn):
                conn.execute("SELECT count(*) FROM agent_memories")
                conn.execute("SELECT org_id, count(*) FROM agent_memories GROUP BY org_id")
                return conn.execute("SELECT * FROM activity_logs").all()
        """
    }
    assert found(project(files, CONFIG)) == []


@pytest.mark.parametrize(
    ("sql", "whole"),
    [
        ("SELECT a FROM t", ["t"]),
        ("SELECT a FROM t JOIN u ON t.id = u.t_id", ["t", "u"]),
        ("WITH c AS (SELECT * FROM t) SELECT count(*) FROM c", ["t"]),
        ("INSERT INTO copy SELECT * FROM t", ["t"]),
        ("SELECT a FROM t WHERE b", []),
        ("SELECT a FROM t LIMIT 5", []),
        ("SELECT * FROM (SELECT * FROM t) s WHERE s.x = 1", []),  # filtered outside
        ("SELECT * FROM t WHERE id IN (SELECT t_id FROM u)", []),  # u only feeds the filter
        ("DELETE FROM t", []),  # written, not read
    ],
)
def test_full_scans_are_reads_with_no_where_or_limit_around_them(sql: str, whole: list[str]) -> None:
    analysis = analyze_sql(sql)
    assert analysis is not None and [ref.name for ref in analysis.full_scans] == whole


def test_shared_and_unassigned_code_only_for_forms_that_span_orgs_by_construction(project: Any) -> None:
    files = {
        "common/__init__.py": "",
        "common/stats.py": """\
            def per_org(conn):
                return conn.execute("SELECT org_id, count(*) FROM agent_memories GROUP BY org_id").all()

            def mine(conn):
                return conn.execute("SELECT count(*) FROM agent_memories").scalar()
        """,
        "scripts/fleet.py": """\
            UNIONED = "SELECT body FROM org_a.agent_memories UNION ALL SELECT body FROM org_b.agent_memories"
            EVERYTHING = "SELECT * FROM agent_memories"
        """,
    }
    result = project(files, CONFIG)
    assert found(result) == [("MOL201", "common/stats.py", 2), ("MOL201", "scripts/fleet.py", 1)]
    messages = sorted(f.message for f in result.findings)
    assert messages == [
        "code outside any service UNIONs tenant table `agent_memories` across per-org schemas `org_a`, `org_b`",
        "shared service `common` groups tenant table `agent_memories` by org key `org_id`",
    ]


def test_shared_sql_the_platform_does_not_reach_is_found_with_and_without_the_prefilter(tmp_path: Path) -> None:
    files = {"common/stats.py": 'Q = "SELECT org_id, count(*) FROM activity_logs GROUP BY org_id"\n'}
    root = write_project(tmp_path, files, CONFIG)
    assert found(lint(root)) == found(lint(root, prefilter=False)) == [("MOL201", "common/stats.py", 1)]


def test_table_and_grouping_from_constants_of_other_modules(project: Any) -> None:
    files = {
        "common/__init__.py": "",
        "common/tables.py": 'MEMORIES = "agent_memories"\nORG = "org_id"\n',
        "controlplane/__init__.py": "",
        "controlplane/report.py": """\
            from common.tables import MEMORIES, ORG

            def run(conn):
                return conn.execute(f"SELECT {ORG}, count(*) FROM {MEMORIES} GROUP BY {ORG}").all()
        """,
    }
    result = project(files, CONFIG)
    assert found(result) == [("MOL101", "controlplane/report.py", 4), ("MOL201", "controlplane/report.py", 4)]
    (mol201,) = [f for f in result.findings if f.rule == "MOL201"]
    assert mol201.target == "agent_memories"
    assert mol201.trace[0].note == "SELECT org_id, count(*) FROM agent_memories GROUP BY org_id"


# --- MOL101 reads parsed tables --------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT count(*) AS agent_memories FROM orgs",  # a column alias
        "SELECT 'agent_memories' AS source, count(*) FROM orgs",  # a string literal
        "SELECT id FROM orgs WHERE note = 'copied from agent_memories'",
        "SELECT id FROM orgs AS agent_memories",  # a table alias
        "WITH agent_memories AS (SELECT id FROM orgs) SELECT count(*) FROM agent_memories",  # a CTE
        "SELECT id FROM orgs -- agent_memories",  # a comment
    ],
)
def test_a_tenant_table_name_that_is_not_a_table_access_is_not_mol101(project: Any, sql: str) -> None:
    assert found(project(platform_sql(sql), CONFIG)) == []


# --- MOL202 ----------------------------------------------------------------------

SHARED_READER = {
    "common/__init__.py": "",
    "common/memory.py": """\
        def count_for(conn, org_id):
            return conn.execute("SELECT count(*) FROM agent_memories WHERE org_id = %s", (org_id,)).scalar()
    """,
    "controlplane/__init__.py": "",
}


def test_loop_over_orgs_reaching_tenant_data_through_a_shared_helper(project: Any) -> None:
    files = SHARED_READER | {
        "controlplane/fleet.py": """\
            from common.memory import count_for

            def total(conn, orgs):
                totals = {}
                for org in orgs:
                    totals[org.id] = count_for(conn, org.id)
                return totals
        """
    }
    result = project(files, CONFIG)
    assert found(result) == [
        ("MOL101", "controlplane/fleet.py", 6),  # the call of the shared reader
        ("MOL104", "controlplane/fleet.py", 1),
        ("MOL202", "controlplane/fleet.py", 5),
    ]
    (mol202,) = [f for f in result.findings if f.rule == "MOL202"]
    assert mol202.message == (
        "platform service `controlplane` loops over `orgs` and reaches tenant table `agent_memories` in each iteration"
    )
    assert [(hop.path, hop.line) for hop in mol202.trace] == [("controlplane/fleet.py", 5), ("common/memory.py", 2)]
    assert mol202.trace[0].note == "loop over `orgs` calls `common.memory.count_for`"


def test_loop_through_a_platform_helper_in_another_module(project: Any) -> None:
    files = SHARED_READER | {
        "controlplane/helpers.py": """\
            from common.memory import count_for

            def org_memories(conn, org_id):
                return count_for(conn, org_id)
        """,
        "controlplane/fleet.py": """\
            from controlplane.helpers import org_memories

            def total(conn, tenants):
                return sum(org_memories(conn, t.id) for t in tenants)
        """,
    }
    result = project(files, CONFIG)
    assert found(result, "MOL202") == [("MOL202", "controlplane/fleet.py", 4)]
    (mol202,) = [f for f in result.findings if f.rule == "MOL202"]
    assert [hop.path for hop in mol202.trace] == ["controlplane/fleet.py", "controlplane/helpers.py", "common/memory.py"]


@pytest.mark.parametrize(
    "body",
    [
        "    with ThreadPoolExecutor() as pool:\n        return list(pool.map(recent, org_ids))",
        "    return [recent(o) for o in org_ids]",
        "    return {o: recent(o) for o in org_ids}",
    ],
)
def test_comprehensions_and_executor_map_over_orgs(project: Any, body: str) -> None:
    files = SHARED_READER | {
        "common/memory.py": 'def recent(org_id):\n    return db().execute("SELECT body FROM activity_logs").all()\n',
        "controlplane/digest.py": (
            "from concurrent.futures import ThreadPoolExecutor\n\nfrom common.memory import recent\n\n"
            f"def digest(org_ids):\n{body}\n"
        ),
    }
    assert [rule for rule, _, _ in found(project(files, CONFIG), "MOL202")] == ["MOL202"]


def test_asyncio_gather_over_orgs(project: Any) -> None:
    files = SHARED_READER | {
        "common/memory.py": 'async def recent(org_id):\n    return await db().fetch("SELECT body FROM activity_logs")\n',
        "controlplane/digest.py": """\
            import asyncio

            from common.memory import recent

            async def digest(orgs):
                return await asyncio.gather(*(recent(org.id) for org in orgs))
        """,
    }
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/digest.py", 6)]


def test_tenant_sql_written_inside_the_loop(project: Any) -> None:
    files = {
        "controlplane/fleet.py": """\
            def total(conn, orgs):
                n = 0
                for org in orgs:
                    n += conn.execute("SELECT count(*) FROM agent_memories WHERE org_id = %s", (org,)).scalar()
                return n
        """
    }
    result = project(files, CONFIG)
    assert found(result) == [("MOL101", "controlplane/fleet.py", 4), ("MOL202", "controlplane/fleet.py", 3)]


def test_loops_that_touch_no_tenant_data_are_silent(project: Any) -> None:
    files = SHARED_READER | {
        "common/util.py": 'def slug(name):\n    return name.lower()\n',
        "controlplane/dns.py": """\
            import boto3

            from common.util import slug

            def sync(conn):
                route53 = boto3.client("route53")
                changed = 0
                for org_id, host_ip in conn.execute("SELECT id, host_ip FROM orgs").all():
                    route53.change_resource_record_sets(HostedZoneId="Z1", ChangeBatch={"name": slug(org_id)})
                    conn.execute("INSERT INTO dns_records (org_id, target) VALUES (%s, %s)", (org_id, host_ip))
                    changed += 1
                return changed

            def provision(orgs, ec2):
                return [ec2.run_instances(ImageId="ami-1", TagSpecifications=[org.id]) for org in orgs]
        """,
    }
    assert found(project(files, CONFIG)) == []


def test_a_loop_that_is_not_over_orgs_and_tenant_loops_are_not_mol202(project: Any) -> None:
    files = SHARED_READER | {
        "controlplane/batch.py": """\
            from common.memory import count_for

            def total(conn, items):
                return [count_for(conn, item) for item in items]
        """,
        "workspace_server/jobs.py": """\
            def per_workspace(conn, workspaces):
                return [conn.execute("SELECT count(*) FROM agent_memories WHERE workspace_id = %s", (w,)) for w in workspaces]
        """,
    }
    assert found(project(files, CONFIG), "MOL202") == []


def test_a_go_range_over_orgs(project: Any) -> None:
    files = {
        "go.mod": "module example.com/mono\n",
        "common/db/db.go": """\
            package db

            import "database/sql"

            func Count(conn *sql.DB, org string) int {
            \tvar n int
            \tconn.QueryRow("SELECT count(*) FROM activity_logs WHERE org_id = $1", org).Scan(&n)
            \treturn n
            }
        """,
        "controlplane/fleet/fleet.go": """\
            package fleet

            import (
            \t"database/sql"

            \t"example.com/mono/common/db"
            )

            func Totals(conn *sql.DB, orgs []string) map[string]int {
            \tout := map[string]int{}
            \tfor _, org := range orgs {
            \t\tout[org] = db.Count(conn, org)
            \t}
            \treturn out
            }
        """,
    }
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/fleet/fleet.go", 11)]


def test_a_loop_the_frontend_says_does_not_accumulate_is_silent() -> None:
    config = Config(
        root=Path("/nonexistent"),
        source=None,
        services=(Service("controlplane", "platform", ("controlplane/",)),),
        tenant_data=DataSpec(tables=("agent_memories",)),
    )
    at = Location(3, 5, 4, 60)
    read = Sql(Location(4, 9, 4, 60), "purge", ("DELETE FROM agent_memories WHERE org_id = %s",), "execute")

    def violations(accumulates: bool | None) -> list[int]:
        loop = LoopSite(at, Var("param", "orgs"), "orgs", ("org",), (), accumulates)
        unit = Summary(Location(2, 1, 4, 60), "purge", "function", loops=(loop,))
        facts = FileFacts("controlplane/purge.py", "python", "controlplane.purge", (Definition(at, "purge", "function"), unit, read))
        catalog = DataCatalog(config, [], FileReader(config.root))
        context = CheckContext(config, Project(config, [facts], catalog))
        return [v.loc.line for v in CHECKS["fan-out"](context, {})]

    assert violations(None) == violations(True) == [3]
    assert violations(False) == []


def test_a_loop_module_scope_is_checked_too(project: Any) -> None:
    files = SHARED_READER | {
        "controlplane/script.py": "from common.memory import count_for\n\nTOTALS = [count_for(None, o) for o in ORGS]\n",
    }
    assert found(project(files, CONFIG), "MOL202") == [("MOL202", "controlplane/script.py", 3)]


# --- MOL203 ----------------------------------------------------------------------

MIGRATION_CONFIG = CONFIG | {
    "tenant_data": {"migrations": ["workspace_server/migrations/*"]},
    "platform_data": {"tables": ["usage_reports"], "migrations": ["controlplane/migrations/*", "controlplane/*/migrations/*.py"]},
}
TENANT_SCHEMA = {
    "workspace_server/migrations/0001_init.sql": """\
        CREATE TABLE workspaces (id TEXT PRIMARY KEY, org_id TEXT, name TEXT, status TEXT, created_at TIMESTAMPTZ);
        CREATE TABLE agent_memories (
            id TEXT PRIMARY KEY,
            workspace_id TEXT NOT NULL,
            content TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE usage_reports (id BIGSERIAL PRIMARY KEY, workspace_id TEXT, period DATE, tokens BIGINT);
    """,
}


def mirrors(project: Any, platform: dict[str, str]) -> list[tuple[str, int, str]]:
    result = project(TENANT_SCHEMA | platform, MIGRATION_CONFIG)
    return sorted((f.path, f.loc.line, f.message) for f in result.findings if f.rule == "MOL203")


def test_a_platform_copy_of_a_tenant_table_is_mol203(project: Any) -> None:
    platform = {
        "controlplane/migrations/0003_copies.sql": """\
            -- the insights job fills this nightly
            CREATE TABLE agent_memory_copies (
                id BIGSERIAL PRIMARY KEY, org_id TEXT, workspace_id TEXT, content TEXT, size_bytes INTEGER
            );
        """
    }
    assert mirrors(project, platform) == [
        (
            "controlplane/migrations/0003_copies.sql",
            2,
            (
                "platform migration creates `agent_memory_copies`, shaped like tenant table `agent_memories` "
                "(shared columns `content`, `size_bytes`, `workspace_id`)"
            ),
        )
    ]


def test_a_platform_table_created_like_a_tenant_table_is_mol203_and_no_read(project: Any) -> None:
    platform = {
        "controlplane/migrations/0004_archive.sql": """\
            CREATE TABLE memory_archive (LIKE agent_memories INCLUDING ALL);
            CREATE TABLE usage_reports_2027 (LIKE usage_reports);
        """,
        "controlplane/core/migrations/0005_backup.py": """\
            from django.db import migrations
            BACKUP = "CREATE TABLE IF NOT EXISTS ws_backup (LIKE workspaces)"
            class Migration(migrations.Migration):
                operations = [migrations.RunSQL(BACKUP, reverse_sql="DROP TABLE ws_backup")]
        """,
    }
    result = project(TENANT_SCHEMA | platform, MIGRATION_CONFIG)
    assert sorted((f.path, f.loc.line, f.target) for f in result.findings if f.rule == "MOL203") == [
        ("controlplane/core/migrations/0005_backup.py", 4, "workspaces"),
        ("controlplane/migrations/0004_archive.sql", 1, "agent_memories"),
    ]
    assert [f for f in result.findings if f.rule in ("MOL101", "MOL201")] == []  # a definition copied, no row read


def test_the_platform_owned_name_and_unrelated_tables_are_silent(project: Any) -> None:
    platform = {
        "controlplane/migrations/0001_platform.sql": """\
            CREATE TABLE orgs (id TEXT PRIMARY KEY, org_id TEXT, name TEXT, status TEXT, created_at TIMESTAMPTZ);
            CREATE TABLE usage_reports (id BIGSERIAL PRIMARY KEY, org_id TEXT, period DATE, tokens BIGINT);
            CREATE TABLE memory_quota (org_id TEXT, content_limit BIGINT, size_bytes BIGINT, workspace_id TEXT);
        """
    }
    # orgs shares 2 non-trivial columns with workspaces; memory_quota 2 of 5 with agent_memories.
    assert mirrors(project, platform) == []


def test_a_tenant_name_a_rename_and_a_widening_are_each_reported_where_they_happen(project: Any) -> None:
    platform = {
        "controlplane/migrations/0001.sql": "CREATE TABLE workspaces (id TEXT PRIMARY KEY, plan TEXT);\n",
        "controlplane/migrations/0002.sql": "CREATE TABLE ws_copy (id TEXT);\nALTER TABLE ws_copy RENAME TO agent_memories;\n",
        "controlplane/migrations/0003.sql": """\
            CREATE TABLE notes (id TEXT PRIMARY KEY, workspace_id TEXT);
            ALTER TABLE notes ADD COLUMN body TEXT;
            ALTER TABLE notes ADD COLUMN content TEXT, ADD COLUMN size_bytes INTEGER;
            ALTER TABLE notes ADD COLUMN extra TEXT;
        """,
    }
    assert [(path, line) for path, line, _ in mirrors(project, platform)] == [
        ("controlplane/migrations/0001.sql", 1),
        ("controlplane/migrations/0002.sql", 2),
        ("controlplane/migrations/0003.sql", 3),
    ]
    messages = [message for _, _, message in mirrors(project, platform)]
    assert messages[0] == "platform migration creates `workspaces`, a tenant table's name"
    assert messages[2].startswith("platform migration adds `content`, `size_bytes` to `notes`, shaped like")


def test_sql_over_a_table_a_migration_makes_a_tenant_tables_copy_is_mol201(project: Any) -> None:
    """By shape or by name, MOL203's mirrors hold tenant state: aggregating them across orgs is MOL201."""
    platform = {
        "controlplane/migrations/0003_copies.sql": (
            "CREATE TABLE agent_memory_copies (id BIGSERIAL PRIMARY KEY, org_id TEXT, workspace_id TEXT, content TEXT,"
            " size_bytes INTEGER);\nCREATE TABLE mirror_workspaces (id TEXT PRIMARY KEY, org_id TEXT);\n"
            "CREATE TABLE memory_quota (org_id TEXT, content_limit BIGINT, size_bytes BIGINT, workspace_id TEXT);\n"
        ),
        "controlplane/report.py": (
            "def run(conn):\n"
            '    conn.execute("SELECT org_id, count(*) FROM agent_memory_copies GROUP BY org_id")\n'
            '    conn.execute("SELECT count(*) FROM mirror_workspaces")\n'
            '    conn.execute("SELECT org_id, sum(size_bytes) FROM memory_quota GROUP BY org_id")\n'
        ),
    }
    result = project(TENANT_SCHEMA | platform, MIGRATION_CONFIG)
    assert found(result, "MOL201") == [("MOL201", "controlplane/report.py", 2), ("MOL201", "controlplane/report.py", 3)]
    first = next(f for f in result.findings if f.rule == "MOL201")
    assert "platform table `agent_memory_copies` (its migration makes it a copy of tenant table" in first.message
    assert [(hop.path, hop.line) for hop in first.trace][-1] == ("controlplane/migrations/0003_copies.sql", 1)


def test_a_table_named_as_a_copy_of_a_tenant_table_is_mol203_whatever_its_columns(project: Any) -> None:
    platform = {
        "controlplane/migrations/0004_archives.sql": """\
            CREATE TABLE agent_memories_snapshots (id BIGSERIAL PRIMARY KEY, org_id TEXT, captured_at TIMESTAMPTZ);
            CREATE TABLE mirror_workspaces (id TEXT PRIMARY KEY);
            CREATE TABLE workspaces_quota (org_id TEXT, seats INTEGER);
            CREATE TABLE usage_reports_archive (id BIGSERIAL PRIMARY KEY);
            CREATE TABLE agent_memory_backup (id BIGSERIAL PRIMARY KEY);
        """
    }
    found = mirrors(project, platform)
    assert [(line, message) for _, line, message in found] == [
        (1, "platform migration creates `agent_memories_snapshots`, named as a copy of tenant table `agent_memories`"),
        (2, "platform migration creates `mirror_workspaces`, named as a copy of tenant table `workspaces`"),
    ]


def test_a_goose_go_platform_migration_copying_a_tenant_table_is_mol203_not_mol101(project: Any) -> None:
    """The platform's Go migration creating a tenant table's name makes the platform's own copy: MOL203 at its
    CREATE, and its DDL is no access to tenant data; a Go file registering nothing is no migration."""
    platform = {
        "go.mod": "module example.com/mono\n",
        "controlplane/migrations/00002_copy.go": """\
            package migrations

            import (
            \t"context"
            \t"database/sql"

            \t"github.com/pressly/goose/v3"
            )

            func init() { goose.AddMigrationContext(up, down) }

            func up(ctx context.Context, tx *sql.Tx) error {
            \t_, err := tx.ExecContext(ctx, "CREATE TABLE agent_memories (id TEXT, content TEXT)")
            \treturn err
            }

            func down(ctx context.Context, tx *sql.Tx) error {
            \t_, err := tx.ExecContext(ctx, "DROP TABLE agent_memories")
            \treturn err
            }
        """,
        "controlplane/migrations/helpers.go": """\
            package migrations

            const scratch = "CREATE TABLE workspaces_scratch (id TEXT, org_id TEXT, name TEXT, status TEXT)"
        """,
    }
    result = project(TENANT_SCHEMA | platform, MIGRATION_CONFIG)
    assert found(result, "MOL101", "MOL203") == [("MOL203", "controlplane/migrations/00002_copy.go", 13)]


def test_alembic_and_django_platform_migrations(project: Any) -> None:
    platform = {
        "controlplane/migrations/a1b2_copies.py": """\
            import sqlalchemy as sa
            from alembic import op

            revision = "a1b2"
            down_revision = None

            def upgrade():
                op.create_table(
                    "memory_copies",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("workspace_id", sa.String),
                    sa.Column("content", sa.Text),
                    sa.Column("size_bytes", sa.Integer),
                )

            def downgrade():
                op.drop_table("memory_copies")
        """,
        "controlplane/insights/migrations/0001_initial.py": """\
            from django.db import migrations, models

            class Migration(migrations.Migration):
                operations = [
                    migrations.CreateModel(
                        name="Workspace",
                        fields=[("id", models.AutoField(primary_key=True)), ("name", models.TextField())],
                        options={"db_table": "workspaces"},
                    ),
                ]
        """,
    }
    assert [(path, line) for path, line, _ in mirrors(project, platform)] == [
        ("controlplane/insights/migrations/0001_initial.py", 5),
        ("controlplane/migrations/a1b2_copies.py", 8),
    ]


def test_a_django_migration_naming_its_table_by_another_modules_value(project: Any) -> None:
    platform = {
        "common/__init__.py": "",
        "common/tables.py": """\
            import os
            PREFIX = "agent_"
            class Names:
                MEMORIES = PREFIX + "memories"
                USAGE = "usage_reports"
            SCRATCH = os.environ["SCRATCH_TABLE"]
        """,
        "controlplane/insights/migrations/0001_initial.py": """\
            from django.db import migrations, models
            from common import tables

            class Migration(migrations.Migration):
                operations = [
                    migrations.CreateModel(
                        name="Copy",
                        fields=[("id", models.AutoField(primary_key=True)), ("body", models.TextField())],
                        options={"db_table": tables.Names.MEMORIES},
                    ),
                    migrations.CreateModel(name="Usage", fields=[], options={"db_table": tables.Names.USAGE}),
                    migrations.CreateModel(name="Scratch", fields=[], options={"db_table": tables.SCRATCH}),
                    migrations.AddField(model_name="scratch", name="content", field=models.TextField()),
                ]
        """,
    }
    assert mirrors(project, platform) == [
        ("controlplane/insights/migrations/0001_initial.py", 6,
         "platform migration creates `agent_memories`, a tenant table's name"),
    ]  # fmt: skip


def test_an_alembic_create_table_naming_its_table_by_another_modules_value(project: Any) -> None:
    platform = {
        "common/__init__.py": "",
        "common/names.py": """\
            import os
            WORKSPACES = "workspaces"
            class Billing:
                REPORTS = "usage_reports"
            SCRATCH = os.environ["SCRATCH_TABLE"]
        """,
        "controlplane/migrations/b7c8_dashboards.py": """\
            import sqlalchemy as sa
            from alembic import op
            from common import names
            from common.names import WORKSPACES

            revision = "b7c8"
            down_revision = None
            LOCAL = "fleet_totals"

            def upgrade():
                op.create_table(WORKSPACES, sa.Column("id", sa.Text, primary_key=True))
                op.create_table(names.Billing.REPORTS, sa.Column("id", sa.Integer))
                op.create_table(table_name=names.SCRATCH)
                op.create_table(LOCAL, sa.Column("id", sa.Integer))
        """,
    }
    assert mirrors(project, platform) == [
        ("controlplane/migrations/b7c8_dashboards.py", 11, "platform migration creates `workspaces`, a tenant table's name"),
    ]


RENAMED_TENANT = {
    "workspace_server/migrations/0002_memories.sql": """\
        CREATE TABLE memories (
            id TEXT PRIMARY KEY,
            workspace_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value JSONB NOT NULL,
            scope TEXT NOT NULL,
            expires_at TIMESTAMPTZ
        );
        CREATE TABLE activity_logs (id BIGSERIAL PRIMARY KEY, workspace_id TEXT, activity_type TEXT, summary TEXT, detail JSONB);
        CREATE TABLE teams (id TEXT, name TEXT, description TEXT, workspace_id TEXT, lead_id TEXT, created_by_id TEXT, updated_by_id TEXT);
    """,
}


def shapes(project: Any, platform: dict[str, str]) -> list[Any]:
    result = project(TENANT_SCHEMA | RENAMED_TENANT | platform, MIGRATION_CONFIG)
    return [f for f in result.findings if f.rule == "MOL203"]


def test_a_copy_under_other_column_names_is_matched_after_normalising(project: Any) -> None:
    platform = {
        "controlplane/migrations/0005_memory_snapshots.sql": """\
            CREATE TABLE org_memory_snapshots (
                snapshot_id BIGSERIAL PRIMARY KEY,
                org_id TEXT NOT NULL,
                ws_id TEXT NOT NULL,
                memory_key TEXT NOT NULL,
                memory_value JSONB,
                src_scope VARCHAR(32),
                synced_at TIMESTAMPTZ
            );
        """
    }
    [finding] = shapes(project, platform)
    assert (finding.path, finding.loc.line, finding.target) == ("controlplane/migrations/0005_memory_snapshots.sql", 1, "memories")
    assert finding.message == (
        "platform migration creates `org_memory_snapshots`, shaped like tenant table `memories` (shared columns "
        "`memory_key` for `key`, `src_scope` for `scope`, `memory_value` for `value`, `ws_id` for `workspace_id`)"
    )  # `workspace_id` is in most of the project's tables, but a key: which entity a row belongs to is evidence
    hops = [(hop.path.rsplit("/", 1)[1], hop.line) for hop in finding.trace]
    assert hops == [
        ("0005_memory_snapshots.sql", 1),
        ("0005_memory_snapshots.sql", 5), ("0002_memories.sql", 4),  # memory_key -> key
        ("0005_memory_snapshots.sql", 7), ("0002_memories.sql", 6),  # src_scope -> scope
        ("0005_memory_snapshots.sql", 6), ("0002_memories.sql", 5),  # memory_value -> value
        ("0005_memory_snapshots.sql", 4), ("0002_memories.sql", 3),  # ws_id -> workspace_id
    ]  # fmt: skip



@pytest.mark.parametrize(
    "tenant, platform, target",
    [
        ("CREATE TABLE agent_runs (id BIGSERIAL, org_id TEXT, agent_id TEXT, status TEXT, tokens_used BIGINT);",
         "CREATE TABLE agent_run_rollup (org_id TEXT, agent_id TEXT, status TEXT, tokens_used BIGINT);", "agent_runs"),
        ("CREATE TABLE job_attempts (id TEXT, job_id TEXT, exit_code INTEGER, log_text TEXT);",
         "CREATE TABLE job_attempt_stats (org_id TEXT, job_id TEXT, exit_code INTEGER, log_text TEXT);", "job_attempts"),
        # the key of the same entity, and one more column: not enough of a shape
        ("CREATE TABLE agent_runs (id BIGSERIAL, org_id TEXT, agent_id TEXT, status TEXT, tokens_used BIGINT);",
         "CREATE TABLE agent_quotas (org_id TEXT, agent_id TEXT, status TEXT, max_tokens BIGINT);", None),
    ],
)  # fmt: skip
def test_the_key_of_the_entity_a_table_is_named_for_is_no_generic_id(
    project: Any, tenant: str, platform: str, target: str | None
) -> None:
    """`agent_id` in `agent_runs` is the key of its agent, not the row's own id: it counts toward the shape."""
    files = {"workspace_server/migrations/0009_runs.sql": tenant, "controlplane/migrations/0009_rollup.sql": platform}
    assert [f.target for f in shapes(project, files)] == ([target] if target else [])

def test_shape_traps_generic_columns_counts_only_audit_and_other_types(project: Any) -> None:
    platform = {
        "controlplane/migrations/0006_platform.sql": """\
            CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT, slug TEXT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ);
            CREATE TABLE org_usage (org_id TEXT, workspace_id TEXT, period DATE, memory_count BIGINT, activity_count BIGINT);
            CREATE TABLE audit_events (id BIGSERIAL PRIMARY KEY, org_id TEXT, action TEXT, created_at TIMESTAMPTZ);
            -- the same names as memories, but numbers and times where the tenant keeps text and json
            CREATE TABLE memory_limits (org_id TEXT, ws_id TEXT, key BIGINT, value BIGINT, scope TIMESTAMPTZ);
            -- authorship columns, as on Plane's instance tables
            CREATE TABLE changelogs (id TEXT, title TEXT, description TEXT, workspace_id TEXT, created_by_id TEXT, updated_by_id TEXT);
        """
    }
    assert shapes(project, platform) == []


def test_columns_most_tables_share_are_the_projects_convention_not_a_shape(project: Any) -> None:
    """django-simple-history gives every historical table the same `history_*` columns: a platform history
    table is not shaped like a tenant one for sharing them (nor for the webhook fields both sides use)."""
    history = "history_id BIGSERIAL, history_date TIMESTAMPTZ, history_type VARCHAR(1), history_change_reason TEXT"
    tenant = {
        "workspace_server/migrations/0003_history.sql": f"""\
            CREATE TABLE historical_notes (id TEXT, body TEXT, {history});
            CREATE TABLE historical_tags (id TEXT, label TEXT, {history});
            CREATE TABLE historical_pins (id TEXT, target TEXT, {history});
        """,
    }
    platform = {"controlplane/migrations/0007_history.sql": f"CREATE TABLE historical_plans (id TEXT, tier TEXT, {history});\n"}
    result = project(TENANT_SCHEMA | RENAMED_TENANT | tenant | platform, MIGRATION_CONFIG)
    assert [f for f in result.findings if f.rule == "MOL203"] == []
    # the same four columns in fewer tables than `common_in` (4) are still distinctive
    fewer = {"workspace_server/migrations/0003_history.sql": f"CREATE TABLE historical_notes (id TEXT, body TEXT, {history});\n"}
    [finding] = shapes(project, fewer | platform)
    assert finding.target == "historical_notes"


def test_a_django_model_with_the_tenant_shape(project: Any) -> None:
    platform = {
        "controlplane/insights/migrations/0002_activity.py": """\
            from django.db import migrations, models

            class Migration(migrations.Migration):
                operations = [
                    migrations.CreateModel(
                        name="ActivityMirror",
                        fields=[
                            ("id", models.BigAutoField(primary_key=True)),
                            ("org_id", models.TextField()),
                            ("ws_id", models.TextField()),
                            ("activity_type", models.CharField(max_length=64)),
                            ("activity_summary", models.TextField()),
                            ("detail", models.JSONField()),
                        ],
                    ),
                    migrations.CreateModel(
                        name="ActivityCounts",
                        fields=[("ws_id", models.TextField()), ("activity_type", models.IntegerField()),
                                ("summary", models.IntegerField()), ("detail", models.IntegerField())],
                    ),
                ]
        """,
    }
    [finding] = shapes(project, platform)
    assert (finding.loc.line, finding.target) == (5, "activity_logs")
    # detail, activity_summary, activity_type, ws_id (by normalised name): each platform line, then the tenant's
    assert [hop.line for hop in finding.trace] == [5, 13, 9, 12, 9, 11, 9, 10, 9]
    assert "`activity_summary` for `summary`" in finding.message


# --- migrations folded into the catalog ------------------------------------------


def fold(files: dict[str, str]) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    changes, warnings = read_migrations(files, lambda path: files[path])
    return apply_changes(c.change for c in changes), warnings


def test_sql_migrations_apply_their_up_half_only() -> None:
    """goose, sql-migrate and dbmate keep the rollback below a marker in the same file, golang-migrate in a
    `.down.sql` file: what it drops was never gone (a `DROP TABLE` elsewhere above a marker still counts)."""
    files = {
        "db/00001_init.sql": "-- +goose Up\nCREATE TABLE memories (id INT);\n-- +goose Down\nDROP TABLE memories;\n",
        "db/00002_notes.sql": "-- +migrate Up\nCREATE TABLE notes (id INT);\n-- +migrate Down\nDROP TABLE notes;\n",
        "db/00003_jobs.sql": "-- migrate:up\nCREATE TABLE jobs (id INT);\n\n-- migrate:down\nDROP TABLE jobs;\n",
        "db/00004_scratch.sql": "-- +goose Up\nCREATE TABLE scratch (id INT);\nDROP TABLE scratch;\n",
        "db/000005_runs.up.sql": "CREATE TABLE runs (id INT);\n",
        "db/000005_runs.down.sql": "DROP TABLE runs;\n",
    }
    catalog, _ = fold(files)
    assert catalog == {"jobs": ("id",), "memories": ("id",), "notes": ("id",), "runs": ("id",)}


GOOSE_GO = """package migrations

import (
\t"context"
\t"database/sql"

\t"github.com/pressly/goose/v3"
)

func init() {
\tgoose.AddMigrationContext(upArchive, downArchive)
\tgoose.AddNamedMigrationNoTxContext("00004_idx.go", func(ctx context.Context, db *sql.DB) error {
\t\t_, err := db.ExecContext(ctx, "ALTER TABLE transcripts ADD COLUMN lang text")
\t\treturn err
\t}, nil)
}

func upArchive(ctx context.Context, tx *sql.Tx) error {
\t_, err := tx.ExecContext(ctx, `
\t\tCREATE TABLE transcripts (
\t\t\torg_id uuid NOT NULL,
\t\t\tbody   text
\t\t)`)
\treturn err
}

func downArchive(ctx context.Context, tx *sql.Tx) error {
\t_, err := tx.ExecContext(ctx, "DROP TABLE transcripts")
\treturn err
}

func helper(ctx context.Context, tx *sql.Tx) error {
\t_, err := tx.ExecContext(ctx, "CREATE TABLE not_registered (a int)")
\treturn err
}
"""


def test_goose_go_migrations_apply_what_their_up_function_runs() -> None:
    """The SQL literals of the up functions a Go file registers with goose (by name or as a func literal), in
    the order it registers them, each at its line in the file; down functions and unregistered ones are never read."""
    files = {"db/00003_archive.go": GOOSE_GO, "db/00001_init.sql": "-- +goose Up\nCREATE TABLE orgs (id INT);\n"}
    changes, _ = read_migrations(files, lambda path: files[path])
    located = [(c.path, c.change.kind, c.change.table.name, c.change.line) for c in changes]
    assert located == [
        ("db/00001_init.sql", "create_table", "orgs", 2),
        ("db/00003_archive.go", "create_table", "transcripts", 20),
        ("db/00003_archive.go", "add_column", "transcripts", 13),
    ]
    catalog, _ = fold(files)
    assert catalog == {"orgs": ("id",), "transcripts": ("body", "lang", "org_id")}


def test_alembic_upgrades_fold_in_revision_order_and_downgrades_are_ignored() -> None:
    files = {
        "versions/ff00_second.py": '''
revision = "ff00"
down_revision = "0a11"

def upgrade():
    op.add_column("memories", sa.Column("size_bytes", sa.Integer()))
    op.drop_column("memories", "legacy")
    op.rename_table("scratch", "notes")
    op.drop_table("tmp")
    op.alter_column("memories", "body", new_column_name="content")
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("title", sa.Text()))
        batch.drop_column("junk")
    op.execute(sa.text("ALTER TABLE notes ADD COLUMN pinned BOOLEAN"))

def downgrade():
    op.drop_table("memories")
''',
        "versions/0a11_first.py": '''
revision = "0a11"
down_revision = None

def upgrade():
    op.create_table("memories", sa.Column("id", sa.Integer()), sa.Column("body", sa.Text()), sa.Column("legacy", sa.Text()))
    op.create_table("scratch", sa.Column("junk", sa.Text()), sa.Column(name="kept", type_=sa.Text()))
    op.create_table("tmp", sa.Column("x", sa.Text()))
    op.execute("""
        CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, what TEXT);
    """)
''',
    }
    catalog, warnings = fold(files)
    assert warnings == []
    assert catalog == {
        "audit": ("id", "what"),
        "memories": ("content", "id", "size_bytes"),
        "notes": ("kept", "pinned", "title"),
    }


def test_alembic_execute_lines_point_into_the_literal() -> None:
    files = {"v/1.py": 'def upgrade():\n    op.execute("""\n        CREATE TABLE a (x TEXT);\n        CREATE TABLE b (y TEXT);\n    """)\n'}
    changes, _ = read_migrations(files, lambda path: files[path])
    assert [(c.change.table.name, c.change.line) for c in changes] == [("a", 3), ("b", 4)]


def test_yoyo_steps_apply_their_sql_and_their_rollbacks_are_ignored() -> None:
    files = {
        "m/0001_init.py": '''
import yoyo

FEED = "CREATE TABLE feed (id INT, verb TEXT)"
steps = [
    yoyo.step(FEED, "DROP TABLE feed"),
    yoyo.step(apply="ALTER TABLE feed ADD COLUMN actor TEXT", rollback="ALTER TABLE feed DROP COLUMN actor"),
]
''',
        "m/0002_more.py": '''
from yoyo import group, step

steps = [group([step("CREATE TABLE ledger (amount INT)", "DROP TABLE ledger")])]
''',
        "m/0003_not_yoyo.py": 'step("CREATE TABLE ghost (x INT)")\n',
    }
    changes, warnings = read_migrations(files, lambda path: files[path])
    assert warnings == []
    assert apply_changes(c.change for c in changes) == {"feed": ("actor", "id", "verb"), "ledger": ("amount",)}
    assert [(c.path, c.change.line) for c in changes] == [("m/0001_init.py", 6), ("m/0001_init.py", 7), ("m/0002_more.py", 4)]


def test_alembic_and_django_columns_carry_their_type_and_line() -> None:
    files = {
        "versions/a1_init.py": """revision = "a1"
down_revision = None

def upgrade():
    op.create_table(
        "memories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", postgresql.JSONB()),
        sa.Column(name="key", type_=sa.String(64)),
    )
    op.add_column("memories", sa.Column("expires_at", sa.DateTime(timezone=True)))
""",
        "app/migrations/0001_initial.py": """from django.db import migrations, models

class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Memory",
            fields=[
                ("workspace", models.ForeignKey(on_delete=models.CASCADE, to="ws.workspace")),
                ("body", models.TextField(db_column="content")),
            ],
        ),
        migrations.AddField("memory", "size", models.PositiveIntegerField(default=0)),
    ]
""",
    }
    changes, _ = read_migrations(files, lambda path: files[path])
    details = [(c.change.columns, c.change.types, c.change.column_lines) for c in changes]
    assert details == [
        (("workspace_id", "content"), ("foreignkey", "textfield"), (8, 9)),
        (("size",), ("positiveintegerfield",), (12,)),
        (("id", "value", "key"), ("integer", "jsonb", "string"), (7, 8, 9)),
        (("expires_at",), ("datetime",), (11,)),
    ]


def test_django_operations_fold_with_default_table_names_across_files() -> None:
    files = {
        "memory/migrations/0001_initial.py": """
from django.db import migrations, models

class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(
            name="Memory",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("workspace", models.ForeignKey(on_delete=models.CASCADE, to="ws.workspace")),
                ("body", models.TextField(db_column="content")),
                ("tags", models.ManyToManyField(to="memory.tag")),
            ],
        ),
        migrations.CreateModel("Note", [("id", models.AutoField(primary_key=True))], options={"db_table": "notes"}),
        migrations.CreateModel(name="External", fields=[("id", models.AutoField())], options={"managed": False}),
        migrations.CreateModel(name="Tmp", fields=[("id", models.AutoField())]),
    ]
""",
        "memory/migrations/0002_more.py": """
from django.db import migrations, models

class Migration(migrations.Migration):
    dependencies = [("memory", "0001_initial")]
    operations = [
        migrations.AddField(model_name="memory", name="size_bytes", field=models.IntegerField(default=0)),
        migrations.AddField("note", "author", models.ForeignKey(on_delete=models.CASCADE, to="auth.user")),
        migrations.RemoveField(model_name="memory", name="workspace"),
        migrations.RenameField(model_name="note", old_name="author", new_name="owner"),
        migrations.DeleteModel(name="Tmp"),
        migrations.RenameModel(old_name="Memory", new_name="AgentMemory"),
        migrations.AlterModelTable(name="note", table="memory_notes"),
        migrations.RunSQL("CREATE TABLE raw (id INT)", reverse_sql="DROP TABLE raw"),
        migrations.RunSQL(["ALTER TABLE raw ADD COLUMN v TEXT", ("ALTER TABLE raw ADD COLUMN w TEXT", [])]),
        migrations.RunPython(lambda apps, schema: None),
    ]
""",
    }
    catalog, _ = fold(files)
    assert catalog == {
        "memory_agentmemory": ("content", "id", "size_bytes"),
        "memory_notes": ("id", "owner_id"),
        "raw": ("id", "v", "w"),
    }


def test_sql_a_migration_names_by_a_module_constant_runs_at_the_call() -> None:
    files = {
        "shop/migrations/0003_raw.py": """from django.db import migrations

LEDGER_DDL = \"\"\"
CREATE TABLE ledger (id BIGINT, amount BIGINT)
\"\"\"
INDEX_DDL: str = "ALTER TABLE ledger ADD COLUMN memo TEXT"
REBOUND = "CREATE TABLE first_try (a INT)"
REBOUND = "CREATE TABLE second_try (b INT)"
BUILT = " ".join(["CREATE TABLE", "built (c INT)"])

class Migration(migrations.Migration):
    operations = [
        migrations.RunSQL(LEDGER_DDL, reverse_sql="DROP TABLE ledger"),
        migrations.RunSQL([INDEX_DDL, REBOUND, BUILT]),
    ]
""",
        "alembic/versions/b2_audit.py": """revision = "b2"
down_revision = None
AUDIT = "CREATE TABLE audit_trail (who TEXT, what TEXT)"

def upgrade():
    op.execute(AUDIT)
""",
    }
    changes, _ = read_migrations(files, lambda path: files[path])
    located = [(c.path, c.change.table.name, c.change.line) for c in changes]
    assert located == [
        ("alembic/versions/b2_audit.py", "audit_trail", 6),
        ("shop/migrations/0003_raw.py", "ledger", 13),
        ("shop/migrations/0003_raw.py", "ledger", 14),
    ]
    catalog, _ = fold(files)
    assert catalog == {"audit_trail": ("what", "who"), "ledger": ("amount", "id", "memo")}


def test_files_that_are_no_migration_or_do_not_parse() -> None:
    files = {"m/__init__.py": "", "m/helpers.py": "def f():\n    return 1\n", "m/broken.py": "def upgrade(:\n"}
    catalog, warnings = fold(files)
    assert catalog == {}
    assert warnings == ["m/broken.py: migration does not parse; its schema changes are ignored"]


def test_catalog_reads_python_migrations_and_warns_when_a_glob_matches_nothing(tmp_path: Path) -> None:
    files = {
        "ws/alembic/versions/1_init.py": 'def upgrade():\n    op.create_table("memories", sa.Column("body"))\n',
        "cp/migrations/0001.py": "x = 1\n",
    }
    write_project(tmp_path, files)
    config = Config(
        root=tmp_path,
        source=None,
        tenant_data=DataSpec(migrations=("ws/alembic/versions/*.py",)),
        platform_data=DataSpec(migrations=("cp/schema/*.sql", "cp/schema/*.py")),
    )
    sources = [SourceFile(path, "python", None) for path in sorted(files)]
    catalog = DataCatalog(config, sources, FileReader(tmp_path))
    assert catalog.tenant_tables == {"memories"} and catalog.tenant_columns == {"memories": ("body",)}
    assert catalog.warnings == ["platform_data.migrations: no .sql, .py or .go file matches ['cp/schema/*.sql', 'cp/schema/*.py']"]


def test_a_table_an_alembic_tenant_migration_creates_is_mol101_from_the_platform(project: Any) -> None:
    files = {
        "workspace_server/alembic/versions/1_init.py": (
            'def upgrade():\n    op.create_table("schedules", sa.Column("id"), sa.Column("cron"))\n'
        ),
        "controlplane/jobs.py": 'def crons(conn):\n    return conn.execute("SELECT cron FROM schedules WHERE id = %s").all()\n',
    }
    config = CONFIG | {"tenant_data": {"migrations": ["workspace_server/alembic/versions/*.py"]}}
    assert found(project(files, config)) == [("MOL101", "controlplane/jobs.py", 2)]


def test_alembic_changes_keep_schema_and_line() -> None:
    files = {"v.py": 'def upgrade():\n    op.create_table("t", schema="Org_A")\n'}
    changes, _ = read_migrations(files, lambda path: files[path])
    assert [c.change for c in changes] == [SchemaChange("create_table", TableRef("t", "org_a"), (), 2)]


def test_a_tenant_name_the_platform_creates_in_a_schema_of_its_own_is_the_tenants_elsewhere(project: Any) -> None:
    """The warehouse's `fleet.agent_memories` (MOL203) claims that name in `fleet` only: a query naming another
    schema (`public.`, an attached database's `ws.public.`) reads the tenant's; an unqualified one may read
    either (search_path), so it stays the platform's mirror (MOL201 on it, no MOL101)."""
    platform = {
        "controlplane/migrations/0006_fleet.sql": """\
            CREATE SCHEMA fleet;
            CREATE TABLE fleet.agent_memories (id BIGINT, org_id TEXT, workspace_id TEXT, content TEXT);
            CREATE TABLE warehouse.workspaces (id TEXT, org_id TEXT);
            CREATE TABLE workspaces (id TEXT, org_id TEXT);
        """,
        "controlplane/report.py": """\
            def run(conn):
                conn.execute("SELECT org_id, count(*) FROM ws.public.agent_memories GROUP BY org_id")
                conn.execute("SELECT org_id, count(*) FROM fleet.agent_memories GROUP BY org_id")
                conn.execute("SELECT org_id, count(*) FROM agent_memories GROUP BY org_id")
                conn.execute("SELECT id FROM public.workspaces WHERE org_id = %s")
        """,
    }
    result = project(TENANT_SCHEMA | platform, MIGRATION_CONFIG)
    report = [f for f in result.findings if f.path == "controlplane/report.py"]
    assert [(f.rule, f.loc.line, "platform table" not in f.message) for f in report] == [
        ("MOL101", 2, True), ("MOL201", 2, True), ("MOL201", 3, False), ("MOL201", 4, False)
    ]  # fmt: skip
