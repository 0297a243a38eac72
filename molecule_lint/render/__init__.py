"""Renderers of the service view (`molecule-lint graph --format`), chosen by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from molecule_lint.views import ServiceView

Renderer = Callable[["ServiceView"], str]
FORMATS = ("dot", "mermaid", "json", "html")


def render(view: ServiceView, output_format: str) -> str:
    from molecule_lint.render import dot, html_page, json_graph, mermaid

    renderers: dict[str, Renderer] = {
        "dot": dot.render,
        "mermaid": mermaid.render,
        "json": json_graph.render,
        "html": html_page.render,
    }
    return renderers[output_format](view)
