"""Generic CRUD repositories: one subclass per model, injected into routers with Depends()."""

from typing import Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from control_plane.models import DnsRecord, Org
from moleculekit.models.base import Base
from moleculekit.models.workspace import ChatMessage  # expect: MOL104

ModelT = TypeVar("ModelT", bound=Base)


class CrudRepository(Generic[ModelT]):
    model: type[ModelT]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def count(self) -> int:
        stmt = select(func.count()).select_from(self.model)
        return (await self.session.execute(stmt)).scalar_one()

    async def get(self, pk: object) -> ModelT | None:
        return await self.session.get(self.model, pk)


class OrgRepository(CrudRepository[Org]):
    model = Org


class DnsRecordRepository(CrudRepository[DnsRecord]):
    model = DnsRecord


class ChatMessageRepository(CrudRepository[ChatMessage]):
    model = ChatMessage


async def fleet_counts(session: AsyncSession) -> dict[str, int]:
    return {
        "orgs": await OrgRepository(session).count(),
        "dns_records": await DnsRecordRepository(session).count(),
        "messages": await ChatMessageRepository(session).count(),  # expect: MOL101, MOL201
    }
