"""Numbers for the fleet dashboard."""

from flask import current_app
from flask_restx import Namespace, Resource
from fleetlib import tables
from fleetlib.http import BaseUrlSession

from controlhub.extensions import db
from controlhub.fleet.mirror import ActivityLog, WorkspaceMemory
from controlhub.models import DnsRecord, ProvisionJob

api = Namespace("insights", path="/insights")


def workspace_session() -> BaseUrlSession:
    return BaseUrlSession(current_app.config["WORKSPACE_API_URL"])


@api.route("/activity-by-org")
class ActivityByOrg(Resource):
    def get(self):
        rows = ActivityLog.query.with_entities(ActivityLog.org_id, db.func.count(ActivityLog.id)).group_by(ActivityLog.org_id).all()  # expect: MOL101, MOL201
        return [{"org_id": org_id, "events": n} for org_id, n in rows]


@api.route("/memories")
class MemoryTotal(Resource):
    def get(self):
        return {"total": db.session.scalar(db.select(db.func.count()).select_from(WorkspaceMemory))}  # expect: MOL101, MOL201


@api.route("/workspaces/<workspace_id>/memories")
class WorkspaceMemories(Resource):
    def get(self, workspace_id: str):
        return workspace_session().get(f"/workspaces/{workspace_id}/memories").json()  # expect: MOL103


@api.route("/workspaces/<workspace_id>/ping")
class WorkspacePing(Resource):
    def get(self, workspace_id: str):
        return {"ok": workspace_session().get("/healthz").ok}


@api.route("/dns-by-org")
class DnsByOrg(Resource):
    def get(self):
        rows = DnsRecord.query.with_entities(DnsRecord.org_id, db.func.count(DnsRecord.id)).group_by(DnsRecord.org_id).all()
        stuck = db.session.scalar(db.select(db.func.count()).select_from(ProvisionJob).where(ProvisionJob.state == "queued"))
        return {"dns": [list(r) for r in rows], "stuck": stuck}


@api.route("/orgs/<int:org_id>/memories/<int:memory_id>")
class OrgMemory(Resource):
    def get(self, org_id: int, memory_id: int):
        memory = WorkspaceMemory.query.get_or_404(memory_id)  # expect: MOL101
        return {"id": memory.id, "org_id": org_id}


@api.route("/orgs/<int:org_id>/memories")
class OrgMemories(Resource):
    def get(self, org_id: int):
        page = db.paginate(db.select(WorkspaceMemory).filter_by(org_id=org_id), per_page=50)  # expect: MOL101
        return {"items": [m.id for m in page.items]}

    def delete(self, org_id: int):
        sql = db.text(f"DELETE FROM {tables.SCHEDULES} WHERE org_id = :org_id")  # expect: MOL101
        db.session.execute(sql, {"org_id": org_id})
        db.session.commit()
        return "", 204
