"""Old constant names, kept for call sites that predate `kit.schema` (PEP 562 module attributes)."""

from .schema import ControlTable, WsTable

_LEGACY = {
    "RUNS_TABLE": WsTable.RUNS,
    "LEDGER_TABLE": ControlTable.LEDGER,
}


def __getattr__(name: str) -> str:
    try:
        return _LEGACY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
