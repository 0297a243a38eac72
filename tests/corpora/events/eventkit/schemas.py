from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class Envelope(BaseModel):
    """Every message on the bus: an event type, the org it belongs to, and a typed payload."""

    model_config = ConfigDict(frozen=True)

    event_id: UUID
    event_type: str
    org_id: str
    workspace_id: str | None = None
    occurred_at: datetime
    payload: dict[str, Any] = Field(default_factory=dict)


class UsageRecorded(BaseModel):
    org_id: str
    meter: str
    quantity: int = 1


class OrgProvisioned(BaseModel):
    org_id: str
    region: str
    hostname: str
