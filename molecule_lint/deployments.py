"""Deployment manifests linked to the configured services.

Each service a manifest declares (a compose service, a Kubernetes workload,
a Render service, a Railway folder, a deploy job, a dotenv file) is mapped to
a configured service — by name (`-`/`_` alike), else by the folder it is
built from, else by where the manifest file stands — and takes that
service's plane. A data store that maps to none (`image: postgres:16`) takes
the plane of the services that use it. Its environment is then resolved
across files: `env_file`s, and Kubernetes ConfigMap/Secret references.

Manifest names resolve like the platform does: compose and Render names
within their own file, Kubernetes names across all Kubernetes files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from molecule_lint.compose_projects import ComposeProjects
from molecule_lint.config import Service
from molecule_lint.facts import FileFacts, Location, ManifestData, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.findings import Hop
from molecule_lint.frontends.manifests import ansible
from molecule_lint.frontends.manifests.kinds import chart_folder
from molecule_lint.frontends.manifests.terraform import DEFAULT, REF_PREFIX, TEMPLATE_VARIABLE, TFVARS, module_of
from molecule_lint.placeholders import Known, resolutions

if TYPE_CHECKING:
    from molecule_lint.linker import Project

# Images of data stores: a service running one is a store, whoever uses it.
_STORE_IMAGE = re.compile(r"(postgres|postgis|pgvector|timescaledb|redis|valkey|keydb|dragonfly|mysql|mariadb|mongo)")
# Links that make the target part of the source's stack (an env value only points at it).
STRUCTURAL_LINKS = frozenset({"depends_on", "link", "database"})
# How deep `extends` chains are followed (a cycle stops there).
_MAX_EXTENDS = 8
# Formats whose services address each other by cluster DNS name.
_CLUSTER_FORMATS = frozenset({"kubernetes", "helm"})
_DSN_HOST = re.compile(r"(?:^|\s)host=([^\s]+)")
_QUALIFIED_NAME = re.compile(r"[A-Za-z0-9][-_][A-Za-z0-9]")  # `workspace-redis`, not a bare `redis`
_BARE_HOST = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.-]*)(?::\d+)?$")


@dataclass(eq=False)
class Deployed:
    """One service of one manifest file, and what it is to the project."""

    path: str
    fact: ManifestService
    service: str | None = None  # the configured service it maps to
    plane: str | None = None  # that service's plane; for a store, its users' ("mixed" when both planes use it)
    users: set[str] = field(default_factory=set)  # configured services that use this store
    declared: bool = False  # its users declare it (depends_on, links, a tenant-data variable), not only name it

    @property
    def name(self) -> str:
        return self.fact.service

    def describe(self) -> str:
        """How a finding names it, when the manifest's name is not the configured one."""
        same = self.service is not None and _normal(self.name) == _normal(self.service)
        return "" if same else f" (as {self.fact.format} service `{self.name}` in {self.path})"


@dataclass(frozen=True, slots=True)
class Env:
    """A variable a deployed service receives, where it is written, and how it got there."""

    deployed: Deployed
    path: str
    loc: Location
    name: str
    value: str | None
    variables: tuple[str, ...]
    via: tuple[Hop, ...] = ()  # the env_file / envFrom / secretKeyRef hops after the first


@dataclass(frozen=True, slots=True)
class Link:
    deployed: Deployed
    path: str
    fact: ManifestLink
    target: Deployed | None  # None: it names nothing the manifests declare


@dataclass(frozen=True, slots=True)
class Host:
    """What a host in an env value is."""

    name: str
    plane: str | None  # "platform" | "tenant" | "mixed" (a store both use) | "shared" | None (unknown)
    label: str  # for messages, e.g. "store `tenant-db`"
    deployed: Deployed | None = None
    store: bool = False  # a data store (by image, or a configured service like the memory plugin), not an application


