"""Code both the control plane and the workspace server import."""
