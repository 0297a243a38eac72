from moleculekit.models.workspace import ActivityEvent, ChatMessage, Memory

__all__ = ["ActivityEvent", "ChatMessage", "Memory"]
