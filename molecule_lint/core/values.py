"""One resolver for every language: evaluate a Value of the summaries to the finite set of things it
may be — texts with holes for what cannot be known, project functions and classes, instances, library
names — across functions (parameters bound at each call), classes (attributes, inheritance, instance
attributes set in `__init__`), collections (constant keys) and modules (constants, re-exports).

Depth and fan-out are bounded and cycles end in a hole: never a guess. Every text carries the hops
that made it (the constant, the builder's return, the class attribute), for the finding's trace.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING

from molecule_lint.config import SinkModel
from molecule_lint.core import builders, datafiles, namedsql
from molecule_lint.core.queries import Step
from molecule_lint.core.strings import (
    HOLE_PARTS,
    Parts,
    brace_format,
    go_template_defined,
    go_template_fields,
    go_template_render,
    dollar_substitute,
    jinja_render,
    merge,
    path_join,
    percent_format,
    render,
    replace_all,
    strip,
)
from molecule_lint.facts import (
    MAX_TEMPLATE_CHARS,
    MODULE_SCOPE,
    SET_FIELD,
    SPREAD,
    Attr,
    Binding,
    Call,
    CallSite,
    Collection,
    Concat,
    EachValue,
    Format,
    Item,
    Lit,
    LoopSite,
    OrmModel,
    PathJoin,
    Summary,
    Unknown,
    Value,
    Var,
    children,
)
from molecule_lint.findings import Hop
from molecule_lint.gosql import NAMED_QUERY_TAG, REBIND, SQLX, SQLX_REWRITES
from molecule_lint.scanned_config import CONFIG_FILE, CONFIG_SCAN, field_key
from molecule_lint.sql import SQL_COMPOSABLES
from molecule_lint.steering import UnsafeFile, read_steering_file

if TYPE_CHECKING:
    from molecule_lint.linker import Project

MAX_VALUES = 8  # a value may be one of at most this many things; more is a hole
MAX_DEPTH = 16  # nested evaluations (calls, bindings, attributes) before giving up
MAX_BRANCHES = 2  # assignments before one made in a branch, read as values of the name too
_NOTE_CHARS = 80
# Library calls that build a path or URL from their arguments.
_PATH_BUILDERS = frozenset(
    {"os.path.join", "posixpath.join", "urllib.parse.urljoin", "pathlib.Path", "pathlib.PurePosixPath",
     "yarl.URL", "httpx.URL"}
)
_STRIPS = frozenset({"strip", "lstrip", "rstrip"})
# Path methods that lead to a file of the project beside the code (`Path(__file__).with_name("q.sql").read_text()`).
_PATH_METHODS = frozenset({"with_name", "joinpath"})
_RESOURCE_FILES = frozenset({"importlib.resources.files", "importlib_resources.files"})
# Library calls whose result is their first argument's text, as far as names in it go (indentation, quoting;
# a request built to be sent later, `urlopen(Request(url))`: its URL).
_SAME_TEXT = frozenset(
    {"builtins.str", "textwrap.dedent", "inspect.cleandoc", "django.db.connection.ops.quote_name", "urllib.request.Request",
     "text/template.Must", "html/template.Must", "pypika.Table", "pypika.queries.Table"}
)  # fmt: skip  (a PyPika table renders as its name)
# Go calls whose result is a query argument's text, its placeholders rewritten (gosql.py): that argument's index.
_SQL_REWRITES = {f"{SQLX}.{function}": index for function, index in SQLX_REWRITES.items()}
DJANGO_SETTINGS = "django.conf.settings."
_DJANGO_OPTIONS = "django.db.models.options.Options"
_EMBED_READS = frozenset({"builtins.embedfs.ReadFile", "io/fs.ReadFile"})
_URL_STRUCT = "net/url.URL"  # Go's URL, built as a struct and rendered with String()
_URL_PARSE = "net/url.Parse"
# SQL files read at run time: the path is resolved, the file read as `//go:embed` files are (inside the
# project, bounded; else a hole). A path relative to no file (`open("q.sql")`) is taken from the root.
_OPENERS = frozenset({"builtins.open", "io.open", "codecs.open"})
_READERS = frozenset({"os.ReadFile", "io/ioutil.ReadFile"})  # Go: (path) -> contents
_PACKAGE_READERS = frozenset({"pkgutil.get_data", "importlib.resources.read_text", "importlib_resources.read_text"})
_SAME_PATH = frozenset({"os.path.abspath", "os.path.realpath", "os.path.normpath"})
_FILE_READS = frozenset({"read_text", "read_bytes", "read"})  # `Path(p).read_text()`, an open file's `read()`
_SQL_FILE = re.compile(r"[\w.-]+(?:/[\w.-]+)*\.sql")  # a relative path, not SQL text
_IDENTITIES = frozenset({"decode", "encode"})  # bytes <-> text: the same SQL
_SAME_PATH_METHODS = frozenset({"resolve", "absolute"})  # `Path(__file__).resolve()`: paths stay project-relative
_MAX_QUERY_FILES = 200  # `.sql` files read from one folder of named queries
_DICT_METHODS = frozenset({"get", "items", "values", "keys"})
# SQLAlchemy Core's table object, declared or reflected (`Table("x", metadata, autoload_with=engine)`): its name.
CORE_TABLES = frozenset({"sqlalchemy.Table", "sqlalchemy.schema.Table", "sqlalchemy.sql.schema.Table"})
CORE_TABLE_NAME = "name"
# `Annotated[T, Depends(...)]` and `Optional[T]` annotate a T (FastAPI's dependency aliases are the first).
_TYPE_WRAPPERS = frozenset(
    {"typing.Annotated", "typing_extensions.Annotated", "typing.Optional", "typing_extensions.Optional"}
)
# Jinja2 templates made from source text (SQL kept as a template, rendered with the table's name), or read
# from a file by an Environment whose loader is a FileSystemLoader of a folder.
_JINJA_SOURCES = frozenset({"jinja2.Template", "jinja2.Environment.from_string"})
_JINJA_TEMPLATE = "jinja2.Template"
_JINJA_FOLDERS = "jinja2.FileSystemLoader"
# Go's text/template (and html/template): `template.New(n).Parse(src)` is a template of src; `t.Execute(w, data)`
# writes it, rendered with the data, into a strings.Builder / bytes.Buffer whose `String()` is read later.
_GO_TEMPLATE_PACKAGES = ("text/template.", "html/template.")
_GO_TEMPLATE = "text/template.Template"
# A template's fields: its name, its source (what `Execute` runs), and each file it parsed, by base name.
_GO_TEMPLATE_NAME, _GO_TEMPLATE_SOURCE, _GO_TEMPLATE_FILE = "name", "source", "file "
_GO_TEMPLATE_FILES = frozenset({"ParseFiles", "ParseGlob", "ParseFS"})
_GO_TEMPLATE_KEEPS = frozenset({"Funcs", "Option", "Delims"})
_GO_BUFFERS = frozenset({"strings.Builder", "bytes.Buffer", "bytes.NewBuffer", "bytes.NewBufferString"})
_GO_BUFFER_WRITES = frozenset({"WriteString", "Write", "WriteByte", "WriteRune"})
_GO_BUFFER_READS = frozenset({"String", "Bytes"})
# string.Template: `Template(source)`, then `substitute(**keywords)` or `safe_substitute(mapping)`.
_DOLLAR_TEMPLATE = "string.Template"
_DOLLAR_FILLS = frozenset({f"{_DOLLAR_TEMPLATE}.substitute", f"{_DOLLAR_TEMPLATE}.safe_substitute"})
# configparser: `parser.read(path)` (also `read_file(fh)`, `read_string(text)`) gives the parser its document,
# then `parser.get(section, option)` and `parser[section][option]` read it.
_CONFIG_PARSERS = frozenset({"configparser.ConfigParser", "configparser.RawConfigParser"})
# A Flask app's config (`current_app.config["X"]`, `app.config.get("X")`): filled by `config.from_object(obj)`,
# `config.from_mapping({...}, X=...)`, `config.update(X=...)` and `config["X"] = ...` (lowered `__setitem__`).
_FLASK_CONFIGS = frozenset({"flask.current_app.config", "flask.Flask.config", "flask.app.Flask.config"})
_FLASK_CONFIG_LOADS = frozenset({"from_object", "from_mapping", "update", "__setitem__"})
_DOCUMENT = "document"
_PARTIALS = frozenset({"functools.partial", "functools.partialmethod"})
_INTERFACES = frozenset({"typing.Protocol", "typing_extensions.Protocol", "abc.ABC"})
# A lambda, lowered as this builtin called with its body (frontends/python/lower.py): calling it returns the body.
_LAMBDA = "builtins.lambda"
_RETURNS = "return"
STORE = "<store>"  # the field of a library connection, client or pool holding its DSN (no keyword's name)
STATEMENT = "<statement>"  # the field of a library statement object holding its SQL
QUERIED = "<queried>"  # the field of a library query builder (`select(M)`) holding the model class it names
# Class fields declared with a default (`x: str = field(default=...)`) or a factory called per instance
# (`field(default_factory=lambda: ...)`): the field's value. The keywords holding each, and whether the first
# positional argument is the default (pydantic's `Field(...)`).
_FIELD_SPECIFIERS = {
    "dataclasses.field": False, "attrs.field": False, "attr.ib": False, "attr.attrib": False, "attr.field": False,
    "pydantic.Field": True, "pydantic.fields.Field": True, "pydantic_settings.Field": True, "sqlmodel.Field": True,
}  # fmt: skip
_FIELD_DEFAULTS = frozenset({"default"})
_FIELD_FACTORIES = frozenset({"default_factory", "factory"})
# Decorators that make a method read as an attribute: its return is the attribute's value.
_PROPERTIES = frozenset({"builtins.property", "functools.cached_property", "django.utils.functional.cached_property"})
# Dagster hands an asset's or op's parameters the resources a module registers under their names
# (`Definitions(resources={"db": SqlDatabase(dsn=...)})`): the registering calls and their keyword, and
# the decorators of the functions served.
_RESOURCE_REGISTRIES = {"dagster.Definitions": "resources", "dagster.with_resources": "resource_defs"}
_RESOURCE_USERS = frozenset({
    "dagster.asset", "dagster.multi_asset", "dagster.graph_asset", "dagster.op", "dagster.sensor", "dagster.schedule",
    "dagster.asset_check",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Text:
    parts: Parts
    trace: tuple[Hop, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    """A function, method or class of the project: ``name`` inside ``module`` ("f", "C", "C.m")."""

    module: str
    name: str


@dataclass(frozen=True, slots=True)
class ModuleRef:
    name: str


@dataclass(frozen=True, slots=True)
class Obj:
    """An instance: of a project class (a Unit) or a library class (its qualified name); ``fields``
    are the constructor's keyword arguments and parameters, as bound."""

    cls: Unit | str
    fields: Env


@dataclass(frozen=True, slots=True)
class Bound:
    """A method with its receiver (an instance, or the class for a classmethod)."""

    receiver: Obj | Unit
    method: Unit


@dataclass(frozen=True, slots=True)
class Applied:
    """A project function with values bound before it is called: `functools.partial(f, *args, **kwargs)`'s
    arguments, or a closure's free names as the call of its enclosing function bound them (`make_reader(T)`
    returns its nested `read`, whose `table` is T)."""

    func: Unit | Bound
    args: tuple[Vals, ...] = ()
    kwargs: Env = ()  # keywords, and a closure's free names


@dataclass(frozen=True, slots=True)
class External:
    """A name outside the project ("requests.get", "os.environ"); for a method of a library object,
    the object (whose fields hold, e.g., an HTTP client's base URL)."""

    name: str
    receiver: Obj | None = None


@dataclass(frozen=True, slots=True, eq=False)  # by identity: comparing or hashing a collection's frame is costly
class Coll:
    value: Collection
    frame: Frame
    path: str = ""  # the file that wrote it, when its frame's unit may span files (a Go package's variable)


@dataclass(frozen=True, slots=True)
class StrMethod:
    text: Text
    name: str


@dataclass(frozen=True, slots=True)
class DictGet:
    """`REGISTRY.get`, to be called with a key; or `.items`, `.values`, `.keys`, the dict's entries a loop runs
    over (`for name, sql in METRICS.items()`)."""

    coll: Coll
    method: str = "get"


@dataclass(frozen=True, slots=True)
class OpenFile:
    """A file opened at a path (`open(p)`): what its `read()` returns is the file's text."""

    path: Text


@dataclass(frozen=True, slots=True)
class EnvValue:
    """The value of an environment variable: what `os.environ["X"]`, `env("X")`, `config("X")` return;
    with ``result``, the results of a reader that returns more (`os.LookupEnv`), the value at that one."""

    name: Text
    trace: tuple[Hop, ...] = ()
    result: int | None = None


Resolved = Text | Unit | ModuleRef | Obj | Bound | Applied | External | Coll | StrMethod | DictGet | EnvValue | OpenFile
Vals = tuple[Resolved, ...]
Env = tuple[tuple[str, Vals], ...]
HOLE = Text(HOLE_PARTS)


@dataclass(frozen=True, slots=True)
class Frame:
    """Where an expression is evaluated: a unit of a module, its parameters as bound by a caller
    (None: unbound, defaults apply), and ``self``."""

    module: str
    unit: str
    env: Env | None = None
    receiver: Obj | Unit | None = None
    line: int | None = None  # where the value is read (None: after the unit has run)
    # the one entry a loop's variable holds, by what the loop runs over (`naturalKeys` of `for _, k := range
    # naturalKeys`): read where the site inside the loop runs once per entry (Resolver.entry_frames)
    pins: tuple[tuple[Value, Vals], ...] = ()

    def at(self, line: int) -> Frame:
        """This frame where ``line`` reads it (what `dataclasses.replace` does, at a fifth of its cost: it is
        asked at every call site and binding the core evaluates)."""
        return Frame(self.module, self.unit, self.env, self.receiver, line, self.pins)


_TABLE_NESTING = 2  # a generated table struct, its embedded struct, the library's table


