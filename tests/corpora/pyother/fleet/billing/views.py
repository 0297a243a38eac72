"""Billing blueprint."""

from flask import Blueprint, jsonify
from sqlalchemy import func

from fleet.app import db
from fleet.models import Memory, Org

billing = Blueprint("billing", __name__)


@billing.get("/orgs/count")
def org_count():
    return jsonify(orgs=Org.query.count())


@billing.get("/storage")
def storage_total():
    total = db.session.execute(db.select(func.sum(Memory.size_bytes))).scalar_one()  # expect: MOL101, MOL201
    return jsonify(bytes=total)


@billing.get("/orgs/<org_id>/storage")
def storage_of(org_id: str):
    rows = Memory.query.filter_by(org_id=org_id).all()  # expect: MOL101
    return jsonify(bytes=sum(row.size_bytes for row in rows))
