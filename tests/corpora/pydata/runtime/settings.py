"""Runtime settings: who am I, where is the platform, where is my database."""
import os

from dotenv import dotenv_values

ORG_ID = os.environ["MOLECULE_ORG_ID"]
PLATFORM_URL = os.environ["MOLECULE_PLATFORM_URL"]
DATABASE_URL = os.environ["DATABASE_URL"]

_file = dotenv_values("/etc/runtime/runtime.env")
BILLING_API = _file.get("CONTROL_API_URL")  # expect: MOL301


def platform_base() -> str:
    return os.getenv("MOLECULE_PLATFORM_URL", "https://control.dataplat.io")  # expect: MOL301
