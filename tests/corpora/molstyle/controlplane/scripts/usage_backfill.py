"""Backfill usage_records for a month the meter job missed."""

from __future__ import annotations

import sys

from molecule_common import pg, tables

from _common import cp_conn, org_conn


def main(org_id: str) -> None:
    with cp_conn() as cp, org_conn() as org:
        calls = pg.count_rows(org, tables.ACTIVITY)  # expect: MOL101, MOL201
        already = pg.count_rows(cp, tables.USAGE)
        print(f"org {org_id}: {calls} activity rows, {already} usage rows recorded")
        cp.execute(
            "INSERT INTO usage_records (org_id, meter, quantity, recorded_at) VALUES (%s, 'a2a_calls', %s, now())",
            (org_id, calls),
        )


if __name__ == "__main__":
    main(sys.argv[1])
