"""Molecule memory plugin: the tenant-local store behind commit_memory / recall_memory."""
