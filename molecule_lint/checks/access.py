"""Direct access: platform code touching a tenant store at the line (MOL101–MOL103), or calling tenant or
shared code that does (checks/callreach.py): reported at the call, the last platform line on the way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.findings import Hop
from molecule_lint.linker import Access

_WHAT = {
    "table": "{verb} tenant table `{target}`",
    "env": "reads tenant data-store env var `{target}`",
    "redis": "touches tenant Redis key space `{target}`",
    "connect": "connects to tenant data store `{target}`",
    "http": "calls tenant functional-data endpoint `{target}`",
}


@register("platform-access")
def platform_access(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Accesses of the given kinds, from platform files, classified tenant; then calls reaching them."""
    kinds = set(params["kinds"])
    graph = ctx.graph
    for path, accesses in sorted(graph.accesses.items()):
        if ctx.project.plane_of(path) != "platform":
            continue
        direct = {access.loc.line for access in accesses if access.kind in kinds and access.plane == "tenant"}
        for access in accesses:
            if access.kind in kinds and access.plane == "tenant":
                yield Violation(path, access.loc, access.target, _what(access), access.evidence())
        yield from _through_calls(ctx, path, kinds, direct)


def _through_calls(ctx: CheckContext, path: str, kinds: set[str], taken: set[int]) -> Iterator[Violation]:
    """One finding per call line (the nearest access of the kinds): a line that reaches tenant data by
    itself, or by an argument it hands on, is reported as such."""
    best: dict[int, tuple[tuple[object, ...], Violation]] = {}
    for site, callee, reached in ctx.call_reach.at_calls(path):
        access = reached.access
        line = site.loc.line
        if access.kind not in kinds or line in taken:
            continue
        name = ctx.call_reach.display(callee)
        call = Hop(path, line, f"calls `{name}`")
        trace = (call, *reached.calls, *access.evidence())
        what = f"{_what(access)} through `{name}`"
        rank = (*reached.rank(), site.loc.column, access.kind, access.target, name)
        if line not in best or rank < best[line][0]:
            best[line] = (rank, Violation(path, site.loc, access.target, what, trace))
    for line in sorted(best):
        yield best[line][1]


def _what(access: Access) -> str:
    what = _WHAT[access.kind].format(target=access.target, verb=access.verb)
    if access.confidence == "low":
        what += " (SQL not fully parsed: table found by scan)"
    return what
