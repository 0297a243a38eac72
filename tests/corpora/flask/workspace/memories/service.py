from sqlalchemy import func

from workspace.extensions import cache, db
from workspace.models import Memory


@cache.memoize(timeout=60)
def counts_per_workspace():
    return db.session.query(Memory.workspace_id, func.count(Memory.id)).group_by(Memory.workspace_id).all()
