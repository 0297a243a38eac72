"""Background work: taskiq for provisioning, SAQ for the nightly purge on the workspace Redis."""

from saq import Queue
from sqlalchemy.ext.asyncio import AsyncSession
from taskiq_redis import ListQueueBroker

from controlplane.config import cfg
from workspace.repositories import MemoryRepository  # expect: MOL104

broker = ListQueueBroker(url=cfg.redis.broker_url)
purge_queue = Queue.from_url(cfg.redis.workspace_url)  # expect: MOL102


@broker.task
async def provision_org(org_id: str) -> None:
    """Allocate a host, create DNS, start the workspace stack."""


@broker.task
async def purge_old_memories(org_id: str, session: AsyncSession) -> int:
    repo = MemoryRepository(session=session)
    return await repo.delete_where(org_id=org_id)  # expect: MOL101


async def schedule_purge(org_ids: list[str]) -> None:
    for org_id in org_ids:
        await purge_queue.enqueue("purge", org_id=org_id)
