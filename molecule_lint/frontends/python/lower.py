"""Lower a Python module (stdlib `ast`) into value-flow Summaries: one per module body, class body and
function, their expressions in the language-neutral value language of molecule_lint.facts.

The lowering only says what the code writes: `a + b` is a Concat, `"x" % y` a Format, `p / "x"` a
PathJoin, names are qualified through the file's imports. What a call or a value means (SQL, a URL, a
settings field) is the core's business, after resolution.
"""

from __future__ import annotations

import ast
import builtins
from collections import defaultdict
from collections.abc import Iterator

from molecule_lint.facts import (
    MAX_VALUE_NESTING,
    MODULE_SCOPE,
    SPREAD,
    Attr,
    Binding,
    Call,
    CallSite,
    Collection,
    Concat,
    Format,
    Guard,
    Item,
    Lit,
    Location,
    LoopSite,
    Param,
    PathJoin,
    Summary,
    Unknown,
    Value,
    Var,
    interned,
)
from molecule_lint.frontends.python.names import dotted
from molecule_lint.frontends.python.positions import Positions

UNKNOWN = Unknown()
ANY = Unknown()  # as the key of an Item: any element
# Builtins whose meaning the core knows (the rest are plain unknown calls).
_BUILTINS = frozenset({"str", "getattr", "dict", "open", "property"})
_Nested = tuple[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]
_PYTHON_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))
# Calls that keep what a loop iteration got: into a collection, a queue, a file, a session, a metric.
_COLLECTING_METHODS = frozenset(
    {"append", "extend", "add", "update", "insert", "appendleft", "extendleft", "setdefault", "put", "put_nowait",
     "write", "writerow", "writerows", "push", "record", "send", "emit", "incr", "observe"}
)  # fmt: skip
# Calls that run a function given as an argument: `executor.submit(fetch, org)`, `loop.run_in_executor(None, f)`.
_DEFERRING_METHODS = frozenset(
    {"submit", "run_in_executor", "to_thread", "apply_async", "spawn", "create_task", "start_soon", "call_soon",
     "ensure_future", "enqueue", "send_task"}
)  # fmt: skip
# `executor.map(fn, items)`, `pool.imap(...)`, `map(fn, items)`: a loop whose body calls fn.
_MAPS = frozenset({"map", "starmap", "imap", "imap_unordered", "map_async"})
# configparser: a statement `parser.read(path)` fills the parser a name holds (the name then holds the call).
_CONFIG_PARSERS = frozenset({"configparser.ConfigParser", "configparser.RawConfigParser"})
_CONFIG_READS = frozenset({"read", "read_file", "read_string"})
_CONTEXT_MANAGERS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
_BRANCHING = (ast.If, ast.Try, ast.TryStar, ast.Match)
_EQUALITIES = (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)
_Comprehension = ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
_Node = ast.stmt | ast.expr


def summaries(tree: ast.Module, package: str, positions: Positions) -> list[Summary]:
    """Every unit of the module, the module body first; ``package`` resolves relative imports."""
    return _Lowering(package, positions).run(tree)


