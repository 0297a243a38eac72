"""Database selection for the workspace server."""

from playhouse.db_url import connect

from workspace.db import workspace_db

DSN_TEMPLATE = "postgresql://ws@workspace-db:5432/ws_{org}"


def bind_for_org(org):
    workspace_db.initialize(connect(DSN_TEMPLATE.format(org=org)))


def bind_default(url):
    workspace_db.initialize(connect(url))
