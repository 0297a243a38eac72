"""Invoice generation.

Invoices are built from billing_accounts and usage_reports only. Never run
`SELECT ... FROM agent_memories` here: memories live in each tenant's own
Postgres and the platform never reads them (RFC #1793).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import httpx
from fastapi import APIRouter

from common.memory_access import summarize_length
from controlplane.db import raw_connection

if TYPE_CHECKING:
    from workspace_server.store.models import Memory

logger = logging.getLogger(__name__)
router = APIRouter()

STRIPE_API = "https://api.stripe.com/v1"


def _account(cur, org_id: str) -> tuple[str, str]:
    cur.execute("SELECT stripe_customer_id, plan FROM billing_accounts WHERE org_id = %s", (org_id,))
    return cur.fetchone()


@router.post("/orgs/{org_id}/invoices")
def create_invoice(org_id: str, memo: str = "") -> dict:
    conn = raw_connection()
    with conn.cursor() as cur:
        customer_id, plan = _account(cur, org_id)
    body = {"customer": customer_id, "description": summarize_length(memo, 120)}
    resp = httpx.post(f"{STRIPE_API}/invoices", data=body, timeout=10.0)
    resp.raise_for_status()
    logger.info("invoice created for org %s on plan %s", org_id, plan)
    return resp.json()


def line_label(item: Memory | None) -> str:
    # The annotation is for mypy only; callers pass plain usage rows.
    return "storage" if item is None else f"storage ({item.id})"
