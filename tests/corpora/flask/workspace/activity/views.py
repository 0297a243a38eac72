from flask import Blueprint, jsonify, request

from workspace.extensions import cache
from workspace.models import ActivityLog

bp = Blueprint("activity", __name__)


@bp.get("/workspaces/<workspace_id>/activity")
def activity(workspace_id: str):
    since = request.args.get("since")
    q = ActivityLog.query.filter_by(workspace_id=workspace_id)
    if since:
        q = q.filter(ActivityLog.created_at >= since)
    cache.set(f"act:{workspace_id}:last_read", since)
    return jsonify(items=[{"id": a.id, "kind": a.kind} for a in q.limit(200)])
