"""Support tools: replay a workspace export into an org's database."""

from flask import Blueprint, jsonify, request

from fleet.db import workspace_conn
from kit.backfill import replay  # expect: MOL104

support = Blueprint("support", __name__)


@support.post("/replay")
def replay_export():
    replay(workspace_conn(), request.get_json()["rows"])  # expect: MOL101
    return jsonify(ok=True)


@support.get("/orgs/<org_id>/activity")
def activity_of(org_id: str):
    from workspace.store import activity  # expect: MOL104

    return jsonify(activity.recent(org_id))  # expect: MOL101