class Resolver:
    def __init__(
        self,
        project: Project,
        env_reader: Callable[[str], SinkModel | None],
        keeps_arguments: Callable[[str], bool],
        library_model: Callable[[str, str], SinkModel | None],
    ) -> None:
        """``env_reader``: the model of a library function that reads env, by its qualified name;
        ``keeps_arguments``: does a sink model read an argument of this library call from what it makes;
        ``library_model``: its model for a kind of sink."""
        self.project = project
        self.env_reader = env_reader
        self.keeps_arguments = keeps_arguments
        self.library_model = library_model
        # Django's `settings.X`: X as the project's settings modules bind it.
        self._settings_modules = sorted(m for m in project.summaries if "settings" in m.split("."))
        self._returns: dict[tuple[Unit, Env | None, Obj | Unit | None], Vals] = {}
        self._active: set[tuple[Unit, Env | None, Obj | Unit | None]] = set()  # returns being evaluated
        # Summaries and bindings live as long as the project, so they are keyed by identity: hashing one
        # hashes its whole value tree, and these tables are asked on every read of a name.
        self._evaluating: set[int] = set()  # bindings being evaluated: in `x = x + 1` the inner `x` is an earlier one
        self._bound: dict[tuple[Frame, int, bool], Vals] = {}  # each assignment evaluated once per frame
        self._constructed_fields: dict[tuple[Unit, str], Vals] = {}
        self._decorations: dict[Unit, Resolved] = {}
        self._mros: dict[tuple[Unit, int], tuple[Unit, ...]] = {}  # a class and its project bases, by depth
        self._constructions: dict[str, dict[str, list[tuple[int, str, Call, int]]]] = {}  # per module: by callee
        # per module: class -> `self.x` -> the units of the class's methods that bind it
        self._self_binders: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
        self._files: dict[str, str | None] = {}  # files the code reads, read once whoever asks
        self._documents: dict[tuple[str, str], Value | None] = {}  # config documents it parses, by text and format
        self._query_sets: dict[tuple[str, namedsql.Loader], Resolved] = {}  # named-query files loaded, by path
        self._scanned: Vals | None = None  # the query sets goyesql's ScanToStruct fills structs from
        self._flask_config_objects: dict[str | None, Vals] = {}  # what `config.from_object` loads, by service
        self._value_methods: dict[str, list[Unit]] | None = None  # methods of Go's named non-struct types, by name
        self._struct_methods: dict[str, list[Unit]] | None = None  # methods of structs, by name
        self._scattered_names: dict[str, frozenset[str]] = {}  # per Go package: names bound in several files' bodies
        self._registered: dict[str, list[tuple[Value, str, int]]] | None = None  # resources by name, made on first use
        self._stores: dict[str, dict[str, list[tuple[str, str, CallSite]]]] = {}  # per module: `m[k] = v` by m
        self._callers: dict[tuple[str, str], list[tuple[str, str, CallSite]]] = {}  # a function's calls in its module
        self._wrapped: list[tuple[str, Summary]] | None = None  # the project's decorated units, made on first use
        self._store_frames_of: dict[tuple[str, str], list[Frame]] = {}  # where each storing unit runs
        self._stored: frozenset[str] | None = None  # the names stored into by key, made on first use

    def forget(self) -> None:
        """Drop what evaluating remembered: asked again, it is evaluated again."""
        for memo in (self._returns, self._bound, self._constructed_fields, self._decorations, self._mros):
            memo.clear()

    # -- the project's units --------------------------------------------------

    def summary(self, module: str, name: str) -> Summary | None:
        return self.project.summaries.get(module, {}).get(name)

    def path(self, module: str) -> str:
        return self.project.index.paths.get(module, "")

    def unit_path(self, module: str, unit: str) -> str:
        """The file a unit is written in (a Go package's units are in many)."""
        return self.project.unit_paths.get((module, unit)) or self.path(module)

    def _binding_path(self, module: str, summary: Summary, binding: Binding) -> str:
        if summary.name == MODULE_SCOPE:
            return self.project.binding_paths.get((module, binding.name, binding.line)) or self.path(module)
        return self.unit_path(module, summary.name)

    # -- evaluation -------------------------------------------------------------

    def eval(self, value: Value, frame: Frame, depth: int) -> Vals:
        if depth <= 0:
            return (HOLE,)
        depth -= 1
        if isinstance(value, Lit):
            literal = value.value
            return (Text((str(literal),)),) if isinstance(literal, (str, int, float)) else (HOLE,)
        if isinstance(value, (Concat, PathJoin)):
            evaluated = [self.eval(part, frame, depth) for part in value.parts]
            lists = _list_concat(evaluated, frame) if isinstance(value, Concat) else None
            if lists is not None:
                return (lists,)
            pieces = [tuple(v if isinstance(v, Text) else HOLE for v in vals) for vals in evaluated]
            glue = _merge_texts if isinstance(value, Concat) else _joined
            return _bounded(glue(combo) for combo in _product(pieces))
        if isinstance(value, Format):
            return self._format(value, frame, depth)
        if isinstance(value, Var):
            return self._var(value, frame, depth)
        if isinstance(value, Attr):
            bases = self.eval(value.base, frame, depth)
            return _bounded(r for base in bases for r in self.attr(base, value.name, depth))
        if isinstance(value, Item):
            return self._item(value, frame, depth)
        if isinstance(value, Call):
            return self._call(value, frame, depth)
        if isinstance(value, Collection):
            return (Coll(value, frame),)
        assert isinstance(value, Unknown)
        return (HOLE,)

    def _texts(self, value: Value, frame: Frame, depth: int) -> tuple[Text, ...]:
        """The texts a value may be (a hole for anything else)."""
        return tuple(v if isinstance(v, Text) else HOLE for v in self.eval(value, frame, depth))

    def _format(self, value: Format, frame: Frame, depth: int) -> Vals:
        fmts = self._texts(value.fmt, frame, depth)
        args = [self._texts(a, frame, depth) for a in value.args]
        keywords = self._keywords(value.kwargs, frame, depth)
        names = [name for name, _ in keywords]
        kwargs = [texts for _, texts in keywords]
        apply = percent_format if value.style == "percent" else brace_format
        out: list[Resolved] = []
        for fmt, *rest in _product([fmts, *args, *kwargs]):
            positional, keyed = rest[: len(args)], rest[len(args) :]
            parts = apply(fmt.parts, [a.parts for a in positional], {n: k.parts for n, k in zip(names, keyed)})
            out.append(Text(parts, _traces([fmt, *rest])))
        return _bounded(out)

    def _keywords(self, kwargs: Sequence[tuple[str, Value]], frame: Frame, depth: int) -> list[tuple[str, tuple[Text, ...]]]:
        """Keyword arguments as texts; a SPREAD mapping (`**params`) gives its entries with literal keys,
        when it is one dict (several alternatives: its fields stay holes)."""
        out: list[tuple[str, tuple[Text, ...]]] = []
        for name, arg in kwargs:
            if name != SPREAD:
                out.append((name, self._texts(arg, frame, depth)))
                continue
            mappings = self.eval(arg, frame, depth)
            mapping = mappings[0] if len(mappings) == 1 else None
            if isinstance(mapping, Coll) and mapping.value.kind == "dict":
                for key, item in zip(mapping.value.keys, mapping.value.values):
                    keys = self._texts(key, mapping.frame, depth)
                    if len(keys) == 1 and None not in keys[0].parts:
                        out.append((render(keys[0].parts), self._texts(item, mapping.frame, depth)))
            elif isinstance(mapping, Obj) and mapping.cls == "builtins.dict":  # `dict(table=T)`
                out += [(key, tuple(v if isinstance(v, Text) else HOLE for v in vals)) for key, vals in mapping.fields]
        return out

    def _var(self, var: Var, frame: Frame, depth: int) -> Vals:
        if var.kind == "local" and var.name == "__file__":  # the module's own path, for the files beside it
            return (Text((self.unit_path(frame.module, frame.unit),)),)
        if var.kind == "local" and var.name == "__package__":  # `resources.files(__package__)`: its folder
            package = self.path(frame.module).endswith("__init__.py")
            return (Text((frame.module if package else frame.module.rpartition(".")[0],)),)
        if var.kind == "param":
            return self._param(var.name, frame, depth)
        if var.kind == "local":
            summary = self.summary(frame.module, frame.unit)
            if frame.unit != MODULE_SCOPE and summary is not None and any(b.name == var.name for b in summary.bindings):
                return self._bindings(summary, var.name, frame, depth, hop=summary.kind == "class")
            free = next((vals for name, vals in frame.env or () if name == var.name), None)
            if free is not None:  # a closure's free name, as its enclosing call bound it
                return free
            if summary is not None and summary.kind == "function" and self._is_function(inner := Unit(frame.module, f"{frame.unit}.{var.name}")):
                return (self._closure(inner, frame, depth),)
            if var.name in ("__file__", "__name__"):  # where the module is, for the files it reads beside it
                return (Text((self.path(frame.module) if var.name == "__file__" else frame.module,)),)
            return self.global_name(f"{frame.module}.{var.name}", frame.module, depth)
        if var.kind == "global":
            return self.global_name(var.name, frame.module, depth)
        if var.kind in ("self", "cls") and frame.receiver is not None:
            receiver = frame.receiver
            if var.kind == "cls" and isinstance(receiver, Obj) and isinstance(receiver.cls, Unit):
                receiver = receiver.cls
            elif var.kind == "self" and isinstance(receiver, Unit):  # an instance made with the defaults
                found = self.attr(Obj(receiver, ()), var.name, depth)
                if found == (HOLE,) or all(self._is_interface(v, depth) for v in found):
                    built = self._constructed(receiver, var.name, depth)  # an implementation injected where it is made
                    return built if built != (HOLE,) else found
                return found
            elif var.kind == "self" and isinstance(receiver, Obj) and isinstance(receiver.cls, Unit) and not receiver.fields:
                found = self.attr(receiver, var.name, depth)  # a field's declared type: no caller shows its value
                return self._constructed(receiver.cls, var.name, depth) if found == (HOLE,) else found
            return self.attr(receiver, var.name, depth)
        if var.kind == "builtin":
            return (External(f"builtins.{var.name}"),)
        return (HOLE,)

    def _param(self, name: str, frame: Frame, depth: int) -> Vals:
        summary = self.summary(frame.module, frame.unit)
        if frame.env is not None:
            for bound_name, vals in frame.env:
                if bound_name == name:
                    declared = next((p.annotation for p in summary.params if p.name == name), None) if summary else None
                    # `Repo(session)` with an untyped `session`: `__init__(self, session: Session)` still says what it is
                    return self._declared(declared, frame.module, depth) if vals == (HOLE,) and declared else vals
        if frame.env is None and summary is not None and _RESOURCE_USERS.intersection(summary.decorators):
            injected = self._resources().get(name, ())
            if injected:  # each with the hop where it is registered
                return _bounded(
                    self._hop(v, self.path(module), line, f"resource `{name}`: ")
                    for value, module, line in injected for v in self.eval(value, Frame(module, MODULE_SCOPE), depth)
                )  # fmt: skip
        receiver = frame.receiver
        first = summary.params[0].name if summary and summary.params and not summary.static else None
        if receiver is not None and first == name:
            return (self._receiver_itself(receiver, name),)  # `return self`, `cls(...)` in a classmethod
        for param in summary.params if summary else ():
            if param.name == name and param.default is not None:
                vals = self.eval(param.default, Frame(frame.module, MODULE_SCOPE), depth)
                # an injector's marker (`Provide[Container.repo]`, `Depends(get_repo)`): what is injected is
                # an instance of the declared type, not the marker
                if param.annotation is not None and vals and all(map(_injection_marker, vals)):
                    return self._declared(param.annotation, frame.module, depth)
                return vals
            if param.name == name and param.annotation is not None:  # `client: ApiClient`: an instance of it
                return self._declared(param.annotation, frame.module, depth)
        return (HOLE,)

    def _resources(self) -> dict[str, list[tuple[Value, str, int]]]:
        """The resources modules register by name (module bodies only), with the module and line of each."""
        if self._registered is None:
            self._registered = defaultdict(list)
            for module, units in self.project.summaries.items():
                for site in units[MODULE_SCOPE].calls if MODULE_SCOPE in units else ():
                    keyword = _RESOURCE_REGISTRIES.get(site.func.name) if isinstance(site.func, Var) else None
                    for value in (v for k, v in site.kwargs if k == keyword):
                        if isinstance(value, Collection) and value.kind == "dict":
                            lines = value.lines or (site.loc.line,) * len(value.values)
                            for key, resource, line in zip(value.keys, value.values, lines):
                                if isinstance(key, Lit) and isinstance(key.value, str):
                                    self._registered[key.value].append((resource, module, line))
        return self._registered

    def _receiver_itself(self, receiver: Obj | Unit, name: str) -> Obj | Unit:
        """The first parameter of a method as a value: the instance, or the class for `cls` (a classmethod
        called on an instance has its class; an instance method called on the class, one made with the defaults)."""
        if name == "cls":
            return receiver.cls if isinstance(receiver, Obj) and isinstance(receiver.cls, Unit) else receiver
        return Obj(receiver, ()) if isinstance(receiver, Unit) else receiver

    def _declared(self, annotation: Value, module: str, depth: int) -> Vals:
        """What a name declared of a type holds where nothing else tells: an instance of it."""
        types = self.eval(annotation, Frame(module, MODULE_SCOPE), depth)
        return _bounded(_instance_of(t, self.summary) for t in types)

    def _bindings(self, summary: Summary, name: str, frame: Frame, depth: int, hop: bool) -> Vals:
        """The value of ``name`` where it is read: the last assignment to it up to that line (every
        assignment in a unit read from elsewhere: a module or class body has run by then). One made in
        a branch (`if !ok { url = os.Getenv(B) }`) may not have run: the assignment before it is a
        value too, up to MAX_BRANCHES of them (both arms of an if/else bring the one before the `if`,
        a value the name may not hold: a hole or a zero value, which names nothing). Not before one
        that refines the name (`if where: sql += " WHERE ..."`): whether it runs depends on the call,
        and the unrefined text would be a query the caller never runs. In `x = x + y` the inner `x`
        is the assignment before."""
        eligible = [
            binding
            for binding in summary.bindings
            if binding.name == name
            and (frame.line is None or binding.line <= frame.line)
            and id(binding) not in self._evaluating
        ]
        if not eligible:
            return (HOLE,)
        chosen = [eligible.pop()]
        while chosen[-1].branch and not _refines(chosen[-1], name) and eligible and len(chosen) <= MAX_BRANCHES:
            chosen.append(eligible.pop())
        return _bounded(v for binding in chosen for v in self._binding(summary, binding, name, frame, depth, hop))

    def _binding(self, summary: Summary, chosen: Binding, name: str, frame: Frame, depth: int, hop: bool) -> Vals:
        """What one assignment gives ``name``, once per frame."""
        memo = (frame, id(chosen), hop)
        if memo not in self._bound:
            self._evaluating.add(id(chosen))
            try:
                values = self.eval(chosen.value, frame.at(chosen.line), depth)
                # `client: Client = request.app.state.x`: unknown, or a library attribute chain we know nothing of
                if chosen.annotation is not None and all(v == HOLE or isinstance(v, External) for v in values):
                    values = self._declared(chosen.annotation, frame.module, depth)
            finally:
                self._evaluating.discard(id(chosen))
            path = self._binding_path(frame.module, summary, chosen)
            written = (replace(v, path=path) if isinstance(v, Coll) and v.value.lines and not v.path else v for v in values)
            self._bound[memo] = _bounded(self._hop(v, path, chosen.line, f"{name} = ") if hop else v for v in written)
        return self._bound[memo]

    def _hop(self, value: Resolved, path: str, line: int, prefix: str) -> Resolved:
        if isinstance(value, EnvValue):
            note = f"{prefix}env `{render(value.name.parts)}`"
        elif isinstance(value, Text) and value.parts != HOLE_PARTS:
            note = f'{prefix}"{render(value.parts)}"'
        elif isinstance(value, Obj) and isinstance(value.cls, Unit) and value.fields:  # `{"a": {table: "t"}}`'s entry
            hopped = ((name, tuple(self._hop(v, path, line, f"{prefix}{name}=") for v in vals)) for name, vals in value.fields)
            return replace(value, fields=tuple(hopped))
        else:
            return value
        return replace(value, trace=(Hop(path, line, _clipped(note)), *value.trace))

    def global_name(self, qualified: str, near_module: str, depth: int) -> Vals:
        """A module-level name anywhere: a constant, a function, a class, a module, or a library name."""
        near = self.path(near_module)
        split = self.project.index.split_all(qualified, near)
        if split is None:
            if qualified.startswith(DJANGO_SETTINGS):
                return self._django_setting(qualified.removeprefix(DJANGO_SETTINGS).split("."), near_module, depth)
            flask = next((c for c in _FLASK_CONFIGS if qualified.startswith(f"{c}.")), None)
            key = qualified.removeprefix(f"{flask}.") if flask else ""
            if key.isupper():  # a sink model's `setting`: an entry of the Flask config (not its `get`)
                return self._flask_config((Text((key,)),), near_module, depth)
            return (External(qualified),)
        module, rest = split
        if not rest:
            return (ModuleRef(module),)
        located = self.project.locate(f"{module}.{rest[0]}", near)  # through re-exports and star imports
        if located is None:
            return (HOLE,)
        module, symbol = located
        if symbol is None:
            values: Vals = (ModuleRef(module),)
        elif self.summary(module, symbol) is not None:
            values = (Unit(module, symbol),)
        else:
            body = self.summary(module, MODULE_SCOPE)
            if body is not None and symbol in self._scattered(module):
                return (HOLE,)
            if body is not None and any(b.name == symbol for b in body.bindings):
                values = self._bindings(body, symbol, Frame(module, MODULE_SCOPE), depth, hop=True)
            elif (hook := self.summary(module, "__getattr__")) is not None and hook.params:
                # a module's `__getattr__(name)` (PEP 562) answers the names it does not bind
                values = self.returns(Unit(module, "__getattr__"), ((hook.params[0].name, (Text((symbol,)),)),), None, depth)
            else:
                return (HOLE,)
        for name in rest[1:]:
            values = _bounded(r for v in values for r in self.attr(v, name, depth))
        return values

    def _scattered(self, module: str) -> frozenset[str]:
        """Names several files of a Go package bind at their top: no package-level name (Go forbids one
        declared twice) but the locals of function literals there (`RunE: func(...) { db, err := ... }`),
        which the lowering puts in the package's body: which file's one a read means is unknown."""
        if module not in self._scattered_names:
            files: dict[str, int] = defaultdict(int)
            for own in self.project.package_bodies(module):
                for name in {binding.name for binding in own.bindings}:
                    files[name] += 1
            self._scattered_names[module] = frozenset(name for name, count in files.items() if count > 1)
        return self._scattered_names[module]

    def _django_setting(self, names: list[str], reader: str, depth: int) -> Vals:
        out: list[Resolved] = []
        for module in self._settings_of(reader):
            body = self.summary(module, MODULE_SCOPE)
            if body is not None and any(b.name == names[0] for b in body.bindings):
                out.extend(self._bindings(body, names[0], Frame(module, MODULE_SCOPE), depth, hop=True))
        values = _bounded(out)
        for name in names[1:]:
            values = _bounded(r for v in values for r in self.attr(v, name, depth))
        return values

    def _flask_config(self, keys: tuple[Text, ...], reader: str, depth: int) -> Vals:
        """`app.config["X"]`: X as the reader's service loads it: an attribute of the objects given to
        `config.from_object(...)` (Flask takes their upper-case ones), a key given to `from_mapping`/`update`;
        the platform's config is not the tenant's."""
        names = [name for k in keys if None not in k.parts and (name := render(k.parts)).isupper()]
        sources = self._flask_config_objects_of(self.project.service_of(self.path(reader)), depth)
        found = [  # not what a config class's library base would have (`class Config(object)`)
            r for source in sources for name in names
            for r in (self._element(source, (Text((name,)),), depth) if isinstance(source, Coll) else self.attr(source, name, depth))
            if r != HOLE and not isinstance(r, External)
        ]
        return _bounded(found) if found else (HOLE,)

    def _flask_config_objects_of(self, service: str | None, depth: int) -> Vals:
        if service not in self._flask_config_objects:
            self._flask_config_objects[service] = ()  # a config object read while it is looked for
            out: list[Resolved] = []
            for module, units in self.project.summaries.items():
                if self.project.service_of(self.path(module)) != service:
                    continue
                for unit, summary in units.items():
                    for site in filter(_loads_flask_config, summary.calls):
                        out += self._config_loaded(site, Frame(module, unit), depth)
            self._flask_config_objects[service] = _bounded(v for v in out if isinstance(v, (Unit, ModuleRef, Coll)))
        return self._flask_config_objects[service]

    def _config_loaded(self, site: CallSite, frame: Frame, depth: int) -> list[Resolved]:
        """What one `config.from_object(obj)`, `from_mapping(mapping, **keys)`, `update(mapping, **keys)` or
    `config[key] = value` loads."""
        if isinstance(site.func, Attr) and site.func.name == "__setitem__":
            return [Coll(Collection("dict", site.args[:1], site.args[1:2], (site.loc.line,)), frame)]
        loaded = [v for arg in site.args[:1] for v in self.eval(arg, frame, depth)]
        if isinstance(site.func, Attr) and site.func.name == "from_object":
            return [self._config_object(v, frame.module, depth) for v in loaded]
        keys, values = tuple(Lit(key) for key, _ in site.kwargs), tuple(value for _, value in site.kwargs)
        return [*loaded, Coll(Collection("dict", keys, values, (site.loc.line,) * len(keys)), frame)]

    def _config_object(self, value: Resolved, module: str, depth: int) -> Resolved:
        """A class or module, also as its import string (`from_object("app.config.ProdConfig")`)."""
        if isinstance(value, Text) and None not in value.parts:
            return next(iter(self.global_name(render(value.parts), module, depth)), HOLE)
        return value

    def _settings_of(self, reader: str) -> list[str]:
        """The settings modules of the reader's own service if it has any (each Django project reads its own
        settings: the platform's `settings.CACHES` is not the tenant's); for shared code without settings of
        its own, those of the services whose files import it (a shared `connections[alias]` helper runs under
        its importers' settings, not under every project's); else all of them."""
        path = self.path(reader)
        services = {s for s in [self.project.service_of(path)] if s}
        if self.project.plane_of(path) == "shared" and not self._settings_in(services):
            services = {s for p in self.project.importers().get(reader, ()) if (s := self.project.service_of(p))}
        return self._settings_in(services) or self._settings_modules

    def _settings_in(self, services: set[str]) -> list[str]:
        return [m for m in self._settings_modules if self.project.service_of(self.path(m)) in services]

    def attr(self, base: Resolved, name: str, depth: int) -> Vals:
        if isinstance(base, ModuleRef):
            return self.global_name(f"{base.name}.{name}", base.name, depth)
        if isinstance(base, External):
            return (External(f"{base.name}.{name}"),)
        if isinstance(base, Text) and name == "value":  # a str has none: an Enum member's value (`Tables.X.value`)
            return (base,)
        if isinstance(base, Text):
            if name == "parent":  # `Path(__file__).parent`
                return (_dirname(base),)
            if name == "parents" and None not in base.parts:  # `Path(__file__).parents[1]`: nearest folder first
                folders = tuple(Lit(render(folder.parts)) for folder in _ancestors(base))
                return (Coll(Collection("list", (), folders), Frame("", MODULE_SCOPE)),)
            return (StrMethod(base, name),) if base.parts != HOLE_PARTS else (HOLE,)
        if isinstance(base, OpenFile):
            return (StrMethod(base.path, "read_text"),) if name == "read" else (HOLE,)
        if isinstance(base, Obj) and base.cls == CONFIG_SCAN:
            return self._scanned_field(base, name, depth)
        if isinstance(base, Obj):
            return self._instance_attr(base, name, depth)
        if isinstance(base, Unit):
            return self._class_attr(base, base, name, depth)
        if isinstance(base, Coll) and base.value.kind == "dict" and name in _DICT_METHODS:
            return (DictGet(base, name),)
        if isinstance(base, Coll) and base.value.kind == "dict":  # Go's anonymous struct literal: a field by name
            return self._element(base, (Text((name,)),), depth)
        return (HOLE,)

    def _named_type(self, unit: Unit, summary: Summary) -> bool:
        """A Go type that is no struct (`type Kind int`, an interface): lowered as the conversion `Kind(v)`."""
        return [p.name for p in summary.params] == ["v"] and self.unit_path(unit.module, unit.name).endswith(".go")

    def _type_method(self, obj: Obj, cls: Unit, name: str) -> Vals:
        """A method of a value of a Go named type that is no struct: the type's own, else (an interface's) the
        project's one struct method so named; a hole when several structs have one."""
        own = Unit(cls.module, f"{cls.name}.{name}")
        if self.summary(own.module, own.name) is not None:
            return (Bound(obj, own),)
        if self._struct_methods is None:
            self._struct_methods = defaultdict(list)
            for module, units in self.project.summaries.items():
                for qualified, summary in units.items():
                    owner, _, method = qualified.rpartition(".")
                    if owner in units and units[owner].kind == "class" and summary.kind == "function":
                        self._struct_methods[method].append(Unit(module, qualified))
        found = self._struct_methods.get(name, [])
        if len(found) != 1 or not self.unit_path(found[0].module, found[0].name).endswith(".go"):
            return (HOLE,)
        implementer = Unit(found[0].module, found[0].name.rpartition(".")[0])
        return (Bound(Obj(implementer, ()), found[0]),)

    def _instance_attr(self, obj: Obj, name: str, depth: int) -> Vals:
        if isinstance(obj.cls, Unit) and not self._is_class(obj.cls.module, obj.cls.name):
            return self._type_method(obj, obj.cls, name)
        if not isinstance(obj.cls, Unit):
            if obj.cls == _DJANGO_OPTIONS:  # `Model._meta`: its fields are the model's options
                return next((vals for field, vals in obj.fields if field == name), (HOLE,))
            if obj.cls == namedsql.NAMED_QUERIES and any(field == name for field, _ in obj.fields):
                return named_query(obj, name)  # aiosql's `queries.users`, a sub-folder's queries
            if name.isupper() and (model := self.env_reader(f"{obj.cls}.__getattr__")) is not None:
                return tuple(EnvValue(n) for n in prefixed_env(model, obj, (Text((name,)),)))  # a settings object's `s.X`
            return (External(f"{obj.cls}.{name}", obj),)
        init = self._init(obj.cls, depth)
        if init is None:  # a dataclass, a pydantic model: the constructor's keywords are the fields
            for field, vals in obj.fields:
                if field == name:
                    return vals
            if (promoted := self._promoted(obj, name, depth)) != ():
                return promoted
            if not obj.fields and (built := self._constructed(obj.cls, name, depth)) != (HOLE,):
                return built  # a declared `settings: Settings`: as its module builds one (`Settings.from_env()`)
        else:
            found = self._init_binding(obj, init, obj.fields, f"self.{name}", depth)
            if found is not None:
                return found
        return self._method_binding(obj, obj.cls, name, depth) or self._class_attr(obj.cls, obj, name, depth)

    def _promoted(self, obj: Obj, name: str, depth: int) -> Vals:
        """A field of a struct the object embeds (Go: `Stats{Base: pgrepo.Base{Table: t}}` has `Table`): the
        embedded field is named after its type."""
        embedded = [v for field, vals in obj.fields for v in vals if isinstance(v, Obj) and isinstance(v.cls, Unit) and v.cls.name == field]
        found = [r for v in embedded for r in self._instance_attr(v, name, depth - 1) if r != HOLE] if depth > 0 else []
        return _bounded(found) if found else ()

    def _method_binding(self, obj: Obj, cls: Unit, name: str, depth: int) -> Vals:
        """`self.x` as another method binds it (a unit of work's `__enter__`, a `setup()`): any of them."""
        attribute = f"self.{name}"
        out: list[Resolved] = []
        for klass in self._mro(cls, depth):
            for method in self._binders(klass).get(attribute, ()):
                summary = self.summary(klass.module, method)
                if summary is not None:
                    out.extend(self._bindings(summary, attribute, Frame(klass.module, method, None, obj), depth, hop=True))
        return _bounded(out) if out else ()

    def _binders(self, cls: Unit) -> dict[str, tuple[str, ...]]:
        """Which methods of a class (`__init__` aside) bind each `self.x`."""
        by_class = self._self_binders.get(cls.module)
        if by_class is None:  # one pass per module: a generated Go package holds thousands of types' methods
            found: dict[str, dict[str, list[str]]] = {}
            for unit, summary in self.project.summaries.get(cls.module, {}).items():
                owner, _, name = unit.rpartition(".")
                if owner and summary.kind == "function" and name != "__init__":
                    attributes = found.setdefault(owner, {})
                    for bound in dict.fromkeys(b.name for b in summary.bindings if b.name.startswith("self.")):
                        attributes.setdefault(bound, []).append(unit)
            by_class = {owner: {a: tuple(units) for a, units in attributes.items()} for owner, attributes in found.items()}
            self._self_binders[cls.module] = by_class
        return by_class.get(cls.name, {})

    def _init_binding(self, obj: Obj, init: tuple[Unit, Summary], env: Env, name: str, depth: int) -> Vals | None:
        """`self.x` as an `__init__` binds it, else as the base's `__init__` it calls binds it
        (`super().__init__(base_url)`, its arguments bound in the caller)."""
        klass, summary = init
        frame = Frame(klass.module, summary.name, env, obj)
        if any(b.name == name for b in summary.bindings):
            return self._bindings(summary, name, frame, depth, hop=True)
        site = next((s for s in summary.calls if _is_super_init(s.func)), None)
        if site is None or depth <= 0 or not isinstance(obj.cls, Unit):
            return None
        later = self._mro(obj.cls, depth)
        bases = later[later.index(klass) + 1 :] if klass in later else []
        base = next((i for b in bases if (i := self._init(b, depth)) is not None), None)
        if base is None:
            return None
        bound = self.bind(base[1], Call(site.func, site.args, site.kwargs), frame.at(site.loc.line), depth, skip=1)
        return self._init_binding(obj, base, bound, name, depth - 1)

    def _constructed(self, cls: Unit, field: str, depth: int) -> Vals:
        """A field of an instance no caller shows, as its class's own module builds instances with no
        `__init__` (a Go constructor's `&Repo{table: t}`, a dataclass's `Repo(table=t)`): any of them."""
        key = (cls, field)
        if key in self._constructed_fields:
            return self._constructed_fields[key]
        self._constructed_fields[key] = (HOLE,)  # a constructor reading the field it sets
        out: list[Resolved] = []
        calls = self._calls_by_name(cls.module)
        made = sorted((*calls.get(cls.name, ()), *calls.get(f"{cls.module}.{cls.name}", ())))
        if self._init(cls, depth) is None:
            for _, unit, call, line in made:
                frame = Frame(cls.module, unit)
                path = self.unit_path(cls.module, unit)
                out += [self._hop(v, path, line, f"{field}=") for arg in _field_args(call, field) for v in self.eval(arg, frame, depth)]
        else:  # `Meter(PgSource(conn))`: what its `__init__` makes of the arguments given there
            for _, unit, call, _ in made:
                built = self.instantiate(cls, call, Frame(cls.module, unit), depth)
                out += [v for v in self._instance_attr(built, field, depth) if v != HOLE and not self._is_interface(v, depth)]
        self._constructed_fields[key] = _bounded(out)
        return self._constructed_fields[key]

    def _calls_by_name(self, module: str) -> dict[str, list[tuple[int, str, Call, int]]]:
        """The calls of a module's assignments and returns by the name called (in a classmethod, `cls(...)`
        by its class's), each with its place in the module's order, its unit and line: one walk per
        module, not one per class and field (a Go package is hundreds of files)."""
        index = self._constructions.get(module)
        if index is None:
            index = self._constructions[module] = {}
            order = 0
            for unit, summary in self.project.summaries.get(module, {}).items():
                owner = unit.rpartition(".")[0]
                method = owner and not summary.static and summary.params and self._is_class(module, owner)
                receiver = summary.params[0].name if method else None
                for binding in (*summary.bindings, *summary.returns):
                    for call in _calls(binding.value):
                        if not isinstance(call.func, Var):
                            continue
                        mine = call.func.kind == "param" and call.func.name == receiver
                        index.setdefault(owner if mine else call.func.name, []).append((order, unit, call, binding.line))
                        order += 1
        return index

    def _is_class(self, module: str, name: str) -> bool:
        summary = self.summary(module, name)
        return summary is not None and summary.kind == "class"

    def _init(self, cls: Unit, depth: int) -> tuple[Unit, Summary] | None:
        """The `__init__` a class runs (its own or a base's) and the class defining it."""
        for klass in self._mro(cls, depth):
            init = self.summary(klass.module, f"{klass.name}.__init__")
            if init is not None:
                return klass, init
        return None

    def _class_attr(self, cls: Unit, receiver: Obj | Unit, name: str, depth: int) -> Vals:
        for klass in self._mro(cls, depth):
            member = self.summary(klass.module, f"{klass.name}.{name}")
            if member is not None:
                unit = Unit(klass.module, f"{klass.name}.{name}")
                if member.kind == "class":  # a nested class: no method
                    return (unit,)
                if _PROPERTIES.intersection(member.decorators):  # `self.table` of a `@property def table(self)`
                    return self.returns(unit, (), receiver, depth)
                return (Bound(receiver, unit),)
            body = self.summary(klass.module, klass.name)
            if body is not None and any(b.name == name for b in body.bindings):
                return self._bindings(body, name, Frame(klass.module, klass.name, None, receiver), depth, hop=True)
        if name == "_meta" and (model := self._model(cls)) is not None:
            hop = Hop(self.unit_path(cls.module, cls.name), model.loc.line, f'{cls.name} is table "{model.table}"')
            return (Obj(_DJANGO_OPTIONS, (("db_table", (Text((model.table,), (hop,)),)),)),)
        # Inherited from a library class (`class Client(requests.Session)`: `self.get` is Session.get).
        instance = receiver if isinstance(receiver, Obj) else None
        return _bounded(External(f"{base}.{name}", instance) for base in self.library_bases(cls, depth))

    def _model(self, cls: Unit) -> OrmModel | None:
        return self.project.model_table(f"{cls.module}.{cls.name}", self.path(cls.module))

    def library_bases(self, cls: Unit, depth: int) -> Iterator[str]:
        """The qualified names of the library classes a project class derives from."""
        for klass in self._mro(cls, depth):
            summary = self.summary(klass.module, klass.name)
            for base in summary.bases if summary else ():
                yield from (v.name for v in self.eval(_generic(base), Frame(klass.module, MODULE_SCOPE), depth) if isinstance(v, External))

    def type_arguments(self, cls: Unit, depth: int) -> Vals:
        """The project classes a class (or a project base of it) gives a library base as type arguments:
        `Team` of `class TeamRepo(SQLAlchemyAsyncRepository[Team])`."""
        out: list[Resolved] = []
        for klass in self._mro(cls, depth):
            frame = Frame(klass.module, MODULE_SCOPE)
            summary = self.summary(klass.module, klass.name)
            for base in summary.bases if summary else ():
                if isinstance(base, Item) and any(isinstance(v, External) for v in self.eval(base.base, frame, depth)):
                    given = base.key.values if isinstance(base.key, Collection) else (base.key,)
                    out += [v for arg in given for v in self.eval(arg, frame, depth) if isinstance(v, Unit)]
        return _bounded(out)

    def _mro(self, cls: Unit, depth: int) -> tuple[Unit, ...]:
        """The class and its project bases, depth first (enough for the single inheritance of config classes);
        remembered: every read of an attribute of an instance walks it, evaluating the bases again."""
        key = (cls, depth)
        if key not in self._mros:
            self._mros[key] = (cls,)  # a class deriving from itself (through an alias): no base
            seen: dict[Unit, None] = {}
            todo = [cls]
            while todo and len(seen) < MAX_VALUES:
                klass = todo.pop(0)
                summary = self.summary(klass.module, klass.name)
                if klass in seen or summary is None or summary.kind != "class":
                    continue
                seen[klass] = None
                for base in summary.bases:
                    todo.extend(v for v in self.eval(_generic(base), Frame(klass.module, MODULE_SCOPE), depth) if isinstance(v, Unit))
            self._mros[key] = tuple(seen)
        return self._mros[key]

    def _item(self, item: Item, frame: Frame, depth: int) -> Vals:
        if isinstance(item.key, Unknown) and frame.pins:
            pinned = next((vals for over, vals in frame.pins if over == item.base), None)
            if pinned is not None:
                return pinned
        keys = None if isinstance(item.key, Unknown) else self._texts(item.key, frame, depth)
        stored = self._stored_entries(item.base, keys, frame, depth) if keys else []
        if stored:  # an entry stored by key (`tableOf[name] = table`) is the one read; the empty literal adds nothing
            return _bounded([*stored, *(v for v in self._item_of_bases(item, keys, frame, depth) if v != HOLE)])
        return self._item_of_bases(item, keys, frame, depth)

    def _item_of_bases(self, item: Item, keys: tuple[Text, ...] | None, frame: Frame, depth: int) -> Vals:
        out: list[Resolved] = []
        for base in self.eval(item.base, frame, depth):
            if isinstance(base, External) and base.name in _TYPE_WRAPPERS and isinstance(item.key, Collection):
                out.extend(self.eval(item.key.values[0], frame, depth) if item.key.values else (HOLE,))
            elif isinstance(base, External) and base.name in _TYPE_WRAPPERS:
                out.extend(self.eval(item.key, frame, depth))
            elif isinstance(base, Coll) and isinstance(item.key, EachValue) and base.value.kind == "dict":
                out.extend(self._element(_dict_view(base, "values"), None, depth))
            elif isinstance(base, Coll):
                out.extend(self._element(base, keys, depth))
            elif isinstance(base, Obj) and base.cls == namedsql.NAMED_QUERIES and keys:  # goyesql's `queries["q"]`
                out.extend(v for key in keys for v in named_query(base, render(key.parts)))
            elif isinstance(base, Obj) and (document := _document_of(base)) is not None:
                out.extend(self._element(document, keys, depth))
            elif isinstance(base, External) and keys and base.name.endswith("MetaData.tables"):
                out.append(Obj("sqlalchemy.Table", ((CORE_TABLE_NAME, keys),)))  # `meta.tables["x"]` after reflect()
            elif isinstance(base, External) and keys and base.name in _FLASK_CONFIGS:
                out.extend(self._flask_config(keys, frame.module, depth))
            elif isinstance(base, External) and keys and self.env_reader(f"{base.name}.__getitem__"):
                out.extend(EnvValue(key) for key in keys)  # `os.environ["X"]`
            elif isinstance(base, Obj) and isinstance(base.cls, str) and keys and (model := self.env_reader(f"{base.cls}.__getitem__")):
                out.extend(EnvValue(name) for name in prefixed_env(model, base, keys))  # a settings object's `s["X"]`
            elif isinstance(base, Unit) and keys is None and self._is_enum(base, depth):
                out.extend(self._members(base, depth))  # `for table in Tables:` runs over its members
            elif isinstance(base, Unit) and self._is_function(base):
                out.append(base)  # Go's `dbx.QueryAll[Row](ctx, db, q)`: a function is indexed only by type arguments
            elif isinstance(base, Obj) and isinstance(base.cls, str) and keys and {render(k.parts) for k in keys} == {"0"}:
                out.append(base)  # Go's `conn, err := redis.DialURL(u)`: a library call's value comes first
            elif isinstance(base, External):  # a library's item is the library's too: `caches["x"].get(key)`
                out.append(Obj(f"{base.name}.__getitem__", ()))
            elif isinstance(base, EnvValue) and base.result is not None and keys:  # `v, ok := os.LookupEnv(k)`
                out.extend(replace(base, result=None) if render(k.parts) == str(base.result) else HOLE for k in keys)
            else:
                out.append(HOLE)
        return _bounded(out)

    def _stored_entries(self, base: Value, keys: tuple[Text, ...], frame: Frame, depth: int) -> list[Resolved]:
        """`tableOf[k]` of a module-level map its module fills with `tableOf[key] = value` (in `init()`, in
        the module body, or in a function such as `register(key, value)`, then once per call of it in the
        module, its parameters bound there): the values stored under a key that renders as ``k``."""
        if not isinstance(base, Var) or base.name.rpartition(".")[2] not in self._stored_names():
            return []
        located = self._module_level(base, frame)
        wanted = {render(k.parts) for k in keys if None not in k.parts}
        if located is None or not wanted:
            return []
        module, name = located
        out: list[Resolved] = []
        for path, unit, site in self._entry_stores(module).get(name, ()):
            for where in self._store_frames(module, unit, depth):
                written = [render(t.parts) for t in self._texts(site.args[0], where, depth) if None not in t.parts]
                out += [
                    self._hop(v, path, site.loc.line, f"[{key}] = ")
                    for key in written if key in wanted for v in self.eval(site.args[1], where.at(site.loc.line), depth)
                ]  # fmt: skip
        return out

    def _stored_names(self) -> frozenset[str]:
        """The names any unit of the project stores an entry into: a read of another name looks up no store."""
        if self._stored is None:
            self._stored = frozenset(
                site.func.base.name for units in self.project.summaries.values() for unit in units.values() for site in unit.calls
                if isinstance(site.func, Attr) and site.func.name == "__setitem__" and isinstance(site.func.base, Var)
            )  # fmt: skip
        return self._stored

    def _module_level(self, value: Value, frame: Frame) -> tuple[str, str] | None:
        """The module and name of a module-level name a Var reads (imports and re-exports followed); None for
        a unit's own local or parameter."""
        if not isinstance(value, Var) or value.kind not in ("local", "global"):
            return None
        if value.kind == "local":
            summary = self.summary(frame.module, frame.unit)
            own = frame.unit != MODULE_SCOPE and summary is not None and any(b.name == value.name for b in summary.bindings)
            if own or any(name == value.name for name, _ in frame.env or ()):
                return None
        qualified = f"{frame.module}.{value.name}" if value.kind == "local" else value.name
        located = self.project.locate(qualified, self.path(frame.module))
        return (located[0], located[1]) if located is not None and located[1] is not None else None

    def _entry_stores(self, module: str) -> dict[str, list[tuple[str, str, CallSite]]]:
        """A module's stores into its names' entries (lowered as `name.__setitem__(key, value)` calls), by
        name: each with its file and unit. One walk per module."""
        index = self._stores.get(module)
        if index is None:
            index = self._stores[module] = {}
            for path, summary in self.project.module_units(module):
                for site in summary.calls:
                    func = site.func
                    stored = isinstance(func, Attr) and func.name == "__setitem__" and len(site.args) == 2
                    if stored and isinstance(func, Attr) and isinstance(func.base, Var) and func.base.kind == "local":
                        index.setdefault(func.base.name, []).append((path, summary.name, site))
        return index

    def _store_frames(self, module: str, unit: str, depth: int) -> list[Frame]:
        """Where a unit's store runs: a function with parameters once per call of it in its module (the
        arguments bound) and once per function it decorates (`@register("memories")`'s `decorate(fn)`, its
        factory's arguments bound too), any other unit as it is."""
        if (module, unit) in self._store_frames_of:
            return self._store_frames_of[module, unit]
        self._store_frames_of[module, unit] = []  # a store whose own arguments read the map
        summary = self.summary(module, unit)
        if summary is None or summary.kind != "function" or not summary.params:
            self._store_frames_of[module, unit] = [Frame(module, unit)]
            return self._store_frames_of[module, unit]
        called = [
            Frame(module, unit, self.bind(summary, Call(site.func, site.args, site.kwargs), Frame(module, caller, line=site.loc.line), depth, skip=0))
            for _, caller, site in self._calls_of(module, unit)
        ]  # fmt: skip
        self._store_frames_of[module, unit] = [*called, *self._decorating_frames(Unit(module, unit), summary.params[0].name, depth)]
        return self._store_frames_of[module, unit]

    def _decorating_frames(self, decorator: Unit, param: str, depth: int) -> list[Frame]:
        """A decorator's frame for each function of the project it decorates: ``param`` is that function."""
        if self._wrapped is None:
            self._wrapped = [(m, s) for m, units in self.project.summaries.items() for s in units.values() if s.wrappers]
        frames = []
        for module, summary in self._wrapped:
            for wrapper in summary.wrappers:
                found = self.eval(wrapper, Frame(module, MODULE_SCOPE), depth)
                made = found[0] if len(found) == 1 else None
                if isinstance(made, Applied) and made.func == decorator and not made.args:
                    bound = made.kwargs  # a factory's decorator: the factory's arguments, as its closure holds them
                elif made == decorator:
                    bound = ()
                else:
                    continue
                frames.append(Frame(decorator.module, decorator.name, ((param, (Unit(module, summary.name),)), *bound)))
        return frames

    def _calls_of(self, module: str, unit: str) -> list[tuple[str, str, CallSite]]:
        """The calls of a module's function by its plain name in the module (`register(...)`)."""
        key = (module, unit)
        if key not in self._callers:
            self._callers[key] = [
                (path, summary.name, site)
                for path, summary in self.project.module_units(module)
                for site in summary.calls
                if isinstance(site.func, Var) and site.func.kind == "local" and site.func.name == unit
            ]
        return self._callers[key]

    def entry_frames(self, loops: Sequence[LoopSite], frame: Frame, depth: int) -> list[Frame]:
        """A site inside loops over a literal list of records (`for _, k := range naturalKeys`, `for name, table
        in PAIRS:`) as it runs: once per record, whose fields are read together (`createIndex(k.index, k.table)`
        never joins one record's index with another's table). Else (too many records, any other loop) the frame."""
        frames = [frame]
        for loop in loops:
            if frame.line is None or not loop.loc.line <= frame.line <= loop.loc.end_line:
                continue
            if not isinstance(loop.over, (Var, Attr, Collection)):  # a call's result is no literal list
                continue
            found = self.eval(loop.over, frame, depth)
            records = found[0].value.values if len(found) == 1 and isinstance(found[0], Coll) and found[0].value.kind in ("list", "tuple") else ()
            if len(records) < 2 or not all(isinstance(record, (Collection, Call)) for record in records):  # literals, structs
                continue
            assert isinstance(found[0], Coll)
            entries = [self._element(found[0], (Text((str(i),)),), depth) for i in range(len(records))]
            if len(frames) * len(entries) > MAX_VALUES:
                return [frame]
            frames = [replace(f, pins=(*f.pins, (loop.over, entry))) for f in frames for entry in entries]
        return frames

    def _field_default(self, call: Call, positional: bool, frame: Frame, depth: int) -> Vals:
        """A declared field's value: its default, else what its factory returns (a class: an instance)."""
        defaults = [v for name, v in call.kwargs if name in _FIELD_DEFAULTS] or list(call.args[:1] if positional else ())
        if defaults:
            return self.eval(defaults[0], frame, depth)
        empty = Call(Unknown())
        factories = [f for name, arg in call.kwargs if name in _FIELD_FACTORIES for f in self.eval(arg, frame, depth)]
        return _bounded(v for factory in factories for v in self.call_result(factory, empty, frame, depth)) if factories else (HOLE,)

    def decorated(self, func: Unit | Bound, depth: int) -> Resolved:
        """A function or method as its decorators made it, as a call of its name runs it (the value flow asks;
        a call graph keeps the function as written), when each returns a function of the project: a wrapping
        decorator's closure, with the function bound in it (`@with_table(T)` gives its `inner`, which calls
        `fn(conn, T, *args)`; a decorator class's instance, `@tagged(T)`, its `__call__`'s). Any other decorator
        (a library's, a registry's, a class wrapping the function itself) leaves the function as it was."""
        if isinstance(func, Bound):
            return self._decorated_method(func, depth)
        unit = func
        if unit not in self._decorations:
            self._decorations[unit] = unit  # recursion (a decorator decorated by itself): as written
            summary = self.summary(unit.module, unit.name)
            made: Resolved = unit
            frame = Frame(unit.module, MODULE_SCOPE)
            for wrapper in reversed(summary.wrappers if summary is not None else ()):
                found = self.eval(wrapper, frame, depth)
                decorator = found[0] if len(found) == 1 else None
                if isinstance(decorator, Applied):
                    applied = Applied(decorator.func, (*decorator.args, (made,)), decorator.kwargs)
                elif isinstance(decorator, Unit):
                    applied = Applied(decorator, ((made,),))
                elif isinstance(decorator, Obj) and isinstance(decorator.cls, Unit) and len(called := self.attr(decorator, "__call__", depth)) == 1 and isinstance(called[0], Bound):
                    applied = Applied(called[0], ((made,),))
                else:
                    continue
                result = self.call_result(applied, Call(Unknown()), frame, depth)
                if len(result) == 1 and isinstance(result[0], (Unit, Applied)):
                    made = result[0]
            self._decorations[unit] = made
        return self._decorations[unit]

    def _decorated_method(self, method: Bound, depth: int) -> Resolved:
        """A method's wrapper written for methods (`inner(self, conn)`), called on the instance; a `wrapper(*args)`
        gets the instance among the arguments, so the method stays as written."""
        made = self.decorated(method.method, depth)
        inner = made.func if isinstance(made, Applied) else made
        summary = self.summary(inner.module, inner.name) if isinstance(inner, Unit) and made != method.method else None
        if summary is None or not summary.params or summary.params[0].variadic or summary.params[0].keyword_only:
            return method
        assert isinstance(inner, Unit)
        bound = Bound(method.receiver, inner)
        return Applied(bound, made.args, made.kwargs) if isinstance(made, Applied) else bound

    def _closure(self, inner: Unit, outer: Frame, depth: int) -> Resolved:
        """A nested function as its enclosing frame made it: with the names it reads from that frame."""
        summary, enclosing = self.summary(inner.module, inner.name), self.summary(outer.module, outer.unit)
        if summary is None or enclosing is None or outer.env is None:
            return inner
        own = {p.name for p in summary.params} | {b.name for b in summary.bindings}
        params = {p.name for p in enclosing.params}
        # the enclosing frame's names, its own free ones included (a decorator factory's inside its `decorate`)
        known = (params | {b.name for b in enclosing.bindings} | {name for name, _ in outer.env}) - own
        units = self.project.summaries.get(inner.module, {})
        nested = (s for name, s in units.items() if name == inner.name or name.startswith(f"{inner.name}."))
        used = {v.name for body in nested for v in _values(body) if isinstance(v, Var) and v.kind == "local"}
        free = sorted(used & known)
        captured = tuple((name, self.eval(Var("param" if name in params else "local", name), outer, depth)) for name in free)
        return Applied(inner, (), captured) if captured else inner

    def _is_interface(self, value: Resolved, depth: int) -> bool:
        """An instance of a Protocol or an abstract base class: a declared type, whose implementation is elsewhere."""
        return isinstance(value, Obj) and isinstance(value.cls, Unit) and any(
            base in _INTERFACES for base in self.library_bases(value.cls, depth)
        )

    def _is_enum(self, cls: Unit, depth: int) -> bool:
        return self._is_class(cls.module, cls.name) and any(base.startswith("enum.") for base in self.library_bases(cls, depth))

    def _members(self, cls: Unit, depth: int) -> Vals:
        """The values of an Enum's members, each with a hop at its line."""
        body = self.summary(cls.module, cls.name)
        names = dict.fromkeys(b.name for b in body.bindings if not b.name.startswith("_")) if body else {}
        frame = Frame(cls.module, cls.name, None, cls)
        return _bounded(v for name in names for v in self._bindings(body, name, frame, depth, hop=True)) if body else (HOLE,)

    def _is_function(self, unit: Unit) -> bool:
        summary = self.summary(unit.module, unit.name)
        return summary is not None and summary.kind == "function"

    def _element(self, coll: Coll, keys: tuple[Text, ...] | None, depth: int) -> Vals:
        value = coll.value
        if keys is None:  # any element: a loop's variable (a dict's keys), or one of a few alternatives
            if value.kind != "dict" and value.lines:  # a dict's values() or items(): each with a hop at its entry
                return self._entries(coll, range(len(value.values)), "", depth)
            chosen = value.keys if value.kind == "dict" else value.values
            return _bounded(r for v in chosen for r in self.eval(v, coll.frame, depth))
        wanted = {render(k.parts) for k in keys if None not in k.parts}
        if len(wanted) != len(keys):
            return self._dispatched(coll, depth)
        if value.kind == "dict":
            matched = [
                i for i, k in enumerate(value.keys) if any(render(t.parts) in wanted for t in self._texts(k, coll.frame, depth))
            ]
            if matched and value.lines:  # each entry's value with a hop at its line (`QUERIES["recent"]`)
                return _bounded(
                    r for i in matched for t in self._texts(value.keys[i], coll.frame, depth)[:1]
                    for r in self._entries(coll, (i,), f"[{render(t.parts)}] = ", depth)
                )
            matches = [value.values[i] for i in matched]
        else:
            size = len(value.values)
            indexes = [int(k) % size for k in wanted if k.lstrip("-").isdigit() and -size <= int(k) < size]
            if indexes and value.lines:  # the value of a dict's (key, value) item, at its entry's line
                return self._entries(coll, indexes, "", depth)
            matches = [value.values[i] for i in indexes]
        return _bounded(r for v in matches for r in self.eval(v, coll.frame, depth)) if matches else (HOLE,)

    def _dispatched(self, coll: Coll, depth: int) -> Vals:
        """A dict looked up by a key known only at run time: a dispatch table (`HANDLERS[event.kind]`, every
        value a function or class of the project) gives any of its entries, as the call runs one of them;
        any other dict's entry stays unknown."""
        value = coll.value
        if value.kind != "dict" or not value.values or not all(isinstance(v, (Var, Attr)) for v in value.values):
            return (HOLE,)  # entries written as names only: a literal, a call or a collection is no function
        found = _bounded(r for v in value.values for r in self.eval(v, coll.frame, depth))
        return found if all(isinstance(v, Unit) for v in found) else (HOLE,)

    def _entries(self, coll: Coll, indexes: Iterable[int], prefix: str, depth: int) -> Vals:
        """The values of a literal's entries, each with a hop at the line that writes it."""
        path = coll.path or self.unit_path(coll.frame.module, coll.frame.unit)
        value = coll.value
        return _bounded(
            self._hop(r, path, value.lines[i], prefix) for i in indexes for r in self.eval(value.values[i], coll.frame, depth)
        )

    # -- calls ----------------------------------------------------------------

    def _call(self, call: Call, frame: Frame, depth: int) -> Vals:
        if isinstance(call.func, Attr) and call.func.name in builders.TO_SQL:  # `(sql, args, err)`
            built = self.query_builder(call, frame, depth, None)
            if built:
                return _bounded(Coll(Collection("tuple", (), (sql, Unknown(), Unknown())), where) for sql, where in built)
        if isinstance(call.func, Attr) and call.func.name in builders.TO_TEXT:
            built = self.query_builder(call, frame, depth, None)
            if built:
                return _bounded(r for sql, where in built for r in self.eval(sql, where, depth))
        callee = call.func.name if isinstance(call.func, (Attr, Var)) else ""
        if callee == SET_FIELD and isinstance(call.func, Attr) and len(call.args) == 2:
            return self._field_set(call.func.base, call.args, frame, depth)
        if callee in _GO_BUFFER_READS and isinstance(call.func, Attr) and isinstance(call.func.base, Var):
            written = self._buffer(call.func.base, frame, depth)
            if written:
                return written
        if callee.rpartition(".")[2] == "get_model" and call.args:
            registered = self._registered_model(call, frame, depth)
            if registered:
                return registered
        out: list[Resolved] = []
        for func in self.eval(call.func, frame, depth):
            out.extend(self.call_result(func, call, frame, depth))
        return _bounded(out)

    def _field_set(self, base: Value, args: tuple[Value, ...], frame: Frame, depth: int) -> Vals:
        """`u.Path = p`: each instance u held, with that field now p (anything else u held, unchanged)."""
        name = args[0].value if isinstance(args[0], Lit) else None
        if not isinstance(name, str):
            return self.eval(base, frame, depth)
        field = (name, self.eval(args[1], frame, depth))
        return _bounded(
            Obj(v.cls, (*(f for f in v.fields if f[0] != name), field)) if isinstance(v, Obj) else v
            for v in self.eval(base, frame, depth)
        )  # fmt: skip

    def _buffer(self, buffer: Var, frame: Frame, depth: int) -> Vals:
        """A Go strings.Builder / bytes.Buffer of the unit, read: what the unit writes into it before, in
        order (`b.WriteString(s)`, `fmt.Fprintf(&b, f, ...)`, a template's `t.Execute(&b, data)`; anything
        else given it writes an unknown part). None of these: nothing known."""
        summary = self.summary(frame.module, frame.unit)
        if summary is None or not any(isinstance(v, Obj) and v.cls in _GO_BUFFERS for v in self.eval(buffer, frame, depth)):
            return ()
        pieces: list[tuple[Text, ...]] = []
        for site in summary.calls:
            if frame.line is not None and site.loc.line >= frame.line:
                continue
            func, args = site.func, site.args
            if isinstance(func, Attr) and func.base == buffer and func.name in _GO_BUFFER_WRITES and args:
                pieces.append(self._texts(args[0], frame.at(site.loc.line), depth))
            elif buffer not in args:
                continue
            elif isinstance(func, Var) and func.name in ("fmt.Fprintf", "fmt.Fprint") and args[0] == buffer:
                written = Format("percent", args[1], args[2:]) if func.name.endswith("f") and len(args) > 1 else Concat(args[1:])
                pieces.append(self._texts(written, frame.at(site.loc.line), depth))
            elif isinstance(func, Attr) and func.name == "Execute" and args[0] == buffer and len(args) == 2:
                pieces.append(self._executed(func.base, None, args[1], frame.at(site.loc.line), depth))
            elif isinstance(func, Attr) and func.name == "ExecuteTemplate" and args[0] == buffer and len(args) == 3:
                pieces.append(self._executed(func.base, args[1], args[2], frame.at(site.loc.line), depth))
            else:
                pieces.append((HOLE,))
        return _bounded(_merge_texts(combo) for combo in _product(pieces)) if pieces else ()

    def _executed(self, template: Value, named: Value | None, data: Value, frame: Frame, depth: int) -> tuple[Text, ...]:
        """What a Go template writes with its data (a struct's fields, or a map's entries, by name): the one it
        runs, or with ``named`` (`ExecuteTemplate(w, name, data)`) the one of that name."""
        out: list[Text] = []
        datas = self.eval(data, frame, depth)
        wanted = [render(t.parts) for t in self._texts(named, frame, depth) if None not in t.parts] if named is not None else None
        for parsed in self.eval(template, frame, depth):
            sources = _go_sources(parsed, wanted) if isinstance(parsed, Obj) and parsed.cls == _GO_TEMPLATE else [HOLE]
            for source in (s if isinstance(s, Text) else HOLE for s in sources):
                names = go_template_fields(source.parts)
                for value in datas:
                    lookups = [self._field_texts(value, name, depth) for name in names]
                    for combo in _product(lookups):
                        filled = {name: text.parts for name, text in zip(names, combo)}
                        out.append(Text(go_template_render(source.parts, filled), _traces([source, *combo])))
        return tuple(v for v in _bounded(out) if isinstance(v, Text))

    def _go_template(self, func: External, call: Call, frame: Frame, depth: int) -> Vals | None:
        """Go's text/template: `New(name)` names a template and `Parse(src)` gives it its source; `ParseFiles`,
        `ParseGlob` and `ParseFS` parse files, each a template named by its base name (the first is the one
        `Execute` runs); `Funcs`, `Option` and `Delims` keep the template. None: no template call."""
        method = func.name.rpartition(".")[2]
        receiver = func.receiver if func.receiver is not None and func.receiver.cls == _GO_TEMPLATE else None
        kept = receiver.fields if receiver is not None else ()
        if method == "New" and call.args:
            return (Obj(_GO_TEMPLATE, ((_GO_TEMPLATE_NAME, self._texts(call.args[0], frame, depth)),)),)
        if method == "Parse" and call.args:
            return (Obj(_GO_TEMPLATE, (*kept, (_GO_TEMPLATE_SOURCE, self.eval(call.args[0], frame, depth)))),)
        if method in _GO_TEMPLATE_KEEPS and receiver is not None:
            return (receiver,)
        if method not in _GO_TEMPLATE_FILES:
            return None
        args = list(call.args)
        folders = [""]
        if method == "ParseFS":  # patterns inside an embedded file system's folder
            systems = self.eval(args.pop(0), frame, depth) if args else ()
            found = [v for fsys in systems if isinstance(fsys, Obj) for key, vals in fsys.fields if key == "folder" for v in vals]
            folders = [render(f.parts) for f in found if isinstance(f, Text) and None not in f.parts]
        patterns = [render(t.parts) for arg in args for t in self._texts(arg, frame, depth) if None not in t.parts]
        files = [path for folder in folders for pattern in patterns for path in self._globbed(folder, pattern, method != "ParseFiles")]
        parsed = [(f"{_GO_TEMPLATE_FILE}{posixpath.basename(path)}", (self._embedded(Text((path,)), "template file"),)) for path in files]
        source = [(_GO_TEMPLATE_SOURCE, parsed[0][1])] if parsed and not any(key == _GO_TEMPLATE_SOURCE for key, _ in kept) else []
        return (Obj(_GO_TEMPLATE, (*kept, *source, *parsed)),)

    def _globbed(self, folder: str, pattern: str, glob: bool) -> list[str]:
        """The project's files a Go pattern names (`sql/*.sql`, inside ``folder``), at most _MAX_QUERY_FILES; a
        folder outside the project, or a wildcard before the last "/", names none."""
        path = posixpath.normpath(posixpath.join(folder, pattern))
        head, tail = posixpath.split(path)
        if not glob or not any(c in tail for c in "*?["):
            return [path]
        root = os.path.realpath(self.project.config.root)
        real = os.path.realpath(os.path.join(root, head))
        if any(c in head for c in "*?[") or not Path(real).is_relative_to(root) or not os.path.isdir(real):
            return []
        try:
            entries = sorted(e for e in os.listdir(real) if fnmatch.fnmatchcase(e, tail))[:_MAX_QUERY_FILES]
        except OSError:
            return []
        return [posixpath.join(head, e) if head else e for e in entries]

    def _field_texts(self, value: Resolved, name: str, depth: int) -> tuple[Text, ...]:
        found = self._element(value, (Text((name,)),), depth) if isinstance(value, Coll) else self.attr(value, name, depth)
        return tuple(v if isinstance(v, Text) else HOLE for v in found)

    def _registered_model(self, call: Call, frame: Frame, depth: int) -> Vals:
        """Django's `apps.get_model("app", "Model")` or `get_model("app.Model")`, on the app registry or the
        historical one a migration's RunPython gets: the project's model class so registered, if any."""
        found: list[Resolved] = []
        for combo in _product([self._texts(a, frame, depth) for a in call.args[:2]]):
            if any(None in text.parts for text in combo):
                continue
            qualified = self.project.app_model(*(render(text.parts) for text in combo))
            if qualified is not None:
                module, _, cls = qualified.rpartition(".")
                found.append(Unit(module, cls))
        return _bounded(found) if found else ()

    def query_builder(self, call: Call, frame: Frame, depth: int, verb: str | None) -> list[tuple[Value, Frame]]:
        """The SQL a query-builder chain ending in ``call`` may be (molecule_lint/core/builders.py), each with
        the frame its values are read in: none when the chain is no builder's or names no table."""
        steps, root = builders.chain(call, self.summary(frame.module, frame.unit), frame.line)
        table = self._generated_table(root, frame, depth) if steps else None
        if table is not None:  # sqlboiler: the generated function's table, then the caller's query mods
            mods = [Step("From", (table,)), *builders.query_mods(steps[0].args), *steps[1:]]
            return [(sql, frame) for sql in builders.statements(mods, verb)]
        steps = [scoped for step in steps for scoped in self._scoped(self._generated_from(step, frame, depth), frame, depth)]
        built = builders.statements(steps, verb)
        if built and (any(step.name == builders.ENT_QUERY for step in steps) or self._library_root(root, frame, depth)):
            return [(sql, frame) for sql in built]  # ent's generated client is the project's: its query spec names the table
        if steps and isinstance(steps[0].call, Call) and depth > 0:
            return self._built_by_helper(steps, frame, depth - 1, verb)
        return []

    def _library_root(self, root: Value, frame: Frame, depth: int) -> bool:
        if isinstance(root, Var) and root.kind == "local" and root.name not in self.project.definitions[frame.module]:
            # a Go dot import's name (`. "github.com/go-jet/jet/v2/postgres"`, then `SELECT(...)`)
            if any(source.startswith(builders.LIBRARIES) for source in self.project.star_imports.get(frame.module, ())):
                return True
        names = (v.name if isinstance(v, External) else v.cls for v in self.eval(root, frame, depth) if isinstance(v, (External, Obj)))
        return any(isinstance(n, str) and n.startswith(builders.LIBRARIES) for n in names)

    def _built_by_helper(self, steps: list[Step], frame: Frame, depth: int, verb: str | None) -> list[tuple[Value, Frame]]:
        """A chain a project function builds and returns, run by its caller (`recent(db).Count(ctx)`): the
        function's chain, then the caller's steps after it, read where the function builds it."""
        first = steps[0].call
        assert isinstance(first, Call)
        out: list[tuple[Value, Frame]] = []
        for func in self.eval(first.func, frame, depth):
            unit = func.method if isinstance(func, Bound) else func
            if not isinstance(unit, Unit):
                continue
            summary = self.summary(unit.module, unit.name)
            if summary is None or summary.kind != "function":
                continue
            skip = 1 if isinstance(func, Bound) and not summary.static else 0
            env = self.bind(summary, first, frame, depth, skip=skip)
            receiver = func.receiver if isinstance(func, Bound) else None
            for ret in summary.returns:
                where = Frame(unit.module, unit.name, env, receiver, ret.line)
                inner, root = builders.chain(ret.value, summary, ret.line)
                built = builders.statements([*inner, *steps[1:]], verb)
                if built and self._library_root(root, where, depth):
                    out += [(sql, where) for sql in built]
        return out

    def _scoped(self, step: Step, frame: Frame, depth: int) -> list[Step]:
        """A gorm `Scopes(...)` step as the conditions its project functions (made by a call, or named) apply
        (builders.scope_conditions);
        any other step as it is."""
        if step.name != builders.SCOPES:
            return [step]
        out = [step]
        for arg in step.args:
            funcs = self.eval(arg.func if isinstance(arg, Call) else arg, frame, depth)  # `Scopes(f(x))`, `Scopes(f)`
            summaries = (self.summary(f.module, f.name) for f in funcs if isinstance(f, Unit))
            out += [where for summary in summaries if summary is not None for where in builders.scope_conditions(summary)]
        return out

    def _generated_from(self, step: Step, frame: Frame, depth: int) -> Step:
        """go-jet's `FROM(T)` (or `FROM(T.INNER_JOIN(...))`) of a generated table variable: `FROM("memories")`,
        the name the variable was made with (`postgres.NewTable(schema, "memories", alias)`, a few calls down)."""
        if step.name != "FROM" or not step.args:
            return step
        table = step.args[0]
        while isinstance(table, Call) and isinstance(table.func, Attr) and table.func.name.endswith("JOIN"):
            table = table.func.base
        names = [t for v in self.eval(table, frame, depth) for t in _made_tables(v, _TABLE_NESTING)]
        return replace(step, args=(names[0], *step.args[1:])) if names else step

    def _generated_table(self, root: Value, frame: Frame, depth: int) -> Value | None:
        """The table a project function selects from with a literal sqlboiler mod (`qm.From("\"memories\"")`,
        as its generated `Memories(mods ...qm.QueryMod)` does); None for any other function."""
        for func in self.eval(root, frame, depth) if isinstance(root, Var) else ():
            summary = self.summary(func.module, func.name) if isinstance(func, Unit) else None
            for site in summary.calls if summary is not None and summary.kind == "function" else ():
                named = site.func.name if isinstance(site.func, Var) else ""
                if named.startswith(builders.SQLBOILER_MODS) and named.endswith(".From") and site.args:
                    return site.args[0] if isinstance(site.args[0], Lit) else None
        return None

    def call_result(self, func: Resolved, call: Call, frame: Frame, depth: int) -> Vals:
        if isinstance(func, Unit):
            summary = self.summary(func.module, func.name)
            if summary is None:
                return (HOLE,)
            if summary.kind == "class":
                return (self.instantiate(func, call, frame, depth),)
            if not call.args and self._named_type(func, summary):  # `var k Kind`, a `k Kind` parameter: its methods known
                return (Obj(func, ()),)
            return self.returns(func, self.bind(summary, call, frame, depth, skip=0), None, depth)
        if isinstance(func, Bound):
            summary = self.summary(func.method.module, func.method.name)
            if summary is None:
                return (HOLE,)
            skip = 0 if summary.static else 1
            return self.returns(func.method, self.bind(summary, call, frame, depth, skip=skip), func.receiver, depth)
        if isinstance(func, Applied):
            target = func.func.method if isinstance(func.func, Bound) else func.func
            summary = self.summary(target.module, target.name)
            if summary is None or summary.kind != "function":
                return (HOLE,)
            skip = 1 if isinstance(func.func, Bound) and not summary.static else 0
            receiver = func.func.receiver if isinstance(func.func, Bound) else None
            return self.returns(target, self.bind(summary, call, frame, depth, skip, func), receiver, depth)
        if isinstance(func, StrMethod):
            return self._str_method(func, call, frame, depth)
        if isinstance(func, DictGet) and func.method != "get":
            return (_dict_view(func.coll, func.method),)
        if isinstance(func, DictGet) and call.args:  # the entry, else the default
            keys = self._texts(call.args[0], frame, depth)
            found = self._element(func.coll, keys, depth)
            if found == (HOLE,) and len(call.args) > 1:
                return _bounded((HOLE, *self.eval(call.args[1], frame, depth)))
            return found
        if isinstance(func, External):
            return self._library(func, call, frame, depth)
        if isinstance(func, Obj) and isinstance(func.cls, str):  # `env = environ.Env()`, then `env("X")`
            return self._library(External(f"{func.cls}.__call__", func), call, frame, depth)
        return (HOLE,)

    def bind(self, summary: Summary, call: Call, frame: Frame, depth: int, skip: int, applied: Applied | None = None) -> Env:
        """The callee's parameters as this call binds them (evaluated in the caller); ``skip`` the receiver;
        ``applied``: what a partial or a closure bound before (the call's own keywords come first)."""
        given = applied.args if applied is not None else ()
        positional = [p for p in summary.params if not p.keyword_only and not p.variadic][skip:]
        before = list(zip((p.name for p in positional), given))
        positional = positional[len(given) :]
        args = self._spread(call.args[: len(positional)], frame, depth)
        spliced = len(args) > len(call.args[: len(positional)])  # the caller's `*args` fills parameters
        env: list[tuple[str, Vals]] = []
        for param, (arg, where) in zip(positional, args):
            env.append((param.name, self.eval(arg, where, depth)))
        for param in summary.params:
            if param.variadic and not spliced:  # `*parts`: a tuple of the remaining arguments, read where the call is
                env.append((param.name, (Coll(Collection("tuple", (), call.args[len(positional) :]), frame),)))
            elif param.variadic:  # the rest of the caller's `*args`, read where they are written
                rest = [*args[len(positional) :], *self._spread(call.args[len(positional) :], frame, depth)]
                frames = {id(where): where for _, where in rest} or {id(frame): frame}
                values = tuple(arg for arg, _ in rest) if len(frames) == 1 else (Unknown(),) * len(rest)
                env.append((param.name, (Coll(Collection("tuple", (), values), next(iter(frames.values()))),)))
        names = {p.name for p in summary.params if not p.keywords}
        env += [(name, self.eval(arg, frame, depth)) for name, arg in call.kwargs if name in names]
        for param in summary.params:
            if param.keywords:  # `**options`: the other keywords, as a dict read where the call is
                others = [(Lit(name), arg) for name, arg in call.kwargs if name not in names and name != SPREAD]
                keyed = Collection("dict", tuple(k for k, _ in others), tuple(v for _, v in others))
                env.append((param.name, (Coll(keyed, frame),)))
        if applied is not None:
            env += [*before, *applied.kwargs]
        return tuple(env)

    def _spread(self, args: Sequence[Value], frame: Frame, depth: int) -> list[tuple[Value, Frame]]:
        """A call's positional arguments, each with the frame it is read in: the caller's own `*args` passed on
        (`query(conn, *args)`) is the arguments its own caller gave, each read where that call is."""
        caller = self.summary(frame.module, frame.unit)
        variadic = {p.name for p in caller.params if p.variadic} if caller is not None and frame.env is not None else set()
        out: list[tuple[Value, Frame]] = []
        for arg in args:
            given = self._param(arg.name, frame, depth) if isinstance(arg, Var) and arg.kind == "param" and arg.name in variadic else ()
            if len(given) == 1 and isinstance(given[0], Coll) and given[0].value.kind == "tuple":
                out += [(value, given[0].frame) for value in given[0].value.values]
            else:
                out.append((arg, frame))
        return out

    def returns(self, func: Unit, env: Env | None, receiver: Obj | Unit | None, depth: int) -> Vals:
        key = (func, env, receiver)
        if key in self._returns:
            return self._returns[key]
        if key in self._active:  # recursion
            return (HOLE,)
        summary = self.summary(func.module, func.name)
        if summary is None or not summary.returns:
            return (HOLE,)
        self._active.add(key)
        try:
            label = f"{func.name.rsplit('.', 1)[-1]}() returns "
            path = self.unit_path(func.module, func.name)
            result = _bounded(
                self._hop(v, path, ret.line, label)
                for ret in summary.returns
                for v in self.eval(ret.value, Frame(func.module, func.name, env, receiver, ret.line), depth)
            )
        finally:
            self._active.discard(key)
        self._returns[key] = result
        return result

    def instantiate(self, cls: Unit, call: Call, frame: Frame, depth: int) -> Obj:
        """An instance: with `__init__`, its parameters as this call binds them; else (a dataclass, a pydantic
        model or settings) the keyword arguments, which are the fields."""
        init = self._init(cls, depth)
        if init is not None:
            return Obj(cls, self.bind(init[1], call, frame, depth, skip=1))
        keywords = tuple((name, self.eval(arg, frame, depth)) for name, arg in call.kwargs)
        body = self.summary(cls.module, cls.name) if call.args else None
        if body is None:
            return Obj(cls, keywords)
        # positional arguments fill the fields in their order (a NamedTuple, a dataclass: `Target("t")`)
        fields = dict.fromkeys(binding.name for binding in body.bindings)
        return Obj(cls, (*((name, self.eval(arg, frame, depth)) for name, arg in zip(fields, call.args)), *keywords))

    def _embedded(self, name: Text, how: str = "embedded file") -> Resolved:
        if None in name.parts:
            return HOLE
        path = render(name.parts).removeprefix("./")  # a path joined onto the root's folder (".")
        if path not in self._files:
            self._files[path] = _read_project_file(self.project.config.root, path)
        content = self._files[path]
        if content is None:
            return HOLE
        return Text((content,), (Hop(path, 1, f"{how} {path}"),))

    def _config_file(self, path: Text, reader: str) -> Resolved:
        """The config file a program opens by a relative path, as run from its own folder or one above it
        (`configs/config.yaml` of `svc/cmd/main.go` is `svc/configs/config.yaml`): the one such file, or
        several of one text; else a hole."""
        if None in path.parts or posixpath.isabs(name := render(path.parts)):
            return HOLE
        folders = [posixpath.dirname(reader)]
        while folders[-1] not in ("", "."):
            folders.append(posixpath.dirname(folders[-1]))
        candidates = dict.fromkeys(posixpath.normpath(posixpath.join(f, name)) for f in folders)
        read = (self._embedded(Text((c,)), "config file read at run time:") for c in candidates if not c.startswith(".."))
        found = [t for t in read if isinstance(t, Text) and t != HOLE]
        return found[0] if found and all(t.parts == found[0].parts for t in found) else HOLE

    def _config_scanned(self, source: Resolved, frame: Frame, depth: int) -> Resolved:
        """A struct filled from a config document's text: the document, its fields read by key."""
        path = source.trace[0].path if isinstance(source, Text) and source.trace else ""
        fmt = {".json": "json", ".toml": "toml"}.get(posixpath.splitext(path)[1], "yaml")
        document = self._document(source, fmt, frame, depth)
        return Obj(CONFIG_SCAN, ((_DOCUMENT, (document,)),)) if isinstance(document, Coll) else HOLE

    def _scanned_field(self, scanned: Obj, name: str, depth: int) -> Vals:
        """`bc.Data.Database.Source`: the entry of the key the field is named for (a hole if none is)."""
        document = _document_of(scanned)
        if document is None or document.value.kind != "dict":
            return (HOLE,)
        entries = document.value
        found = [v for k, v in zip(entries.keys, entries.values) if isinstance(k, Lit) and field_key(str(k.value)) == field_key(name)]
        if len(found) != 1:
            return (HOLE,)
        values = self.eval(found[0], document.frame, depth)
        return tuple(Obj(CONFIG_SCAN, ((_DOCUMENT, (v,)),)) if isinstance(v, Coll) else v for v in values)

    def sql_file(self, text: Text, frame: Frame) -> Text | None:
        """SQL given as the path of a .sql file (Airflow's `SQLExecuteQueryOperator(sql="sql/q.sql")` reads
        it as a template from the DAG's folder): the file's text, beside the calling code, else from the root."""
        if None in text.parts or not _SQL_FILE.fullmatch(name := render(text.parts)):
            return None
        folder = _folder((self.unit_path(frame.module, frame.unit),))
        for candidate in dict.fromkeys((f"{render(folder)}/{name}" if folder else name, name)):
            read = self._embedded(Text((candidate,)), "SQL file")
            if isinstance(read, Text) and None not in read.parts:
                return Text(read.parts, (*text.trace, *read.trace))
        return None

    def _str_method(self, method: StrMethod, call: Call, frame: Frame, depth: int) -> Vals:
        text = method.text
        if method.name in _STRIPS:
            chars = [render(t.parts) for t in self._texts(call.args[0], frame, depth)] if call.args else [None]
            return _bounded(Text(strip(text.parts, method.name, c), text.trace) for c in chars)
        if method.name == "join" and call.args:
            out: list[Resolved] = []
            for items in self.eval(call.args[0], frame, depth):
                if not isinstance(items, Coll) or items.value.kind == "dict":
                    out.append(HOLE)
                    continue
                for combo in _product(self._pieces(items, depth)):
                    glued: list[str | None] = []
                    for number, piece in enumerate(combo):
                        glued.extend(([*text.parts] if number else []) + list(piece.parts))
                    out.append(Text(merge(glued), _traces([text, *combo])))
            return _bounded(out)
        if method.name == "format_map" and call.args:  # `SQL.format_map({"table": T})`
            keywords = self._keywords([(SPREAD, call.args[0])], frame, depth)
            return _bounded(
                Text(brace_format(text.parts, [], {n: k.parts for (n, _), k in zip(keywords, combo)}), _traces([text, *combo]))
                for combo in _product([texts for _, texts in keywords])
            )
        if method.name in _PATH_METHODS:
            return self._path_method(method, call, frame, depth)
        if method.name in ("lower", "upper"):
            return (Text(tuple(p if p is None else getattr(p, method.name)() for p in text.parts), text.trace),)
        if method.name == "replace" and len(call.args) == 2:  # `ROUTE.replace("{org}", org)`: a route filled in
            olds = [t for t in self._texts(call.args[0], frame, depth) if t.parts and None not in t.parts]
            news = self._texts(call.args[1], frame, depth)
            if not olds:
                return (HOLE,)
            return _bounded(Text(replace_all(text.parts, render(o.parts), n.parts), _traces([text, n])) for o in olds for n in news)
        if method.name in _IDENTITIES or method.name in _SAME_PATH_METHODS:
            return (text,)
        if method.name in _FILE_READS:
            return (self._embedded(text, "file read at run time:"),)
        return self._value_method(method, call, frame, depth)

    def _value_method(self, method: StrMethod, call: Call, frame: Frame, depth: int) -> Vals:
        """A method of a Go named string or integer type called on a constant of it (`tables.Archive.String()`,
        `KindMemory.Table()`; the constant keeps no type): the project's one such method so named, run with
        the value as its receiver; a hole when several types have one."""
        if self._value_methods is None:
            self._value_methods = defaultdict(list)
            for module, units in self.project.summaries.items():
                for name, summary in units.items():
                    owner, _, own = name.rpartition(".")
                    kind = units[owner].kind if owner in units else None
                    # a type with methods that lowers to a function (a conversion) is no struct: `type Table string`
                    go = kind == "function" and self.unit_path(module, name).endswith(".go")  # Python nests functions
                    if go and summary.kind == "function" and summary.params:
                        self._value_methods[own].append(Unit(module, name))
        found = self._value_methods.get(method.name, [])
        if len(found) != 1:
            return (HOLE,)
        chosen = self.summary(found[0].module, found[0].name)
        assert chosen is not None
        env = ((chosen.params[0].name, (method.text,)), *self.bind(chosen, call, frame, depth, skip=1))
        return self.returns(found[0], env, None, depth)

    def _pieces(self, items: Coll, depth: int) -> list[tuple[Text, ...]]:
        """The texts of a sequence's elements, a variadic parameter among them (`[*parts]`) spread out."""
        pieces: list[tuple[Text, ...]] = []
        for value in items.value.values:
            vals = self.eval(value, items.frame, depth)
            if len(vals) == 1 and isinstance(vals[0], Coll) and vals[0].value.kind in ("tuple", "list"):
                spread = vals[0]
                pieces += [self._texts(element, spread.frame, depth) for element in spread.value.values]
            else:
                pieces.append(tuple(v if isinstance(v, Text) else HOLE for v in vals))
        return pieces

    def _path_method(self, method: StrMethod, call: Call, frame: Frame, depth: int) -> Vals:
        """A path's `with_name(n)` and `joinpath(a, b)`: a file of the project beside the code."""
        text = method.text
        pieces = [self._texts(a, frame, depth) for a in call.args]
        if method.name == "with_name":
            if len(pieces) != 1:
                return (HOLE,)
            text = _dirname(text)
        return _bounded(_joined((text, *combo)) for combo in _product(pieces))

    def _package_folder(self, call: Call, frame: Frame, depth: int) -> Vals:
        """`importlib.resources.files("pkg")`, `pkgutil.get_data("pkg", ...)`: the folder of a package of the project."""
        out: list[Resolved] = []
        for text in self._texts(call.args[0], frame, depth):
            module = None if None in text.parts else self.project.index.resolve(render(text.parts), self.path(frame.module))
            folder = _folder((self.path(module),)) if module else None
            out.append(Text(folder) if folder else HOLE)
        return _bounded(out)

    def _getattr(self, base: Resolved, name: str, frame: Frame, depth: int) -> Vals:
        """`getattr(x, "NAME")`: of a library object, its dotted name (`getattr(settings, "X")` is `settings.X`)."""
        if isinstance(base, External) and base.receiver is None:
            return self.global_name(f"{base.name}.{name}", frame.module, depth)
        return self.attr(base, name, depth)

    def _embed_read(self, func: External, call: Call, frame: Frame, depth: int) -> Vals:
        args = list(call.args)
        systems = [func.receiver] if func.receiver is not None else self.eval(args.pop(0), frame, depth) if args else ()
        out: list[Resolved] = []
        for fsys in systems:
            folders = [v for key, vals in fsys.fields for v in vals if key == "folder"] if isinstance(fsys, Obj) else []
            for folder in folders:
                if isinstance(folder, Text) and None not in folder.parts and args:
                    file = Call(Var("builtin", "embed"), (PathJoin((Lit(render(folder.parts)), args[0])),))
                    out.append(Coll(Collection("tuple", (), (file, Unknown())), frame))
        return _bounded(out)

    def _named_queries(self, spec: namedsql.Loader, source: Value, frame: Frame, depth: int) -> Vals:
        """The queries a named-query library loads from a file or folder (beside the code, else from the root),
        or from a text."""
        if not spec.from_path:
            return _bounded(self._query_set(spec, text) if isinstance(text, Text) else HOLE for text in self.eval(source, frame, depth))
        folder = render(_folder((self.unit_path(frame.module, frame.unit),)) or ("",))
        out: list[Resolved] = []
        for path in self._texts(source, frame, depth):
            if None in path.parts:
                out.append(HOLE)
                continue
            name = os.path.normpath(render(path.parts))
            candidates = dict.fromkeys((os.path.normpath(f"{folder}/{name}") if folder else name, name))
            found = [self._query_path(spec, candidate) for candidate in candidates]
            out.append(next((f for f in found if f != HOLE), HOLE))
        return _bounded(out)

    def _scanned_sets(self, depth: int) -> Vals:
        """The query sets the project's `goyesql.ScanToStruct(&q, queries, db)` calls scan into structs."""
        if self._scanned is None:
            self._scanned = ()  # a set read while finding them is none of them
            found: list[Resolved] = []
            for module, units in self.project.summaries.items():
                for unit, summary in units.items():
                    for site in summary.calls:
                        scans = isinstance(site.func, Var) and namedsql.canonical(site.func.name) == namedsql.SCAN_TO_STRUCT
                        if scans and len(site.args) >= 2:
                            found += self.eval(site.args[1], Frame(module, unit).at(site.loc.line), depth)
            self._scanned = _bounded(found)
        return self._scanned

    def _query_path(self, spec: namedsql.Loader, path: str, levels: int = 2) -> Resolved:
        """The queries of a file, or of a folder's `.sql` files (aiosql: a sub-folder's as a set of that name)."""
        if (path, spec) in self._query_sets:
            return self._query_sets[path, spec]
        root = self.project.config.root
        real = os.path.realpath(root / path)
        found: Resolved = HOLE
        if not os.path.isdir(real):
            found = self._query_set(spec, self._embedded(Text((path,)), "named-query file"))
        elif Path(real).is_relative_to(os.path.realpath(root)):
            fields: list[tuple[str, Vals]] = []
            try:
                entries = sorted(os.listdir(real))[:_MAX_QUERY_FILES]
            except OSError:  # unreadable: no queries
                entries = []
            for entry in entries:
                inner = f"{path}/{entry}"
                if entry.endswith(".sql"):
                    read = self._query_set(spec, self._embedded(Text((inner,)), "named-query file"))
                    fields += read.fields if isinstance(read, Obj) else ()
                elif spec.style == "yesql" and levels and os.path.isdir(os.path.join(real, entry)):
                    fields.append((entry, (self._query_path(spec, inner, levels - 1),)))
            found = Obj(namedsql.NAMED_QUERIES, tuple(fields))
        self._query_sets[path, spec] = found
        return found

    def _query_set(self, spec: namedsql.Loader, text: Resolved) -> Resolved:
        """The named queries of a file's text, each with a hop at its name in the file read (a text written in
        the code: its own hops)."""
        if not isinstance(text, Text) or None in text.parts:
            return HOLE
        path = text.trace[0].path if text.trace and text.trace[0].path.endswith(".sql") else ""
        queries = namedsql.queries(render(text.parts), spec)
        return Obj(namedsql.NAMED_QUERIES, tuple(
            (q.name, (Text((q.sql,), (Hop(path, q.line, _clipped(f"named query {q.name} in {path}")),) if path else text.trace),))
            for q in queries
        ))  # fmt: skip

    def _document(self, source: Resolved, fmt: str, frame: Frame, depth: int) -> Resolved:
        """A config document parsed from an open file or from its text: a literal value, or a hole."""
        if isinstance(source, OpenFile):
            source = self._embedded(source.path, "config file read at run time:")
        if not isinstance(source, Text) or None in source.parts:
            return HOLE
        text = render(source.parts)
        if (text, fmt) not in self._documents:
            path = source.trace[0].path if source.trace else ""  # text written in the code: its own hops
            self._documents[text, fmt] = datafiles.document(text, fmt, path)
        value = self._documents[text, fmt]
        if value is None:
            return HOLE
        found = self.eval(value, frame, depth)
        return found[0] if len(found) == 1 else HOLE

    def _config_parser(self, parser: Obj, method: str, call: Call, frame: Frame, depth: int) -> Vals:
        """A configparser filled by `read(path)`, `read_file(fh)`, `read_string(text)`; `get(section, option)`
        (else its `fallback`) read from its document."""
        document = _document_of(parser)
        if method in ("read", "read_file", "read_string") and call.args:
            sources: Vals = self.eval(call.args[0], frame, depth)
            if method == "read":
                sources = tuple(self._embedded(s, "config file read at run time:") if isinstance(s, Text) else HOLE for s in sources)
            filled = [self._document(source, "ini", frame, depth) for source in sources]
            return _bounded(Obj(parser.cls, ((_DOCUMENT, (doc,)),)) for doc in filled)
        if method == "get" and document is not None and len(call.args) >= 2:
            sections = self._element(document, self._texts(call.args[0], frame, depth), depth)
            options = self._texts(call.args[1], frame, depth)
            found = [v for section in sections if isinstance(section, Coll) for v in self._element(section, options, depth)]
            fallback = next((arg for key, arg in call.kwargs if key == "fallback"), None)
            if fallback is not None and (not found or HOLE in found):
                found += [HOLE, *self.eval(fallback, frame, depth)] if found else self.eval(fallback, frame, depth)
            return _bounded(found)
        return (Obj(f"{parser.cls}.{method}", ()),)

    def _template_files(self, environment: Obj, name: Value, frame: Frame, depth: int) -> Vals:
        """`env.get_template(name)`: the file of that name in the folders of the environment's FileSystemLoader."""
        loaders = [v for key, vals in environment.fields if key == "loader" for v in vals]
        folders = tuple(
            folder
            for loader in loaders if isinstance(loader, Obj) and loader.cls == _JINJA_FOLDERS
            for key, vals in loader.fields if key == "searchpath"
            for folder in vals if isinstance(folder, Text)
        )  # fmt: skip
        paths = _product([folders, self._texts(name, frame, depth)])
        return _bounded(self._embedded(_joined(combo), "template file") for combo in paths) if folders else (HOLE,)

    def _render(self, template: Obj, call: Call, frame: Frame, depth: int, fill: Callable[[Parts, dict[str, Parts]], Parts]) -> Vals:
        """`template.render(table=T)`, `template.substitute(table=T)` (or a dict of them): its source with each
        field filled in."""
        sources = [v if isinstance(v, Text) else HOLE for key, vals in template.fields if key == "source" for v in vals]
        keywords = dict(self._keywords([*((SPREAD, arg) for arg in call.args[:1]), *call.kwargs], frame, depth))
        out: list[Resolved] = []
        for source in sources:
            for combo in _product(list(keywords.values())):
                filled = {name: text.parts for name, text in zip(keywords, combo)}
                out.append(Text(fill(source.parts, filled), _traces([source, *combo])))
        return _bounded(out)

    def _url_string(self, url: Obj) -> Vals:
        """Go's `url.URL{Scheme: s, Host: h, Path: p}.String()`: "s://h" + p (a relative URL: p)."""
        def field(name: str) -> tuple[Text, ...]:
            vals = next((vals for key, vals in url.fields if key == name), (Text(("",)),))
            return tuple(v if isinstance(v, Text) else HOLE for v in vals)

        out = []
        for scheme, host, path in _product([field("Scheme"), field("Host"), field("Path")]):
            origin = [*scheme.parts, "://", *host.parts] if scheme.parts != ("",) else [*host.parts]
            out.append(Text(merge([*origin, *path.parts]), _traces([scheme, host, path])))
        return _bounded(out)

    def sent_urls(self, values: Vals) -> Vals:
        """Values handed where a URL is sent: a Go *url.URL (go-kit's `NewClient(method, tgt, enc, dec)`) as
        its String()."""
        return _bounded(
            r for v in values for r in (self._url_string(v) if isinstance(v, Obj) and v.cls == _URL_STRUCT else (v,))
        )  # fmt: skip

    def _url_joined(self, url: Obj, call: Call, frame: Frame, depth: int) -> Obj:
        """Go's `u.JoinPath(elem...)`: a copy of u with the elements joined to its Path."""
        path = next((vals for key, vals in url.fields if key == "Path"), (Text(("",)),))
        pieces = [tuple(v if isinstance(v, Text) else HOLE for v in path), *(self._texts(a, frame, depth) for a in call.args)]
        joined = _bounded(_joined(combo) for combo in _product(pieces))
        return Obj(url.cls, (*((key, vals) for key, vals in url.fields if key != "Path"), ("Path", joined)))

    def _url_resolved(self, url: Obj, ref: Value, frame: Frame, depth: int) -> Obj:
        """Go's `base.Parse(ref)`, as oapi-codegen's clients build every request (`serverURL.Parse("./path")`):
        a path from the root keeps base's origin (a hole: the text is not split), any other joins base's
        folder; an absolute URL is itself."""
        path = next((vals for key, vals in url.fields if key == "Path"), (HOLE,))
        base = tuple(v if isinstance(v, Text) else HOLE for v in path)
        out = []
        for folder, relative in _product([base, self._texts(ref, frame, depth)]):
            parts = merge(relative.parts)
            first = parts[0] if parts else ""
            if first is None or "://" in first:
                resolved = parts
            elif first.startswith("/"):
                resolved = (None, *parts)
            else:
                kept = folder.parts[:-1] if folder.parts and isinstance(folder.parts[-1], str) else folder.parts
                last = folder.parts[-1] if folder.parts and isinstance(folder.parts[-1], str) else ""
                own = first.removeprefix("./") if first.startswith("./") else first
                resolved = merge([*kept, last[: last.rfind("/") + 1] if "/" in last else last + "/", own, *parts[1:]])
            out.append(Text(resolved, _traces([folder, relative])))
        return Obj(url.cls, (("Path", _bounded(out)),))

    def _library(self, func: External, call: Call, frame: Frame, depth: int) -> Vals:
        name = func.name
        model = self.env_reader(name)
        if model is not None:
            arg = argument(call.args, call.kwargs, model)
            if arg is None:
                return (HOLE,)
            keys = self._texts(arg, frame, depth)
            return _bounded(EnvValue(text, (), model.result) for text in prefixed_env(model, func.receiver, keys))
        if name.removesuffix(".get") in _FLASK_CONFIGS and name.endswith(".get") and call.args:
            return self._flask_config(self._texts(call.args[0], frame, depth), frame.module, depth)
        if name in _SAME_TEXT and call.args:
            return self.eval(call.args[0], frame, depth)
        if name in _SQL_REWRITES and len(call.args) > _SQL_REWRITES[name]:
            query = call.args[_SQL_REWRITES[name]]
            return (Coll(Collection("tuple", (), (query, Unknown(), Unknown())), frame),) if name.endswith(".In") else self.eval(query, frame, depth)
        receiver = func.receiver.cls if func.receiver is not None else None
        if name.endswith(f".{REBIND}") and isinstance(receiver, str) and receiver.startswith(f"{SQLX}.") and call.args:
            return self.eval(call.args[0], frame, depth)
        if name in _PARTIALS and call.args:  # `functools.partial(f, T)`: f with T bound first
            return _bounded(
                Applied(f, tuple(self.eval(a, frame, depth) for a in call.args[1:]), tuple((k, self.eval(v, frame, depth)) for k, v in call.kwargs))
                if isinstance(f, (Unit, Bound)) else HOLE
                for f in self.eval(call.args[0], frame, depth)
            )
        if name == _LAMBDA and call.args:
            return (Obj(_LAMBDA, ((_RETURNS, self.eval(call.args[0], frame, depth)),)),)
        if name == f"{_LAMBDA}.__call__" and func.receiver is not None:
            return next((vals for key, vals in func.receiver.fields if key == _RETURNS), (HOLE,))
        if name in _FIELD_SPECIFIERS:
            return self._field_default(call, _FIELD_SPECIFIERS[name], frame, depth)
        if name == "builtins.getattr" and len(call.args) >= 2:
            attrs = [render(t.parts) for t in self._texts(call.args[1], frame, depth) if None not in t.parts]
            bases = self.eval(call.args[0], frame, depth)
            return _bounded(r for base in bases for a in attrs for r in self._getattr(base, a, frame, depth)) if attrs else (HOLE,)
        if name == "importlib.import_module" and call.args:
            out: list[Resolved] = []
            for text in self._texts(call.args[0], frame, depth):
                dotted = None if None in text.parts else render(text.parts)
                module = self.project.index.resolve(dotted, self.path(frame.module)) if dotted else None
                out.append(ModuleRef(module) if module else HOLE)
            return _bounded(out)
        if name in _RESOURCE_FILES and call.args:
            return self._package_folder(call, frame, depth)
        if name in CORE_TABLES and call.args:
            return (Obj(name, ((CORE_TABLE_NAME, self._texts(call.args[0], frame, depth)),)),)
        if (spec := namedsql.loader(name)) is not None and call.args:
            if spec.pair:  # Go's `queries, err := goyesql.ParseFile(p)`
                load = Call(Var("builtin", namedsql.LOAD), (Lit(name), call.args[0]))
                return (Coll(Collection("tuple", (), (load, Unknown())), frame),)
            return self._named_queries(spec, call.args[0], frame, depth)
        if name == f"builtins.{namedsql.LOAD}" and len(call.args) == 2 and isinstance(call.args[0], Lit):
            spec = namedsql.loader(str(call.args[0].value))
            return self._named_queries(spec, call.args[1], frame, depth) if spec is not None else (HOLE,)
        if name == f"builtins.{NAMED_QUERY_TAG}" and call.args:
            names = self._texts(call.args[0], frame, depth)
            sets = [s for s in self._scanned_sets(depth) if isinstance(s, Obj)]
            return _bounded(v for s in sets for n in names for v in named_query(s, render(n.parts))) if sets else (HOLE,)
        if name == "builtins.embed" and call.args:  # Go's `//go:embed q.sql`
            return _bounded(self._embedded(text) for text in self._texts(call.args[0], frame, depth))
        if name in SQL_COMPOSABLES and call.args:
            pieces = [self._texts(a, frame, depth) for a in call.args]
            return _bounded(_dotted(combo) for combo in _product(pieces))
        if name == "builtins.embedfs" and call.args:  # Go's `//go:embed sql/*.sql` into an embed.FS: its folder
            return (Obj(name, (("folder", self.eval(call.args[0], frame, depth)),)),)
        if name in _EMBED_READS:  # `queries.ReadFile(name)`, `fs.ReadFile(queries, name)`: (bytes, error)
            return self._embed_read(func, call, frame, depth)
        if name == f"builtins.{CONFIG_FILE}" and call.args:
            where = self.unit_path(frame.module, frame.unit)
            return _bounded(self._config_file(t, where) for t in self._texts(call.args[0], frame, depth))
        if name == f"builtins.{CONFIG_SCAN}" and call.args:
            return _bounded(self._config_scanned(t, frame, depth) for t in self.eval(call.args[0], frame, depth))
        if name == "builtins.read_file" and call.args:
            return _bounded(self._embedded(t, "file read at run time:") for t in self._texts(call.args[0], frame, depth))
        if name in _OPENERS and call.args:
            return _bounded(OpenFile(text) for text in self._texts(call.args[0], frame, depth))
        if name in _READERS and call.args:
            return _bounded(_go_read(text, frame) for text in self._texts(call.args[0], frame, depth))
        if name == "os.path.dirname" and call.args:
            return _bounded(_dirname(text) for text in self._texts(call.args[0], frame, depth))
        if name in _SAME_PATH and call.args:
            return self._texts(call.args[0], frame, depth)
        if name in _PACKAGE_READERS and len(call.args) >= 2:
            folders = tuple(f for f in self._package_folder(call, frame, depth) if isinstance(f, Text))
            paths = [_joined(combo) for combo in _product([folders, self._texts(call.args[1], frame, depth)])]
            return _bounded(self._embedded(path, "file read at run time:") for path in paths)
        if name in _PATH_BUILDERS and call.args:
            pieces = [self._texts(a, frame, depth) for a in call.args]
            return _bounded(_joined(combo) for combo in _product(pieces))
        if func.receiver is not None and func.receiver.cls in _CONFIG_PARSERS:
            return self._config_parser(func.receiver, name.rsplit(".", 1)[-1], call, frame, depth)
        if name in datafiles.LOADERS and call.args:
            sources = self.eval(call.args[0], frame, depth)
            return _bounded(self._document(source, datafiles.LOADERS[name], frame, depth) for source in sources)
        if name in datafiles.PATH_LOADERS and call.args:
            documents = self._texts(call.args[0], frame, depth)
            return _bounded(self._document(OpenFile(d), datafiles.PATH_LOADERS[name], frame, depth) for d in documents)
        if name in datafiles.MERGES:
            return _bounded(v for arg in call.args for v in self.eval(arg, frame, depth))
        if name == f"builtins.{datafiles.CONFIG_VALUE}":
            return (_config_value(call),)
        if name == f"builtins.{datafiles.CONFIG_ENV}":
            return (_config_env(call),)
        if name == "builtins.list" and call.args:  # a comprehension: two of its element, the shape of several
            return (Coll(Collection("list", (), (call.args[0], call.args[0])), frame),)
        if name.startswith(_GO_TEMPLATE_PACKAGES) and (made := self._go_template(func, call, frame, depth)) is not None:
            return made
        if name in _JINJA_SOURCES and call.args:
            return (Obj(_JINJA_TEMPLATE, (("source", self.eval(call.args[0], frame, depth)),)),)
        if name == _JINJA_FOLDERS:
            searched = [*call.args[:1], *(value for key, value in call.kwargs if key == "searchpath")][:1]
            return (Obj(name, tuple(("searchpath", self.eval(folder, frame, depth)) for folder in searched)),)
        if name == "jinja2.Environment.get_template" and func.receiver is not None and call.args:
            return (Obj(_JINJA_TEMPLATE, (("source", self._template_files(func.receiver, call.args[0], frame, depth)),)),)
        if name == _DOLLAR_TEMPLATE and call.args:
            return (Obj(_DOLLAR_TEMPLATE, (("source", self.eval(call.args[0], frame, depth)),)),)
        if name == f"{_JINJA_TEMPLATE}.render" and func.receiver is not None:
            return self._render(func.receiver, call, frame, depth, jinja_render)
        if name in _DOLLAR_FILLS and func.receiver is not None:
            return self._render(func.receiver, call, frame, depth, dollar_substitute)
        if name == "builtins.dict":
            return (Obj("builtins.dict", tuple((k, self.eval(v, frame, depth)) for k, v in call.kwargs)),)
        if func.receiver is not None and name == f"{_URL_STRUCT}.String":
            return self._url_string(func.receiver)
        if func.receiver is not None and func.receiver.cls == _URL_STRUCT and name == f"{_URL_STRUCT}.JoinPath":
            return (self._url_joined(func.receiver, call, frame, depth),)
        if name == _URL_PARSE and call.args:  # `(u, err)`: the text whole, as a URL String() renders back
            return (Obj(_URL_STRUCT, (("Path", self._texts(call.args[0], frame, depth)),)),)
        if func.receiver is not None and func.receiver.cls == _URL_STRUCT and name == f"{_URL_STRUCT}.Parse" and call.args:
            return (self._url_resolved(func.receiver, call.args[0], frame, depth),)
        if self.keeps_arguments(name) or builders.makes_table(name):  # a client made for one URL: a later call sends to it, from here
            path, label = self.unit_path(frame.module, frame.unit), f"{name.rsplit('.', 1)[-1]}(...) made for "
            given = (*((made_argument(i), v) for i, v in enumerate(call.args)), *call.kwargs)
            line = frame.line
            kept = ((k, tuple(r if line is None else self._hop(r, path, line, label) for r in self.eval(v, frame, depth))) for k, v in given)
            return (Obj(name, tuple(kept)),)
        if func.receiver is None:  # a library object: its keyword arguments are what later calls may need
            fields = ((k, self.eval(v, frame, depth)) for k, v in call.kwargs)
            held = (*self._opened(name, call, frame, depth), *self._statement(name, call, frame, depth))
            return (Obj(name, (*fields, *held)),)
        # What a library method returns is the library's too (`client.R().Get(url)`), on the receiver's store
        # (`engine.connect()`, `conn.cursor()`, `pool.acquire()`), querying the receiver's model (`select(M).where(...)`).
        return (Obj(name, tuple((k, v) for k, v in func.receiver.fields if k in (STORE, QUERIED))),)

    def _opened(self, name: str, call: Call, frame: Frame, depth: int) -> Env:
        """A connection's store, when the call opens one: its DSN as resolved (a text, an env var's value),
        with the hop where it is opened."""
        model = self.library_model(name, "connect")
        dsn = argument(call.args, call.kwargs, model) if model is not None else None
        if dsn is None:
            return ()
        path = self.unit_path(frame.module, frame.unit)
        found: list[Resolved] = []
        for v in self.eval(dsn, frame, depth):
            v = connection_env(model, v) if model is not None else v
            if isinstance(v, Obj):  # made from another connection (`Session(engine)`, `gorm.Open(postgres.Open(dsn))`)
                found.extend(d for key, vals in v.fields if key == STORE for d in vals)
            elif isinstance(v, EnvValue) or (isinstance(v, Text) and any(part is not None for part in v.parts)):
                found.append(self._hop(v, path, frame.line, "connection opened from ") if frame.line is not None else v)
        return ((STORE, tuple(found)),) if found else ()

    def _statement(self, name: str, call: Call, frame: Frame, depth: int) -> Env:
        """A statement object's SQL (SQLAlchemy's `text(...)`), for the connection that runs it to judge."""
        model = self.library_model(name, "sql")
        sql = argument(call.args, call.kwargs, model) if model is not None else None
        if sql is not None:
            return ((STATEMENT, self._texts(sql, frame, depth)),)
        model = self.library_model(name, "table")
        named = argument(call.args, call.kwargs, model) if model is not None else None
        if named is None:
            return ()
        # the model itself, or the model a column is of (`select(M.org_id, func.count())`, `select(m.org_id)`)
        owner = named.base if isinstance(named, Attr) else None
        if isinstance(named, Var) and named.kind == "global" and "." in named.name:
            owner = Var("global", named.name.rpartition(".")[0])
        models = tuple(v for v in self.eval(named, frame, depth) if isinstance(v, Unit))
        if not models and owner is not None:
            models = tuple(v for v in self.eval(owner, frame, depth) if isinstance(v, Unit))
        return ((QUERIED, models),) if models else ()


