from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from control.models import Org
from dbkit.repository import SqlRepository


class OrgRepository(SqlRepository[Org]):
    model = Org

    async def active(self) -> Sequence[Org]:
        return (await self.session.scalars(select(Org).where(Org.status == "active"))).all()
