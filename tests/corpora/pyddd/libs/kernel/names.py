"""Table names of the notebook bounded context, shared so both sides agree on spelling."""

from enum import StrEnum


class TenantTable(StrEnum):
    NOTEBOOKS = "notebooks"
    CHAT = "chat_messages"
    RUNS = "run_history"


NOTEBOOKS = TenantTable.NOTEBOOKS.value
CHAT_TABLE = "chat_messages"
RUNS_TABLE = TenantTable.RUNS.value
