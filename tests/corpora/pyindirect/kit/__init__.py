"""Building blocks both the control plane and the workspace server import."""

from .routes import Routes
from .schema import *  # noqa: F403  (WsTable, ControlTable)
