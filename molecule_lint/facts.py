"""The fact model: what a frontend extracts from one file, and nothing more.

Frontends (Python, Go, manifests) produce these; the graph and the checks
consume them. Facts are frozen, slotted and picklable because they are
computed in worker processes and cached per file.

Lines and columns are 1-based; ``end_column`` is exclusive.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, replace

from molecule_lint.location import Compact, Location, quick_inits

# Scope of a fact: the top-level unit whose execution produces it. Module-level
# code is MODULE_SCOPE; everything inside `def f` / `class C` (methods included)
# is scoped to "f" / "C". Checks reason about reachability between such units.
MODULE_SCOPE = "<module>"


@dataclass(frozen=True, slots=True)
class Ref(Compact):
    """A value inside a string template that is not a literal.

    ``name`` is the qualified name of what it refers to (a constant such as
    ``pkg.settings.TABLE``) when the frontend could resolve it, else None.
    """

    name: str | None = None


# A string built from literals and references: "SELECT * FROM " + TABLE is
# ("SELECT * FROM ", Ref("pkg.mod.TABLE")).
Template = tuple[str | Ref, ...]


@dataclass(frozen=True, slots=True)
class Import(Compact):
    """`import module`, `from module import name`, `importlib.import_module("module")`."""

    loc: Location
    scope: str
    module: str  # absolute dotted module (relative imports already resolved)
    name: str | None  # the imported symbol of `from m import name`; "*" for a star import
    alias: str  # the local name it is bound to
    typing_only: bool = False  # under `if TYPE_CHECKING:`


@dataclass(frozen=True, slots=True)
class Use(Compact):
    """A unit refers to a qualified name (a call, an attribute, a base class, a decorator).

    An annotation is one when it runs at import (a def's, a class's or module's field's): not a local's,
    not a string, not under `from __future__ import annotations` or `if TYPE_CHECKING:` (typing only).
    """

    loc: Location
    scope: str
    target: str  # e.g. "shared.db.fetch_memories" or "app.models.Memory.objects"


@dataclass(frozen=True, slots=True)
class Definition(Compact):
    """A top-level function or class: one unit of reachability."""

    loc: Location
    name: str
    kind: str  # "function" | "class"


@dataclass(frozen=True, slots=True)
class Constant(Compact):
    """A module-level `NAME = <string template>` (also `NAME: str = ...`)."""

    loc: Location
    name: str
    value: Template


@dataclass(frozen=True, slots=True)
class Sql(Compact):
    """SQL text: a SQL-looking string, or any string passed to execute()/text()/fetch*()."""

    loc: Location
    scope: str
    text: Template
    via: str  # the call it was passed to ("execute", "text", ...) or "literal"


# Queries Piccolo and Tortoise start on the model class itself (`Band.count()`); on another ORM's model a
# method so named is the project's own, judged by what its body does. (Piccolo's `Band.objects()` is the
# operation Django's manager queries have too.)
CLASS_QUERIES = frozenset({"count", "exists", "first"})
CLASS_QUERY_ORMS = frozenset({"piccolo", "tortoise"})


@dataclass(frozen=True, slots=True)
class OrmModel(Compact):
    """A class mapped to a table (SQLAlchemy `__tablename__`/`__table__`, Django, Peewee, Tortoise and Piccolo models)."""

    loc: Location
    name: str  # qualified class name
    table: str  # named by a value from elsewhere (``table_from``): "", or the default should that be unknown
    framework: str  # "sqlalchemy" | "django" | "peewee" | "tortoise" | "piccolo"
    table_from: str = ""  # the qualified name bound to the table (`app.M.__tablename__`), resolved when linked


@dataclass(frozen=True, slots=True)
class TableQuery(Compact):
    """A query on a table the analysis core resolved from a value: `select_from(self.model)` where the
    receiver's class sets `model = M`, `table(Tables.X)`. ``aggregate`` says how the statement aggregates
    across orgs ("" when it does not, or is pinned to one org); ``grouped_by`` the org key it groups by."""

    loc: Location
    scope: str
    table: str
    note: str  # the evidence at the line: "select_from(ChatMessage) -> table `chat_messages`"
    aggregate: str = ""
    grouped_by: str = ""


# ORM operations that change rows (Django managers and querysets, SQLAlchemy statement builders): an
# OrmQuery's ``operation`` names them; anything else reads.
ORM_WRITES = frozenset({"create", "bulk_create", "get_or_create", "update_or_create", "update", "bulk_update", "insert"})
ORM_DELETES = frozenset({"delete"})
# A model's managers (Django's, Flask-SQLAlchemy's `Model.query`): `M.objects.<method>(...)` queries M's table.
ORM_MANAGERS = frozenset({"objects", "_default_manager", "_base_manager", "query"})
# Django's fields that hold one related row (a `<name>_id` column): a lookup on one compares with one entity.
DJANGO_RELATIONS = frozenset({"ForeignKey", "OneToOneField", "ForeignObject"})


@dataclass(frozen=True, slots=True)
class OrmQuery(Compact):
    """A query through a model: `select(M)`, `session.query(M)`, `M.objects.filter(...)`."""

    loc: Location
    scope: str
    model: str  # qualified name of the model class as referenced
    operation: str  # "select", "query", "objects", "insert", ...


@dataclass(frozen=True, slots=True)
class EnvRead(Compact):
    """`os.environ[...]`, `os.getenv(...)`, `environ.get(...)`, a settings field, `os.Getenv`."""

    loc: Location
    scope: str
    name: Template
    default: Template | None = None


@dataclass(frozen=True, slots=True)
class HttpCall(Compact):
    """An outgoing HTTP request with its URL template; `base` is the client's base URL."""

    loc: Location
    scope: str
    method: str  # upper case; "ANY" when unknown
    url: Template
    base: Template | None = None


