"""The one walk over a libcst tree that turns a file into facts.

libcst's own visitor rebuilds every node it leaves (an empty visitor costs
~55% of the parse on libcst's sources); this walker reads dataclass fields
instead (~3% bare, 6-11% with all its work) and dispatches on the node type.
Facts are collected with the node they are about; their locations are
computed afterwards, for those nodes only (positions.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import libcst as cst

from molecule_lint.facts import (
    MODULE_SCOPE,
    Constant,
    Definition,
    EnvRead,
    Import,
    Loop,
    Sql,
    Template,
    UrlLiteral,
    Use,
)
from molecule_lint.frontends.flow import holds_url
from molecule_lint.frontends.python import calls, classes
from molecule_lint.frontends.python.names import (
    OPAQUE,
    Binding,
    Frame,
    Tracked,
    bound_names,
    dotted,
    imported_names,
    join,
    last_name,
)
from molecule_lint.frontends.python.resolver import Resolver
from molecule_lint.frontends.python.templates import merge, render
from molecule_lint.sql import looks_like_sql

# A fact before its location is known: (fact class, node it is about, its other fields).
Pending = tuple[type, cst.CSTNode, dict[str, Any]]

# Fields that never hold code worth a fact: whitespace, punctuation, and names that are
# bindings rather than references (`def name`, `f(keyword=...)`, `x.attr` is read with its chain).
_SKIPPED_FIELDS = frozenset(
    {"lpar", "rpar", "comma", "semicolon", "colon", "equal", "dot", "star", "leading_lines", "header", "footer",
     "lines_after_decorators", "trailing_whitespace", "keyword", "name", "attr", "asname", "operator", "newline"}
)
_STRING_NODES = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
# Word parts that make a loop a loop over orgs (MOL202): `for org in orgs`, `tenant_ids`, `hostList`.
_ORG_WORDS = frozenset(
    {"org", "orgs", "organization", "organizations", "tenant", "tenants", "host", "hosts", "customer", "customers",
     "account", "accounts", "workspace", "workspaces"}
)
_WORD_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_NODE_KINDS: dict[type, bool] = {}
# Calls that keep what a loop iteration got: into a collection, a queue, a file, a session, a metric.
_COLLECTING_METHODS = frozenset(
    {"append", "extend", "add", "update", "insert", "appendleft", "extendleft", "setdefault", "put", "put_nowait",
     "write", "writerow", "writerows", "push", "record", "send", "emit", "incr", "observe"}
)

# Calls that run a function given as an argument: `executor.submit(fetch, org)`, `loop.run_in_executor(None, f)`.
_DEFERRING_METHODS = frozenset(
    {"submit", "run_in_executor", "to_thread", "apply_async", "spawn", "create_task", "start_soon", "call_soon",
     "ensure_future", "enqueue", "send_task"}
)


@dataclasses.dataclass(slots=True)
class LoopBody:
    """What the body of an org loop being walked does."""

    outer: frozenset[str]  # names bound before the loop: assigning one keeps a value across iterations
    accumulates: bool
    calls: set[str] = dataclasses.field(default_factory=set)


class Walker(Resolver):
    def __init__(self, tree: cst.Module, module: str, package: str) -> None:
        super().__init__(tree, module, package)
        self.scope = MODULE_SCOPE
        self.nesting = 0  # defs and classes around the current node
        self.sql_off = 0  # > 0: strings here are not SQL (log and exception messages, docstring-like)
        self.typing_only = 0  # > 0: under `if TYPE_CHECKING:`
        self.loops: list[LoopBody] = []  # the org loops being walked, innermost last
        self.django_models: dict[str, str | None] = {}  # qualified class -> table (None: abstract)
        self.settings: dict[str, tuple[str, bool]] = {}  # BaseSettings classes -> (env_prefix, case_sensitive)
        self.table_vars: set[str] = set()  # module-level `x = Table("x", metadata, ...)`
        self.assigning: tuple[cst.CSTNode, str] | None = None  # (value, name) of the `name = value` being walked
        self.fallbacks: dict[int, cst.BaseExpression] = {}  # id(x) -> y for `x or y`: y is x's default
        self.discarded: cst.BaseExpression | None = None  # an expression statement's value: its result is dropped
        self.facts: list[Pending] = []
        self._uses: set[tuple[str, str]] = set()

    def run(self) -> list[Pending]:
        self.walk_block(self.tree.body)
        return self.facts

    def emit(self, fact: type, node: cst.CSTNode, /, **fields: Any) -> None:
        self.facts.append((fact, node, fields))

    # -- traversal ----------------------------------------------------------

    def walk(self, node: cst.CSTNode) -> None:
        handler = _HANDLERS.get(type(node))
        if handler is None:
            self.walk_children(node)
        else:
            handler(self, node)

    def walk_children(self, node: cst.CSTNode) -> None:
        for name in _child_fields(type(node)):
            value = getattr(node, name)
            kind = type(value)
            if kind is tuple or kind is list:
                for item in value:
                    if _is_node(type(item)):
                        self.walk(item)
            elif _is_node(kind):
                self.walk(value)

    def walk_quietly(self, node: cst.CSTNode) -> None:
        """Walk for uses only: no string in there is literal SQL."""
        self.sql_off += 1
        self.walk(node)
        self.sql_off -= 1

    def walk_block(self, body: Sequence[cst.BaseStatement]) -> None:
        """A module, class or def body; its docstring is neither SQL nor a use."""
        for index, stmt in enumerate(body):
            if index or not _is_docstring(stmt):
                self.walk(stmt)

    def walk_suite(self, suite: cst.BaseSuite) -> None:
        if isinstance(suite, cst.IndentedBlock):
            self.walk_block(suite.body)
        else:
            self.walk(suite)

    def enter(self, kind: str, names: Sequence[str] = ()) -> Frame:
        frame = Frame(kind, dict.fromkeys(names, OPAQUE))
        self.frames.append(frame)
        return frame

    def leave(self) -> None:
        """Pop a scope; SQL held in a variable that no execute() received is reported where it was written."""
        frame = self.frames.pop()
        for value, text, scope in frame.pending_sql.values():
            self.emit(Sql, value, scope=scope, text=text, via="literal")

    # -- scopes -------------------------------------------------------------

    def local_binding(self, name: str, tracked: Tracked | None = None, text: Template | None = None) -> Binding:
        if self.frames[-1].kind == "module":
            return Binding(join(self.module, name), tracked)  # module-level text is a Constant, read by Ref
        return Binding(None, tracked, text)

    def bind(self, name: str, binding: Binding) -> None:
        frame = self.frames[-1]
        unused = frame.pending_sql.pop(name, None)
        if unused is not None:  # overwritten before any use: still SQL, where it was written
            self.emit(Sql, unused[0], scope=unused[2], text=unused[1], via="literal")
        frame.names[name] = binding

    def use(self, node: cst.CSTNode, target: str) -> None:
        key = (self.scope, target)
        if key not in self._uses:
            self._uses.add(key)
            self.emit(Use, node, scope=self.scope, target=target)

    def string_expression(self, node: cst.BaseExpression, text: Template | None = None) -> None:
        """A string-valued expression: literal SQL, or a URL, unless strings here are messages."""
        if self.sql_off == 0:
            text = text if text is not None else self.text_of(node)
            if text is not None and looks_like_sql(render(text)):
                self.emit(Sql, node, scope=self.scope, text=text, via="literal")
            elif text is not None and holds_url(text):
                self.emit(UrlLiteral, node, scope=self.scope, value=text)
        self.sql_off += 1
        self.walk_children(node)
        self.sql_off -= 1

    # -- loops --------------------------------------------------------------

    def org_loop(self, target: cst.BaseExpression | None, iterable: cst.BaseExpression) -> str | None:
        """The iterable's source when the loop is over orgs (by the iterable's or the loop variable's words)."""
        over = " ".join(self.tree.code_for_node(iterable).split())
        variables = " ".join(bound_names([target])) if target is not None else ""
        return over if _mentions_org(over) or _mentions_org(variables) else None

    def loop(self, node: cst.CSTNode, over: str | None, body: Callable[[], None], collects: bool = False) -> None:
        """Walk a loop body; a loop over orgs becomes a Loop fact with the calls made in it.

        ``collects``: the loop builds a collection by construction (a comprehension).
        """
        if over is None:
            body()
            return
        self.loops.append(LoopBody(frozenset(self.frames[-1].names), collects))
        body()
        done = self.loops.pop()
        self.emit(
            Loop, node, scope=self.scope, over=over, body_uses=tuple(sorted(done.calls)), accumulates=done.accumulates
        )

    def accumulated(self, assigned: str | None = None) -> None:
        """The code being walked collects into something that outlives an iteration of the loops around it.

        With ``assigned``, only loops that started with that name already bound (`total = total + n`).
        """
        for body in self.loops:
            if assigned is None or assigned in body.outer:
                body.accumulates = True

    # -- statements ---------------------------------------------------------

    def visit_Import(self, node: cst.Import | cst.ImportFrom) -> None:
        for imported in imported_names(node, self.package):
            self.emit(
                Import, node, scope=self.scope, module=imported.module, name=imported.name, alias=imported.alias,
                typing_only=self.typing_only > 0,
            )
            if imported.name != "*":
                self.bind(imported.alias, Binding(imported.qualified))

    visit_ImportFrom = visit_Import

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        outer = self.scope
        name = node.name.value
        if self.nesting == 0:
            self.scope = name
            self.emit(Definition, node, name=name, kind="function")
        for decorator in node.decorators:
            calls.decorator_routes(self, decorator.decorator)
            self.walk(decorator.decorator)
        params = _parameters(node.params)
        for param in params:
            if param.default is not None:
                self.walk(param.default)
        self.bind(name, self.local_binding(name))
        self.enter("function", [p.name.value for p in params])
        self.nesting += 1
        self.walk_suite(node.body)
        self.nesting -= 1
        self.leave()
        self.scope = outer

    def visit_Lambda(self, node: cst.Lambda) -> None:
        params = _parameters(node.params)
        for param in params:
            if param.default is not None:
                self.walk(param.default)
        self.enter("function", [p.name.value for p in params])
        self.walk(node.body)
        self.leave()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        outer, outer_attrs = self.scope, self.self_attrs
        name = node.name.value
        top = self.nesting == 0
        if top:
            self.scope = name
            self.self_attrs = {}
            self.emit(Definition, node, name=name, kind="class")
        for decorator in node.decorators:
            self.walk(decorator.decorator)
        for arg in (*node.bases, *node.keywords):
            self.walk(arg.value)
        if top:
            classes.analyse(self, node)
        self.bind(name, self.local_binding(name))
        self.enter("class")
        self.nesting += 1
        self.walk_suite(node.body)
        self.nesting -= 1
        self.leave()
        self.scope, self.self_attrs = outer, outer_attrs

    def visit_Assign(self, node: cst.Assign) -> None:
        self.assign(node, [t.target for t in node.targets], node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:  # the annotation is not a use
        self.assign(node, [node.target], node.value)

    def assign(
        self, statement: cst.CSTNode, targets: list[cst.BaseAssignTargetExpression], value: cst.BaseExpression | None
    ) -> None:
        for target in targets:
            self.walk_target(target)
        names = list(bound_names(list(targets)))
        if value is None:
            for name in names:
                self.bind(name, self.local_binding(name))
            return
        single = targets[0].value if len(targets) == 1 and isinstance(targets[0], cst.Name) else None
        kind = self.frames[-1].kind
        text = self.value_of(value) if kind != "class" else None
        held = None
        if kind == "module" and all(isinstance(t, cst.Name) for t in targets):
            for name in names:
                if text is not None:
                    self.constants[join(self.module, name)] = text
                    self.emit(Constant, statement, name=name, value=text)
                classes.table_variable(self, name, value)
        elif single is not None and text is not None and self.sql_off == 0 and looks_like_sql(render(text)):
            held = (value, text, self.scope)  # reported at the execute() it reaches, else here
        self.assigning = (value, single) if single is not None else None
        if held is not None:
            self.walk_quietly(value)
        else:
            self.walk(value)
        self.assigning = None
        tracked = self.tracked_of(value) if isinstance(value, cst.Call) else None
        imported = calls.dynamic_import(self, value) if single is not None and isinstance(value, cst.Call) else None
        for name in names:
            if name == single:
                self.bind(name, Binding(imported) if imported else self.local_binding(name, tracked, text))
            else:
                self.bind(name, self.local_binding(name, tracked))
        if held is not None and single is not None:
            self.frames[-1].pending_sql[single] = held
        for target in targets:
            if tracked is not None and isinstance(target, cst.Attribute) and dotted(target.value) == "self":
                self.self_attrs[target.attr.value] = tracked

    def walk_target(self, target: cst.BaseExpression) -> None:
        """An assignment target: names are bindings; attributes and subscripts read their base."""
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.walk_target(element.value)
            return
        if type(target) is cst.StarredElement:
            self.walk_target(target.value)
            return
        if self.loops:  # `d[k] = v`, `self.total = ...`, `latest = row` keep something across iterations
            self.accumulated(target.value if type(target) is cst.Name else None)
        if type(target) is cst.Subscript:  # `os.environ["X"] = v` writes, it does not read
            self.walk(target.value)
            for index in target.slice:
                self.walk_children(index)
        elif type(target) is not cst.Name:
            self.walk(target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.accumulated()
        target = node.target
        in_function = self.frames[-1].kind == "function"
        extends = in_function and type(target) is cst.Name and type(node.operator) is cst.AddAssign
        text = self.text_of(target) if extends else None
        if text is None or type(target) is not cst.Name:
            self.walk_target(target)
            self.walk(node.value)
            return
        text = merge((*text, *self.hole(node.value)))  # `q += " WHERE ..."` extends a local string
        held = self.sql_off == 0 and looks_like_sql(render(text))
        (self.walk_quietly if held else self.walk)(node.value)
        self.bind(target.value, Binding(None, None, text))
        if held:
            self.frames[-1].pending_sql[target.value] = (node, text, self.scope)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.walk(node.value)
        for name in bound_names([node.target]):
            self.bind(name, self.local_binding(name))

    def visit_For(self, node: cst.For) -> None:
        self.walk(node.iter)

        def body() -> None:
            for name in bound_names([node.target]):
                self.bind(name, self.local_binding(name))
            self.walk(node.body)

        self.loop(node, self.org_loop(node.target, node.iter), body)
        if node.orelse is not None:
            self.walk(node.orelse)

    def visit_ListComp(self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp | cst.DictComp) -> None:
        clauses = []
        clause: cst.CompFor | None = node.for_in
        while clause is not None:
            clauses.append(clause)
            clause = clause.inner_for_in
        self.walk(clauses[0].iter)  # evaluated in the enclosing scope
        frame = self.enter("function")
        over = next((o for c in clauses if (o := self.org_loop(c.target, c.iter)) is not None), None)

        def body() -> None:
            for index, comp in enumerate(clauses):
                for name in bound_names([comp.target]):
                    frame.names[name] = OPAQUE
                if index:
                    self.walk(comp.iter)
                for condition in comp.ifs:
                    self.walk(condition.test)
            elements = [node.key, node.value] if isinstance(node, cst.DictComp) else [node.elt]
            for element in elements:
                self.walk(element)

        self.loop(node, over, body, collects=node is not self.discarded)
        self.leave()

    visit_SetComp = visit_GeneratorExp = visit_DictComp = visit_ListComp

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            self.walk(item.item)
            if item.asname is None:
                continue
            target = item.asname.name
            tracked = self.tracked_of(item.item) if isinstance(target, cst.Name) else None
            for name in bound_names([target]):
                self.bind(name, self.local_binding(name, tracked))
        self.walk(node.body)

    def visit_If(self, node: cst.If) -> None:
        typing = (dotted(node.test) or "").endswith("TYPE_CHECKING")
        if not typing:
            self.walk(node.test)
        self.typing_only += typing
        self.walk(node.body)
        self.typing_only -= typing
        if node.orelse is not None:
            self.walk(node.orelse)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.type is not None:
            self.walk(node.type)
        if node.name is not None:
            for name in bound_names([node.name.name]):
                self.bind(name, self.local_binding(name))
        self.walk(node.body)

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            name = item.name.value
            self.frames[-1].names[name] = self.frames[0].names.get(name) or Binding(join(self.module, name))

    def visit_Raise(self, node: cst.Raise) -> None:  # an exception's message is not SQL
        self.sql_off += 1
        self.walk_children(node)
        self.sql_off -= 1

    def visit_Assert(self, node: cst.Assert) -> None:
        self.walk(node.test)
        if node.msg is not None:
            self.walk_quietly(node.msg)

    def visit_Expr(self, node: cst.Expr) -> None:
        if isinstance(node.value, _STRING_NODES):  # a bare string statement documents, it runs nothing
            self.walk_quietly(node.value)
        else:
            self.discarded = node.value  # `[notify(o) for o in orgs]` builds a list nobody keeps
            self.walk(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.accumulated()
        self.walk_children(node)

    def visit_Annotation(self, node: cst.Annotation) -> None:
        """Annotations are not uses: an import used only for typing reaches nothing."""

    # -- expressions --------------------------------------------------------

    def visit_Name(self, node: cst.Name) -> None:
        found = self.binding(node.value)[1]
        if found is not None and found.qualified is not None:
            self.use(node, found.qualified)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.reference(node, self.qualify(node))

    def reference(self, node: cst.BaseExpression, qualified: str | None) -> None:
        """A Name/Attribute chain already qualified: one use for the whole chain."""
        if qualified is None:
            if type(node) is cst.Attribute:
                self.walk(node.value)
            elif type(node) is not cst.Name:
                self.walk(node)
            return
        self.use(node, qualified)
        if type(node) is cst.Attribute:
            calls.manager_query(self, node)

    def visit_Call(self, node: cst.Call) -> None:
        text = self._method_text(node) if self.sql_off == 0 else None
        if text is not None:
            self.string_expression(node, text)
            return
        qualified = self.qualify(node.func)
        quiet = calls.analyse(self, node, qualified)
        self.reference(node.func, qualified)
        self.sql_off += quiet
        for arg in node.args:
            self.walk(arg.value)
        self.sql_off -= quiet
        if self.loops:
            self.loop_call(node, qualified)

    def loop_call(self, node: cst.Call, qualified: str | None) -> None:
        """A call in an org loop: what it calls, or runs later (`executor.submit(fetch, org)`), is a body use."""
        method = last_name(node.func)
        called = [qualified] if qualified is not None else []
        if method in _DEFERRING_METHODS:
            called.extend(q for arg in node.args if arg.keyword is None and (q := self.qualify(arg.value)) is not None)
        for body in self.loops:
            body.calls.update(called)
            body.accumulates = body.accumulates or method in _COLLECTING_METHODS

    def visit_SimpleString(self, node: cst.BaseExpression) -> None:
        self.string_expression(node)

    visit_ConcatenatedString = visit_FormattedString = visit_SimpleString

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if self.sql_off == 0 and isinstance(node.operator, (cst.Add, cst.Modulo)):
            text = self.text_of(node)
            if text is not None:
                self.string_expression(node, text)
                return
        self.walk_children(node)

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        if type(node.operator) is cst.Or:  # `os.getenv("X") or "http://fallback"`
            self.fallbacks[id(node.left)] = node.right
        self.walk_children(node)

    def env_read(self, node: cst.BaseExpression, name: Template, default: cst.BaseExpression | None) -> None:
        """An env var read by ``node``; its default is the one given, else the right side of an `or`."""
        default = default if default is not None else self.fallbacks.get(id(node))
        value = self.value_of(default) if default is not None else None
        self.emit(EnvRead, node, scope=self.scope, name=name, default=value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if self.qualify(node.value) == "os.environ" and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index):
                self.env_read(node, self.hole(index.value), None)
        self.walk_children(node)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        for comparison in node.comparisons:  # `"X" in os.environ`
            membership = isinstance(comparison.operator, (cst.In, cst.NotIn))
            if membership and self.qualify(comparison.comparator) == "os.environ":
                self.emit(EnvRead, node, scope=self.scope, name=self.hole(left), default=None)
            left = comparison.comparator
        self.walk_children(node)


def _parameters(params: cst.Parameters) -> list[cst.Param]:
    out = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            out.append(star)
    return out


def _is_docstring(stmt: cst.BaseStatement) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _mentions_org(text: str) -> bool:
    return any(part.lower() in _ORG_WORDS for part in _WORD_PART.findall(text))


def _is_node(kind: type) -> bool:
    """issubclass(kind, CSTNode), cached: CSTNode is an ABC, whose isinstance checks are slow."""
    found = _NODE_KINDS.get(kind)
    if found is None:
        found = _NODE_KINDS[kind] = issubclass(kind, cst.CSTNode)
    return found


@cache
def _child_fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    fields = dataclasses.fields(kind)
    return tuple(f.name for f in fields if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace"))


_HANDLERS: dict[type, Callable[[Walker, Any], None]] = {
    getattr(cst, name.removeprefix("visit_")): handler
    for name, handler in vars(Walker).items()
    if name.startswith("visit_")
}
