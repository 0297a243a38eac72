"""The workspace's GraphQL schema (strawberry), served at /graphql inside the tenant."""
from __future__ import annotations

import psycopg
import strawberry

from workspace.indexer import settings


@strawberry.type
class Schedule:
    id: strawberry.ID
    cron: str


@strawberry.type
class Query:
    @strawberry.field
    def schedules(self, workspace_id: strawberry.ID) -> list[Schedule]:
        with psycopg.connect(settings.DATABASE_URL) as conn:
            rows = conn.execute(
                "SELECT id, cron FROM schedules WHERE org_id = %s AND workspace_id = %s",
                (settings.ORG_ID, workspace_id),
            ).fetchall()
        return [Schedule(id=strawberry.ID(str(r[0])), cron=r[1]) for r in rows]


schema = strawberry.Schema(query=Query)
