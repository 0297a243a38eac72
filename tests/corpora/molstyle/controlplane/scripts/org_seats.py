"""Seats per org for the sales dashboard (control plane tables only)."""

from __future__ import annotations

from molecule_common import pg, tables

from _common import cp_conn


def main() -> None:
    with cp_conn() as cp:
        print("orgs:", pg.count_rows(cp, tables.ORGS))
        print("members:", pg.scalar(cp, "SELECT count(*) FROM org_members GROUP BY org_id"))
        # Memories (agent_memories) live on each org's host and are never read from here.


if __name__ == "__main__":
    main()
