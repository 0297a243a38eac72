import dramatiq
from dramatiq.brokers.redis import RedisBroker

from runtime.adapters.platform_client import platform_adapter
from runtime.adapters.repository import SqlNotebookRepository
from runtime.db import default_engine
from sqlmodel import Session

dramatiq.set_broker(RedisBroker(url="redis://redis:6379/1"))


@dramatiq.actor
async def push_usage() -> None:
    with Session(default_engine()) as session:
        messages = SqlNotebookRepository(session).message_count()
    await platform_adapter().push_usage(messages=messages, runs=0)
