"""Named-query files (aiosql, anosql, PugSQL; Go's goyesql, dotsql): a query run by its name is the SQL of
the block of that name, reported where it runs with a hop at the block's name in the .sql file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, write_project

from molecule_lint.core import namedsql

CONFIG = {
    "services": [{"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]}],
    "tenant_data": {"tables": ["agent_memories"]},
    "platform_data": {"tables": ["orgs"]},
}
YESQL = """\
-- name: list-orgs
-- Reads agent_memories? No: only the orgs.
SELECT id FROM orgs;

-- name: get-memories^
SELECT content FROM agent_memories WHERE org_id = :org_id;

-- name: purge-memories!
DELETE FROM agent_memories WHERE org_id = :org_id;
"""


def hits(root: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    """(file, line, last hop) of each MOL101 finding."""
    write_project(root, {"controlplane/__init__.py": "", **files}, CONFIG)
    result = lint(root)
    return sorted((f.path, f.loc.line, f.trace[-1].note) for f in result.findings if f.rule == "MOL101")


def test_the_yesql_parser_names_blocks_and_drops_comments() -> None:
    python = namedsql.LOADERS["aiosql.from_path"]
    found = namedsql.queries(YESQL, python)
    assert [(q.name, q.line) for q in found] == [("list_orgs", 1), ("get_memories", 5), ("purge_memories", 8)]
    assert "agent_memories" not in found[0].sql  # named in a comment of the block only
    go = namedsql.loader("github.com/knadh/goyesql/v2.ParseFile")
    assert go is not None and [q.name for q in namedsql.queries(YESQL, go)] == ["list-orgs", "get-memories^", "purge-memories!"]


@pytest.mark.parametrize(
    "load",
    [
        'aiosql.from_path("controlplane/sql/memories.sql", "psycopg2")',
        'aiosql.from_path(Path(__file__).parent / "sql", "psycopg2")',
        'anosql.from_path("sql/memories.sql", "psycopg2")',
        'anosql.from_str(Path(__file__).with_name("sql").joinpath("memories.sql").read_text(), "psycopg2")',
    ],
)
def test_aiosql_and_anosql_run_a_query_by_its_name(tmp_path: Path, load: str) -> None:
    job = f"""\
from pathlib import Path

import aiosql
import anosql

queries = {load}


def memories(conn, org_id):
    return queries.get_memories(conn, org_id=org_id)


def orgs(conn):
    return queries.list_orgs(conn)
"""
    files = {"controlplane/sql/memories.sql": YESQL, "controlplane/job.py": job}
    (found,) = hits(tmp_path, files)
    assert found[:2] == ("controlplane/job.py", 10)
    assert found[2] in ("named query get_memories in controlplane/sql/memories.sql", "file read at run time: controlplane/sql/memories.sql")


def test_an_aiosql_folder_gives_a_sub_folder_its_own_namespace(tmp_path: Path) -> None:
    job = """\
import aiosql

queries = aiosql.from_path("controlplane/sql", "asyncpg")


async def memories(conn, org_id):
    await queries.tenants.purge_memories(conn, org_id=org_id)
    await queries.purge_memories(conn, org_id=org_id)  # no such query at the top: a hole
"""
    files = {"controlplane/sql/tenants/memories.sql": YESQL, "controlplane/sql/orgs.sql": "-- name: list_orgs\nSELECT id FROM orgs\n", "controlplane/job.py": job}
    assert hits(tmp_path, files) == [("controlplane/job.py", 7, "named query purge_memories in controlplane/sql/tenants/memories.sql")]


def test_pugsql_reads_one_named_query_per_file(tmp_path: Path) -> None:
    job = """\
import pugsql

queries = pugsql.module("controlplane/queries/")


def memories(org_id):
    return queries.memories_for_org(org_id=org_id)


def orgs():
    return queries.all_orgs()
"""
    files = {
        "controlplane/queries/memories.sql": "-- :name memories_for_org :many\nSELECT content FROM agent_memories WHERE org_id = :org_id\n",
        "controlplane/queries/orgs.sql": "-- :name all_orgs :many\n-- not agent_memories\nSELECT id FROM orgs\n",
        "controlplane/job.py": job,
    }
    assert hits(tmp_path, files) == [("controlplane/job.py", 7, "named query memories_for_org in controlplane/queries/memories.sql")]


GO_MOD = "module example.com/cp\n\ngo 1.22\n"


@pytest.mark.parametrize(
    ("imported", "load", "query"),
    [
        ("github.com/knadh/goyesql/v2", 'q := goyesql.MustParseFile("controlplane/queries.sql")', 'db.Query(q["get-memories^"], org)'),
        ("github.com/nleof/goyesql", 'q, err := goyesql.ParseFile("queries.sql")\n\t_ = err', 'db.QueryContext(ctx, q["get-memories^"], org)'),
        ("github.com/qustavo/dotsql", 'dot, _ := dotsql.LoadFromFile("queries.sql")', 'dot.QueryContext(ctx, db, "get-memories^", org)'),
        ("github.com/gchaincl/dotsql", 'dot, _ := dotsql.LoadFromFile("controlplane/queries.sql")', 'dot.Exec(db, "purge-memories!", org)'),
    ],
)
def test_go_runs_a_query_of_a_named_query_file_by_name(tmp_path: Path, imported: str, load: str, query: str) -> None:
    job = f"""\