def _field_args(call: Call, field: str) -> Iterator[Value]:
    """What a constructor call gives a field: its keyword, or the same keyword of an embedded struct's literal
    given with it (Go's promoted fields: `&Stats{Base: pgrepo.Base{Table: t}}`, `&Stats{pgrepo.Base{Table: t}}`)."""
    found = [arg for name, arg in call.kwargs if name == field]
    yield from found
    if not found:
        for arg in (*call.args, *(arg for _, arg in call.kwargs)):
            if isinstance(arg, Call) and not isinstance(arg.func, Attr):
                yield from (value for name, value in arg.kwargs if name == field)


def _document_of(obj: Obj) -> Coll | None:
    """The document a configparser was filled with."""
    found = next((vals for key, vals in obj.fields if key == _DOCUMENT), ())
    return found[0] if len(found) == 1 and isinstance(found[0], Coll) else None


def prefixed_env(model: SinkModel, receiver: Obj | None, keys: Sequence[Text]) -> tuple[Text, ...]:
    """The variables a reader of ``keys`` reads: with a model's ``prefix`` (a settings object's reader), the
    prefix its maker was given (else the library's), "_", the key upper-cased with "." nesting as "__"."""
    if model.prefix is None:
        return tuple(keys)
    keyword, _, default = model.prefix.partition("=")
    if receiver is None or any(name == SPREAD for name, _ in receiver.fields):
        return tuple(HOLE for _ in keys)  # made by something unseen, or given `**options`: any prefix
    given = [v if isinstance(v, Text) else HOLE for name, vals in receiver.fields if name == keyword for v in vals]
    prefixes = given or [Text((default,))]
    return tuple(
        Text(merge([*_upper(prefix.parts), "_", *_upper(key.parts)]), (*prefix.trace, *key.trace))
        for prefix in prefixes for key in keys
    )


