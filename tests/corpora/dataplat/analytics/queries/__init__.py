"""SQL of the analytics jobs. Long statements live in queries/sql/*.sql, loaded next to this module."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from libs.datalib import tables

_SQL_DIR = Path(__file__).parent / "sql"


def load(name: str) -> str:
    return (_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def packaged(name: str) -> str:
    return resources.files(__package__).joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


MEMORY_EXPORT = f"SELECT id, workspace_id, content, created_at FROM {tables.MEMORIES} WHERE org_id = %(org_id)s"
MEMORY_COUNT = f"SELECT count(*) AS memories FROM {tables.MEMORIES} WHERE org_id = :org_id"
ACTIVITY_BY_ORG = load("activity_by_org")
SECRET_COUNT = packaged("secret_count")
ACTIVE_ORGS = f"SELECT id FROM {tables.ORGS} WHERE status = 'active'"
USAGE_BY_ORG = load("usage_by_org")
