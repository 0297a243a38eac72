"""Read models over the runtime's schema, for support tooling."""

from sqlmodel import Field, SQLModel

from libs.kernel import names


class NotebookRecord(SQLModel, table=True):
    __tablename__ = names.NOTEBOOKS

    id: str = Field(primary_key=True)
    org_id: str
    title: str


class RunRecord(SQLModel, table=True):
    __tablename__ = names.RUNS_TABLE

    id: int = Field(primary_key=True)
    org_id: str
    notebook_id: str
    duration_ms: int