@dataclass(frozen=True, slots=True)
class Connect(Compact):
    """A connection to a data store: `psycopg.connect(dsn)`, `create_engine(url)`, `redis.from_url(url)`."""

    loc: Location
    scope: str
    kind: str  # "postgres" | "redis" | "http"
    target: Template


@dataclass(frozen=True, slots=True)
class RedisKey(Compact):
    """A Redis command with its key template."""

    loc: Location
    scope: str
    command: str
    key: Template


@dataclass(frozen=True, slots=True)
class Route(Compact):
    """An HTTP endpoint this file serves (FastAPI, Flask, aiohttp, gin, chi, net/http)."""

    loc: Location
    scope: str
    method: str
    path: str


@dataclass(frozen=True, slots=True)
class Suppression(Compact):
    """`# molecule-lint: ignore[MOL101, MOL102] -- reason (until 2027-03-01)`.

    It covers findings on its own line and, when it stands alone on a line,
    on the next line.
    """

    loc: Location
    rules: tuple[str, ...]
    reason: str | None
    until: str | None = None
    standalone: bool = False


@dataclass(frozen=True, slots=True)
class ManifestService(Compact):
    """A service a deployment manifest declares: a compose service, a Kubernetes workload, a Render service...

    ``service`` is the manifest's own name for it, which need not be a configured service's.
    """

    loc: Location
    service: str
    format: str  # "compose" | "kubernetes" | "helm" | "render" | "railway" | "dotenv" | "workflow" | "cloud-init" | ...
    build: str | None = None  # the folder it is built from, relative to the project root
    image: str | None = None
    namespace: str | None = None  # a Kubernetes workload's `metadata.namespace`
    runs: str | None = None  # the Python module its command runs (`python -m ops.jobs`, `gunicorn ops.app:app`)


@dataclass(frozen=True, slots=True)
class ManifestEnv(Compact):
    """One environment variable a manifest gives one of its services.

    ``value`` is what the manifest holds, with an interpolation's default kept
    (`${X:-postgres://db}` -> "postgres://db") and other holes empty; None when
    the manifest holds no value (a pass-through, a secret expression, a
    reference resolved later). ``variables`` are the names the value is
    interpolated from; ``ref`` is a Kubernetes ConfigMap/Secret key the value
    comes from, as "Secret/<name>/<key>", or a Helm values key, as
    "HelmValues/<dotted.key>" (then ``value`` is the text around it, `{{}}`
    standing for the value), or "Terraform/<module folder>" when ``value`` holds
    `${var.x}` / `${local.x}` placeholders of that module.
    """

    loc: Location
    service: str
    name: str
    value: str | None
    variables: tuple[str, ...] = ()
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ManifestLink(Compact):
    """A manifest service's tie to something else, by name.

    kind: "depends_on" | "link" | "volume" | "network" | "database" (a Render
    `fromDatabase`) | "env_file" (target: a project-relative path) |
    "configmap" | "secret" (a Kubernetes `envFrom`) | "helm-env" (target: the
    values key a chart template's env is filled from) | "extends" (a compose
    service's base, "<path>#<service>") | "include" (a compose file's included
    file: service "", target its path) | "templatefile" (a Terraform resource's
    user data template, target its path).
    """

    loc: Location
    service: str
    kind: str
    target: str


