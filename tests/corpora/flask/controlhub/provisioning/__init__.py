from flask import Blueprint

bp = Blueprint("provisioning", __name__)

from controlhub.provisioning import views  # noqa: E402,F401
