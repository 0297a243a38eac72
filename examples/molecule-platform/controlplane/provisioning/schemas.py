"""Per-org schemas in the platform's own database (provisioning records, not tenant data)."""

from __future__ import annotations

import os

import psycopg
from fastapi import APIRouter

router = APIRouter()


@router.post("/orgs/{org_id}/provisioning-schema")
def create_provisioning_schema(org_id: str) -> dict:
    with psycopg.connect(os.environ["PLATFORM_DATABASE_URL"]) as conn:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS provisioning_{org_id}")
    return {"ok": True}
