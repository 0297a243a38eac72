"""Calls -> facts: SQL, env reads, HTTP requests, connections, Redis keys, routes.

Method calls are judged by their receiver when we know it holds a handle
(`rdb.Get` on a Redis client is a key, `db.Get` on a DB pool is a query) and
by the shape of their arguments when we don't (`r.Get("/x", h)` is a route).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from molecule_lint.facts import Connect, EnvRead, HttpCall, RedisKey, Route, Sql, Template
from molecule_lint.frontends.go import apis
from molecule_lint.frontends.go.syntax import STRING_LITERALS, dotted, statements, text
from molecule_lint.frontends.go.templates import arguments, has_text, is_sprintf, literal, sprintf, sql_text
from molecule_lint.naming import ENV_NAME, reads_env
from molecule_lint.sql import looks_like_sql

if TYPE_CHECKING:
    from tree_sitter import Node

    from molecule_lint.frontends.go.extract import GoFile


def unwrap_element(node: Node) -> Node:
    """Composite literal keys and values come wrapped in `literal_element`."""
    return node.named_children[0] if node.type == "literal_element" and node.named_child_count else node


class Calls:
    """Classifies each call of a file, with the file's knowledge of names, handles and route groups."""

    def __init__(self, file: GoFile) -> None:
        self.file = file
        self._env_defaults: dict[int, Template] = {}  # start byte of an os.Getenv call -> its fallback

    def visit(self, call: Node) -> None:
        file = self.file
        function, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        if function is None or args is None:
            file.visit_children(call)
            return
        values = arguments(call)
        qualified = file.qualified(function)
        if qualified is not None:
            target = dotted(*qualified)
            file.use(target, function)
            message = self._library_call(call, apis.family(qualified[0]), qualified[1], values)
        else:
            message = self._local_call(call, function, values)
            file.visit(function)
        formats = qualified is not None and is_sprintf(qualified)
        if formats and not file.in_string:
            file.string_root(call, sprintf(values, file))
        restore = self._enter_route_block(function, values)
        file.visit_as(args, in_string=formats, in_message=file.in_message or message)
        restore()

    def _local_call(self, call: Node, function: Node, args: list[Node]) -> bool:
        """Emit the facts of a call not through an import; True when its arguments are a message."""
        if function.type == "identifier":
            name = text(function)
            target = self.file.same_package(name)
            if target is not None:
                self.file.use(target, function)
            self._env_helper(call, name, args)
            return name == "panic"
        operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        member = function.child_by_field_name("field") if operand is not None else None
        if operand is None or member is None:
            return False
        return self._method_call(call, operand, text(member), args)

    def _library_call(self, call: Node, family: str, name: str, args: list[Node]) -> bool:
        if family == "log" or (family, name) in apis.MESSAGE_FUNCTIONS:
            return True
        if family == "os" and name in apis.ENV_FUNCTIONS:
            self._env(call, args)
        elif family == "cmp" and name == "Or" and len(args) >= 2 and self._is_env_call(args[0]):
            fallback = self.file.template(args[1])
            if fallback is not None and has_text(fallback):
                self._env_defaults[args[0].start_byte] = fallback
        elif family == "http" and name in apis.HTTP_FUNCTIONS:
            self._http(call, apis.HTTP_FUNCTIONS[name], args[:1])
        elif family == "http" and name in apis.HTTP_REQUESTS:
            index = apis.HTTP_REQUESTS[name]
            self._http(call, self._method_of(args[index]) if len(args) > index else "ANY", args[index + 1 : index + 2])
        elif family == "http" and name in ("Handle", "HandleFunc"):
            self._route(call, None, args, "")
        elif (family, name) in apis.CONNECTS:
            self._connect(call, (family, name), args)
        else:
            self._env_helper(call, name, args)
        return False

    def _method_call(self, call: Node, receiver: Node, method: str, args: list[Node]) -> bool:
        kind = self.handle_kind(receiver)
        if kind == "redis":
            self._redis(call, method, args)
        elif kind == "http" and method in apis.HTTP_FUNCTIONS:
            self._http(call, apis.HTTP_FUNCTIONS[method], args[:1])
        elif method in apis.SQL_METHODS and kind in ("sql", None):
            self._sql(method, args, trusted=kind == "sql")
        if kind is not None:
            return False
        # An unknown receiver: chi's r.Get("/x", h) is a route, whatever SQL_METHODS says.
        self._route(call, method, args, self._prefix_of(receiver))
        self._env_helper(call, method, args)
        return method in apis.MESSAGE_METHODS

    # -- handles ------------------------------------------------------------------

    def handle_kind(self, node: Node) -> str | None:
        """The kind of handle an expression holds: "sql", "redis", "http" or None."""
        file = self.file
        if node.type == "identifier":
            name = text(node)
            local = file.unit.handles.get(name)
            return local if local or name in file.unit.bound else file.package_handles.get(name)
        if node.type == "selector_expression":
            qualified = file.qualified(node)
            if qualified is not None:
                return apis.HANDLE_VALUES.get((apis.family(qualified[0]), qualified[1]))
            member = node.child_by_field_name("field")
            return file.package_handles.get(text(member)) if member is not None else None
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self.handle_kind(node.named_children[0])
        return None

    def handle_of(self, value: Node | None) -> str | None:
        """The kind of handle a value creates or copies: `redis.NewClient(...)`, `&http.Client{}`, `db.Begin()`."""
        if value is None:
            return None
        if value.type == "unary_expression" and value.child_by_field_name("operand") is not None:
            value = value.child_by_field_name("operand") or value
        if value.type == "composite_literal":
            return apis.HANDLE_TYPES.get(self.file.qualified_type(value.child_by_field_name("type")) or ("", ""))
        if value.type != "call_expression":
            return self.handle_kind(value)
        function = value.child_by_field_name("function")
        if function is None or function.type != "selector_expression":
            return None
        qualified = self.file.qualified(function)
        if qualified is not None:
            return apis.HANDLE_CONSTRUCTORS.get((apis.family(qualified[0]), qualified[1]))
        operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
        kind = self.handle_kind(operand) if operand is not None else None
        if kind is not None and member is not None and text(member) in apis.DERIVED_HANDLES.get(kind, ()):
            return kind
        return None

    # -- SQL ------------------------------------------------------------------------

    def _sql(self, method: str, args: list[Node], trusted: bool) -> None:
        """A query method: its query is the first SQL-looking argument after the context (and sqlx's dest).

        On a receiver we don't know to be a DB handle, a query is taken only when it
        looks like SQL, or for a Query*/Exec* method, when it names a constant.
        """
        candidates = _after_context(args)[1 if method in apis.SQL_DEST_FIRST else 0 :]
        file = self.file
        chosen: tuple[Node, Template] | None = None
        for arg in candidates:
            template = file.template(arg)
            if template is not None and looks_like_sql(sql_text(template)):
                chosen = (arg, template)
                break
        if chosen is None and candidates:
            template = file.template(candidates[0])
            named = template is not None and any(not isinstance(p, str) and p.name for p in template)
            if template is not None and has_text(template) and (trusted or (named and method not in _WEAK_SQL)):
                chosen = (candidates[0], template)
        if chosen is not None:
            arg, template = chosen
            file.consume(file.string_roots(arg))
            file.emit(Sql(file.location(arg), file.unit.scope, template, method))

    # -- environment ----------------------------------------------------------------

    def _env(self, call: Node, args: list[Node]) -> None:
        name = self.file.template(args[0]) if args else None
        if name is not None and has_text(name):
            default = self._env_defaults.get(call.start_byte)
            self.file.emit(EnvRead(self.file.location(call), self.file.unit.scope, name, default))

    def _env_helper(self, call: Node, name: str, args: list[Node]) -> None:
        """`getenv("TENANT_DATABASE_URL", "postgres://...")`: a project's own env helper."""
        if not args or args[0].type not in STRING_LITERALS or not reads_env(name):
            return
        var = literal(self.file.template(args[0]) or ())
        if not var or not ENV_NAME.match(var):
            return
        default = self.file.template(args[1]) if len(args) > 1 else None
        default = default if default is not None and has_text(default) else None
        self.file.emit(EnvRead(self.file.location(call), self.file.unit.scope, (var,), default))

    def _is_env_call(self, node: Node) -> bool:
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        qualified = self.file.qualified(function) if function is not None else None
        return qualified is not None and apis.family(qualified[0]) == "os" and qualified[1] in apis.ENV_FUNCTIONS

    def note_env_default(self, statement: Node, lefts: list[Node], rights: list[Node]) -> None:
        """`v := os.Getenv("X"); if v == "" { v = "fallback" }`: the fallback is the env read's default."""
        if not lefts or not rights or lefts[0].type != "identifier" or not self._is_env_call(rights[0]):
            return
        name = text(lefts[0])
        follower = statement.next_named_sibling
        while follower is not None and follower.type == "comment":
            follower = follower.next_named_sibling
        if follower is None or follower.type != "if_statement":
            return
        condition = follower.child_by_field_name("condition")
        if condition is None or " ".join(text(condition).split()) not in (f'{name} == ""', f'"" == {name}'):
            return
        body = statements(follower.child_by_field_name("consequence"))
        if len(body) != 1 or body[0].type != "assignment_statement":
            return
        left, right = body[0].child_by_field_name("left"), body[0].child_by_field_name("right")
        if left is None or right is None or text(left) != name or right.named_child_count != 1:
            return
        fallback = self.file.template(right.named_children[0])
        if fallback is not None and has_text(fallback):
            self._env_defaults[rights[0].start_byte] = fallback

    # -- HTTP, connections, Redis ---------------------------------------------------------

    def _http(self, call: Node, method: str, url_args: list[Node]) -> None:
        url = self.file.template(url_args[0]) if url_args else None
        if url is not None and has_text(url):
            self.file.emit(HttpCall(self.file.location(call), self.file.unit.scope, method, url))

    def _method_of(self, node: Node) -> str:
        """A literal `"GET"` or `http.MethodGet` -> "GET"; anything else "ANY"."""
        qualified = self.file.qualified(node)
        if qualified is not None and qualified[1].startswith("Method"):
            return qualified[1].removeprefix("Method").upper()
        value = literal(self.file.template(node) or ())
        return value.upper() if value and value.isalpha() else "ANY"

    def _connect(self, call: Node, api: tuple[str, str], args: list[Node]) -> None:
        kind, where = apis.CONNECTS[api]
        target: Node | None
        if where == "driver":
            driver = literal(self.file.template(args[0]) or ()) if args else None
            target = args[1] if driver in apis.POSTGRES_DRIVERS and len(args) > 1 else None
        elif where == "options":
            target = _redis_address(args[0]) if args else None
        else:
            rest = _after_context(args)
            target = rest[0] if rest else None
        template = self.file.template(target)
        if template is not None and has_text(template):
            self.file.emit(Connect(self.file.location(call), self.file.unit.scope, kind, template))

    def _redis(self, call: Node, method: str, args: list[Node]) -> None:
        command = method.lower()
        if command not in apis.REDIS_COMMANDS:
            return
        rest = _after_context(args)[1 if command in apis.REDIS_PATTERN_AFTER_CURSOR else 0 :]
        key = self.file.template(rest[0]) if rest else None
        if key is not None and has_text(key):
            self.file.emit(RedisKey(self.file.location(call), self.file.unit.scope, command, key))

    # -- routes ---------------------------------------------------------------------

    def _route(self, call: Node, method: str | None, args: list[Node], prefix: str) -> None:
        """gin/echo `r.GET(path, h)`, chi `r.Get(path, h)`, `r.Method("GET", path, h)`, net/http patterns.

        ``method`` None is net/http's `HandleFunc(pattern, h)`.
        """
        shape = _route_shape(method, args)
        if shape is None:
            return
        verb, index = shape
        path = literal(self.file.template(args[index]) or ())
        if path is None:
            return
        if verb is None:  # "GET /x", "example.com/x", "/x" (Go 1.22 patterns); gorilla's .Methods("GET")
            verb, path = _pattern(path)
            verb = verb or self._gorilla_method(call) or "ANY"
        elif verb == "":
            verb = self._method_of(args[0])
        if not path.startswith("/"):
            return
        file = self.file
        file.emit(Route(file.location(call), file.unit.scope, verb, _join(prefix, path)))
        for handler in args[index + 1 :]:
            target = file.same_package(text(handler)) if handler.type == "identifier" else None
            if target is not None:
                file.use(target, handler)

    def _gorilla_method(self, call: Node) -> str | None:
        parent = call.parent
        outer = parent.parent if parent is not None else None
        member = (
            parent.child_by_field_name("field") if parent is not None and parent.type == "selector_expression" else None
        )
        if member is None or text(member) != "Methods" or outer is None or outer.type != "call_expression":
            return None
        values = arguments(outer)
        return self._method_of(values[0]) if values else None

    def _prefix_of(self, receiver: Node) -> str:
        return self.file.unit.prefixes.get(text(receiver), "") if receiver.type == "identifier" else ""

    def route_prefix(self, value: Node) -> str | None:
        """`v1 := r.Group("/v1")` (gin, echo), `r.PathPrefix("/api").Subrouter()` (gorilla)."""
        if value.type != "call_expression":
            return None
        function = value.child_by_field_name("function")
        if function is None or function.type != "selector_expression":
            return None
        operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
        if operand is None or member is None:
            return None
        name = text(member)
        if name in ("Subrouter", "With"):
            return self.route_prefix(operand) if operand.type == "call_expression" else self._prefix_of(operand)
        args = arguments(value)
        path = literal(self.file.template(args[0]) or ()) if args and name in apis.ROUTE_GROUPS else None
        return _join(self._prefix_of(operand), path) if path and path.startswith("/") else None

    def _enter_route_block(self, function: Node, args: list[Node]) -> Callable[[], None]:
        """chi `r.Route("/orgs", func(r chi.Router) {...})`: inside, `r` routes under /orgs."""
        if len(args) != 2 or args[1].type != "func_literal" or function.type != "selector_expression":
            return _nothing
        member, operand = function.child_by_field_name("field"), function.child_by_field_name("operand")
        if member is None or operand is None or text(member) != "Route":
            return _nothing
        params = args[1].child_by_field_name("parameters")
        path = literal(self.file.template(args[0]) or ())
        names = [n for p in (params.named_children if params else ()) for n in p.children_by_field_name("name")]
        if not names or not path:
            return _nothing
        prefixes = self.file.unit.prefixes
        router, saved = text(names[0]), prefixes.get(text(names[0]))
        prefixes[router] = _join(self._prefix_of(operand), path)

        def restore() -> None:
            if saved is None:
                prefixes.pop(router, None)
            else:
                prefixes[router] = saved

        return restore


