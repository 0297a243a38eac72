"""The Go APIs the frontend recognises, as data.

Libraries are keyed by a short family name so that major versions
(`pgx/v4`, `pgx/v5`) and forks (`go-redis/redis`, `redis/go-redis`) share
one entry.
"""

from __future__ import annotations

import re

from molecule_lint.gosql import REBIND, SQLX_REWRITES

_FAMILIES = {
    "os": "os",
    "fmt": "fmt",
    "cmp": "cmp",
    "context": "context",
    "errors": "errors",
    "github.com/pkg/errors": "errors",
    "log": "log",
    "log/slog": "log",
    "github.com/sirupsen/logrus": "log",
    "github.com/rs/zerolog/log": "log",
    "net/http": "http",
    "database/sql": "sql",
    "github.com/jmoiron/sqlx": "sqlx",
    "github.com/jackc/pgx": "pgx",
    "github.com/jackc/pgx/pgxpool": "pgxpool",
    "github.com/lib/pq": "pq",
    "gorm.io/gorm": "gorm",
    "gorm.io/driver/postgres": "gorm-postgres",
    "github.com/redis/go-redis": "redis",
    "github.com/go-redis/redis": "redis",
    # web frameworks: where a handler reads its request (MOL302)
    "github.com/go-chi/chi": "chi",
    "github.com/gorilla/mux": "mux",
    "github.com/gin-gonic/gin": "gin",
    "github.com/labstack/echo": "echo",
    "github.com/gofiber/fiber": "fiber",
}
_MAJOR = re.compile(r"/v\d+(?=/|$)")


def family(import_path: str) -> str:
    """The library an import path belongs to ("" when none we know)."""
    return _FAMILIES.get(_MAJOR.sub("", import_path), "")


def assumed_name(import_path: str) -> str:
    """The package name code uses for an import without an alias (goimports' rule).

    "github.com/redis/go-redis/v9" -> "redis", "gopkg.in/yaml.v3" -> "yaml".
    """
    parts = import_path.split("/")
    base = parts[-1]
    if re.fullmatch(r"v\d+", base) and len(parts) > 1:
        base = parts[-2]
    base = base.removeprefix("go-")
    return re.split(r"[^\w]", base, maxsplit=1)[0]


# -- data stores ----------------------------------------------------------------

# (family, function) -> (store kind, where the DSN is: "driver" = sql.Open(driver, dsn),
# "after-ctx" = the first argument after an optional context, "options" = &redis.Options{Addr: ...}).
CONNECTS: dict[tuple[str, str], tuple[str, str]] = {
    **{("sql", name): ("postgres", "driver") for name in ("Open",)},
    **{
        ("sqlx", name): ("postgres", "driver")
        for name in ("Open", "Connect", "ConnectContext", "MustConnect", "MustOpen")
    },
    **{("pgxpool", name): ("postgres", "after-ctx") for name in ("New", "Connect", "ParseConfig")},
    **{("pgx", name): ("postgres", "after-ctx") for name in ("Connect", "ParseConfig")},
    ("gorm-postgres", "Open"): ("postgres", "after-ctx"),
    ("pq", "NewConnector"): ("postgres", "after-ctx"),
    **{
        ("redis", name): ("redis", "options")
        for name in ("NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient", "NewRing")
    },
    ("redis", "ParseURL"): ("redis", "after-ctx"),
}
POSTGRES_DRIVERS = frozenset({"postgres", "postgresql", "pgx", "pgx/v4", "pgx/v5", "cloudsqlpostgres", "nrpostgres"})
REDIS_ADDRESS_FIELDS = ("Addr", "Addrs")

# A "handle" is a value whose methods reach a store: a DB pool, a Redis client, an HTTP client.
HANDLE_TYPES: dict[tuple[str, str], str] = {
    **{("sql", t): "sql" for t in ("DB", "Tx", "Conn", "Stmt")},
    **{("sqlx", t): "sql" for t in ("DB", "Tx", "Conn", "Stmt", "NamedStmt")},
    **{("pgxpool", t): "sql" for t in ("Pool", "Conn", "Tx")},
    **{("pgx", t): "sql" for t in ("Conn", "Tx")},
    ("gorm", "DB"): "sql",
    **{
        ("redis", t): "redis"
        for t in ("Client", "ClusterClient", "UniversalClient", "Cmdable", "Ring", "Conn", "Pipeliner", "Tx")
    },
    ("http", "Client"): "http",
}
HANDLE_CONSTRUCTORS: dict[tuple[str, str], str] = {
    **{(fam, name): ("redis" if kind == "redis" else "sql") for (fam, name), (kind, _) in CONNECTS.items()},
    ("sql", "OpenDB"): "sql",
    ("sqlx", "NewDb"): "sql",
    ("pgxpool", "NewWithConfig"): "sql",
    ("pgxpool", "ConnectConfig"): "sql",
    ("pgx", "ConnectConfig"): "sql",
    ("gorm", "Open"): "sql",
}
HANDLE_VALUES: dict[tuple[str, str], str] = {("http", "DefaultClient"): "http"}
# Methods of a handle that return a handle of the same kind (a transaction, a pipeline).
DERIVED_HANDLES: dict[str, frozenset[str]] = {
    "sql": frozenset({"Begin", "BeginTx", "Beginx", "BeginTxx", "MustBegin", "Acquire", "Conn", "Unsafe"}),
    "redis": frozenset({"Pipeline", "TxPipeline", "Conn", "WithContext"}),
}

