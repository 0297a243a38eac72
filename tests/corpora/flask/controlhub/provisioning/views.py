from flask import current_app, jsonify
from flask.views import MethodView

from controlhub.extensions import db, redis_client
from controlhub.models import Org, ProvisionJob
from controlhub.provisioning import bp
from controlhub.provisioning.client import WorkspaceClient
from fleetlib.keys import activity_stream, memory_key


class OrgStatusAPI(MethodView):
    def get(self, slug: str):
        org = Org.query.filter_by(slug=slug).first_or_404()
        client = WorkspaceClient(org.workspace_url)
        return jsonify(healthy=client.healthy(), status=client.status(slug))


class SupportAPI(MethodView):
    """Support tooling: peek at a workspace's cached memory and activity stream."""

    def get(self, workspace_id: str, memory_id: str):
        cached = redis_client.get(memory_key(workspace_id, memory_id))  # expect: MOL102
        recent = redis_client.xrevrange(activity_stream(workspace_id), count=20)  # expect: MOL102
        return jsonify(cached=cached, recent=recent)


@bp.post("/orgs/<slug>/provision")
def provision(slug: str):
    org = Org.query.filter_by(slug=slug).first_or_404()
    job = ProvisionJob(org_id=org.id)
    db.session.add(job)
    db.session.commit()
    current_app.logger.info("queued provision job %s", job.id)
    return jsonify(job=job.id), 202


bp.add_url_rule("/orgs/<slug>/status", view_func=OrgStatusAPI.as_view("org_status"))
bp.add_url_rule("/support/<workspace_id>/memories/<memory_id>", view_func=SupportAPI.as_view("support"))
