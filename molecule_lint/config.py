"""Load and validate `molecule-lint.yaml` or `[tool.molecule-lint]` (SPEC §3).

Every problem is collected (not just the first) and reported with file, line
and key, the way import-linter reports contract fields.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from molecule_lint.repository import repository_root
from molecule_lint.steering import UnsafeFile, read_steering_file

if TYPE_CHECKING:  # yamlsource imports PyYAML (~15 ms): a run whose settings come from the cache never needs it
    from molecule_lint.yamlsource import KeyPath, LocatedValue

CONFIG_NAMES = ("molecule-lint.yaml", "molecule-lint.yml", ".molecule-lint.yaml")
PLANES = ("platform", "tenant", "shared")
DEFAULT_EXCLUDE = (
    ".git/",
    "node_modules/",
    ".venv/",
    "venv/",
    "__pycache__/",
    ".tox/",
    ".mypy_cache/",
    ".molecule-lint-cache/",
    "site-packages/",
)
DEFAULT_ORG_KEYS = ("org_id", "tenant_id", "organization_id")
# Paths the platform may call on a tenant without reading functional data.
DEFAULT_PROBES = ("/health", "/healthz", "/health/*", "/ready", "/readyz", "/live", "/livez", "/ping", "/version")


class ConfigError(Exception):
    """Invalid configuration: one line per problem, each naming file, line and key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
_MODEL_FILES = ("python.yaml", "go.yaml")


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    plane: str
    paths: tuple[str, ...]
    urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DataSpec:
    tables: tuple[str, ...] = ()
    migrations: tuple[str, ...] = ()
    env: tuple[str, ...] = ()
    redis_keys: tuple[str, ...] = ()
    endpoints: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    # platform_data only: platform tables that copy tenant state, each with the tenant table it copies
    # ("" when the config does not say); MOL201 treats them as tenant state, MOL101 as the platform's own.
    mirrors: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AllowEntry:
    rule: str
    path: str
    reason: str
    until: date | None = None
    target: str | None = None
    line: int = 0  # where the entry stands in the config file


SINKS = ("sql", "http", "env", "redis", "connect", "table")


@dataclass(frozen=True, slots=True)
class SinkModel:
    """A library function or method that executes SQL, sends a request, reads env, runs a Redis
    command or opens a connection, and the argument that carries what it does it with."""

    call: str  # qualified name; "*" matches any run of characters ("*.execute": any receiver's execute)
    sink: str  # one of SINKS
    arg: int | str  # the argument's position, or its keyword (dotted: an entry of the dict given by it)
    keyword: str | None = None  # the keyword it may be passed by instead of ``arg``'s position
    ambiguous: bool = False  # a common name (`text`, `get`): only a value that looks the part counts
    # The argument is an alias: a key of this Django setting (`connections["x"]`: DATABASES["x"]), or of this
    # dotted global (`flask.current_app.config.SQLALCHEMY_BINDS`), whose entry (a DSN, or a dict with one) is
    # what the call connects to.
    setting: str | None = None
    # Of an env reader with several results (Go's `v, ok := os.LookupEnv(k)`): the one that is the value.
    result: int | None = None
    # A table sink whose model is the type argument the receiver's class gives its library base (a method
    # a `Repository[Team]` subclass inherits: `repo.count()`), not an argument.
    generic: bool = False
    # The argument is one of the call that made the receiver, not of this one: a client made for one URL
    # (connect-go's `connect.NewClient(http, url)`, then `.CallUnary(ctx, req)`; gRPC Python's
    # `channel.unary_unary(path)`, then called with the request).
    constructor: bool = False
    # Of a connection: the argument is a connection id, and the store is the env var this names ("{}": the id,
    # upper-cased), as Airflow's `conn_id="replica"` is `AIRFLOW_CONN_REPLICA`.
    env: str | None = None
    # Of an env reader that is a method of a settings object: the keyword of the call that made the object
    # whose value, then "_", prefixes the variable; after "=", the library's prefix when none is given
    # (dynaconf's `Dynaconf(envvar_prefix="APP").get("db_url")` reads APP_DB_URL: "envvar_prefix=DYNACONF").
    prefix: str | None = None


