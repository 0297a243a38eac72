"""The tenant runtime contract (MOL301, MOL302): a tenant knows where the platform is only from
MOLECULE_PLATFORM_URL, and which org it serves only from MOLECULE_ORG_ID.

MOL301 reads tenant files' URL strings and env reads against the platform
services' `urls`. MOL302 links the per-function org-id flows of the analysis core (core/orgflow.py)
into paths from a runtime org id — a value of the request being served, or an org-named parameter of
a function nothing in the project calls — to the choice of a data store, schema or identity, across
functions and modules. A helper whose parameter reaches such a choice is
a store choice for its callers: the finding is where the runtime org id enters it (the first call on
the path, else the choice itself), once a place, with the whole path as its trace.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.config import Config
from molecule_lint.core.orgflow import Choice, Entry, Flows, OrgFlow, shown_state
from molecule_lint.core.values import Unit
from molecule_lint.facts import Definition, EnvRead, FileFacts, Location, ManifestEnv, ManifestService, Ref, UrlLiteral, Var
from molecule_lint.findings import Hop
from molecule_lint.graph import unit_node
from molecule_lint.linker import MAX_HOPS, Project
from molecule_lint.naming import ORG_WORDS, words

CONTRACT_URL_ENV = "MOLECULE_PLATFORM_URL"
# A string that is a URL from its first character: `"https://..."`, `f"{scheme}://..."`. A URL quoted
# inside prose (a help text, an error) is not where code takes its address from.
_URL_START = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*|\{\})://(?P<rest>\S*)")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A gRPC target, as a service's `urls` may give it: `host:port`, no scheme (`controlplane.internal:9443`).
_ADDRESS = re.compile(r"^(?:dns:///?)?(?P<rest>[a-z0-9][a-z0-9.-]*:\d+)$", re.IGNORECASE)

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
            elif (address := _ADDRESS.match(url)) is not None:
                prefixes.append((address.group("rest").lower(), service.name))
            elif _ENV_NAME.match(url) and url != CONTRACT_URL_ENV:
                env[url] = service.name
    return _Platform(tuple(prefixes), env)


@register("platform-location")
def platform_location(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Tenant code that hardcodes a platform URL, or reads one from an env var other than MOLECULE_PLATFORM_URL."""
    platform = _platform(ctx.config)
    if not (platform.prefixes or platform.env):
        return
    project = ctx.project
    tenant = [f for path, f in sorted(project.files.items()) if f.error is None and project.plane_of(path) == "tenant"]
    # URLs tenant code writes: reported where they are written, not again at each read falling back to one
    written = {project.render(fact.value, f.path) for f in tenant for fact in f.facts if isinstance(fact, UrlLiteral)}
    for f in tenant:
        found: dict[int, Violation] = {}  # one finding a line: a settings field may be both at once
        found_in = (*_hardcoded(project, f, platform, written), *_platform_env(project, f, platform), *_configured(f, platform))
        for violation in found_in:
            if violation.loc.line not in found or violation.loc.column < found[violation.loc.line].loc.column:
                found[violation.loc.line] = violation
        yield from (found[line] for line in sorted(found))


def _hardcoded(project: Project, f: FileFacts, platform: _Platform, written: set[str]) -> Iterator[Violation]:
    """URL strings of the platform, wherever the code holds them: a constant, a default, a client's base URL;
    and an env read's fallback naming one that no tenant code writes (a shared `defaults.API_URL`)."""
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
    for fact in f.facts:
        if not isinstance(fact, EnvRead) or not fact.default:
            continue
        url = project.render(fact.default, f.path)
        service = _platform_service(url, platform) if url not in written else None
        if service is not None:
            shown = _short(url)
            what = (
                f"falls back to the platform location `{shown}` (platform service `{service}`) of shared code; "
                f"read it from {CONTRACT_URL_ENV} only"
            )
            hops = (Hop(f.path, fact.loc.line, f"env read falling back to `{shown}`"),)
            yield Violation(f.path, fact.loc, shown, what, hops)
    yield from _handed_constants(project, f, platform)


