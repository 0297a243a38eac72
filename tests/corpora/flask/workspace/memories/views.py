from flask import Blueprint, jsonify
from flask_login import current_user, login_required
from marshmallow import Schema, fields

from workspace.extensions import db
from workspace.memories.repository import MemoryRepository
from workspace.memories.service import counts_per_workspace
from workspace.models import Memory

bp = Blueprint("memories", __name__)


class MemorySchema(Schema):
    id = fields.Int()
    content = fields.Str()
    created_at = fields.DateTime()


@bp.get("/workspaces/<workspace_id>/memories")
@login_required
def list_memories(workspace_id: str):
    items = MemoryRepository(db.session).for_workspace(workspace_id).limit(100)
    return jsonify(items=MemorySchema(many=True).dump(items))


@bp.get("/workspaces/<workspace_id>/memories/mine")
@login_required
def my_memories(workspace_id: str):
    rows = Memory.query.filter_by(workspace_id=workspace_id, org_id=current_user.org_id).all()
    return jsonify(items=MemorySchema(many=True).dump(rows))


@bp.get("/stats")
def stats():
    return jsonify(dict(counts_per_workspace()))
