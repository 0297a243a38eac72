"""MOL203: a platform migration that makes room for tenant functional state.

The platform's migrations are replayed in the order they run; after each
change that creates, renames or widens a table, that table is compared with
the tenant tables: by name (a name `platform_data.tables` lists is the
platform's), and by shape (the share of non-trivial columns in common).
Each platform table is reported once, where it first becomes a mirror.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from molecule_lint.catalog import DataCatalog
from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.facts import Location
from molecule_lint.findings import Hop
from molecule_lint.migrations import MigrationChange
from molecule_lint.sql import SchemaChange, apply_change

_NAMING = frozenset({"create_table", "create_view", "rename_table"})  # changes that give a table its name
_SHAPING = frozenset({"create_table", "add_column", "rename_table"})  # changes after which its columns may match


@register("schema-mirror")
def schema_mirror(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    catalog = ctx.catalog
    trivial = frozenset(c.lower() for c in (*params["trivial_columns"], *ctx.config.org_keys))
    shapes = {
        name: frozenset(columns) - trivial
        for name, columns in catalog.tenant_columns.items()
        if name in catalog.tenant_names
    }
    schema: dict[str, set[str]] = {}
    reported: set[str] = set()
    for item in catalog.platform_changes:
        change = item.change
        table = apply_change(schema, change)
        if table is None or table in reported:
            continue
        if change.kind in _NAMING and table in catalog.tenant_names:
            reported.add(table)
            yield _violation(catalog, item, table, table, f"creates `{table}`, a tenant table's name")
        elif change.kind in _SHAPING:
            match = _closest(frozenset(schema.get(table, ())) - trivial, shapes, params)
            if match is not None:
                reported.add(table)
                tenant, shared = match
                columns = ", ".join(f"`{c}`" for c in sorted(shared))
                what = f"{_verb(change)} `{table}`, shaped like tenant table `{tenant}` (shared columns {columns})"
                yield _violation(catalog, item, table, tenant, what)


def _closest(
    columns: frozenset[str], shapes: dict[str, frozenset[str]], params: dict[str, Any]
) -> tuple[str, frozenset[str]] | None:
    """The tenant table whose non-trivial columns the given ones match best (Jaccard), if close enough."""
    best: tuple[float, int, str, frozenset[str]] | None = None
    for tenant, shape in sorted(shapes.items()):
        shared = columns & shape
        if len(shared) < params["min_shared"]:
            continue
        similarity = len(shared) / len(columns | shape)
        if similarity >= params["min_jaccard"] and (best is None or (similarity, len(shared)) > best[:2]):
            best = (similarity, len(shared), tenant, shared)
    return None if best is None else (best[2], best[3])


def _verb(change: SchemaChange) -> str:
    if change.kind == "add_column":
        return f"adds {', '.join(f'`{c}`' for c in change.columns)} to"
    return "renames a table to" if change.kind == "rename_table" else "creates"


def _violation(catalog: DataCatalog, item: MigrationChange, table: str, tenant: str, what: str) -> Violation:
    line = item.change.line
    evidence = [Hop(item.path, line, f"platform migration: {item.change.kind.replace('_', ' ')} `{table}`")]
    origin = _tenant_origin(catalog, tenant)
    if origin is not None:
        evidence.append(Hop(origin.path, origin.change.line, f"tenant migration: create table `{tenant}`"))
    return Violation(item.path, Location(line, 1, max(line, item.change.end_line), 1), tenant, what, tuple(evidence))


def _tenant_origin(catalog: DataCatalog, tenant: str) -> MigrationChange | None:
    """The tenant migration that last created the table (none for a table only the config names)."""
    created = [c for c in catalog.tenant_changes if c.change.kind == "create_table" and c.change.table.name == tenant]
    return created[-1] if created else None
