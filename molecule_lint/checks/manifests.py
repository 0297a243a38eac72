"""MOL401/MOL402: where deployment manifests point platform and tenant services.

The manifests are already linked to services (deployments.py); this is the
policy. Evidence never quotes an env value: it may be a credential.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from fnmatch import fnmatchcase
from typing import Any

from molecule_lint.checks import CheckContext, Violation, register
from molecule_lint.deployments import STRUCTURAL_LINKS, Deployed, Env, Host, Link
from molecule_lint.findings import Hop


@register("platform-deployment")
def platform_deployment(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """A platform service's manifest gives it a tenant data-store location or ties it to a tenant store."""
    deployments = ctx.deployments
    tenant_namespaces = _namespaces(ctx, "tenant")
    is_location = _Locations(ctx, params["location_vars"], params["location_schemes"])
    found: list[Violation] = []
    for env in deployments.envs:
        if not _checked(env.deployed, "platform"):
            continue
        tenant = _tenant_variable(ctx, env) or _tenant_store(ctx, env, deployments.host(env), tenant_namespaces, is_location(env))
        if tenant is not None:
            found.append(_env_violation(env, *tenant))
    for link in deployments.links:
        target = link.target
        if (
            _checked(link.deployed, "platform")
            and link.fact.kind in STRUCTURAL_LINKS
            and target is not None
            and target.plane in ("tenant", "mixed")
            and deployments.is_store(target)
        ):
            what = f"{_LINK_VERB[link.fact.kind]} {_tenant_store_words(ctx, target)}"
            found.append(_link_violation(link, target.name, what))
    yield from _one_per_line(found)


@register("tenant-deployment")
def tenant_deployment(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Violation]:
    """A tenant service's manifest points its data stores at a platform or multi-org host."""
    deployments = ctx.deployments
    is_location = _Locations(ctx, params["location_vars"], params["location_schemes"])
    platform = _PlatformHosts(ctx, is_location)
    found: list[Violation] = []
    for env in deployments.envs:
        if not _checked(env.deployed, "tenant") or not is_location(env):
            continue
        host = deployments.host(env)
        if host is None:
            continue
        where = _misplaced(ctx, host, params["shared_words"])
        seen: tuple[Hop, ...] = ()
        # A store no configured service is takes its plane from its users: the tenant's own use of a Redis
        # that runs in the platform's namespace does not make it the tenant's.
        if where is None and (host.plane is None or host.deployed is not None and host.deployed.service is None):
            where, seen = platform.explain(host.name)
        if where is not None:
            note = f"{env.name} -> host `{host.name}`"
            found.append(_env_violation(env, host.name, f"points `{env.name}` at {where}", note, seen))
    for link in deployments.links:
        target = link.target
        if (
            _checked(link.deployed, "tenant")
            and link.fact.kind == "database"
            and target is not None
            and target.plane in ("platform", "mixed")
        ):
            found.append(_link_violation(link, target.name, f"takes its database from {_platform_store_words(ctx, target)}"))
    yield from _one_per_line(found)


_LINK_VERB = {"depends_on": "depends on", "link": "is linked to", "database": "takes its database from"}


def _checked(deployed: Deployed, plane: str) -> bool:
    """Only manifest services mapped to a configured service of the plane are judged (others are warned about)."""
    return deployed.service is not None and deployed.plane == plane


def _tenant_variable(ctx: CheckContext, env: Env) -> tuple[str, str, str] | None:
    """(target, what, evidence) when the variable, or one its value is interpolated from, is tenant data env."""
    if ctx.catalog.is_tenant_env(env.name):
        return env.name, f"is deployed with tenant data-store variable `{env.name}`", f"gets {env.name}"
    source = next((v for v in env.variables if ctx.catalog.is_tenant_env(v)), None)
    if source is None:
        return None
    what = f"is deployed with `{env.name}` taken from tenant data-store variable `{source}`"
    return source, what, f"{env.name} <- ${{{source}}}"


def _tenant_store(
    ctx: CheckContext, env: Env, host: Host | None, tenant_namespaces: frozenset[str], location: bool
) -> tuple[str, str, str] | None:
    """(target, what, evidence) when the value points at a tenant data store: a store on the tenant side, or a
    data-store location (a DSN, a `*_REDIS_URL`) whose host is the tenant's. A tenant application's URL is none:
    the platform knows tenant hosts to provision and probe them; calling their data endpoints is MOL103."""
    if host is None:
        return None
    if host.plane is None and location and (namespace := _namespace_of(host.name)) in tenant_namespaces:
        where = f"host `{host.name}` in tenant namespace `{namespace}`"
    elif host.plane not in ("tenant", "mixed") or not (host.store or location):
        return None
    elif host.plane == "mixed" and host.deployed is not None:
        where = _tenant_store_words(ctx, host.deployed)
    else:
        where = f"tenant {host.label}"
    return host.name, f"is deployed with `{env.name}` pointing at {where}", f"{env.name} -> host `{host.name}`"


