"""One-off backfill of memory rollups, reusing the runtime's data-access code."""
from prefect import flow

from runtime.store import memory_frame  # expect: MOL104
from control.config import tenant_reader_dsn
from sqlalchemy import create_engine


@flow
def backfill_rollups() -> int:
    return len(memory_frame(create_engine(tenant_reader_dsn())))  # expect: MOL101, MOL102
