from fleetlib import tables
from fleetlib.sql import select_page
from sqlalchemy import text


class TenantActivityRepository:
    table = tables.ACTIVITY

    def __init__(self, session):
        self.session = session

    def recent(self, org_id: int, limit: int = 50):
        stmt = text(select_page(self.table))  # expect: MOL101
        return self.session.execute(stmt, {"org_id": org_id, "limit": limit}).mappings().all()


class QuotaRepository:
    table = tables.QUOTAS

    def __init__(self, session):
        self.session = session

    def for_org(self, org_id: int):
        return self.session.execute(text(f"SELECT * FROM {self.table} WHERE org_id = :o"), {"o": org_id}).first()
