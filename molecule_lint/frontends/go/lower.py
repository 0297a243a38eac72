"""Lower a Go file (the tree-sitter tree the frontend already parsed) into value-flow Summaries, the same
facts the Python lowering writes: the package-level `const`/`var` declarations are the module body, each
function and method a unit ("Fetch", "Store.Get": the receiver is the unit's `self` and its first
parameter), each struct type a class whose fields are its bindings.

Go idioms in the neutral value language: `q, err := build()` is Item(call, 0) and `return q, nil` a
tuple; `for _, org := range orgs` binds Item(orgs, any); `Client{BaseURL: u}` is a constructor call with
keyword arguments; map and slice literals are collections; `fmt.Sprintf` a percent Format; `path.Join`
a PathJoin; `strings.Join`/`Trim*`/`To*` the string methods the core knows.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from molecule_lint.facts import (
    MAX_VALUE_NESTING,
    MODULE_SCOPE,
    SET_FIELD,
    Attr,
    Binding,
    Call,
    CallSite,
    Collection,
    Concat,
    EachValue,
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
from molecule_lint.frontends.go import configscan
from molecule_lint.frontends.go.apis import BUILTINS, ENV_TAG_KEYS
from molecule_lint.frontends.go.loops import accumulates
from molecule_lint.frontends.go.syntax import (
    STRING_LITERALS,
    TAG_PAIR,
    Positions,
    all_of_type,
    dotted,
    env_prefixes,
    receiver_type,
    spec_values,
    string_value,
    text,
)
from molecule_lint.frontends.go.templates import arguments
from molecule_lint.frontends.go.viper import VIPER, ViperEnv, viper_env
from molecule_lint.gosql import NAMED_QUERY_TAG, QUERY_TAG_KEY
from molecule_lint.naming import ENV_NAME

if TYPE_CHECKING:
    from tree_sitter import Node

UNKNOWN = Unknown()
ANY = Unknown()  # as the key of an Item: any element
_EMBED = re.compile(r"//go:embed\s+([\w./-]+)\s*")  # one file, no pattern: what the core can read
_PATH_JOINS = frozenset({("path", "Join"), ("path/filepath", "Join")})
# strings.X(s, arg) -> the core's string method on s
_STRING_METHODS = {"TrimRight": "rstrip", "TrimLeft": "lstrip", "TrimSpace": "strip", "ToLower": "lower",
                   "ToUpper": "upper"}  # fmt: skip
_TRIM_ONE = {"TrimSuffix": "rstrip", "TrimPrefix": "lstrip"}  # exact only for a one-character affix
_TRIM_AFFIX = {"TrimSuffix": "removesuffix", "TrimPrefix": "removeprefix"}  # a longer one: what Python calls it
# A command-line flag's pointer, dereferenced, is its default unless the command line says otherwise:
# (package, function) -> the index of the default argument (the standard library's and pflag's).
_FLAG_DEFAULTS = {("flag", "String"): 1, ("github.com/spf13/pflag", "String"): 1, ("github.com/spf13/pflag", "StringP"): 2}
# Calls that run a function they are handed (a Temporal activity or child workflow; `g.Go(f)` of errgroup,
# conc and their kind): in a loop, that function is part of the body. (package, function) or a method
# name -> the index of the function argument.
_RUNS_ARGUMENT: dict[tuple[str, str] | str, int] = {
    ("go.temporal.io/sdk/workflow", "ExecuteActivity"): 1,
    ("go.temporal.io/sdk/workflow", "ExecuteLocalActivity"): 1,
    ("go.temporal.io/sdk/workflow", "ExecuteChildWorkflow"): 1,
    "Go": 0,
}
# samber/lo's per-item helpers (`lo.Map(orgs, func(o Org, _ int) T {...})`, lo/parallel's too): a loop over
# their first argument whose body is the func literal given next; True where the result gathers every
# item's (a ForEach keeps what its body keeps).
_ITERATES: dict[str, bool] = {
    "Map": True, "FlatMap": True, "FilterMap": True, "Reduce": True, "SumBy": True, "GroupBy": True,
    "Associate": True, "SliceToMap": True, "ForEach": False, "Times": True,
}  # fmt: skip
_ITERATING_PACKAGES = frozenset({"github.com/samber/lo", "github.com/samber/lo/parallel"})
# ent's generated predicates (`sql.FieldEQ(FieldOrgID, v)`) and query specs (`sqlgraph.NewQuerySpec(Table, ...)`)
_ENT_SQL = "entgo.io/ent/dialect/sql"
_ENT_SQLGRAPH = "entgo.io/ent/dialect/sql/sqlgraph"
_ENT_COMPARISONS = {"FieldEQ": "=", "FieldNEQ": "<>", "FieldGT": ">", "FieldGTE": ">=", "FieldLT": "<", "FieldLTE": "<=",
                    "FieldIn": "IN", "FieldNotIn": "NOT IN", "FieldContains": "LIKE", "FieldHasPrefix": "LIKE"}  # fmt: skip
_COLLECTION_TYPES = frozenset({"slice_type", "array_type", "implicit_length_array_type"})
_STATEMENT_LISTS = frozenset({"block", "statement_list"})
_DECLARATIONS = frozenset({"short_var_declaration", "var_declaration", "const_declaration"})
_BRANCHING = frozenset({"if_statement", "expression_switch_statement", "type_switch_statement", "select_statement"})


def summaries(root: Node, path: str, positions: Positions, imports: dict[str, str]) -> list[Summary]:
    """Every unit of the file at ``path``, the module body first; ``imports`` maps the file's aliases to
    import paths."""
    return _Lowering(path, positions, imports).run(root)


class _Unit:
    """What one unit's walk collects."""

    def __init__(self, params: tuple[Param, ...], receiver: str | None, types: dict[str, Value] | None = None) -> None:
        self.params = params
        self.types = types or {}  # type parameters: `T` of `New[T any]` (a parameter) or of `(r *Repo[T])` (the receiver's)
        self.param_names = {p.name for p in params}
        self.receiver = receiver
        self.declared: set[str] = set(self.param_names)  # names that shadow import aliases
        # names an `if`'s initializer declares (`if v, ok := os.LookupEnv("A"); ok {...}`), while it is lowered:
        # their own spelling, so that a loader's ten `v`s are ten locals, not one holding every variable
        self.scoped: dict[str, str] = {}
        self.copies: set[str] = set()  # locals holding a struct value of their own (`u := *base`, `u := T{...}`)
        self.bindings: list[Binding] = []
        self.returns: list[Binding] = []
        self.calls: list[CallSite] = []
        self.closures = 0  # inside a func literal: its `return` is not the unit's
        self.branches = 0  # inside a branch of an `if`, `switch` or `select`: what it assigns may not run
        self.loops: list[LoopSite] = []
        self.guards: list[Guard] = []
        self.open: list[list[Value]] = []  # what the bodies of the range loops being lowered call


