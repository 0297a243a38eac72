"""Org-id flow inside each Go function, for MOL302 (facts.OrgSource, ParamFlow, ArgFlow).

The Go twin of `frontends/python/orgflow.py`: per function or method, where a value of the request
being served enters (`r.Header.Get`, `r.URL.Query().Get`, `r.PathValue`, `chi.URLParam`,
`mux.Vars(r)[...]`, gin/echo/fiber parameter and header getters, fields of a decoded body), and
where the data of a parameter or of such a value reaches a choice of data store, schema or identity
(a connection's DSN, an env var's name, a table/schema/search_path position in SQL, a lookup in a map
of DSNs, the org a data-access object is made for), is returned, or is passed to another function
(a method of a receiver's field too, typed by the file's struct declarations). A name holds the origins of the value last
assigned to it, in statement order; that loses some flows and invents none.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from molecule_lint.facts import ArgFlow, Fact, OrgSource, ParamFlow, Ref, Template
from molecule_lint.frontends.flow import makes_org_identity, marker, names_store, passes_on, sql_store_markers
from molecule_lint.frontends.go import apis
from molecule_lint.frontends.go.syntax import STRING_LITERALS, all_of_type, receiver_type, string_value, text
from molecule_lint.frontends.go.templates import arguments, concat, sprintf
from molecule_lint.naming import mentions_org

if TYPE_CHECKING:
    from tree_sitter import Node

    from molecule_lint.frontends.go.extract import GoFile

Origins = frozenset[str]
_NONE: Origins = frozenset()

# Parameter types that are the request being served: *http.Request, or a framework's context.
_REQUEST_TYPES = {("http", "Request"): "request", ("gin", "Context"): "framework", ("echo", "Context"): "framework",
                  ("fiber", "Ctx"): "framework"}  # fmt: skip
# Methods that read one named value, by the part of the request their receiver is. Not `ctx.Value(key)`,
# gin's `c.Get` or fiber's `c.Locals`: a middleware may fill those from MOLECULE_ORG_ID.
_GETTERS: dict[str, dict[str, str]] = {
    "header": {"Get": "header", "Values": "header"},
    "query": {"Get": "query"},
    "request": {"FormValue": "query", "PostFormValue": "body", "PathValue": "path", "Cookie": "cookie"},
    "framework": {
        "Param": "path", "Params": "path", "Query": "query", "DefaultQuery": "query", "GetQuery": "query",
        "QueryParam": "query", "GetHeader": "header", "PostForm": "body", "DefaultPostForm": "body",
        "FormValue": "body",
    },
}  # fmt: skip
# `r.Header`, `r.URL.Query()`, `c.Request`: the part of the request an expression is.
_PARTS = {("request", "Header"): "header", ("request", "Form"): "query", ("request", "PostForm"): "body",
          ("request", "URL"): "url", ("framework", "Request"): "request"}  # fmt: skip
_PART_CALLS = {("url", "Query"): "query", ("framework", "Request"): "request"}
# Decoding the request body into a variable: `json.NewDecoder(r.Body).Decode(&req)`, `c.ShouldBindJSON(&req)`.
_DECODERS = frozenset({"Decode", "Bind", "BindJSON", "ShouldBind", "ShouldBindJSON", "BodyParser"})
_MAP_LOOKUPS = frozenset({"Load", "Get"})  # sync.Map and friends: `pools.Load(orgID)`
_COMPARISONS = frozenset({"==", "!="})


def flows(file: GoFile, root: Node) -> list[Fact]:
    """The flow facts of every function and method of a parsed file (after `GoFile.run`)."""
    out: list[Fact] = []
    fields = _field_types(file, root)
    for node in root.named_children:
        name = node.child_by_field_name("name")
        if name is None or node.child_by_field_name("body") is None:
            continue
        if node.type == "function_declaration":
            _Function(file, out, node, text(name), text(name), None, fields).run()
        elif node.type == "method_declaration":
            owner = receiver_type(node)
            if owner is not None:
                _Function(file, out, node, f"{owner}.{text(name)}", owner, _receiver_name(node), fields).run()
    return out


def _field_types(file: GoFile, root: Node) -> dict[tuple[str, str], str]:
    """(struct, field) -> the field's named type, qualified ("example.com/x/tenancy.Pools"), for the file's
    structs: what `h.pools.For(...)` calls."""
    found: dict[tuple[str, str], str] = {}
    for spec in (s for d in root.named_children if d.type == "type_declaration" for s in d.named_children):
        name, struct = spec.child_by_field_name("name"), spec.child_by_field_name("type")
        if name is None or struct is None or struct.type != "struct_type":
            continue
        for field in all_of_type(struct, "field_declaration"):
            qualified = _named_type(file, field.child_by_field_name("type"))
            for field_name in field.children_by_field_name("name") if qualified else ():
                found[(text(name), text(field_name))] = qualified
    return found


def _named_type(file: GoFile, node: Node | None) -> str:
    while node is not None and node.type == "pointer_type":
        node = node.named_children[0]
    if node is not None and node.type == "type_identifier" and file.module:
        return f"{file.module}.{text(node)}"
    if node is None or node.type != "qualified_type":
        return ""
    package, name = node.child_by_field_name("package"), node.child_by_field_name("name")
    path = file.imports.get(text(package)) if package is not None else None
    return f"{path}.{text(name)}" if path and name is not None else ""


def _receiver_name(method: Node) -> str | None:
    receiver = method.child_by_field_name("receiver")
    for param in receiver.named_children if receiver is not None else ():
        name = param.child_by_field_name("name")
        if name is not None:
            return text(name)
    return None


class _Function:
    """One function's walk: the origins each local holds, and the facts found on the way."""

    def __init__(
        self,
        file: GoFile,
        out: list[Fact],
        node: Node,
        name: str,
        scope: str,
        receiver: str | None,
        fields: dict[tuple[str, str], str],
    ) -> None:
        self.file, self.out, self.node, self.scope, self.receiver = file, out, node, scope, receiver
        self.fields = fields
        self.function = f"{file.module}.{name}"
        self.owner = scope if receiver is not None else None
        self.origins: dict[str, Origins] = {}
        self.containers: dict[str, str] = {}  # local -> the part of a request it holds
        self.locals: set[str] = {receiver} if receiver else set()
        self.positions: dict[str, int] = {}
        self.sources: dict[str, tuple[Node, str, str]] = {}  # origin -> (node, kind, name)
        self.counter = itertools.count(1)
        self.done: set[tuple[object, ...]] = set()

    def run(self) -> None:
        self.parameters(self.node.child_by_field_name("parameters"))
        self.statement(self.node.child_by_field_name("body"))

    def parameters(self, params: Node | None) -> None:
        position = 0
        for param in params.named_children if params is not None else ():
            if param.type not in ("parameter_declaration", "variadic_parameter_declaration"):
                continue
            kind = _REQUEST_TYPES.get(self.file.qualified_type(param.child_by_field_name("type")) or ("", ""))
            for name_node in param.children_by_field_name("name"):
                name = text(name_node)
                self.locals.add(name)
                self.positions[name] = position
                self.origins[name] = frozenset({name})
                if kind is not None:
                    self.containers[name] = kind
                position += 1

    # -- statements -----------------------------------------------------------------

    def statement(self, node: Node | None) -> None:
        if node is None:
            return
        handler = _STATEMENTS.get(node.type)
        if handler is not None:
            handler(self, node)
        elif node.type not in _SILENT:
            self.value(node)

    def block(self, node: Node) -> None:
        for child in node.named_children:
            self.statement(child)

    def assign(self, node: Node) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return
        values = [(self.value(value), self.container(value)) for value in right.named_children]
        operator = node.child_by_field_name("operator")
        compound = operator is not None and operator.type not in ("=", ":=")
        targets = left.named_children
        shared = (_NONE.union(*(origins for origins, _ in values)), None)  # `db, err := open(org)`
        for index, target in enumerate(targets):
            origins, container = values[index] if len(values) == len(targets) else shared
            if target.type != "identifier":
                continue
            name = text(target)
            if compound:
                origins |= self.origins.get(name, _NONE)
            self.bind(name, origins, container)

    def var_spec(self, node: Node) -> None:
        value = node.child_by_field_name("value")
        values = [(self.value(v), self.container(v)) for v in value.named_children] if value is not None else []
        names = node.children_by_field_name("name")
        for index, name in enumerate(names):
            origins, container = values[index] if len(values) == len(names) else (_NONE, None)
            self.bind(text(name), origins, container)

    def if_statement(self, node: Node) -> None:
        self.statement(node.child_by_field_name("initializer"))
        condition = node.child_by_field_name("condition")
        if condition is not None:
            self.value(condition)
            self.guard(condition)
        self.statement(node.child_by_field_name("consequence"))
        self.statement(node.child_by_field_name("alternative"))

    def for_statement(self, node: Node) -> None:
        for child in node.named_children:
            if child.type == "range_clause":
                right, left = child.child_by_field_name("right"), child.child_by_field_name("left")
                origins = self.value(right) if right is not None else _NONE
                for target in left.named_children if left is not None else ():
                    if target.type == "identifier":
                        self.bind(text(target), origins, None)
            elif child.type == "for_clause":
                for part in child.named_children:
                    self.statement(part)
            else:
                self.statement(child)

    def cases(self, node: Node) -> None:
        """switch/select and their cases: values, then the statements of every case."""
        for child in node.named_children:
            self.statement(child)

    def return_statement(self, node: Node) -> None:
        returned = _NONE.union(*(self.value(child) for child in _expressions(node)))
        for origin in sorted(returned):
            if origin in self.sources:  # a getter of the request's org: its callers take it as a source
                self.flow(ParamFlow, node, origin, sink_kind="return", sink_note="returned")

    def bind(self, name: str, origins: Origins, container: str | None) -> None:
        if name == "_":
            return
        self.locals.add(name)
        self.origins[name] = origins
        if container is None:
            self.containers.pop(name, None)
        else:
            self.containers[name] = container

    def guard(self, condition: Node) -> None:
        """`if orgID != os.Getenv("MOLECULE_ORG_ID") { return }`: past it, the name holds the tenant's own org."""
        if condition.type == "parenthesized_expression" and condition.named_child_count == 1:
            self.guard(condition.named_children[0])
            return
        if condition.type != "binary_expression":
            return
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        operator = condition.child_by_field_name("operator")
        if left is None or right is None or operator is None:
            return
        if operator.type in ("&&", "||"):
            self.guard(left)
            self.guard(right)
        elif operator.type in _COMPARISONS:
            for checked, other in ((left, right), (right, left)):
                if checked.type == "identifier" and text(checked) in self.locals and not self.carries(other):
                    self.origins[text(checked)] = _NONE

    def carries(self, node: Node) -> bool:
        """Whether an expression may hold a tracked value, without evaluating it again."""
        if node.type == "identifier":
            name = text(node)
            return bool(self.origins.get(name)) or name in self.containers
        if node.type == "selector_expression":
            operand = node.child_by_field_name("operand")
            return operand is not None and self.carries(operand)
        return any(self.carries(child) for child in node.named_children)

    # -- expressions ----------------------------------------------------------------

    def value(self, node: Node | None) -> Origins:
        """The origins whose data ``node``'s value carries; sinks and calls inside it become facts."""
        if node is None:
            return _NONE
        source = self.source(node)
        if source is not None:
            return source
        handler = _VALUES.get(node.type)
        if handler is not None:
            return handler(self, node)
        if node.type in STRING_LITERALS or node.type in _SILENT:
            return _NONE
        return self.union(node.named_children)

    def union(self, nodes: Iterable[Node]) -> Origins:
        out = _NONE
        for node in nodes:
            out |= self.value(node)
        return out

    def identifier(self, node: Node) -> Origins:
        return self.origins.get(text(node), _NONE)

    def selector(self, node: Node) -> Origins:
        return self.value(node.child_by_field_name("operand"))

    def index(self, node: Node) -> Origins:
        operand, index = node.child_by_field_name("operand"), node.child_by_field_name("index")
        chosen = self.value(index)
        holder = _last_name(operand)
        if chosen and holder is not None and names_store(holder):
            self.sink("lookup", node, chosen, f"lookup `{_code(node)}`")
            return _NONE  # the store it picked is reported here, not again where it is used
        return self.value(operand) | chosen

    def binary(self, node: Node) -> Origins:
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type in ("==", "!=", "<", ">", "<=", ">=", "&&", "||"):
            self.union(node.named_children)
            return _NONE  # a yes or a no does not carry the org id
        if operator is not None and operator.type == "+" and _stringy(node):
            return self.string(node)
        return self.union(node.named_children)

    def composite(self, node: Node) -> Origins:
        """`&Store{orgID: org}`: the org a data-access object is made to act as is an identity it takes."""
        kind, body = node.child_by_field_name("type"), node.child_by_field_name("body")
        named = kind.child_by_field_name("name") if kind is not None and kind.type == "qualified_type" else kind
        type_name = text(named) if named is not None and named.type == "type_identifier" else ""
        out = _NONE
        for element in body.named_children if body is not None else ():
            pair = element.named_children if element.type == "keyed_element" else []
            if len(pair) != 2:
                out |= self.value(element)
                continue
            origins = self.value(pair[1])
            if origins and makes_org_identity(type_name, text(pair[0])):
                self.sink("identity", element, origins, f"identity `{type_name}{{{text(pair[0])}: ...}}`")
            else:
                out |= origins
        return out

    def closure(self, node: Node) -> Origins:
        """A func literal sees the function's locals; its own parameters hold nothing we know of."""
        params = node.child_by_field_name("parameters")
        for param in params.named_children if params is not None else ():
            for name in param.children_by_field_name("name"):
                self.bind(text(name), _NONE, None)
        self.statement(node.child_by_field_name("body"))
        return _NONE

    def string(self, node: Node) -> Origins:
        """A string built from values: their origins; SQL whose table, schema or role one of them names is a sink."""
        marks: list[Origins] = []
        template = self.template(node, marks)
        origins = _NONE.union(*marks)
        if origins:
            chosen, shown = sql_store_markers(template)
            if chosen:
                self.sink("sql", node, _NONE.union(*(marks[i] for i in chosen)), f"SQL `{shown}`")
                return _NONE
        return origins

    def template(self, node: Node, marks: list[Origins]) -> Template:
        """A string expression's text, each value in it a marker Ref (its origins appended to ``marks``)."""
        if node.type in STRING_LITERALS:
            return (string_value(node),)
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self.template(node.named_children[0], marks)
        if node.type == "binary_expression" and _stringy(node):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return concat(*(self.template(side, marks) for side in (left, right) if side is not None))
        if node.type == "call_expression" and self._is_sprintf(node):
            return sprintf(arguments(node), self.file, lambda arg: self.template(arg, marks))
        origins = self.value(node)
        if not origins:
            return (Ref(None),)
        marks.append(origins)
        return (marker(len(marks) - 1),)

    # -- calls ----------------------------------------------------------------------

    def call(self, node: Node) -> Origins:
        function = node.child_by_field_name("function")
        if function is None:
            return _NONE
        if self._is_sprintf(node):
            return self.string(node)
        args = [(arg, self.value(arg)) for arg in arguments(node)]
        library = self.imported(function)
        if library is not None:
            family, name = apis.family(library[0]), library[1]
            if family == "os" and name in apis.ENV_FUNCTIONS:
                chosen = args[0][1] if args else _NONE
                if chosen:
                    self.sink("env", node, chosen, f"env var name `{_code(args[0][0])}`")
                return _NONE  # an env var is deployment config, never the request's
            if (family, name) in apis.CONNECTS:
                chosen = _NONE.union(*(origins for _, origins in args))
                if chosen:
                    self.sink("connect", node, chosen, f"connection `{_code(function)}(...)`")
                return _NONE
        receiver = self._receiver(function)
        if function.type == "selector_expression":
            member = function.child_by_field_name("field")
            holder = _last_name(receiver) if receiver is not None else None
            chosen = args[0][1] if args else _NONE
            if member is not None and text(member) in _MAP_LOOKUPS and holder and names_store(holder) and chosen:
                self.sink("lookup", node, chosen, f"lookup `{_code(node)}`")
                return _NONE
            if member is not None and text(member) in _DECODERS and receiver is not None:
                self._decoded(receiver, [arg for arg, _ in args])
        callee = self.callee(function)
        if callee is not None:
            self.pass_on(node, callee, args)
        result = (self.value(receiver) if receiver is not None else _NONE).union(*(origins for _, origins in args))
        if callee is not None and mentions_org(callee.rpartition(".")[2]):  # `orgFromRequest(r)`
            result |= self.new_source(node, "return", callee)
        return result

    def _is_sprintf(self, node: Node) -> bool:
        function = node.child_by_field_name("function")
        library = self.imported(function) if function is not None else None
        return library is not None and apis.family(library[0]) == "fmt" and library[1] == "Sprintf"

    def _receiver(self, function: Node) -> Node | None:
        if function.type != "selector_expression" or self.imported(function) is not None:
            return None
        return function.child_by_field_name("operand")

    def _decoded(self, receiver: Node, args: list[Node]) -> None:
        """`json.NewDecoder(r.Body).Decode(&req)`: `req` holds the request's body from here on."""
        if not self.carries_request(receiver):
            return
        for arg in args:
            operand = arg.child_by_field_name("operand") if arg.type == "unary_expression" else None
            if operand is not None and operand.type == "identifier":
                self.locals.add(text(operand))
                self.containers[text(operand)] = "body"

    def carries_request(self, node: Node) -> bool:
        if node.type == "identifier":
            return self.containers.get(text(node)) in ("request", "framework")
        return any(self.carries_request(child) for child in node.named_children)

    def imported(self, node: Node) -> tuple[str, str] | None:
        """(import path, name) of `pkg.Name` through an import the function does not shadow."""
        if node.type != "selector_expression":
            return None
        operand, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if operand is None or member is None or operand.type != "identifier" or text(operand) in self.locals:
            return None
        path = self.file.imports.get(text(operand))
        return (path, text(member)) if path else None

    def callee(self, function: Node) -> str | None:
        """The qualified name of a function the code calls, when it can be one of the project's."""
        library = self.imported(function)
        if library is not None:
            return f"{library[0]}.{library[1]}"
        if function.type == "identifier":
            name = text(function)
            if name in self.locals or name in apis.BUILTINS or not self.file.module:
                return None
            return f"{self.file.module}.{name}"
        if function.type == "selector_expression" and self.owner is not None:
            operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
            if operand is not None and member is not None and text(operand) == self.receiver:
                return f"{self.file.module}.{self.owner}.{text(member)}"
            field = self._receiver_field(operand)
            if field is not None and member is not None:  # `h.pools.For(...)`: a method of a field's type
                return f"{field}.{text(member)}"
        return None

    def _receiver_field(self, node: Node | None) -> str | None:
        """The type of `h.pools`, a field of the receiver, when the file declares it."""
        if node is None or node.type != "selector_expression" or self.owner is None:
            return None
        operand, field = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if operand is None or field is None or operand.type != "identifier" or text(operand) != self.receiver:
            return None
        return self.fields.get((self.owner, text(field)))

    def pass_on(self, node: Node, callee: str, args: list[tuple[Node, Origins]]) -> None:
        note = f"`{_code(node.child_by_field_name('function'))}(...)`"
        for index, (_, origins) in enumerate(args):
            for origin in sorted(origins):
                if passes_on(origin, origin in self.sources):
                    self.flow(ArgFlow, node, origin, callee=callee, target=index, note=note)

    # -- request sources --------------------------------------------------------------

    def container(self, node: Node) -> str | None:
        """The part of a request an expression is: "request", "framework", "header", "query", "body"..."""
        if node.type == "identifier":
            return self.containers.get(text(node)) if text(node) in self.locals else None
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self.container(node.named_children[0])
        if node.type == "selector_expression":
            operand, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
            base = self.container(operand) if operand is not None else None
            return _PARTS.get((base, text(member))) if base and member is not None else None
        if node.type == "call_expression":
            function = node.child_by_field_name("function")
            library = self.imported(function) if function is not None else None
            if library is not None:
                return "path" if (apis.family(library[0]), library[1]) == ("mux", "Vars") else None
            if function is None or function.type != "selector_expression" or arguments(node):
                return None
            operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
            base = self.container(operand) if operand is not None else None
            return _PART_CALLS.get((base, text(member))) if base and member is not None else None
        return None

    def source(self, node: Node) -> Origins | None:
        """A value read from the request being served, else None."""
        if node.type == "index_expression":
            operand, index = node.child_by_field_name("operand"), node.child_by_field_name("index")
            kind = self.container(operand) if operand is not None else None
            if kind in ("header", "query", "path") and index is not None:
                return self.new_source(node, kind, _name_of(index))
            return None
        if node.type == "selector_expression":
            operand, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
            if operand is not None and member is not None and self.container(operand) == "body":
                return self.new_source(node, "body", text(member))
            return None
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        args = arguments(node)
        library = self.imported(function) if function is not None else None
        if library is not None:  # chi.URLParam(r, "orgID")
            if apis.family(library[0]) == "chi" and library[1].startswith("URLParam") and len(args) == 2:
                return self.new_source(node, "path", _name_of(args[1]))
            return None
        if function is None or function.type != "selector_expression" or not args:
            return None
        operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
        base = self.container(operand) if operand is not None else None
        kind = _GETTERS.get(base or "", {}).get(text(member)) if member is not None else None
        return self.new_source(node, kind, _name_of(args[0])) if kind is not None else None

    def new_source(self, node: Node, kind: str, name: str) -> Origins:
        origin = f"!{next(self.counter)}"
        self.sources[origin] = (node, kind, name)
        return frozenset({origin})

    # -- facts ----------------------------------------------------------------------

    def sink(self, kind: str, node: Node, origins: Origins, note: str) -> None:
        for origin in sorted(origins):
            self.flow(ParamFlow, node, origin, sink_kind=kind, sink_note=note)

    def flow(self, fact: type[ParamFlow | ArgFlow], node: Node, origin: str, **fields: str | int) -> None:
        key = (fact, node.start_byte, node.end_byte, origin, *fields.values())
        if key in self.done:
            return
        self.done.add(key)
        self._source_fact(origin)
        loc, position = self.file.location(node), self.positions.get(origin)
        if fact is ParamFlow:
            self.out.append(
                ParamFlow(loc, self.scope, self.function, origin, position, str(fields["sink_kind"]),
                          str(fields["sink_note"]))
            )  # fmt: skip
        else:
            self.out.append(
                ArgFlow(loc, self.scope, self.function, origin, position, str(fields["callee"]), fields["target"],
                        str(fields["note"]))
            )  # fmt: skip

    def _source_fact(self, origin: str) -> None:
        """The OrgSource a flow starts from, once, the first time a flow needs it."""
        found = self.sources.get(origin)
        if found is None or ("source", origin) in self.done:
            return
        self.done.add(("source", origin))
        node, kind, name = found
        self.out.append(OrgSource(self.file.location(node), self.scope, self.function, origin, kind, name))


