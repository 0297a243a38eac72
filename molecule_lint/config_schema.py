"""The JSON Schema of molecule-lint.yaml (`molecule-lint schema`), for editors to complete and check it.

Built from the validator's own key lists and planes (config.py), plus the type of each key below: a key
added to the validator without a type here fails `build()`, so the two cannot drift apart silently.
The schema is as strict as the validator where JSON Schema can say it (unknown keys, planes, types,
required fields, non-empty strings); the rest (duplicate service names, rule ids) stays the validator's.
"""

from __future__ import annotations

from typing import Any

from molecule_lint.config import (
    ALLOW_KEYS,
    DATA_KEYS,
    MODEL_KEYS,
    PLANES,
    PLATFORM_DATA_KEYS,
    RULES_KEYS,
    SERVICE_KEYS,
    SINKS,
    TOP_KEYS,
)

Schema = dict[str, Any]

_STRING: Schema = {"type": "string", "pattern": r"\S"}
# The validator takes one string for a list of one, and nothing (null) for an empty list.
_STRINGS: Schema = {"anyOf": [_STRING, {"type": "array", "items": _STRING}, {"type": "null"}]}


def _strings(description: str) -> Schema:
    return {**_STRINGS, "description": description}


def _object(keys: tuple[str, ...], types: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    untyped = [key for key in keys if key not in types]
    if untyped or set(types) - set(keys):
        raise RuntimeError(f"config_schema: keys and types differ: {untyped or sorted(set(types) - set(keys))}")
    schema: Schema = {"type": "object", "properties": {key: types[key] for key in keys}, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


_MIRRORS: Schema = {
    "anyOf": [
        {"type": "object", "additionalProperties": _STRING},
        {"type": "array", "items": _STRING},
        _STRING,
        {"type": "null"},
    ],
    "description": "platform tables that copy tenant state: {platform table: tenant table it copies}, or a list",
}


def _data(side: str, keys: tuple[str, ...]) -> Schema:
    described = {
        "tables": "table names", "migrations": "migration files (globs): every table they create",
        "env": "env vars that carry data-store locations", "redis_keys": "Redis key globs",
        "endpoints": "HTTP route globs that return functional data", "modules": "modules whose use is data access",
    }
    types = {key: _strings(f"{side}: {text}") for key, text in described.items()}
    schema = _object(keys, {**types, "mirrors": _MIRRORS} if "mirrors" in keys else types)
    return {**_nullable(schema), "description": f"What counts as {side}."}


def build() -> Schema:
    service = _object(SERVICE_KEYS, {
        "name": {**_STRING, "description": "unique service name"},
        "plane": {"enum": list(PLANES), "description": "platform | tenant | shared"},
        "paths": {"anyOf": [_STRING, {"type": "array", "items": _STRING, "minItems": 1}],
                  "description": "gitignore-style patterns, relative to the root"},
        "urls": _strings("how other code addresses it: env names or URL prefixes"),
    }, required=("name", "plane", "paths"))
    allow = _object(ALLOW_KEYS, {
        "rule": {**_STRING, "description": "rule id, e.g. MOL103"},
        "path": {**_STRING, "description": "file the exception is for"},
        "reason": {**_STRING, "description": "why the exception is safe (required)"},
        "until": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "expiry date, YYYY-MM-DD"},
        "target": _nullable({**_STRING, "description": "only this target"}),
    }, required=("rule", "path", "reason"))
    rules = _object(RULES_KEYS, {
        "select": _strings("only these rule ids (empty: all)"),
        "ignore": _strings("rule ids to skip"),
        "packs": _strings("folders of extra rule packs"),
    })
    model = _object(MODEL_KEYS, {
        "call": {**_STRING, "description": "qualified name of a function or method; * matches any run of characters"},
        "sink": {"enum": list(SINKS), "description": "what the call does with the argument"},
        "arg": {"anyOf": [{"type": "integer", "minimum": 0}, _STRING],
                "description": "the argument that carries the SQL, URL, name, key or DSN: a position or a keyword"},
        "keyword": _nullable({**_STRING, "description": "the keyword it may be passed by instead"}),
        "ambiguous": {"type": "boolean", "description": "a common name: only a value that looks the part counts"},
        "setting": _nullable({**_STRING, "description": "the argument is a key of this Django setting (DATABASES) or dotted global"}),
        "result": _nullable({"type": "integer", "minimum": 0,
                             "description": "of a call with several results, the one that is the value (Go)"}),
        "generic": {"type": "boolean",
                    "description": "sink table: the model is the type argument of the receiver's library base class"},
        "constructor": {"type": "boolean",
                        "description": "the argument is one of the call that made the receiver (a client made for one URL)"},
        "env": _nullable({**_STRING, "pattern": "\\{\\}",
                          "description": "sink connect: the argument is a connection id; the env var this names ({}: the id, upper-cased) is its store"}),
        "prefix": _nullable({**_STRING, "description": "sink env, a settings object's reader: the keyword of the call that "
                             "made it whose value prefixes the variable; after =, the default prefix"}),
    }, required=("call", "sink"))
    top = _object(TOP_KEYS, {
        "version": {"const": 1},
        "services": _nullable({"type": "array", "items": service}),
        "tenant_data": _data("tenant data", DATA_KEYS),
        "platform_data": _data("platform data", PLATFORM_DATA_KEYS),
        "org_keys": _strings("columns / parameters that identify an org"),
        "exclude": _strings("gitignore-style patterns of files not to scan"),
        "rules": _nullable(rules),
        "allow": _nullable({"type": "array", "items": allow}),
        "probe_endpoints": _strings("paths the platform may call on a tenant"),
        "shared_hosts": _strings("host globs of shared multi-org stores (MOL402)"),
        "models": _nullable({"type": "array", "items": model, "description": "your own wrappers, as sinks"}),
    })
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "molecule-lint.yaml",
        "description": "Configuration of molecule-lint (also [tool.molecule-lint] in pyproject.toml).",
        **top,
    }
