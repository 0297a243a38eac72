"""Flask application factory for the fleet API."""

import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

from kit.envnames import EnvNames

db = SQLAlchemy()


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env("FLEET")
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get(EnvNames.FLEET_DB, "postgresql://fleet@fleet-db/fleet"),
        SQLALCHEMY_BINDS={"workspace": os.environ.get(EnvNames.WORKSPACE_DB)},  # expect: MOL102
        STRIPE_API_KEY=os.environ.get(EnvNames.STRIPE_KEY, ""),
    )
    db.init_app(app)

    from fleet.billing.views import billing
    from fleet.support.views import support

    app.register_blueprint(billing, url_prefix="/billing")
    app.register_blueprint(support, url_prefix="/support")
    return app