def _upper(parts: Parts) -> Parts:
    return tuple(part.upper().replace(".", "__") if part is not None else None for part in parts)


def connection_env(model: SinkModel, value: Resolved) -> Resolved:
    """A connection id a model names the store of by an env var (Airflow's `conn_id="replica"`): that
    variable's value (`AIRFLOW_CONN_REPLICA`); anything else as it is."""
    if model.env is None or not isinstance(value, Text) or None in value.parts:
        return value
    name = model.env.replace("{}", "".join(p for p in value.parts if p is not None).upper())
    return EnvValue(Text((name,)), value.trace)


def _config_value(call: Call) -> Resolved:
    """A string of a config document (datafiles.CONFIG_VALUE), with the line it is written at as its hop."""
    path, line, text = (arg.value if isinstance(arg, Lit) else None for arg in (*call.args, None, None, None)[:3])
    if not isinstance(path, str) or not isinstance(line, int) or not isinstance(text, str):
        return HOLE
    return Text((text,), (Hop(path, line, _clipped(f'{path}: "{text}"')),) if path else ())


def _config_env(call: Call) -> Resolved:
    """An env var a config document interpolates (datafiles.CONFIG_ENV), with the line it is named at as its hop."""
    path, line, name = (arg.value if isinstance(arg, Lit) else None for arg in (*call.args, None, None, None)[:3])
    if not isinstance(path, str) or not isinstance(line, int) or not isinstance(name, str):
        return HOLE
    return EnvValue(Text((name,)), (Hop(path, line, _clipped(f"{path}: ${{oc.env:{name}}}")),) if path else ())


