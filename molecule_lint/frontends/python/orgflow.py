"""Org-id flow inside each Python function, for MOL302 (facts.OrgSource, ParamFlow, ArgFlow).

Per function: where a value of the request being served enters (a header, a path or query parameter,
a body field, a FastAPI `Header()`/`Depends()` parameter), and where the data of a parameter or of
such a value reaches a choice of data store, schema or identity (a connection's target, an env var's
name, a table/schema/search_path position in SQL, a lookup in a mapping of DSNs), is returned, or is
passed to another function. The check links these summaries across functions and modules.

It runs after the walker, over top-level functions and the methods of top-level classes, naming
things through the walker's module table, and reads the walker's facts for what a call is (a
connection, an env read, a route). A name holds the origins of the value last assigned to it, in
statement order; both branches of an `if` are walked in turn, so the later assignment wins. That
loses some flows and invents none: the side a pre-commit hook must err on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import libcst as cst

from molecule_lint.facts import ArgFlow, Connect, EnvRead, OrgSource, ParamFlow, Ref, Route, Template
from molecule_lint.frontends.flow import binds_store_setting, marker, names_store, passes_on, sql_store_markers
from molecule_lint.frontends.python.names import dotted, imported_names, join, last_name
from molecule_lint.frontends.python.templates import brace_format, fstring_text, merge, percent_format, string_value
from molecule_lint.naming import mentions_org

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
        if isinstance(stmt, cst.FunctionDef):
            _Function(w, known, out, stmt, stmt.name.value, None).run()
        elif isinstance(stmt, cst.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
            for item in stmt.body.body:
                if isinstance(item, cst.FunctionDef):
                    _Function(w, known, out, item, stmt.name.value, stmt.name.value).run()
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
        self, w: Walker, known: _Known, out: list[Pending], node: cst.FunctionDef, scope: str, owner: str | None
    ) -> None:
        self.w, self.known, self.out, self.node, self.scope, self.owner = w, known, out, node, scope, owner
        name = node.name.value
        self.function = join(w.module, f"{owner}.{name}" if owner else name)
        self.origins: dict[str, Origins] = {}
        self.containers: dict[str, str] = {}  # local -> the part of a request it holds ("request", "header"...)
        self.locals: set[str] = set()
        self.imported: dict[str, str] = {}  # function-local imports: alias -> qualified name
        self.positions: dict[str, int | None] = {}  # parameter -> its index as callers pass it
        self.sources: dict[str, tuple[cst.CSTNode, str, str]] = {}  # origin -> (node, kind, name)
        self.counter = itertools.count(1)
        self.done: set[tuple[Any, ...]] = set()  # facts already out

    def run(self) -> None:
        self.parameters()
        self.suite(self.node.body)

    # -- parameters -----------------------------------------------------------------

    def parameters(self) -> None:
        params = self.node.params
        positional = [*params.posonly_params, *params.params]
        if self.owner is not None and positional and not self._decorated("staticmethod"):
            positional = positional[1:]  # self / cls: callers do not pass it
        route = next((p for d in self.node.decorators if (p := self.known.routes.get(id(d.decorator)))), None)
        for index, param in enumerate(positional):
            self.parameter(param, index, route)
        for param in params.kwonly_params:
            self.parameter(param, None, route)

    def parameter(self, param: cst.Param, position: int | None, route: str | None) -> None:
        name = param.name.value
        self.locals.add(name)
        self.positions[name] = position
        self.origins[name] = frozenset({name})
        annotation = param.annotation.annotation if param.annotation is not None else None
        declared = self._declared(param.default, annotation)
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

    def _declared(
        self, default: cst.BaseExpression | None, annotation: cst.BaseExpression | None
    ) -> tuple[str, str] | None:
        """(kind, name) of a FastAPI `Header()`/`Query()`/... or `Depends(fn)` parameter (default or `Annotated`)."""
        candidates = [default] if default is not None else []
        if isinstance(annotation, cst.Subscript) and last_name(annotation.value) == "Annotated":
            candidates += [
                element.slice.value for element in annotation.slice[1:] if isinstance(element.slice, cst.Index)
            ]
        for candidate in candidates:
            if not isinstance(candidate, cst.Call):
                continue
            qualified = self.w.qualify(candidate.func) or ""
            head, _, declared = qualified.rpartition(".")
            if not head.startswith("fastapi"):
                continue
            if declared in _FASTAPI_PARAMS:
                alias = _keyword(candidate, "alias") or _keyword(candidate, "validation_alias")
                return _FASTAPI_PARAMS[declared], (self.w.literal_of(alias) if alias is not None else None) or ""
            if declared in _DEPENDS:
                getter = self.w.qualify(candidate.args[0].value) if candidate.args else None
                return "return", getter or ""
        return None

    def _decorated(self, name: str) -> bool:
        return any(last_name(d.decorator) == name for d in self.node.decorators)

    # -- statements -----------------------------------------------------------------

    def suite(self, suite: cst.BaseSuite) -> None:
        body = suite.body if isinstance(suite, cst.IndentedBlock) else [suite]
        for stmt in body:
            self.statement(stmt)

    def statement(self, stmt: cst.CSTNode) -> None:
        handler = _STATEMENTS.get(type(stmt))
        if handler is not None:
            handler(self, stmt)

    def simple(self, stmt: cst.SimpleStatementLine | cst.SimpleStatementSuite) -> None:
        for small in stmt.body:
            self.statement(small)

    def assign(self, stmt: cst.Assign | cst.AnnAssign) -> None:
        if stmt.value is None:
            return
        origins = self.value(stmt.value)
        container = self.container(stmt.value)
        targets = [t.target for t in stmt.targets] if isinstance(stmt, cst.Assign) else [stmt.target]
        for target in targets:
            self.bind(target, origins, container)

    def augassign(self, stmt: cst.AugAssign) -> None:
        origins = self.value(stmt.value)
        if isinstance(stmt.target, cst.Name) and stmt.target.value in self.locals:
            name = stmt.target.value
            self.origins[name] = self.origins.get(name, _NONE) | origins

    def expression_statement(self, stmt: cst.Expr) -> None:
        self.value(stmt.value)

    def return_statement(self, stmt: cst.Return) -> None:
        if stmt.value is None:
            return
        returned = [origin for origin in sorted(self.value(stmt.value)) if origin in self.sources]
        for origin in returned:  # a getter of the request's org: its callers take it as a source
            self.flow(ParamFlow, stmt, origin, sink_kind="return", sink_note="returned")

    def assert_statement(self, stmt: cst.Assert) -> None:
        self.value(stmt.test)
        self.guard(stmt.test)

    def if_statement(self, stmt: cst.If) -> None:
        self.value(stmt.test)
        self.guard(stmt.test)
        self.suite(stmt.body)
        orelse = stmt.orelse
        if isinstance(orelse, cst.If):
            self.if_statement(orelse)
        elif orelse is not None:
            self.suite(orelse.body)

    def while_statement(self, stmt: cst.While) -> None:
        self.value(stmt.test)
        self.suite(stmt.body)
        if stmt.orelse is not None:
            self.suite(stmt.orelse.body)

    def for_statement(self, stmt: cst.For) -> None:
        self.bind(stmt.target, self.value(stmt.iter), None)
        self.suite(stmt.body)
        if stmt.orelse is not None:
            self.suite(stmt.orelse.body)

    def with_statement(self, stmt: cst.With) -> None:
        for item in stmt.items:
            origins = self.value(item.item)
            if item.asname is not None:
                self.bind(item.asname.name, origins, self.container(item.item))
        self.suite(stmt.body)

    def try_statement(self, stmt: cst.Try | cst.TryStar) -> None:
        self.suite(stmt.body)
        for handler in stmt.handlers:
            self.suite(handler.body)
        if stmt.orelse is not None:
            self.suite(stmt.orelse.body)
        if stmt.finalbody is not None:
            self.suite(stmt.finalbody.body)

    def match_statement(self, stmt: cst.Match) -> None:
        self.value(stmt.subject)
        for case in stmt.cases:
            self.suite(case.body)

    def nested_function(self, stmt: cst.FunctionDef) -> None:
        """A closure sees the function's locals; its own parameters hold nothing we know of."""
        params = stmt.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            self.bind(param.name, _NONE, None)
        self.suite(stmt.body)

    def local_import(self, stmt: cst.Import | cst.ImportFrom) -> None:
        for imported in imported_names(stmt, self.w.package):
            if imported.name != "*":
                self.imported[imported.alias] = imported.qualified

    def bind(self, target: cst.BaseExpression, origins: Origins, container: str | None) -> None:
        if isinstance(target, cst.Name):
            name = target.value
            self.locals.add(name)
            self.imported.pop(name, None)
            self.origins[name] = origins
            if container is None:
                self.containers.pop(name, None)
            else:
                self.containers[name] = container
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.bind(element.value, origins, None)
        elif isinstance(target, cst.StarredElement):
            self.bind(target.value, origins, None)

    def guard(self, test: cst.BaseExpression) -> None:
        """`if org_id != settings.org_id: raise ...`: past an equality check with a value of its own, a name
        holds that value, not whatever the request said."""
        if isinstance(test, cst.BooleanOperation):
            self.guard(test.left)
            self.guard(test.right)
        elif isinstance(test, cst.UnaryOperation):
            self.guard(test.expression)
        elif isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
            comparison = test.comparisons[0]
            if isinstance(comparison.operator, (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)):
                for checked, other in ((test.left, comparison.comparator), (comparison.comparator, test.left)):
                    if isinstance(checked, cst.Name) and checked.value in self.locals and not self.carries(other):
                        self.origins[checked.value] = _NONE

    def carries(self, node: cst.CSTNode) -> bool:
        """Whether an expression may hold a tracked value, without evaluating it again."""
        if isinstance(node, cst.Name):
            return bool(self.origins.get(node.value)) or self.container(node) is not None
        if isinstance(node, (cst.Attribute, cst.Arg)):  # not the attribute's or the keyword's own name
            return self.carries(node.value)
        return any(self.carries(child) for child in node.children)

    # -- expressions ----------------------------------------------------------------

    def value(self, node: cst.BaseExpression) -> Origins:
        """The origins whose data ``node``'s value carries; sinks and calls inside it become facts."""
        source = self.source(node)
        if source is not None:
            return source
        handler = _VALUES.get(type(node))
        if handler is not None:
            return handler(self, node)
        return self.union(child for child in node.children if isinstance(child, cst.BaseExpression))

    def union(self, nodes: Iterable[cst.BaseExpression]) -> Origins:
        out = _NONE
        for node in nodes:
            out |= self.value(node)
        return out

    def name(self, node: cst.Name) -> Origins:
        return self.origins.get(node.value, _NONE)

    def attribute(self, node: cst.Attribute) -> Origins:
        return self.value(node.value)

    def subscript(self, node: cst.Subscript) -> Origins:
        index = self.union(e.slice.value for e in node.slice if isinstance(e.slice, cst.Index))
        if id(node) in self.known.env_reads:  # os.environ[f"{org}_DATABASE_URL"]
            if index:
                self.sink("env", node, index, f"env var name `{_code(self.w, node.slice[0])}`")
            return _NONE
        base = self.value(node.value)
        holder = last_name(node.value)
        if index and holder is not None and names_store(holder):
            self.sink("lookup", node, index, f"lookup `{_code(self.w, node)}`")
            return _NONE  # the store it picked is reported here, not again where it is used
        return base | index

    def comparison(self, node: cst.Comparison) -> Origins:
        self.value(node.left)
        for comparison in node.comparisons:
            self.value(comparison.comparator)
        return _NONE  # a yes or a no does not carry the org id

    def if_expression(self, node: cst.IfExp) -> Origins:
        self.value(node.test)
        return self.value(node.body) | self.value(node.orelse)

    def named(self, node: cst.NamedExpr) -> Origins:
        origins = self.value(node.value)
        self.bind(node.target, origins, self.container(node.value))
        return origins

    def comprehension(self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp) -> Origins:
        clause: cst.CompFor | None = node.for_in
        while clause is not None:
            self.bind(clause.target, self.value(clause.iter), None)
            for condition in clause.ifs:
                self.value(condition.test)
            clause = clause.inner_for_in
        if isinstance(node, cst.DictComp):
            return self.value(node.key) | self.value(node.value)
        return self.value(node.elt)

    def elements(self, node: cst.Tuple | cst.List | cst.Set) -> Origins:
        return self.union(element.value for element in node.elements)

    def mapping(self, node: cst.Dict) -> Origins:
        out = _NONE
        for element in node.elements:
            if isinstance(element, cst.DictElement):
                out |= self.value(element.key)
            out |= self.value(element.value)
        return out

    def inner(self, node: cst.Await | cst.UnaryOperation) -> Origins:
        return self.value(node.expression)

    def boolean(self, node: cst.BooleanOperation) -> Origins:
        return self.value(node.left) | self.value(node.right)

    def yielded(self, node: cst.Yield) -> Origins:
        return self.value(node.value) if isinstance(node.value, cst.BaseExpression) else _NONE

    def skip(self, node: cst.BaseExpression) -> Origins:
        return _NONE

    def string(self, node: cst.BaseExpression) -> Origins:
        """A string built from values: their origins; SQL whose table, schema or role one of them names is a sink."""
        marks: list[Origins] = []
        template = self.template(node, marks)
        if template is None:
            return self.union(child for child in node.children if isinstance(child, cst.BaseExpression))
        origins = _NONE.union(*marks)
        if not origins:
            return _NONE
        chosen, text = sql_store_markers(template)
        if chosen:
            self.sink("sql", node, _NONE.union(*(marks[i] for i in chosen)), f"SQL `{text}`")
            return _NONE
        return origins

    def template(self, node: cst.BaseExpression, marks: list[Origins]) -> Template | None:
        """A string expression's text, each value in it a marker Ref (its origins appended to ``marks``), else None."""
        if isinstance(node, cst.SimpleString):
            return (string_value(node),)
        if isinstance(node, cst.ConcatenatedString):
            return merge((*self.hole(node.left, marks), *self.hole(node.right, marks)))
        if isinstance(node, cst.FormattedString):
            parts: list[str | Ref] = []
            for part in node.parts:
                if isinstance(part, cst.FormattedStringText):
                    parts.append(fstring_text(part, node))
                elif isinstance(part, cst.FormattedStringExpression):
                    parts.extend(self.hole(part.expression, marks))
            return merge(parts)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            if not (_stringy(node.left) or _stringy(node.right)):
                return None
            return merge((*self.hole(node.left, marks), *self.hole(node.right, marks)))
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo) and _stringy(node.left):
            fmt = self.hole(node.left, marks)
            values = node.right
            if isinstance(values, cst.Tuple):
                return percent_format(fmt, [self.hole(e.value, marks) for e in values.elements], {})
            return percent_format(fmt, [self.hole(values, marks)], {})
        if isinstance(node, cst.Call) and _is_format(node):
            assert isinstance(node.func, cst.Attribute)
            fmt = self.hole(node.func.value, marks)
            args = [self.hole(a.value, marks) for a in node.args if a.keyword is None and not a.star]
            keywords = {a.keyword.value: self.hole(a.value, marks) for a in node.args if a.keyword is not None}
            return brace_format(fmt, args, keywords)
        return None

    def hole(self, node: cst.BaseExpression, marks: list[Origins]) -> Template:
        template = self.template(node, marks) if _stringy(node) else None
        if template is not None:
            return template
        origins = self.value(node)
        if not origins:
            return (Ref(None),)
        marks.append(origins)
        return (marker(len(marks) - 1),)

    # -- calls ----------------------------------------------------------------------

    def call(self, node: cst.Call) -> Origins:
        if _is_format(node):
            return self.string(node)
        args = [(arg, self.value(arg.value)) for arg in node.args]
        if id(node) in self.known.env_reads:
            name = self._argument_origins(args, {0}, {"key", "var"})
            if name:
                self.sink("env", node, name, f"env var name `{_code(self.w, node.args[0].value)}`")
            return _NONE  # an env var is deployment config, never the request's
        if id(node) in self.known.connects:
            chosen = self._argument_origins(args, {0}, _SELECTORS)
            if chosen:
                self.sink("connect", node, chosen, f"connection `{_code(self.w, node.func)}(...)`")
            return _NONE
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "get" and names_store(last_name(func.value) or ""):
            chosen = self._argument_origins(args, {0}, ())
            if chosen:  # ENGINES.get(org_id)
                self.sink("lookup", node, chosen, f"lookup `{_code(self.w, node)}`")
                return _NONE
        schema_keywords = _SCHEMA_KEYWORDS | ({"schema"} if last_name(func) in _SCHEMA_OWNERS else set())
        schema = self._argument_origins(args, set(), schema_keywords)
        if schema:
            self.sink("schema", node, schema, f"schema in `{_code(self.w, func)}(...)`")
        self._bound_setting(node, args)
        receiver = self.value(func.value) if isinstance(func, cst.Attribute) else _NONE
        callee = self.callee(func)
        if callee is not None:
            self.pass_on(node, callee, args)
        result = receiver.union(*(origins for _, origins in args))
        if callee is not None and mentions_org(callee.rpartition(".")[2]):  # `current_org(request)`
            result |= self.new_source(node, "return", callee)
        return result

    def _argument_origins(
        self, args: list[tuple[cst.Arg, Origins]], positions: set[int], keywords: Iterable[str]
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
            elif arg.keyword is not None and arg.keyword.value in keywords:
                out |= self._selected(arg.value, keywords) if isinstance(arg.value, cst.Dict) else origins
        return out

    def _selected(self, mapping: cst.Dict, keywords: frozenset[str]) -> Origins:
        """`connect_args={"options": f"-csearch_path={org}"}`: the entries that pick, not `application_name`."""
        out = _NONE
        for element in mapping.elements:
            if isinstance(element, cst.DictElement) and self.w.literal_of(element.key) in keywords:
                out |= self.value(element.value)
        return out

    def _bound_setting(self, node: cst.Call, args: list[tuple[cst.Arg, Origins]]) -> None:
        """`execute("SELECT set_config('search_path', %s, false)", (schema,))`: a bound parameter that sets it."""
        if not args or args[0][0].keyword is not None:
            return
        text = self.w.literal_of(args[0][0].value)
        bound = _NONE.union(*(origins for _, origins in args[1:]))
        if text and bound and binds_store_setting(text):
            self.sink("sql", node, bound, f"SQL `{' '.join(text.split())[:60]}`")

    def callee(self, func: cst.BaseExpression) -> str | None:
        """The qualified name of a function the code calls, when it can be one of the project's."""
        if isinstance(func, cst.Name):
            if func.value in self.imported:
                return self.imported[func.value]
            return None if func.value in self.locals else self.w.qualify(func)
        if isinstance(func, cst.Attribute):
            base = dotted(func.value)
            if base in ("self", "cls") and self.owner is not None:
                return join(self.w.module, f"{self.owner}.{func.attr.value}")
            if base is None:
                return None
            root, _, rest = base.partition(".")
            if root in self.locals:
                return None
            if root in self.imported:
                return join(join(self.imported[root], rest), func.attr.value)
            return self.w.qualify(func)
        return None

    def pass_on(self, node: cst.Call, callee: str, args: list[tuple[cst.Arg, Origins]]) -> None:
        note = f"`{dotted(node.func) or last_name(node.func)}(...)`"
        index = 0
        for arg, origins in args:
            if arg.star:
                return  # positions after a *args are unknown
            target: int | str = index if arg.keyword is None else arg.keyword.value
            index += arg.keyword is None
            for origin in sorted(origins):
                if passes_on(origin, origin in self.sources):
                    self.flow(ArgFlow, node, origin, callee=callee, target=target, note=note)

    # -- request sources --------------------------------------------------------------

    def container(self, node: cst.BaseExpression) -> str | None:
        """The part of a request an expression is: "request", "header", "query", "path", "body"..."""
        if isinstance(node, cst.Name):
            if node.value in self.locals:
                return self.containers.get(node.value)
            return "request" if self.w.qualify(node) in ("flask.request", "quart.request") else None
        if isinstance(node, cst.Attribute):
            if dotted(node) in ("self.request", "flask.request", "quart.request"):
                return "request"
            return _REQUEST_PARTS.get(node.attr.value) if self.container(node.value) == "request" else None
        if isinstance(node, cst.Await):
            return self.container(node.expression)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            reader = node.func.attr.value in _BODY_READERS
            return "body" if reader and self.container(node.func.value) == "request" else None
        return None

    def source(self, node: cst.BaseExpression) -> Origins | None:
        """A value read from the request being served (a header, a parameter, a body field), else None."""
        if isinstance(node, cst.Subscript):
            kind = self.container(node.value)
            if kind in (None, "request") or len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
                return None
            return self.new_source(node, kind, self.w.literal_of(node.slice[0].slice.value) or "")
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _LOOKUPS:
            kind = self.container(node.func.value)
            if kind in (None, "request") or not node.args:
                return None
            return self.new_source(node, kind, self.w.literal_of(node.args[0].value) or "")
        if isinstance(node, cst.Attribute) and self.container(node.value) == "body":
            return self.new_source(node, "body", node.attr.value)
        return None

    def new_source(self, node: cst.CSTNode, kind: str, name: str) -> Origins:
        origin = f"!{next(self.counter)}"
        self.sources[origin] = (node, kind, name)
        return frozenset({origin})

    # -- facts ----------------------------------------------------------------------

    def sink(self, kind: str, node: cst.CSTNode, origins: Origins, note: str) -> None:
        for origin in sorted(origins):
            self.flow(ParamFlow, node, origin, sink_kind=kind, sink_note=note)

    def flow(self, fact: type, node: cst.CSTNode, origin: str, **fields: Any) -> None:
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


def _is_request(name: str, annotation: cst.BaseExpression | None) -> bool:
    declared = last_name(annotation) if annotation is not None else None
    if declared in _REQUEST_TYPES:
        return True
    return name in ("request", "req") and (declared is None or declared.endswith("Request"))


def _is_model(annotation: cst.BaseExpression) -> bool:
    """A class a route handler's body is parsed into (`payload: CreateWorkspace`), not `str` or `int | None`."""
    declared = last_name(annotation)
    return declared is not None and declared[:1].isupper() and declared not in ("Optional", "Annotated", "UUID")


def _stringy(node: cst.BaseExpression) -> bool:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Modulo)):
        return _stringy(node.left) or (isinstance(node.operator, cst.Add) and _stringy(node.right))
    return isinstance(node, cst.Call) and _is_format(node)


