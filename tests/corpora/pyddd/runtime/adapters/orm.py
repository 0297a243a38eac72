from sqlmodel import Field, SQLModel


class Notebook(SQLModel, table=True):
    __tablename__ = "notebooks"

    id: str = Field(primary_key=True)
    org_id: str
    title: str


class ChatMessage(SQLModel, table=True):
    __tablename__ = "chat_messages"

    id: int = Field(primary_key=True)
    org_id: str
    body: str
