"""Connection to a workspace database, for the support tooling."""

import os

from sqlalchemy import create_engine, engine_from_config

from common import names


def workspace_engine():
    return create_engine(os.environ[names.WORKSPACE_DSN_ENV])  # expect: MOL102


def workspace_engine_from_settings(settings):
    return engine_from_config(settings, "workspace.sqlalchemy.")


def billing_engine():
    return create_engine(os.environ[names.BILLING_DSN_ENV])