class _Lowering:
    def __init__(self, path: str, positions: Positions, imports: dict[str, str]) -> None:
        self.folder = posixpath.dirname(path)
        self.positions = positions
        self.imports = imports
        self.out: list[Summary] = []
        self._interned: dict[Value, Value] = {}
        self._nesting = 0  # of the expression being lowered
        self._iota: int | None = None  # the index of the const spec being lowered
        self._env_prefixes: dict[str, str] = {}  # caarlos0/env's nested-struct prefixes, by type (run)
        self._viper = ViperEnv()  # the file's viper keys bound to env variables (run)

    def run(self, root: Node) -> list[Summary]:
        self._env_prefixes = env_prefixes(root)
        self._viper = viper_env(root, self.imports, lambda node: self.expr(node, _Unit((), None)))
        body = _Unit((), None)
        declarations = root.named_children
        for node in declarations:
            if node.type in ("const_declaration", "var_declaration"):
                self._declaration(node, body)
        if body.bindings or body.calls:
            self.out.append(Summary(Location(1, 1, 1, 1), MODULE_SCOPE, "module", (), tuple(body.bindings), (),
                                    tuple(body.calls)))  # fmt: skip
        for node in declarations:
            if node.type == "type_declaration":
                self._types(node)
            elif node.type in ("function_declaration", "method_declaration"):
                self._function(node)
        return self.out

    # -- units ----------------------------------------------------------------

    def _types(self, node: Node) -> None:
        for spec in node.named_children:
            name, body = spec.child_by_field_name("name"), spec.child_by_field_name("type")
            if spec.type != "type_spec" or name is None or body is None:
                continue
            if body.type != "struct_type":  # `type Memory func(*sql.Selector)`: `Memory(p)` converts, keeping p
                returned = Binding("return", Var("param", "v"), spec.start_point[0] + 1)
                self.out.append(Summary(self._loc(spec), text(name), "function", (Param("v"),), returns=(returned,)))
                continue
            fields, bases = [], []
            for declaration in all_of_type(body, "field_declaration"):
                tag = declaration.child_by_field_name("tag")
                names = [text(field) for field in declaration.children_by_field_name("name")]
                table = _table_tag(tag, names)
                if table:
                    self.out.append(self._table_name(text(name), table, declaration))
                value = self._tag_value(tag, self._env_prefixes.get(text(name), ""))
                if value is UNKNOWN:  # `GetUser *sqlx.Stmt `query:"get-user"``: goyesql's ScanToStruct fills it
                    value = _query_tag(tag, declaration.child_by_field_name("type"))
                if value is UNKNOWN:  # `cache *redis.Client`: its methods are the library's, wherever it is set
                    value = self._zero(declaration.child_by_field_name("type"), None)
                if not names and isinstance(value, Call):  # embedded (`pgrepo.Base`): a base, its type's name a field
                    bases.append(value.func)
                    names = [_last_name(value.func)]
                line = declaration.start_point[0] + 1
                fields += [Binding(field, value, line) for field in names]
            self.out.append(Summary(self._loc(spec), text(name), "class", bindings=tuple(fields), bases=tuple(bases)))

    def _table_name(self, model: str, table: str, declaration: Node) -> Summary:
        """A model's table named in a struct tag (bun, go-pg), as gorm's convention names it: a `TableName()`
        method, which the query builders ask the model a chain runs on."""
        line = declaration.start_point[0] + 1
        returned = Binding("return", Lit(table), line)
        return Summary(self._loc(declaration), dotted(model, "TableName"), "function", (Param("_"),), returns=(returned,))

    def _tag_value(self, tag: Node | None, prefix: str) -> Value:
        """A field tagged `env:"DATABASE_URL"` (caarlos0/env, envconfig) holds that variable's value (under the
        prefix its struct is nested with)."""
        pairs = dict(TAG_PAIR.findall(string_value(tag))) if tag is not None else {}
        name = next((pairs[key].split(",")[0] for key in ENV_TAG_KEYS if key in pairs), "")
        return Call(Var("global", "os.Getenv"), (Lit(prefix + name),)) if ENV_NAME.match(name) else UNKNOWN

    def _function(self, node: Node) -> None:
        name_node = node.child_by_field_name("name")
        if name_node is None:
            return
        name, receiver, params = text(name_node), None, []
        types: dict[str, Value] = {}
        if node.type == "method_declaration":
            owner = receiver_type(node)
            if owner is None:
                return
            name = dotted(owner, name)
            declared = node.child_by_field_name("receiver")
            names = _param_names(declared) if declared is not None else []
            receiver = names[0] if names else None
            params.append(Param(receiver or "_"))
            type_arguments = all_of_type(declared, "type_arguments") if declared is not None else []
            for index, type_name in enumerate(_type_names(type_arguments)):
                types[type_name] = Var("self", _type_argument(index))  # what the instance was made with
        parameters = node.child_by_field_name("parameters")
        params += self._params(parameters) if parameters is not None else []
        type_parameters = node.child_by_field_name("type_parameters")
        for index, type_name in enumerate(_type_names([type_parameters] if type_parameters is not None else [])):
            params.append(Param(_type_argument(index)))
            types[type_name] = Var("param", _type_argument(index))
        unit = _Unit(tuple(params), receiver, types)
        self._statements(node.child_by_field_name("body"), unit)
        if unit.bindings or unit.returns or unit.calls or unit.loops:
            self.out.append(Summary(self._loc(node), name, "function", unit.params, tuple(unit.bindings),
                                    tuple(unit.returns), tuple(unit.calls), loops=tuple(unit.loops),
                                    guards=tuple(unit.guards)))  # fmt: skip

    def _params(self, parameters: Node) -> list[Param]:
        """A parameter of a struct type (`cfg config.Config`, `c *Client`) read with no caller in view is
        that type's zero value: its fields' tags and declared types still say what it holds."""
        out = []
        for declaration in parameters.named_children:
            if declaration.type not in ("parameter_declaration", "variadic_parameter_declaration"):
                continue
            names = [text(name) for name in declaration.children_by_field_name("name")]
            zero = self._zero(declaration.child_by_field_name("type"), None) if declaration.type == "parameter_declaration" else UNKNOWN
            variadic = declaration.type == "variadic_parameter_declaration"  # `elem ...string`: the rest, as a slice
            out += [Param(name, None if zero is UNKNOWN else zero, variadic=variadic) for name in names]
        return out

    # -- statements -----------------------------------------------------------

    def _statements(self, node: Node | None, unit: _Unit) -> None:
        if node is None:
            return
        kind = node.type
        if kind in _STATEMENT_LISTS:
            for child in node.named_children:
                self._statements(child, unit)
        elif kind in ("short_var_declaration", "assignment_statement"):
            self._assign(node, unit)
        elif kind in ("var_declaration", "const_declaration"):
            self._declaration(node, unit)
        elif kind == "return_statement":
            self._return(node, unit)
        elif kind == "for_statement":
            self._for(node, unit)
        elif kind == "expression_switch_statement" and self._switch(node, unit):
            return
        elif kind in ("comment", "type_declaration", "label_name"):
            return
        elif _is_statement(kind):
            outer = dict(unit.scoped)
            if kind == "if_statement":
                self._scope(node.child_by_field_name("initializer"), unit)
                self._guard(node.child_by_field_name("condition"), unit)
            branching = kind in _BRANCHING
            for child in node.named_children:  # if/switch/select/go/defer/expression: expressions, then blocks
                if _is_statement(child.type):
                    unit.branches += branching
                    self._statements(child, unit)
                    unit.branches -= branching
                else:
                    self.expr(child, unit)
            unit.scoped = outer
        else:
            self.expr(node, unit)

    def _scope(self, initializer: Node | None, unit: _Unit) -> None:
        """The names an `if`'s `:=` initializer declares live in that `if` only: each gets a spelling of its own."""
        left = initializer.child_by_field_name("left") if initializer is not None and initializer.type == "short_var_declaration" else None
        for target in left.named_children if left is not None else ():
            if target.type == "identifier" and text(target) != "_":
                unit.scoped[text(target)] = f"{text(target)}@{target.start_point[0] + 1}:{target.start_point[1]}"

    def _guard(self, condition: Node | None, unit: _Unit) -> None:
        """The names, or fields of names, an `if` compares for equality (`if orgID != os.Getenv("MOLECULE_ORG_ID")
    { return }`, `if req.OrgID != own { return errForbidden }`)."""
        while condition is not None and condition.type == "parenthesized_expression" and condition.named_children:
            condition = condition.named_children[0]
        if condition is None or condition.type != "binary_expression":
            return
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        operator = condition.child_by_field_name("operator")
        if left is None or right is None or operator is None:
            return
        if operator.type in ("&&", "||"):
            self._guard(left, unit)
            self._guard(right, unit)
        elif operator.type in ("==", "!="):
            scratch = _Unit(unit.params, unit.receiver)  # the condition's calls are the unit's once, lowered with it
            scratch.declared, scratch.scoped = set(unit.declared), unit.scoped
            for checked, other in ((left, right), (right, left)):
                head, dot, field = _guarded_name(checked).partition(".")
                name = unit.scoped.get(head, head) + dot + field
                if name:
                    unit.guards.append(Guard(name, self.expr(other, scratch), condition.start_point[0] + 1))

    def _declaration(self, node: Node, unit: _Unit) -> None:
        """`const ( A = "x"; B string = "y" )`, `var q = build()`; a const spec without values repeats the
        one before it with the next `iota` (`KindA Kind = iota; KindB`); a plain `var x T` is T's zero value."""
        constant = node.type == "const_declaration"
        previous: list[Node] = []
        for index, spec in enumerate(all_of_type(node, "const_spec" if constant else "var_spec")):
            names = [text(n) for n in spec.children_by_field_name("name")]
            values = spec_values(spec) or (previous if constant else [])
            previous = values
            unit.declared.update(names)
            if not constant:  # `var u T` is a zero struct of its own, `var u = *base` a copy
                unit.copies.update(n for i, n in enumerate(names) if not values or (i < len(values) and _own_struct(values[i])))
            if not values:
                if not constant:
                    zero = self._embedded(spec) or self._zero(spec.child_by_field_name("type"), unit)
                    unit.bindings += [Binding(n, zero, spec.start_point[0] + 1) for n in names if n != "_"]
                continue
            self._iota = index if constant else None
            lowered = [self.expr(v, unit) for v in values]
            self._iota = None
            self._bind_all(names, lowered, unit, spec.start_point[0] + 1, _comma_ok(values))

    def _embedded(self, spec: Node) -> Value | None:
        """`//go:embed q.sql` above `var q string`: the text of that file (the core reads it, inside the
        project, at link time: a changed SQL file needs no new facts)."""
        comment = spec.prev_named_sibling or (spec.parent.prev_named_sibling if spec.parent else None)
        is_embed = comment is not None and comment.type == "comment" and text(comment).startswith("//go:embed ")
        kind = spec.child_by_field_name("type")
        if is_embed and kind is not None and text(kind) == f"{self._embed_alias()}.FS":  # files read by name later
            return Call(Var("builtin", "embedfs"), (Lit(self.folder),))
        found = _EMBED.fullmatch(text(comment)) if is_embed and comment is not None else None
        if found is None or kind is None or text(kind) not in ("string", "[]byte"):
            return None
        return Call(Var("builtin", "embed"), (Lit(posixpath.normpath(posixpath.join(self.folder, found[1]))),))

    def _embed_alias(self) -> str:
        return next((alias for alias, path in self.imports.items() if path == "embed"), "embed")

    def _zero(self, type_node: Node | None, unit: _Unit | None) -> Value:
        """`var cfg Config`: a struct's zero value is an instance without fields (a type that is no struct
        of the project resolves to a hole); a pointer's, its element's (`*redis.Client`)."""
        if type_node is not None and type_node.type == "pointer_type":
            type_node = next(iter(type_node.named_children), None)
        if type_node is not None and type_node.type == "slice_type":  # `var rows []Memory`: its elements are Memory
            element = self._zero(type_node.child_by_field_name("element"), unit)
            return Collection("list", (), (element,)) if isinstance(element, Call) else UNKNOWN
        if type_node is not None and type_node.type == "type_identifier" and unit is not None and text(type_node) in unit.types:
            return Call(unit.types[text(type_node)])  # `var zero T`: an instance of the type T is bound to
        if type_node is not None and type_node.type == "type_identifier" and text(type_node) not in BUILTINS:
            return interned(self._interned, Call(Var("local", text(type_node))))
        if type_node is not None and type_node.type == "qualified_type":
            package, name = type_node.child_by_field_name("package"), type_node.child_by_field_name("name")
            path = self.imports.get(text(package)) if package is not None else None
            if path and name is not None:
                return interned(self._interned, Call(Var("global", dotted(path, text(name)))))
        return UNKNOWN

    def _assign(self, node: Node, unit: _Unit) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return
        rights = [v for v in right.named_children if v.type != "comment"]
        values = [self.expr(v, unit) for v in rights]
        targets = [t for t in left.named_children if t.type != "comment"]
        operator = node.child_by_field_name("operator")
        line = node.start_point[0] + 1
        if node.type == "short_var_declaration":
            unit.declared.update(text(t) for t in targets if t.type == "identifier")
            unit.copies.update(text(t) for t, v in zip(targets, rights) if t.type == "identifier" and _own_struct(v))
        if operator is not None and operator.type == "+=" and len(targets) == len(values) == 1:
            values = [Concat((*_flat(self.expr(targets[0], unit)), *_flat(values[0])))]
        elif operator is not None and operator.type not in ("=", ":="):
            return
        names, receiver = [], unit.receiver
        for target in targets:
            if target.type == "identifier":
                names.append(unit.scoped.get(text(target), text(target)))
            elif target.type == "selector_expression" and _is_name(target.child_by_field_name("operand"), receiver):
                member = target.child_by_field_name("field")  # `s.base = u`: an attribute of the receiver
                names.append(f"self.{text(member)}" if member is not None else "_")
            elif (operand := _declared_operand(target, unit)) is not None and len(targets) == len(values) == 1:
                member = target.child_by_field_name("field")  # `next := *base; next.Path = p` (go-kit's copyURL)
                values = [Call(Attr(Var("local", operand), SET_FIELD), (Lit(text(member) if member else ""), values[0]))]
                names.append(operand)
            elif target.type == "index_expression" and len(targets) == len(values):
                self._store_entry(target, values[len(names)], unit)
                names.append("_")
            else:
                self.expr(target, unit)  # `m[k] = v`, `a.b = v`: its calls
                names.append("_")
        self._bind_all(names, values, unit, line, _comma_ok(rights))

    def _store_entry(self, target: Node, value: Value, unit: _Unit) -> None:
        """`tableOf[name] = table` into a package-level map: the call it is (`__setitem__`), which the core
        reads per call of the unit (`register(dsMemories, tables.Memories)` in `init()` binds name and table)."""
        operand, index = target.child_by_field_name("operand"), target.child_by_field_name("index")
        key = self.expr(index, unit) if index is not None else UNKNOWN
        if operand is None or operand.type != "identifier" or text(operand) in unit.declared:
            self.expr(target, unit)  # a local map, `a.b[k] = v`: its calls
            return
        func = Attr(Var("local", text(operand)), "__setitem__")
        unit.calls.append(CallSite(self._loc(target), interned(self._interned, func), (key, value)))

    def _bind_all(self, names: list[str], values: list[Value], unit: _Unit, line: int, comma_ok: bool) -> None:
        if len(values) == len(names):
            pairs = list(zip(names, values))
        elif comma_ok:  # `v, ok := m[k]`, `v, ok := x.(T)`: the value, then a boolean
            pairs = [(names[0], values[0]), *((name, UNKNOWN) for name in names[1:])]
        elif len(values) == 1:  # `q, err := build()`: the call's results, by position
            pairs = [(name, Item(values[0], Lit(i))) for i, name in enumerate(names)]
        else:
            return
        branch = unit.branches > 0
        unit.bindings += [Binding(n, interned(self._interned, v), line, None, branch) for n, v in pairs if n != "_"]

    def _return(self, node: Node, unit: _Unit) -> None:
        results = next((c for c in node.named_children if c.type == "expression_list"), None)
        values = [self.expr(v, unit) for v in results.named_children if v.type != "comment"] if results else []
        if unit.closures or not values:
            return
        value = values[0] if len(values) == 1 else Collection("tuple", (), tuple(values))
        unit.returns.append(Binding("return", interned(self._interned, value), node.start_point[0] + 1))

    def _switch(self, node: Node, unit: _Unit) -> bool:
        """`switch kind { case A: return x; case B, C: return y }`, a registry written as code: its returns
        are one lookup of the switched value (a known key gives its case, an unknown one nothing; never
        every case at once); the default case returns as any statement. Any other switch: False."""
        subject = node.child_by_field_name("value")
        cases = [c for c in node.named_children if c.type == "expression_case"]
        returned = [_only_return(case) for case in cases]
        if subject is None or unit.closures or not cases or any(r is None for r in returned):
            return False
        keys: list[Value] = []
        values: list[Value] = []
        for case, results in zip(cases, returned):
            labels = case.child_by_field_name("value")
            lowered = [self.expr(v, unit) for v in results or []]
            value = lowered[0] if len(lowered) == 1 else Collection("tuple", (), tuple(lowered))
            for label in labels.named_children if labels is not None else []:
                keys.append(self.expr(label, unit))
                values.append(value)
        lookup = Item(Collection("dict", tuple(keys), tuple(values)), self.expr(subject, unit))
        unit.returns.append(Binding("return", interned(self._interned, lookup), node.start_point[0] + 1))
        for default in (c for c in node.named_children if c.type == "default_case"):
            self._statements(default, unit)
        return True

    def _for(self, node: Node, unit: _Unit) -> None:
        """A `for range` is a loop site: its body's calls (goroutines, `errgroup.Go` closures included) and
        whether it keeps what its iterations get (`loops.accumulates`)."""
        clause = next((child for child in node.named_children if child.type == "range_clause"), None)
        over: Value = UNKNOWN
        names: list[str] = []
        body: list[Value] = []
        if clause is not None:
            left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
            over = self.expr(right, unit) if right is not None else UNKNOWN
            names = [text(n) for n in left.named_children if n.type == "identifier"] if left is not None else []
            unit.declared.update(names)
            # one variable: a slice's index or a map's key; two: the element (a map's value) is the second
            values: list[Value] = [Item(over, ANY)] if len(names) == 1 else [UNKNOWN, Item(over, EachValue())]
            line = clause.start_point[0] + 1
            unit.bindings += [Binding(n, interned(self._interned, v), line) for n, v in zip(names, values) if n != "_"]
            unit.open.append(body)
        for child in node.named_children:
            if child is not clause:
                self._statements(child, unit) if child.type in _STATEMENT_LISTS else self.expr(child, unit)
        if clause is not None:
            unit.open.pop()
            right = clause.child_by_field_name("right")
            shown = text(right) if right is not None else ""
            called = tuple(dict.fromkeys(body))
            unit.loops.append(LoopSite(self._loc(node), over, shown, tuple(names), called, accumulates(node)))

    # -- expressions ----------------------------------------------------------

    def expr(self, node: Node, unit: _Unit) -> Value:
        if self._nesting >= MAX_VALUE_NESTING:
            return UNKNOWN
        self._nesting += 1
        try:
            return interned(self._interned, self._expr(node, unit))
        finally:
            self._nesting -= 1

    def _expr(self, node: Node, unit: _Unit) -> Value:
        kind = node.type
        if kind == "identifier":
            return self._name(text(node), unit)
        if kind == "selector_expression":
            return self._selector(node, unit)
        if kind == "call_expression":
            return self._call(node, unit)
        if kind in STRING_LITERALS:
            return Lit(string_value(node))
        if kind == "int_literal" or kind == "float_literal":
            return _number(text(node), kind)
        if kind in ("true", "false"):
            return Lit(kind == "true")
        if kind == "iota":
            return UNKNOWN if self._iota is None else Lit(self._iota)
        if kind == "nil":
            return Lit(None)
        if kind in ("parenthesized_expression", "type_assertion_expression", "literal_element") and node.named_children:
            return self.expr(node.named_children[0], unit)
        if kind == "binary_expression":
            return self._binary(node, unit)
        if kind == "unary_expression":
            operand, operator = node.child_by_field_name("operand"), node.child_by_field_name("operator")
            value = self.expr(operand, unit) if operand is not None else UNKNOWN
            return value if operator is not None and operator.type in ("&", "*") else UNKNOWN
        if kind == "index_expression":
            operand, index = node.child_by_field_name("operand"), node.child_by_field_name("index")
            if operand is not None and index is not None:
                return Item(self.expr(operand, unit), self.expr(index, unit))
        if kind == "composite_literal":
            return self._composite(node, unit)
        if kind == "type_conversion_expression":  # `New[note](db)`: a generic function called with a type argument
            return self._generic_call(node, unit)
        if kind == "literal_value":
            return self._elements("dict" if any(c.type == "keyed_element" for c in node.named_children) else "list",
                                  node, unit)  # fmt: skip
        if kind == "func_literal":
            self._closure_params(node, unit)
            unit.closures += 1
            self._statements(node.child_by_field_name("body"), unit)
            unit.closures -= 1
            return UNKNOWN
        for child in node.named_children:  # no value, but the calls in it are call sites
            self.expr(child, unit)
        return UNKNOWN

    def _closure_params(self, node: Node, unit: _Unit) -> None:
        """A func literal's typed parameters (`func(pipe redis.Pipeliner) error` given to `TxPipelined`) are
        locals of the unit it is lowered into, holding their type's zero value as a function's do."""
        parameters = node.child_by_field_name("parameters")
        line = node.start_point[0] + 1
        for param in self._params(parameters) if parameters is not None else []:
            unit.declared.add(param.name)
            if param.default is not None and param.name not in unit.param_names:
                unit.bindings.append(Binding(param.name, param.default, line, None, True))

    def _name(self, name: str, unit: _Unit) -> Value:
        if name in unit.scoped:
            return Var("local", unit.scoped[name])
        if name in unit.types:
            return unit.types[name]
        if name in unit.param_names:
            return Var("param", name)
        if name == "iota" or name == "_" or (name in BUILTINS and name not in unit.declared):
            return UNKNOWN
        return Var("local", name)

    def _selector(self, node: Node, unit: _Unit) -> Value:
        operand, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if operand is None or member is None:
            return UNKNOWN
        if _is_name(operand, unit.receiver):
            return Var("self", text(member))
        package = self._package(operand, unit)
        if package is not None:  # `tables.Memories`: the package's name, qualified by its import path
            return Var("global", dotted(package, text(member)))
        return Attr(self.expr(operand, unit), text(member))

    def _package(self, node: Node, unit: _Unit) -> str | None:
        if node.type != "identifier" or text(node) in unit.declared:
            return None
        return self.imports.get(text(node))

    def _viper_instance(self, node: Node, unit: _Unit) -> bool:
        """Is ``node`` a local the unit binds to a `viper.New()`?"""
        made = Call(Var("global", f"{VIPER}.New"))
        return node.type == "identifier" and any(b.name == text(node) and b.value == made for b in unit.bindings)

    def _binary(self, node: Node, unit: _Unit) -> Value:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        operator = node.child_by_field_name("operator")
        values = [self.expr(side, unit) if side is not None else UNKNOWN for side in (left, right)]
        if operator is None or operator.type != "+":
            return UNKNOWN
        return Concat((*_flat(values[0]), *_flat(values[1])))

    def _call(self, node: Node, unit: _Unit) -> Value:
        function = node.child_by_field_name("function")
        # `f(xs...)`: the spread is no one argument
        nodes = arguments(node)
        iterated = self._iterating(function, nodes, unit)
        if iterated is not None:
            unit.open.append([])
        args = tuple(UNKNOWN if a.type == "variadic_argument" else self.expr(a, unit) for a in nodes)
        if iterated is not None:
            self._iteration(node, nodes[1], args[0], unit.open.pop(), iterated, unit)
        spread = self._spread(nodes[-1], unit) if nodes else None
        if function is None:
            return UNKNOWN
        operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        member = function.child_by_field_name("field") if operand is not None else None
        package = self._package(operand, unit) if operand is not None else None
        viper = package == VIPER or operand is not None and self._viper_instance(operand, unit)
        getter = viper and member is not None and text(member).startswith("Get")
        if getter and args and isinstance(args[0], Lit) and isinstance(args[0].value, str):
            args = (self._viper.variable(args[0].value), *args[1:])  # the key's env variable
        if spread is not None and package is not None and member is not None and (package, text(member)) in _PATH_JOINS:
            # `path.Join(parts...)`: the elements joined by "/", a list's elements spread out
            return Call(Attr(Lit("/"), "join"), (Collection("list", (), (*args[:-1], spread)) if args[:-1] else spread,))
        if member is not None and nodes and (target := _filled_local(nodes[-1])):  # `c.Scan(&bc)`
            receiver = configscan.last_binding(unit.bindings, text(operand)) if operand is not None and operand.type == "identifier" else None
            source = configscan.scanned(package, text(member), args, viper, self._viper.file, receiver)
            if source is not None:
                unit.bindings.append(Binding(target, source, node.start_point[0] + 1, None, unit.branches > 0))
        if package is not None and member is not None:
            built = _library_value(package, text(member), args)
            if built is not None:
                return built
        if operand is not None and member is not None and text(member) == "Sanitize" and operand.type == "composite_literal":
            parts = self.expr(operand, unit)  # pgx's `Identifier{schema, table}.Sanitize()`: `"schema"."table"`
            if isinstance(parts, Collection) and parts.kind == "list":
                return Concat((Lit('"'), Call(Attr(Lit('"."'), "join"), (parts,)), Lit('"')))
        if member is not None and text(member) == "CopyFrom" and len(args) == 4:  # pgx: (ctx, table, columns, rows)
            table = Call(Attr(Lit("."), "join"), (args[1],))  # an Identifier's parts: `schema.table`
            args = (args[0], Concat((Lit("COPY "), table, Lit(" FROM STDIN"))), *args[2:])
        if function.type == "identifier" and text(function) not in unit.declared and text(function) in BUILTINS:
            if text(function) == "append" and spread is not None:  # `append(prefix, rest...)`: one list of both
                first = args[0].values if isinstance(args[0], Collection) and args[0].kind == "list" else args[:1]
                return Collection("list", (), (*first, *args[1:-1], spread))
            if text(function) == "append":  # the slice with its new elements: what it holds (lineage)
                return Call(Var("builtin", "append"), args)
            if text(function) == "new" and len(arguments(node)) == 1:  # `new(T)`: an instance of T
                made = self._type_ref(arguments(node)[0], unit)
                return UNKNOWN if made is UNKNOWN else Call(made)
            return args[0] if text(function) == "string" and len(args) == 1 else UNKNOWN  # a conversion keeps it
        callee = self.expr(function, unit)
        kwargs = self._type_kwargs(node.child_by_field_name("type_arguments"), unit)
        runs = _RUNS_ARGUMENT.get((package, text(member)) if package is not None and member is not None else
                                  text(member) if member is not None else "")  # fmt: skip
        if runs is not None and runs < len(args):
            for body in unit.open:
                body.append(args[runs])
        return self._call_site(node, callee, args, kwargs, unit)

    def _iterating(self, function: Node | None, nodes: list[Node], unit: _Unit) -> bool | None:
        """Whether a per-item helper's result gathers its items (`lo.Map(xs, func...)`); None for any other call."""
        if function is None or function.type != "selector_expression" or len(nodes) < 2 or nodes[1].type != "func_literal":
            return None
        operand, member = function.child_by_field_name("operand"), function.child_by_field_name("field")
        if operand is None or member is None or self._package(operand, unit) not in _ITERATING_PACKAGES:
            return None
        return _ITERATES.get(text(member))

    def _iteration(self, node: Node, literal: Node, over: Value, body: list[Value], gathers: bool, unit: _Unit) -> None:
        """A per-item helper's loop site: over its first argument, the func literal's first parameter the item."""
        parameters = literal.child_by_field_name("parameters")
        names = [p.name for p in self._params(parameters)][:1] if parameters is not None else []
        shown = text(arguments(node)[0])
        called = tuple(dict.fromkeys(body))
        for outer in unit.open:  # the calls of a helper inside a loop are that loop's too
            outer.extend(called)
        unit.loops.append(LoopSite(self._loc(node), over, shown, tuple(names), called, gathers or accumulates(literal)))

    def _spread(self, node: Node, unit: _Unit) -> Value | None:
        """The slice a last argument `xs...` spreads (its elements are the call's remaining arguments)."""
        if node.type != "variadic_argument" or not node.named_children:
            return None
        return self.expr(node.named_children[0], unit)

    def _call_site(
        self, node: Node, callee: Value, args: tuple[Value, ...], kwargs: tuple[tuple[str, Value], ...], unit: _Unit
    ) -> Value:
        unit.calls.append(CallSite(self._loc(node), callee, args, kwargs))
        for body in unit.open:
            body.append(callee)
        return Call(callee, args, kwargs)

    def _generic_call(self, node: Node, unit: _Unit) -> Value:
        """`New[note](db)` (tree-sitter reads it as a conversion to a generic type): a call whose type arguments
        bind the function's type parameters by position; any other conversion keeps nothing."""
        generic, operand = node.child_by_field_name("type"), node.child_by_field_name("operand")
        base = generic.child_by_field_name("type") if generic is not None and generic.type == "generic_type" else None
        if generic is None or base is None or operand is None or base.type not in ("type_identifier", "qualified_type"):
            for child in node.named_children:
                self.expr(child, unit)
            return UNKNOWN
        callee = self._type_ref(base, unit)
        kwargs = self._type_kwargs(generic.child_by_field_name("type_arguments"), unit)
        return self._call_site(node, callee, (self.expr(operand, unit),), kwargs, unit)

    def _type_kwargs(self, arguments: Node | None, unit: _Unit) -> tuple[tuple[str, Value], ...]:
        """Type arguments as keywords by position (`[note]`: the `[0]` type parameter is `note`)."""
        if arguments is None:
            return ()
        elements = [child.named_children[0] if child.type == "type_elem" and child.named_children else child
                    for child in arguments.named_children]  # fmt: skip
        return tuple((_type_argument(i), self._type_ref(element, unit)) for i, element in enumerate(elements))

    def _type_ref(self, node: Node, unit: _Unit) -> Value:
        """A type named where a value goes: the class (`note`, `models.Note`), or a type parameter's binding."""
        if node.type == "pointer_type" and node.named_children:
            return self._type_ref(node.named_children[0], unit)
        if node.type == "type_identifier" and text(node) in unit.types:
            return unit.types[text(node)]
        zero = self._zero(node, unit)
        return zero.func if isinstance(zero, Call) else UNKNOWN

    def _composite(self, node: Node, unit: _Unit) -> Value:
        type_node, body = node.child_by_field_name("type"), node.child_by_field_name("body")
        type_kwargs: tuple[tuple[str, Value], ...] = ()
        while type_node is not None and type_node.type == "generic_type":
            type_kwargs = self._type_kwargs(type_node.child_by_field_name("type_arguments"), unit)
            type_node = type_node.child_by_field_name("type")
        return UNKNOWN if body is None else self._literal(type_node, body, unit, type_kwargs)

    def _literal(
        self, type_node: Node | None, body: Node, unit: _Unit, type_kwargs: tuple[tuple[str, Value], ...] = ()
    ) -> Value:
        """The value of a literal of a type: a map, a slice, an anonymous or a named struct."""
        kind = type_node.type if type_node is not None else ""
        if type_node is not None and kind == "map_type":
            return self._elements("dict", body, unit, type_node.child_by_field_name("value"))
        if type_node is not None and kind in _COLLECTION_TYPES:
            return self._elements("list", body, unit, type_node.child_by_field_name("element"))
        if type_node is not None and kind == "struct_type":  # `struct{ Table string }{t}`, `struct{ q string }{q: "..."}`
            return self._fields(type_node, body, unit)
        zero = self._zero(type_node, unit)
        fields, elements = [], []
        for element in body.named_children:
            key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
            if element.type == "keyed_element" and key is not None and value is not None:
                fields.append((text(key), self.expr(value, unit)))
            elif element.type != "comment":
                elements.append(self.expr(element, unit))
        if kind == "qualified_type" and elements and not fields:  # a library's slice type: `pgx.Identifier{t}`
            return Collection("list", (), tuple(elements))
        if not isinstance(zero, Call):
            return UNKNOWN
        # a struct literal: its keyed fields are the constructor's keywords, unkeyed ones its arguments
        return Call(zero.func, tuple(elements), (*fields, *type_kwargs))

    def _element(self, node: Node, element_type: Node | None, unit: _Unit) -> Value:
        """An entry of a map or slice literal; one written without its type is a literal of the element type."""
        inner = node.named_children[0] if node.type == "literal_element" and node.named_children else node
        if element_type is not None and inner.type == "literal_value":
            return interned(self._interned, self._literal(element_type, inner, unit))
        return self.expr(node, unit)

    def _fields(self, struct: Node, body: Node, unit: _Unit) -> Value:
        """An anonymous struct's fields, keyed or in order, as a dict by field name, each with its line (`q.list`
        reads one)."""
        order = _field_names(struct)
        names, values, lines = [], [], []
        for element in (e for e in body.named_children if e.type != "comment"):
            key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
            if element.type == "keyed_element" and key is not None and value is not None:
                names.append(text(key))
            elif element.type != "keyed_element" and len(names) < len(order):
                names.append(order[len(names)])
                value = element
            else:
                return UNKNOWN
            values.append(self.expr(value, unit))
            lines.append(value.start_point[0] + 1)
        return Collection("dict", tuple(Lit(n) for n in names), tuple(values), tuple(lines))

    def _elements(self, kind: str, body: Node, unit: _Unit, element_type: Node | None = None) -> Value:
        keys, values, lines = [], [], []
        for element in body.named_children:
            if element.type == "keyed_element":
                key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
                if key is not None and value is not None:
                    keys.append(self.expr(key, unit))
                    values.append(self._element(value, element_type, unit))
                    lines.append(value.start_point[0] + 1)
            elif element.type != "comment":
                values.append(self._element(element, element_type, unit))
        if kind == "dict":
            return Collection("dict", tuple(keys), tuple(values), tuple(lines)) if len(keys) == len(values) else UNKNOWN
        return Collection("list", (), tuple(values))

    def _loc(self, node: Node) -> Location:
        return self.positions.location(node)


