"""The org of the request being served (set by OrgContextMiddleware)."""

from __future__ import annotations

import threading

_local = threading.local()


def set_current_org(org_id: str | None) -> None:
    _local.org_id = org_id


def current_org() -> str | None:
    return getattr(_local, "org_id", None)
