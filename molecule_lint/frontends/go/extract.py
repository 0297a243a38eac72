"""One parsed Go file -> facts, in two passes over its top-level declarations.

Pass 1 reads what the rest of the file may refer to before it is declared:
imports, functions and types, package-level strings, and which package
variables and struct fields hold a store handle (a DB pool, a Redis or HTTP
client). Pass 2 walks every declaration in source order, tracking the locals
of the current unit (top-level function or method; methods belong to their
receiver type), and lets `calls.Calls` turn calls into facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from molecule_lint.facts import (
    MODULE_SCOPE,
    Constant,
    Definition,
    EnvRead,
    Fact,
    Import,
    Location,
    Ref,
    Sql,
    Template,
    UrlLiteral,
    Use,
)
from molecule_lint.frontends.flow import holds_url
from molecule_lint.frontends.go import apis
from molecule_lint.frontends.go.calls import Calls, unwrap_element
from molecule_lint.frontends.go.comments import suppression
from molecule_lint.frontends.go.syntax import (
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
from molecule_lint.frontends.go.templates import UNKNOWN, concat, has_text, rewritten_query, sql_text, template_of
from molecule_lint.naming import ENV_NAME
from molecule_lint.sql import looks_like_sql

if TYPE_CHECKING:
    from collections.abc import Callable

    from tree_sitter import Node

_NOT_NAMES = frozenset({"_", "iota"})
# Nodes that hold no call, string or comment worth a visit.
_NOTHING_INSIDE = frozenset(
    {
        "identifier", "field_identifier", "type_identifier", "package_identifier", "label_name",
        "int_literal", "float_literal", "imaginary_literal", "rune_literal", "true", "false", "nil", "iota",
        "qualified_type", "pointer_type", "slice_type", "map_type", "channel_type", "function_type",
        "type_arguments", "type_parameter_list", "interface_type", "generic_type",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StringValue:
    template: Template
    roots: tuple[int, ...]  # start bytes of the string expressions it was built from


@dataclass
class Unit:
    """What is known inside one top-level declaration."""

    scope: str
    bound: set[str] = field(default_factory=set)  # parameters and locals: they shadow package names
    strings: dict[str, StringValue] = field(default_factory=dict)
    handles: dict[str, str] = field(default_factory=dict)  # local -> "sql" | "redis" | "http"
    prefixes: dict[str, str] = field(default_factory=dict)  # router variable -> its route group's path


class GoFile:
    """The facts of one file, and what the frontend knows of its names while it walks."""

    def __init__(self, module: str, source: bytes, positions: Positions) -> None:
        self.module = module
        self.source = source
        self.positions = positions
        self.imports: dict[str, str] = {}  # alias -> import path
        self.package_strings: dict[str, StringValue] = {}
        self.package_handles: dict[str, str] = {}  # package variables and struct fields -> handle kind
        self.unit = Unit(MODULE_SCOPE)
        self._env_prefixes: dict[str, str] = {}  # caarlos0/env's nested-struct prefixes, by type (run)
        self.calls = Calls(self)
        # A SQL-looking literal is a fact unless a query call consumes it (then the call's fact stands for it).
        self._items: list[tuple[Fact, int | None]] = []
        self._consumed: set[int] = set()
        self._used: set[tuple[str, str]] = set()
        self.in_string = False  # inside a larger string expression: its parts are not facts of their own
        self.in_message = False  # inside a log or error message: prose, whatever it looks like
        self._handlers: dict[str, Callable[[Node], None]] = {
            "comment": self._comment,
            "call_expression": self.calls.visit,
            "selector_expression": self._selector,
            "composite_literal": self._composite,
            "interpreted_string_literal": self._string,
            "raw_string_literal": self._string,
            "binary_expression": self._binary,
            "short_var_declaration": self._assign,
            "assignment_statement": self._assign,
            "var_spec": self._local_spec,
            "const_spec": self._local_spec,
            "for_statement": self._for,
            "parameter_list": self._parameters,
            "field_declaration": self._field,
            "type_declaration": self._local_type,
        }

    def run(self, root: Node) -> tuple[Fact, ...]:
        self._env_prefixes = env_prefixes(root)
        declarations = root.named_children
        for node in declarations:
            self._declare(node)
        for node in declarations:
            self._walk_declaration(node)
        return tuple(fact for fact, key in self._items if key is None or key not in self._consumed)

    # -- what names mean (templates.Names) ---------------------------------------

    def identifier_value(self, name: str) -> Template:
        local = self.unit.strings.get(name)
        if local is not None:
            return local.template
        if name in self.unit.bound or name in _NOT_NAMES or not self.module:
            return UNKNOWN
        return (Ref(dotted(self.module, name)),)

    def qualified(self, node: Node) -> tuple[str, str] | None:
        if node.type != "selector_expression":
            return None
        operand, member = node.child_by_field_name("operand"), node.child_by_field_name("field")
        if operand is None or member is None or operand.type != "identifier":
            return None
        alias = text(operand)
        path = self.imports.get(alias) if alias not in self.unit.bound else None
        return (path, text(member)) if path else None

    def qualified_type(self, node: Node | None) -> tuple[str, str] | None:
        """(library family, type name) of a type such as `*redis.Client`."""
        while node is not None and node.type in ("pointer_type", "generic_type"):
            node = node.named_children[0] if node.type == "pointer_type" else node.child_by_field_name("type")
        if node is None or node.type != "qualified_type":
            return None
        package, name = node.child_by_field_name("package"), node.child_by_field_name("name")
        path = self.imports.get(text(package)) if package is not None else None
        return (apis.family(path), text(name)) if path and name is not None else None

    def template(self, node: Node | None) -> Template | None:
        return template_of(node, self) if node is not None else None

    def string_roots(self, node: Node) -> tuple[int, ...]:
        """The string expressions a value was built from (so a query call can consume their literal facts)."""
        if node.type == "identifier":
            name = text(node)
            value = self.unit.strings.get(name) or (
                self.package_strings.get(name) if name not in self.unit.bound else None
            )
            return value.roots if value else ()
        if node.type in ("binary_expression", "parenthesized_expression"):
            return (node.start_byte,) + tuple(r for child in node.named_children for r in self.string_roots(child))
        rewritten = rewritten_query(node, self) if node.type == "call_expression" else None
        return (node.start_byte, *self.string_roots(rewritten)) if rewritten is not None else (node.start_byte,)

    def same_package(self, name: str) -> str | None:
        """The qualified name a bare identifier refers to, when it can be a package-level function or type."""
        if not self.module or name in self.unit.bound or name in apis.BUILTINS or name in _NOT_NAMES:
            return None
        return dotted(self.module, name)

    # -- facts ----------------------------------------------------------------------

    def location(self, node: Node) -> Location:
        return self.positions.location(node)

    def emit(self, fact: Fact, root: int | None = None) -> None:
        self._items.append((fact, root))

    def consume(self, roots: tuple[int, ...]) -> None:
        self._consumed.update(roots)

    def use(self, target: str, node: Node) -> None:
        key = (self.unit.scope, target)
        if key not in self._used:
            self._used.add(key)
            self.emit(Use(self.location(node), self.unit.scope, target))

    # -- pass 1: declarations -----------------------------------------------------

    def _declare(self, node: Node) -> None:
        kind = node.type
        if kind == "import_declaration":
            for spec in all_of_type(node, "import_spec"):
                self._import(spec)
        elif kind == "function_declaration":
            name = node.child_by_field_name("name")
            if name is not None:
                self.emit(Definition(self.location(name), text(name), "function"))
        elif kind == "type_declaration":
            for spec in node.named_children:
                if spec.type in ("type_spec", "type_alias"):
                    self._type(spec)
        elif kind in ("const_declaration", "var_declaration"):
            for spec in all_of_type(node, "const_spec" if kind == "const_declaration" else "var_spec"):
                self._package_value(spec, is_const=kind == "const_declaration")

    def _import(self, spec: Node) -> None:
        path_node, name_node = spec.child_by_field_name("path"), spec.child_by_field_name("name")
        if path_node is None:
            return
        path = string_value(path_node)
        alias = text(name_node) if name_node is not None else apis.assumed_name(path)
        loc = self.location(spec)
        if alias == ".":  # a dot import puts the package's names in scope, like Python's star import
            self.emit(Import(loc, MODULE_SCOPE, path, "*", alias))
            return
        self.emit(Import(loc, MODULE_SCOPE, path, None, alias))
        if alias != "_":
            self.imports[alias] = path

    def _type(self, spec: Node) -> None:
        name = spec.child_by_field_name("name")
        if name is None:
            return
        self.emit(Definition(self.location(name), text(name), "class"))
        body = spec.child_by_field_name("type")
        if body is None or body.type != "struct_type":
            return
        for declaration in all_of_type(body, "field_declaration"):
            self._struct_field(text(name), declaration)

    def _struct_field(self, type_name: str, declaration: Node) -> None:
        kind = apis.HANDLE_TYPES.get(self.qualified_type(declaration.child_by_field_name("type")) or ("", ""))
        if kind is not None:
            for name in declaration.children_by_field_name("name"):
                self.package_handles[text(name)] = kind
        tag = declaration.child_by_field_name("tag")
        if tag is not None:
            self._env_tag(type_name, tag)

    def _env_tag(self, type_name: str, tag: Node) -> None:
        """`env:"TENANT_DATABASE_URL" envDefault:"..."` (caarlos0/env, envconfig): a config struct reads the env."""
        pairs = dict(TAG_PAIR.findall(string_value(tag)))
        name = next((pairs[key].split(",")[0] for key in apis.ENV_TAG_KEYS if key in pairs), "")
        if not ENV_NAME.match(name):
            return
        name = self._env_prefixes.get(type_name, "") + name
        default = next(((pairs[key],) for key in apis.ENV_TAG_DEFAULTS if key in pairs), None)
        self.emit(EnvRead(self.location(tag), type_name, (name,), default))
        if default is not None and holds_url(default):  # the tag's default is a string the program holds
            self.emit(UrlLiteral(self.location(tag), type_name, default))

    def _package_value(self, spec: Node, is_const: bool) -> None:
        names = spec.children_by_field_name("name")
        type_node = spec.child_by_field_name("type")
        values = spec_values(spec)
        typed_kind = apis.HANDLE_TYPES.get(self.qualified_type(type_node) or ("", ""))
        for index, name_node in enumerate(names):
            name = text(name_node)
            value = values[index] if len(values) == len(names) else None
            kind = typed_kind or (self.calls.handle_of(value) if value is not None else None)
            if kind is not None:
                self.package_handles[name] = kind
            template = self.template(value)
            if template is None or not has_text(template):
                continue
            is_string = is_const or (type_node is not None and text(type_node) == "string")
            if is_string or any(isinstance(part, str) for part in template):
                self.emit(Constant(self.location(spec), name, template))
                self.package_strings[name] = StringValue(template, self.string_roots(value) if value else ())

    # -- pass 2: the walk ---------------------------------------------------------

    def _walk_declaration(self, node: Node) -> None:
        kind = node.type
        if kind == "function_declaration":
            name = node.child_by_field_name("name")
            self._enter(text(name) if name is not None else MODULE_SCOPE, node)
        elif kind == "method_declaration":
            self._enter(receiver_type(node) or MODULE_SCOPE, node)
        elif kind in ("const_declaration", "var_declaration"):
            self.unit = Unit(MODULE_SCOPE)
            for child in all_of_type(node, "comment"):
                self._comment(child)
            for spec in all_of_type(node, "const_spec" if kind == "const_declaration" else "var_spec"):
                for value in spec_values(spec):
                    self.visit(value)
        elif kind == "type_declaration":
            for spec in node.named_children:
                name = spec.child_by_field_name("name") if spec.type in ("type_spec", "type_alias") else None
                if name is not None:
                    self.unit = Unit(text(name))
                    self._type_uses(spec.child_by_field_name("type"))
            self._comments_only(node)
        else:  # imports, comments
            self._comments_only(node)

    def _enter(self, scope: str, node: Node) -> None:
        self.unit = Unit(scope)
        self._type_uses(node.child_by_field_name("result"))
        self.visit_children(node)

    def _type_uses(self, node: Node | None) -> None:
        """The types of another package a declaration names (`rows []*models.Schedule`, a field's, a
        result's): a compile-time dependency of the unit, a use of each."""
        for named in all_of_type(node, "qualified_type") if node is not None else ():
            package, name = named.child_by_field_name("package"), named.child_by_field_name("name")
            path = self.imports.get(text(package)) if package is not None else None
            if path and name is not None and _same_owner(path, self.module):
                self.use(dotted(path, text(name)), named)

    def visit(self, node: Node) -> None:
        handler = self._handlers.get(node.type)
        if handler is not None:
            handler(node)
        elif node.type not in _NOTHING_INSIDE:
            self.visit_children(node)

    def visit_children(self, node: Node) -> None:
        handlers = self._handlers
        for child in node.named_children:  # visit() inlined: this loop is the frontend's hot path
            kind = child.type
            handler = handlers.get(kind)
            if handler is not None:
                handler(child)
            elif kind not in _NOTHING_INSIDE:
                self.visit_children(child)

    def visit_as(self, node: Node, *, in_string: bool, in_message: bool) -> None:
        saved = self.in_string, self.in_message
        self.in_string, self.in_message = in_string, in_message
        self.visit(node)
        self.in_string, self.in_message = saved

    def _comments_only(self, node: Node) -> None:
        for comment in all_of_type(node, "comment"):
            self._comment(comment)

    def _comment(self, node: Node) -> None:
        raw = text(node)
        if "molecule-lint" not in raw:
            return
        line_start = self.source.rfind(b"\n", 0, node.start_byte) + 1
        standalone = not self.source[line_start : node.start_byte].strip()
        mark = suppression(raw, self.location(node), standalone)
        if mark is not None:
            self.emit(mark)

    def _selector(self, node: Node) -> None:
        qualified = self.qualified(node)
        if qualified is not None:
            self.use(dotted(*qualified), node)
        else:
            self.visit_children(node)

    def _composite(self, node: Node) -> None:
        """`store.Memory{...}` / `&Store{...}` construct a value: a use of its type."""
        type_node = node.child_by_field_name("type")
        if type_node is not None and type_node.type == "qualified_type":
            package, name = type_node.child_by_field_name("package"), type_node.child_by_field_name("name")
            path = self.imports.get(text(package)) if package is not None else None
            if path and name is not None:
                self.use(dotted(path, text(name)), type_node)
        elif type_node is not None and type_node.type == "type_identifier":
            target = self.same_package(text(type_node))
            if target:
                self.use(target, type_node)
        body = node.child_by_field_name("body")
        if body is not None:
            self._keyed_handles(body)
            self.visit(body)

    def _keyed_handles(self, body: Node) -> None:
        """`&Cache{rdb: redis.NewClient(...)}`: the field holds a handle from here on."""
        for element in body.named_children:
            if element.type != "keyed_element":
                continue
            key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
            if key is None or value is None:
                continue
            kind = self.calls.handle_of(unwrap_element(value))
            if kind is not None:
                self.package_handles[text(unwrap_element(key))] = kind

    def _local_type(self, node: Node) -> None:
        """A type declared in a function shadows package names; its struct tags are not strings."""
        for spec in node.named_children:
            name = spec.child_by_field_name("name") if spec.type in ("type_spec", "type_alias") else None
            if name is not None:
                self._bind(text(name), None)
        self._comments_only(node)

    def _field(self, node: Node) -> None:
        """Struct fields inside functions: their tags are not strings of the program."""
        self._comments_only(node)

    # -- strings --------------------------------------------------------------------

    def _string(self, node: Node) -> None:
        if not self.in_string:
            self.string_root(node, (string_value(node),))

    def _binary(self, node: Node) -> None:
        operator = node.child_by_field_name("operator")
        if self.in_string or operator is None or operator.type != "+":
            self.visit_children(node)
            return
        template = self.template(node)
        if template is not None:
            self.string_root(node, template)
        for child in node.named_children:
            self.visit_as(child, in_string=template is not None, in_message=self.in_message)

    def string_root(self, node: Node, template: Template) -> None:
        """A string expression that is not part of a larger one: a fact when it is SQL or a URL."""
        if self.in_message or node.start_byte in self._consumed:
            return
        if any(isinstance(part, str) for part in template) and looks_like_sql(sql_text(template)):
            self.emit(Sql(self.location(node), self.unit.scope, template, "literal"), node.start_byte)
        elif holds_url(template):
            self.emit(UrlLiteral(self.location(node), self.unit.scope, template))

    # -- bindings -------------------------------------------------------------------

    def _parameters(self, node: Node) -> None:
        for param in node.named_children:
            if param.type == "comment":
                self._comment(param)
                continue
            declared = param.child_by_field_name("type")
            self._type_uses(declared)
            kind = apis.HANDLE_TYPES.get(self.qualified_type(declared) or ("", ""))
            for name in param.children_by_field_name("name"):
                self._bind(text(name), kind)

    def _bind(self, name: str, handle: str | None) -> None:
        self.unit.bound.add(name)
        self.unit.strings.pop(name, None)
        if handle is None:
            self.unit.handles.pop(name, None)
        else:
            self.unit.handles[name] = handle

    def _assign(self, node: Node) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            self.visit_children(node)
            return
        lefts, rights = left.named_children, right.named_children
        self.calls.note_env_default(node, lefts, rights)
        for expression in rights:
            self.visit(expression)
        operator = node.child_by_field_name("operator")
        declare = node.type == "short_var_declaration"
        for target, value in _pairs(lefts, rights):
            if target.type == "identifier":
                self._assign_name(text(target), value, declare, operator.type if operator is not None else "=")
            else:
                self._assign_member(target, value)

    def _assign_name(self, name: str, value: Node | None, declare: bool, operator: str) -> None:
        if name in _NOT_NAMES:
            return
        if not declare and name not in self.unit.bound:  # a package variable set in a function (init)
            kind = self.calls.handle_of(value) if value is not None else None
            if kind is not None:
                self.package_handles[name] = kind
            return
        previous = self.unit.strings.get(name) if operator == "+=" else None
        string = self._string_value(value, previous)  # read before the name is rebound: `q = db.Rebind(q)`
        self._bind(name, self.calls.handle_of(value) if value is not None else None)
        prefix = self.calls.route_prefix(value) if value is not None else None
        if prefix is not None:
            self.unit.prefixes[name] = prefix
        if string is not None:
            self.unit.strings[name] = string

    def _string_value(self, value: Node | None, previous: StringValue | None) -> StringValue | None:
        template = self.template(value)
        if template is None or value is None:
            return None
        roots = self.string_roots(value)
        if previous is not None:  # q += " WHERE org_id = $1"
            template, roots = concat(previous.template, template), previous.roots + roots
        return StringValue(template, roots) if has_text(template) else None

    def _assign_member(self, target: Node, value: Node | None) -> None:
        self.visit(target)
        member = target.child_by_field_name("field") if target.type == "selector_expression" else None
        kind = self.calls.handle_of(value) if value is not None else None
        if member is not None and kind is not None:
            self.package_handles[text(member)] = kind

    def _local_spec(self, node: Node) -> None:
        """`var q = "..."` / `const q = "..."` inside a function."""
        values = spec_values(node)
        for expression in values:
            self.visit(expression)
        names = node.children_by_field_name("name")
        typed = apis.HANDLE_TYPES.get(self.qualified_type(node.child_by_field_name("type")) or ("", ""))
        for index, name_node in enumerate(names):
            value = values[index] if len(values) == len(names) else None
            name = text(name_node)
            string = self._string_value(value, None)
            self._bind(name, typed or (self.calls.handle_of(value) if value is not None else None))
            if string is not None:
                self.unit.strings[name] = string

    def _for(self, node: Node) -> None:
        clause = next((child for child in node.named_children if child.type == "range_clause"), None)
        left = clause.child_by_field_name("left") if clause is not None else None
        for name in left.named_children if left is not None else ():
            if name.type == "identifier":
                self._bind(text(name), None)
        self.visit_children(node)


def _same_owner(path: str, module: str) -> bool:
    """Is an imported package the project's (or its owner's): under the same host and owner as the file's
    (`github.com/acme/...`), or the same first segment of a module path without a host (`fleet/...`)? Not
    the standard library's or another owner's, whose types lead to no project code."""
    parts = module.split("/")
    owner = parts[:2] if "." in parts[0] else parts[:1]
    return path.split("/")[: len(owner)] == owner




def _pairs(lefts: list[Node], rights: list[Node]) -> list[tuple[Node, Node | None]]:
    """Assignment targets with their values; `a, err := f()` gives `a` the call."""
    if len(lefts) == len(rights):
        return list(zip(lefts, rights))
    first: list[tuple[Node, Node | None]] = [(lefts[0], rights[0])] if lefts and len(rights) == 1 else []
    return first + [(target, None) for target in lefts[len(first) :]]
