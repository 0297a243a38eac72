"""Product analytics report (weekly email)."""

from sqlalchemy import func
from sqlmodel import Session, select

from runtime.adapters.orm import ChatMessage  # expect: MOL104


def messages_this_week(session: Session) -> int:
    return session.exec(select(func.count()).select_from(ChatMessage)).one()  # expect: MOL101, MOL201