def _query_tag(tag: Node | None, kind: Node | None) -> Value:
    """A statement or string field tagged with a query's name: the query goyesql scans into it."""
    pairs = dict(TAG_PAIR.findall(string_value(tag))) if tag is not None else {}
    written = text(kind) if kind is not None else ""
    statement = written == "string" or written.endswith((".Stmt", ".NamedStmt"))
    if not statement or not pairs.get(QUERY_TAG_KEY):
        return UNKNOWN
    return Call(Var("builtin", NAMED_QUERY_TAG), (Lit(pairs[QUERY_TAG_KEY]),))


def _table_tag(tag: Node | None, names: list[str]) -> str:
    """The table a model's struct tag names: bun's `bun.BaseModel `bun:"table:chat_messages,alias:m"``, go-pg's
    `tableName struct{} `pg:"chat_messages,alias:m"``; "" for any other field."""
    pairs = dict(TAG_PAIR.findall(string_value(tag))) if tag is not None else {}
    if not names and pairs.get("bun", "").startswith("table:"):
        return pairs["bun"].split(",")[0].removeprefix("table:")
    if names == ["tableName"] and "pg" in pairs:
        return pairs["pg"].split(",")[0].strip('"')
    return ""


def _field_names(struct: Node) -> list[str]:
    """A struct type's field names in order; an embedded field's is its type's name."""
    names: list[str] = []
    for declarations in struct.named_children:
        for field in declarations.named_children if declarations.type == "field_declaration_list" else ():
            own = [text(n) for n in field.named_children if n.type == "field_identifier"]
            kind = field.child_by_field_name("type")
            names += own or ([text(kind).rpartition(".")[2].lstrip("*")] if kind is not None else [])
    return names