def _is_format(node: cst.Call) -> bool:
    func = node.func
    return isinstance(func, cst.Attribute) and func.attr.value == "format" and _stringy(func.value)


def _keyword(node: cst.Call, name: str) -> cst.BaseExpression | None:
    return next((a.value for a in node.args if a.keyword is not None and a.keyword.value == name), None)


def _code(w: Walker, node: cst.CSTNode) -> str:
    text = " ".join(w.tree.code_for_node(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


_StatementHandler = Callable[[_Function, Any], None]
_STATEMENTS: dict[type, _StatementHandler] = {
    cst.SimpleStatementLine: _Function.simple,
    cst.SimpleStatementSuite: _Function.simple,
    cst.Assign: _Function.assign,
    cst.AnnAssign: _Function.assign,
    cst.AugAssign: _Function.augassign,
    cst.Expr: _Function.expression_statement,
    cst.Return: _Function.return_statement,
    cst.Assert: _Function.assert_statement,
    cst.If: _Function.if_statement,
    cst.While: _Function.while_statement,
    cst.For: _Function.for_statement,
    cst.With: _Function.with_statement,
    cst.Try: _Function.try_statement,
    cst.TryStar: _Function.try_statement,
    cst.Match: _Function.match_statement,
    cst.FunctionDef: _Function.nested_function,
    cst.Import: _Function.local_import,
    cst.ImportFrom: _Function.local_import,
}  # a raise's message, a class body, del/pass/global: nothing flows from them into a store
_ValueHandler = Callable[[_Function, Any], Origins]
_VALUES: dict[type, _ValueHandler] = {
    cst.Name: _Function.name,
    cst.Attribute: _Function.attribute,
    cst.Subscript: _Function.subscript,
    cst.Call: _Function.call,
    cst.Comparison: _Function.comparison,
    cst.IfExp: _Function.if_expression,
    cst.NamedExpr: _Function.named,
    cst.ListComp: _Function.comprehension,
    cst.SetComp: _Function.comprehension,
    cst.GeneratorExp: _Function.comprehension,
    cst.DictComp: _Function.comprehension,
    cst.SimpleString: _Function.string,
    cst.ConcatenatedString: _Function.string,
    cst.FormattedString: _Function.string,
    cst.BinaryOperation: _Function.string,
    cst.Tuple: _Function.elements,
    cst.List: _Function.elements,
    cst.Set: _Function.elements,
    cst.Dict: _Function.mapping,
    cst.Await: _Function.inner,
    cst.UnaryOperation: _Function.inner,
    cst.BooleanOperation: _Function.boolean,
    cst.Yield: _Function.yielded,
    cst.Lambda: _Function.skip,
    cst.Integer: _Function.skip,
    cst.Float: _Function.skip,
    cst.Ellipsis: _Function.skip,
}
