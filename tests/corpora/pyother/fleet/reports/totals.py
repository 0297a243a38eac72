"""Dashboard totals on the `databases` library, one attrs component per table."""

import attrs
from databases import Database

from kit.tables import PlatformTable, TenantTable


@attrs.define
class MessageTotals:
    database: Database
    table: str = TenantTable.MESSAGES.value

    async def total(self) -> int:
        return await self.database.fetch_val(f"SELECT count(*) FROM {self.table}")  # expect: MOL101, MOL201


@attrs.define
class InvoiceTotals:
    database: Database
    table: str = PlatformTable.INVOICES.value

    async def total(self) -> int:
        return await self.database.fetch_val(f"SELECT count(*) FROM {self.table}")
