"""The tenant runtime contract (MOL301, MOL302): a tenant knows where the platform is only from
MOLECULE_PLATFORM_URL, and which org it serves only from MOLECULE_ORG_ID.

MOL301 reads tenant files' URL strings and env reads against the platform
services' `urls`. MOL302 links the per-function flow summaries the frontends write (OrgSource,
ParamFlow, ArgFlow) into paths from a runtime org id — a value of the request being served, or an
org-named parameter of a function nothing in the project calls — to the choice of a data store,
schema or identity, across functions and modules. A helper whose parameter reaches such a choice is
a store choice for its callers: the finding is where the runtime org id enters it (the first call on
the path, else the choice itself), once a place, with the whole path as its trace.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.config import Config
from molecule_lint.facts import (
    ArgFlow,
    Definition,
    EnvRead,
    FileFacts,
    Location,
    OrgSource,
    ParamFlow,
    UrlLiteral,
)
from molecule_lint.findings import Hop
from molecule_lint.graph import unit_node
from molecule_lint.linker import MAX_HOPS, Project
from molecule_lint.naming import ORG_WORDS, words

CONTRACT_URL_ENV = "MOLECULE_PLATFORM_URL"
# A string that is a URL from its first character: `"https://..."`, `f"{scheme}://..."`. A URL quoted
# inside prose (a help text, an error) is not where code takes its address from.
_URL_START = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*|\{\})://(?P<rest>\S*)")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)

# --- MOL301 ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Platform:
    """Where the platform is, as the config says: URL prefixes and env-var names, each with its service."""

    prefixes: tuple[tuple[str, str], ...]  # (scheme-less lower-case prefix, service)
    env: dict[str, str]  # env name -> service


def _platform(config: Config) -> _Platform:
    prefixes: list[tuple[str, str]] = []
    env: dict[str, str] = {}
    for service in config.services:
        if service.plane != "platform":
            continue
        for url in service.urls:
            if _WEB_SCHEME.match(url):
                prefixes.append((_WEB_SCHEME.sub("", url).rstrip("/").lower(), service.name))
            elif "://" not in url and url != CONTRACT_URL_ENV:
                env[url] = service.name
    return _Platform(tuple(prefixes), env)


@register("platform-location")
def platform_location(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Tenant code that hardcodes a platform URL, or reads one from an env var other than MOLECULE_PLATFORM_URL."""
    platform = _platform(ctx.config)
    if not (platform.prefixes or platform.env):
        return
    project = ctx.project
    for path, f in sorted(project.files.items()):
        if f.error is not None or project.plane_of(path) != "tenant":
            continue
        found: dict[int, Violation] = {}  # one finding a line: a settings field may be both at once
        for violation in (*_hardcoded(project, f, platform), *_platform_env(project, f, platform)):
            if violation.loc.line not in found or violation.loc.column < found[violation.loc.line].loc.column:
                found[violation.loc.line] = violation
        yield from (found[line] for line in sorted(found))


def _hardcoded(project: Project, f: FileFacts, platform: _Platform) -> Iterator[Violation]:
    """URL strings of the platform, wherever the code holds them: a constant, a default, a client's base URL."""
    for fact in f.facts:
        if not isinstance(fact, UrlLiteral):
            continue
        url = project.render(fact.value, f.path)
        service = _platform_service(url, platform)
        if service is not None:
            shown = _short(url)
            what = (
                f"hardcodes the platform location `{shown}` (platform service `{service}`); "
                f"read it from {CONTRACT_URL_ENV}"
            )
            yield Violation(f.path, fact.loc, shown, what, (Hop(f.path, fact.loc.line, f"URL string `{shown}`"),))


def _platform_service(url: str, platform: _Platform) -> str | None:
    """The platform service a URL string addresses: its address starts with one of the service's URLs."""
    match = _URL_START.match(url)
    if match is None:
        return None
    rest = match.group("rest").lower()
    for prefix, service in platform.prefixes:
        if rest.startswith(prefix) and (len(rest) == len(prefix) or rest[len(prefix)] in "/?#"):
            return service
    return None


def _platform_env(project: Project, f: FileFacts, platform: _Platform) -> Iterator[Violation]:
    for fact in f.facts:
        if not isinstance(fact, EnvRead):
            continue
        name = project.render(fact.name, f.path)
        service = platform.env.get(name)
        if service is not None:
            what = (
                f"reads the platform location from `{name}` (an address of platform service `{service}`), "
                f"not {CONTRACT_URL_ENV}"
            )
            yield Violation(f.path, fact.loc, name, what, (Hop(f.path, fact.loc.line, f"reads env `{name}`"),))


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


# --- MOL302 ----------------------------------------------------------------------

_SINK_WORDS = {
    "connect": "the data store it connects to",
    "env": "the env var it takes a store from",
    "sql": "the schema, table or role of its SQL",
    "lookup": "the store or credentials it looks up",
    "schema": "its schema",
    "identity": "the org a data-access object acts as",
}

