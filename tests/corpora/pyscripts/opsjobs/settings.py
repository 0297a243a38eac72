"""Settings for the ops jobs: ops.ini, overridden by OPS_* variables (and a local .env in development)."""

import configparser
from pathlib import Path

from dotenv import load_dotenv

from acmelib.envcfg import EnvConfig, env

load_dotenv()

ini = configparser.ConfigParser()
ini.read(Path(__file__).with_name("ops.ini"))

ops_env = EnvConfig("OPS_")
ws_env = EnvConfig("WS_")

OPS_DATABASE_URL = ops_env.get("DATABASE_URL", ini.get("database", "dsn", fallback=""))
STRIPE_KEY = env("STRIPE_KEY")
WORKSPACE_BASE_URL = ini.get("workspace", "base_url", fallback="http://workspace:8888/")


def fleet_dsn():
    """DSN of a workspace database, for the fleet reports."""
    return ws_env.get("DATABASE_URL")  # expect: MOL102


def queue_redis_url():
    return ws_env.require("REDIS_URL")  # expect: MOL102


def ops_redis_url():
    return ops_env.get("REDIS_URL", "redis://ops-redis:6379/0")
