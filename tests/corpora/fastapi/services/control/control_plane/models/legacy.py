"""Mapped before the org-per-host split; the secrets rotation job still uses it."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from moleculekit.models.base import Base, OrgScopedMixin
from moleculekit.tables import Table


class WorkspaceSecret(OrgScopedMixin, Base):
    __tablename__ = Table.SECRETS

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    ciphertext: Mapped[bytes]
