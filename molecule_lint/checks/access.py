"""Direct access: platform code touching a tenant store at the line (MOL101–MOL103)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register

_WHAT = {
    "table": "{verb} tenant table `{target}`",
    "env": "reads tenant data-store env var `{target}`",
    "redis": "touches tenant Redis key space `{target}`",
    "connect": "connects to tenant data store `{target}`",
    "http": "calls tenant functional-data endpoint `{target}`",
}


@register("platform-access")
def platform_access(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Accesses of the given kinds, from platform files, classified tenant."""
    kinds = set(params["kinds"])
    graph = ctx.graph
    for path, accesses in sorted(graph.accesses.items()):
        if ctx.project.plane_of(path) != "platform":
            continue
        for access in accesses:
            if access.kind in kinds and access.plane == "tenant":
                what = _WHAT[access.kind].format(target=access.target, verb=access.verb)
                if access.confidence == "low":
                    what += " (SQL not fully parsed: table found by scan)"
                yield Violation(path, access.loc, access.target, what, access.evidence())
