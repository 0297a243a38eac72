import falcon

from workspace import platform, resources, tenancy
from workspace.settings import Settings


def create_app(ini_path):
    conf = Settings(ini_path)
    tenancy.bind_default(conf.database_url)
    app_platform = platform.legacy_platform_base(conf) or platform.platform_base()  # expect: MOL301
    app = falcon.App()
    app.platform_url = app_platform
    app.add_route("/v1/workspaces/{ws}/memories", resources.MemoriesResource())
    app.add_route("/v1/workspaces/{ws}/activity", resources.ActivityResource())
    app.add_route("/admin/org", resources.AdminResource())
    app.add_route("/admin/stats", resources.StatsResource())
    app.add_route("/healthz", resources.HealthResource())
    return app


app = create_app("/etc/workspace/production.ini")
