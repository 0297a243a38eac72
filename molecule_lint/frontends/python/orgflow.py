"""Org-id flow inside each Python function, for MOL302 (facts.OrgSource, ParamFlow, ArgFlow).

Per function: where a value of the request being served enters (a header, a path or query parameter,
a body field, a FastAPI `Header()`/`Depends()` parameter), and where the data of a parameter or of
such a value reaches a choice of data store, schema or identity (a connection's target, an env var's
name, a table/schema/search_path position in SQL, a lookup in a mapping of DSNs or in a library's
registry of connections, the org a data-access object is made for), is returned, or is passed to
another function. The check links these summaries across functions and modules.

It runs after the walker, over top-level functions and the methods of top-level classes, naming
things through the walker's module table, and reads the walker's facts for what a call is (a
connection, an env read, a route). A name holds the origins of the value last assigned to it, in
statement order; both branches of an `if` are walked in turn, so the later assignment wins. That
loses some flows and invents none: the side a pre-commit hook must err on.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import translate
from functools import cache
from typing import TYPE_CHECKING, Any

from molecule_lint.config import builtin_models
from molecule_lint.facts import ArgFlow, Connect, EnvRead, OrgSource, ParamFlow, Ref, Route, Template
from molecule_lint.frontends.flow import (
    binds_store_setting,
    makes_org_identity,
    marker,
    names_store,
    passes_on,
    sql_store_markers,
)
from molecule_lint.frontends.python import calls
from molecule_lint.frontends.python.names import (
    Argument,
    arguments,
    dotted,
    imported_names,
    join,
    last_name,
    unstarred,
)
from molecule_lint.frontends.python.templates import brace_format, merge, percent_format, string_value
from molecule_lint.naming import mentions_org
from molecule_lint.sql import SQL_COMPOSABLES

if TYPE_CHECKING:
    from molecule_lint.frontends.python.walker import Pending, Walker

Origins = frozenset[str]
_NONE: Origins = frozenset()

# What a part of a request holds: `request.headers[...]` is a header, `request.path_params[...]` a path parameter.
# Not `request.state`, `request.user` or `request.session`: a middleware may fill them from MOLECULE_ORG_ID.
_REQUEST_PARTS = {
    "headers": "header", "META": "header", "cookies": "cookie", "COOKIES": "cookie", "args": "query",
    "query_params": "query", "GET": "query", "query": "query", "path_params": "path", "match_info": "path",
    "view_args": "path", "json": "body", "form": "body", "POST": "body", "data": "body",
}  # fmt: skip
_BODY_READERS = frozenset({"json", "get_json", "form", "body", "post", "get_data"})  # `await request.json()`
_LOOKUPS = frozenset({"get", "getlist", "getone", "getall", "get_all"})
_REQUEST_TYPES = frozenset(
    {"Request", "HttpRequest", "WSGIRequest", "ASGIRequest", "WebSocket", "HTTPConnection", "BaseRequest"}
)
# FastAPI parameter declarations: what part of the request the parameter is read from.
_FASTAPI_PARAMS = {"Header": "header", "Query": "query", "Path": "path", "Cookie": "cookie", "Body": "body",
                   "Form": "body"}  # fmt: skip
_DEPENDS = frozenset({"Depends", "Security"})
# Arguments of a connection call that pick the store or the identity; others (`application_name=`) only label it.
_SELECTORS = frozenset(
    {"dsn", "url", "conninfo", "host", "dbname", "database", "db", "user", "username", "options", "connect_args",
     "search_path", "schema", "address", "unix_socket"}
)  # fmt: skip
_SCHEMA_KEYWORDS = frozenset({"schema_translate_map", "search_path"})
_EQUALITIES = (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)
_SCHEMA_OWNERS = frozenset({"MetaData", "Table", "declarative_base", "registry", "execution_options"})


@dataclass(frozen=True, slots=True)
class _Known:
    """Nodes the walker recognised: what they are is settled there, not guessed again here."""

    connects: frozenset[int]
    env_reads: frozenset[int]
    routes: dict[int, str]  # id(route decorator) -> the route's path


def flows(w: Walker, pending: list[Pending]) -> list[Pending]:
    """The flow facts of every top-level function and method of the file the walker has walked."""
    known = _known(pending)
    out: list[Pending] = []
    for stmt in w.tree.body:
        if isinstance(stmt, _FUNCTIONS):
            _Function(w, known, out, stmt, stmt.name, None).run()
        elif isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, _FUNCTIONS):
                    _Function(w, known, out, item, stmt.name, stmt.name).run()
    return out


def _known(pending: list[Pending]) -> _Known:
    connects: set[int] = set()
    env_reads: set[int] = set()
    routes: dict[int, str] = {}
    for kind, node, fields in pending:
        if kind is Connect:
            connects.add(id(node))
        elif kind is EnvRead:
            env_reads.add(id(node))
        elif kind is Route:
            routes[id(node)] = fields["path"]
    return _Known(frozenset(connects), frozenset(env_reads), routes)


class _Function:
    """One function's walk: the origins each local holds, and the facts found on the way."""

    def __init__(
        self, w: Walker, known: _Known, out: list[Pending], node: _Def, scope: str, owner: str | None
    ) -> None:
        self.w, self.known, self.out, self.node, self.scope, self.owner = w, known, out, node, scope, owner
        name = node.name
        self.function = join(w.module, f"{owner}.{name}" if owner else name)
        self.origins: dict[str, Origins] = {}
        self.containers: dict[str, str] = {}  # local -> the part of a request it holds ("request", "header"...)
        self.locals: set[str] = set()
        self.imported: dict[str, str] = {}  # function-local imports: alias -> qualified name
        self.positions: dict[str, int | None] = {}  # parameter -> its index as callers pass it
        self.sources: dict[str, tuple[ast.AST, str, str]] = {}  # origin -> (node, kind, name)
        self.counter = itertools.count(1)
        self.done: set[tuple[Any, ...]] = set()  # facts already out
        self._stringy: dict[int, bool] = {}

    def run(self) -> None:
        self.parameters()
        self.suite(self.node.body)

    # -- parameters -----------------------------------------------------------------

    def parameters(self) -> None:
        params = self.node.args
        positional = [*params.posonlyargs, *params.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(params.defaults)) + list(params.defaults)
        if self.owner is not None and positional and not self._decorated("staticmethod"):
            positional, defaults = positional[1:], defaults[1:]  # self / cls: callers do not pass it
        route = next((p for d in self.node.decorator_list if (p := self.known.routes.get(id(d)))), None)
        for index, (param, default) in enumerate(zip(positional, defaults)):
            self.parameter(param, default, index, route)
        for param, default in zip(params.kwonlyargs, params.kw_defaults):
            self.parameter(param, default, None, route)

    def parameter(self, param: ast.arg, default: ast.expr | None, position: int | None, route: str | None) -> None:
        name = param.arg
        self.locals.add(name)
        self.positions[name] = position
        self.origins[name] = frozenset({name})
        annotation = param.annotation
        declared = self._declared(default, annotation)
        if declared is not None:
            if declared != ("return", ""):  # a dependency we cannot name holds nothing we know of
                self.sources[name] = (param, declared[0], declared[1] or name)
        elif _is_request(name, annotation):
            self.containers[name] = "request"
        elif route is not None:  # a route handler's other parameters are read from the request
            if annotation is not None and _is_model(annotation):
                self.containers[name] = "body"
            else:
                kind = "path" if f"{{{name}}}" in route or f"{{{name}:" in route else "query"
                self.sources[name] = (param, kind, name)

    def _declared(self, default: ast.expr | None, annotation: ast.expr | None) -> tuple[str, str] | None:
        """(kind, name) of a FastAPI `Header()`/`Query()`/... or `Depends(fn)` parameter (default or `Annotated`)."""
        candidates = [default] if default is not None else []
        if isinstance(annotation, ast.Subscript) and last_name(annotation.value) == "Annotated":
            candidates += [element for element in _subscripts(annotation)[1:] if not isinstance(element, ast.Slice)]
        for candidate in candidates:
            if not isinstance(candidate, ast.Call):
                continue
            qualified = self.w.qualify(candidate.func) or ""
            head, _, declared = qualified.rpartition(".")
            if not head.startswith("fastapi"):
                continue
            if declared in _FASTAPI_PARAMS:
                alias = _keyword(candidate, "alias") or _keyword(candidate, "validation_alias")
                return _FASTAPI_PARAMS[declared], (self.w.literal_of(alias) if alias is not None else None) or ""
            if declared in _DEPENDS:
                first = calls.first_argument(candidate)
                getter = self.w.qualify(first.value) if first is not None else None
                return "return", getter or ""
        return None

    def _decorated(self, name: str) -> bool:
        return any(last_name(d) == name for d in self.node.decorator_list)

    # -- statements -----------------------------------------------------------------

    def suite(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            handler = _STATEMENTS.get(type(stmt))
            if handler is not None:
                handler(self, stmt)

    def assign(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        if stmt.value is None:
            return
        origins = self.value(stmt.value)
        container = self.container(stmt.value)
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        for target in targets:
            self.bind(target, origins, container)

    def augassign(self, stmt: ast.AugAssign) -> None:
        origins = self.value(stmt.value)
        if isinstance(stmt.target, ast.Name) and stmt.target.id in self.locals:
            name = stmt.target.id
            self.origins[name] = self.origins.get(name, _NONE) | origins

    def expression_statement(self, stmt: ast.Expr) -> None:
        self.value(stmt.value)

    def return_statement(self, stmt: ast.Return) -> None:
        if stmt.value is None:
            return
        returned = [origin for origin in sorted(self.value(stmt.value)) if origin in self.sources]
        for origin in returned:  # a getter of the request's org: its callers take it as a source
            self.flow(ParamFlow, stmt, origin, sink_kind="return", sink_note="returned")

    def assert_statement(self, stmt: ast.Assert) -> None:
        self.value(stmt.test)
        self.guard(stmt.test)

    def if_statement(self, stmt: ast.If) -> None:
        self.value(stmt.test)
        self.guard(stmt.test)
        self.suite(stmt.body)
        self.suite(stmt.orelse)

    def while_statement(self, stmt: ast.While) -> None:
        self.value(stmt.test)
        self.suite(stmt.body)
        self.suite(stmt.orelse)

    def for_statement(self, stmt: ast.For | ast.AsyncFor) -> None:
        self.bind(stmt.target, self.value(stmt.iter), None)
        self.suite(stmt.body)
        self.suite(stmt.orelse)

    def with_statement(self, stmt: ast.With | ast.AsyncWith) -> None:
        for item in stmt.items:
            origins = self.value(item.context_expr)
            if item.optional_vars is not None:
                self.bind(item.optional_vars, origins, self.container(item.context_expr))
        self.suite(stmt.body)

    def try_statement(self, stmt: ast.Try | ast.TryStar) -> None:
        self.suite(stmt.body)
        for handler in stmt.handlers:
            self.suite(handler.body)
        self.suite(stmt.orelse)
        self.suite(stmt.finalbody)

    def match_statement(self, stmt: ast.Match) -> None:
        self.value(stmt.subject)
        for case in stmt.cases:
            self.suite(case.body)

    def nested_function(self, stmt: _Def) -> None:
        """A closure sees the function's locals; its own parameters hold nothing we know of."""
        params = stmt.args
        for param in (*params.posonlyargs, *params.args, *params.kwonlyargs):
            self.bind_name(param.arg, _NONE, None)
        self.suite(stmt.body)

    def local_import(self, stmt: ast.Import | ast.ImportFrom) -> None:
        for imported in imported_names(stmt, self.w.package):
            if imported.name != "*":
                self.imported[imported.alias] = imported.qualified

    def bind(self, target: ast.expr, origins: Origins, container: str | None) -> None:
        if isinstance(target, ast.Name):
            self.bind_name(target.id, origins, container)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind(unstarred(element), origins, None)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, origins, None)

    def bind_name(self, name: str, origins: Origins, container: str | None) -> None:
        self.locals.add(name)
        self.imported.pop(name, None)
        self.origins[name] = origins
        if container is None:
            self.containers.pop(name, None)
        else:
            self.containers[name] = container

    def guard(self, test: ast.expr) -> None:
        """`if org_id != settings.org_id: raise ...`: past an equality check with a value of its own, a name
        holds that value, not whatever the request said."""
        if isinstance(test, ast.BoolOp):
            for value in test.values:
                self.guard(value)
        elif isinstance(test, ast.UnaryOp):
            self.guard(test.operand)
        elif isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _EQUALITIES:
            comparator = test.comparators[0]
            for checked, other in ((test.left, comparator), (comparator, test.left)):
                if isinstance(checked, ast.Name) and checked.id in self.locals and not self.carries(other):
                    self.origins[checked.id] = _NONE

    def carries(self, node: ast.AST) -> bool:
        """Whether an expression may hold a tracked value, without evaluating it again."""
        if isinstance(node, ast.Name):
            return bool(self.origins.get(node.id)) or self.container(node) is not None
        if isinstance(node, (ast.Attribute, ast.keyword)):  # not the attribute's or the keyword's own name
            return self.carries(node.value)
        return any(self.carries(child) for child in ast.iter_child_nodes(node))

    # -- expressions ----------------------------------------------------------------

    def value(self, node: ast.expr) -> Origins:
        """The origins whose data ``node``'s value carries; sinks and calls inside it become facts."""
        source = self.source(node)
        if source is not None:
            return source
        handler = _VALUES.get(type(node))
        if handler is not None:
            return handler(self, node)
        return self.union(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))

    def union(self, nodes: Iterable[ast.expr]) -> Origins:
        out = _NONE
        for node in nodes:
            out |= self.value(node)
        return out

    def name(self, node: ast.Name) -> Origins:
        return self.origins.get(node.id, _NONE)

    def attribute(self, node: ast.Attribute) -> Origins:
        return self.value(node.value)

    def subscript(self, node: ast.Subscript) -> Origins:
        indexes = _subscripts(node)
        index = self.union(e for e in indexes if not isinstance(e, ast.Slice))
        if id(node) in self.known.env_reads:  # os.environ[f"{org}_DATABASE_URL"]
            if index:
                self.sink("env", node, index, f"env var name `{_code(self.w, indexes[0])}`")
            return _NONE
        base = self.value(node.value)
        holder = last_name(node.value)
        if index and _chooses_store(self.w.qualify(node.value)):
            self.sink("connect", node, index, f"connection `{_code(self.w, node)}`")
            return _NONE
        if index and holder is not None and names_store(holder):
            self.sink("lookup", node, index, f"lookup `{_code(self.w, node)}`")
            return _NONE  # the store it picked is reported here, not again where it is used
        return base | index

    def comparison(self, node: ast.Compare) -> Origins:
        self.value(node.left)
        for comparator in node.comparators:
            self.value(comparator)
        return _NONE  # a yes or a no does not carry the org id

    def if_expression(self, node: ast.IfExp) -> Origins:
        self.value(node.test)
        return self.value(node.body) | self.value(node.orelse)

    def named(self, node: ast.NamedExpr) -> Origins:
        origins = self.value(node.value)
        self.bind(node.target, origins, self.container(node.value))
        return origins

    def comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) -> Origins:
        for clause in node.generators:
            self.bind(clause.target, self.value(clause.iter), None)
            for condition in clause.ifs:
                self.value(condition)
        if isinstance(node, ast.DictComp):
            return self.value(node.key) | self.value(node.value)
        return self.value(node.elt)

    def elements(self, node: ast.Tuple | ast.List | ast.Set) -> Origins:
        return self.union(unstarred(element) for element in node.elts)

    def mapping(self, node: ast.Dict) -> Origins:
        out = _NONE
        for key, value in zip(node.keys, node.values):
            if key is not None:
                out |= self.value(key)
            out |= self.value(value)
        return out

    def awaited(self, node: ast.Await) -> Origins:
        return self.value(node.value)

    def unary(self, node: ast.UnaryOp) -> Origins:
        return self.value(node.operand)

    def boolean(self, node: ast.BoolOp) -> Origins:
        return self.union(node.values)

    def yielded(self, node: ast.Yield) -> Origins:
        return self.value(node.value) if node.value is not None else _NONE

    def skip(self, node: ast.expr) -> Origins:
        return _NONE

    def constant(self, node: ast.Constant) -> Origins:
        return self.string(node) if isinstance(node.value, (str, bytes)) else _NONE

    def string(self, node: ast.expr) -> Origins:
        """A string built from values: their origins; SQL whose table, schema or role one of them names is a sink."""
        marks: list[Origins] = []
        template = self.template(node, marks)
        if template is None:
            return self.union(child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr))
        origins = _NONE.union(*marks)
        if not origins:
            return _NONE
        chosen, text = sql_store_markers(template)
        if chosen:
            self.sink("sql", node, _NONE.union(*(marks[i] for i in chosen)), f"SQL `{text}`")
            return _NONE
        return origins

    def template(self, node: ast.expr, marks: list[Origins]) -> Template | None:
        """A string expression's text, each value in it a marker Ref (its origins appended to ``marks``), else None."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
            return (string_value(node.value),)
        if isinstance(node, ast.JoinedStr):
            parts: list[str | Ref] = []
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    parts.extend(self.hole(part.value, marks))
                elif isinstance(part, ast.Constant) and isinstance(part.value, str):
                    parts.append(part.value)
            return merge(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if not (self.stringy(node.left) or self.stringy(node.right)):
                return None
            return merge((*self.hole(node.left, marks), *self.hole(node.right, marks)))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and self.stringy(node.left):
            fmt = self.hole(node.left, marks)
            values = node.right
            if isinstance(values, ast.Tuple):
                return percent_format(fmt, [self.hole(unstarred(e), marks) for e in values.elts], {})
            return percent_format(fmt, [self.hole(values, marks)], {})
        if isinstance(node, ast.Call) and _is_format(node, self.stringy):
            assert isinstance(node.func, ast.Attribute)
            fmt = self.hole(node.func.value, marks)
            given = arguments(node)
            args = [self.hole(a.value, marks) for a in given if a.keyword is None and not a.star]
            keywords = {a.keyword: self.hole(a.value, marks) for a in given if a.keyword is not None}
            return brace_format(fmt, args, keywords)
        if isinstance(node, ast.Call) and self.composes_sql(node):  # `sql.Identifier("s", f"org_{org}")` is s.org_...
            dotted: list[str | Ref] = []
            for arg in arguments(node):
                if arg.keyword is None and not arg.star:
                    dotted += (".", *self.hole(arg.value, marks)) if dotted else self.hole(arg.value, marks)
            return merge(dotted)
        return None

    def stringy(self, node: ast.expr) -> bool:
        """Memoized: every level of a `a + b + ...` chain asks about the operands below it."""
        found = self._stringy.get(id(node))
        if found is None:
            found = self._stringy[id(node)] = _stringy(node, self.stringy) or self.composes_sql(node)
        return found

    def composes_sql(self, node: ast.expr) -> bool:
        """psycopg's `sql.SQL(...)`, `sql.Identifier(...)`: they compose the text of a statement."""
        return isinstance(node, ast.Call) and self.w.qualify(node.func) in SQL_COMPOSABLES

    def hole(self, node: ast.expr, marks: list[Origins]) -> Template:
        template = self.template(node, marks) if self.stringy(node) else None
        if template is not None:
            return template
        origins = self.value(node)
        if not origins:
            return (Ref(None),)
        marks.append(origins)
        return (marker(len(marks) - 1),)

    # -- calls ----------------------------------------------------------------------

    def call(self, node: ast.Call) -> Origins:
        if _is_format(node, self.stringy):
            return self.string(node)
        args = [(arg, self.value(arg.value)) for arg in arguments(node)]
        if id(node) in self.known.env_reads:
            name = self._argument_origins(args, {0}, {"key", "var"})
            if name:
                self.sink("env", node, name, f"env var name `{_code(self.w, args[0][0].value)}`")
            return _NONE  # an env var is deployment config, never the request's
        if id(node) in self.known.connects:
            chosen = self._argument_origins(args, {0}, _SELECTORS)
            if chosen:
                self.sink("connect", node, chosen, f"connection `{_code(self.w, node.func)}(...)`")
            return _NONE
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "get" and names_store(last_name(func.value) or ""):
            chosen = self._argument_origins(args, {0}, ())
            if chosen:  # ENGINES.get(org_id)
                self.sink("lookup", node, chosen, f"lookup `{_code(self.w, node)}`")
                return _NONE
        args = self._identity(node, args)
        schema_keywords = _SCHEMA_KEYWORDS | ({"schema"} if last_name(func) in _SCHEMA_OWNERS else set())
        schema = self._argument_origins(args, set(), schema_keywords)
        if schema:
            self.sink("schema", node, schema, f"schema in `{_code(self.w, func)}(...)`")
        self._bound_setting(node, args)
        # The callee is an expression too: `sessionmaker(bind=engine_for(org))()` calls what a call made.
        receiver = self.value(func.value if isinstance(func, ast.Attribute) else func)
        callee = self.callee(func)
        if callee is not None:
            self.pass_on(node, callee, args)
        result = receiver.union(*(origins for _, origins in args))
        if callee is not None and mentions_org(callee.rpartition(".")[2]):  # `current_org(request)`
            result |= self.new_source(node, "return", callee)
        return result

    def _identity(self, node: ast.Call, args: list[tuple[Argument, Origins]]) -> list[tuple[Argument, Origins]]:
        """`MemoryStore(conn, org_id=org)`: the org a data-access object is made to act as is an identity it
        takes (reported here, not again where the object is used)."""
        type_name = last_name(node.func) or ""
        if not type_name[:1].isupper():
            return args
        kept: list[tuple[Argument, Origins]] = []
        for arg, origins in args:
            if arg.keyword is not None and origins and makes_org_identity(type_name, arg.keyword):
                self.sink("identity", node, origins, f"identity `{type_name}({arg.keyword}=...)`")
            else:
                kept.append((arg, origins))
        return kept

    def _argument_origins(
        self, args: list[tuple[Argument, Origins]], positions: set[int], keywords: Iterable[str]
    ) -> Origins:
        """Origins of the arguments at ``positions`` or named by ``keywords``; a dict argument by its keys."""
        keywords = frozenset(keywords)
        out = _NONE
        index = 0
        for arg, origins in args:
            if arg.keyword is None and not arg.star:
                if index in positions:
                    out |= origins
                index += 1
            elif arg.keyword is not None and arg.keyword in keywords:
                out |= self._selected(arg.value, keywords) if isinstance(arg.value, ast.Dict) else origins
        return out

    def _selected(self, mapping: ast.Dict, keywords: frozenset[str]) -> Origins:
        """`connect_args={"options": f"-csearch_path={org}"}`: the entries that pick, not `application_name`."""
        out = _NONE
        for key, value in zip(mapping.keys, mapping.values):
            if key is not None and self.w.literal_of(key) in keywords:
                out |= self.value(value)
        return out

    def _bound_setting(self, node: ast.Call, args: list[tuple[Argument, Origins]]) -> None:
        """`execute("SELECT set_config('search_path', %s, false)", (schema,))`: a bound parameter that sets it."""
        if not args or args[0][0].keyword is not None:
            return
        text = self.w.literal_of(args[0][0].value)
        bound = _NONE.union(*(origins for _, origins in args[1:]))
        if text and bound and binds_store_setting(text):
            self.sink("sql", node, bound, f"SQL `{' '.join(text.split())[:60]}`")

    def callee(self, func: ast.expr) -> str | None:
        """The qualified name of a function the code calls, when it can be one of the project's."""
        if isinstance(func, ast.Name):
            if func.id in self.imported:
                return self.imported[func.id]
            return None if func.id in self.locals else self.w.qualify(func)
        if isinstance(func, ast.Attribute):
            base = dotted(func.value)
            if base in ("self", "cls") and self.owner is not None:
                return join(self.w.module, f"{self.owner}.{func.attr}")
            if base is None:
                return None
            root, _, rest = base.partition(".")
            if root in self.locals:
                return None
            if root in self.imported:
                return join(join(self.imported[root], rest), func.attr)
            return self.w.qualify(func)
        return None

    def pass_on(self, node: ast.Call, callee: str, args: list[tuple[Argument, Origins]]) -> None:
        note = f"`{dotted(node.func) or last_name(node.func)}(...)`"
        index = 0
        for arg, origins in args:
            if arg.star:
                return  # positions after a *args are unknown
            target: int | str = index if arg.keyword is None else arg.keyword
            index += arg.keyword is None
            for origin in sorted(origins):
                if passes_on(origin, origin in self.sources):
                    self.flow(ArgFlow, node, origin, callee=callee, target=target, note=note)

    # -- request sources --------------------------------------------------------------

    def container(self, node: ast.expr) -> str | None:
        """The part of a request an expression is: "request", "header", "query", "path", "body"..."""
        if isinstance(node, ast.Name):
            if node.id in self.locals:
                return self.containers.get(node.id)
            return "request" if self.w.qualify(node) in ("flask.request", "quart.request") else None
        if isinstance(node, ast.Attribute):
            if dotted(node) in ("self.request", "flask.request", "quart.request"):
                return "request"
            return _REQUEST_PARTS.get(node.attr) if self.container(node.value) == "request" else None
        if isinstance(node, ast.Await):
            return self.container(node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            reader = node.func.attr in _BODY_READERS
            return "body" if reader and self.container(node.func.value) == "request" else None
        return None

    def source(self, node: ast.expr) -> Origins | None:
        """A value read from the request being served (a header, a parameter, a body field), else None."""
        if isinstance(node, ast.Subscript):
            kind = self.container(node.value)
            indexes = _subscripts(node)
            if kind in (None, "request") or len(indexes) != 1 or isinstance(indexes[0], ast.Slice):
                return None
            return self.new_source(node, kind, self.w.literal_of(indexes[0]) or "")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _LOOKUPS:
            kind = self.container(node.func.value)
            first = calls.first_argument(node)
            if kind in (None, "request") or first is None:
                return None
            return self.new_source(node, kind, self.w.literal_of(first.value) or "")
        if isinstance(node, ast.Attribute) and self.container(node.value) == "body":
            return self.new_source(node, "body", node.attr)
        return None

    def new_source(self, node: ast.AST, kind: str, name: str) -> Origins:
        origin = f"!{next(self.counter)}"
        self.sources[origin] = (node, kind, name)
        return frozenset({origin})

    # -- facts ----------------------------------------------------------------------

    def sink(self, kind: str, node: ast.AST, origins: Origins, note: str) -> None:
        for origin in sorted(origins):
            self.flow(ParamFlow, node, origin, sink_kind=kind, sink_note=note)

    def flow(self, fact: type, node: ast.AST, origin: str, **fields: Any) -> None:
        key = (fact, id(node), origin, *fields.values())
        if key in self.done:
            return
        self.done.add(key)
        self._source_fact(origin)
        position = self.positions.get(origin)
        names = {"param": origin} if fact is ParamFlow else {"origin": origin}
        self.out.append(
            (fact, node, {"scope": self.scope, "function": self.function, **names, "position": position, **fields})
        )

    def _source_fact(self, origin: str) -> None:
        """The OrgSource a flow starts from, once, the first time a flow needs it."""
        found = self.sources.get(origin)
        if found is None or ("source", origin) in self.done:
            return
        self.done.add(("source", origin))
        node, kind, name = found
        self.out.append(
            (
                OrgSource,
                node,
                {"scope": self.scope, "function": self.function, "var": origin, "kind": kind, "name": name},
            )
        )


@cache
def _store_choices() -> tuple[re.Pattern[str], ...]:
    """The library calls that open a connection (the models' "connect" sinks), a library's own only."""
    return tuple(re.compile(translate(m.call)) for m in builtin_models() if m.sink == "connect" and m.call[0] != "*")


def _chooses_store(container: str | None) -> bool:
    """`connections[alias]`, `caches[alias]`: an item of a library's registry of connections."""
    return container is not None and any(p.match(f"{container}.__getitem__") for p in _store_choices())


def _is_request(name: str, annotation: ast.expr | None) -> bool:
    declared = last_name(annotation) if annotation is not None else None
    if declared in _REQUEST_TYPES:
        return True
    return name in ("request", "req") and (declared is None or declared.endswith("Request"))


def _is_model(annotation: ast.expr) -> bool:
    """A class a route handler's body is parsed into (`payload: CreateWorkspace`), not `str` or `int | None`."""
    declared = last_name(annotation)
    return declared is not None and declared[:1].isupper() and declared not in ("Optional", "Annotated", "UUID")


def _stringy(node: ast.expr, stringy: Callable[[ast.expr], bool]) -> bool:
    """Whether an expression builds a string; ``stringy`` answers for its operands."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return stringy(node.left) or (isinstance(node.op, ast.Add) and stringy(node.right))
    return isinstance(node, ast.Call) and _is_format(node, stringy)


def _is_format(node: ast.Call, stringy: Callable[[ast.expr], bool]) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and func.attr == "format" and stringy(func.value)


def _subscripts(node: ast.Subscript) -> list[ast.expr]:
    """The indexes of `x[a]` / `x[a, b]`."""
    index = node.slice
    return index.elts if isinstance(index, ast.Tuple) else [index]


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _code(w: Walker, node: ast.expr) -> str:
    text = " ".join(w.parsed.positions.code(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


_Def = ast.FunctionDef | ast.AsyncFunctionDef
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_StatementHandler = Callable[[_Function, Any], None]
_STATEMENTS: dict[type, _StatementHandler] = {
    ast.Assign: _Function.assign,
    ast.AnnAssign: _Function.assign,
    ast.AugAssign: _Function.augassign,
    ast.Expr: _Function.expression_statement,
    ast.Return: _Function.return_statement,
    ast.Assert: _Function.assert_statement,
    ast.If: _Function.if_statement,
    ast.While: _Function.while_statement,
    ast.For: _Function.for_statement,
    ast.AsyncFor: _Function.for_statement,
    ast.With: _Function.with_statement,
    ast.AsyncWith: _Function.with_statement,
    ast.Try: _Function.try_statement,
    ast.TryStar: _Function.try_statement,
    ast.Match: _Function.match_statement,
    ast.FunctionDef: _Function.nested_function,
    ast.AsyncFunctionDef: _Function.nested_function,
    ast.Import: _Function.local_import,
    ast.ImportFrom: _Function.local_import,
}  # a raise's message, a class body, del/pass/global: nothing flows from them into a store
_ValueHandler = Callable[[_Function, Any], Origins]
_VALUES: dict[type, _ValueHandler] = {
    ast.Name: _Function.name,
    ast.Attribute: _Function.attribute,
    ast.Subscript: _Function.subscript,
    ast.Call: _Function.call,
    ast.Compare: _Function.comparison,
    ast.IfExp: _Function.if_expression,
    ast.NamedExpr: _Function.named,
    ast.ListComp: _Function.comprehension,
    ast.SetComp: _Function.comprehension,
    ast.GeneratorExp: _Function.comprehension,
    ast.DictComp: _Function.comprehension,
    ast.Constant: _Function.constant,
    ast.JoinedStr: _Function.string,
    ast.BinOp: _Function.string,
    ast.Tuple: _Function.elements,
    ast.List: _Function.elements,
    ast.Set: _Function.elements,
    ast.Dict: _Function.mapping,
    ast.Await: _Function.awaited,
    ast.UnaryOp: _Function.unary,
    ast.BoolOp: _Function.boolean,
    ast.Yield: _Function.yielded,
    ast.YieldFrom: _Function.skip,
    ast.Lambda: _Function.skip,
}
