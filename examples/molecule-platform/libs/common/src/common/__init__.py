"""Molecule shared helpers, imported by both the platform and tenant services."""

from .memory_access import fetch_recent_memories as recent_memories
from .text import slugify, truncate

__all__ = ["recent_memories", "slugify", "truncate"]
