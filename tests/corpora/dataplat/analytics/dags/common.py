"""Defaults shared by the analytics DAGs."""

from __future__ import annotations

from datetime import timedelta

import pendulum

WAREHOUSE_CONN_ID = "warehouse"
WORKSPACE_CONN_ID = "workspace_replica"

DEFAULT_ARGS = {
    "owner": "data-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
}
START = pendulum.datetime(2024, 1, 1, tz="UTC")
