"""Shared bits of the control plane's ops scripts (run from the bastion)."""

from __future__ import annotations

import psycopg

from molecule_common.envutil import env

CP_DSN_VAR = "CP_DATABASE_URL"
# Set on the bastion to the org under investigation (same name as on the host).
ORG_DSN_VAR = "DATABASE_URL"


def cp_conn() -> psycopg.Connection:
    return psycopg.connect(env(CP_DSN_VAR))


def org_conn() -> psycopg.Connection:
    return psycopg.connect(env(ORG_DSN_VAR))  # expect: MOL102


def active_org_dsns(conn: psycopg.Connection) -> list[tuple[str, str]]:
    """(org id, tenant DSN) of every running org, from the control plane's own tables."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT o.id, 'postgresql://molecule@' || host(i.private_ip) || '/molecule' "
            "FROM orgs o JOIN org_instances i ON i.org_id = o.id WHERE i.state = 'running'"
        )
        return [(r[0], r[1]) for r in cur.fetchall()]
