"""The runtime's own nightly flow: count its memories and push the total."""
from prefect import flow
from sqlalchemy import create_engine

from runtime.report import push_usage
from runtime.settings import DATABASE_URL
from runtime.store import memory_frame


@flow
def nightly() -> None:
    # reads agent_memories of this org only
    push_usage(len(memory_frame(create_engine(DATABASE_URL))))
