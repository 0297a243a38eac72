"""Redis stream and channel keys of one workspace."""

STREAM_PREFIX = "ws:"


def activity_stream(workspace_id: str) -> str:
    return f"{STREAM_PREFIX}{workspace_id}:activity"


def memory_channel(workspace_id: str) -> str:
    return f"{STREAM_PREFIX}{workspace_id}:memories"
