"""The platform's record of each org's EC2 host."""

from dataclasses import dataclass

from sqlalchemy import text


@dataclass(frozen=True)
class OrgHost:
    org_id: str
    instance_id: str
    private_ip: str
    public_fqdn: str


class HostRepository:
    def __init__(self, conn) -> None:
        self._conn = conn

    def running(self) -> list[OrgHost]:
        rows = self._conn.execute(
            text("SELECT org_id, instance_id, private_ip, public_fqdn FROM org_hosts WHERE state = 'running'")
        )
        return [OrgHost(*row) for row in rows]

    def mark(self, org_id: str, state: str) -> None:
        self._conn.execute(text("UPDATE org_hosts SET state = :s WHERE org_id = :o"), {"s": state, "o": org_id})
