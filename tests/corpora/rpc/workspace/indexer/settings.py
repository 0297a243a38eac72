"""Indexer settings."""
from __future__ import annotations

import os

ORG_ID = os.environ["MOLECULE_ORG_ID"]
PLATFORM_URL = os.environ.get("MOLECULE_PLATFORM_URL", "")
QUOTA_TARGET = os.environ.get("QUOTA_GRPC_TARGET", "controlplane.internal:9443")  # expect: MOL301
DATABASE_URL = os.environ["WORKSPACE_DATABASE_URL"]
SELF_TARGET = "localhost:9090"
