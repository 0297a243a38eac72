import abc

from sqlalchemy import func
from sqlmodel import Session, select

from controlplane.adapters.tenant_tables import NotebookRecord, RunRecord
from controlplane.domain.model import NotebookQuota, Organization


class AbstractNotebookRepository(abc.ABC):
    @abc.abstractmethod
    def list_for_org(self, org_id: str) -> list[NotebookRecord]: ...

    @abc.abstractmethod
    def count_by_org(self) -> dict[str, int]: ...


class SqlNotebookRepository(AbstractNotebookRepository):
    def __init__(self, session: Session) -> None:
        self.session = session

    def list_for_org(self, org_id: str) -> list[NotebookRecord]:
        stmt = select(NotebookRecord).where(NotebookRecord.org_id == org_id)  # expect: MOL101
        return list(self.session.exec(stmt))

    def count_by_org(self) -> dict[str, int]:
        stmt = select(NotebookRecord.org_id, func.count()).group_by(NotebookRecord.org_id)  # expect: MOL101, MOL201
        return dict(self.session.exec(stmt).all())


class InMemoryNotebookRepository(AbstractNotebookRepository):
    def __init__(self, rows: list[NotebookRecord] | None = None) -> None:
        self.rows = rows or []

    def list_for_org(self, org_id: str) -> list[NotebookRecord]:
        return [r for r in self.rows if r.org_id == org_id]

    def count_by_org(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.org_id] = out.get(r.org_id, 0) + 1
        return out


class OrganizationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[Organization]:
        return list(self.session.exec(select(Organization)))

    def quota(self, org_id: str) -> NotebookQuota | None:
        return self.session.get(NotebookQuota, org_id)

    def quotas_per_org(self) -> dict[str, int]:
        # notebooks per org: the platform's quota table, not the tenant's notebooks
        stmt = select(NotebookQuota.org_id, func.sum(NotebookQuota.max_notebooks)).group_by(NotebookQuota.org_id)
        return dict(self.session.exec(stmt).all())


class GenericRepository:
    model: type[SQLModel]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, pk: object) -> SQLModel | None:
        return self.session.get(self.model, pk)


class RunRepository(GenericRepository):
    model = RunRecord
