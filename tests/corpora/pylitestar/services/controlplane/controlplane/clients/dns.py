import httpx

from controlplane.config import cfg


class DnsClient(httpx.AsyncClient):
    def __init__(self) -> None:
        super().__init__(base_url=cfg.services.dns_api)

    async def upsert(self, name: str, target: str) -> None:
        await self.put(f"/zones/molecule/records/{name}", json={"type": "CNAME", "target": target})
