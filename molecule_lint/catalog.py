"""What counts as tenant data: the config's lists plus the tables migrations create.

Platform-owned names win over tenant ones (SPEC §4: a platform table that
shares a name with a tenant one is the platform's), in the schema the platform
creates them in: a tenant name its migrations create only as `fleet.memories`
is still the tenant's when a query names another schema (`public.memories`).
Migrations are SQL files, Alembic, Django and yoyo migrations, and goose Go
migrations (migrations.py).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from molecule_lint.config import Config, DataSpec
from molecule_lint.discover import SourceFile
from molecule_lint.migrations import MigrationChange, read_migrations
from molecule_lint.sql import apply_changes

# Route parameters in any framework's spelling: {id}, <int:id>, :id, *rest.
_ROUTE_PARAM = re.compile(r"^(\{[^}]*\}|<[^>]*>|:\w+|\*\w*)$")
# A database's description of itself (Postgres, SQLite, MySQL): no tenant's data, on whatever store.
_SYSTEM_SCHEMAS = frozenset({"pg_catalog", "information_schema", "mysql", "performance_schema", "sys"})
_SYSTEM_PREFIXES = ("pg_", "sqlite_")


def path_segments(path: str) -> tuple[str, ...]:
    """A URL path as segments, route parameters as "*", query and fragment dropped."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    return tuple("*" if _ROUTE_PARAM.match(s) else s for s in path.strip("/").split("/") if s)


@dataclass(frozen=True, slots=True)
class EndpointPattern:
    segments: tuple[str, ...]
    source: str  # as written in config or declared by a route

    def matches(self, segments: tuple[str, ...]) -> bool:
        """A "*" pattern segment matches any one segment; "**" any run of them."""
        return _match(self.segments, segments)


def _match(pattern: tuple[str, ...], segments: tuple[str, ...]) -> bool:
    if not pattern:
        return not segments
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_match(rest, segments[i:]) for i in range(len(segments) + 1))
    if not segments:
        return False
    # A hole in the called URL ("{}") only fills a wildcard: we don't guess literals.
    if head == "*" or (segments[0] != "{}" and fnmatchcase(segments[0], head)):
        return _match(rest, segments[1:])
    return False