class Deployments:
    """All manifest services of a run, mapped, with their resolved environment and links."""

    def __init__(self, project: Project) -> None:
        self.project = project
        manifests = sorted(
            (f for f in project.files.values() if f.language == "manifest" and f.error is None), key=lambda f: f.path
        )
        self._env_file_users: dict[str, list[tuple[str, ManifestLink]]] = defaultdict(list)
        for f in manifests:
            for link in _facts(f, ManifestLink):
                if link.kind == "env_file":
                    self._env_file_users[link.target].append((f.path, link))
        generated = {link.target: link for f in manifests for link in _facts(f, ManifestLink) if link.kind == "generator-env"}
        # A dotenv file some service loads (or a Kustomize generator reads) is that one's environment, not a
        # service of its own; a Terraform template is the environment of the resource that fills it.
        self.deployed = [
            Deployed(f.path, fact)
            for f in manifests
            for fact in _facts(f, ManifestService)
            if not (fact.format == "dotenv" and (f.path in self._env_file_users or f.path in generated))
            and fact.format != "terraform-template"
        ]
        self._by_file: dict[tuple[str, str], Deployed] = {(d.path, d.name): d for d in self.deployed}
        self._compose = ComposeProjects(
            {f.path for f in manifests if any(isinstance(x, ManifestService) and x.format == "compose" for x in f.facts)},
            [(f.path, link.target) for f in manifests for link in _facts(f, ManifestLink) if link.kind == "include"],
        )
        self._extends = {
            child: (base, link)
            for f in manifests
            for link in _facts(f, ManifestLink)
            if link.kind == "extends"
            and (child := self._by_file.get((f.path, link.service))) is not None
            and (base := self._by_file.get(_extended(link.target))) is not None
        }
        self._kubernetes: dict[str, list[Deployed]] = defaultdict(list)
        for deployed in self.deployed:
            if deployed.fact.format in _CLUSTER_FORMATS:
                self._kubernetes[deployed.name].append(deployed)
        self._data: dict[tuple[str, str], list[tuple[str, ManifestData]]] = defaultdict(list)
        for f in manifests:
            for data in _facts(f, ManifestData):
                self._data[(data.kind, data.name)].append((f.path, data))
            if f.path in generated:  # a ConfigMap/Secret generator's `envs` file: its variables are the data
                kind, _, name = generated[f.path].service.partition("/")
                for env in _facts(f, ManifestEnv):
                    self._data[(kind, name)].append((f.path, ManifestData(env.loc, kind, name, env.name, env.value)))
        self._names = {_normal(s.name): s.name for s in project.config.services}
        self._url_hosts = {
            host: service for service in project.config.services for url in service.urls if (host := host_of("", url))
        }
        for deployed in self.deployed:
            self._map(deployed)
        for deployed in self.deployed:
            self._map_as_peer(deployed)
        self.envs: list[Env] = [env for f in manifests for env in self._envs(f)]
        self.envs += self._inherited()
        self.links: list[Link] = [
            Link(d, f.path, link, self._resolve(link.target, d))
            for f in manifests
            for link in _facts(f, ManifestLink)
            if (d := self._by_file.get((f.path, link.service))) is not None
        ]
        self._plane_stores()
        self.warnings = sorted(self._unmapped_warnings()) + sorted(self._unread_env_files())

    # -- mapping -------------------------------------------------------------

    def _map(self, deployed: Deployed) -> None:
        fact = deployed.fact
        service = self._names.get(_normal(fact.service))
        build = fact.build or self._base_build(deployed)
        if service is None and build not in (None, "."):
            service = self.project.service_of(f"{build}/") or self.project.service_of(f"{build}/Dockerfile")
        if service is None and fact.runs is not None:
            service = self._module_service(fact.runs, deployed.path)  # a unit named for the job it runs
        if service is None and not self.is_store(deployed):
            service = self.project.service_of(deployed.path)  # a railway.toml inside controlplane/ is controlplane's
        deployed.service = service
        deployed.plane = self.project.services.planes.get(service) if service else None

    def _module_service(self, module: str, near: str) -> str | None:
        """The service of a Python module a command runs: where the module index finds it, else its dotted name
        read as a path from the root (a module the prefilter left unparsed is in no index)."""
        canonical = self.project.index.resolve(module, near)
        path = self.project.index.paths.get(canonical, "") if canonical else ""
        return self.project.service_of(path or module.replace(".", "/") + ".py")

    def _base_build(self, deployed: Deployed, depth: int = 0) -> str | None:
        """The folder a compose service is built from when it `extends` a service that says so."""
        base = self._extends.get(deployed)
        if base is None or depth > _MAX_EXTENDS:
            return None
        return base[0].fact.build or self._base_build(base[0], depth + 1)

    def _map_as_peer(self, deployed: Deployed) -> None:
        """A compose service an override or included file only adjusts (`ports:`) is the same-named one
        of its project: the one that says what it runs."""
        if deployed.service is not None or deployed.fact.format != "compose":
            return
        for path in self._compose.files(deployed.path)[1:]:
            peer = self._by_file.get((path, deployed.name))
            if peer is not None and peer.service is not None:
                deployed.service, deployed.plane = peer.service, peer.plane
                return

    def _inherited(self) -> list[Env]:
        """The environment a compose service takes from the service it `extends` (its own entries win)."""
        own: dict[Deployed, list[Env]] = defaultdict(list)
        for env in self.envs:
            own[env.deployed].append(env)
        inherited: list[Env] = []
        for child in sorted(self._extends, key=lambda d: (d.path, d.fact.loc.line)):
            names = {env.name for env in own[child]}
            current, depth = child, 0
            while (step := self._extends.get(current)) is not None and depth <= _MAX_EXTENDS:
                base, link = step
                hop = Hop(current.path, link.loc.line, f"`{current.name}` extends `{base.name}` ({base.path})")
                for env in own[base]:
                    if env.name not in names:
                        names.add(env.name)
                        inherited.append(Env(child, env.path, env.loc, env.name, env.value, env.variables, (hop, *env.via)))
                current, depth = base, depth + 1
        return inherited

    def is_store(self, deployed: Deployed) -> bool:
        """A data store: by its image, or a configured service other code finds through a tenant-data env var
        (the memory plugin: `urls: [MEMORY_PLUGIN_URL]`). Before mapping, only the image can tell."""
        image = (deployed.fact.image or "").rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0].lower()
        return bool(_STORE_IMAGE.search(image)) or self._store_service(deployed.service)

    def _store_service(self, service: str | None) -> bool:
        urls = next((s.urls for s in self.project.config.services if s.name == service), ())
        return any(self.project.catalog.is_tenant_env(url) for url in urls if "://" not in url)

    def _plane_stores(self) -> None:
        """Unmapped services take the plane of the mapped ones that use them, "mixed" when both planes do.

        A depends_on (or link, or Render `fromDatabase`) says whose stack a store is part of; only when no
        service declares one do env values pointing at it decide.
        """
        structural: dict[Deployed, set[str]] = defaultdict(set)
        referenced: dict[Deployed, set[str]] = defaultdict(set)
        for link in self.links:
            if link.fact.kind in STRUCTURAL_LINKS and link.target is not None and link.target.service is None:
                self._use(structural, link.target, link.deployed)
        for env in self.envs:
            host = self._host_deployed(env)
            if host is not None and host.service is None:
                self._use(referenced, host, env.deployed)
                host.declared |= self.project.catalog.is_tenant_env(env.name)
        for store in self.deployed:
            if store.service is None:
                planes = structural.get(store) or referenced.get(store) or set()
                store.declared |= store in structural
                store.plane = "mixed" if len(planes) > 1 else next(iter(planes), None)

    def _use(self, uses: dict[Deployed, set[str]], store: Deployed, user: Deployed) -> None:
        if user.service is not None and user.plane in ("platform", "tenant"):
            uses[store].add(user.plane)
            store.users.add(user.service)

    # -- environment ---------------------------------------------------------

    def _envs(self, f: FileFacts) -> Iterator[Env]:
        loaders = [
            (deployed, Hop(path, link.loc.line, f"`{link.service}` loads env_file {f.path}"))
            for path, link in self._env_file_users.get(f.path, [])
            if (deployed := self._by_file.get((path, link.service))) is not None
        ]
        for fact in f.facts:
            deployed = self._by_file.get((f.path, fact.service)) if isinstance(fact, ManifestEnv | ManifestLink) else None
            if isinstance(fact, ManifestEnv) and f.path in self._env_file_users:
                for loader, hop in loaders:
                    yield Env(loader, f.path, fact.loc, fact.name, fact.value, fact.variables, (hop,))
            elif isinstance(fact, ManifestEnv) and deployed is not None and (fact.ref or "").startswith("HelmValues/"):
                yield from self._helm_env(deployed, f.path, fact)
            elif isinstance(fact, ManifestEnv) and deployed is not None and (fact.ref or "").startswith(REF_PREFIX):
                yield from self._terraform_env(deployed, f.path, fact)
            elif isinstance(fact, ManifestEnv) and deployed is not None and (fact.ref or "").startswith(ansible.REF_PREFIX):
                yield from self._ansible_env(deployed, f.path, fact)
            elif isinstance(fact, ManifestEnv) and deployed is not None:
                yield self._env(deployed, f.path, fact)
            elif isinstance(fact, ManifestLink) and fact.kind in ("configmap", "secret") and deployed is not None:
                yield from self._env_from(deployed, f.path, fact)
            elif isinstance(fact, ManifestLink) and fact.kind == "helm-env" and deployed is not None:
                yield from self._helm_env_block(deployed, f.path, fact)
            elif isinstance(fact, ManifestLink) and fact.kind == "templatefile" and deployed is not None:
                yield from self._template_envs(deployed, f.path, fact)

    def _env(self, deployed: Deployed, path: str, fact: ManifestEnv) -> Env:
        if fact.ref is None:
            return Env(deployed, path, fact.loc, fact.name, fact.value, fact.variables)
        # The value is the ConfigMap/Secret key's, whatever the variable is called here: like `${KEY}`.
        kind, name, key = fact.ref.split("/", 2)
        for data_path, data in self._data_of(kind, name, path):
            if data.key == key:
                hop = Hop(data_path, data.loc.line, f"{kind} `{name}` key `{key}`")
                return Env(deployed, path, fact.loc, fact.name, data.value, (key,), (hop,))
        return Env(deployed, path, fact.loc, fact.name, None, (key,))  # defined outside the manifests we read

    def _env_from(self, deployed: Deployed, path: str, link: ManifestLink) -> Iterator[Env]:
        kind = "Secret" if link.kind == "secret" else "ConfigMap"
        for data_path, data in self._data_of(kind, link.target, path):
            hop = Hop(data_path, data.loc.line, f"{kind} `{link.target}` key `{data.key}`")
            yield Env(deployed, path, link.loc, data.key, data.value, (), (hop,))

    def _helm_env(self, deployed: Deployed, path: str, fact: ManifestEnv) -> Iterator[Env]:
        """A template's `{{ .Values.k }}` env: one Env per values file setting k (values.yaml and each
        environment's values-*.yaml), at the values line; else the template's `default`; else unknown."""
        key = (fact.ref or "").partition("/")[2]
        hop = Hop(path, fact.loc.line, f"`{deployed.name}` takes {fact.name} from .Values.{key}")
        chart = chart_folder(path) or ""
        found = [item for item in self._data.get(("HelmValues", chart), []) if item[1].key == key]
        found = found or [item for item in self._data.get(("HelmDefault", chart), []) if item[1].key == key]
        for data_path, data in found:
            value = (fact.value or "{{}}").replace("{{}}", data.value or "")
            yield Env(deployed, data_path, data.loc, fact.name, value, (), (hop,) if data_path != path else ())
        if not found:
            yield Env(deployed, path, fact.loc, fact.name, None, ())

    def _helm_env_block(self, deployed: Deployed, path: str, link: ManifestLink) -> Iterator[Env]:
        """An env filled from a values key wholesale: a map of NAME: value, or a list of {name, value}."""
        hop = Hop(path, link.loc.line, f"`{deployed.name}` takes its env from .Values.{link.target}")
        prefix = f"{link.target}."
        by_file: dict[str, dict[str, ManifestData]] = defaultdict(dict)
        for data_path, data in self._data.get(("HelmValues", chart_folder(path) or ""), []):
            if data.key.startswith(prefix):
                by_file[data_path][data.key[len(prefix) :]] = data
        for data_path, entries in sorted(by_file.items()):
            for rest, data in entries.items():
                item, _, field_name = rest.partition(".")
                if not field_name:  # the map form
                    yield Env(deployed, data_path, data.loc, item, data.value, (), (hop,))
                elif field_name == "value" and (named := entries.get(f"{item}.name")) and named.value:
                    yield Env(deployed, data_path, data.loc, named.value, data.value, (), (hop,))
                elif field_name == "name" and data.value and _from_reference(entries, item):
                    yield Env(deployed, data_path, data.loc, data.value, None, (), (hop,))  # its value is a Secret's

    def _terraform_env(self, deployed: Deployed, path: str, fact: ManifestEnv) -> Iterator[Env]:
        """A Terraform value with `${var.x}` / `${local.x}` placeholders: one Env per `.tfvars` file."""
        for filled in resolutions(fact.value or "", self._terraform_scenarios((fact.ref or "")[len(REF_PREFIX) :])):
            yield Env(deployed, path, fact.loc, fact.name, filled.value, (), filled.hops)

    def _template_envs(self, deployed: Deployed, path: str, link: ManifestLink) -> Iterator[Env]:
        """The `KEY=value` lines of a `templatefile` template, its `${name}`s filled from the call's variables:
        each at the variable its value takes (else at the template's line)."""
        template = self.project.files.get(link.target)
        if template is None or template.error is not None:
            return
        arguments = self._known(TEMPLATE_VARIABLE, f"{link.target}#{link.service}")
        scenarios = [known | arguments for known in self._terraform_scenarios(module_of(path))]
        for fact in _facts(template, ManifestEnv):
            for filled in resolutions(fact.value or "", scenarios):
                yield self._placed(deployed, link.target, fact, filled.value, filled.hops, filled.first, "templatefile")

    def _placed(
        self, deployed: Deployed, path: str, fact: ManifestEnv, value: str, hops: tuple[Hop, ...],
        first: tuple[str, ManifestData] | None, how: str,
    ) -> Env:
        """An Env of a template line at the line that sets its (first) value, traced to the template line."""
        if first is None:
            return Env(deployed, path, fact.loc, fact.name, value, (), hops)
        where = Hop(path, fact.loc.line, f"`{deployed.name}`'s {how} writes {fact.name}")
        rest = tuple(hop for hop in hops if (hop.path, hop.line) != (first[0], first[1].loc.line))
        return Env(deployed, first[0], first[1].loc, fact.name, value, (), (where, *rest))

    def _ansible_env(self, deployed: Deployed, path: str, fact: ManifestEnv) -> Iterator[Env]:
        """A role template's line, once per inventory vars file (the role's defaults under it, its vars over
        it), at the variable's line."""
        role = (fact.ref or "")[len(ansible.REF_PREFIX) :]
        project = role.partition("#")[0]
        under, over = self._known(ansible.ROLE_DEFAULTS, role), self._known(ansible.ROLE_VARS, role)
        files = sorted({at for at, _ in self._data.get((ansible.INVENTORY, project), [])})
        scenarios = [under | self._known(ansible.INVENTORY, project, file) | over for file in files] or [under | over]
        for filled in resolutions(fact.value or "", scenarios):
            yield self._placed(deployed, path, fact, filled.value, filled.hops, filled.first, "template")

    def _terraform_scenarios(self, module: str) -> list[Known]:
        """The module's defaults and locals, overridden by each `.tfvars` file in turn."""
        defaults = self._known(DEFAULT, module)
        files = sorted({path for path, _ in self._data.get((TFVARS, module), [])})
        return [defaults | self._known(TFVARS, module, file) for file in files] or [defaults]

    def _known(self, kind: str, name: str, path: str | None = None) -> Known:
        return {item.key: (at, item) for at, item in self._data.get((kind, name), []) if path is None or at == path}

    def _data_of(self, kind: str, name: str, near: str) -> list[tuple[str, ManifestData]]:
        """The keys of a ConfigMap/Secret, those in ``near`` (the referring file) first: names are per namespace,
        and the same file is the likeliest same namespace."""
        return sorted(self._data.get((kind, name), []), key=lambda item: item[0] != near)

    # -- hosts ---------------------------------------------------------------

    def host(self, env: Env) -> Host | None:
        """The host an env value points at, classified; None when the value holds no host."""
        name = host_of(env.name, env.value)
        if name is None:
            return None
        deployed = self._resolve(name, env.deployed)
        if deployed is not None and deployed.plane is not None:
            store = self.is_store(deployed)
            what = "store" if store else "service"
            return Host(name, deployed.plane, f"{what} `{deployed.service or deployed.name}`", deployed, store)
        other = self._other_project_store(name, env.deployed) if deployed is None else None
        if other is not None and other.plane is not None:
            return Host(name, other.plane, f"store `{other.name}` of compose project {other.path}", other, True)
        service: Service | None = self._url_hosts.get(name)
        if service is not None:
            store = self._store_service(service.name)
            return Host(name, service.plane, f"{'store' if store else 'service'} `{service.name}`", None, store)
        return Host(name, None, "host")

    def _host_deployed(self, env: Env) -> Deployed | None:
        name = host_of(env.name, env.value)
        return self._resolve(name, env.deployed) if name else None

    def _resolve(self, name: str, near: Deployed) -> Deployed | None:
        """The manifest service a name (a host, a depends_on) means, seen from ``near``."""
        if near.fact.format in _CLUSTER_FORMATS:
            return self._cluster_service(name, near)
        return next(
            (found for path in self._compose.files(near.path) if (found := self._by_file.get((path, name)))), None
        )

    def _other_project_store(self, name: str, near: Deployed) -> Deployed | None:
        """The data store a compose name means that ``near``'s project does not declare, when one other compose
        project does (`redis://workspace-redis`, reached over a shared network; a service's own config file or
        dotenv file outside any compose project names it the same). A bare name (`redis`, `db`) is no one's in
        particular: any stack may run its own under it."""
        return None if near.fact.format in _CLUSTER_FORMATS else self.compose_store(name)

    def compose_store(self, name: str) -> Deployed | None:
        """The data store one compose project declares under a qualified name (`workspace-db`), also as code
        names it in a DSN it connects to (`postgres://u:p@workspace-db:5432/ws`)."""
        if not _QUALIFIED_NAME.search(name):
            return None
        found = [d for d in self.deployed if d.fact.format == "compose" and d.name == name]
        if len({min(self._compose.files(d.path)) for d in found}) != 1 or not all(map(self.is_store, found)):
            return None
        return found[0]

    def _cluster_service(self, name: str, near: Deployed) -> Deployed | None:
        """`redis`, `redis.platform.svc.cluster.local`: the workload of that name in that namespace (a bare name:
        in ``near``'s); one whose namespace the manifests do not say may be in any."""
        if ".svc" in name:
            service, _, rest = name.partition(".")
            namespace: str | None = rest.split(".", 1)[0] if not rest.startswith("svc") else None
        elif "." not in name:
            service, namespace = name, near.fact.namespace
        else:
            service, namespace = name, None
        candidates = [d for d in self._kubernetes.get(service, []) if namespace is None or d.fact.namespace in (namespace, None)]
        exact = [d for d in candidates if d.fact.namespace == namespace]
        if exact or len({d.fact.namespace for d in candidates}) == 1:
            return (exact or candidates)[0]
        return None  # the same name in several namespaces, and nothing says which one is meant

    # -- warnings ------------------------------------------------------------

    def _unmapped_warnings(self) -> Iterator[str]:
        """One line for all of them: infra stacks (langfuse, temporal, ...) are many and rarely matter."""
        unmapped = [f"`{d.name}` ({d.path}:{d.fact.loc.line})" for d in self.deployed if d.service is None and d.plane is None]
        if unmapped:
            shown = ", ".join(unmapped[:8]) + (f" and {len(unmapped) - 8} more" if len(unmapped) > 8 else "")
            yield (
                f"{len(unmapped)} manifest service(s) map to no configured service, so their findings are not "
                f"checked: {shown}; name them in `services` to check them"
            )

    def _unread_env_files(self) -> Iterator[str]:
        root = self.project.config.root
        for path in self._env_file_users:
            if path not in self.project.files and (root / path).is_file():
                yield f"env_file {path} is not read: name it `*.env` or `.env*` (and do not exclude it) to have it checked"