@dataclass(frozen=True, slots=True)
class Config:
    root: Path
    source: Path | None  # None: built in code (tests), not read from a file
    services: tuple[Service, ...] = ()
    tenant_data: DataSpec = DataSpec()
    platform_data: DataSpec = DataSpec()
    org_keys: tuple[str, ...] = DEFAULT_ORG_KEYS
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    probe_endpoints: tuple[str, ...] = DEFAULT_PROBES
    shared_hosts: tuple[str, ...] = ()  # host globs of multi-org stores (managed cloud endpoints), for MOL402
    models: tuple[SinkModel, ...] = ()  # the user's own wrappers, beside the built-in library models


def find_config(start: Path) -> Path | None:
    """The nearest config in ``start`` or a folder above it that `config_folders` allows."""
    for directory in config_folders(start):
        for name in CONFIG_NAMES:
            if os.path.lexists(directory / name):  # a symlink or a FIFO too: load_config refuses it loudly
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def config_folders(start: Path) -> list[Path]:
    """Where a config is looked for, nearest first: ``start`` and its parents up to the repository root.

    An ancestor's config belongs to another project. Outside a repository the walk goes on up, as ruff's
    does, but stops below the first folder another user could write to (`/tmp`, or one owned by
    someone else): a config there could have been planted. `/` itself qualifies only when the user
    is root or owns it.
    """
    start = start.resolve()
    repository = repository_root(start)
    if repository is not None:
        return [start, *start.parents[: len(start.relative_to(repository).parts)]]
    folders = []
    for directory in (start, *start.parents):
        if not _written_only_by_us(directory):
            break
        folders.append(directory)
    return folders


def _written_only_by_us(directory: Path) -> bool:
    try:
        status = directory.stat()
    except OSError:
        return False
    return status.st_uid in (os.getuid(), 0) and not status.st_mode & stat.S_IWOTH