class DataCatalog:
    """Tenant and platform data, and the questions checks ask about it."""

    def __init__(self, config: Config, files: Iterable[SourceFile], read: FileReader) -> None:
        self.config = config
        self.warnings: list[str] = []
        self.sources: set[str] = set()  # the migration files read
        candidates = [f.path for f in files if f.language in ("sql", "python", "go")]
        # Each side's migrations change by change, in the order they run, with file and line (MOL203).
        self.tenant_changes = self._migrations(config.tenant_data, candidates, read, "tenant_data")
        self.platform_changes = self._migrations(config.platform_data, candidates, read, "platform_data")
        self.tenant_columns = apply_changes(c.change for c in self.tenant_changes)
        self.platform_columns = apply_changes(c.change for c in self.platform_changes)
        # Platform tables the config says copy tenant state (-> the tenant table copied, or "").
        self.mirrors = dict(config.platform_data.mirrors)
        claimed = frozenset(config.platform_data.tables) | frozenset(self.mirrors)
        # Tenant names before platform migrations claim any: creating one there mirrors tenant state.
        self.tenant_names = (frozenset(config.tenant_data.tables) | frozenset(self.tenant_columns)) - claimed
        self.platform_tables = claimed | frozenset(self.platform_columns)
        self.tenant_tables = self.tenant_names - self.platform_tables
        self._platform_schemas = _own_schemas(self.platform_changes, self.tenant_names - claimed)
        self.tenant_endpoints = [EndpointPattern(path_segments(p), p) for p in config.tenant_data.endpoints]
        self.probes = [EndpointPattern(path_segments(p), p) for p in config.probe_endpoints]

    def _migrations(
        self, spec: DataSpec, candidates: list[str], read: FileReader, key: str
    ) -> tuple[MigrationChange, ...]:
        if not spec.migrations:
            return ()
        import pathspec  # not at the top: an incremental run unpickles a catalog, and matches no path

        matcher = pathspec.GitIgnoreSpec.from_lines(spec.migrations)
        matched = [p for p in candidates if matcher.match_file(p)]
        self.sources.update(matched)
        if not matched:
            self.warnings.append(f"{key}.migrations: no .sql, .py or .go file matches {list(spec.migrations)}")
        changes, warnings = read_migrations(matched, read)
        self.warnings += [f"{key}.migrations: {warning}" for warning in warnings]
        return tuple(changes)

    def with_tenant_tables(self, tables: Iterable[str]) -> DataCatalog:
        """This catalog with more tenant tables (those of the models tenant data modules declare: SPEC's
        `modules` are "ORM models, DAOs"); a platform name still wins."""
        added = frozenset(t.lower() for t in tables) - self.tenant_names - self.platform_tables
        if not added:
            return self
        extended = copy.copy(self)
        extended.tenant_names = self.tenant_names | added
        extended.tenant_tables = self.tenant_tables | added
        return extended

    def is_tenant_table(self, name: str) -> bool:
        return name.lower() in self.tenant_tables

    def table_plane(self, name: str, schema: str | None = None) -> str | None:
        """Whose a table is, as a query names it (``schema`` as written: None for none, "*" for a hole)."""
        name = name.lower()
        own = self._platform_schemas.get(name)
        if own is not None and schema not in (None, "*") and schema not in own:
            return "tenant"
        return "platform" if name in self.platform_tables else "tenant" if name in self.tenant_tables else None

    def tenant_on_tenant_store(self, name: str, schema: str | None = None) -> bool:
        """Whether a table a statement on a tenant store names is tenant data: a tenant name (one a platform
        mirror shares too), or any name the platform does not own alone, but the database's own catalogs."""
        name = name.lower()
        if name in self.tenant_names or name in self.mirrors:
            return True
        system = name.startswith(_SYSTEM_PREFIXES) or (schema or "").lower() in _SYSTEM_SCHEMAS
        return not system and name not in self.platform_tables and "__hole_" not in name

    def is_tenant_env(self, name: str) -> bool:
        return _any_glob(name, self.config.tenant_data.env) and not _any_glob(name, self.config.platform_data.env)

    def is_tenant_redis_key(self, key: str) -> bool:
        """A key template (holes as "{}") falls in a tenant key space when its literal prefix does."""
        return any(_key_in_space(key, space) for space in self.config.tenant_data.redis_keys)

    def is_tenant_module(self, module: str) -> bool:
        return any(module == m or module.startswith(m + ".") for m in self.config.tenant_data.modules)

    def is_probe(self, segments: tuple[str, ...]) -> bool:
        return any(p.matches(segments) for p in self.probes)


def _own_schemas(changes: Iterable[MigrationChange], tenant_names: frozenset[str]) -> dict[str, frozenset[str]]:
    """The tenant names platform migrations create only in schemas they name (`fleet.memories`), with those."""
    schemas: dict[str, set[str | None]] = {}
    for item in changes:
        table = item.change.table
        if item.change.kind == "create_table" and table.name in tenant_names:
            schemas.setdefault(table.name, set()).add(table.schema)
    return {name: frozenset(s for s in found if s) for name, found in schemas.items() if None not in found and "*" not in found}


def _any_glob(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatchcase(name, p) for p in patterns)


def _key_in_space(key: str, space: str) -> bool:
    literal = space.split("*", 1)[0]
    if "{}" in key:
        prefix = key.split("{}", 1)[0]
        # "ws:{}:mem" is in "ws:*" (its literal prefix covers the space's); "{}:x" proves nothing.
        return bool(prefix) and prefix.startswith(literal)
    return fnmatchcase(key, space)


class FileReader:
    """Reads project files as text for the catalog (migrations), never executing them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, path: str) -> str | None:
        try:
            return (self.root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
