from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "workspace"
    label = "workspace"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
