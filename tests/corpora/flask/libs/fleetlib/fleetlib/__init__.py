"""Names and helpers both the control hub and the workspace server import."""
