"""The one walk over an `ast` tree that turns a file into facts.

Facts are collected with the node they are about; their locations are
computed afterwards, for those nodes only (positions.py). The walk recurses
once or a few times per nesting level; analyze_python bounds its depth.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Sequence
from typing import Any

from molecule_lint.facts import (
    MODULE_SCOPE,
    Constant,
    Definition,
    EnvRead,
    Import,
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
    arguments,
    bound_names,
    dotted,
    imported_names,
    join,
)
from molecule_lint.frontends.python.resolver import Resolver
from molecule_lint.frontends.python.syntax import Parsed
from molecule_lint.frontends.python.templates import merge, render
from molecule_lint.sql import looks_like_sql

# A fact before its location is known: (fact class, node it is about, its other fields).
Pending = tuple[type, ast.AST, dict[str, Any]]

# Fields that hold no code worth a fact: expression contexts, operators, type comments.
_SKIPPED_FIELDS = frozenset({"ctx", "op", "ops", "type_comment", "type_ignores", "conversion", "kind"})
_TEXT_OPERATORS = (ast.Add, ast.Mod)
Comprehension = ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp


class Walker(Resolver):
    def __init__(self, parsed: Parsed, module: str, package: str) -> None:
        super().__init__(parsed, module, package)
        self.scope = MODULE_SCOPE
        self.nesting = 0  # defs and classes around the current node
        self.controller_path: str | None = None  # a Litestar `Controller`'s literal `path`, in its body
        self.sql_off = 0  # > 0: strings here are not SQL (log and exception messages, docstring-like)
        self.typing_only = 0  # > 0: under `if TYPE_CHECKING:`
        # Annotations of defs, classes and modules run at import (their names are uses, a dependency of
        # the unit), unless `from __future__ import annotations` keeps them as strings.
        self.annotations_run = not any(
            isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__" and any(a.name == "annotations" for a in stmt.names)
            for stmt in parsed.tree.body
        )
        self.typing_names: set[str] = set()  # imported under TYPE_CHECKING: not there when annotations run
        self.annotating = False
        self.django_models: dict[str, str | None] = {}  # qualified class -> table (None: abstract)
        self.abstract_tables: set[str] = set()  # abstract models whose Meta names a table (children inherit it)
        self.meta_models: dict[str, tuple[str, tuple[str, ...]]] = {}  # Peewee/Tortoise/Piccolo models -> their kind
        # BaseSettings classes -> (env_prefix, case_sensitive, env_nested_delimiter)
        self.settings: dict[str, tuple[str, bool, str]] = {}
        self.class_fields: dict[str, list[ast.AnnAssign]] = {}  # this file's classes -> their annotated fields
        self.table_vars: set[str] = set()  # module-level `x = Table("x", metadata, ...)`
        self.assigning: tuple[ast.AST, str] | None = None  # (value, name) of the `name = value` being walked
        self.fallbacks: dict[int, ast.expr] = {}  # id(x) -> y for `x or y`: y is x's default
        self.env_prefix: Template = ()  # inside `with env.prefixed("APP_"):` (environs), what env objects' names start with
        self.facts: list[Pending] = []
        self._uses: set[tuple[str, str]] = set()

    def run(self) -> list[Pending]:
        self.walk_block(self.tree.body)
        return self.facts

    def emit(self, fact: type, node: ast.AST, /, **fields: Any) -> None:
        self.facts.append((fact, node, fields))

    # -- traversal ----------------------------------------------------------

    def walk(self, node: ast.AST) -> None:
        handler = _HANDLERS.get(type(node))
        if handler is None:
            self.walk_children(node)
        else:
            handler(self, node)

    def walk_children(self, node: ast.AST) -> None:
        for name in _child_fields(type(node)):
            value = getattr(node, name)
            if type(value) is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        self.walk(item)
            elif isinstance(value, ast.AST):
                self.walk(value)

    def walk_all(self, nodes: Sequence[ast.AST]) -> None:
        for node in nodes:
            self.walk(node)

    def walk_quietly(self, node: ast.AST) -> None:
        """Walk for uses only: no string in there is literal SQL."""
        self.sql_off += 1
        self.walk(node)
        self.sql_off -= 1

    def walk_block(self, body: Sequence[ast.stmt]) -> None:
        """A module, class or def body; its docstring (and what shares its line) is neither SQL nor a use."""
        ends = _docstring_end(self.parsed, body[0]) if body else None
        start = 0
        if ends is not None:
            start = 1
            while start < len(body) and body[start].lineno == ends:  # `"""doc"""; x = 1`
                start += 1
        for stmt in body[start:]:
            self.walk(stmt)

    def walk_body(self, body: list[ast.stmt]) -> None:
        """A def's or class's body: an indented block has a docstring; `def f(): "x"; ...` on one line has not."""
        if self.parsed.starts_line(body[0]):
            self.walk_block(body)
        else:
            self.walk_all(body)

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

    def use(self, node: ast.AST, target: str) -> None:
        if self.annotating and (
            target.partition(".")[0] in sys.stdlib_module_names  # `Optional`, `datetime`: never project code
            or any(target == name or target.startswith(f"{name}.") for name in self.typing_names)
        ):
            return  # (annotations naming those imported for typing only are not evaluated: Python 3.14's deferred ones)
        key = (self.scope, target)
        if key not in self._uses:
            self._uses.add(key)
            self.emit(Use, node, scope=self.scope, target=target)

    def string_expression(self, node: ast.AST, text: Template | None = None) -> None:
        """A string-valued expression: literal SQL, or a URL, unless strings here are messages."""
        if self.sql_off == 0:
            self.written_text(node, text if text is not None else self.text_of(node))
        self.sql_off += 1
        self.walk_children(node)
        self.sql_off -= 1

    def written_text(self, node: ast.AST, text: Template | None) -> None:
        if text is not None and looks_like_sql(render(text)):
            self.emit(Sql, node, scope=self.scope, text=text, via="literal")
        elif text is not None and holds_url(text):
            self.emit(UrlLiteral, node, scope=self.scope, value=text)

    # -- statements ---------------------------------------------------------

    def visit_Import(self, node: ast.Import | ast.ImportFrom) -> None:
        for imported in imported_names(node, self.package):
            self.emit(
                Import, node, scope=self.scope, module=imported.module, name=imported.name, alias=imported.alias,
                typing_only=self.typing_only > 0,
            )
            if imported.name != "*":
                self.bind(imported.alias, Binding(imported.qualified))
            if self.typing_only:
                self.typing_names.add(imported.qualified)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer = self.scope
        name = node.name
        if self.nesting == 0:
            self.scope = name
            self.emit(Definition, node, name=name, kind="function")
        for decorator in node.decorator_list:
            calls.decorator_routes(self, decorator, handler=name)
            self.walk(decorator)
        names = self.parameters(node.args)
        for arg in parameters(node.args):
            self.annotation(arg.annotation)
        self.annotation(node.returns)
        self.bind(name, self.local_binding(name))
        self.enter("function", names)
        self.nesting += 1
        self.walk_body(node.body)
        self.nesting -= 1
        self.leave()
        self.scope = outer

    def parameters(self, params: ast.arguments) -> list[str]:
        """Walk the defaults; the parameters' names."""
        for default in params.defaults:
            self.walk(default)
        for keyword_default in params.kw_defaults:
            if keyword_default is not None:
                self.walk(keyword_default)
        return [p.arg for p in parameters(params)]

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.enter("function", self.parameters(node.args))
        self.walk(node.body)
        self.leave()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        outer, outer_attrs, outer_controller = self.scope, self.self_attrs, self.controller_path
        name = node.name
        top = self.nesting == 0
        if top:
            self.scope = name
            self.self_attrs = {}
            self.controller_path = calls.controller_path(self, node)
            self.emit(Definition, node, name=name, kind="class")
        for decorator in node.decorator_list if top else ():
            calls.decorator_routes(self, decorator, view_class=True)
        self.walk_all(node.decorator_list)
        self.walk_all(node.bases)
        for keyword in node.keywords:
            self.walk(keyword.value)
        if top:
            classes.analyse(self, node)
        self.bind(name, self.local_binding(name))
        self.enter("class")
        self.nesting += 1
        self.walk_body(node.body)
        self.nesting -= 1
        self.leave()
        self.scope, self.self_attrs, self.controller_path = outer, outer_attrs, outer_controller

    def _class_alias(self, value: ast.expr, kind: str) -> str | None:
        """`Msg = models.ChatMessage` in a function: the local is another name of the class (an ORM model)."""
        if kind != "function" or type(value) not in (ast.Name, ast.Attribute):
            return None
        qualified = self.qualify(value)
        return qualified if qualified is not None and calls.class_like(qualified.rpartition(".")[2]) else None

    def visit_Assign(self, node: ast.Assign) -> None:
        self.assign(node, node.targets, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if self.frames[-1].kind != "function":  # a local's annotation is never evaluated
            self.annotation(node.annotation)
        self.assign(node, [node.target], node.value)

    def annotation(self, node: ast.expr | None) -> None:
        """An annotation evaluated at import: the names in it are uses (not a string's, nor under TYPE_CHECKING)."""
        if node is not None and self.annotations_run and not self.typing_only and not _is_string(node):
            self.annotating = True
            self.walk_quietly(node)
            self.annotating = False

    def assign(self, statement: ast.stmt, targets: list[ast.expr], value: ast.expr | None) -> None:
        for target in targets:
            self.walk_target(target)
        names = list(bound_names(targets))
        if value is None:
            for name in names:
                self.bind(name, self.local_binding(name))
            return
        single = targets[0].id if len(targets) == 1 and type(targets[0]) is ast.Name else None
        kind = self.frames[-1].kind
        text = self.value_of(value) if kind != "class" else None
        held = None
        if kind == "module" and all(type(t) is ast.Name for t in targets):
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
        call = type(value) is ast.Call
        tracked = self.tracked_of(value) if call else None
        imported = calls.dynamic_import(self, value) if single is not None and call else None  # type: ignore[arg-type]
        for name in names:
            if name == single:
                alias = imported or self._class_alias(value, kind)
                self.bind(name, Binding(alias) if alias else self.local_binding(name, tracked, text))
            else:
                self.bind(name, self.local_binding(name, tracked))
        if held is not None and single is not None:
            self.frames[-1].pending_sql[single] = held
        for target in targets:
            if tracked is not None and type(target) is ast.Attribute and dotted(target.value) == "self":
                self.self_attrs[target.attr] = tracked

    def walk_target(self, target: ast.expr) -> None:
        """An assignment target: names are bindings; attributes and subscripts read their base."""
        kind = type(target)
        if kind is ast.Tuple or kind is ast.List:
            for element in target.elts:  # type: ignore[attr-defined]
                self.walk_target(element)
            return
        if kind is ast.Starred:
            self.walk_target(target.value)  # type: ignore[attr-defined]
            return
        if kind is ast.Subscript:  # `os.environ["X"] = v` writes, it does not read
            self.walk(target.value)  # type: ignore[attr-defined]
            self.walk(target.slice)  # type: ignore[attr-defined]
        elif kind is not ast.Name:
            self.walk(target)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        target = node.target
        in_function = self.frames[-1].kind == "function"
        extends = in_function and type(target) is ast.Name and type(node.op) is ast.Add
        text = self.text_of(target) if extends else None
        if text is None or type(target) is not ast.Name:
            self.walk_target(target)
            self.walk(node.value)
            return
        text = merge((*text, *self.hole(node.value)))  # `q += " WHERE ..."` extends a local string
        held = self.sql_off == 0 and looks_like_sql(render(text))
        (self.walk_quietly if held else self.walk)(node.value)
        self.bind(target.id, Binding(None, None, text))
        if held:
            self.frames[-1].pending_sql[target.id] = (node, text, self.scope)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.walk(node.value)
        for name in bound_names([node.target]):
            self.bind(name, self.local_binding(name))

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.walk(node.iter)
        for name in bound_names([node.target]):
            self.bind(name, self.local_binding(name))
        self.walk_all(node.body)
        self.walk_all(node.orelse)

    def visit_ListComp(self, node: Comprehension) -> None:
        clauses = node.generators
        self.walk(clauses[0].iter)  # evaluated in the enclosing scope
        frame = self.enter("function")
        for index, comp in enumerate(clauses):
            for name in bound_names([comp.target]):
                frame.names[name] = OPAQUE
            if index:
                self.walk(comp.iter)
            self.walk_all(comp.ifs)
        self.walk_all([node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt])
        self.leave()

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        outer = self.env_prefix
        for item in node.items:
            self.walk(item.context_expr)
            self.env_prefix += self._env_prefix(item.context_expr)
            target = item.optional_vars
            if target is None:
                continue
            tracked = self.tracked_of(item.context_expr) if type(target) is ast.Name else None
            for name in bound_names([target]):
                self.bind(name, self.local_binding(name, tracked))
        self.walk_all(node.body)
        self.env_prefix = outer

    def _env_prefix(self, context: ast.expr) -> Template:
        """environs' `env.prefixed("APP_")`: the prefix its reads take inside the block (nested ones add up)."""
        if not (isinstance(context, ast.Call) and isinstance(context.func, ast.Attribute) and context.args):
            return ()
        tracked = self.tracked_of(context.func.value)
        if context.func.attr != "prefixed" or tracked is None or tracked.kind != "env":
            return ()
        return self.hole(context.args[0])

    def visit_If(self, node: ast.If) -> None:
        typing = (dotted(node.test) or "").endswith("TYPE_CHECKING")
        if not typing:
            self.walk(node.test)
        self.typing_only += typing
        self.walk_all(node.body)
        self.typing_only -= typing
        self.walk_all(node.orelse)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.walk(node.type)
        if node.name is not None:
            self.bind(node.name, self.local_binding(node.name))
        self.walk_all(node.body)

    def visit_TryStar(self, node: ast.TryStar) -> None:
        """`except*` handlers bind no name for the walk, and are read body first."""
        self.walk_all(node.body)
        for handler in node.handlers:
            self.walk_all(handler.body)
            if handler.type is not None:
                self.walk(handler.type)
        self.walk_all(node.orelse)
        self.walk_all(node.finalbody)

    def visit_match_case(self, node: ast.match_case) -> None:  # a case's guard is read after its body
        self.walk(node.pattern)
        self.walk_all(node.body)
        if node.guard is not None:
            self.walk(node.guard)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            self.frames[-1].names[name] = self.frames[0].names.get(name) or Binding(join(self.module, name))

    def visit_Raise(self, node: ast.Raise) -> None:  # an exception's message is not SQL
        self.sql_off += 1
        self.walk_children(node)
        self.sql_off -= 1

    def visit_Assert(self, node: ast.Assert) -> None:
        self.walk(node.test)
        if node.msg is not None:
            self.walk_quietly(node.msg)

    def visit_Expr(self, node: ast.Expr) -> None:
        if _is_string(node.value):  # a bare string statement documents, it runs nothing
            self.walk_quietly(node.value)
        else:
            self.walk(node.value)

    # -- expressions --------------------------------------------------------

    def visit_Name(self, node: ast.Name) -> None:
        found = self.binding(node.id)[1]
        if found is not None and found.qualified is not None:
            self.use(node, found.qualified)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.reference(node, self.qualify(node))

    def reference(self, node: ast.expr, qualified: str | None) -> None:
        """A Name/Attribute chain already qualified: one use for the whole chain."""
        kind = type(node)
        if qualified is None:
            if kind is ast.Attribute:
                self.walk(node.value)  # type: ignore[attr-defined]
            elif kind is not ast.Name:
                self.walk(node)
            return
        self.use(node, qualified)
        if kind is ast.Attribute:
            calls.manager_query(self, node)  # type: ignore[arg-type]

    def visit_Call(self, node: ast.Call) -> None:
        text = self._method_text(node) if self.sql_off == 0 else None
        if text is not None:
            self.string_expression(node, text)
            return
        qualified = self.qualify(node.func)
        quiet = calls.analyse(self, node, qualified)
        self.reference(node.func, qualified)
        self.sql_off += quiet
        if node.keywords and any(type(arg) is ast.Starred for arg in node.args):
            self.walk_all([arg.value for arg in arguments(node)])  # `f(x=1, *rest)`: in the order written
        else:
            self.walk_all(node.args)  # `*rest` is walked for `rest`
            for keyword in node.keywords:
                self.walk(keyword.value)
        self.sql_off -= quiet

    def visit_Constant(self, node: ast.Constant) -> None:  # a leaf: nothing under it to walk
        if self.sql_off == 0 and isinstance(node.value, (str, bytes)):
            self.written_text(node, self.text_of(node))

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.string_expression(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if self.sql_off == 0 and type(node.op) in _TEXT_OPERATORS:
            text = self.text_of(node)
            if text is not None:
                self.string_expression(node, text)
                return
            # No text here means none in the left operand either: its `+`/`%` chain is not asked again,
            # which would take time quadratic in the chain's length.
            spine = [node]
            while type(left := spine[-1].left) is ast.BinOp and type(left.op) in _TEXT_OPERATORS:
                spine.append(left)
            self.walk(spine[-1].left)
            for operation in reversed(spine):
                self.walk(operation.right)
            return
        self.walk_children(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        if type(node.op) is ast.Or:  # `os.getenv("X") or "http://fallback"`
            self.fallbacks[id(node.values[0])] = node.values[1]
        self.walk_all(node.values)

    def env_read(self, node: ast.AST, name: Template, default: ast.expr | None) -> None:
        """An env var read by ``node``; its default is the one given, else the right side of an `or`."""
        default = default if default is not None else self.fallbacks.get(id(node))
        value = self.value_of(default) if default is not None else None
        self.emit(EnvRead, node, scope=self.scope, name=name, default=value)

    def visit_Dict(self, node: ast.Dict) -> None:  # entry by entry: `ast` keeps keys and values apart
        for key, value in zip(node.keys, node.values):
            if key is not None:
                self.walk(key)
            self.walk(value)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if type(node.slice) is not ast.Slice and self.qualify(node.value) == "os.environ":
            self.env_read(node, self.hole(node.slice), None)
        self.walk(node.value)
        self.walk(node.slice)

    def visit_Compare(self, node: ast.Compare) -> None:
        left = node.left
        for operator, comparator in zip(node.ops, node.comparators):  # `"X" in os.environ`
            membership = type(operator) in (ast.In, ast.NotIn)
            if membership and self.qualify(comparator) == "os.environ":
                self.emit(EnvRead, node, scope=self.scope, name=self.hole(left), default=None)
            left = comparator
        self.walk(node.left)
        self.walk_all(node.comparators)


def parameters(params: ast.arguments) -> list[ast.arg]:
    """Every parameter: positional, keyword-only, then `*args` and `**kwargs`."""
    out = [*params.posonlyargs, *params.args, *params.kwonlyargs]
    for star in (params.vararg, params.kwarg):
        if star is not None:
            out.append(star)
    return out


def _is_string(node: ast.AST) -> bool:
    return type(node) is ast.JoinedStr or (type(node) is ast.Constant and isinstance(node.value, (str, bytes)))


def _docstring_end(parsed: Parsed, stmt: ast.stmt) -> int | None:
    """The line a block's docstring ends on: a string statement first in the block (an f-string only
    when concatenated with another string), else None."""
    if type(stmt) is not ast.Expr:
        return None
    value = stmt.value
    if type(value) is ast.Constant and isinstance(value.value, (str, bytes)):
        return stmt.end_lineno
    if type(value) is ast.JoinedStr and parsed.positions.is_concatenation(value):
        return stmt.end_lineno
    return None


_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def _child_fields(kind: type[ast.AST]) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(name for name in kind._fields if name not in _SKIPPED_FIELDS)
    return found


_HANDLERS: dict[type, Callable[[Walker, Any], None]] = {
    ast.Import: Walker.visit_Import,
    ast.ImportFrom: Walker.visit_Import,
    ast.FunctionDef: Walker.visit_FunctionDef,
    ast.AsyncFunctionDef: Walker.visit_FunctionDef,
    ast.Lambda: Walker.visit_Lambda,
    ast.ClassDef: Walker.visit_ClassDef,
    ast.Assign: Walker.visit_Assign,
    ast.AnnAssign: Walker.visit_AnnAssign,
    ast.AugAssign: Walker.visit_AugAssign,
    ast.NamedExpr: Walker.visit_NamedExpr,
    ast.For: Walker.visit_For,
    ast.AsyncFor: Walker.visit_For,
    ast.ListComp: Walker.visit_ListComp,
    ast.SetComp: Walker.visit_ListComp,
    ast.GeneratorExp: Walker.visit_ListComp,
    ast.DictComp: Walker.visit_ListComp,
    ast.With: Walker.visit_With,
    ast.AsyncWith: Walker.visit_With,
    ast.If: Walker.visit_If,
    ast.ExceptHandler: Walker.visit_ExceptHandler,
    ast.TryStar: Walker.visit_TryStar,
    ast.match_case: Walker.visit_match_case,
    ast.Global: Walker.visit_Global,
    ast.Raise: Walker.visit_Raise,
    ast.Assert: Walker.visit_Assert,
    ast.Expr: Walker.visit_Expr,
    ast.Name: Walker.visit_Name,
    ast.Attribute: Walker.visit_Attribute,
    ast.Call: Walker.visit_Call,
    ast.Constant: Walker.visit_Constant,
    ast.JoinedStr: Walker.visit_JoinedStr,
    ast.BinOp: Walker.visit_BinOp,
    ast.BoolOp: Walker.visit_BoolOp,
    ast.Subscript: Walker.visit_Subscript,
    ast.Compare: Walker.visit_Compare,
    ast.Dict: Walker.visit_Dict,
}
