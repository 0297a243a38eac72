"""Helpers shared by the control plane and the tenant services."""
