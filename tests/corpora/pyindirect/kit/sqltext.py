"""SQL text shared by reports."""

from string import Template

from .schema import ControlTable, WsTable

NOTES_COUNT = f"SELECT count(*) AS n FROM {WsTable.NOTES} WHERE org_id = %s"
INVOICE_TOTAL = f"SELECT sum(amount_cents) AS total FROM {ControlTable.INVOICES} WHERE org_id = %s"
PER_ORG = Template("SELECT org_id, count(*) AS n FROM $table GROUP BY org_id")
SELECT_COLS = "SELECT {cols} FROM {table} WHERE org_id = %(org)s"