def _library_value(package: str, name: str, args: tuple[Value, ...]) -> Value | None:
    """What a standard-library string builder makes of its arguments (None: an ordinary call); what ent's
    generated code builds: a predicate is the condition it writes, a query spec the table it queries."""
    if package == _ENT_SQL and name in _ENT_COMPARISONS and args:
        return Concat((args[0], Lit(f" {_ENT_COMPARISONS[name]} ?")))
    if package == _ENT_SQLGRAPH and name == "NewQuerySpec" and args:
        return args[0]
    if package == "fmt" and name == "Sprintf" and args:
        return Format("percent", args[0], args[1:])
    if package == "fmt" and name == "Sprint":
        return Concat(args)
    if (package, name) in _FLAG_DEFAULTS and len(args) > _FLAG_DEFAULTS[package, name]:
        return args[_FLAG_DEFAULTS[package, name]]
    if (package, name) in _PATH_JOINS:
        return PathJoin(args)
    if package == "net/url" and name == "JoinPath":  # (string, error)
        return Collection("tuple", (), (PathJoin(args), UNKNOWN))
    if package != "strings" or not args:
        return None
    if name == "Join" and len(args) == 2:
        return Call(Attr(args[1], "join"), (args[0],))
    if name in _STRING_METHODS:
        return Call(Attr(args[0], _STRING_METHODS[name]), args[1:2])
    if name == "ReplaceAll" and len(args) == 3:  # Python's `str.replace(old, new)`
        return Call(Attr(args[0], "replace"), args[1:])
    if name in _TRIM_ONE and len(args) == 2:
        affix = args[1]
        if isinstance(affix, Lit) and isinstance(affix.value, str) and len(affix.value) == 1:
            return Call(Attr(args[0], _TRIM_ONE[name]), (affix,))
        return Call(Attr(args[0], _TRIM_AFFIX[name]), (affix,))
    return None