_NOT_HANDLERS = STRING_LITERALS | {"unary_expression", "nil", "composite_literal", "int_literal"}
_METHOD_ARGS = STRING_LITERALS | {"selector_expression"}  # "GET" or http.MethodGet
_WEAK_SQL = frozenset({"Get", "GetContext", "Select", "SelectContext", "Raw"})  # common names on non-DB types


def _nothing() -> None:
    return None


def _after_context(args: list[Node]) -> list[Node]:
    return args[1:] if args and _is_context(args[0]) else args


def _is_context(node: Node) -> bool:
    if node.type == "identifier":
        name = text(node).lower()
        return "ctx" in name or name in ("c", "context")
    function = node.child_by_field_name("function") if node.type == "call_expression" else None
    member = (
        function.child_by_field_name("field")
        if function is not None and function.type == "selector_expression"
        else None
    )
    return member is not None and text(member) in apis.CONTEXT_METHODS


def _redis_address(options: Node) -> Node | None:
    """Addr (or the first of Addrs) of `&redis.Options{Addr: ...}`."""
    if options.type == "unary_expression":
        options = options.child_by_field_name("operand") or options
    body = options.child_by_field_name("body") if options.type == "composite_literal" else None
    for element in body.named_children if body is not None else ():
        key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
        if key is None or value is None or text(unwrap_element(key)) not in apis.REDIS_ADDRESS_FIELDS:
            continue
        value = unwrap_element(value)
        if value.type != "composite_literal":
            return value
        items = value.child_by_field_name("body")
        return unwrap_element(items.named_children[0]) if items is not None and items.named_child_count else None
    return None


