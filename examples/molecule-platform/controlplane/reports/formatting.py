"""Text helpers for report e-mails."""

from __future__ import annotations

from common.memory_access import summarize_length
from common.text import slugify


def subject_line(org_name: str, period: str) -> str:
    return summarize_length(f"[Molecule] {org_name}: usage for {period}", 78)


def attachment_name(org_name: str, period: str) -> str:
    return f"{slugify(org_name)}-{period}.csv"
