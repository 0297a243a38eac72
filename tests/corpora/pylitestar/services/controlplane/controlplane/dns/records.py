import asyncpg

from controlplane.clients.dns import DnsClient
from molecore.sql import select_from

DNS_ROWS = select_from("dns_records", "name", "target")


async def sync_records(pool: asyncpg.Pool) -> None:
    """Push every dns_records row to the provider (memories and messages are never touched here)."""
    async with DnsClient() as dns:
        for row in await pool.fetch(DNS_ROWS):
            await dns.upsert(row["name"], row["target"])
