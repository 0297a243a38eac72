"""Control hub: provisioning, billing and DNS for every org."""

from flask import Flask
from fleetlib import tables

from controlhub.config import config_by_name
from controlhub.extensions import celery, db, migrate, redis_client


def create_app(config_name: str = "production") -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_by_name[config_name])
    app.config.from_prefixed_env()
    app.config.update(ARCHIVE_TABLE=tables.MEMORIES, ARCHIVE_BATCH=500)

    db.init_app(app)
    migrate.init_app(app, db)
    redis_client.init_app(app)
    celery.conf.update(app.config["CELERY"])

    from controlhub.billing import bp as billing_bp
    from controlhub.cli import fleet_cli
    from controlhub.provisioning import bp as provisioning_bp

    app.register_blueprint(billing_bp, url_prefix="/billing")
    app.register_blueprint(provisioning_bp, url_prefix="/provisioning")
    app.cli.add_command(fleet_cli)

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    return app