def _filled_local(argument: Node) -> str:
    """The local a call is handed to fill (`&cfg`), or ""."""
    operand = argument.child_by_field_name("operand") if argument.type == "unary_expression" else None
    operator = argument.child_by_field_name("operator")
    if operand is None or operator is None or operator.type != "&" or operand.type != "identifier":
        return ""
    return text(operand)


def _guarded_name(checked: Node) -> str:
    """A name, or a name's field (`req.OrgID`), as orgflow tells guards apart; "" for anything else."""
    if checked.type == "identifier":
        return text(checked)
    operand, field = checked.child_by_field_name("operand"), checked.child_by_field_name("field")
    if checked.type == "selector_expression" and operand is not None and operand.type == "identifier" and field is not None:
        return f"{text(operand)}.{text(field)}"
    return ""


def _type_argument(index: int) -> str:
    """The name a type parameter binds as, by position: type arguments are given without names."""
    return f"[{index}]"


def _type_names(lists: list[Node]) -> list[str]:
    """The names a type parameter list declares (`[K comparable, V any]`), or a receiver's (`Repo[T]`)."""
    names = []
    for found in lists:
        for child in found.named_children:
            if child.type == "type_parameter_declaration":
                names += [text(n) for n in child.children_by_field_name("name")]
            elif child.type == "type_elem" and child.named_children and child.named_children[0].type == "type_identifier":
                names.append(text(child.named_children[0]))
    return names


