"""Code shared by the control plane and the workspace server."""
