from libs.common.routing import alias_for_org


class OrgRouter:
    """Pick the org's database from the instance being read (hosts may serve a sandbox org too)."""

    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and getattr(instance, "org_id", None):
            return alias_for_org(str(instance.org_id))
        return "default"

    def db_for_write(self, model, **hints):
        return self.db_for_read(model, **hints)