def host_of(name: str, value: str | None) -> str | None:
    """The host of a URL/DSN value (`postgres://u:p@tenant-db:5432/ws`, `host=tenant-db`), lower case.

    A bare `host[:port]` counts only in a variable named like a host or an address (PGHOST, REDIS_HOST, and
    go-redis's REDIS_ADDR).
    """
    if not value:
        return None
    if "://" in value:
        try:
            host = urlsplit(value.strip()).hostname
        except ValueError:
            return None
        return host or None
    if dsn := _DSN_HOST.search(value):
        return dsn.group(1).lower()
    bare = _BARE_HOST.match(value.strip())
    return bare.group(1).lower() if bare and ("HOST" in name.upper() or "ADDR" in name.upper()) else None


_F = TypeVar("_F", ManifestService, ManifestLink, ManifestData, ManifestEnv)


def _facts(f: FileFacts, kind: type[_F]) -> list[_F]:
    return [fact for fact in f.facts if isinstance(fact, kind)]


def _from_reference(entries: dict[str, ManifestData], item: str) -> bool:
    """An env list item `{name: X, valueFrom: {secretKeyRef: ...}}`: X is set, from a Secret or ConfigMap."""
    return f"{item}.value" not in entries and any(key.startswith(f"{item}.valueFrom.") for key in entries)


def _extended(target: str) -> tuple[str, str]:
    """An `extends` link's "<path>#<service>" as a (path, service) key."""
    path, _, service = target.rpartition("#")
    return path, service


def _normal(name: str) -> str:
    return name.lower().replace("_", "-")