def _route_shape(method: str | None, args: list[Node]) -> tuple[str | None, int] | None:
    """(verb, index of the path argument): verb None = from a pattern, "" = from args[0]."""
    if len(args) < 2 or args[-1].type in _NOT_HANDLERS:  # api.Get("/x", &out) is a client, not a router
        return None
    if method is None:
        return (None, 0) if len(args) == 2 else None
    if len(args) >= 2 and method in apis.ROUTE_UPPER:
        return method, 0
    if len(args) >= 2 and method in apis.ROUTE_TITLE:
        return method.upper(), 0
    if len(args) == 3 and method in apis.ROUTE_WITH_METHOD and args[0].type in _METHOD_ARGS:
        return "", 1
    if len(args) == 2 and method in apis.ROUTE_ANY:
        return (None, 0) if method in ("Handle", "HandleFunc") else ("ANY", 0)
    return None


def _pattern(pattern: str) -> tuple[str | None, str]:
    """A net/http pattern: "GET example.com/x/{id}" -> ("GET", "/x/{id}")."""
    method, _, rest = pattern.partition(" ") if " " in pattern.strip() else ("", "", pattern)
    rest = rest.strip()
    if not rest.startswith("/") and "/" in rest:
        rest = rest[rest.index("/") :]
    return (method.upper() or None), rest.replace("{$}", "")


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    tail = path.strip("/")
    return prefix.rstrip("/") + ("/" + tail if tail else "") or "/"
