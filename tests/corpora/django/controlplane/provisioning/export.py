"""Offboarding: hand an org its data before the host is destroyed (pre-RFC: done from the control plane)."""

import json

from common.memory_export import export_rows  # expect: MOL104


def offboarding_bundle(workspace_id: str) -> str:
    return json.dumps(export_rows(workspace_id), default=str)  # expect: MOL101
