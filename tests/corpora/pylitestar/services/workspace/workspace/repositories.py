from advanced_alchemy.repository import SQLAlchemyAsyncRepository
from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService

from workspace.models import ActivityEvent, Memory


class MemoryRepository(SQLAlchemyAsyncRepository[Memory]):
    model_type = Memory


class ActivityRepository(SQLAlchemyAsyncRepository[ActivityEvent]):
    model_type = ActivityEvent


class MemoryService(SQLAlchemyAsyncRepositoryService[Memory]):
    repository_type = MemoryRepository
