from flask import jsonify, request
from marshmallow import Schema, fields

from controlhub.billing import bp, service


class InvoiceLineSchema(Schema):
    org_id = fields.Int()
    total = fields.Int()


@bp.get("/invoices/<period>")
def invoices(period: str):
    rows = service.invoice_totals(period)
    return jsonify(InvoiceLineSchema(many=True).dump([dict(r._mapping) for r in rows]))


@bp.get("/orgs/<int:org_id>/balance")
def balance(org_id: int):
    return jsonify(balance=service.cached_balance(org_id), quota=service.quota_of(org_id))


@bp.post("/usage/run")
def run_usage():
    dry = request.args.get("dry", "0") == "1"
    return jsonify(rows=0 if dry else len(service.usage_for_invoice()))