def _go_sources(template: Obj, names: list[str] | None) -> list[Resolved]:
    """The source a Go template runs: its own (None), or each name's (`ExecuteTemplate`): a file parsed under
    it, its own source when it has that name, and a `{{define "name"}}` in any of its texts. None found: a hole."""
    fields = template.fields
    if names is None:
        return [v for key, vals in fields if key == _GO_TEMPLATE_SOURCE for v in vals] or [HOLE]
    own = {render(t.parts) for key, vals in fields if key == _GO_TEMPLATE_NAME for t in vals if isinstance(t, Text)}
    texts = [v for key, vals in fields if key == _GO_TEMPLATE_SOURCE or key.startswith(_GO_TEMPLATE_FILE) for v in vals if isinstance(v, Text)]
    out: list[Resolved] = []
    for name in names:
        out += [v for key, vals in fields if key == f"{_GO_TEMPLATE_FILE}{name}" for v in vals]
        out += [v for key, vals in fields if key == _GO_TEMPLATE_SOURCE and name in own for v in vals]
        out += [Text(body, t.trace) for t in texts if (body := go_template_defined(t.parts, name)) is not None]
    return out or [HOLE]


def _clipped(note: str) -> str:
    return note if len(note) <= _NOTE_CHARS else note[: _NOTE_CHARS - 3] + "..."