def _last_name(value: Value) -> str:
    return value.name.rsplit(".", 1)[-1] if isinstance(value, Var) else ""


def _is_statement(kind: str) -> bool:
    return kind in _STATEMENT_LISTS or kind in _DECLARATIONS or kind.endswith(("_statement", "_case", "_clause"))


def _only_return(case: Node) -> list[Node] | None:
    """The values of a case whose body is one `return` of values, else None."""
    statements = [c for c in case.named_children if c.type not in ("expression_list", "comment")]
    body = statements[0].named_children if len(statements) == 1 and statements[0].type == "statement_list" else statements
    body = [c for c in body if c.type != "comment"]
    if len(body) != 1 or body[0].type != "return_statement":
        return None
    results = next((c for c in body[0].named_children if c.type == "expression_list"), None)
    values = [v for v in results.named_children if v.type != "comment"] if results is not None else []
    return values or None


def _comma_ok(values: list[Node]) -> bool:
    return len(values) == 1 and values[0].type in ("index_expression", "type_assertion_expression")


def _param_names(parameters: Node) -> list[str]:
    return [
        text(name)
        for declaration in parameters.named_children
        if declaration.type in ("parameter_declaration", "variadic_parameter_declaration")
        for name in declaration.children_by_field_name("name")
    ]