def _configured(f: FileFacts, platform: _Platform) -> Iterator[Violation]:
    """A platform URL in the service's own config file (`configs/config.yaml`): code reads its address from
    there. A deployment manifest's variables are the runtime's to give (MOLECULE_PLATFORM_URL is one)."""
    if not any(isinstance(fact, ManifestService) and fact.format == "app-config" for fact in f.facts):
        return
    for fact in f.facts:
        if not isinstance(fact, ManifestEnv) or not fact.value:
            continue
        service = _platform_service(fact.value, platform)
        if service is not None:
            shown = _short(fact.value)
            what = (
                f"hardcodes the platform location `{shown}` (platform service `{service}`) in its config file; "
                f"read it from {CONTRACT_URL_ENV}"
            )
            yield Violation(f.path, fact.loc, shown, what, (Hop(f.path, fact.loc.line, f"`{fact.name}: {shown}`"),))


def _handed_constants(project: Project, f: FileFacts, platform: _Platform) -> Iterator[Violation]:
    """A constant of other code holding a platform URL that tenant code hands to a call
    (`platformclient.New(platformclient.DefaultBaseURL)`): the shared code only offers it, the tenant uses it."""
    for summary in project.file_summaries.get(f.path, ()):
        for site in summary.calls:
            for arg in (*site.args, *(value for _, value in site.kwargs)):
                if not isinstance(arg, Var) or arg.kind != "global" or _tenant_constant(project, arg.name, f.path):
                    continue
                url = project.render((Ref(arg.name),), f.path, hole="")
                service = _platform_service(url, platform) if url else None
                if service is not None:
                    shown, constant = _short(url), arg.name.rsplit("/", 1)[-1]
                    what = (
                        f"hands the platform location `{shown}` (platform service `{service}`) of `{constant}` "
                        f"to a call; read it from {CONTRACT_URL_ENV}"
                    )
                    hops = (Hop(f.path, site.loc.line, f"`{constant}` is `{shown}`"),)
                    yield Violation(f.path, site.loc, shown, what, hops)


def _tenant_constant(project: Project, name: str, near: str) -> bool:
    """Is the constant tenant code's own (its URL strings are reported where they are written)?"""
    canonical = project.canonical(name, near) or name
    return project.module_plane(canonical.rpartition(".")[0]) == "tenant"


def _platform_service(url: str, platform: _Platform) -> str | None:
    """The platform service a URL string addresses: its address starts with one of the service's URLs."""
    match = _ADDRESS.match(url.strip()) or _URL_START.match(url)  # a gRPC target, or a URL
    if match is None:
        return None
    rest = match.group("rest").lower()
    for prefix, service in platform.prefixes:
        if rest.startswith(prefix) and (len(rest) == len(prefix) or rest[len(prefix)] in "/?#"):
            return service
    return None


def _platform_env(project: Project, f: FileFacts, platform: _Platform) -> Iterator[Violation]:
    """Env reads of a platform address: written here, or through a helper or a constant of another module
    (`config.Getenv(config.EnvAPI, "")`), then the trace runs to the name."""
    reads: list[tuple[EnvRead, tuple[Hop, ...]]] = [(fact, ()) for fact in f.facts if isinstance(fact, EnvRead)]
    if platform.env and f.path in project.file_summaries:
        hits = project.sinks().file_hits(f.module, project.file_summaries[f.path])
        reads += [(hit.fact, hit.hops) for hit in hits if isinstance(hit.fact, EnvRead)]
    for fact, hops in reads:
        name = project.render(fact.name, f.path)
        service = platform.env.get(name)
        if service is not None and not _read_on_the_way(project, hops, name):
            what = (
                f"reads the platform location from `{name}` (an address of platform service `{service}`), "
                f"not {CONTRACT_URL_ENV}"
            )
            yield Violation(f.path, fact.loc, name, what, (Hop(f.path, fact.loc.line, f"reads env `{name}`"), *hops))


def _read_on_the_way(project: Project, hops: tuple[Hop, ...], name: str) -> bool:
    """A value read from the variable elsewhere and used here (`post(settings.HOOK_URL)`): reported where it is read."""
    for hop in hops:
        facts = project.files[hop.path].facts if hop.path in project.files else ()
        if any(isinstance(x, EnvRead) and x.loc.line == hop.line and project.render(x.name, hop.path) == name for x in facts):
            return True
    return False


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

_SOURCE_WORDS = {
    "path": "path parameter", "query": "query parameter", "body": "body field", "claims": "token claim",
    "host": "request host", "user": "signed-in user's field", "message": "message argument",
}  # fmt: skip
_HOST_HEADERS = frozenset({"host", "forwarded_host"})  # normalised as is_org_name does
_STATE = "state"