def _list_concat(evaluated: Sequence[Vals], frame: Frame) -> Coll | None:
    """`cols + ["WHERE", w]`, `parts += [...]`: one list of the parts' elements, when each part is one list
    or tuple of this unit (bound on an earlier line of it: its elements are read here); else None."""
    colls = [vals[0] for vals in evaluated if len(vals) == 1 and isinstance(vals[0], Coll)]
    if len(colls) != len(evaluated) or any(c.value.kind not in ("list", "tuple") for c in colls):
        return None
    if any(replace(c.frame, line=frame.line) != frame for c in colls):
        return None
    return Coll(Collection("list", (), tuple(v for c in colls for v in c.value.values)), frame)


def _refines(binding: Binding, name: str) -> bool:
    """Whether an assignment reads the name it assigns (`sql = sql + where`, `sql += where`)."""
    pending: list[Value] = [binding.value]
    while pending:
        value = pending.pop()
        if isinstance(value, Var) and value.kind == "local" and value.name == name:
            return True
        pending.extend(children(value))
    return False


def _loads_flask_config(site: CallSite) -> bool:
    """`app.config.from_object(obj)`, `app.config.from_mapping(...)`, `app.config.update(...)`, `app.config[k] = v`."""
    func = site.func
    return bool(site.args or site.kwargs) and isinstance(func, Attr) and func.name in _FLASK_CONFIG_LOADS and (
        isinstance(func.base, Attr) and func.base.name == "config"
    )


