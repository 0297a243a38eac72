"""Go SQL library calls that hand back the query they are given, read by both the Go frontend (within a
file) and the core (across files), which may not import a frontend."""

from __future__ import annotations

SQLX = "github.com/jmoiron/sqlx"
# Calls whose result is a query argument's text, rewritten only in its placeholders: `q, args, err :=
# sqlx.In(q, ids)` (`IN (?)` expanded), `sqlx.Rebind(bindType, q)`: function -> the index of that argument.
SQLX_REWRITES = {"In": 0, "Rebind": 1}
REBIND = "Rebind"  # a handle's `db.Rebind(q)`: the query is its only argument
# goyesql's `ScanToStruct(&q, queries, db)` fills each field tagged `query:"get-user"` (a statement or a string)
# with the query of that name: the Go frontend makes such a field this builtin, called with the name.
NAMED_QUERY_TAG = "named_query_tag"
QUERY_TAG_KEY = "query"
