"""What a call means: SQL sinks, HTTP requests, env reads, data-store connections,
Redis commands, ORM queries, route declarations, dynamic imports, fan-out maps.

A call's name is first looked up among the names any recogniser knows, so
that the many calls that mean nothing cost one set lookup.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from molecule_lint.facts import (
    CLASS_QUERIES,
    ORM_DELETES,
    ORM_MANAGERS,
    ORM_WRITES,
    Connect,
    HttpCall,
    Import,
    OrmQuery,
    RedisKey,
    Ref,
    Route,
    Sql,
)
from molecule_lint.frontends.python.names import Argument, Tracked, absolute_module, arguments, last_name, unstarred
from molecule_lint.frontends.python.templates import literal, render
from molecule_lint.naming import ENV_NAME, reads_env
from molecule_lint.sql import looks_like_sql

if TYPE_CHECKING:
    from molecule_lint.frontends.python.resolver import Resolver
    from molecule_lint.frontends.python.walker import Walker

# Strings passed to these are messages, not SQL.
_MESSAGE_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"})
_MESSAGE_FUNCTIONS = frozenset({"warnings.warn", "click.echo", "click.secho"})
# A string (or constant) passed first to these is SQL, whatever it looks like.
_SQL_SINKS = frozenset(
    {"execute", "executemany", "execute_async", "text", "fetch", "fetchrow", "fetchval", "fetchall", "fetchone",
     "fetch_all", "fetch_one", "fetch_val", "raw", "mogrify", "copy_expert", "run_sql", "exec_driver_sql",
     "read_sql", "read_sql_query", "RawSQL"}
)
_SQL_KEYWORDS = ("sql", "query", "statement")
# Sink names common outside databases too (a pretty-printer's `p.text(",")`, docutils' `nodes.raw`):
# there the string must look like SQL, or only name constants, unless the callee is a database API's.
_AMBIGUOUS_SINKS = frozenset({"text", "raw", "fetch"})
_DB_ROOTS = frozenset({"sqlalchemy", "sqlmodel", "django", "databases", "asyncpg", "psycopg", "psycopg2", "aiopg"})
_HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_HTTP_METHODS = _HTTP_VERBS | {"request", "stream", "urlopen"}
_HTTP_CLIENTS = frozenset(
    {"requests.Session", "requests.session", "requests.sessions.Session", "httpx.Client", "httpx.AsyncClient",
     "aiohttp.ClientSession"}
)
_URLOPEN = frozenset({"urllib.request.urlopen", "urllib2.urlopen", "six.moves.urllib.request.urlopen"})
_POSTGRES = frozenset(
    {"psycopg.connect", "psycopg2.connect", "asyncpg.connect", "asyncpg.create_pool", "sqlalchemy.create_engine",
     "sqlalchemy.engine.create_engine", "sqlalchemy.ext.asyncio.create_async_engine", "sqlmodel.create_engine",
     "psycopg.AsyncConnection.connect", "psycopg.Connection.connect", "psycopg_pool.ConnectionPool",
     "psycopg_pool.AsyncConnectionPool", "databases.Database", "aiopg.connect", "aiopg.create_pool"}
)
_REDIS_FACTORIES = frozenset({"Redis", "StrictRedis", "RedisCluster", "from_url", "create_redis", "create_redis_pool"})
_REDIS_COMMANDS = frozenset(
    {"get", "set", "setex", "setnx", "psetex", "getset", "getdel", "getex", "mget", "mset", "append", "incr", "incrby",
     "incrbyfloat", "decr", "decrby", "delete", "unlink", "exists", "expire", "expireat", "pexpire", "ttl", "pttl",
     "persist", "type", "rename", "keys", "scan_iter", "hget", "hset", "hmset", "hmget", "hgetall", "hdel", "hexists",
     "hincrby", "hkeys", "hvals", "hlen", "hscan_iter", "lpush", "rpush", "lpop", "rpop", "blpop", "brpop", "lrange",
     "llen", "lrem", "ltrim", "lindex", "sadd", "srem", "smembers", "sismember", "scard", "spop", "sscan_iter",
     "zadd", "zrem", "zrange", "zrevrange", "zrangebyscore", "zrevrangebyscore", "zscore", "zincrby", "zcard",
     "zremrangebyscore", "zscan_iter", "xadd", "xread", "xreadgroup", "xrange", "xlen", "xtrim", "xgroup_create",
     "publish", "pfadd", "pfcount", "setbit", "getbit", "bitcount"}
)
_ENV_FUNCTIONS = frozenset({"os.getenv", "os.getenvb", "os.environ.get", "os.environ.setdefault", "decouple.config"})
# Objects whose calls and cast methods read env: django-environ and environs `env("X")`, `env.str("X", default=...)`,
# `env.db("DATABASE_URL")`; Starlette's `config = Config(".env")`, then `config("X", default=...)`.
_ENV_OBJECTS = frozenset({"environ.Env", "environs.Env", "starlette.config.Config"})
_ENV_CASTS = frozenset(
    {"str", "bool", "int", "float", "decimal", "list", "tuple", "dict", "json", "url", "db", "db_url", "cache",
     "cache_url", "email", "email_url", "search_url", "path", "bytes", "get_value"}
)
_ORM_ROOTS = frozenset({"sqlalchemy", "sqlmodel"})
_ORM_BUILDERS = frozenset({"select", "insert", "update", "delete", "select_from"})
_JOINS = frozenset({"join", "outerjoin"})
# Queries started on the model class itself (Peewee, Tortoise, Piccolo): `Model.select(...)`, `Model.filter(...)`,
# `Table.count()`, `Table.objects()`.
_MODEL_QUERIES = CLASS_QUERIES | {
    "filter", "exclude", "all", "annotate", "get_or_none", "get_by_id", "get_or_create", "create", "insert_many",
    "bulk_create", "raw", "objects"
}
_ROUTE_DECORATORS = _HTTP_VERBS | {"route", "api_route"}
# Litestar's handler decorators (`from litestar import get`), and its class of handlers under one `path`.
_LITESTAR_HANDLERS = frozenset(f"litestar.{name}" for name in (*_HTTP_VERBS, "route"))
_LITESTAR_CONTROLLERS = frozenset({"litestar.Controller", "litestar.controller.Controller"})
_AIOHTTP_ROUTES = frozenset(f"aiohttp.web.{verb}" for verb in (*_HTTP_VERBS, "route", "view"))
_ROUTER_ADDS = frozenset(
    {"add_get", "add_post", "add_put", "add_patch", "add_delete", "add_head", "add_route", "add_view"}
)
_DJANGO_PATHS = frozenset({"django.urls.path", "django.urls.re_path", "django.conf.urls.url"})
_ROUTERS = {"fastapi.APIRouter": "prefix", "fastapi.routing.APIRouter": "prefix", "flask.Blueprint": "url_prefix",
            "fastapi.FastAPI": "", "flask.Flask": "", "aiohttp.web.RouteTableDef": ""}
_IMPORTS = frozenset({"import_module", "__import__"})
# A receiver named like a Redis client (`self.redis`, `redis_client`, `cache_redis`) is one.
_REDIS_NAME = re.compile(r"(?:^|_)a?redis(?:_?(?:client|conn|connection|pool|cli|db))?$", re.IGNORECASE)
_REDIS = Tracked("redis")


def analyse(w: Walker, node: ast.Call, qualified: str | None) -> bool:
    """Emit the facts a call is; True when its arguments are not literal SQL (messages, SQL already taken)."""
    func = node.func
    method = last_name(func)
    if method is None:
        return False
    if method not in _INTERESTING:
        if not _env_object_call(w, node, func):
            _env_helper_call(w, node, method)
        return False
    if _is_message(w, func, method, qualified):
        return True
    if method in _SQL_SINKS and _sql_call(w, node, method, qualified):
        return True
    if method in _IMPORTS:
        _dynamic_import_call(w, node)
    for recognise in _RECOGNISERS:  # one fact per call: the first that recognises it
        if recognise(w, node, func, method, qualified):
            break
    return False


# -- arguments --------------------------------------------------------------


def _positional(node: ast.Call) -> list[ast.expr]:
    return [a for a in node.args if type(a) is not ast.Starred]


def _argument(node: ast.Call, position: int | None, keywords: tuple[str, ...] = ()) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg in keywords:
            return keyword.value
    positional = _positional(node)
    return positional[position] if position is not None and position < len(positional) else None


def first_argument(node: ast.Call) -> Argument | None:
    """The argument written first, whatever its kind."""
    given = arguments(node)
    return given[0] if given else None


# -- recognisers ------------------------------------------------------------


def _is_message(w: Walker, func: ast.expr, method: str, qualified: str | None) -> bool:
    if isinstance(func, ast.Attribute) and method in _MESSAGE_METHODS:
        return True
    if qualified in _MESSAGE_FUNCTIONS:
        return True
    return isinstance(func, ast.Name) and method == "print" and w.binding("print")[1] is None


def _sql_call(w: Walker, node: ast.Call, method: str, qualified: str | None) -> bool:
    arg = _argument(node, 0, _SQL_KEYWORDS)
    text = w.value_of(arg) if arg is not None else None
    if text is None:
        return False
    if method in _AMBIGUOUS_SINKS and not (
        looks_like_sql(render(text))
        or (text and all(isinstance(part, Ref) and part.name for part in text))
        or (qualified is not None and (qualified.split(".")[0] in _DB_ROOTS or ".objects." in qualified))
    ):
        return False
    w.emit(Sql, node, scope=w.scope, text=text, via=method)
    return True


def dynamic_import(w: Walker, node: ast.Call) -> str | None:
    """The module of `importlib.import_module("a.b")` / `__import__("a.b")` with a literal name."""
    func = node.func
    if not (
        w.qualify(func) == "importlib.import_module"
        or (isinstance(func, ast.Name) and func.id == "__import__" and w.binding("__import__")[1] is None)
    ):
        return None
    name_arg = _argument(node, 0, ("name",))
    name = w.literal_of(name_arg) if name_arg is not None else None
    if not name:
        return None
    if not name.startswith("."):
        return name
    anchor = _argument(node, 1, ("package",))
    if isinstance(anchor, ast.Name) and anchor.id in ("__name__", "__package__"):
        package = w.module if anchor.id == "__name__" else w.package
    else:
        package = (w.literal_of(anchor) if anchor is not None else None) or w.package
    stripped = name.lstrip(".")
    return absolute_module(package, len(name) - len(stripped), stripped or None)


def _dynamic_import_call(w: Walker, node: ast.Call) -> None:
    module = dynamic_import(w, node)
    if module is None:
        return
    alias = w.assigning[1] if w.assigning is not None and w.assigning[0] is node else ""
    w.emit(Import, node, scope=w.scope, module=module, name=None, alias=alias, typing_only=w.typing_only > 0)


def _env_call(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    if _env_object_call(w, node, func):  # `config("X")`: a name like decouple's, bound to an env object
        return True
    if qualified not in _ENV_FUNCTIONS:
        if not (method in _ENV_CASTS and isinstance(func, ast.Attribute)):
            return False
        tracked = w.tracked_of(func.value)
        if tracked is None or tracked.kind != "env":
            return False
        return _emit_env(w, node, prefixed=True)
    return _emit_env(w, node)


def _env_object_call(w: Walker, node: ast.Call, func: ast.expr) -> bool:
    """`env("X")` on a module-level `env = environ.Env()`."""
    if isinstance(func, ast.Name):
        found = w.binding(func.id)[1]
        if found is not None and found.tracked is not None and found.tracked.kind == "env":
            return _emit_env(w, node, prefixed=True)
    return False


def _env_helper_call(w: Walker, node: ast.Call, method: str) -> bool:
    """`env_url("PLATFORM_URL")`: a project's own env helper, as the Go frontend reads one."""
    key = _argument(node, 0, ())
    if not reads_env(method) or not isinstance(key, ast.Constant) or not isinstance(key.value, str):
        return False
    return ENV_NAME.match(key.value) is not None and _emit_env(w, node)


