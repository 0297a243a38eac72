"""Connections to an org's database."""

from __future__ import annotations

import os

import psycopg

# The tenant's own schema, from its identity: the sanctioned way.
ORG_SCHEMA = f"org_{os.environ['MOLECULE_ORG_ID']}"


def own_connection() -> psycopg.Connection:
    conn = psycopg.connect(os.environ["TENANT_DATABASE_URL"])
    conn.execute(f"SET search_path TO {ORG_SCHEMA}")
    return conn


def connect_org(org_id: str) -> psycopg.Connection:
    return psycopg.connect(f"postgresql://workspace@tenant-db:5432/org_{org_id}")
