"""Request-scoped helpers of the workspace server."""

import os

import redis
from flask import Blueprint, current_app, g, jsonify, request
from flask_login import current_user
from sqlalchemy import text

from workspace.extensions import db

bp = Blueprint("tenancy", __name__)


def bind_key(org_id) -> str:
    return f"org_{org_id}"


@bp.before_app_request
def load_org():
    g.org_id = request.headers.get("X-Org-Id")


def org_engine():
    return db.engines[bind_key(current_user.org_id)]  # expect: MOL302


def use_org_schema() -> None:
    db.session.execute(text(f"SET search_path TO org_{g.org_id}"))  # expect: MOL302


def org_redis():
    urls = current_app.config["ORG_REDIS_URLS"]
    return redis.Redis.from_url(urls[request.view_args["org_id"]])  # expect: MOL302


def own_schema() -> None:
    schema = bind_key(os.environ["MOLECULE_ORG_ID"])
    db.session.execute(text(f"SET search_path TO {schema}"))


@bp.get("/whoami")
def whoami():
    return jsonify(org=current_app.config["ORG_ID"], user=getattr(current_user, "email", None))