def _emit_env(w: Walker, node: ast.Call, prefixed: bool = False) -> bool:
    """An env read; ``prefixed``: by an env object, whose name takes the prefix of an enclosing `env.prefixed(...)`."""
    key = _argument(node, 0, ("key", "var"))
    if key is None:
        return False
    w.env_read(node, (w.env_prefix if prefixed else ()) + w.hole(key), _argument(node, 1, ("default",)))
    return True


def _http_call(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    if method not in _HTTP_METHODS:
        return False
    base = None
    if qualified is None or not _is_http_function(qualified):
        tracked = w.tracked_of(func.value) if isinstance(func, ast.Attribute) else None
        if tracked is None or tracked.kind != "http":
            return False
        base = tracked.base
    if method == "urlopen":
        verb, url = _urlopen(w, node)
    elif method in ("request", "stream"):
        verb_arg = _argument(node, 0, ("method",))
        verb = ((w.literal_of(verb_arg) if verb_arg is not None else None) or "ANY").upper()
        url = _argument(node, 1, ("url",))
    else:
        verb, url = method.upper(), _argument(node, 0, ("url",))
    if url is None:
        return False
    w.emit(HttpCall, node, scope=w.scope, method=verb, url=w.hole(url), base=base)
    return True


def _is_http_function(qualified: str) -> bool:
    parts = qualified.split(".")
    return (
        (parts[0] in ("requests", "httpx") and len(parts) == 2)
        or qualified.startswith("requests.api.")
        or qualified == "aiohttp.request"
        or qualified in _URLOPEN
    )


def _urlopen(w: Walker, node: ast.Call) -> tuple[str, ast.expr | None]:
    """`urlopen(url)` / `urlopen(Request(url, method=...), data)`: GET unless there is data."""
    url = _argument(node, 0, ("url",))
    data = _argument(node, 1, ("data",))
    verb = None
    if isinstance(url, ast.Call) and last_name(url.func) == "Request":
        request = url
        url = _argument(request, 0, ("url",))
        data = data or _argument(request, 1, ("data",))
        method = _argument(request, None, ("method",))
        verb = w.literal_of(method) if method is not None else None
    return (verb or ("POST" if data is not None else "GET")).upper(), url


def _connect(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    if qualified is None:
        return False
    kind = "postgres" if qualified in _POSTGRES else "redis" if _is_redis_factory(qualified) else None
    if kind is None:
        return False
    target = _argument(node, 0, ("dsn", "url", "conninfo", "host") if kind == "postgres" else ("url", "host"))
    if target is None:
        return False
    w.emit(Connect, node, scope=w.scope, kind=kind, target=w.hole(target))
    return True


def _is_redis_factory(qualified: str) -> bool:
    parts = qualified.split(".")
    return parts[0] in ("redis", "aioredis") and parts[-1] in _REDIS_FACTORIES


def constructed(w: Resolver, node: ast.Call) -> Tracked | None:
    """What a constructor call makes, when its methods will matter: a client, environ.Env, a router."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "pipeline":
        receiver = w.tracked_of(func.value)
        return receiver if receiver is not None and receiver.kind == "redis" else None
    qualified = w.qualify(func)
    if qualified is None:
        return None
    if qualified in _HTTP_CLIENTS:
        position = 0 if qualified == "aiohttp.ClientSession" else None
        base = _argument(node, position, ("base_url",))
        return Tracked("http", w.hole(base) if base is not None else None)
    if _is_redis_factory(qualified):
        return _REDIS
    if qualified in _ENV_OBJECTS:
        return Tracked("env")
    keyword = _ROUTERS.get(qualified)
    if keyword is not None:
        prefix = _argument(node, None, (keyword,)) if keyword else None
        return Tracked("router", w.hole(prefix) if prefix is not None else None)
    return None


def redis_by_name(name: str, qualified: str | None) -> Tracked | None:
    """A receiver named like a Redis client is one, unless the name is the redis package itself."""
    if qualified is not None and qualified.split(".")[0] in ("redis", "aioredis"):
        return None
    return _REDIS if _REDIS_NAME.search(name) else None


def _redis_call(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    if method not in _REDIS_COMMANDS or not isinstance(func, ast.Attribute):
        return False
    tracked = w.tracked_of(func.value)
    key = _argument(node, 0, ("name", "key", "keys", "channel"))
    if tracked is None or tracked.kind != "redis" or key is None:
        return False
    w.emit(RedisKey, node, scope=w.scope, command=method, key=w.hole(key))
    return True


def _orm_call(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    positional = _positional(node)
    models: list[str] = []
    if method in _ORM_BUILDERS:
        models = _built_models(w, func, method, qualified, positional)
    elif method == "query" and isinstance(func, ast.Attribute):  # session.query(Model)
        models = [m for arg in positional if (m := _model_of(w, arg, tables=False)) is not None]
    elif method in _JOINS and positional and _on_query(func):  # `select(A).join(B, ...)`, `query(A).outerjoin(B)`
        models = [m for m in (_model_of(w, positional[0], tables=True),) if m is not None]
    elif method == "get" and isinstance(func, ast.Attribute) and len(positional) >= 2:  # session.get(Model, id)
        model = w.qualify(positional[0])
        models = [model] if model is not None and class_like(model.rpartition(".")[2]) else []
    elif method in _MODEL_QUERIES or method == "get":
        models = _class_receiver(w, func)
    operation = "select" if method == "select_from" or method in _JOINS else method
    for model in dict.fromkeys(models):
        w.emit(OrmQuery, node, scope=w.scope, model=model, operation=operation)
    return bool(models)


def _built_models(
    w: Walker, func: ast.expr, method: str, qualified: str | None, positional: list[ast.expr]
) -> list[str]:
    """`select(M, M2.col)` (SQLAlchemy's, or `db.select`), `q.select_from(M)`, `users.select()` on a Table."""
    receiver = last_name(func.value) if isinstance(func, ast.Attribute) else None
    builder = (qualified is not None and qualified.split(".")[0] in _ORM_ROOTS) or receiver in ("db", "sa")
    if positional and (builder or method == "select_from"):
        # SQLAlchemy 1.x takes the columns as one list: `select([users.c.id, func.count()])`
        columns = [e for arg in positional for e in (arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg])]
        return [m for arg in columns if (m := _model_of(w, arg, tables=True)) is not None]
    if positional and method != "select_from":  # Peewee's `Model.select(Model.org_id, fn.COUNT(Model.id))`
        return _class_receiver(w, func)
    if positional or not isinstance(func, ast.Attribute) or method == "select_from":
        return []
    table = w.qualify(func.value)
    own = table is not None and table.startswith(f"{w.module}.")
    return [table] if table is not None and (table in w.table_vars or not own) else []


def _class_receiver(w: Walker, func: ast.expr) -> list[str]:
    """The class a method is called on (`Model.filter`), a model if the linker knows one by that name."""
    if not isinstance(func, ast.Attribute):
        return []
    receiver = w.qualify(func.value)
    return [receiver] if receiver is not None and class_like(receiver.rpartition(".")[2]) else []


def _on_query(func: ast.expr) -> bool:
    """A method of a query a builder or a session started (`",".join(...)`, `os.path.join` are not)."""
    current = func.value if isinstance(func, ast.Attribute) else None
    while isinstance(current, (ast.Call, ast.Attribute)):
        if isinstance(current, ast.Call):
            if last_name(current.func) in _ORM_BUILDERS | {"query"}:
                return True
            current = current.func
        current = current.value if isinstance(current, ast.Attribute) else current
    return False


def _model_of(w: Walker, arg: ast.expr, tables: bool) -> str | None:
    """The model (or Table variable) a query argument names: `User`, `User.id`, `func.count(User.id)`."""
    if isinstance(arg, ast.Call):
        named = [arg.func.value] if isinstance(arg.func, ast.Attribute) else []  # `func.count(M.id).label("n")`
        inners = [*named, *_positional(arg)]
        return next((m for inner in inners if (m := _model_of(w, inner, tables=False)) is not None), None)
    qualified = w.qualify(arg)
    if qualified is None:
        return None
    head, _, last = qualified.rpartition(".")
    if class_like(last):
        return qualified
    if isinstance(arg, ast.Attribute) and class_like(head.rpartition(".")[2]):
        return head
    if not tables:
        return None
    return qualified.split(".c.")[0]  # users.c.id is a column of the Table `users`


def class_like(name: str) -> bool:
    return name[:1].isupper() and not name.isupper()


def manager_query(w: Walker, node: ast.Attribute) -> None:
    """`Model.objects...`, `Model._default_manager`, Flask-SQLAlchemy `Model.query...`."""
    current: ast.expr = node
    applied = None  # the method applied to the manager (`objects.create`): what the query does
    while isinstance(current, ast.Attribute):
        if current.attr in ORM_MANAGERS:
            model = w.qualify(current.value)
            if model is not None and class_like(model.rpartition(".")[2]):
                operation = applied if applied in ORM_WRITES | ORM_DELETES else "query" if current.attr == "query" else "objects"
                w.emit(OrmQuery, current, scope=w.scope, model=model, operation=operation)
                return
        applied = current.attr
        current = current.value


def decorator_routes(w: Walker, expr: ast.expr, view_class: bool = False, handler: str | None = None) -> None:
    """`@app.get("/x")`, `@router.post(...)`, `@app.route("/x", methods=[...])`, `@routes.get("/x")`; on a
    class-based view (`@ns.route("/x") class X(Resource)`), `route` serves whichever verbs its methods do."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and w.qualify(expr.func) in _LITESTAR_HANDLERS:
        _litestar_route(w, expr, expr.func.id, handler)
        return
    if not isinstance(expr, ast.Call) or not isinstance(expr.func, ast.Attribute):
        return
    method = expr.func.attr
    if method not in _ROUTE_DECORATORS:
        return
    path_arg = _argument(expr, 0, ("path", "rule"))
    path = w.literal_of(path_arg) if path_arg is not None else None
    if path is None:
        return
    router = w.tracked_of(expr.func.value)
    prefix = (literal(router.base) if router is not None and router.kind == "router" and router.base else "") or ""
    if not path.startswith("/") and not (prefix and path == ""):
        return
    verbs = ["ANY"] if view_class and method == "route" else _route_methods(w, expr, method)
    for verb in verbs:
        w.emit(Route, expr, scope=w.scope, method=verb, path=_normal_path(prefix + path))


def _litestar_route(w: Walker, expr: ast.Call, decorator: str, handler: str | None) -> None:
    """`@get("/{org_id:str}")` on a function, or on a method of a `Controller` (its route is the handler's own
    unit, under the controller's `path`; a path not written in the class is not guessed)."""
    path_arg = _argument(expr, 0, ("path",))
    path = w.literal_of(path_arg) if path_arg is not None else "/"  # no path: the controller's own
    if path is None:
        return
    if w.nesting == 0:
        scope, prefix = w.scope, ""
    elif w.nesting == 1 and w.controller_path is not None and handler is not None:
        scope, prefix = f"{w.scope}.{handler}", _normal_path(w.controller_path).rstrip("/")
    else:
        return
    verb = "ANY" if decorator == "route" else decorator.upper()
    own = "" if path == "/" and prefix else _normal_path(path)
    w.emit(Route, expr, scope=scope, method=verb, path=prefix + own)


def controller_path(w: Walker, node: ast.ClassDef) -> str | None:
    """The literal `path = "/x"` of a Litestar `Controller` subclass, else None."""
    if not any(w.qualify(base) in _LITESTAR_CONTROLLERS for base in node.bases):
        return None
    for statement in node.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, ast.AnnAssign) else []
        value = getattr(statement, "value", None)
        if value is not None and any(isinstance(t, ast.Name) and t.id == "path" for t in targets):
            return w.literal_of(value)
    return None


def _route_methods(w: Walker, node: ast.Call, method: str) -> list[str]:
    if method in _HTTP_VERBS:
        return [method.upper()]
    methods = _argument(node, None, ("methods",))
    if methods is None:
        return ["GET"]  # Flask's and FastAPI's default
    if not isinstance(methods, (ast.List, ast.Tuple, ast.Set)):
        return ["ANY"]
    verbs = [w.literal_of(unstarred(e)) for e in methods.elts]
    return list(dict.fromkeys(v.upper() if v else "ANY" for v in verbs)) or ["ANY"]


def _route_call(w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None) -> bool:
    """Routes declared by a call: aiohttp `web.get("/x", h)`, `app.router.add_get(...)`, Django `path("x/", v)`."""
    if qualified in _DJANGO_PATHS:
        return _django_route(w, node)
    declared = _declared_route(w, node, func, method, qualified)
    if declared is None:
        return False
    verbs, path_arg = declared
    path = w.literal_of(path_arg) if path_arg is not None else None
    if path is None or not path.startswith("/"):
        return False
    for verb in verbs:
        w.emit(Route, node, scope=w.scope, method=verb, path=path)
    return True


def _declared_route(
    w: Walker, node: ast.Call, func: ast.expr, method: str, qualified: str | None
) -> tuple[list[str], ast.expr | None] | None:
    """(methods, path argument) of a route-declaring call."""
    if method in ("add_api_route", "add_url_rule"):
        return _route_methods(w, node, "route"), _argument(node, 0, ("path", "rule"))
    router_add = isinstance(func, ast.Attribute) and method in _ROUTER_ADDS and last_name(func.value) == "router"
    if qualified not in _AIOHTTP_ROUTES and not router_add:
        return None
    verb = method.removeprefix("add_")
    if verb == "route":  # web.route("GET", "/x", handler)
        positional = _positional(node)
        if len(positional) < 2:
            return None
        return [(w.literal_of(positional[0]) or "ANY").upper()], positional[1]
    return ["ANY" if verb == "view" else verb.upper()], _argument(node, 0, ("path",))


def _django_route(w: Walker, node: ast.Call) -> bool:
    view = _argument(node, 1, ("view",))
    if isinstance(view, ast.Call) and last_name(view.func) == "include":
        return False  # the included urls.py declares the routes, under a prefix we cannot see
    pattern = _argument(node, 0, ("route",))
    text = w.literal_of(pattern) if pattern is not None else None
    if text is None:
        return False
    w.emit(Route, node, scope=w.scope, method="ANY", path="/" + text.removeprefix("^").removesuffix("$").lstrip("/"))
    return True


def _normal_path(path: str) -> str:
    return path if path.startswith("/") else "/" + path


Recogniser = Callable[["Walker", ast.Call, ast.expr, str, "str | None"], bool]
_RECOGNISERS: tuple[Recogniser, ...] = (_env_call, _http_call, _connect, _redis_call, _orm_call, _route_call)
_ENV_NAMES = frozenset(q.rpartition(".")[2] for q in _ENV_FUNCTIONS)
_CONNECT_NAMES = frozenset(q.rpartition(".")[2] for q in _POSTGRES) | _REDIS_FACTORIES
_ROUTE_NAMES = (
    frozenset(q.rpartition(".")[2] for q in (*_AIOHTTP_ROUTES, *_DJANGO_PATHS)) | _ROUTER_ADDS
    | {"add_api_route", "add_url_rule"}
)
_MESSAGE_NAMES = _MESSAGE_METHODS | {q.rpartition(".")[2] for q in _MESSAGE_FUNCTIONS} | {"print"}
# A call named none of these is none of the facts above (the cheap first test in analyse).
_INTERESTING = (
    _MESSAGE_NAMES | _SQL_SINKS | _HTTP_METHODS | _REDIS_COMMANDS | _ENV_NAMES | _ENV_CASTS | _ORM_BUILDERS
    | _MODEL_QUERIES | {"query", "get"} | _JOINS | _ROUTE_NAMES | _CONNECT_NAMES | _IMPORTS
)
