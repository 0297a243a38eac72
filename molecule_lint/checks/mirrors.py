"""MOL203: a platform table that holds tenant functional state, by its schema or by its lineage.

Lineage (core/lineage.py) is the stronger evidence: platform code writes rows it read from tenant data
into a platform table. It is reported at the write, the place to fix, its trace running back to the
tenant read; the table's migration only makes room, and one may not exist (a table made elsewhere).

The platform's migrations are replayed in the order they run; after each
change that creates, renames or widens a table, that table is compared with
the tenant tables: by name (a name `platform_data.tables` lists is the
platform's), and by shape. Each platform table is reported once, where it
first becomes a mirror.

Shape: columns are compared by what their names say once the naming habits of
a copy are undone (`ws_id` is `workspace_id`; `memory_key` in a copy of
`agent_memories` is `key`; `src_`/`_copy` affixes go), and by type family
(text, number, time, json...). Generic columns — ids, timestamps, org keys,
names — are left out: every table has them, so sharing them says nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import Any

from molecule_lint.catalog import DataCatalog
from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.core.sinks import last_name
from molecule_lint.core.values import MAX_DEPTH, Frame
from molecule_lint.facts import CallSite, Collection, Lit, Location, Unknown, Value
from molecule_lint.findings import Hop
from molecule_lint.linker import Project, one_name
from molecule_lint.migrations import MigrationChange
from molecule_lint.naming import mentions_org, words
from molecule_lint.sql import SchemaChange, apply_change

_NAMING = frozenset({"create_table", "create_view", "rename_table"})  # changes that give a table its name
_SHAPING = frozenset({"create_table", "add_column", "rename_table"})  # changes after which its columns may match

# Short forms written in column names, and the words a copy adds around the original name.
_ABBREVIATIONS = {"ws": "workspace", "msg": "message", "msgs": "message", "desc": "description", "ts": "timestamp"}
_COPY_WORDS = frozenset({"src", "source", "orig", "original", "copied", "copy", "mirror", "mirrored", "synced",
                         "snapshot", "tenant", "remote", "upstream", "raw", "archive", "archived", "backup"})  # fmt: skip
# Type families, tried in order on the type as written (`timestamptz`, `sa.text` -> "text", `jsonfield`).
_FAMILIES = (
    ("json", ("json", "hstore")),
    ("time", ("interval", "timestamp", "datetime", "date", "time", "duration")),
    ("bool", ("bool",)),
    ("bytes", ("bytea", "blob", "binary", "byte")),
    ("vector", ("vector",)),
    ("number", ("int", "serial", "numeric", "decimal", "float", "double", "real", "money", "auto")),
    ("text", ("text", "char", "string", "clob", "uuid", "slug", "email", "url", "inet", "enum")),
)


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    family: str  # "" unknown: compatible with any
    path: str
    line: int


class _Schema:
    """Tables as the migrations leave them, with where and how each column was defined."""

    def __init__(self) -> None:
        self.tables: dict[str, set[str]] = {}
        self._defined: dict[str, dict[str, _Column]] = {}

    def apply(self, item: MigrationChange) -> str | None:
        change = item.change
        table = apply_change(self.tables, change)
        if change.kind == "rename_table" and table is not None:
            self._defined[table] = self._defined.pop(change.table.name, {})
        elif change.kind in ("create_table", "add_column") and table is not None:
            defined = self._defined.setdefault(table, {})
            defined.update(self._defined.get(change.like.name, {}) if change.like else {})
            for i, name in enumerate(change.columns):
                kind = change.types[i] if i < len(change.types) else ""
                line = change.column_lines[i] if i < len(change.column_lines) else change.line
                defined[name] = _Column(name, _family(kind), item.path, line)
        return table

    def columns(self, table: str) -> list[_Column]:
        defined = self._defined.get(table, {})
        return [defined[name] for name in sorted(self.tables.get(table, ())) if name in defined]


@dataclass(frozen=True, slots=True)
class _Match:
    tenant: str
    pairs: tuple[tuple[_Column, _Column], ...]  # (platform column, tenant column)
    coverage: float


@dataclass(frozen=True, slots=True)
class SchemaMirror:
    """A platform table a migration makes a tenant table's copy, by its name or its shape."""

    item: MigrationChange  # the change after which it is one
    table: str
    tenant: str
    what: str
    pairs: tuple[tuple[_Column, _Column], ...]  # (platform column, tenant column): the shape's evidence


