"""Push the org's usage to the platform (the only way the platform learns it)."""
import httpx

from runtime.consts import CONTROL_FALLBACK, USAGE_PATH
from runtime.settings import ORG_ID, PLATFORM_URL


def push_usage(total: int) -> None:
    httpx.post(f"{PLATFORM_URL}{USAGE_PATH}", json={"org_id": ORG_ID, "memories": total})


def push_usage_legacy(total: int) -> None:
    httpx.post(CONTROL_FALLBACK + USAGE_PATH, json={"org_id": ORG_ID, "memories": total})
