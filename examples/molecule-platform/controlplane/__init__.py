"""Molecule control plane: provisioning, billing and DNS (hosted on Railway)."""