@register("schema-mirror")
def schema_mirror(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    for found in schema_mirrors(ctx, params):
        yield _violation(ctx.catalog, found.item, found.table, found.tenant, found.what, found.pairs)
    yield from _lineage(ctx)


def schema_mirrors(ctx: CheckContext, params: dict[str, Any]) -> Iterator[SchemaMirror]:
    """Each platform table the platform's migrations make a mirror of a tenant table, once, where it
    first becomes one (MOL203's params)."""
    catalog, org_keys = ctx.catalog, ctx.config.org_keys
    platform_changes = list(_value_named(ctx.project, catalog.platform_changes))
    tenants, platform = _Schema(), _Schema()
    for item in catalog.tenant_changes:
        tenants.apply(item)
    for item in platform_changes:
        platform.apply(item)
    generic = _Generic(params["generic_columns"], org_keys, _common(tenants, platform, params["common_in"]))
    tenant_names = sorted(t for t in catalog.tenant_names if t in tenants.tables)
    schema = _Schema()
    reported: set[str] = set()
    for item in platform_changes:
        change = item.change
        table = schema.apply(item)
        if table is None or table in reported:
            continue
        named_after = _named_after(table, catalog) if change.kind in _NAMING else None
        if change.like is not None and change.like.name in catalog.tenant_names:
            reported.add(table)
            what = f"platform migration creates `{table}` LIKE tenant table `{change.like.name}` (with its columns)"
            yield SchemaMirror(item, table, change.like.name, what, ())
        elif named_after == table:
            reported.add(table)
            yield SchemaMirror(item, table, table, f"platform migration creates `{table}`, a tenant table's name", ())
        elif named_after is not None:
            reported.add(table)
            what = f"platform migration creates `{table}`, named as a copy of tenant table `{named_after}`"
            yield SchemaMirror(item, table, named_after, what, ())
        elif change.kind in _SHAPING:
            columns = schema.columns(table)
            match = _closest(table, columns, tenants, tenant_names, generic, params)
            if match is not None:
                reported.add(table)
                shared = ", ".join(f"`{p.name}`" if p.name == t.name else f"`{p.name}` for `{t.name}`" for p, t in match.pairs)
                what = (
                    f"platform migration {_verb(change)} `{table}`, shaped like tenant table `{match.tenant}`"
                    f" (shared columns {shared})"
                )
                yield SchemaMirror(item, table, match.tenant, what, match.pairs)


def _value_named(project: Project, changes: Iterable[MigrationChange]) -> Iterator[MigrationChange]:
    """The changes, with a table a migration creates under a name given by a value the migration reader
    cannot read (`options={"db_table": Tables.X}`, another module's constant) named as the core resolves
    it, there and in the changes after."""
    renamed: dict[str, str] = {}
    for item in changes:
        change = item.change
        if item.named_by_value:
            renamed[change.table.name] = _created_name(project, item).lower()  # "": the default name stays
        table = renamed.get(change.table.name)
        yield replace(item, change=replace(change, table=replace(change.table, name=table))) if table else item


def _created_name(project: Project, item: MigrationChange) -> str:
    """The table of the `CreateModel(...)` (its `db_table`) or `op.create_table(...)` call a change stands
    for, resolved by the core ("" unknown)."""
    f = project.files.get(item.path)
    for summary in project.file_summaries.get(item.path, ()) if f is not None else ():
        for site in summary.calls:
            if site.loc.line != item.change.line or f is None:
                continue
            frame = Frame(f.module, summary.name)
            for value in _name_values(site):
                return one_name(project.sinks().resolver.eval(value, frame, MAX_DEPTH))
    return ""


def _name_values(site: CallSite) -> Iterator[Value]:
    """The value a migration call names its table by."""
    called = last_name(site.func)
    if called == "create_table":
        yield next((v for k, v in site.kwargs if k == "table_name"), site.args[0] if site.args else Unknown())
    elif called == "CreateModel":
        options = next((v for k, v in site.kwargs if k == "options"), site.args[2] if len(site.args) > 2 else None)
        if isinstance(options, Collection) and options.kind == "dict":
            yield from (value for key, value in zip(options.keys, options.values) if key == Lit("db_table"))


def _lineage(ctx: CheckContext) -> Iterator[Violation]:
    """Each write that fills a platform table with tenant rows (one per line and table)."""
    seen: set[tuple[str, int, str]] = set()
    for fill in ctx.fills:
        if (fill.path, fill.loc.line, fill.table) not in seen:
            seen.add((fill.path, fill.loc.line, fill.table))
            what = f"platform code fills `{fill.table}` with rows read from tenant table `{fill.tenant}`"
            yield Violation(fill.path, fill.loc, fill.tenant, what, fill.trace)


def _named_after(table: str, catalog: DataCatalog) -> str | None:
    """The tenant table this one is named as, or as a copy of (`agent_memories_snapshot`, `mirror_orders`:
    the name with copy words around it); a name the platform declares is its own."""
    if table in catalog.tenant_names or table in catalog.config.platform_data.tables:
        return table if table in catalog.tenant_names else None
    parts = table.split("_")
    while len(parts) > 1 and _singular(parts[0]) in _COPY_WORDS:
        parts.pop(0)
    while len(parts) > 1 and _singular(parts[-1]) in _COPY_WORDS:
        parts.pop()
    bare = "_".join(parts)
    return bare if bare in catalog.tenant_names else None


class _Generic:
    """Columns any table may have: they never count towards a match. Besides the listed ones, a column
    (not a key) that many tables of this project share is the project's convention (django-simple-history's
    `history_*`, audit or webhook fields), so it tells no table's shape."""

    def __init__(self, patterns: Iterable[str], org_keys: Iterable[str], common: frozenset[str]) -> None:
        self._patterns = tuple(p.lower() for p in patterns)
        self._org_keys = frozenset(k.lower() for k in org_keys)
        self._common = common

    def __call__(self, name: str, key: str) -> bool:
        return (
            name in self._org_keys
            or name.lower() in self._common
            or mentions_org(name)
            or any(fnmatchcase(name, p) or fnmatchcase(key, p) for p in self._patterns)
        )


def _common(tenants: _Schema, platform: _Schema, at_least: int) -> frozenset[str]:
    """Column names that ``at_least`` tables of the project have, counting each table once. Keys (`*_id`)
    stay distinctive: which entity a row belongs to (`workspace_id` in every tenant table) is evidence."""
    counts = Counter(
        name.lower() for schema in (tenants, platform) for columns in schema.tables.values() for name in columns
    )
    return frozenset(name for name, count in counts.items() if count >= at_least and not name.endswith("_id"))


def _closest(
    table: str,
    columns: list[_Column],
    tenants: _Schema,
    tenant_names: list[str],
    generic: _Generic,
    params: dict[str, Any],
) -> _Match | None:
    """The tenant table whose distinctive columns the platform table's cover best, if enough of them."""
    best: _Match | None = None
    for tenant in tenant_names:
        context = frozenset(_singular(w) for w in (*words(table), *words(tenant)))
        ours = _distinctive(columns, context, generic)
        theirs = _distinctive(tenants.columns(tenant), context, generic)
        pairs = tuple(
            (ours[key], theirs[key])
            for key in sorted(ours.keys() & theirs.keys())
            if _compatible(ours[key].family, theirs[key].family)
        )
        if not pairs or len(pairs) < params["min_shared"]:
            continue
        coverage = len(pairs) / len(theirs)
        if coverage >= params["min_coverage"] and (best is None or (coverage, len(pairs)) > (best.coverage, len(best.pairs))):
            best = _Match(tenant, pairs, coverage)
    return best


def _distinctive(columns: list[_Column], context: frozenset[str], generic: _Generic) -> dict[str, _Column]:
    """The columns that are not generic, by their normalised name (the first column wins a clash)."""
    found: dict[str, _Column] = {}
    for column in columns:
        key = _normalised(column.name, context)
        if not generic(column.name, key):
            found.setdefault(key, column)
    return found


def _normalised(column: str, context: frozenset[str]) -> str:
    """`ws_id` -> "workspace_id"; `memory_key` in a table about memories -> "key"; `src_content` -> "content"."""
    parts = [_singular(_ABBREVIATIONS.get(w, w)) for w in column.lower().split("_") if w]
    # not down to a bare `id`: `agent_id` in `agent_runs` is the key of its agent, not the row's own id
    while len(parts) > 1 and (parts[0] in context or parts[0] in _COPY_WORDS) and parts[1:] != ["id"]:
        parts.pop(0)
    while len(parts) > 1 and parts[-1] in _COPY_WORDS:
        parts.pop()
    return "_".join(parts)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _family(kind: str) -> str:
    return next((family for family, marks in _FAMILIES if any(mark in kind for mark in marks)), "")


def _compatible(ours: str, theirs: str) -> bool:
    return not ours or not theirs or ours == theirs


def _verb(change: SchemaChange) -> str:
    if change.kind == "add_column":
        return f"adds {', '.join(f'`{c}`' for c in change.columns)} to"
    return "renames a table to" if change.kind == "rename_table" else "creates"


def _violation(
    catalog: DataCatalog,
    item: MigrationChange,
    table: str,
    tenant: str,
    what: str,
    pairs: tuple[tuple[_Column, _Column], ...],
) -> Violation:
    """Evidence: the platform change; then, per matched column, its line and the tenant column's line."""
    line = item.change.line
    evidence = [Hop(item.path, line, f"platform migration: {item.change.kind.replace('_', ' ')} `{table}`")]
    for ours, theirs in pairs:
        evidence.append(Hop(ours.path, ours.line, f"platform column `{table}.{ours.name}`"))
        evidence.append(Hop(theirs.path, theirs.line, f"tenant column `{tenant}.{theirs.name}`"))
    origin = _tenant_origin(catalog, tenant)
    if not pairs and origin is not None:
        evidence.append(Hop(origin.path, origin.change.line, f"tenant migration: create table `{tenant}`"))
    return Violation(item.path, Location(line, 1, max(line, item.change.end_line), 1), tenant, what, tuple(evidence))


def _tenant_origin(catalog: DataCatalog, tenant: str) -> MigrationChange | None:
    """The tenant migration that last created the table (none for a table only the config names)."""
    created = [c for c in catalog.tenant_changes if c.change.kind == "create_table" and c.change.table.name == tenant]
    return created[-1] if created else None