def _values(summary: Summary) -> Iterator[Value]:
    """Every value a unit's bindings, returns and calls hold, nested ones included."""
    pending: list[Value] = [
        *(b.value for b in (*summary.bindings, *summary.returns)),
        *(v for site in summary.calls for v in (site.func, *site.args, *(arg for _, arg in site.kwargs))),
    ]
    while pending:
        value = pending.pop()
        yield value
        pending.extend(children(value))


def _calls(value: Value) -> Iterator[Call]:
    """The calls in a value, itself included (a constructor inside a return's tuple)."""
    if isinstance(value, Call):
        yield value
    for name in type(value).__slots__:
        field = getattr(value, name)
        for item in field if isinstance(field, tuple) else (field,):
            child = item[1] if isinstance(item, tuple) else item  # (keyword, value) pairs
            if isinstance(child, (Attr, Call, Collection, Concat, Format, Item, PathJoin)):
                yield from _calls(child)


# Defaults that stand for what a dependency injector passes: FastAPI's and dependency-injector's markers.
_INJECTION_MARKERS = ("fastapi.Depends", "fastapi.Security", "fastapi.params.", "dependency_injector.wiring.")


def _injection_marker(value: Resolved) -> bool:
    return isinstance(value, Obj) and isinstance(value.cls, str) and value.cls.startswith(_INJECTION_MARKERS)


