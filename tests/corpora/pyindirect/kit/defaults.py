"""Fallbacks for local development."""

CONTROL_API = "https://control.molecule.example"
LOCAL_REDIS = "redis://localhost:6379/0"
