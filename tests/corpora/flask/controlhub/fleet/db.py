from flask import current_app
from sqlalchemy import create_engine


def workspace_engine():
    return create_engine(current_app.config["SQLALCHEMY_BINDS"]["workspaces"], pool_pre_ping=True)  # expect: MOL102