_SOURCE_WORDS = {"path": "path parameter", "query": "query parameter", "body": "body field"}


@dataclass(frozen=True, slots=True)
class _State:
    """A value inside a function: the origin it is (a parameter's name, or an OrgSource's var)."""

    function: str
    origin: str


@dataclass(frozen=True, slots=True)
class _Path:
    """How a runtime org id got to a state: the trace so far, and the calls on the way (file, location)."""

    hops: tuple[Hop, ...]
    calls: tuple[tuple[str, Location], ...]
    name: str  # the header, parameter or field the org id was read by


@dataclass
class _Summaries:
    """The flow facts of every function of the project, by function and origin."""

    sinks: dict[_State, list[tuple[str, ParamFlow]]]
    passes: dict[_State, list[tuple[str, ArgFlow]]]
    sources: dict[_State, tuple[str, OrgSource]]
    returns: dict[str, list[tuple[str, ParamFlow]]]  # getter -> its `return` of a request value
    params: dict[str, dict[int, str]]  # function -> position -> parameter name
    paths: dict[str, str]  # function -> its file
    definitions: dict[str, int]  # top-level function -> the line it is defined on


def _summaries(project: Project) -> _Summaries:
    summaries = _Summaries(defaultdict(list), defaultdict(list), {}, defaultdict(list), defaultdict(dict), {}, {})
    for path, f in sorted(project.files.items()):
        for fact in f.facts:
            if isinstance(fact, ParamFlow) and fact.sink_kind == "return":
                summaries.returns[fact.function].append((path, fact))
                _note_param(summaries, path, fact.function, fact.param, fact.position)
            elif isinstance(fact, ParamFlow):
                summaries.sinks[_State(fact.function, fact.param)].append((path, fact))
                _note_param(summaries, path, fact.function, fact.param, fact.position)
            elif isinstance(fact, ArgFlow):
                summaries.passes[_State(fact.function, fact.origin)].append((path, fact))
                _note_param(summaries, path, fact.function, fact.origin, fact.position)
            elif isinstance(fact, OrgSource):
                summaries.sources[_State(fact.function, fact.var)] = (path, fact)
                summaries.paths.setdefault(fact.function, path)
            elif isinstance(fact, Definition) and fact.kind == "function":
                summaries.definitions[f"{f.module}.{fact.name}"] = fact.loc.line
    return summaries


def _note_param(summaries: _Summaries, path: str, function: str, origin: str, position: int | None) -> None:
    summaries.paths.setdefault(function, path)
    if position is not None:
        summaries.params[function][position] = origin