def _number(literal: str, kind: str) -> Value:
    try:
        return Lit(int(literal, 0)) if kind == "int_literal" else Lit(float(literal.replace("_", "")))
    except ValueError:  # Go's legacy octal `0755`, hex floats
        return UNKNOWN


def _flat(value: Value) -> tuple[Value, ...]:
    return value.parts if isinstance(value, Concat) else (value,)


def _declared_operand(target: Node, unit: _Unit) -> str | None:
    """The local a field store writes to (`u.Path = p`, u a struct value of the unit's own), else None. A
    local a call returned (`_spec := sqlgraph.NewQuerySpec(...)`, then `_spec.From = ...`) keeps the call's
    value: a chain of stores into it would cost the resolver one step each, past its depth on generated code."""
    operand = target.child_by_field_name("operand") if target.type == "selector_expression" else None
    name = text(operand) if operand is not None and operand.type == "identifier" else None
    return name if name in unit.copies and name not in unit.param_names else None


def _own_struct(value: Node) -> bool:
    """`*base` (a copy), `T{...}` or `&T{...}`: a struct value the local holds as its own."""
    if value.type == "unary_expression":
        operator, operand = value.child_by_field_name("operator"), value.child_by_field_name("operand")
        if operator is not None and text(operator) == "*":
            return True
        return operator is not None and text(operator) == "&" and operand is not None and operand.type == "composite_literal"
    return value.type == "composite_literal"


def _is_name(node: Node | None, name: str | None) -> bool:
    return name is not None and node is not None and node.type == "identifier" and text(node) == name
