from advanced_alchemy.base import UUIDAuditBase
from advanced_alchemy.repository import SQLAlchemyAsyncRepository
from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column


class MemoryPlan(UUIDAuditBase):
    """What an org pays for memories; the memories themselves stay on the org's host."""

    __tablename__ = "memory_plans"

    org_id: Mapped[str] = mapped_column(String(64), unique=True)
    max_memories: Mapped[int]


class MemoryPlanRepository(SQLAlchemyAsyncRepository[MemoryPlan]):
    model_type = MemoryPlan


class MemoryPlanService(SQLAlchemyAsyncRepositoryService[MemoryPlan]):
    repository_type = MemoryPlanRepository

    async def plans_in_use(self) -> int:
        return await self.count()
