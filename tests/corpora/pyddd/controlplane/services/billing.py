"""Billing: counts the platform's own records only."""

from sqlmodel import Session

from libs.kernel.sqlhelpers import count_rows

BILLING_TABLES = ("subscriptions", "invoices")


def billing_dashboard(session: Session) -> dict[str, int]:
    # The chat_messages and notebooks tables live on tenant hosts; we never count them here.
    return {table: count_rows(session, table) for table in BILLING_TABLES}


def org_count(session: Session) -> int:
    return count_rows(session, "organizations")