# -- SQL ------------------------------------------------------------------------

SQL_METHODS = frozenset(
    {
        "Query", "QueryContext", "QueryRow", "QueryRowContext",
        "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext",
        "Exec", "ExecContext", "MustExec", "MustExecContext",
        "NamedExec", "NamedExecContext", "NamedQuery", "NamedQueryContext",
        "Prepare", "PrepareContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext",
        "Select", "SelectContext", "Get", "GetContext", "Raw",
    }
)  # fmt: skip
# sqlx's Select/Get take the destination before the query.
SQL_DEST_FIRST = frozenset({"Select", "SelectContext", "Get", "GetContext"})
# Calls whose result is a query argument's text (gosql.py): (family, function) or a method name -> its index.
SQL_REWRITES: dict[tuple[str, str] | str, int] = {**{("sqlx", f): i for f, i in SQLX_REWRITES.items()}, REBIND: 0}

# -- Redis ----------------------------------------------------------------------

REDIS_COMMANDS = frozenset(
    {
        "get", "set", "setnx", "setex", "getset", "getdel", "getex", "del", "unlink", "exists", "expire",
        "expireat", "pexpire", "ttl", "pttl", "persist", "incr", "incrby", "incrbyfloat", "decr", "decrby",
        "append", "mget", "mset", "strlen", "hget", "hset", "hsetnx", "hgetall", "hdel", "hincrby", "hmget",
        "hmset", "hkeys", "hvals", "hlen", "hexists", "lpush", "rpush", "lpop", "rpop", "lrange", "llen",
        "lrem", "lindex", "lset", "ltrim", "blpop", "brpop", "sadd", "srem", "smembers", "sismember", "scard",
        "spop", "zadd", "zrange", "zrangebyscore", "zrevrange", "zrevrangebyscore", "zrem", "zscore", "zcard",
        "zincrby", "zcount", "zrank", "xadd", "xrange", "xlen", "xtrim", "publish", "subscribe", "psubscribe",
        "keys", "scan", "hscan", "sscan", "zscan", "type", "rename"
    }
)  # fmt: skip
REDIS_PATTERN_AFTER_CURSOR = frozenset({"scan"})  # Scan(ctx, cursor, match, count): the key is the match

# -- HTTP -----------------------------------------------------------------------

HTTP_FUNCTIONS = {"Get": "GET", "Head": "HEAD", "Post": "POST", "PostForm": "POST"}  # http.X and client.X
HTTP_REQUESTS = {"NewRequest": 0, "NewRequestWithContext": 1}  # -> index of the method argument

# Route registrations: gin/echo upper case, chi/fiber title case, net/http and gorilla Handle(Func).
ROUTE_UPPER = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
ROUTE_TITLE = frozenset({"Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace"})
ROUTE_ANY = frozenset({"Any", "Handle", "HandleFunc", "All"})
ROUTE_WITH_METHOD = frozenset({"Method", "MethodFunc", "Handle", "Match"})  # (method, path, handler)
ROUTE_GROUPS = frozenset({"Group", "Route", "PathPrefix"})

# -- messages: strings that are prose, whatever they look like -------------------

MESSAGE_FUNCTIONS = frozenset(
    {
        ("errors", "New"), ("errors", "Errorf"), ("errors", "Wrap"), ("errors", "Wrapf"),
        ("errors", "WithMessage"), ("errors", "WithMessagef"),
        ("fmt", "Errorf"), ("fmt", "Print"), ("fmt", "Printf"), ("fmt", "Println"),
        ("fmt", "Fprint"), ("fmt", "Fprintf"), ("fmt", "Fprintln"), ("http", "Error"),
    }
)  # fmt: skip
MESSAGE_METHODS = frozenset(
    {
        "Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "Log", "Logf",
        "Skip", "Skipf", "Info", "Infof", "Infow", "Infoln", "Warn", "Warnf", "Warnw", "Warning", "Warningf",
        "Warnln", "Error", "Errorf", "Errorw", "Errorln", "Debug", "Debugf", "Debugw", "Debugln", "Trace",
        "Tracef", "Msg", "Msgf"
    }
)  # fmt: skip

# -- Go itself -------------------------------------------------------------------

BUILTINS = frozenset(
    {
        "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min",
        "new", "panic", "print", "println", "real", "recover", "bool", "byte", "complex64", "complex128",
        "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
        "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "comparable"
    }
)  # fmt: skip
CONTEXT_METHODS = frozenset({"Context", "Background", "TODO"})

ENV_FUNCTIONS = frozenset({"Getenv", "LookupEnv"})  # of package os
ENV_TAG_KEYS = ("env", "envconfig")
ENV_TAG_DEFAULTS = ("envDefault", "default")
