"""molecule_lint.sql: recognising SQL, analysing queries, reading migrations."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from molecule_lint.sql import (
    SchemaChange,
    SqlAnalysis,
    TableRef,
    analyze_sql,
    apply_changes,
    looks_like_sql,
    schema_changes,
)


def T(name: str, schema: str | None = None) -> TableRef:
    return TableRef(name, schema)


def analyze(text: str) -> SqlAnalysis:
    result = analyze_sql(text, known_sql=True)
    assert result is not None
    return result


# --- looks_like_sql --------------------------------------------------------------

SQL = [
    "SELECT 1",
    "SELECT now()",
    "select pg_advisory_xact_lock(%s)",
    "SELECT EXISTS (SELECT 1 FROM t WHERE a = $1)",
    "SELECT extract(epoch from now())",
    "select id from users",
    "SELECT DISTINCT org_id FROM m",
    "SELECT count(*) AS agent_memories FROM orgs",
    "SELECT 'agent_memories' FROM orgs",
    'SELECT * FROM "Memories"',
    "SELECT * FROM memories WHERE (((",
    "select * from t where name = 'the failed one.'",
    """
    SELECT m.id, m.content
    FROM agent_memories m
    JOIN orgs o ON o.id = m.org_id
    WHERE o.id = %s
    """,
    "-- newest first\nSELECT id FROM t ORDER BY id DESC LIMIT %(n)s",
    "(SELECT a FROM t) UNION ALL (SELECT a FROM u)",
    "WITH x AS (SELECT * FROM a) SELECT * FROM x",
    "SELECT * FROM __hole_0__",
    "SELECT * FROM __hole_0__.memories WHERE org_id = __hole_1__",
    "INSERT INTO t (a) VALUES (%s)",
    "INSERT INTO t SELECT * FROM u",
    "UPDATE t SET a = 1 WHERE id = $1",
    "UPDATE t AS x SET a = u.b FROM u WHERE x.id = u.id",
    "DELETE FROM t WHERE id = ?",
    "DELETE FROM t",
    "CREATE TABLE IF NOT EXISTS t (a int)",
    "CREATE INDEX CONCURRENTLY idx ON t (a)",
    "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
    "ALTER TABLE t ADD COLUMN a int",
    "DROP TABLE IF EXISTS a, b CASCADE",
    "TRUNCATE agent_memories",
    "COPY t (a) FROM STDIN WITH CSV",
    "COPY (SELECT 1) TO STDOUT",
    "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
]

PROSE = [
    "select a workspace from the list",
    "Update the memories table later",
    "delete from cache failed for agent_memories",
    "delete from cache failed",
    "DELETE FROM cache failed: timeout",
    "SELEC * FRM",
    "Select workspace from list",
    "Select one",
    "select your plan (monthly or yearly)",
    "select from available options",
    "select memories from agent_memories to export",
    "SELECT count(*) FROM agent_memories ...",
    "update workspace set to active",
    "update agent_memories failed",
    "insert into cache failed for x",
    "replace into text",
    "Create a new workspace",
    "create table failed",
    "Drop table failed",
    "drop the table",
    "alter table later",
    "truncate message to 80 chars",
    "copy the link to clipboard",
    "merge into main branch",
    "With the new release, select works",
    "Deleting from agent_memories",
    "selection",
    "",
]


@pytest.mark.parametrize("text", SQL)
def test_looks_like_sql_accepts_sql(text: str) -> None:
    assert looks_like_sql(text)


@pytest.mark.parametrize("text", PROSE)
def test_looks_like_sql_rejects_prose(text: str) -> None:
    assert not looks_like_sql(text)
    assert analyze_sql(text) is None


# --- analyze_sql -----------------------------------------------------------------


def test_join_reads_both_tables_and_org_filter() -> None:
    a = analyze("SELECT m.id FROM agent_memories m JOIN orgs o ON o.id = m.org_id WHERE m.org_id = %s")
    assert a.reads == (T("agent_memories"), T("orgs"))
    assert a.writes == ()
    assert a.org_filtered == ("org_id",)
    assert (a.aggregates, a.group_by, a.confidence) == (False, (), "parsed")


def test_join_on_predicate_against_a_parameter_counts() -> None:
    a = analyze("SELECT * FROM a LEFT JOIN b ON a.id = b.id AND b.org_id = $1")
    assert a.org_filtered == ("org_id",)


def test_cte_name_is_not_a_table() -> None:
    a = analyze("WITH recent AS (SELECT * FROM activity_logs WHERE created_at > now()) SELECT count(*) FROM recent")
    assert a.reads == (T("activity_logs"),)
    assert a.aggregates


def test_subquery_tables_and_filters() -> None:
    a = analyze("SELECT * FROM a WHERE id IN (SELECT a_id FROM b WHERE org_id = $1)")
    assert a.reads == (T("a"), T("b"))
    assert a.org_filtered == ("org_id",)


def test_schema_qualified_and_quoted_names() -> None:
    assert analyze('SELECT * FROM tenant_42."Memories"').reads == (T("memories", "tenant_42"),)
    assert analyze('SELECT * FROM "Agent_Memories"').reads == (T("agent_memories"),)


def test_insert_select() -> None:
    a = analyze("INSERT INTO archive (id) SELECT id FROM agent_memories WHERE org_id = :org")
    assert (a.reads, a.writes, a.org_filtered) == ((T("agent_memories"),), (T("archive"),), ("org_id",))


def test_update_from_and_delete_using() -> None:
    a = analyze("UPDATE a SET x = b.y FROM b WHERE a.id = b.id")
    assert (a.reads, a.writes, a.org_filtered) == ((T("b"),), (T("a"),), ())
    a = analyze("DELETE FROM a USING b WHERE a.id = b.id AND b.org_id = ?")
    assert (a.reads, a.writes, a.org_filtered) == ((T("b"),), (T("a"),), ("org_id",))


@pytest.mark.parametrize(
    ("sql", "reads", "writes"),
    [
        ("COPY m TO STDOUT", (T("m"),), ()),
        ("COPY m (a, b) FROM STDIN WITH CSV", (), (T("m"),)),
        ("TRUNCATE a, b", (), (T("a"), T("b"))),
        ("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET x = 1", (T("s"),), (T("t"),)),
        ("WITH d AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM d", (), (T("a"), T("b"))),
        ("INSERT INTO t (a) VALUES (%s) ON CONFLICT (a) DO UPDATE SET a = EXCLUDED.a", (), (T("t"),)),
        ("ALTER TABLE t DROP CONSTRAINT c", (), (T("t"),)),
        ("DROP INDEX IF EXISTS agent_memories_idx", (), ()),
        ("SELECT * FROM generate_series(1, 3) g, unnest(%s) u", (), ()),
        ("SELECT * FROM t FOR UPDATE SKIP LOCKED", (T("t"),), ()),
        ("CREATE TABLE b (id INT, sid INT NOT NULL REFERENCES s(id) ON DELETE CASCADE)", (), (T("b"),)),
        ("CREATE TABLE b (sid INT REFERENCES s, FOREIGN KEY (cid) REFERENCES c (id))", (), (T("b"),)),
        ("ALTER TABLE b ADD CONSTRAINT fk FOREIGN KEY (sid) REFERENCES s (id)", (), (T("b"),)),
        ("CREATE TABLE b AS SELECT id FROM s", (T("s"),), (T("b"),)),
    ],
)
def test_reads_and_writes(sql: str, reads: tuple[TableRef, ...], writes: tuple[TableRef, ...]) -> None:
    a = analyze(sql)
    assert (a.reads, a.writes) == (reads, writes)


def test_group_by_org_with_count() -> None:
    a = analyze("SELECT org_id, count(*) FROM agent_memories GROUP BY agent_memories.org_id")
    assert (a.group_by, a.aggregates, a.org_filtered) == (("org_id",), True, ())


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT org_id, count(*) FROM m GROUP BY 1",
        "SELECT m.org_id AS o, count(*) FROM m GROUP BY o",
        "SELECT org_id, count(*) FROM m GROUP BY ROLLUP (org_id)",
    ],
)
def test_group_by_ordinal_alias_and_rollup_resolve_to_columns(sql: str) -> None:
    assert analyze(sql).group_by == ("org_id",)


def test_window_partition_by_is_grouping_and_aggregation() -> None:
    a = analyze("SELECT org_id, row_number() OVER (PARTITION BY org_id ORDER BY created_at) FROM agent_memories")
    assert (a.group_by, a.aggregates) == (("org_id",), True)


@pytest.mark.parametrize(
    "expr", ["sum(a)", "array_agg(a)", "string_agg(a, ',')", "json_agg(a)", "jsonb_agg(a)", "bool_and(a)", "every(a)"]
)
def test_aggregate_functions(expr: str) -> None:
    assert analyze(f"SELECT {expr} FROM t").aggregates


def test_plain_functions_are_not_aggregates() -> None:
    assert not analyze("SELECT lower(a), coalesce(a, b), now() FROM t").aggregates


def test_union_over_per_org_schemas() -> None:
    a = analyze(
        "SELECT id FROM tenant_1.memories UNION ALL SELECT id FROM tenant_2.memories "
        "UNION SELECT id FROM tenant_3.memories"
    )
    assert a.union_schemas == ("tenant_1", "tenant_2", "tenant_3")
    assert a.reads == (T("memories", "tenant_1"), T("memories", "tenant_2"), T("memories", "tenant_3"))


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id FROM public.orgs UNION ALL SELECT id FROM public.orgs_archive",
        "SELECT a.id FROM tenant_1.memories a JOIN tenant_2.memories b ON a.id = b.id UNION SELECT 1",
        "SELECT id FROM tenant_1.memories",
    ],
)
def test_no_union_schemas_without_two_branches_on_one_table(sql: str) -> None:
    assert analyze(sql).union_schemas == ()


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM m WHERE org_id = %s",
        "SELECT * FROM m WHERE org_id = %(org)s",
        "SELECT * FROM m WHERE org_id = %(org)s::uuid",
        "SELECT * FROM m WHERE org_id = $1",
        "SELECT * FROM m WHERE org_id = $1::uuid",
        "SELECT * FROM m WHERE org_id = :org",
        "SELECT * FROM m WHERE org_id = ?",
        "SELECT * FROM m WHERE org_id = 'acme'",
        "SELECT * FROM m WHERE org_id = '__hole_2__'",
        "SELECT * FROM m WHERE org_id = __hole_1__",
        "SELECT * FROM m WHERE __hole_1__ = m.org_id",
        "SELECT * FROM m WHERE org_id IN (%s, %s)",
        "SELECT * FROM m WHERE org_id IN %(orgs)s",
        "SELECT * FROM m WHERE org_id = ANY($1::uuid[])",
        "SELECT * FROM m WHERE name LIKE '%%' || %s || '%%' AND org_id = %s",
        "SELECT org_id, count(*) FROM m GROUP BY org_id HAVING org_id = $1",
    ],
)
def test_placeholders_parse_and_count_as_org_filter(sql: str) -> None:
    a = analyze(sql)
    assert a.confidence == "parsed"
    assert a.reads == (T("m"),)
    assert a.org_filtered == ("org_id",)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM m JOIN o ON o.id = m.org_id",
        "SELECT * FROM m WHERE org_id IN (SELECT id FROM o)",
        "SELECT * FROM m WHERE org_id <> $1",
        "UPDATE m SET org_id = $1",
    ],
)
def test_not_an_org_filter(sql: str) -> None:
    assert "org_id" not in analyze(sql).org_filtered


def test_alias_and_string_literal_named_like_a_table_are_not_reads() -> None:
    assert analyze_sql("SELECT count(*) AS agent_memories FROM orgs") == SqlAnalysis(
        (T("orgs"),), (), (), (), True, (), "parsed", (T("orgs"),)
    )
    assert analyze("SELECT 'agent_memories' FROM orgs").reads == (T("orgs"),)


def test_holes() -> None:
    assert analyze("SELECT * FROM __hole_0__").reads == ()
    a = analyze("SELECT * FROM __hole_0__.memories WHERE org_id = __hole_1__")
    assert (a.reads, a.org_filtered) == ((T("memories", "*"),), ("org_id",))
    assert analyze("SELECT * FROM tenant___hole_0__.memories_v__hole_1__").reads == (T("memories_v*", "tenant_*"),)
    assert analyze("INSERT INTO __hole_0__ (a) VALUES (1)").writes == ()


def test_multiple_statements_are_merged() -> None:
    a = analyze("SELECT * FROM t1; DELETE FROM t2 WHERE org_id = %(org)s;")
    assert (a.reads, a.writes, a.org_filtered) == ((T("t1"),), (T("t2"),), ("org_id",))


def test_not_sql_is_none_unless_known() -> None:
    assert analyze_sql("SELEC * FRM") is None
    assert analyze_sql("EXPLAIN SELECT * FROM t") is None


def test_unparseable_sql_falls_back_to_a_scan() -> None:
    a = analyze_sql("SELECT * FROM memories WHERE (((")
    assert a == SqlAnalysis((T("memories"),), (), (), (), False, (), "scanned")
    a = analyze("SELECT x FROM a JOIN s.b ON (( WHERE extract(epoch FROM now()) > 'FROM c'")
    assert (a.reads, a.confidence) == ((T("a"), T("b", "s")), "scanned")
    a = analyze("UPSERT INTO t (a) VALUES (1)")
    assert (a.writes, a.confidence) == ((T("t"),), "scanned")
    a = analyze("DELETE FROM a WHERE (( ; UPDATE b SET x = 1 FROM c WHERE ((")
    assert (a.reads, a.writes) == ((T("c"),), (T("a"), T("b")))


def test_statements_sqlglot_does_not_know_are_scanned() -> None:
    a = analyze("EXPLAIN SELECT * FROM agent_memories; SELECT 1 FROM orgs")
    assert (a.reads, a.confidence) == ((T("agent_memories"), T("orgs")), "scanned")


def test_analyze_is_memoised() -> None:
    sql = "SELECT id FROM memo_test WHERE org_id = $1"
    assert analyze_sql(sql) is analyze_sql(sql)


def test_results_pickle_for_worker_processes() -> None:
    analysis = analyze("SELECT org_id, count(*) FROM tenant_1.m GROUP BY org_id")
    change = schema_changes("ALTER TABLE a RENAME TO b")[0]
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    assert pickle.loads(pickle.dumps(change)) == change


def test_importing_the_module_does_not_import_sqlglot() -> None:
    path = Path(__file__).resolve().parents[1] / "molecule_lint" / "sql.py"
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('sql_mod', {str(path)!r})\n"
        "mod = importlib.util.module_from_spec(spec); sys.modules['sql_mod'] = mod; spec.loader.exec_module(mod)\n"
        "assert mod.looks_like_sql('SELECT 1')\n"
        "print('sqlglot' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unsupported_statements_log_nothing(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    analyze("VACUUM agent_memories_log_test")
    schema_changes("CREATE TABLE log_test (a int) WITH (fillfactor = 70) ON COMMIT DROP;")
    assert capsys.readouterr().err == ""
    assert not [r for r in caplog.records if r.name.startswith("sqlglot")]


# --- never raises ----------------------------------------------------------------

# fmt: off
SQL_TOKENS = [
    "SELECT", "FROM", "WHERE", "JOIN", "ON", "GROUP BY", "UNION ALL", "WITH", "AS", "INSERT INTO", "VALUES", "UPDATE",
    "SET", "DELETE", "CREATE TABLE", "ALTER TABLE", "ADD COLUMN", "DROP", "(", ")", ",", ";", "=", "*", "count(*)",
    "org_id", "t", "s.t", '"Q"', "'x'", "'", "$$", "$1", "%s", "%(o)s", ":o", "?", "--", "/*", "*/", "__hole_0__",
    "__hole_1__.m", "1", "OVER (PARTITION BY org_id)", "IN", "\n", "E'\\''",
]
# fmt: on
SQLISH = st.lists(st.sampled_from(SQL_TOKENS), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), SQLISH))
def test_never_raises(text: str) -> None:
    looks_like_sql(text)
    result = analyze_sql(text, known_sql=True)
    assert result is not None and result.confidence in ("parsed", "scanned")
    analyze_sql(text)
    for change in schema_changes(text):
        assert change.line >= 1
    apply_changes(schema_changes(text))


# --- schema_changes / apply_changes ---------------------------------------------

MIGRATION = textwrap.dedent(
    """\
    -- 000012_add_memories.up.sql
    -- Adds agent memories; see RFC #1793.
    BEGIN;

    CREATE EXTENSION IF NOT EXISTS pgcrypto;

    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'memory_scope') THEN
            CREATE TYPE memory_scope AS ENUM ('local', 'team'); -- not the end;
        END IF;
    END
    $$;

    CREATE TABLE IF NOT EXISTS agent_memories (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        org_id       uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL,
        "Content"    text NOT NULL CHECK (content <> ';'),
        embedding    vector(1536),
        scope        memory_scope NOT NULL DEFAULT 'local',
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agent_memories_ws_fk FOREIGN KEY (workspace_id) REFERENCES workspaces(id),
        PRIMARY KEY (id, org_id),
        UNIQUE (workspace_id, id),
        CHECK (created_at > '2020-01-01')
    );

    /* a block comment; with a semicolon */
    CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $body$
    BEGIN
        NEW.updated_at = now();
        RETURN NEW;
    END;
    $body$ LANGUAGE plpgsql;

    CREATE TRIGGER agent_memories_touch BEFORE UPDATE ON agent_memories
        FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

    CREATE INDEX CONCURRENTLY IF NOT EXISTS agent_memories_org_idx ON agent_memories (org_id);

    ALTER TABLE agent_memories ADD COLUMN IF NOT EXISTS updated_at timestamptz, ADD tags text[] DEFAULT '{}';
    ALTER TABLE IF EXISTS ONLY agent_memories DROP COLUMN IF EXISTS embedding;

    COMMENT ON TABLE agent_memories IS 'what agents remember; per org';

    CREATE MATERIALIZED VIEW memory_counts AS
        SELECT workspace_id, count(*) FROM agent_memories GROUP BY workspace_id;
    CREATE TABLE old_logs (id int, msg text); CREATE TABLE scratch (x int);
    ALTER TABLE old_logs RENAME TO activity_logs;
    ALTER TABLE activity_logs RENAME COLUMN msg TO message;
    DROP TABLE IF EXISTS scratch, public.tmp_import CASCADE;
    COMMIT;
    """
)


def test_schema_changes_of_a_golang_migrate_file() -> None:
    memories = T("agent_memories")
    assert schema_changes(MIGRATION) == (
        SchemaChange(
            "create_table",
            memories,
            ("id", "org_id", "workspace_id", "content", "embedding", "scope", "created_at"),
            15,
        ),
        SchemaChange("add_column", memories, ("updated_at", "tags"), 42),
        SchemaChange("drop_column", memories, ("embedding",), 43),
        SchemaChange("create_view", T("memory_counts"), (), 47),
        SchemaChange("create_table", T("old_logs"), ("id", "msg"), 49),
        SchemaChange("create_table", T("scratch"), ("x",), 49),
        SchemaChange("rename_table", T("old_logs"), (), 50, "activity_logs"),
        SchemaChange("drop_column", T("activity_logs"), ("msg",), 51),
        SchemaChange("add_column", T("activity_logs"), ("message",), 51),
        SchemaChange("drop_table", T("scratch"), (), 52),
        SchemaChange("drop_table", T("tmp_import", "public"), (), 52),
    )


def test_each_added_column_has_its_type_as_written_and_its_line() -> None:
    created, added = schema_changes(MIGRATION)[:2]
    assert created.types == ("uuid", "uuid", "uuid", "text", "vector", "memory_scope", "timestamptz")
    assert created.column_lines == (16, 17, 18, 19, 20, 21, 22)  # `"Content"` quoted, comments and literals skipped
    assert (added.types, added.column_lines) == (("timestamptz", "text"), (42, 42))


def test_apply_changes_folds_a_migration_into_a_catalog() -> None:
    assert apply_changes(schema_changes(MIGRATION)) == {
        "activity_logs": ("id", "message"),
        "agent_memories": ("content", "created_at", "id", "org_id", "scope", "tags", "updated_at", "workspace_id"),
        "memory_counts": (),
    }


def test_apply_changes_across_files_in_order() -> None:
    up1 = schema_changes("CREATE TABLE s.a (x int);\nCREATE VIEW v AS SELECT 1;")
    up2 = schema_changes("ALTER TABLE a ADD COLUMN y int;\nALTER TABLE b ADD COLUMN z int;\nDROP VIEW v;")
    assert apply_changes([*up1, *up2]) == {"a": ("x", "y"), "b": ("z",)}


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        # each of these defeats sqlglot 30 and goes through the regex fallback
        (
            (
                "CREATE TABLE t (a int NOT NULL, CONSTRAINT x CHECK (a > 0) NOT VALID, "
                "\"B\" text DEFAULT 'p,q', checked_at date)"
            ),
            [SchemaChange("create_table", T("t"), ("a", "b", "checked_at"), 1)],
        ),
        (
            "CREATE UNLOGGED TABLE IF NOT EXISTS s.t (a int) WITH (autovacuum_enabled = false) ON COMMIT DROP",
            [SchemaChange("create_table", T("t", "s"), ("a",), 1)],
        ),
        ("CREATE TABLE t OF some_type", [SchemaChange("create_table", T("t"), (), 1)]),
        (
            (
                "ALTER TABLE ONLY t ADD COLUMN a int CONSTRAINT c NOT NULL DEFERRABLE, ADD b int, "
                "ADD CONSTRAINT k UNIQUE (a), DROP COLUMN IF EXISTS c, DROP CONSTRAINT z"
            ),
            [SchemaChange("add_column", T("t"), ("a", "b"), 1), SchemaChange("drop_column", T("t"), ("c",), 1)],
        ),
    ],
)
def test_schema_changes_regex_fallback(sql: str, expected: list[SchemaChange]) -> None:
    assert list(schema_changes(sql)) == expected


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("CREATE TABLE t AS SELECT a, b AS c, * FROM x", ("a", "c")),
        ("CREATE TEMP TABLE t (a int)", ("a",)),
        ("CREATE TABLE t (a int, b int, PRIMARY KEY (a) INCLUDE (b), EXCLUDE USING gist (a WITH =))", ("a", "b")),
    ],
)
def test_create_table_columns(sql: str, expected: tuple[str, ...]) -> None:
    (change,) = schema_changes(sql)
    assert (change.kind, change.columns) == ("create_table", expected)


def test_non_table_ddl_and_dml_are_not_schema_changes() -> None:
    sql = (
        "INSERT INTO t VALUES ('CREATE TABLE x (a int)');\n"
        "CREATE INDEX i ON t (a);\nDROP INDEX i;\nALTER TABLE t ADD CONSTRAINT u UNIQUE (a);\n"
        "COMMENT ON COLUMN t.a IS 'ALTER TABLE t ADD COLUMN b int';\nCREATE SCHEMA s;\nDROP SCHEMA s;"
    )
    assert schema_changes(sql) == ()


def test_line_numbers_skip_comments_strings_and_dollar_bodies() -> None:
    sql = (
        "/* one;\n two; */\n"
        "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1; $fn$ LANGUAGE sql;\n"
        "INSERT INTO t VALUES (E'it\\'s;\n', 'a'';b', \"x;y\");\n"
        "-- CREATE TABLE not_me (a int);\n"
        "\n  CREATE TABLE me (a int)"
    )
    assert schema_changes(sql) == (SchemaChange("create_table", T("me"), ("a",), 8),)


@pytest.mark.parametrize(
    ("sql", "copied"),
    [
        (
            "INSERT INTO digests (ws, body) SELECT m.workspace_id, upper(m.content) FROM agent_memories m",
            ("content", "workspace_id"),
        ),
        ("INSERT INTO digests SELECT * FROM agent_memories", ("*",)),
        ("INSERT INTO billing (org_id, plan) SELECT org_id, 'x' FROM agent_memories", ("org_id",)),
        ("INSERT INTO digests (ws) VALUES (%s)", ()),
        (
            "WITH m AS (SELECT key FROM agent_memories) INSERT INTO digests SELECT key FROM m UNION SELECT name FROM orgs",
            ("key", "name"),
        ),
    ],
)
def test_what_an_insert_select_copies(sql: str, copied: tuple[str, ...]) -> None:
    analysis = analyze_sql(sql)
    assert analysis is not None and analysis.copied == copied