class _Unit:
    """What one unit's walk collects."""

    def __init__(self, params: tuple[Param, ...], receiver: str | None, receiver_kind: str) -> None:
        self.params = params
        self.param_names = {p.name for p in params}
        self.receiver = receiver  # the name of `self` / `cls` in a method
        self.receiver_kind = receiver_kind
        self.static = False
        self.bindings: list[Binding] = []
        self.returns: list[Binding] = []
        self.calls: list[CallSite] = []
        self.loops: list[LoopSite] = []
        self.guards: list[Guard] = []
        self.open: list[_OpenLoop] = []  # the loops being lowered, innermost last
        self.branches = 0  # inside an `if`, `try` or `match`: what it assigns may not run
        self.function = False
        self.decorators: tuple[str, ...] = ()
        self.wrappers: tuple[Value, ...] = ()
        self.assigned: set[str] = set()  # in a function, a name assigned so far is its local, not a module's
        self.hidden: set[str] = set()  # the parameters of the lambdas being lowered: unknown values
        # Nested functions so far, by name: one that writes to this unit's names gathers, run per item. Whether
        # it does is asked only of those a loop calls (a class's methods are nested functions of its body).
        self.inner: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = defaultdict(list)
        self._keeping: dict[str, bool] = {}

    def keeps(self, name: str) -> bool:
        """Whether a nested function of that name writes to this unit's names (see _keeps_outside)."""
        if name not in self._keeping:
            self._keeping[name] = any(_keeps_outside(function) for function in self.inner.get(name, ()))
        return self._keeping[name]

    def nest(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.inner[function.name].append(function)
        self._keeping.pop(function.name, None)

    def bound_before(self, loop: _OpenLoop, name: str) -> bool:
        return name in self.param_names or any(b.name == name for b in self.bindings[: loop.outer])

    def accumulated(self, name: str | None = None) -> None:
        """What is being lowered keeps something across the iterations of the open loops; with ``name``,
        only of loops that started with that name already bound (`total = total + n`)."""
        for loop in self.open:
            if name is None or self.bound_before(loop, name):
                loop.accumulates = True


class _OpenLoop:
    def __init__(self, outer: int, accumulates: bool) -> None:
        self.outer = outer  # the unit's bindings before the loop: assigning one keeps a value across iterations
        self.accumulates = accumulates
        self.body: list[Value] = []


class _Lowering:
    def __init__(self, package: str, positions: Positions) -> None:
        self.package = package
        self.positions = positions
        self.imports: dict[str, str] = {}  # local name -> qualified name
        self.out: list[Summary] = []
        # A node is lowered once (a call in an argument is also a call site) and equal values are one
        # object: pickle then stores each once, which keeps the facts cache small.
        self._lowered: dict[int, Value] = {}
        self._interned: dict[Value, Value] = {}
        self._nesting = 0  # of the expression being lowered
        self._discarded: ast.expr | None = None  # an expression statement's value: its result is dropped
        self._partials: dict[str, ast.Call] = {}  # the class being lowered: `self.x = partial(f, "GET")`, by x
        # Every spelling of functools.partial (`partial`, `functools.partial`, `ft.partial`) has the word: a
        # file without it binds none, and its classes' methods are not walked for them.
        self._may_bind_partials = b"partial" in positions.utf8

    def run(self, tree: ast.Module) -> list[Summary]:
        self._unit(MODULE_SCOPE, "module", tree.body, _Unit((), None, "self"), Location(1, 1, 1, 1))
        return self.out

    # -- units ----------------------------------------------------------------

    def _unit(
        self, name: str, kind: str, body: list[ast.stmt], unit: _Unit, loc: Location, bases: tuple[Value, ...] = ()
    ) -> None:
        nested: list[_Nested] = []
        self._block(body, unit, kind == "class", name, nested)
        if kind == "class" or unit.bindings or unit.returns or unit.calls or unit.loops:  # a class: for its methods
            summary = Summary(
                loc, name, kind, unit.params, tuple(unit.bindings), tuple(unit.returns), tuple(unit.calls), bases,
                unit.static,
                tuple(unit.loops),
                tuple(unit.guards),
                unit.decorators,
                unit.wrappers,
            )
            self.out.append(summary)
        outer = self._partials
        if kind == "class":
            self._partials = self._bound_partials(body) if self._may_bind_partials else {}
        for qualname, node in nested:
            if isinstance(node, ast.ClassDef):
                class_bases = tuple(self.expr(base, unit) for base in node.bases)
                self._unit(qualname, "class", node.body, _Unit((), None, "self"), self._loc(node), class_bases)
            else:
                self._function(qualname, node, in_class=kind == "class")
        self._partials = outer

    def _bound_partials(self, body: list[ast.stmt]) -> dict[str, ast.Call]:
        """`self.x = functools.partial(self.request, "GET")` in a method of the class: a call `self.x(path)`
        elsewhere is `self.request("GET", path)`. Only arguments that mean the same in every method (literals,
        module names, the receiver's attributes) are carried over; an attribute bound twice is not."""
        bound: dict[str, list[tuple[ast.expr, set[str]]]] = {}  # attribute -> (value, the binding method's parameters)
        for method in body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or not method.args.args:
                continue
            receiver = method.args.args[0].arg
            params = {a.arg for a in (*method.args.posonlyargs, *method.args.args, *method.args.kwonlyargs)} - {receiver}
            for node in ast.walk(method):
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Attribute) and _is_name(target.value, receiver):
                        bound.setdefault(target.attr, []).append((node.value, params))
        return {
            name: value
            for name, ((value, params), *more) in bound.items()
            if not more and isinstance(value, ast.Call) and self._is_partial(value, params)
        }

    def _is_partial(self, node: ast.Call, params: set[str]) -> bool:
        if not node.args:
            return False
        name = dotted(node.func)
        head, _, rest = (name or "").partition(".")
        if (self.imports.get(head, head) + (f".{rest}" if rest else "")) != "functools.partial":
            return False
        return all(_frame_free(arg, params) for arg in (*node.args, *(k.value for k in node.keywords)))

    def _function(self, qualname: str, node: ast.FunctionDef | ast.AsyncFunctionDef, in_class: bool) -> None:
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        empty = _Unit((), None, "self")
        params = [
            Param(a.arg, None if d is None else self.expr(d, empty), annotation=self._annotation(a, empty))
            for a, d in zip(positional, defaults)
        ]
        if args.vararg is not None:
            params.append(Param(args.vararg.arg, variadic=True))
        params += [
            Param(a.arg, None if d is None else self.expr(d, empty), keyword_only=True, annotation=self._annotation(a, empty))
            for a, d in zip(args.kwonlyargs, args.kw_defaults)
        ]
        if args.kwarg is not None:
            params.append(Param(args.kwarg.arg, keyword_only=True, keywords=True))
        decorators = {_last_name(d) for d in node.decorator_list}
        static = in_class and "staticmethod" in decorators
        receiver = positional[0].arg if in_class and positional and not static else None
        kind = "cls" if "classmethod" in decorators else "self"
        unit = _Unit(tuple(params), receiver, kind)
        unit.static = static
        unit.function = True
        named = (self.expr(d.func if isinstance(d, ast.Call) else d, empty) for d in node.decorator_list)
        unit.decorators = tuple(
            value.name if value.kind == "global" else f"builtins.{value.name}"
            for value in named if isinstance(value, Var) and value.kind in ("global", "builtin")
        )  # fmt: skip
        written = (self.expr(d, empty) for d in node.decorator_list)
        unit.wrappers = tuple(value for value in written if not (isinstance(value, Var) and value.kind == "builtin"))
        self._unit(qualname, "function", node.body, unit, self._loc(node))

    def _annotation(self, arg: ast.arg, unit: _Unit) -> Value | None:
        """A parameter's declared type (`aiohttp.ClientSession`, an injected `Repo`, `Annotated[Repo, Depends()]`):
        what an unbound parameter is an instance of."""
        return None if arg.annotation is None else self.expr(arg.annotation, unit)

    # -- statements -----------------------------------------------------------

    def _block(self, body: list[ast.stmt], unit: _Unit, in_class: bool, name: str, nested: list[_Nested]) -> None:
        """The statements of a unit, in order; expressions are lowered as they come (which records their
        calls), nested functions and classes are left for later (units of their own)."""
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                nested.append((node.name if name == MODULE_SCOPE else f"{name}.{node.name}", node))
                if name != MODULE_SCOPE and not isinstance(node, ast.ClassDef):
                    unit.nest(node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self._import(node)
            elif isinstance(node, ast.Assign):
                value = self.expr(node.value, unit)
                for target in node.targets:
                    self._stored(target, unit)
                    self._bind(target, node.value, value, unit, node.lineno)
                    if name == MODULE_SCOPE and isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                        if not _bind_entry(target, value, unit, node.lineno):  # `REGISTRY[KIND] = ...`: by the key's value
                            self._store_entry(target, target.value, value, unit)
            elif isinstance(node, ast.AnnAssign):
                if node.value is not None:
                    self._stored(node.target, unit)
                if node.value is not None and name != MODULE_SCOPE and not in_class and isinstance(node.target, ast.Name):
                    declared = self.expr(node.annotation, _Unit((), None, "self"))
                    value = self.expr(node.value, unit)
                    unit.bindings.append(Binding(node.target.id, value, node.lineno, declared, unit.branches > 0))
                    unit.assigned.add(node.target.id)
                elif node.value is not None:
                    self._bind(node.target, node.value, self.expr(node.value, unit), unit, node.lineno)
                elif in_class and isinstance(node.target, ast.Name):  # a field without default: a settings field
                    unit.bindings.append(Binding(node.target.id, UNKNOWN, node.lineno))
            elif isinstance(node, ast.AugAssign):
                unit.accumulated()
                value = self.expr(node.value, unit)
                if isinstance(node.op, ast.Add):
                    self._bind(node.target, None, Concat((self.expr(node.target, unit), value)), unit, node.lineno)
            elif isinstance(node, ast.Return):
                if node.value is not None:
                    unit.returns.append(Binding("return", self.expr(node.value, unit), node.lineno))
            elif isinstance(node, ast.Expr):
                self._discarded = node.value  # `[notify(o) for o in orgs]` builds a list nobody keeps
                value = self.expr(node.value, unit)
                parser = _filled_config_parser(node.value, unit)
                if parser is not None:
                    self._bind(parser, None, value, unit, node.lineno)
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                over = self.expr(node.iter, unit)
                loop = self._open(unit, False)
                self._bind(node.target, None, Item(over, ANY), unit, node.target.lineno)
                self._block(node.body, unit, in_class, name, nested)
                unit.open.pop()
                self._site(unit, loop, node, node.iter, over, [node.target])
                self._block(node.orelse, unit, in_class, name, nested)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    value = self.expr(item.context_expr, unit)
                    if item.optional_vars is not None:
                        self._bind(item.optional_vars, None, value, unit, item.optional_vars.lineno)
                self._block(node.body, unit, in_class, name, nested)
            else:  # if, while, try, match, raise, assert, ...: their expressions, then their blocks
                if isinstance(node, (ast.If, ast.Assert)):
                    self._guard(node.test, unit, node.lineno)
                branching = isinstance(node, _BRANCHING)
                unit.branches += branching
                for field in node._fields:
                    child = getattr(node, field)
                    for item in child if isinstance(child, list) else (child,):
                        self._child(item, unit, in_class, name, nested)
                unit.branches -= branching

    def _child(self, item: object, unit: _Unit, in_class: bool, name: str, nested: list[_Nested]) -> None:
        if isinstance(item, ast.expr):
            self.expr(item, unit)
        elif isinstance(item, ast.stmt):
            self._block([item], unit, in_class, name, nested)
        elif isinstance(item, (ast.excepthandler, ast.match_case)):
            for field in item._fields:
                child = getattr(item, field)
                for sub in child if isinstance(child, list) else (child,):
                    self._child(sub, unit, in_class, name, nested)

    def _guard(self, test: ast.expr, unit: _Unit, line: int) -> None:
        """The names, or fields of names, an `if` or `assert` compares for equality (`if org_id !=
        settings.org_id: raise`, `if event.org_id != own: return`)."""
        if isinstance(test, ast.BoolOp):
            for value in test.values:
                self._guard(value, unit, line)
        elif isinstance(test, ast.UnaryOp):
            self._guard(test.operand, unit, line)
        elif isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], _EQUALITIES):
            for checked, other in ((test.left, test.comparators[0]), (test.comparators[0], test.left)):
                if isinstance(checked, ast.Name):
                    unit.guards.append(Guard(checked.id, self.expr(other, unit), line))
                elif isinstance(checked, ast.Attribute) and isinstance(checked.value, ast.Name):
                    unit.guards.append(Guard(f"{checked.value.id}.{checked.attr}", self.expr(other, unit), line))

    def _stored(self, target: ast.expr, unit: _Unit) -> None:
        """`d[k] = v`, `self.total = ...`, `latest = row` keep something across the iterations of a loop."""
        if not unit.open:
            return
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._stored(element, unit)
        elif isinstance(target, ast.Starred):
            self._stored(target.value, unit)
        else:
            unit.accumulated(target.id if isinstance(target, ast.Name) else None)

    def _open(self, unit: _Unit, collects: bool) -> _OpenLoop:
        loop = _OpenLoop(len(unit.bindings), collects)
        unit.open.append(loop)
        return loop

    def _site(
        self, unit: _Unit, loop: _OpenLoop, node: _Node, iterable: ast.expr, over: Value, targets: list[ast.expr]
    ) -> None:
        names = tuple(name for target in targets for name in _target_names(target))
        text = " ".join(self.positions.code(iterable).split())
        called = tuple(dict.fromkeys(loop.body))
        unit.loops.append(LoopSite(self._loc(node), over, text, names, called, loop.accumulates))

    def _bind(self, target: ast.expr, node: ast.expr | None, value: Value, unit: _Unit, line: int) -> None:
        if isinstance(target, ast.Name):
            unit.bindings.append(Binding(target.id, value, line, None, unit.branches > 0))
            unit.assigned.add(target.id)
        elif isinstance(target, ast.Attribute) and _is_name(target.value, unit.receiver):
            unit.bindings.append(Binding(f"self.{target.attr}", value, line, None, unit.branches > 0))
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
            if _bound(target.value.id, unit):
                return
            # `_local.org_id = org`: a module-level object changed (a thread-local, a registry), as the call it is
            func = Attr(self._name(target.value.id, unit), "__setattr__")
            unit.calls.append(CallSite(self._loc(target), func, (Lit(target.attr), value)))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute):
            # `app.config["DSN"] = url`: an entry stored into an object's mapping, as the call it is
            func = Attr(self.expr(target.value, unit), "__setitem__")
            unit.calls.append(CallSite(self._loc(target), func, (self.expr(target.slice, unit), value)))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and unit.function:
            if not _bound(target.value.id, unit):
                self._store_entry(target, target.value, value, unit)
        elif isinstance(target, (ast.Tuple, ast.List)):
            literal = node.elts if isinstance(node, (ast.Tuple, ast.List)) else None
            if literal is not None and len(literal) != len(target.elts):
                return
            for i, element in enumerate(target.elts):
                if literal is not None:
                    self._bind(element, literal[i], self.expr(literal[i], unit), unit, line)
                else:
                    self._bind(element, None, Item(value, Lit(i)), unit, line)

    def _store_entry(self, target: ast.Subscript, mapping: ast.Name, value: Value, unit: _Unit) -> None:
        """`REGISTRY[name] = table` into a module-level mapping: the call it is, which the core reads per call
        of the unit (`register(name, table)` binds them)."""
        func = Attr(Var("local", mapping.id), "__setitem__")
        unit.calls.append(CallSite(self._loc(target), func, (self.expr(target.slice, unit), value)))

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.imports[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.imports[top] = top
            return
        base = node.module or ""
        if node.level:
            parts = self.package.split(".") if self.package else []
            parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
            base = ".".join([*parts, *([node.module] if node.module else [])])
        for alias in node.names:
            if alias.name != "*":
                self.imports[alias.asname or alias.name] = f"{base}.{alias.name}" if base else alias.name

    # -- expressions ----------------------------------------------------------

    def expr(self, node: ast.expr, unit: _Unit) -> Value:
        value = self._lowered.get(id(node))
        if value is None:
            if self._nesting >= MAX_VALUE_NESTING:
                return UNKNOWN
            self._nesting += 1
            try:
                value = interned(self._interned, self._expr(node, unit))
            finally:
                self._nesting -= 1
            self._lowered[id(node)] = value
        return value

    def _expr(self, node: ast.expr, unit: _Unit) -> Value:
        if isinstance(node, ast.Name):  # the commonest first
            return self._name(node.id, unit)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, unit)
        if isinstance(node, ast.Call):
            return self._call(node, unit)
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bytes):
                return Lit(value.decode("utf-8", "replace"))
            return Lit(value) if isinstance(value, (str, int, float, bool)) or value is None else UNKNOWN
        if isinstance(node, ast.JoinedStr):
            return Concat(tuple(self._fstring_part(part, unit) for part in node.values))
        if isinstance(node, ast.BinOp):
            return self._binop(node, unit)
        if isinstance(node, ast.Subscript):
            base, key = self.expr(node.value, unit), self.expr(node.slice, unit)
            # a module-level name, imported or the module's own (`ENV = dotenv_values(); ENV["X"]`): a read
            # a library model may name (`os.environ.__getitem__`)
            own = isinstance(base, Var) and base.kind == "local" and not (unit.function and base.name in unit.assigned)
            module_level = isinstance(base, Var) and base.kind == "global" or own
            if module_level and isinstance(node.ctx, ast.Load):
                unit.calls.append(CallSite(self._loc(node), Attr(base, "__getitem__"), (key,)))
            return Item(base, key)
        if isinstance(node, ast.Dict):
            pairs = [(k, v) for k, v in zip(node.keys, node.values) if k is not None]
            keys = tuple(self.expr(k, unit) for k, _ in pairs)
            return Collection("dict", keys, tuple(self.expr(v, unit) for _, v in pairs), tuple(v.lineno for _, v in pairs))
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            kind = type(node).__name__.lower()
            return Collection(kind, (), tuple(v for e in node.elts for v in self._element(e, unit)))
        if isinstance(node, ast.IfExp):  # either branch: "any element" of the pair
            self.expr(node.test, unit)
            return Item(Collection("tuple", (), (self.expr(node.body, unit), self.expr(node.orelse, unit))), ANY)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):  # `os.environ.get("X") or "default"`
            return Item(Collection("tuple", (), tuple(self.expr(v, unit) for v in node.values)), ANY)
        if isinstance(node, ast.Await):
            return self.expr(node.value, unit)
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq):
            # what `a == b` calls: query builders read `where(T.c.org_id == x)` from it (no call site)
            return Call(Attr(self.expr(node.left, unit), "__eq__"), (self.expr(node.comparators[0], unit),))
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            # What it builds, as the builtin that builds the same from its elements: a hole for a text,
            # but the elements' origin stays known (a list of rows read from tenant data, for lineage).
            elements = self._comprehension(node, unit)
            return Call(Var("builtin", "dict" if isinstance(node, ast.DictComp) else "list"), elements)
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            unit.accumulated()
            if unit.function and node.value is not None:
                self._yielded(node, self.expr(node.value, unit), unit)
        if isinstance(node, ast.NamedExpr):
            bound = self.expr(node.value, unit)
            self._bind(node.target, None, bound, unit, node.lineno)
            return bound
        if isinstance(node, ast.Lambda):
            return self._lambda(node, unit)
        for child in ast.iter_child_nodes(node):  # no value, but the calls in it are call sites
            if isinstance(child, ast.expr):
                self.expr(child, unit)
        return UNKNOWN

    def _yielded(self, node: ast.Yield | ast.YieldFrom, value: Value, unit: _Unit) -> None:
        """What a generator yields is what iterating its call gives: its returns are the list of its yields (`yield
        from xs`: xs). A context manager's one yield is what `with f() as x` binds."""
        if _CONTEXT_MANAGERS.intersection(unit.decorators):
            returned = value
        else:
            returned = value if isinstance(node, ast.YieldFrom) else Collection("list", (), (value,))
        unit.returns.append(Binding("return", returned, node.lineno))

    def _lambda(self, node: ast.Lambda, unit: _Unit) -> Value:
        """A lambda as the builtin `lambda` called with its body: what calling it returns. The body's calls
        are the unit's call sites (`field(default_factory=lambda: env(X))` reads X where it is written); its
        own parameters are unknown there (no caller binds them), as they are in the value."""
        args = node.args
        own = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg) if a is not None}
        hidden = own - unit.hidden
        unit.hidden |= hidden
        try:
            return Call(Var("builtin", "lambda"), (self.expr(node.body, unit),))
        finally:
            unit.hidden -= hidden

    def _comprehension(self, node: _Comprehension, unit: _Unit) -> tuple[Value, ...]:
        """Its variables are the unit's (one scope is enough here); each `for` clause a loop whose body is
        the rest, that collects unless the comprehension is a statement of its own. Returns its elements."""
        clauses = node.generators
        over = self.expr(clauses[0].iter, unit)  # evaluated in the enclosing scope
        loop = self._open(unit, node is not self._discarded)
        for generator in clauses:
            iterable = self.expr(generator.iter, unit)
            self._bind(generator.target, None, Item(iterable, ANY), unit, generator.target.lineno)
            for condition in generator.ifs:
                self.expr(condition, unit)
        elements = (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,)
        lowered = tuple(self.expr(element, unit) for element in elements)
        unit.open.pop()
        self._site(unit, loop, node, clauses[0].iter, over, [g.target for g in clauses])
        return lowered

    def _fstring_part(self, node: ast.expr, unit: _Unit) -> Value:
        if isinstance(node, ast.FormattedValue):
            return self.expr(node.value, unit)
        return self.expr(node, unit)

    def _binop(self, node: ast.BinOp, unit: _Unit) -> Value:
        left, right = self.expr(node.left, unit), self.expr(node.right, unit)
        if isinstance(node.op, ast.Add):
            return Concat((*_flat(left, Concat), *_flat(right, Concat)))
        if isinstance(node.op, ast.Div):  # pathlib.Path / "x", yarl.URL / "x"
            return PathJoin((*_flat(left, PathJoin), *_flat(right, PathJoin)))
        if isinstance(node.op, ast.Mod):
            if isinstance(node.right, ast.Dict) and isinstance(right, Collection):
                keyed = [(k.value, v) for k, v in zip(right.keys, right.values) if isinstance(k, Lit)]
                return Format("percent", left, (), tuple((str(k), v) for k, v in keyed))
            args = right.values if isinstance(node.right, ast.Tuple) and isinstance(right, Collection) else (right,)
            return Format("percent", left, args)
        return UNKNOWN

    def _name(self, name: str, unit: _Unit) -> Value:
        if name in unit.hidden:
            return UNKNOWN
        if name in unit.param_names and name not in unit.assigned:
            return Var("param", name)
        if unit.function and name in unit.assigned:  # (a parameter assigned again too: `job = job or Job()`)  # `async with ClientSession() as http` after `import http`
            return Var("local", name)
        if name in self.imports:
            return Var("global", self.imports[name])
        if name in _BUILTINS:
            return Var("builtin", name)
        return Var("local", name)

    def _attribute(self, node: ast.Attribute, unit: _Unit) -> Value:
        if _is_name(node.value, unit.receiver):
            return Var(unit.receiver_kind, node.attr)
        base = self.expr(node.value, unit)
        if isinstance(base, Var) and base.kind == "global":  # `mod.NAME`, `os.environ`: one qualified name
            return Var("global", f"{base.name}.{node.attr}")
        return Attr(base, node.attr)

    def _call(self, node: ast.Call, unit: _Unit) -> Value:
        func = node.func
        if isinstance(func, ast.Attribute) and _is_name(func.value, unit.receiver) and func.attr in self._partials:
            bound = self._partials[func.attr]  # `self._get(path)` is `self._request("GET", path)`
            call = ast.Call(bound.args[0], [*bound.args[1:], *node.args], [*bound.keywords, *node.keywords])
            node = ast.copy_location(call, node)
            func = node.func
        args, kwargs = self._arguments(node, unit)
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return Format("brace", self.expr(func.value, unit), args, kwargs)
        callee = self.expr(func, unit)
        # No call site for a builtin (`len(x)`); `f()` has one: it binds nothing, but what it runs is reached
        # (call reach: `memory_stats()` of shared code reading a tenant table).
        if not _is_builtin(callee):
            unit.calls.append(CallSite(self._loc(node), callee, args, kwargs))
        method = _last_name(func)
        if unit.open:
            self._loop_call(unit, callee, method, args)
        if method in _MAPS and len(node.args) >= 2 and not (isinstance(callee, Var) and callee.kind == "global"):
            loop = _OpenLoop(0, node is not self._discarded)
            loop.body.append(args[0])
            self._site(unit, loop, node, node.args[1], args[1], [])
        elif method == "map" and len(node.args) == 1 and not node.keywords and isinstance(func, ast.Attribute):
            # a task mapped over an iterable (Prefect's and Celery's `fetch.map(orgs)`): the task is the body
            loop = _OpenLoop(0, node is not self._discarded)
            loop.body.append(self.expr(func.value, unit))
            self._site(unit, loop, node, node.args[0], args[0], [])
        elif method == "expand" and isinstance(func, ast.Attribute) and len(kwargs) == len(node.keywords) == 1:
            # Airflow's dynamic task mapping, `export.expand(org_id=active())`, `export.partial(...).expand(...)`:
            # one run of the task per item, the keyword its variable
            task = func.value
            if isinstance(task, ast.Call) and isinstance(task.func, ast.Attribute) and task.func.attr == "partial":
                task = task.func.value
            loop = _OpenLoop(0, node is not self._discarded)
            loop.body.append(self.expr(task, unit))
            target = ast.Name(id=kwargs[0][0], ctx=ast.Store())
            self._site(unit, loop, node, node.keywords[0].value, kwargs[0][1], [target])
        return Call(callee, args, kwargs)

    def _loop_call(self, unit: _Unit, callee: Value, method: str | None, args: tuple[Value, ...]) -> None:
        """A call in a loop: what it calls, or runs later (`executor.submit(fetch, org)`), is the body's."""
        called = [callee, *(args if method in _DEFERRING_METHODS else ())]
        for loop in unit.open:
            loop.body.extend(called)
        if method in _COLLECTING_METHODS or any(isinstance(v, Var) and unit.keeps(v.name) for v in called):
            unit.accumulated()
        elif method in _DEFERRING_METHODS:  # `tg.start_soon(fetch, org, results)`: each run fills `results`
            for name in {v.name for v in args if isinstance(v, Var) and _made_empty(v.name, unit)}:
                unit.accumulated(name)

    def _arguments(self, node: ast.Call, unit: _Unit) -> tuple[tuple[Value, ...], tuple[tuple[str, Value], ...]]:
        args: list[Value] = []
        for a in node.args:
            args.extend(self._spread(a.value, unit) if isinstance(a, ast.Starred) else (self.expr(a, unit),))
        # `**options` is kept as a SPREAD entry: a mapping passed on whole (`template.render(**params)`)
        kwargs = tuple((k.arg if k.arg is not None else SPREAD, self.expr(k.value, unit)) for k in node.keywords)
        return tuple(args), kwargs

    def _element(self, node: ast.expr, unit: _Unit) -> tuple[Value, ...]:
        """An element of a list or tuple display; `*xs` as `_spread` knows it, else left out."""
        if not isinstance(node, ast.Starred):
            return (self.expr(node, unit),)
        return tuple(v for v in self._spread(node.value, unit) if v != UNKNOWN)

    def _spread(self, node: ast.expr, unit: _Unit) -> tuple[Value, ...]:
        """The arguments `*xs` passes: the elements of a tuple or list written there or bound once to the name
        (`where(*conditions)`), the unit's variadic parameter itself; else one unknown, though what builds
        `xs` runs (`gather(*(f(o) for o in orgs))`)."""
        value = self.expr(node, unit)
        if isinstance(node, ast.Name) and any(p.variadic and p.name == node.id for p in unit.params):
            return (value,)  # the unit's own `*criteria`: what each caller passes (the core splices it in)
        if isinstance(node, ast.Name):
            bound = [b.value for b in unit.bindings if b.name == node.id]
            value = bound[0] if len(bound) == 1 else value
        if isinstance(value, Collection) and value.kind in ("tuple", "list"):
            return value.values
        return (UNKNOWN,)

    def _loc(self, node: _Node) -> Location:
        return self.positions.location(node)