@dataclass(frozen=True, slots=True)
class ManifestData(Compact):
    """One key of a Kubernetes ConfigMap or Secret (a Secret's `data` base64-decoded; None if undecodable), or
    one scalar of a Helm chart's values (name: the chart folder; key: its dotted path; HelmDefault: a
    template's `default "..."` for it), or one Terraform value (TerraformDefault / TerraformVars: name the
    module folder, key `var.x` / `local.x`; TerraformTemplate: name "<template>#<service>", key a variable
    the templatefile call passes)."""

    loc: Location
    kind: str  # "ConfigMap" | "Secret" | "HelmValues" | "HelmDefault" | "Terraform..."
    name: str
    key: str
    value: str | None


@dataclass(frozen=True, slots=True)
class UrlLiteral(Compact):
    """A string in code that holds a URL ("://" written in it), wherever it is used.

    Docstrings, comments, and log and exception messages are prose, not code: no fact.
    """

    loc: Location
    scope: str
    value: Template


# Value flow. Frontends lower every module body, class body and function into a Summary whose expressions
# are Values: a small language-neutral value language. The analysis core evaluates them across functions,
# classes and modules (molecule_lint/core); a frontend only says what the code writes, never what it means.


@dataclass(frozen=True, slots=True, eq=False)
class Lit(Compact):
    """A literal: a string, a number, a boolean or None."""

    value: str | int | float | bool | None

    # 1, 1.0 and True are equal in Python but are different texts ("1", "1.0", "True"): so are these.
    def __eq__(self, other: object) -> bool:
        return type(other) is Lit and type(other.value) is type(self.value) and other.value == self.value

    def __hash__(self) -> int:
        return hash((type(self.value), self.value))


@dataclass(frozen=True, slots=True)
class Unknown(Compact):
    """What the frontend cannot express: the core treats it as a hole."""


@dataclass(frozen=True, slots=True)
class EachValue(Unknown):
    """As an Item's key: any entry's value, where a dict's would be its keys (Go's `for _, v := range m`)."""


@dataclass(frozen=True, slots=True)
class Concat(Compact):
    """Parts glued together: `a + b`, an f-string, a Go `+` or `fmt.Sprint`."""

    parts: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Format(Compact):
    """`fmt % args` ("percent"), `fmt.format(...)` ("brace"), Go `fmt.Sprintf` ("percent"). A keyword
    named SPREAD is a mapping whose entries are the keywords (`fmt.format(**params)`)."""

    style: str
    fmt: Value
    args: tuple[Value, ...] = ()
    kwargs: tuple[tuple[str, Value], ...] = ()


SPREAD = "**"
# `u.Path = p` on a local struct, lowered as `u = u.__set_field__("Path", p)`: a copy with that field set
SET_FIELD = "__set_field__"


@dataclass(frozen=True, slots=True)
class PathJoin(Compact):
    """Path or URL segments joined by one "/" (`pathlib` and `yarl` `/`, `os.path.join`, `urljoin`, `path.Join`)."""

    parts: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Var(Compact):
    """A name. ``kind``: "param" | "local" (bound in the unit, else a module-level name of the file: the
    core decides) | "global" (``name`` qualified: "pkg.mod.NAME", imports resolved, relative imports made
    absolute) | "self" (an attribute of the instance: `self.x`) | "cls" (of the class: `cls.X`) |
    "builtin" (`str`, `getattr`, ...)."""

    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class Call(Compact):
    func: Value
    args: tuple[Value, ...] = ()
    kwargs: tuple[tuple[str, Value], ...] = ()


