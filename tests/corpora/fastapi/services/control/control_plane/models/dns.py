from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from moleculekit.models.base import Base, OrgScopedMixin


class DnsRecord(OrgScopedMixin, Base):
    __tablename__ = "dns_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    target: Mapped[str] = mapped_column(String(255))
