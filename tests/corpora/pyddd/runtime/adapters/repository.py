from typing import Protocol

from sqlalchemy import func
from sqlmodel import Session, select

from runtime.adapters.orm import ChatMessage, Notebook


class NotebookRepository(Protocol):
    def list(self) -> list[Notebook]: ...


class SqlNotebookRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def list(self) -> list[Notebook]:
        return list(self.session.exec(select(Notebook)))

    def message_count(self) -> int:
        return self.session.exec(select(func.count()).select_from(ChatMessage)).one()


class MemoryNotebookRepository:
    def __init__(self) -> None:
        self.items: list[Notebook] = []

    def list(self) -> list[Notebook]:
        return list(self.items)
