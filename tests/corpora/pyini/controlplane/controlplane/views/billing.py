from pyramid.view import view_config
from sqlalchemy import func, select, text

from common import names
from common.sql import count_rows
from controlplane.schema import invoices, memory_quotas


def _engine(request):
    return request.registry["engine"]


@view_config(route_name="invoices", renderer="json")
def org_invoices(request):
    org_id = request.matchdict["org_id"]
    with _engine(request).connect() as conn:
        rows = conn.execute(select(invoices).where(invoices.c.org_id == org_id)).mappings().all()
    return [dict(row) for row in rows]


@view_config(route_name="fleet", renderer="json")
def fleet_totals(request):
    """Fleet totals: invoices per org and quota headroom (never reads memories)."""
    with _engine(request).connect() as conn:
        billed = conn.execute(select(invoices.c.org_id, func.sum(invoices.c.amount_cents)).group_by(invoices.c.org_id)).all()
        quotas = conn.execute(select(func.count()).select_from(memory_quotas)).scalar()
        dns = conn.execute(text(count_rows(names.DNS_RECORDS))).scalar()
    return {"billed": dict(billed), "quotas": quotas, "dns": dns}


@view_config(route_name="health", renderer="json")
def health(request):
    return {"ok": True}
