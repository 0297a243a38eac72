"""Workspace server: one org's workspaces, memories and activity."""

from flask import Flask

from workspace.config import Config
from workspace.extensions import cache, db, login_manager, migrate


def create_app(config_object: type = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)
    migrate.init_app(app, db)
    cache.init_app(app)
    login_manager.init_app(app)

    from workspace.activity.views import bp as activity_bp
    from workspace.memories.views import bp as memories_bp
    from workspace.tenancy import bp as tenancy_bp

    app.register_blueprint(memories_bp)
    app.register_blueprint(activity_bp)
    app.register_blueprint(tenancy_bp)
    return app