def _frame_free(node: ast.expr, params: set[str]) -> bool:
    """A partial's argument that means the same in any method: a literal, or a dotted name not rooted in a
    parameter of the method binding it."""
    if isinstance(node, ast.Constant):
        return True
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id not in params


def _filled_config_parser(node: ast.expr, unit: _Unit) -> ast.Name | None:
    """The name in `parser.read(path)` when it was last bound to a configparser (or to such a read)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CONFIG_READS):
        return None
    name = node.func.value
    if not isinstance(name, ast.Name):
        return None
    bound = next((b.value for b in reversed(unit.bindings) if b.name == name.id), None)
    if not isinstance(bound, Call):
        return None
    made = isinstance(bound.func, Var) and bound.func.name in _CONFIG_PARSERS
    return name if made or (isinstance(bound.func, Attr) and bound.func.name in _CONFIG_READS) else None


def _target_names(target: ast.expr) -> Iterator[str]:
    """The names a loop target binds: `org`, `(org_id, host)`, `*rest`."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


def _keeps_outside(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a nested function writes to names of the function around it (`nonlocal`, `results[org] = n`,
    `out.append(n)`): started per item (`tg.start_soon(fetch, org)`), it gathers what each one gets."""
    own = {arg.arg for arg in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs)}
    own.update(n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    for node in ast.walk(function):
        if isinstance(node, ast.Nonlocal):
            return True
        if isinstance(node, (ast.Subscript, ast.Attribute)) and isinstance(node.ctx, ast.Store):
            root = _root_name(node)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            root = _root_name(node.func.value) if node.func.attr in _COLLECTING_METHODS else None
        else:
            continue
        if root is not None and root not in own:
            return True
    return False


def _bind_entry(target: ast.Subscript, value: Value, unit: _Unit, line: int) -> bool:
    """`CACHES["replica"] = {...}` in a module body (split settings add entries to the base's mapping): a
    value the name may hold besides the ones before, the mapping of that one entry. False for a key that is
    no literal."""
    key = target.slice
    if not isinstance(target.value, ast.Name) or not isinstance(key, ast.Constant) or not isinstance(key.value, str):
        return False
    entry = Collection("dict", (Lit(key.value),), (value,), (line,))
    unit.bindings.append(Binding(target.value.id, entry, line, None, True))
    return True


def _made_empty(name: str, unit: _Unit) -> bool:
    """A local whose only binding is an empty list, dict or set display: a collection to fill."""
    bound = [b.value for b in unit.bindings if b.name == name]
    return len(bound) == 1 and isinstance(bound[0], Collection) and not bound[0].values


def _root_name(node: ast.expr) -> str | None:
    """The name at the start of `a.b[c].d`."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_builtin(callee: Value) -> bool:
    """A builtin function no import or assignment of the module rebinds (a binding in the module shadows
    it, which this lowering does not track: such a site is left out, never misread)."""
    return isinstance(callee, Var) and callee.kind in ("local", "builtin") and callee.name in _PYTHON_BUILTINS


def _flat(value: Value, kind: type[Concat] | type[PathJoin]) -> tuple[Value, ...]:
    return value.parts if isinstance(value, kind) else (value,)


def _bound(name: str, unit: _Unit) -> bool:
    """A parameter or a local of the unit (else a module-level or imported name)."""
    return name in unit.param_names or any(b.name == name for b in unit.bindings)


def _is_name(node: ast.expr, name: str | None) -> bool:
    return name is not None and isinstance(node, ast.Name) and node.id == name


def _last_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None
