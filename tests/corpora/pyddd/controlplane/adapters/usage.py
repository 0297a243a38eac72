"""Usage sources: where the billing service gets per-org activity figures."""

from typing import Protocol

from sqlalchemy import text
from sqlalchemy.engine import Engine

from libs.kernel.names import CHAT_TABLE, TenantTable


class UsageSource(Protocol):
    def messages_per_org(self) -> dict[str, int]: ...

    def runs_for(self, org_id: str) -> int: ...


MESSAGES_PER_ORG = "SELECT org_id, count(*) FROM " + CHAT_TABLE + " GROUP BY org_id"


class WarehouseUsageSource:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def messages_per_org(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(conn.execute(text(MESSAGES_PER_ORG)).all())  # expect: MOL101, MOL201

    def runs_for(self, org_id: str) -> int:
        sql = "SELECT count(*) FROM {} WHERE org_id = :org".format(TenantTable.RUNS.value)
        with self.engine.connect() as conn:
            return conn.execute(text(sql), {"org": org_id}).scalar_one()


class PushedUsageSource:
    """Reads what tenants pushed to /v1/usage; never the chat_messages table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def messages_per_org(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(conn.execute(text("SELECT org_id, sum(messages) FROM usage_reports GROUP BY org_id")).all())

    def runs_for(self, org_id: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                text("SELECT runs FROM usage_reports WHERE org_id = :org"), {"org": org_id}
            ).scalar_one()