package controlplane

import (
\t"context"
\t"database/sql"

\t"{imported}"
)

func Memories(ctx context.Context, db *sql.DB, org string) {{
\t{load}
\t{query}
}}
"""
    silent = query.replace("get-memories^", "list-orgs").replace("purge-memories!", "list-orgs")
    files = {"go.mod": GO_MOD, "controlplane/queries.sql": YESQL, "controlplane/job.go": job, "controlplane/orgs.go": job.replace("Memories(", "Orgs(").replace(query, silent)}
    ((path, line, note),) = hits(tmp_path, files)
    assert path == "controlplane/job.go" and note.startswith("named query ") and note.endswith(" in controlplane/queries.sql")
    assert line == job.splitlines().index(f"\t{query}") + 1


def test_queries_loaded_in_one_module_run_in_another(tmp_path: Path) -> None:
    files = {
        "controlplane/db.py": 'import aiosql\n\nqueries = aiosql.from_path("controlplane/sql", "psycopg2")\n',
        "controlplane/sql/memories.sql": YESQL,
        "controlplane/job.py": "from controlplane.db import queries\n\n\ndef purge(conn, org_id):\n    queries.purge_memories(conn, org_id=org_id)\n",
    }
    assert hits(tmp_path, files) == [("controlplane/job.py", 5, "named query purge_memories in controlplane/sql/memories.sql")]


def test_a_named_query_aggregating_across_orgs_is_mol201(tmp_path: Path) -> None:
    files = {
        "controlplane/__init__.py": "",
        "controlplane/db.py": 'import aiosql\n\nqueries = aiosql.from_path("sql", "psycopg2")\n\n\ndef usage(conn):\n    return queries.memory_counts(conn)\n',
        "controlplane/sql/usage.sql": "-- name: memory-counts\nSELECT org_id, count(*) FROM agent_memories GROUP BY org_id\n",
    }
    write_project(tmp_path, files, CONFIG)
    found = [(f.rule, f.loc.line, f.trace[-1].note) for f in lint(tmp_path).findings]
    assert ("MOL201", 7, "named query memory_counts in controlplane/sql/usage.sql") in found


def test_a_folder_outside_the_project_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "memories.sql").write_text(YESQL)
    project = tmp_path / "project"
    (project / "controlplane").mkdir(parents=True)
    (project / "controlplane" / "sql").symlink_to(outside)
    job = 'import aiosql\n\nqueries = aiosql.from_path("controlplane/sql", "psycopg2")\n\n\ndef purge(conn):\n    queries.purge_memories(conn)\n'
    job_outside = job.replace("controlplane/sql", str(outside))
    assert hits(project, {"controlplane/job.py": job, "controlplane/other.py": job_outside}) == []


@pytest.mark.parametrize(
    ("imported", "load", "field", "run"),
    [
        ("github.com/knadh/goyesql/v2", 'qMap, _ := goyesql.ParseBytes(qB)', "*sqlx.Stmt", "q.GetMemories.Select(&out, org)"),
        ("github.com/nleof/goyesql", 'qMap := goyesql.MustParseBytes(qB)', "string", "db.Select(&out, q.GetMemories, org)"),
    ],
)
def test_goyesql_scans_named_queries_into_a_struct(tmp_path: Path, imported: str, load: str, field: str, run: str) -> None:
    queries = f"""\
package controlplane

import (
\t"os"

\t"github.com/jmoiron/sqlx"
\t"{imported}"
)

type Queries struct {{
\tListOrgs    {field} `query:"list-orgs"`
\tGetMemories {field} `query:"get-memories^"`
\tPage        int `query:"get-memories^"`
}}

func Load(db *sqlx.DB) *Queries {{
\tqB, _ := os.ReadFile("controlplane/queries.sql")
\t{load}
\tvar q Queries
\tgoyesql.ScanToStruct(&q, qMap, db)
\treturn &q
}}
"""
    job = f"""\
package controlplane

import "github.com/jmoiron/sqlx"

func Memories(db *sqlx.DB, q *Queries, org string) {{
\tvar out []string
\t{run}
}}

func Orgs(db *sqlx.DB, q *Queries) {{
\tvar out []string
\t{run.replace("GetMemories", "ListOrgs").replace(", org)", ")")}
}}
"""
    files = {"go.mod": GO_MOD, "controlplane/queries.sql": YESQL, "controlplane/queries.go": queries, "controlplane/job.go": job}
    assert hits(tmp_path, files) == [("controlplane/job.go", 7, "named query get-memories^ in controlplane/queries.sql")]