class _PlatformHosts:
    """What the platform's own manifests say its stores are: the hosts its data-store variables point at
    (ones no manifest declares: managed stores, a subchart's Redis) and the Kubernetes namespaces only
    platform workloads run in. A tenant data-store variable's host is no platform store: that line is the
    platform holding a tenant store (MOL401), and the tenant pointing at the same host is in its place."""

    def __init__(self, ctx: CheckContext, is_location: _Locations) -> None:
        self.hosts: dict[str, Env] = {}
        tenant_namespaces = _namespaces(ctx, "tenant")  # a host there is the tenant's, whoever else points at it
        for env in ctx.deployments.envs:
            if _checked(env.deployed, "platform") and is_location(env) and _tenant_variable(ctx, env) is None:
                host = ctx.deployments.host(env)
                if (
                    host is not None
                    and host.deployed is None
                    and _specific(host.name)
                    and _namespace_of(host.name) not in tenant_namespaces
                ):
                    self.hosts.setdefault(host.name, env)
        self.namespaces = _namespaces(ctx, "platform")

    def explain(self, host: str) -> tuple[str | None, tuple[Hop, ...]]:
        """Why ``host`` is the platform's (and the platform manifest line that shows it), or (None, ())."""
        env = self.hosts.get(host)
        if env is not None:
            where = f"host `{host}`, the platform's own store (`{env.deployed.service}` {env.name})"
            return where, (Hop(env.path, env.loc.line, f"`{env.deployed.name}` {env.name} -> host `{host}`"),)
        namespace = _namespace_of(host)
        if namespace in self.namespaces:
            return f"host `{host}` in the platform's namespace `{namespace}`", ()
        return None, ()


def _namespaces(ctx: CheckContext, plane: str) -> frozenset[str]:
    """The Kubernetes namespaces in which only configured services of ``plane`` run."""
    planes: dict[str, set[str | None]] = defaultdict(set)
    for deployed in ctx.deployments.deployed:
        if deployed.fact.namespace is not None and deployed.service is not None:
            planes[deployed.fact.namespace].add(deployed.plane)
    return frozenset(namespace for namespace, found in planes.items() if found == {plane})


def _namespace_of(host: str) -> str | None:
    """`pg.tenant-acme.svc.cluster.local` -> "tenant-acme"."""
    labels = host.split(".")
    return labels[1] if len(labels) > 2 and labels[2] == "svc" else None


# Hosts that name no particular machine: loopback, the Docker host, documentation placeholders.
_UNSPECIFIC = re.compile(
    r"(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|host\.docker\.internal|(?:.*\.)?example(?:\.[a-z]+)?"
    r"|.*\.(?:test|invalid|localhost))"
)


def _specific(host: str) -> bool:
    """A host one store answers at: a dotted name that is no placeholder (a bare `redis` is per stack)."""
    return "." in host and not _UNSPECIFIC.fullmatch(host)


def _misplaced(ctx: CheckContext, host: Host, shared_words: list[str]) -> str | None:
    """What is wrong with a tenant store living at ``host``, if anything."""
    if host.plane == "platform":
        return f"platform {host.label}"
    if host.plane == "mixed" and host.deployed is not None:
        return _platform_store_words(ctx, host.deployed)
    if host.plane is None and _is_shared(ctx, host.name, shared_words):
        return f"shared multi-org host `{host.name}`"
    return None


def _is_shared(ctx: CheckContext, host: str, words: list[str]) -> bool:
    tokens = host.replace("_", "-").replace(".", "-")
    padded = f"-{tokens}-"
    return any(f"-{word}-" in padded for word in words) or any(fnmatchcase(host, p) for p in ctx.config.shared_hosts)


class _Locations:
    """Whether a variable holds a data-store location: `tenant_data.env`, a name like one (the rule's
    `location_vars`), or a value that is a URL of a data-store scheme (`location_schemes`)."""

    def __init__(self, ctx: CheckContext, names: list[str], schemes: list[str]) -> None:
        self.ctx, self.names, self.schemes = ctx, names, schemes

    def __call__(self, env: Env) -> bool:
        if self.ctx.catalog.is_tenant_env(env.name) or any(fnmatchcase(env.name.upper(), p) for p in self.names):
            return True
        scheme = _SCHEME.match(env.value.strip()) if env.value else None
        return scheme is not None and any(fnmatchcase(scheme.group(1).lower(), p) for p in self.schemes)


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def _users(ctx: CheckContext, store: Deployed, plane: str) -> str:
    planes = ctx.project.services.planes
    return ", ".join(f"`{u}`" for u in sorted(store.users) if planes.get(u) == plane)


def _tenant_store_words(ctx: CheckContext, store: Deployed) -> str:
    """A store seen from the platform: the tenant's, or shared with tenant services (reported on both sides)."""
    if store.plane == "mixed":
        return f"store `{store.name}`, which tenant services use too ({_users(ctx, store, 'tenant')})"
    return f"tenant data store `{store.service or store.name}`"


def _platform_store_words(ctx: CheckContext, store: Deployed) -> str:
    if store.plane == "mixed":
        return f"store `{store.name}`, which platform services use too ({_users(ctx, store, 'platform')})"
    return f"platform store `{store.name}`"


def _env_violation(env: Env, target: str, what: str, note: str, seen: tuple[Hop, ...] = ()) -> Violation:
    hops = (Hop(env.path, env.loc.line, f"`{env.deployed.name}` {note}"), *env.via, *seen)
    return Violation(env.path, env.loc, target, what + env.deployed.describe(), hops, env.deployed.service)


def _link_violation(link: Link, target: str, what: str) -> Violation:
    note = f"`{link.deployed.name}` {link.fact.kind} `{link.fact.target}`"
    hop = Hop(link.path, link.fact.loc.line, note)
    return Violation(link.path, link.fact.loc, target, what + link.deployed.describe(), (hop,), link.deployed.service)


def _one_per_line(found: list[Violation]) -> Iterator[Violation]:
    """One finding per line and service: `X=$TENANT_DATABASE_URL` both names and reads the tenant variable."""
    seen: set[tuple[str, int, str | None]] = set()
    for violation in found:
        key = (violation.path, violation.loc.line, violation.service)
        if key not in seen:
            seen.add(key)
            yield violation
