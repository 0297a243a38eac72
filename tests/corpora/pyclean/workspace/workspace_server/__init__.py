"""workspace-server: one organisation's workspaces, memories and activity."""
