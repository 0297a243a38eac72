"""HTTP API of the workspace server."""
