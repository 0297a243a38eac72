from .notes import *  # noqa: F403
from .runs import PgRunSource, RunRepository

__all__ = ["NoteStore", "PgRunSource", "RunRepository"]
