"""What the frontends' runtime-contract facts share (MOL301), whatever the language."""

from __future__ import annotations

from molecule_lint.facts import Template


def holds_url(template: Template) -> bool:
    """Whether "://" is written in the string itself (a URL built from a constant is the constant's)."""
    return any(isinstance(part, str) and "://" in part for part in template)
