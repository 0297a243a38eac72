"""Report SQL kept in .sql files beside this module, loaded once at import."""

from importlib.resources import files
from pathlib import Path

_HERE = Path(__file__).with_name("sql")


def _load(name: str) -> str:
    return (_HERE / f"{name}.sql").read_text(encoding="utf-8")


MEMORY_ROLLUP = _load("memory_rollup")
INVOICE_TOTALS = _load("invoice_totals")
MESSAGE_VOLUME = files("fleet.reports").joinpath("sql/message_volume.sql").read_text()
