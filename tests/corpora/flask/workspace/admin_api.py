"""Admin endpoints of the workspace server."""

from flask_restx import Namespace, Resource
from sqlalchemy import text

from workspace.extensions import db

ns = Namespace("admin", path="/admin")


@ns.route("/orgs/<org_id>/vacuum")
class Vacuum(Resource):
    def post(self, org_id: str):
        with db.engines[f"org_{org_id}"].connect() as conn:  # expect: MOL302
            conn.execute(text("VACUUM ANALYZE agent_memories"))
        return {"ok": True}
