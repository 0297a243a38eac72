"""MOL104: platform code that reaches tenant data or code through other modules.

Reported once per platform file and first-hop module, at the import that
brings the dependency in, with the shortest chain down to the tenant store.
Reachability is per top-level function/class, so importing a harmless helper
from a module that also holds tenant-reaching functions is not a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.facts import Import
from molecule_lint.graph import Edge, describe_store, hops, import_note

_LISTED = 5  # names of other tenant modules a finding lists before counting the rest


@register("platform-reach")
def platform_reach(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    graph = ctx.graph
    data_next, code_next = ctx.tenant_next_hops
    best: dict[tuple[str, str], tuple[tuple[int, int, int], Edge, list[Edge]]] = {}
    checked = ctx.project.files
    for node, attrs in graph.g.nodes(data=True):
        if attrs.get("kind") != "unit" or attrs.get("plane") != "platform" or attrs.get("path") not in checked:
            continue  # (an incremental run's graph also holds other files' units, on stored chains)
        for target in graph.g.successors(node):
            target_attrs = graph.g.nodes[target]
            if target_attrs.get("kind") != "unit" or target_attrs.get("plane") == "platform":
                continue
            first = graph.edge(node, target)
            module = target_attrs["module"]
            direct = ctx.project.is_tenant_code(module)
            chain = graph.chain(target, data_next) or graph.chain(target, code_next)
            if not chain and not direct:
                continue
            # Prefer chains that end in data, then short chains, then early lines.
            rank = (0 if target in data_next else 1, len(chain), first.loc.line)
            key = (first.path, module)  # the edge's file: a Go package unit spans several files
            if key not in best or rank < best[key][0]:
                best[key] = (rank, first, chain)
    # One finding per import statement: `from pkg.models import A, B, C` is one decision to cut.
    statements: dict[tuple[str, int, int], list[tuple[tuple[int, int, int], str, Edge, list[Edge], Edge]]] = {}
    for (path, module), (rank, first, chain) in best.items():
        anchor = _binding_import(ctx, path, first) or first
        statements.setdefault((path, anchor.loc.line, anchor.loc.column), []).append((rank, module, first, chain, anchor))
    for (path, _, _), found in sorted(statements.items()):
        _, module, first, chain, anchor = min(found, key=lambda item: (item[0], item[1]))
        steps = [anchor] + ([first] if first.loc != anchor.loc else []) + chain
        end = chain[-1] if chain else first
        target = graph.g.nodes[end.target].get("label", module)
        name = ctx.project.index.display_name(module)
        if chain:
            store = graph.g.nodes[end.target]
            words = describe_store(store.get("store_kind"), store.get("target"))
            what = f"reaches tenant {words} through `{name}` ({len(chain) + 1} hops)"
        else:
            what = f"imports tenant module `{name}`"
        others = sorted({ctx.project.index.display_name(m) for _, m, _, _, _ in found} - {name})
        if others:
            listed = ", ".join(f"`{other}`" for other in others[:_LISTED])
            more = f" and {len(others) - _LISTED} more" if len(others) > _LISTED else ""
            what += f"; the same import brings in {listed}{more}"
        yield Violation(path, anchor.loc, target, what, hops(steps))


def _binding_import(ctx: CheckContext, path: str, first: Edge) -> Edge | None:
    """The import statement in ``path`` that bound the name the first hop uses.

    For `from common import recent` + `recent()`, the import of `common`, even
    though the chain goes on into the module `recent` is re-exported from.
    """
    if first.kind == "import":
        return first
    best: Import | None = None
    for fact in ctx.project.files[path].facts:
        if not isinstance(fact, Import) or fact.typing_only or first.ref is None:
            continue
        bound = f"{fact.module}.{fact.name}" if fact.name and fact.name != "*" else fact.module
        binds = first.ref == bound or first.ref.startswith(bound + ".")
        if binds and (best is None or (fact.loc.line, fact.loc.column) < (best.loc.line, best.loc.column)):
            best = fact
    if best is None:
        return None
    return Edge(first.source, first.target, "import", path, best.loc, import_note(best))
