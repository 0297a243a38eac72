from workspace.core.constants import ORG_DB_ALIAS
from workspace.core.context import current_org


class OrgDatabaseRouter:
    """Left over from the shared-hosting days: one database alias per org."""

    def db_for_read(self, model, **hints):
        org_id = hints.get("org_id") or current_org()
        return ORG_DB_ALIAS.format(org_id=org_id) if org_id else None  # expect: MOL302

    def db_for_write(self, model, **hints):
        return "default"