def _has_tool_table(pyproject: Path) -> bool:
    import tomllib  # only a pyproject.toml needs it: a warm run from molecule-lint.yaml never does

    try:
        text = read_steering_file(pyproject, pyproject.parent).decode("utf-8")
        return "molecule-lint" in tomllib.loads(text).get("tool", {})
    except (OSError, UnsafeFile, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge: a pyproject we cannot read holds no config of ours


def load_config(path: Path) -> Config:
    """Read and validate a config file. Its folder is the project root; the file must lie inside it
    (a symlink may point within the project only), be a regular file and hold at most 1 MiB."""
    root = path.absolute().parent.resolve()
    display = path.name
    try:
        text = read_steering_file(path, root).decode("utf-8")
    except UnsafeFile as exc:
        raise ConfigError([f"{path}: config not read: it {exc}"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read config: {exc}"]) from None
    from molecule_lint.yamlsource import YamlError, load_yaml

    if path.name == "pyproject.toml":
        located = _load_pyproject(text, display)
    else:
        try:
            located = load_yaml(text)
        except YamlError as exc:
            raise ConfigError([f"{display}:{exc.line or 1}: {exc.message}"]) from None
    if located.value is None:
        raise ConfigError([f"{display}:1: the config file is empty; run `molecule-lint init` for a starter"])
    return replace(_Validator(located, display, root).build(), source=root / path.name)


def invalid_pattern(pattern: str) -> str | None:
    """What is wrong with a gitignore-style pattern (`!`, a trailing backslash), or None when it compiles.

    Git skips such a line without a word; in a config it is an error, never a silent no-op.
    """
    import pathspec  # ~15 ms: a run whose config comes from the cache need not pay it

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except ValueError:
        return f"invalid gitignore-style pattern {pattern!r}"
    return None


def _load_pyproject(text: str, display: str) -> LocatedValue:
    import tomllib

    from molecule_lint.yamlsource import LocatedValue

    try:
        table = tomllib.loads(text).get("tool", {}).get("molecule-lint")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{display}: invalid TOML: {exc}"]) from None
    located = LocatedValue(table)
    # tomllib keeps no positions: point each top-level key at its first mention.
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[tool.molecule-lint"):
            located.lines.setdefault((), number)
            suffix = stripped.strip("[]").removeprefix("tool.molecule-lint").lstrip(".")
            if suffix:
                located.lines.setdefault((suffix.split(".")[0],), number)
        elif "=" in stripped and located.lines:
            located.lines.setdefault((stripped.split("=")[0].strip().strip('"'),), number)
    return located


# The keys each mapping may hold: the validator below and the JSON Schema (config_schema.py) read them.
TOP_KEYS = (
    "version",
    "services",
    "tenant_data",
    "platform_data",
    "org_keys",
    "exclude",
    "rules",
    "allow",
    "probe_endpoints",
    "shared_hosts",
    "models",
)
SERVICE_KEYS = ("name", "plane", "paths", "urls")
DATA_KEYS = ("tables", "migrations", "env", "redis_keys", "endpoints", "modules")
PLATFORM_DATA_KEYS = (*DATA_KEYS, "mirrors")
RULES_KEYS = ("select", "ignore", "packs")
ALLOW_KEYS = ("rule", "path", "reason", "until", "target")
MODEL_KEYS = ("call", "sink", "arg", "keyword", "ambiguous", "setting", "result", "generic", "constructor", "env", "prefix")


class _Validator:
    """Turns located YAML into a Config, collecting every problem on the way."""

    def __init__(self, located: LocatedValue, display: str, root: Path) -> None:
        self.located = located
        self.display = display
        self.root = root.resolve()
        self.problems: list[str] = []

    def problem(self, path: KeyPath, message: str) -> None:
        key = _key_text(path)
        line = self.located.line(path) or 1
        self.problems.append(f"{self.display}:{line}: {key + ': ' if key else ''}{message}")

    def mapping(self, value: Any, path: KeyPath, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {_kind(value)}")
            return {}
        for key in value:
            if key not in allowed:
                import difflib  # only for a config with a typo

                hint = difflib.get_close_matches(str(key), allowed, n=1)
                suggestion = f" (did you mean `{hint[0]}`?)" if hint else ""
                self.problem((*path, str(key)), f"unknown key{suggestion}; expected one of: {', '.join(allowed)}")
        return value

    def strings(self, value: Any, path: KeyPath, check: Callable[[str], str | None] | None = None) -> tuple[str, ...]:
        """Non-empty strings; ``check`` says what is wrong with one, if anything."""
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(path, f"expected a list of strings, got {_kind(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem((*path, i), f"expected a non-empty string, got {_kind(item)}")
                continue
            if check is not None and (error := check(item.strip())):
                self.problem((*path, i), error)  # still listed: "needs at least one path" would mislead
            out.append(item.strip())
        return tuple(out)

    def outside(self, folder: str) -> str | None:
        """Rule packs are read from inside the project only (after resolving symlinks)."""
        if (self.root / folder).resolve().is_relative_to(self.root):
            return None
        return f"{folder!r} leads outside the project"

    def string(
        self, value: Any, path: KeyPath, required: bool = True, check: Callable[[str], str | None] | None = None
    ) -> str:
        if isinstance(value, str) and value.strip():
            if check is not None and (error := check(value.strip())):
                self.problem(path, error)
            return value.strip()
        if value is not None or required:
            self.problem(path, f"expected a non-empty string, got {_kind(value)}")
        return ""

    def build(self) -> Config:
        top = self.mapping(self.located.value, (), TOP_KEYS)
        version = top.get("version", 1)
        if version != 1:
            self.problem(("version",), f"unsupported version {version!r}; this molecule-lint reads version 1")
        services = self.services(top.get("services"))
        tenant = self.data(top.get("tenant_data"), ("tenant_data",), DATA_KEYS)
        platform = self.data(top.get("platform_data"), ("platform_data",), PLATFORM_DATA_KEYS)
        platform = replace(platform, mirrors=self.mirrors(top.get("platform_data"), tenant))
        rules = self.mapping(top.get("rules") or {}, ("rules",), RULES_KEYS)
        probes = top.get("probe_endpoints")
        config = Config(
            root=self.root,
            source=None,
            services=services,
            tenant_data=tenant,
            platform_data=platform,
            org_keys=self.strings(top["org_keys"], ("org_keys",)) if "org_keys" in top else DEFAULT_ORG_KEYS,
            exclude=self.strings(top.get("exclude"), ("exclude",), invalid_pattern),
            select=self.strings(rules.get("select"), ("rules", "select")),
            ignore=self.strings(rules.get("ignore"), ("rules", "ignore")),
            packs=self.strings(rules.get("packs"), ("rules", "packs"), self.outside),
            allow=self.allow(top.get("allow")),
            probe_endpoints=DEFAULT_PROBES if probes is None else self.strings(probes, ("probe_endpoints",)),
            shared_hosts=tuple(h.lower() for h in self.strings(top.get("shared_hosts"), ("shared_hosts",))),
            models=self.models(top.get("models"), ("models",)),
        )
        if self.problems:
            raise ConfigError(self.problems)
        return config

    def services(self, value: Any) -> tuple[Service, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(("services",), f"expected a list of services, got {_kind(value)}")
            return ()
        services: list[Service] = []
        seen: set[str] = set()
        for i, raw in enumerate(value):
            path: KeyPath = ("services", i)
            entry = self.mapping(raw, path, SERVICE_KEYS)
            name = self.string(entry.get("name"), (*path, "name"))
            plane = entry.get("plane")
            if plane not in PLANES:
                self.problem((*path, "plane"), f"expected one of {', '.join(PLANES)}, got {plane!r}")
            paths = self.strings(entry.get("paths"), (*path, "paths"), invalid_pattern)
            if entry and not paths:
                self.problem((*path, "paths"), "a service needs at least one path pattern")
            if name in seen:
                self.problem((*path, "name"), f"duplicate service name {name!r}")
            seen.add(name)
            services.append(Service(name, str(plane), paths, self.strings(entry.get("urls"), (*path, "urls"))))
        return tuple(services)

    def data(self, value: Any, path: KeyPath, keys: tuple[str, ...]) -> DataSpec:
        if value is None:
            return DataSpec()
        entry = self.mapping(value, path, keys)
        lists = {
            key: self.strings(entry.get(key), (*path, key), invalid_pattern if key == "migrations" else None)
            for key in DATA_KEYS
        }
        return DataSpec(
            tables=tuple(t.lower() for t in lists["tables"]),
            migrations=lists["migrations"],
            env=lists["env"],
            redis_keys=lists["redis_keys"],
            endpoints=lists["endpoints"],
            modules=lists["modules"],
        )

    def mirrors(self, platform: Any, tenant: DataSpec) -> tuple[tuple[str, str], ...]:
        """`mirrors: {usage_rollups: agent_memories}` (platform table: the tenant table it copies), or a list
        of platform tables when which tenant table is not worth saying."""
        value = platform.get("mirrors") if isinstance(platform, dict) else None
        path: KeyPath = ("platform_data", "mirrors")
        if isinstance(value, dict):
            pairs = []
            for table, copied in value.items():
                where: KeyPath = (*path, str(table))
                if not isinstance(table, str) or not table.strip():
                    self.problem(where, f"expected a table name, got {_kind(table)}")
                    continue
                pairs.append((table.strip().lower(), self.string(copied, where).lower()))
        else:
            pairs = [(table.lower(), "") for table in self.strings(value, path)]
        for i, (table, _) in enumerate(pairs):
            if table in tenant.tables:
                where = (*path, table) if isinstance(value, dict) else (*path, i)
                self.problem(where, f"`{table}` is also listed in tenant_data.tables; a mirror is a platform table")
        return tuple(pairs)

    def allow(self, value: Any) -> tuple[AllowEntry, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(("allow",), f"expected a list of entries, got {_kind(value)}")
            return ()
        entries = []
        for i, raw in enumerate(value):
            path: KeyPath = ("allow", i)
            entry = self.mapping(raw, path, ALLOW_KEYS)
            rule = self.string(entry.get("rule"), (*path, "rule"))
            reason = entry.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                self.problem((*path, "reason"), "an allow entry needs a reason (why is this exception safe?)")
            until = self.until(entry.get("until"), (*path, "until"))
            entries.append(
                AllowEntry(
                    rule=rule,
                    path=self.string(entry.get("path"), (*path, "path"), check=invalid_pattern),
                    reason=str(reason or "").strip(),
                    until=until,
                    target=self.string(entry.get("target"), (*path, "target"), required=False) or None,
                    line=self.located.line(path) or 0,
                )
            )
        return tuple(entries)

    def models(self, value: Any, path: KeyPath) -> tuple[SinkModel, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(path, f"expected a list of models, got {_kind(value)}")
            return ()
        models = []
        for i, raw in enumerate(value):
            where: KeyPath = (*path, i)
            entry = self.mapping(raw, where, MODEL_KEYS)
            call = self.string(entry.get("call"), (*where, "call"))
            sink = entry.get("sink")
            if sink not in SINKS:
                self.problem((*where, "sink"), f"expected one of {', '.join(SINKS)}, got {sink!r}")
            arg = entry.get("arg", 0)
            if isinstance(arg, bool) or not (isinstance(arg, int) and arg >= 0 or isinstance(arg, str) and arg.strip()):
                self.problem((*where, "arg"), f"expected an argument position (0, 1, ...) or a keyword, got {arg!r}")
            ambiguous, generic = entry.get("ambiguous", False), entry.get("generic", False)
            constructor = entry.get("constructor", False)
            for key, flag in (("ambiguous", ambiguous), ("generic", generic), ("constructor", constructor)):
                if not isinstance(flag, bool):
                    self.problem((*where, key), f"expected true or false, got {_kind(flag)}")
            keyword = self.string(entry.get("keyword"), (*where, "keyword"), required=False) or None
            setting = self.string(entry.get("setting"), (*where, "setting"), required=False) or None
            result = entry.get("result")
            if result is not None and (isinstance(result, bool) or not isinstance(result, int) or result < 0):
                self.problem((*where, "result"), f"expected a result position (0, 1, ...), got {result!r}")
                result = None
            env = self.string(entry.get("env"), (*where, "env"), required=False) or None
            if env is not None and "{}" not in env:
                self.problem((*where, "env"), f"expected a variable name with {{}} for the connection id, got {env!r}")
            prefix = self.string(entry.get("prefix"), (*where, "prefix"), required=False) or None
            if prefix is not None and (sink != "env" or not prefix.partition("=")[0].strip()):
                self.problem((*where, "prefix"), f"expected, of an env reader, a keyword (and =its default), got {prefix!r}")
            models.append(
                SinkModel(
                    call, str(sink), arg, keyword, bool(ambiguous), setting, result, bool(generic), bool(constructor), env, prefix
                )
            )
        return tuple(models)

    def until(self, value: Any, path: KeyPath) -> date | None:
        if value is None or isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(path, f"expected a date like 2027-03-01, got {value!r}")
        return None


def _key_text(path: KeyPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", int: "a number"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)



@cache
def builtin_models() -> tuple[SinkModel, ...]:
    """The library models molecule-lint ships (molecule_lint/models/*.yaml)."""
    from importlib import resources  # it imports tempfile, shutil, bz2...: only analysing runs need the models

    models: list[SinkModel] = []
    for name in _MODEL_FILES:
        text = resources.files("molecule_lint").joinpath(f"models/{name}").read_text(encoding="utf-8")
        models += load_models(text, f"molecule_lint/models/{name}")
    return tuple(models)


def load_models(text: str, display: str) -> tuple[SinkModel, ...]:
    """Library models written as data (molecule_lint/models/*.yaml): a `models:` list, validated like the config's."""
    from molecule_lint.yamlsource import YamlError, load_yaml

    try:
        located = load_yaml(text)
    except YamlError as exc:
        raise ConfigError([f"{display}:{exc.line or 1}: {exc}"]) from exc
    validator = _Validator(located, display, Path("."))
    top = validator.mapping(located.value, (), ("models",))
    models = validator.models(top.get("models"), ("models",))
    if validator.problems:
        raise ConfigError(validator.problems)
    return models