@dataclass(frozen=True, slots=True)
class _State:
    """A value inside a function: the origin it is (a parameter's name, or an entry's "!n"), in the
    function's flows for the parameters ``params``."""

    function: Unit
    params: frozenset[str]
    origin: str


@dataclass(frozen=True, slots=True)
class _Path:
    """How a runtime org id got to a state: the trace so far, and the calls on the way (file, location)."""

    hops: tuple[Hop, ...]
    calls: tuple[tuple[str, Location], ...]
    name: str  # the header, parameter or field the org id was read by
    stored: bool = False  # read back from per-request state it was stored in


# reported where the org id's path starts (_OrgFlows)
@register("runtime-org-choice", reports_in=frozenset({"tenant"}), apart_after=("graph",))
def runtime_org_choice(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """Tenant code choosing a data store, schema or identity by a runtime org id, found along the calls."""
    flows = _OrgFlows(ctx)
    reported: set[tuple[str, int]] = set()  # one a line: `engines[org]` is both a lookup and a connection
    for sink_path, sink, found in flows.reached():
        place = found.calls[0] if found.calls else (sink_path, sink.loc)
        if (place[0], place[1].line) in reported:
            continue
        reported.add((place[0], place[1].line))
        what = _what(sink, found, handed_on=bool(found.calls))
        yield Violation(place[0], place[1], found.name, what, found.hops)


def _what(sink: Choice, found: _Path, handed_on: bool) -> str:
    chosen = _SINK_WORDS[sink.kind]
    source = found.hops[0].note.removeprefix("runtime org id: ")
    if handed_on:
        return f"hands a runtime org id ({source}) to code that chooses {chosen} by it, not MOLECULE_ORG_ID"
    return f"chooses {chosen} by a runtime org id ({source}), not MOLECULE_ORG_ID"


class _OrgFlows:
    """Paths from runtime org ids to store choices, found breadth first: each choice by its shortest path.

    The finding is at the first call on the path, where the runtime org id enters the code that chooses by
    it (a builder may also be called with MOLECULE_ORG_ID: the builder is not wrong itself); else at the
    choice itself. Either is in the tenant function the path starts in."""

    def __init__(self, ctx: CheckContext) -> None:
        self.project = ctx.project
        self.graph = ctx.graph
        self.org_keys = frozenset(key.lower() for key in ctx.config.org_keys)
        self.core = OrgFlow(ctx.project)
        self.stored: dict[str, _Path] = {}  # per-request state -> how a runtime org id got stored in it
        self.definitions = {
            f"{f.module}.{fact.name}": fact.loc.line
            for f in ctx.project.files.values()
            for fact in f.facts
            if isinstance(fact, Definition) and fact.kind == "function"
        }

    def reached(self) -> Iterator[tuple[str, Choice, _Path]]:
        """(file, choice, path to it) for every store choice a runtime org id reaches: from the request and
        from entry points first, then from the per-request state (a thread-local, a ContextVar) those
        stored it in, read back elsewhere."""
        yield from self.search(self.starts(states=False))
        yield from self.search(self.starts(states=True))

    def search(self, starts: Iterator[tuple[_State, _Path]]) -> Iterator[tuple[str, Choice, _Path]]:
        queue: deque[tuple[_State, _Path]] = deque(starts)
        # A state once for each place a path enters it from: two handlers handing their org ids to one
        # builder are two findings.
        seen: set[tuple[_State, tuple[str, Location] | None]] = set()
        while queue:
            state, found = queue.popleft()
            key = (state, found.calls[0] if found.calls else None)
            if key in seen:
                continue
            seen.add(key)
            flows = self.core.of(state.function, state.params)
            path = self.core.path(state.function)
            for sink in flows.choices.get(state.origin, ()):
                reached = replace(found, hops=(*found.hops, Hop(path, sink.loc.line, sink.note)))
                if sink.kind == _STATE:
                    self.stored.setdefault(sink.state, reached)
                elif sink.kind != "return":
                    yield path, sink, reached
            if len(found.calls) >= MAX_HOPS:
                continue
            for passed in flows.handoffs.get(state.origin, ()):
                following = _State(passed.callee, frozenset({passed.param}), passed.param)
                if (following, found.calls[0] if found.calls else (path, passed.loc)) not in seen:
                    hop = Hop(path, passed.loc.line, f"passes it to {passed.note}")
                    queue.append((following, _Path((*found.hops, hop), (*found.calls, (path, passed.loc)), found.name)))

    # -- where org ids enter ----------------------------------------------------------

    def starts(self, states: bool) -> Iterator[tuple[_State, _Path]]:
        """Runtime org ids in tenant code: request values named like an org id, values of getters returning
        one, and org-named parameters of functions nothing in the project calls (handlers, tasks, CLIs);
        with ``states``, reads of per-request state a runtime org id was stored in, and only those."""
        for module, units in sorted(self.project.summaries.items()):
            for name, summary in sorted(units.items()):
                unit = Unit(module, name)
                path = self.core.path(unit)
                if summary.kind != "function" or self.project.plane_of(path) != "tenant":
                    continue
                entry = self.is_entry(f"{module}.{name}")
                params = frozenset(p.name for p in summary.params if entry and self.is_org_name(p.name))
                flows = self.core.of(unit, params)
                for origin in sorted({*flows.choices, *flows.handoffs}):
                    found = self.entry(unit, flows, origin, frozenset()) if origin in flows.entries else None
                    if origin in params:
                        found = self.parameter(unit, origin, path)
                    if found is not None and found.stored == states:
                        yield _State(unit, params, origin), found

    def entry(self, unit: Unit, flows: Flows, origin: str, getters: frozenset[Unit]) -> _Path | None:
        """A request value named like an org id, or what a getter returning one returned."""
        entry = flows.entries[origin]
        path = self.core.path(unit)
        if entry.kind == _STATE:
            stored = self.stored.get(entry.name)
            hop = Hop(path, entry.line, f"reads it back from `{shown_state(entry.name)}`")
            return _Path((*stored.hops, hop), (), stored.name, stored=True) if stored is not None else None
        if entry.getter is None:
            if not self.is_org_name(entry.name) and not _is_host(entry):
                return None
            kind = _SOURCE_WORDS.get(entry.kind, entry.kind)
            what = f"{kind} `{entry.name}`" if entry.name else kind
            return _Path((Hop(path, entry.line, f"runtime org id: {what}"),), (), entry.name)
        returned = self.returned(entry.getter, getters)
        if returned is None:
            return None
        hop = Hop(path, entry.line, f"takes it from `{entry.name.rpartition('.')[2]}`")
        return replace(returned, hops=(*returned.hops, hop))

    def returned(self, getter: Unit, getters: frozenset[Unit]) -> _Path | None:
        """The org id a getter returns (`current_org(request)`, a FastAPI dependency), if it returns one."""
        if getter in getters or len(getters) >= MAX_HOPS:
            return None
        flows = self.core.of(getter, frozenset())
        for origin, choices in sorted(flows.choices.items()):
            for choice in choices:
                found = self.entry(getter, flows, origin, getters | {getter}) if choice.kind == "return" else None
                if found is not None:
                    hop = Hop(self.core.path(getter), choice.loc.line, "returns it")
                    return replace(found, hops=(*found.hops, hop))
        return None

    def parameter(self, unit: Unit, origin: str, path: str) -> _Path:
        """An org-named parameter of a top-level function that no other unit of the project uses."""
        line = self.definitions[f"{unit.module}.{unit.name}"]
        note = f"runtime org id: parameter `{origin}` of `{unit.name}`, which no code of the project calls"
        return _Path((Hop(path, line, note),), (), origin)

    def is_entry(self, function: str) -> bool:
        """A top-level function (not a method) that no other unit uses: what calls it is outside the project."""
        if function not in self.definitions:
            return False
        module, _, name = function.rpartition(".")
        node = unit_node(module, name)
        graph = self.graph.g
        return node not in graph or not any(data.get("kind") == "use" for _, _, data in graph.in_edges(node, data=True))

    def is_org_name(self, name: str) -> bool:
        return _normal(name) in self.org_keys or any(word in ORG_WORDS for word in words(name))


def _normal(name: str) -> str:
    """A request value's name as code and headers spell it alike: `X-Org-Id`, `HTTP_X_ORG_ID` -> `org_id`."""
    return name.lower().replace("-", "_").removeprefix("http_").removeprefix("x_")


def _is_host(entry: Entry) -> bool:
    """The host the request was sent to (`request.get_host()`, a Host header): where orgs are routed by
    subdomain, it names the org."""
    return entry.kind == "host" or (entry.kind == "header" and _normal(entry.name) in _HOST_HEADERS)
