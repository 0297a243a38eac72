class WorkspaceReplicaRouter:
    """Route reads of the `workspace` app label to the read replica."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label == "workspace":
            return "workspace_ro"
        return None

    def allow_migrate(self, db, app_label, **hints):
        return db == "default" and app_label != "workspace"
