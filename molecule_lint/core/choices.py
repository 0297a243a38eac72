"""What chooses a data store, schema or identity (MOL302), whatever the language: SQL that names its
schema, table or role from a value, mappings named for stores, data-access objects made for an org.

A text is built with each tracked value as a *marker* (``marker(i)``, a part no code writes); these
functions tell where in the text such a value lands.
"""

from __future__ import annotations

import re

from molecule_lint.core.strings import Parts
from molecule_lint.naming import mentions_org, words
from molecule_lint.sql import looks_like_sql

_MARKER = re.compile("\0(\\d+)\0")
_HOLE = re.compile(r"__hole_(\d+)__")
_SQL_NAME = r'(?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))*'
# Where a value picks which store a statement works on, not which rows: a table or schema name, the
# search_path, the role. A value compared in WHERE is a filter, and a filter does not choose a store.
_STORE_POSITIONS = re.compile(
    rf"\b(?:from|join|into|update|table|truncate|schema)\s+(?:only\s+|if\s+(?:not\s+)?exists\s+)?(?P<name>{_SQL_NAME})"
    r"|\bsearch_path\b(?P<path>[^;]*)"
    r"|\bset\s+(?:session\s+|local\s+)*(?:role|session\s+authorization)\s+(?P<role>[^;\s]+)",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"^\s*set\s+(?:session\s+|local\s+)*(?:search_path|role|session\s+authorization)\b", re.IGNORECASE
)
_BOUND_SETTING = re.compile(r"search_path|\bset\s+(?:session\s+|local\s+)*role\b", re.IGNORECASE)
# A mapping named with one of these words holds data-store locations or identities: `DSNS[org]`,
# `tenant_engines.get(org)`, `ORG_CREDENTIALS[org]`.
# Not "connections": `active_connections[org_id]` is as often a set of websockets. Not "schema": it is as
# often a pydantic or JSON schema (`schema_map[item.type]`); a schema name picked per org is still
# followed to the search_path or connection it reaches.
_STORE_WORDS = frozenset(
    {"dsn", "dsns", "engine", "engines", "db", "dbs", "database", "databases", "pool", "pools", "datasource",
     "datasources", "redis", "credential", "credentials", "secret", "secrets", "identity", "identities"}
)  # fmt: skip
# Types named with one of these words read and write data for whoever they are made for.
_DATA_ACCESS = frozenset({"store", "repository", "repo", "dao", "queries"})


def marker(index: int) -> str:
    return f"\0{index}\0"


def sql_store_markers(parts: Parts) -> tuple[set[int], str]:
    """The markers a SQL text puts in a store-choosing position, and the statement shortened for evidence.

    Not SQL (as `looks_like_sql` judges, or a `SET search_path`/`SET ROLE`): no markers.
    """
    text = _MARKER.sub(lambda m: f"__hole_{m[1]}__", "".join("__hole__" if p is None else p for p in parts))
    if not (_SETTING.match(text) or looks_like_sql(text)):
        return set(), ""
    found: set[int] = set()
    for match in _STORE_POSITIONS.finditer(text):
        where = match.group("name") or match.group("path") or match.group("role") or ""
        found.update(int(n) for n in _HOLE.findall(where))
    return found, _short(_HOLE.sub("{}", text).replace("__hole__", "{}"))


def binds_store_setting(sql: str) -> bool:
    """SQL that sets the search_path or role from a bound parameter (`set_config('search_path', %s, false)`)."""
    return _BOUND_SETTING.search(sql) is not None


def names_store(name: str) -> bool:
    """A variable or attribute named for data stores or identities, word by word."""
    return any(word in _STORE_WORDS for word in words(name))


def makes_org_identity(type_name: str, field: str) -> bool:
    """`Store{orgID: org}`, `MemoryRepository(org_id=org)`: an org-named field of a data-access object is the
    org it reads and writes as (its identity), where the object's type is named for data access."""
    return mentions_org(field) and any(word in _STORE_WORDS or word in _DATA_ACCESS for word in words(type_name))


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."
