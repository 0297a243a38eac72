"""Fleet metrics: one query per metric, stacked into a long frame."""

from __future__ import annotations

import logging

import pandas as pd
from sqlalchemy.engine import Engine

from libs.datalib import tables

log = logging.getLogger(__name__)

FLEET_METRICS: dict[str, str] = {
    "memories": f"SELECT org_id, count(*) AS value FROM {tables.MEMORIES} GROUP BY org_id",
    "messages": f"SELECT org_id, count(*) AS value FROM {tables.MESSAGES} GROUP BY org_id",
}

BILLING_METRICS: dict[str, str] = {
    "seat_hours": f"SELECT org_id, sum(seat_hours) AS value FROM {tables.BILLING_USAGE} GROUP BY org_id",
    "invoices": f"SELECT org_id, count(*) AS value FROM {tables.INVOICES} GROUP BY org_id",
}


def _stack(metrics: dict[str, str], engine: Engine) -> pd.DataFrame:
    frames = []
    for name, sql in metrics.items():
        log.info("computing metric %s", name)
        frame = pd.read_sql_query(sql, engine)
        frame["metric"] = name
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def fleet_metrics(engine: Engine) -> pd.DataFrame:
    return _stack(FLEET_METRICS, engine)  # expect: MOL101, MOL201


def billing_metrics(engine: Engine) -> pd.DataFrame:
    return _stack(BILLING_METRICS, engine)