def _expressions(node: Node) -> list[Node]:
    """The values of a `return a, b` (its expression list) or of a single expression."""
    children = node.named_children
    if len(children) == 1 and children[0].type == "expression_list":
        return children[0].named_children
    return children


def _stringy(node: Node) -> bool:
    if node.type in STRING_LITERALS:
        return True
    if node.type == "parenthesized_expression" and node.named_child_count == 1:
        return _stringy(node.named_children[0])
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type == "+":
            return any(_stringy(child) for child in node.named_children)
    return False


def _last_name(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type == "identifier":
        return text(node)
    if node.type == "selector_expression":
        member = node.child_by_field_name("field")
        return text(member) if member is not None else None
    return None


def _name_of(node: Node) -> str:
    """A header, parameter or key name: a literal's value, else the expression's source (`orgKey`)."""
    return string_value(node) if node.type in STRING_LITERALS else text(node)


def _code(node: Node | None) -> str:
    flat = " ".join(text(node).split()) if node is not None else ""
    return flat if len(flat) <= 60 else flat[:57] + "..."


# Statements that read or bind nothing: `break`, `n++`, labels, declarations of types.
_SILENT = frozenset(
    {"break_statement", "continue_statement", "goto_statement", "fallthrough_statement", "inc_statement",
     "dec_statement", "empty_statement", "type_declaration", "const_declaration", "comment", "label_name",
     "int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false", "nil", "iota"}
)  # fmt: skip
_StatementHandler = Callable[[_Function, "Node"], None]
_STATEMENTS: dict[str, _StatementHandler] = {
    "block": _Function.block,
    "statement_list": _Function.block,
    "short_var_declaration": _Function.assign,
    "assignment_statement": _Function.assign,
    "var_declaration": _Function.block,
    "var_spec": _Function.var_spec,
    "if_statement": _Function.if_statement,
    "for_statement": _Function.for_statement,
    "expression_switch_statement": _Function.cases,
    "type_switch_statement": _Function.cases,
    "select_statement": _Function.cases,
    "expression_case": _Function.cases,
    "type_case": _Function.cases,
    "default_case": _Function.cases,
    "communication_case": _Function.cases,
    "labeled_statement": _Function.cases,
    "return_statement": _Function.return_statement,
}
_ValueHandler = Callable[[_Function, "Node"], Origins]
_VALUES: dict[str, _ValueHandler] = {
    "identifier": _Function.identifier,
    "selector_expression": _Function.selector,
    "index_expression": _Function.index,
    "binary_expression": _Function.binary,
    "call_expression": _Function.call,
    "func_literal": _Function.closure,
    "composite_literal": _Function.composite,
}
