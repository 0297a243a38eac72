"""Named-query files: SQL kept in `.sql` files of blocks named `-- name: get_memories` (yesql's format:
Python's aiosql and anosql, Go's goyesql and dotsql) or one query per file named `-- :name get_memories :many`
(PugSQL), loaded by a library call and run by name. The resolver loads them into a NAMED_QUERIES object whose
fields are the queries' texts, each with a hop at its name's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAMED_QUERIES = "named_queries"  # the class of a loaded set of queries: fields are names, a sub-folder's a set
LOAD = "named_queries_load"  # builtin: (loader's name, source) -> the set, for a Go loader's (set, error) pair
_YESQL_NAME = re.compile(r"\s*--\s*name\s*:\s*(\S+)")
_PUGSQL_NAME = re.compile(r"\s*--\s*:name\s+(\S+)")
_COMMENT = re.compile(r"\s*--")
_AIOSQL_SUFFIXES = "^$!*#<"  # how a query's result is read (`get_one^`, `insert<!`): not part of its name


@dataclass(frozen=True, slots=True)
class Loader:
    style: str  # "yesql": blocks named `-- name:`; "pugsql": a folder of files each naming its query
    from_path: bool  # the argument is a path (a file, or a folder of them), else the text itself
    pair: bool  # Go: the result is (queries, error)
    python_names: bool  # aiosql and anosql call `get-user!` as `get_user`


_PY_PATH = Loader("yesql", from_path=True, pair=False, python_names=True)
_PY_TEXT = Loader("yesql", from_path=False, pair=False, python_names=True)
LOADERS = {
    "aiosql.from_path": _PY_PATH,
    "aiosql.from_str": _PY_TEXT,
    "anosql.from_path": _PY_PATH,
    "anosql.from_str": _PY_TEXT,
    "pugsql.module": Loader("pugsql", from_path=True, pair=False, python_names=False),
    # Go, by package path without its major version
    "github.com/nleof/goyesql.ParseFile": Loader("yesql", from_path=True, pair=True, python_names=False),
    "github.com/nleof/goyesql.MustParseFile": Loader("yesql", from_path=True, pair=False, python_names=False),
    "github.com/nleof/goyesql.ParseBytes": Loader("yesql", from_path=False, pair=True, python_names=False),
    "github.com/nleof/goyesql.MustParseBytes": Loader("yesql", from_path=False, pair=False, python_names=False),
    "github.com/qustavo/dotsql.LoadFromFile": Loader("yesql", from_path=True, pair=True, python_names=False),
    "github.com/qustavo/dotsql.LoadFromString": Loader("yesql", from_path=False, pair=True, python_names=False),
}
_FUNCTIONS = frozenset(name.rpartition(".")[2] for name in LOADERS)
_GO_FORKS = {"github.com/knadh/goyesql": "github.com/nleof/goyesql", "github.com/gchaincl/dotsql": "github.com/qustavo/dotsql"}
_GO_VERSION = re.compile(r"/v\d+(?=\.[^./]+$)")
# Python libraries whose loaded queries are methods (`queries.get_memories(conn, org_id=o)`), and Go's dotsql,
# whose methods take the query's name: that argument's index.
LIBRARIES = frozenset(
    {"aiosql", "anosql", "pugsql", "github.com/qustavo/dotsql", "github.com/gchaincl/dotsql", "github.com/nleof/goyesql", "github.com/knadh/goyesql"}
)
SCAN_TO_STRUCT = "github.com/nleof/goyesql.ScanToStruct"  # (&struct, queries, db): fields tagged with a name
# A prepared statement goyesql scanned into a struct field, run: `q.GetUser.Get(&user, id)` (sqlx and database/sql).
STATEMENT_RUNS = frozenset(
    f"{verb}{context}"
    for verb in ("Exec", "Query", "QueryRow", "Queryx", "QueryRowx", "Get", "Select", "MustExec")
    for context in ("", "Context")
)
DOTSQL_RUNS = {
    "Query": 1, "QueryRow": 1, "Exec": 1, "Prepare": 1,
    "QueryContext": 2, "QueryRowContext": 2, "ExecContext": 2, "PrepareContext": 2,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    line: int  # 1-based: the line naming it
    sql: str  # its statement, without comment lines


def loader(name: str) -> Loader | None:
    """The loader a library function is (Go's `github.com/knadh/goyesql/v2.ParseFile` as goyesql's)."""
    if name.rpartition(".")[2] not in _FUNCTIONS:  # asked of every library call: most are no loader
        return None
    return LOADERS.get(canonical(name))


def canonical(name: str) -> str:
    """A Go library function's name without its package's major version, a fork's as the original's."""
    package, _, function = _GO_VERSION.sub("", name).rpartition(".")
    return f"{_GO_FORKS.get(package, package)}.{function}"


def is_library(module: str) -> bool:
    """Whether an imported module (`aiosql`, `aiosql.queries`, Go's `github.com/qustavo/dotsql`) is one whose
    loaded queries are run by name."""
    return module.split(".", 1)[0] in LIBRARIES or _GO_VERSION.sub("", f"{module}.x")[:-2] in LIBRARIES


def queries(text: str, spec: Loader) -> list[NamedQuery]:
    """The named queries of one file's text."""
    found = _pugsql(text) if spec.style == "pugsql" else _yesql(text)
    if spec.python_names:
        return [NamedQuery(q.name.rstrip(_AIOSQL_SUFFIXES).replace("-", "_"), q.line, q.sql) for q in found]
    return found


def _yesql(text: str) -> list[NamedQuery]:
    found: list[NamedQuery] = []
    name: tuple[str, int] | None = None
    body: list[str] = []
    for number, line in enumerate([*text.splitlines(), "-- name: <end>"], 1):
        header = _YESQL_NAME.match(line)
        if header is not None:
            if name is not None:
                found.append(NamedQuery(name[0], name[1], "\n".join(body)))
            name, body = (header.group(1), number), []
        elif name is not None and not _COMMENT.match(line):
            body.append(line)
    return found


def _pugsql(text: str) -> list[NamedQuery]:
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if (header := _PUGSQL_NAME.match(line)) is not None:
            sql = "\n".join(other for other in lines if not _COMMENT.match(other))
            return [NamedQuery(header.group(1), number, sql)]
    return []