def _instance_of(cls: Resolved, summary: Callable[[str, str], Summary | None]) -> Resolved:
    """What a parameter declared of type ``cls`` holds when no caller is in view: an instance made with the
    defaults (a project class), a library object (a library class); else a hole."""
    if isinstance(cls, Unit):
        found = summary(cls.module, cls.name)
        return Obj(cls, ()) if found is not None and found.kind == "class" else HOLE
    return Obj(cls.name, ()) if isinstance(cls, External) else HOLE


def _dict_view(coll: Coll, method: str) -> Coll:
    """A dict's `keys()`, `values()` or `items()` (as (key, value) tuples), as a list."""
    value = coll.value
    if method == "items":  # each value keeps its entry's line, where a loop over the items runs it
        lines = value.lines or (0,) * len(value.values)
        items = zip(value.keys, value.values, lines)
        pairs = tuple(Collection("tuple", (), (k, v), (line, line) if line else ()) for k, v, line in items)
        return Coll(Collection("list", (), pairs), coll.frame, coll.path)
    if method == "values":
        return Coll(Collection("list", (), value.values, value.lines), coll.frame, coll.path)
    return Coll(Collection("list", (), value.keys), coll.frame, coll.path)


def _read_project_file(root: Path, relative: str) -> str | None:
    """A file the code embeds, read as a steering file is: a regular file inside the project, bounded."""
    try:
        return read_steering_file(root / relative, root).decode("utf-8", "replace")
    except (OSError, UnsafeFile):
        return None


def _go_read(path: Text, frame: Frame) -> Resolved:
    """Go's `data, err := os.ReadFile(p)`: the results as a pair, the file's text first."""
    if None in path.parts:
        return HOLE
    read = Call(Var("builtin", "read_file"), (Lit(render(path.parts)),))
    return Coll(Collection("tuple", (), (read, Unknown())), frame)


def _dirname(path: Text) -> Text:
    """The folder of a path ("." for a file at the root: joined paths stay relative)."""
    folder = _folder(path.parts)
    if folder is None:
        return Text((".",), path.trace) if None not in path.parts else HOLE
    return Text(folder, path.trace)


def _ancestors(path: Text) -> list[Text]:
    """The folders above a path up to the project root, nearest first."""
    found = [_dirname(path)]
    while found[-1].parts not in ((".",), HOLE_PARTS) and len(found) < 64:
        found.append(_dirname(found[-1]))
    return found


def _merge_texts(texts: Sequence[Text]) -> Text:
    return Text(merge(part for text in texts for part in text.parts), _traces(texts))


def _joined(texts: Sequence[Text]) -> Text:
    return Text(path_join([text.parts for text in texts]), _traces(texts))


def _is_super_init(func: Value) -> bool:
    """`super().__init__` (also `super(C, self).__init__`)."""
    return (
        isinstance(func, Attr)
        and func.name == "__init__"
        and isinstance(func.base, Call)
        and isinstance(func.base.func, Var)
        and func.base.func.name == "super"
    )


def _folder(parts: Parts) -> Parts | None:
    """The folder of a path whose last "/" is in its known text (`a/b/c.py` -> `a/b`); None if unknown."""
    for number in range(len(parts) - 1, -1, -1):
        part = parts[number]
        if part is not None and "/" in part:
            return merge([*parts[:number], part[: part.rindex("/")]])
    return None


def _dotted(texts: Sequence[Text]) -> Text:
    glued: list[str | None] = []
    for number, text in enumerate(texts):
        glued.extend((["."] if number else []) + list(text.parts))
    return Text(merge(glued), _traces(texts))


def _traces(texts: Sequence[Text]) -> tuple[Hop, ...]:
    out: list[Hop] = []
    for text in texts:
        out.extend(hop for hop in text.trace if hop not in out)
    return tuple(out)


def _product(pieces: list[tuple[Text, ...]]) -> Iterator[tuple[Text, ...]]:
    """Combinations of the pieces' alternatives, at most MAX_VALUES + 1 (enough to know it is too many)."""
    for number, combo in enumerate(product(*pieces)):
        if number > MAX_VALUES:
            return
        yield combo


def _bounded(values: Iterator[Resolved] | Sequence[Resolved]) -> Vals:
    """At most MAX_VALUES distinct values, then a hole; a text longer than MAX_TEMPLATE_CHARS is a hole too."""
    out: list[Resolved] = []
    for value in values:
        if isinstance(value, Text) and sum(len(part) for part in value.parts if part) > MAX_TEMPLATE_CHARS:
            value = HOLE
        if value in out:
            continue
        if len(out) == MAX_VALUES:
            return (*out, HOLE)
        out.append(value)
    return tuple(out) or (HOLE,)



def named_query(queries: Obj, name: str) -> Vals:
    """The query of that name in a set loaded from named-query files (namedsql.py); a hole if none."""
    return next((vals for field, vals in queries.fields if field == name), (HOLE,))


def _made_tables(value: Resolved, nesting: int) -> Iterator[Lit]:
    """The literal names a generated table object was made with: the library's table object held in its
    fields, or its embedded struct's (go-jet: `MemoriesTable{memoriesTable{Table: postgres.NewTable(...)}}`)."""
    if not isinstance(value, Obj):
        return
    if isinstance(value.cls, str) and builders.makes_table(value.cls):
        for field, vals in value.fields:
            if field == made_argument(builders.TABLE_ARGUMENT):
                yield from (Lit(text.parts[0]) for text in vals if isinstance(text, Text) and len(text.parts) == 1 and text.parts[0])
        return
    if nesting > 0:
        for _, vals in value.fields:
            for held in vals:
                yield from _made_tables(held, nesting - 1)


def made_argument(position: int) -> str:
    """The field of a library object holding a positional argument of the call that made it."""
    return f"#{position}"


def argument(args: Sequence[Value], kwargs: Sequence[tuple[str, Value]], model: SinkModel) -> Value | None:
    """The argument a model names: by keyword, else by position. A dotted keyword reads on in the dict given
    there (Tortoise's `init(config={"connections": {...}})`: `config.connections`)."""
    keyword = model.arg if isinstance(model.arg, str) else model.keyword
    first, *entries = keyword.split(".") if keyword is not None and not model.constructor else (keyword,)
    for name, value in kwargs:
        if name == first:
            for entry in entries:
                value = Item(value, Lit(entry))
            return value
    if isinstance(model.arg, int) and model.arg < len(args):
        return args[model.arg]
    return None


def _generic(base: Value) -> Value:
    """A base class given type arguments (`CrudRepository[ChatMessage]`, `Generic[T]`) is that class."""
    return base.base if isinstance(base, Item) else base
