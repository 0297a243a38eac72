"""Ad-hoc analytics with duckdb over Postgres."""
import duckdb

from control.config import CONTROL_DSN

RUNTIME_REPLICA = "postgresql://reader@runtime-db:5432/runtime"


def attach_runtime() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"ATTACH '{RUNTIME_REPLICA}' AS rt (TYPE postgres, READ_ONLY)")
    return con


def secrets_without_rotation() -> list[tuple]:
    con = attach_runtime()
    return con.sql("SELECT org_id, name FROM rt.workspace_secrets WHERE org_id = 'acme'").fetchall()  # expect: MOL101


def provision_backlog() -> list[tuple]:
    con = duckdb.connect()
    con.execute(f"ATTACH '{CONTROL_DSN}' AS cp (TYPE postgres, READ_ONLY)")
    return con.sql("SELECT state, count(*) FROM cp.provision_jobs GROUP BY state").fetchall()
