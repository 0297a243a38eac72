import abc

from sqlalchemy.engine import Engine
from sqlmodel import Session

from controlplane.adapters.repository import (
    AbstractNotebookRepository,
    InMemoryNotebookRepository,
    RunRepository,
    SqlNotebookRepository,
)


class AbstractUnitOfWork(abc.ABC):
    notebooks: AbstractNotebookRepository

    def __enter__(self) -> "AbstractUnitOfWork":
        return self

    def __exit__(self, *args: object) -> None:
        self.rollback()

    @abc.abstractmethod
    def rollback(self) -> None: ...


class SqlAlchemyUnitOfWork(AbstractUnitOfWork):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> "SqlAlchemyUnitOfWork":
        self.session = Session(self.engine)
        self.notebooks = SqlNotebookRepository(self.session)
        self.runs = RunRepository(self.session)
        return self

    def __exit__(self, *args: object) -> None:
        super().__exit__(*args)
        self.session.close()

    def rollback(self) -> None:
        self.session.rollback()


class FakeUnitOfWork(AbstractUnitOfWork):
    def __init__(self) -> None:
        self.notebooks = InMemoryNotebookRepository()

    def rollback(self) -> None:
        pass