@dataclass(frozen=True, slots=True)
class Attr(Compact):
    base: Value
    name: str


@dataclass(frozen=True, slots=True)
class Item(Compact):
    """`base[key]`; ``key`` Unknown for "any element" (a loop variable over ``base``)."""

    base: Value
    key: Value


@dataclass(frozen=True, slots=True)
class Collection(Compact):
    """A literal dict ("dict": ``keys`` and ``values``), list, tuple or set (``values`` only)."""

    kind: str
    keys: tuple[Value, ...]
    values: tuple[Value, ...]
    lines: tuple[int, ...] = ()  # a dict's: the line of each value, where a lookup by its key reads it


Value = Lit | Unknown | Concat | Format | PathJoin | Var | Call | Attr | Item | Collection

# How deeply a lowered value may nest: a deeper part is unknown. A pull request may chain `x.a.a.a...` on
# purpose, and a deeper tree overflows the stack where facts are pickled (the cache, the worker pool).
MAX_VALUE_NESTING = 100
_INTERNED_PARTS = 64


def interned(table: dict[Value, Value], value: Value) -> Value:
    """``value`` as the equal one lowered before, if any (equal values one object: a smaller facts cache). A
    long chain stays as it is: each level of `a + b + ...` is a Concat of every part so far, and hashing
    every level would cost the square of the chain's length."""
    if isinstance(value, (Concat, PathJoin)) and len(value.parts) > _INTERNED_PARTS:
        return value
    return table.setdefault(value, value)


def children(value: Value) -> tuple[Value, ...]:
    """The values a value is made of, one level down (a call's function and arguments, an item's base
    and key, ...)."""
    if isinstance(value, Call):
        return (value.func, *value.args, *(v for _, v in value.kwargs))
    if isinstance(value, Attr):
        return (value.base,)
    if isinstance(value, Item):
        return (value.base, value.key)
    if isinstance(value, (Concat, PathJoin)):
        return value.parts
    if isinstance(value, Format):
        return (value.fmt, *value.args, *(v for _, v in value.kwargs))
    if isinstance(value, Collection):
        return (*value.keys, *value.values)
    return ()


@dataclass(frozen=True, slots=True)
class Binding(Compact):
    """`name = value` at ``line``. In a function, "self.x" names an attribute set on the instance."""

    name: str
    value: Value
    line: int
    annotation: Value | None = None  # a function local's declared type (`c: Client = ...`): its value where unknown
    branch: bool = False  # made in one branch of an `if`/`switch`/`select`: the value before it may be the one read


@dataclass(frozen=True, slots=True)
class Param(Compact):
    name: str
    default: Value | None = None
    keyword_only: bool = False
    variadic: bool = False  # `*args`: the positional arguments after the others, as a tuple
    keywords: bool = False  # `**options`: the keyword arguments no other parameter takes, as a dict
    annotation: Value | None = None  # the declared type: what an unbound parameter is an instance of


@dataclass(frozen=True, slots=True)
class CallSite(Compact):
    """A call, as written. A read of `base[key]` on a module-level or imported name is one too, of
    `base.__getitem__` (how `os.environ["X"]` reaches a model)."""

    loc: Location
    func: Value
    args: tuple[Value, ...] = ()
    kwargs: tuple[tuple[str, Value], ...] = ()


@dataclass(frozen=True, slots=True)
class LoopSite(Compact):
    """A loop, a comprehension or a per-item fan-out (`executor.map(f, xs)`, `asyncio.gather(*(f(x) for x in
    xs))`, a Go `for range` with goroutines) in a unit, as written: the core decides whether it runs over orgs.

    ``over`` is the iterable and ``text`` its source; ``names`` the loop variables. ``body`` what each
    iteration calls or hands on to run (`executor.submit(fetch, org)`, `task.delay(org)`), in order.
    ``accumulates``: whether the body keeps something across iterations (append, `+=`, a dict or map
    store, `sum(...)` of a generator, a mutex-guarded accumulator, a yield); None when the frontend cannot
    tell, which MOL202 takes as yes.
    """

    loc: Location
    over: Value
    text: str
    names: tuple[str, ...] = ()
    body: tuple[Value, ...] = ()
    accumulates: bool | None = None


