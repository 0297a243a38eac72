import os

from fleetlib import envnames, tables


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    SQLALCHEMY_DATABASE_URI = os.environ.get(envnames.HUB_DB, "postgresql://hub:hub@localhost/controlhub")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    CELERY = {
        "broker_url": os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1"),
        "task_ignore_result": True,
    }
    WORKSPACE_API_URL = os.environ.get("WORKSPACE_API_URL", "http://workspace:8000")
    ACTIVITY_TABLE = tables.ACTIVITY
    QUOTA_TABLE = tables.QUOTAS


class ProductionConfig(Config):
    SQLALCHEMY_BINDS = {
        "workspaces": os.environ.get(envnames.WORKSPACE_DB),  # expect: MOL102
    }


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"


config_by_name = {"production": ProductionConfig, "testing": TestingConfig}
