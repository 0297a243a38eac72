"""Fleet-wide activity figures for the quarterly board deck."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# Pre-RFC: the reporting replica still receives every tenant's activity_logs.
EVENTS_BY_ORG = text("SELECT org_id, kind, count(*) AS events FROM activity_logs GROUP BY org_id, kind")  # expect: MOL101, MOL201


def events_by_org(session: Session) -> list[dict]:
    return [dict(row._mapping) for row in session.execute(EVENTS_BY_ORG)]


def org_message_count(session: Session, org_id: str) -> int:
    # One org's figure: a tenant table read (MOL101), but no cross-org aggregate.
    return session.execute(text("SELECT count(*) FROM workspace_messages WHERE org_id = :org"), {"org": org_id}).scalar_one()  # expect: MOL101
