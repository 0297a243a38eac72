REPORTING_APPS = {"reporting"}


class ReportingRouter:
    """Send the reporting app's unmanaged models to the read replica."""

    def db_for_read(self, model, **hints):
        if model._meta.app_label in REPORTING_APPS:
            return "tenant_replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_migrate(self, db, app_label, **hints):
        return db == "default" and app_label not in REPORTING_APPS