@register("runtime-org-choice")
def runtime_org_choice(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Tenant code choosing a data store, schema or identity by a runtime org id, found along the calls."""
    flows = _OrgFlows(ctx)
    reported: set[tuple[str, Location]] = set()
    for sink_path, sink, found in flows.reached():
        place = flows.report_at(sink_path, sink, found)
        if place in reported:
            continue
        reported.add(place)
        what = _what(sink, found, handed_on=bool(found.calls))
        yield Violation(place[0], place[1], found.name, what, found.hops)


def _what(sink: ParamFlow, found: _Path, handed_on: bool) -> str:
    chosen = _SINK_WORDS[sink.sink_kind]
    source = found.hops[0].note.removeprefix("runtime org id: ")
    if handed_on:
        return f"hands a runtime org id ({source}) to code that chooses {chosen} by it, not MOLECULE_ORG_ID"
    return f"chooses {chosen} by a runtime org id ({source}), not MOLECULE_ORG_ID"


class _OrgFlows:
    """Paths from runtime org ids to store choices, found breadth first: each sink by its shortest path."""

    def __init__(self, ctx: CheckContext) -> None:
        self.project = ctx.project
        self.graph = ctx.graph
        self.org_keys = frozenset(key.lower() for key in ctx.config.org_keys)
        self.summaries = _summaries(ctx.project)
        self._callees: dict[tuple[str, str], str | None] = {}

    def reached(self) -> Iterator[tuple[str, ParamFlow, _Path]]:
        """(sink file, sink, path to it) for every store choice a runtime org id reaches."""
        queue: deque[tuple[_State, _Path]] = deque(self.starts())
        seen: set[_State] = set()
        while queue:
            state, found = queue.popleft()
            if state in seen:
                continue
            seen.add(state)
            for path, sink in self.summaries.sinks.get(state, ()):
                yield path, sink, replace(found, hops=(*found.hops, Hop(path, sink.loc.line, sink.sink_note)))
            if len(found.calls) >= MAX_HOPS:
                continue
            for path, passed in self.summaries.passes.get(state, ()):
                following = self.next_state(path, passed)
                if following is not None and following not in seen:
                    hop = Hop(path, passed.loc.line, f"passes it to {passed.note}")
                    queue.append((following, _Path((*found.hops, hop), (*found.calls, (path, passed.loc)), found.name)))

    def next_state(self, path: str, passed: ArgFlow) -> _State | None:
        """The callee's parameter an argument binds, when the callee is a function of the project."""
        callee = self.callee(passed.callee, path)
        if callee is None:
            return None
        if isinstance(passed.target, str):
            return _State(callee, passed.target)
        param = self.summaries.params.get(callee, {}).get(passed.target)
        return _State(callee, param) if param is not None else None

    def callee(self, written: str, near: str) -> str | None:
        key = (written, near)
        if key not in self._callees:
            self._callees[key] = _function_key(self.project, written, near)
        return self._callees[key]

    # -- where org ids enter ----------------------------------------------------------

    def starts(self) -> Iterator[tuple[_State, _Path]]:
        """Runtime org ids in tenant code: request values named like an org id, values of getters returning
        one, and org-named parameters of functions nothing in the project calls (handlers, tasks, CLIs)."""
        summaries = self.summaries
        for state in sorted({*summaries.sinks, *summaries.passes}, key=lambda s: (s.function, s.origin)):
            path = summaries.paths.get(state.function)
            if path is None or self.project.plane_of(path) != "tenant":
                continue
            found = self.source(state, frozenset()) if state in summaries.sources else self.parameter(state, path)
            if found is not None:
                yield state, found

    def source(self, state: _State, getters: frozenset[str]) -> _Path | None:
        """A request value named like an org id, or what a getter returning one returned."""
        path, source = self.summaries.sources[state]
        if source.kind != "return":
            if not self.is_org_name(source.name):
                return None
            kind = _SOURCE_WORDS.get(source.kind, source.kind)
            what = f"{kind} `{source.name}`" if source.name else kind
            return _Path((Hop(path, source.loc.line, f"runtime org id: {what}"),), (), source.name)
        getter = self.callee(source.name, path)
        returned = self.returned(getter, getters) if getter is not None else None
        if returned is None:
            return None
        hop = Hop(path, source.loc.line, f"takes it from `{source.name.rpartition('.')[2]}`")
        return replace(returned, hops=(*returned.hops, hop))

    def returned(self, getter: str, getters: frozenset[str]) -> _Path | None:
        """The org id a getter returns (`current_org(request)`, a FastAPI dependency), if it returns one."""
        if getter in getters or len(getters) >= MAX_HOPS:
            return None
        for path, sink in self.summaries.returns.get(getter, ()):
            state = _State(getter, sink.param)
            found = self.source(state, getters | {getter}) if state in self.summaries.sources else None
            if found is not None:
                return replace(found, hops=(*found.hops, Hop(path, sink.loc.line, "returns it")))
        return None

    def parameter(self, state: _State, path: str) -> _Path | None:
        """An org-named parameter of a top-level function that no other unit of the project uses."""
        if state.origin.startswith("!") or not self.is_org_name(state.origin) or not self.is_entry(state.function):
            return None
        name = state.function.rpartition(".")[2]
        line = self.summaries.definitions[state.function]
        note = f"runtime org id: parameter `{state.origin}` of `{name}`, which no code of the project calls"
        return _Path((Hop(path, line, note),), (), state.origin)

    def is_entry(self, function: str) -> bool:
        """A top-level function (not a method) that no other unit uses: what calls it is outside the project."""
        if function not in self.summaries.definitions:
            return False
        module, _, name = function.rpartition(".")
        node = unit_node(module, name)
        graph = self.graph.g
        return node not in graph or not any(data.get("kind") == "use" for _, _, data in graph.in_edges(node, data=True))

    def is_org_name(self, name: str) -> bool:
        normal = name.lower().replace("-", "_").removeprefix("http_").removeprefix("x_")
        return normal in self.org_keys or any(word in ORG_WORDS for word in words(name))

    # -- where to report ----------------------------------------------------------------

    @staticmethod
    def report_at(sink_path: str, sink: ParamFlow, found: _Path) -> tuple[str, Location]:
        """The first call on the path, where the runtime org id enters the code that chooses by it (a builder
        may also be called with MOLECULE_ORG_ID: the builder is not wrong itself); else the choice itself.
        Either is in the tenant function the path starts in."""
        return found.calls[0] if found.calls else (sink_path, sink.loc)


def _function_key(project: Project, written: str, near: str) -> str | None:
    """A callee as the code names it -> the key its flow facts use: "module.func" or "module.Class.method"."""
    parts = written.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = project.index.resolve(".".join(parts[:cut]), near)
        if module is None:
            continue
        rest = parts[cut:]
        if len(rest) > 2:
            return None
        owner = project.canonical(f"{module}.{rest[0]}", near)
        return owner if len(rest) == 1 or owner is None else f"{owner}.{rest[1]}"
    return None