@dataclass(frozen=True, slots=True)
class Guard(Compact):
    """`if name != other: raise ...`, `if name == other {`: ``name`` (or a field of a name, "event.org_id")
    compared for equality at ``line``. Code
    that goes on past such a check with the name uses it as ``other`` (MOL302: an org id of the request
    checked against the host's own is the host's own)."""

    name: str
    other: Value
    line: int


@dataclass(frozen=True, slots=True)
class Summary(Compact):
    """One unit of code as values: a module body, a class body or a function (method).

    ``name`` is relative to the file's module: "<module>", "Client", "Client.get", "fetch".
    A class's ``bindings`` are its attributes (fields with defaults included); its methods are
    Summaries of their own. Bindings, returns and calls of a unit are flow-insensitive: every
    assignment to a name is one of its possible values.
    """

    loc: Location
    name: str
    kind: str  # "module" | "class" | "function"
    params: tuple[Param, ...] = ()
    bindings: tuple[Binding, ...] = ()
    returns: tuple[Binding, ...] = ()  # named "return"
    calls: tuple[CallSite, ...] = ()
    bases: tuple[Value, ...] = ()
    static: bool = False  # a method that takes no receiver (`@staticmethod`): callers' arguments bind from the first
    loops: tuple[LoopSite, ...] = ()
    guards: tuple[Guard, ...] = ()
    decorators: tuple[str, ...] = ()  # a function's, by qualified name: `rest_framework.decorators.action`
    # a function's decorators as written, outermost first (`@with_table(T)`): what a call of its name runs
    wrappers: tuple[Value, ...] = ()


Fact = (
    Import
    | Use
    | Definition
    | Constant
    | Sql
    | OrmModel
    | OrmQuery
    | EnvRead
    | HttpCall
    | Connect
    | RedisKey
    | Route
    | Suppression
    | ManifestService
    | ManifestEnv
    | ManifestLink
    | ManifestData
    | UrlLiteral
    | Summary
)


@dataclass(frozen=True, slots=True)
class FileFacts(Compact):
    """Everything a frontend learned from one file.

    ``error`` is set when the file could not be analysed (it becomes MOL901);
    the facts are then empty.
    """

    path: str  # relative to the project root, with "/"
    language: str  # "python" | "go" | "sql" | "manifest"
    module: str  # dotted module (Python) or package import path (Go); "" if none
    facts: tuple[Fact, ...] = ()
    error: str | None = None
    error_loc: Location | None = None
    internal: bool = False  # the error is a bug in molecule-lint, not in the file: the run must fail
    digest: str = ""  # of error and facts (set by analysis.py): equal digests, equal findings to come


def facts_digest(f: FileFacts) -> str:
    """The digest a worker stored (analysis.py), else computed (files parsed in the main process)."""
    return f.digest or payload_digest(facts_payload(f))


def stamped(f: FileFacts) -> FileFacts:
    """Facts parsed in this process, carrying their digest as a worker's do: one taken again of the
    same facts read back from the cache may differ (their pickle need not be byte-identical), and
    the snapshot compares digests."""
    return f if f.digest else replace(f, digest=facts_digest(f))


def facts_payload(f: FileFacts) -> bytes:
    """What the digest is of: error and facts, pickled (how a worker sends them too)."""
    return pickle.dumps((f.error, f.facts), pickle.HIGHEST_PROTOCOL)


def payload_digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


# A longer text is no SQL, URL or name anyone wrote, but it can be built on purpose: `x = x + x + ...` line
# after line grows fiftyfold a line, and a pull request must not stall the gate with it.
MAX_TEMPLATE_CHARS = 20_000
_HOLE = Ref(None)


def merge_template(parts: Iterable[str | Ref]) -> Template:
    """A template from parts: adjacent literals joined, empty ones dropped (every frontend builds them so);
    one hole when its text would pass MAX_TEMPLATE_CHARS."""
    out: list[str | Ref] = []
    size = 0
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            size += len(part)
            if size > MAX_TEMPLATE_CHARS:
                return (_HOLE,)
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    return tuple(out)


quick_inits(list(globals().values()))
