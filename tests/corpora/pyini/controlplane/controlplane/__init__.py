from pyramid.config import Configurator
from sqlalchemy import engine_from_config


def main(global_config, **settings):
    """PasteDeploy entry point."""
    engine = engine_from_config(settings, "sqlalchemy.")
    with Configurator(settings=settings) as config:
        config.registry["engine"] = engine
        config.add_route("invoices", "/orgs/{org_id}/invoices")
        config.add_route("fleet", "/fleet/report")
        config.add_route("health", "/healthz")
        config.scan(".views")
    return config.make_wsgi_app()
