"""Who am I, and where is the platform? Learned only from the environment (RFC #1793).

The runtime is agnostic to a hosted or a self-hosted platform.
"""

from __future__ import annotations

import os
from functools import lru_cache

ORG_ID_ENV = "MOLECULE_ORG_ID"
PLATFORM_URL_ENV = "MOLECULE_PLATFORM_URL"


@lru_cache(maxsize=1)
def org_id() -> str:
    return os.environ["MOLECULE_ORG_ID"]


@lru_cache(maxsize=1)
def platform_url() -> str:
    return os.environ["MOLECULE_PLATFORM_URL"].rstrip("/")
