from sqlalchemy import text

from controlhub.extensions import db
from fleetlib.sql import select_count


def purge_older_than(table: str, days: int) -> int:
    result = db.session.execute(
        text(f"DELETE FROM {table} WHERE created_at < now() - make_interval(days => :days)"), {"days": days}
    )
    return result.rowcount


def count_rows(table: str) -> int:
    return db.session.execute(text(select_count(table))).scalar()


def nightly() -> dict:
    purged = purge_older_than("provision_job", 30) + purge_older_than("dns_records", 365)
    return {"purged": purged, "orgs": count_rows("orgs"), "snapshots": count_rows("usage_snapshots")}
