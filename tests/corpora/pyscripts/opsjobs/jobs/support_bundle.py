"""Support bundle: everything support needs about one account, read through the workspace store."""

from workspace.store import NoteStore  # expect: MOL104

from opsjobs.db import fleet_conn


def bundle(org_id, workspace_id):
    """Collect the workspace's notes (ws_notes) for a support ticket."""
    with fleet_conn() as conn:
        return NoteStore(conn).for_workspace(workspace_id)  # expect: MOL101
