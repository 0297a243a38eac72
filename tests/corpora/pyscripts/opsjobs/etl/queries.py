"""SQL kept in .sql files next to this module, loaded once at import."""

from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"


def load(name):
    return (SQL_DIR / f"{name}.sql").read_text()


RUN_DURATIONS = load("run_durations")
INVOICE_TOTALS = load("invoice_totals")
