"""Invoices and metered usage. Everything here is the platform's own data."""

from sqlalchemy import text

from fleetlib.sqlbits import count_per_org, latest

INVOICES = "invoices"


def invoices_per_org(conn) -> list[tuple[str, int]]:
    return conn.execute(text(count_per_org(INVOICES))).all()


def last_invoice(conn):
    return conn.execute(text(latest(INVOICES, "period"))).first()


def agent_hours(conn, org_id: str) -> int:
    # Counters reported by the tenant's heartbeat; the tenant's activity_events never leave its host.
    row = conn.execute(text("SELECT agent_hours FROM activity_quotas WHERE org_id = :o"), {"o": org_id}).first()
    return row[0] if row else 0


def monthly_revenue(conn, org_ids: list[str]) -> int:
    total = 0
    for org_id in org_ids:
        row = conn.execute(text("SELECT sum(amount_cents) FROM invoices WHERE org_id = :o"), {"o": org_id}).first()
        total += row[0] or 0
    return total
