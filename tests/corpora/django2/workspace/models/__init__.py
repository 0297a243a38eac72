from .activity import ActivityEvent
from .memory import Memory
from .messaging import Message, Schedule

__all__ = ["ActivityEvent", "Memory", "Message", "Schedule"]
