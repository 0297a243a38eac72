"""Generate a large synthetic Molecule monorepo to benchmark molecule-lint on.

    python bench/generate.py DEST [--seed 1793] [--files 4400]

The same seed and file count give byte-identical files. The repository looks
like the one the workspace-placement RFC describes: a platform service
(`controlplane/`, ~15% of the files), two tenant services (`workspace_server/`
and `memory_plugin/`, ~45%) and shared libraries in a src layout (`libs/`,
~40%), with FastAPI routes, SQLAlchemy models, DAOs full of SQL, HTTP clients,
Redis, logging and docstrings, imports between modules and `__init__`
re-exports, SQL migrations, excluded test folders, and a `molecule-lint.yaml`.
File sizes vary like a real repository's: most 1-10 KB, a few 50-200 KB.

About one file in a hundred holds a planted violation (MOL101-MOL104, some
with the evidence at the line, some with it in another module or several
imports away), and as many platform files hold a trap that must not be
reported (tenant table names in docstrings, comments and log messages, the
platform's own tables, health probes, a harmless helper imported from a
module that also reads tenant data, a suppressed finding). A couple of
tenant files hold syntax errors (MOL901 with `--no-prefilter` only). What was
planted is listed in `bench-expected.json` at the corpus root.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".molecule-lint-bench-corpus"
EXPECTED = "bench-expected.json"
DEFAULT_SEED = 1793
DEFAULT_FILES = 4400

# --------------------------------------------------------------------------- data stores

TENANT_TABLES_EXPLICIT = ("agent_memories", "memory_vectors", "memory_chunks")
TENANT_TABLES_MIGRATED = (
    "activity_logs", "messages", "schedules", "workspace_secrets", "workspace_status",
    "conversations", "tool_calls", "artifacts", "agent_runs",
)
TENANT_TABLES = TENANT_TABLES_EXPLICIT + TENANT_TABLES_MIGRATED
PLATFORM_TABLES = (
    "orgs", "billing_accounts", "dns_records", "provision_jobs", "usage_reports", "invoices",
    "plans", "subscriptions", "audit_events", "regions", "hosts", "api_keys",
)
NEUTRAL_TABLES = ("schema_migrations", "feature_flags", "job_locks", "outbox_events", "rate_limits")
TENANT_ENV = ("TENANT_DATABASE_URL", "TENANT_REDIS_URL", "MEMORY_PLUGIN_URL", "WORKSPACE_DB_DSN")
PLATFORM_ENV = ("DATABASE_URL", "PLATFORM_REDIS_URL", "STRIPE_API_KEY", "CLOUDFLARE_TOKEN", "AWS_REGION", "SENTRY_DSN")
TENANT_RUNTIME_ENV = ("MOLECULE_ORG_ID", "MOLECULE_PLATFORM_URL", "TENANT_DATABASE_URL", "TENANT_REDIS_URL")
NEUTRAL_ENV = ("LOG_LEVEL", "HTTP_TIMEOUT", "OTEL_EXPORTER_OTLP_ENDPOINT", "FEATURE_FLAGS_PATH", "TZ")
TENANT_ROUTES = (
    "/workspaces/{workspace_id}/memories", "/workspaces/{workspace_id}/memories/{memory_id}",
    "/workspaces/{workspace_id}/activity", "/workspaces/{workspace_id}/messages",
    "/workspaces/{workspace_id}/schedules", "/workspaces/{workspace_id}/agents/{agent_id}/runs",
    "/workspaces/{workspace_id}/tools", "/workspaces/{workspace_id}/files/{file_id}",
    "/v1/memory/search", "/v1/memory/ingest",
)
PLATFORM_ROUTES = (
    "/orgs/{org_id}", "/orgs/{org_id}/billing", "/orgs/{org_id}/dns", "/orgs/{org_id}/hosts",
    "/provision", "/invoices/{invoice_id}", "/plans", "/regions", "/admin/orgs", "/webhooks/stripe",
)
PLATFORM_URLS = (
    "https://api.stripe.com/v1/customers/{customer_id}", "https://api.cloudflare.com/client/v4/zones/{zone_id}",
    "https://ec2.{region}.amazonaws.com/", "https://hooks.slack.com/services/{hook}",
)

# --------------------------------------------------------------------------- layout

# (service, plane, share of all files, areas); a service's first areas get the data-access kinds.
SERVICES = (
    ("controlplane", "platform", 0.15, (
        "billing", "dns", "provisioning", "orgs", "accounts", "admin", "api", "auth", "scheduler",
        "notifications", "audit", "reports", "quotas", "regions", "support", "webhooks", "integrations",
        "health", "deploy", "plans",
    )),
    ("workspace_server", "tenant", 0.32, (
        "store", "api", "agents", "tools", "scheduler", "activity", "messages", "memories", "secrets",
        "runtime", "sandbox", "files", "search", "events", "plugins", "channels", "workflows", "prompts",
    )),
    ("memory_plugin", "tenant", 0.13, (
        "store", "api", "embeddings", "index", "retrieval", "compaction", "ingest", "ranking",
    )),
)
# (library, the libraries it may import, does platform code use it, share of the libs' files)
LIBS = (
    ("common", (), True, 0.10),
    ("config", ("common",), True, 0.05),
    ("serialization", ("common",), True, 0.06),
    ("textutils", ("common",), True, 0.05),
    ("telemetry", ("common", "config"), True, 0.07),
    ("dbkit", ("common", "config", "telemetry"), True, 0.08),
    ("httpkit", ("common", "config", "telemetry", "serialization"), True, 0.08),
    ("authz", ("common", "httpkit"), True, 0.05),
    ("events", ("common", "serialization", "telemetry"), True, 0.06),
    ("analytics", ("common", "dbkit", "textutils"), True, 0.06),
    ("reporting", ("common", "analytics", "serialization"), True, 0.04),
    ("queueing", ("common", "events", "telemetry"), False, 0.06),
    ("storage", ("common", "config", "httpkit"), False, 0.05),
    ("vector", ("common", "dbkit", "serialization"), False, 0.06),
    ("ml", ("common", "vector", "textutils"), False, 0.05),
    ("tenantkit", ("common", "dbkit", "httpkit", "events"), False, 0.04),
)
LIBS_SHARE = 0.40
LIB_AREAS = ("core", "adapters", "internal", "handlers", "codecs", "backends", "helpers", "compat", "v2", "types")
TESTS_SHARE = 0.04
KIND_WEIGHTS = {
    "platform": {"api": 14, "models": 5, "dao": 12, "service": 37, "worker": 10, "client": 10, "util": 10, "config": 2},
    "tenant": {"api": 12, "models": 6, "dao": 14, "service": 38, "worker": 10, "client": 5, "util": 12, "config": 3},
    "shared": {"service": 40, "util": 30, "client": 15, "dao": 10, "config": 5},
}

# --------------------------------------------------------------------------- words

VERBS = (
    "load", "fetch", "sync", "build", "render", "compute", "validate", "refresh", "resolve", "merge", "apply",
    "collect", "prune", "record", "schedule", "dispatch", "normalize", "parse", "encode", "publish", "reconcile",
    "estimate", "summarize", "rotate", "archive", "import", "export", "update", "create", "delete", "list",
)
NOUNS = (
    "workspace", "agent", "session", "token", "plan", "region", "host", "invoice", "account", "record", "batch",
    "event", "job", "window", "quota", "limit", "profile", "policy", "channel", "payload", "cursor", "snapshot",
    "checkpoint", "manifest", "bundle", "entry", "template", "schema", "digest", "credential", "endpoint",
)
QUALIFIERS = ("", "", "", "_async", "_batch", "_for_org", "_v2", "_safe", "_cached", "_many", "_once", "_legacy")
CLASS_SUFFIXES = ("Service", "Manager", "Client", "Store", "Resolver", "Builder", "Handler", "Policy", "Spec", "Result")
ARG_TYPES = (("workspace_id", "str"), ("org_id", "str"), ("limit", "int"), ("cursor", "str | None"),
             ("payload", "dict[str, Any]"), ("items", "list[dict[str, Any]]"), ("timeout", "float"),
             ("dry_run", "bool"), ("name", "str"), ("since", "datetime | None"), ("page", "int"))
SENTENCES = (
    "Keep this idempotent: the scheduler may retry it after a timeout",
    "The result is sorted so that callers can diff two runs",
    "Values are validated here once, not in every handler",
    "This runs on the request path; keep it cheap",
    "Errors are logged and re-raised so the caller decides",
    "Only the first page is loaded; callers follow the cursor",
    "A missing entry is not an error: it returns an empty result",
    "Timestamps are UTC throughout",
    "The lock is held only while the row is updated",
    "Called from the worker and from the admin API",
)
PLATFORM_NOTES = (
    "Tenants keep agent_memories on their own host; the platform only sees usage totals",
    "Never read activity_logs here: tenants push usage to /v1/usage",
    "Billing works from usage_reports, which tenants push",
    "Provisioning, billing and DNS only: no functional state of a workspace",
)
LOG_LEVELS = ("debug", "info", "info", "warning")
EXCEPTIONS = ("KeyError", "ValueError", "LookupError", "TimeoutError", "RuntimeError")
COLUMNS = ("status", "name", "kind", "payload", "updated_at", "created_at", "version", "owner_id", "region")


def snake(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}{rng.choice(QUALIFIERS)}"


def camel(rng: random.Random) -> str:
    return f"{rng.choice(NOUNS).title()}{rng.choice(NOUNS).title()}{rng.choice(CLASS_SUFFIXES)}"


# --------------------------------------------------------------------------- the plan


@dataclass
class Planted:
    """A top-level unit added to a module on purpose: a violation (rule set) or a trap (rule None)."""

    text: str
    imports: tuple[str, ...] = ()
    rule: str | None = None
    line: int = 0  # the finding's line within ``text``; 0: at the first of ``imports``
    what: str = ""
    defines: str = ""  # the exported name ``text`` defines, if any


@dataclass
class Module:
    path: str
    name: str  # the dotted name other code imports it by
    service: str
    plane: str
    kind: str
    area: str
    size: int
    exports: list[str] = field(default_factory=list)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (module name, symbol)
    planted: list[Planted] = field(default_factory=list)
    reexports: list[tuple[str, str]] = field(default_factory=list)  # __init__: (submodule, symbol)


@dataclass
class Plan:
    modules: list[Module]
    by_name: dict[str, Module]


def target_size(rng: random.Random) -> int:
    """Bytes of a module: mostly 1-10 KB, some 10-30 KB, 2% are 50-200 KB."""
    roll = rng.random()
    if roll < 0.02:
        return rng.randint(50_000, 200_000)
    if roll < 0.07:
        return rng.randint(10_000, 30_000)
    return int(min(10_000, max(900, rng.lognormvariate(math.log(2800), 0.5))))


def pick_kind(rng: random.Random, plane: str) -> str:
    weights = KIND_WEIGHTS[plane]
    return rng.choices(list(weights), list(weights.values()))[0]


def plan_layout(rng: random.Random, total: int) -> list[Module]:
    modules: list[Module] = []
    lib_total = int(total * LIBS_SHARE)
    for lib, _deps, _platform, share in LIBS:
        count = max(6, round(lib_total * share))
        modules += plan_package(rng, f"libs/{lib}/src/{lib}", lib, lib, "shared", count, list(LIB_AREAS))
    for service, plane, share, areas in SERVICES:
        modules += plan_package(rng, service, service, service, plane, round(total * share), list(areas))
    return modules


def plan_package(
    rng: random.Random, root: str, import_root: str, service: str, plane: str, count: int, areas: list[str]
) -> list[Module]:
    """``count`` files (tests and `__init__`s included) in area packages of 6-24 modules each."""
    out = [Module(f"{root}/__init__.py", import_root, service, plane, "init", "", 0)]
    tests = max(1, int(count * TESTS_SHARE))
    remaining = count - 1 - tests
    index = 0
    while remaining > 0:
        base = areas[index % len(areas)]
        area = base if index < len(areas) else f"{base}/{LIB_AREAS[index // len(areas) % len(LIB_AREAS)]}"
        index += 1
        size = min(remaining, rng.randint(6, 24))
        package = f"{root}/{area}"
        dotted = f"{import_root}.{area.replace('/', '.')}"
        if "/" in area:  # a nested area's parent package needs its own __init__
            parent = area.split("/")[0]
            if not any(m.path == f"{root}/{parent}/__init__.py" for m in out):
                out.append(Module(f"{root}/{parent}/__init__.py", f"{import_root}.{parent}", service, plane, "init", parent, 0))
                size -= 1
        out.append(Module(f"{package}/__init__.py", dotted, service, plane, "init", area, 0))
        used: set[str] = set()
        for _ in range(max(1, size - 1)):
            stem = unique_stem(rng, used)
            kind = data_kind(rng, plane, area) if index <= 2 and plane != "shared" else pick_kind(rng, plane)
            out.append(Module(f"{package}/{stem}.py", f"{dotted}.{stem}", service, plane, kind, area, target_size(rng)))
        remaining -= size
    test_root = root.rsplit("/src/", 1)[0] if "/src/" in root else root
    for i in range(tests):
        out.append(Module(f"{test_root}/tests/test_{i:03d}_{rng.choice(NOUNS)}.py", "", service, plane, "test", "tests",
                          target_size(rng)))
    return out


def data_kind(rng: random.Random, plane: str, area: str) -> str:
    """The first areas of a service (`store`, `api`) hold its models, DAOs and routes."""
    if area == "api":
        return "api"
    return rng.choice(("models", "dao", "dao")) if plane == "tenant" or rng.random() < 0.5 else pick_kind(rng, plane)


def unique_stem(rng: random.Random, used: set[str]) -> str:
    while True:
        stem = rng.choice(NOUNS) + rng.choice(("", "s", "_utils", "_service", "_store", "_handlers", "_tasks", "_client"))
        if stem not in used:
            used.add(stem)
            return stem


def assign_exports(rng: random.Random, modules: list[Module]) -> None:
    for module in modules:
        if module.kind in ("init", "test"):
            continue
        names: list[str] = []
        for _ in range(rng.randint(2, 7)):
            name = snake(rng)
            if name not in names:
                names.append(name)
        if rng.random() < 0.5:
            names.append(camel(rng))
        module.exports = names


def assign_imports(rng: random.Random, modules: list[Module]) -> None:
    """Each module imports 2-8 names from earlier modules it may depend on, half of them from its own area.

    A library may import itself and its dependencies; platform code, its own service and the libraries it uses;
    tenant code, its own service and every library.
    """
    allowed = {lib: (lib, *deps) for lib, deps, _, _ in LIBS}
    platform_libs = tuple(lib for lib, _, used, _ in LIBS if used)
    all_libs = tuple(lib for lib, *_ in LIBS)
    own: dict[str, list[Module]] = {}  # service or library -> its earlier modules
    near: dict[tuple[str, str], list[Module]] = {}  # (service, area) -> its earlier modules
    for module in modules:
        if module.kind in ("init", "test"):
            continue
        groups = allowed.get(module.service) or (module.service, *(platform_libs if module.plane == "platform" else all_libs))
        ready = [group for group in groups if own.get(group)]
        for _ in range(rng.randint(2, 8)):
            source = pick_source(rng, near.get((module.service, module.area), []), ready, own)
            if source is not None and (pair := (source.name, rng.choice(source.exports))) not in module.imports:
                module.imports.append(pair)
        own.setdefault(module.service, []).append(module)
        near.setdefault((module.service, module.area), []).append(module)


def pick_source(rng: random.Random, near: list[Module], groups: list[str], own: dict[str, list[Module]]) -> Module | None:
    if near and (rng.random() < 0.5 or not groups):
        return rng.choice(near)
    return rng.choice(own[rng.choice(groups)]) if groups else None


def assign_reexports(rng: random.Random, modules: list[Module]) -> None:
    """Some area `__init__`s re-export a few names of their modules."""
    by_package: dict[str, list[Module]] = {}
    for module in modules:
        if module.kind not in ("init", "test"):
            by_package.setdefault(module.path.rpartition("/")[0], []).append(module)
    for module in modules:
        children = by_package.get(module.path.rpartition("/")[0], [])
        if module.kind == "init" and children and rng.random() < 0.4:
            for child in rng.sample(children, min(3, len(children))):
                module.reexports.append((child.name.rpartition(".")[2], child.exports[0]))


# --------------------------------------------------------------------------- planted violations and traps


def plant(rng: random.Random, plan: Plan, files: int) -> None:
    """Violations and traps in platform modules, tenant users of the shared readers, broken files."""
    platform = [m for m in plan.modules if m.plane == "platform" and m.kind not in ("init", "test")]
    kit = ChainKit(rng, plan, platform)
    hosts = rng.sample([m for m in platform if m is not kit.constants_host], 2 * max(len(VIOLATIONS), files // 100))
    count = len(hosts) // 2
    for i, host in enumerate(hosts[:count]):
        host.planted.append(VIOLATIONS[i % len(VIOLATIONS)](rng, kit))
    for i, host in enumerate(hosts[count:]):
        host.planted.append(TRAPS[i % len(TRAPS)](rng, kit))
    tenant = [m for m in plan.modules if m.plane == "tenant" and m.kind not in ("init", "test", "api")]
    for module in rng.sample(tenant, 6):  # tenant code uses the shared readers legitimately
        reader, name = rng.choice(kit.readers)
        module.imports.append((reader.name, name))
    for module in rng.sample([m for m in tenant if m.area != "store"], 2):
        module.kind = "broken"


class ChainKit:
    """Shared-library functions that read tenant data, the shared functions that call them,
    and the platform module holding table-name constants for other modules."""

    def __init__(self, rng: random.Random, plan: Plan, platform: list[Module]) -> None:
        self.readers = self._readers(rng, plan, "analytics")
        self.middles = self._callers(rng, plan, self.readers, "weekly", [])
        self.deep = self._callers(rng, plan, self.middles, "digest", [m for m, _ in self.middles])
        self.store = [m for m in plan.modules if m.service == "workspace_server" and m.area == "store" and m.kind == "dao"]
        self.reexported = self.readers[0]
        package = plan.by_name[self.reexported[0].name.rpartition(".")[0]]
        package.reexports.append((self.reexported[0].name.rpartition(".")[2], self.reexported[1]))
        self.reexport_package = package.name
        self.constants_host = rng.choice(platform)

    @staticmethod
    def _readers(rng: random.Random, plan: Plan, lib: str) -> list[tuple[Module, str]]:
        readers = []
        for module in rng.sample([m for m in plan.modules if m.service == lib and m.exports], 4):
            table = rng.choice(TENANT_TABLES)
            name = f"count_{table}_rows"
            module.planted.append(Planted(reader_text(name, table), ("from sqlalchemy import text",), defines=name))
            module.exports.append(name)
            readers.append((module, name))
        return readers

    @staticmethod
    def _callers(
        rng: random.Random, plan: Plan, callees: list[tuple[Module, str]], prefix: str, taken: list[Module]
    ) -> list[tuple[Module, str]]:
        """Functions in `reporting` modules that call ``callees``: one more hop of a chain each."""
        pool = [m for m in plan.modules if m.service == "reporting" and m.exports and m not in taken]
        callers = []
        for i, module in enumerate(rng.sample(pool, 3)):
            callee_module, callee = callees[i % len(callees)]
            name = f"{prefix}_{callee}"
            imports = (f"from {callee_module.name} import {callee}",)
            module.planted.append(Planted(caller_text(name, callee), imports, defines=name))
            module.exports.append(name)
            callers.append((module, name))
        return callers

    def table_constant(self, table: str) -> tuple[str, str]:
        """``NAME = "<table>"`` in a platform module, for another module to import."""
        const = f"{table.upper()}_TABLE"
        host = self.constants_host
        if const not in host.exports:
            host.planted.append(Planted(f'{const} = "{table}"\n', defines=const))
            host.exports.append(const)
        return host.name, const


def reader_text(name: str, table: str) -> str:
    return (
        f"def {name}(session, workspace_id: str) -> int:\n"
        f'    """How many {table} rows a workspace holds (tenant-side statistics)."""\n'
        f'    row = session.execute(text("SELECT count(*) FROM {table} WHERE workspace_id = :ws"), {{"ws": workspace_id}})\n'
        f"    return int(row.scalar() or 0)\n"
    )


def caller_text(name: str, callee: str) -> str:
    return (
        f"def {name}(session, workspace_ids: list[str]) -> dict[str, int]:\n"
        f'    """Per-workspace figures for the weekly digest."""\n'
        f"    totals = {{ws: {callee}(session, ws) for ws in workspace_ids}}\n"
        f'    log.info("digest over %d workspaces", len(totals))\n'
        f"    return totals\n"
    )


def _fn(name: str, body: list[str], args: str = "session, org_id: str") -> str:
    return "\n".join([f"def {name}({args}):", *(f"    {line}" for line in body)]) + "\n"


def v_sql_literal(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    body = ['"""Totals for the billing export."""', f'return session.execute("SELECT count(*) FROM {table} WHERE org_id = %s", (org_id,)).scalar()']
    return Planted(_fn(f"tenant_{table}_total", body), (), "MOL101", 3, f"SQL literal on {table}")


def v_sql_text(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    body = [f'rows = session.execute(text("SELECT id, created_at FROM {table} ORDER BY created_at DESC LIMIT 20"))', "return [dict(r._mapping) for r in rows]"]
    return Planted(_fn(f"latest_{table}", body), ("from sqlalchemy import text",), "MOL101", 2, f"text() on {table}")


def v_sql_fstring(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    const = f"_{table.upper()}_TABLE"
    text = f'{const} = "{table}"\n\n\n' + _fn(f"scan_{table}", [f'return session.execute(f"SELECT * FROM {{{const}}} WHERE org_id = :org", {{"org": org_id}}).all()'])
    return Planted(text, (), "MOL101", 5, f"f-string with a module constant naming {table}")


def v_sql_const_elsewhere(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES_MIGRATED)
    module, const = kit.table_constant(table)
    body = [f'return session.execute(f"DELETE FROM {{{const}}} WHERE org_id = :org", {{"org": org_id}})']
    return Planted(_fn(f"purge_{table}", body), (f"from {module} import {const}",), "MOL101", 2, f"constant from {module} naming {table}")


def v_orm_mirror(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    name = "".join(p.title() for p in table.split("_")) + "Mirror"
    text = (
        f"class {name}(DeclarativeBase):\n    __tablename__ = \"{table}\"\n\n"
        f"    id: Mapped[int] = mapped_column(primary_key=True)\n\n\n"
        + _fn(f"mirror_{table}", [f"return session.query({name}).filter_by(org_id=org_id).count()"])
    )
    imports = ("from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column",)
    return Planted(text, imports, "MOL101", 8, f"ORM model mapped to {table}")


def v_env_subscript(rng: random.Random, kit: ChainKit) -> Planted:
    env = rng.choice(TENANT_ENV)
    text = _fn(f"tenant_dsn_{env.lower()}", [f'return os.environ["{env}"]'], "")
    return Planted(text, ("import os",), "MOL102", 2, f"os.environ[{env}]")


def v_env_getenv(rng: random.Random, kit: ChainKit) -> Planted:
    env = rng.choice(TENANT_ENV)
    text = _fn(f"peek_{env.lower()}", [f'url = os.getenv("{env}", "")', "return url.split('@')[-1]"], "")
    return Planted(text, ("import os",), "MOL102", 2, f"os.getenv({env})")


def v_redis_key(rng: random.Random, kit: ChainKit) -> Planted:
    prefix = rng.choice(("ws", "memory"))
    body = ["client = redis.Redis.from_url(url)", f'return client.get(f"{prefix}:{{workspace_id}}:status")']
    return Planted(_fn(f"peek_{prefix}_status", body, "url: str, workspace_id: str"), ("import redis",), "MOL102", 3, f"Redis key {prefix}:*")


def v_endpoint_fstring(rng: random.Random, kit: ChainKit) -> Planted:
    tail = rng.choice(("memories", "activity", "messages", "schedules"))
    body = [f'resp = httpx.get(f"https://{{host}}/workspaces/{{workspace_id}}/{tail}", timeout=10)', "return resp.json()"]
    return Planted(_fn(f"pull_{tail}", body, "host: str, workspace_id: str"), ("import httpx",), "MOL103", 2, f"GET /workspaces/*/{tail}")


def v_base_url_client(rng: random.Random, kit: ChainKit) -> Planted:
    tail = rng.choice(("memories", "activity", "messages"))
    body = [
        'with httpx.Client(base_url="http://workspace-server:8080", timeout=5.0) as client:',
        f'    return client.get(f"/workspaces/{{workspace_id}}/{tail}").json()',
    ]
    return Planted(_fn(f"fetch_{tail}_via_client", body, "workspace_id: str"), ("import httpx",), "MOL103", 3, f"client base_url + /{tail}")


def v_chain2(rng: random.Random, kit: ChainKit) -> Planted:
    module, name = rng.choice(kit.readers)
    return _caller(module.name, name, "platform -> analytics reader")


def v_chain3(rng: random.Random, kit: ChainKit) -> Planted:
    module, name = rng.choice(kit.middles)
    return _caller(module.name, name, "platform -> reporting -> analytics")


def v_chain4(rng: random.Random, kit: ChainKit) -> Planted:
    module, name = rng.choice(kit.deep)
    return _caller(module.name, name, "platform -> reporting -> reporting -> analytics")


def v_tenant_module(rng: random.Random, kit: ChainKit) -> Planted:
    store = rng.choice(kit.store)
    return _caller(store.name, store.exports[0], "imports tenant store module")


def v_reexport(rng: random.Random, kit: ChainKit) -> Planted:
    return _caller(kit.reexport_package, kit.reexported[1], "through an __init__ re-export")


def _caller(module: str, name: str, what: str) -> Planted:
    body = ['"""Weekly usage for the invoice footer."""', f"figures = {name}(session, [org_id])", "return sum(figures.values()) if isinstance(figures, dict) else figures"]
    return Planted(_fn(f"invoice_footer_{name}", body), (f"from {module} import {name}",), "MOL104", 0, what)


def t_docstring(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    body = [f'"""Never touches {table}: tenants own it."""', f"# {table} lives on the tenant host", f'log.info("skipping {table}, owned by the tenant")', "return None"]
    return Planted(_fn(f"cleanup_{table}_notes", body), (), None, 0, "tenant table in docstring, comment and log")


def t_platform_table(rng: random.Random, kit: ChainKit) -> Planted:
    body = ['return session.execute("SELECT org_id, sum(tokens) FROM usage_reports WHERE org_id = %s GROUP BY org_id", (org_id,)).all()']
    return Planted(_fn("usage_totals", body), (), None, 0, "usage_reports is the platform's (also in a tenant migration)")


def t_platform_env(rng: random.Random, kit: ChainKit) -> Planted:
    return Planted(_fn("platform_dsn", ['return os.environ["DATABASE_URL"]'], ""), ("import os",), None, 0, "platform env")


def t_probe(rng: random.Random, kit: ChainKit) -> Planted:
    body = ['return httpx.get(f"https://{host}/healthz", timeout=2).status_code == 200']
    return Planted(_fn("tenant_alive", body, "host: str"), ("import httpx",), None, 0, "health probe")


def t_harmless_helper(rng: random.Random, kit: ChainKit) -> Planted:
    module, reader = rng.choice(kit.readers)
    helper = next(name for name in module.exports if name != reader)
    body = [f"return {helper}(org_id)"]
    return Planted(_fn(f"use_{helper}", body), (f"from {module.name} import {helper}",), None, 0, "harmless helper beside a tenant reader")


def t_suppressed(rng: random.Random, kit: ChainKit) -> Planted:
    table = rng.choice(TENANT_TABLES)
    body = [
        "# molecule-lint: ignore[MOL101] -- one-off migration audit, reviewed in PR #1819 (until 2099-01-01)",
        f'return session.execute("SELECT count(*) FROM {table} WHERE org_id = %s", (org_id,)).scalar()',
    ]
    return Planted(_fn(f"audit_{table}_once", body), (), None, 0, "suppressed with a reason")


def t_endpoint_in_log(rng: random.Random, kit: ChainKit) -> Planted:
    body = ['log.info("tenants serve /workspaces/{id}/memories themselves")', "return org_id"]
    return Planted(_fn("explain_memories", body), (), None, 0, "endpoint path in a log message")


def t_platform_redis(rng: random.Random, kit: ChainKit) -> Planted:
    body = ["client = redis.Redis.from_url(url)", 'return client.get(f"org:{org_id}:plan")']
    return Planted(_fn("cached_plan", body, "url: str, org_id: str"), ("import redis",), None, 0, "platform Redis keys")


VIOLATIONS: tuple[Callable[[random.Random, ChainKit], Planted], ...] = (
    v_sql_literal, v_sql_text, v_sql_fstring, v_sql_const_elsewhere, v_orm_mirror,
    v_env_subscript, v_env_getenv, v_redis_key, v_endpoint_fstring, v_base_url_client,
    v_chain2, v_chain3, v_chain4, v_tenant_module, v_reexport,
)
TRAPS: tuple[Callable[[random.Random, ChainKit], Planted], ...] = (
    t_docstring, t_platform_table, t_platform_env, t_probe, t_harmless_helper, t_suppressed, t_endpoint_in_log,
    t_platform_redis,
)


# --------------------------------------------------------------------------- rendering

# A module's needs -> its import line; stdlib first, then third-party, in this order.
IMPORT_LINES = {
    "asyncio": "import asyncio",
    "json": "import json",
    "os": "import os",
    "uuid": "import uuid",
    "dataclass": "from dataclasses import dataclass",
    "datetime": "from datetime import datetime, timezone",
    "any": "from typing import Any",
    "fastapi": "from fastapi import APIRouter, Query",
    "httpx": "import httpx",
    "redis": "import redis",
    "sa_models": "from sqlalchemy import BigInteger, DateTime, String, Text",
    "sa_text": "from sqlalchemy import text",
    "sa_orm": "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column",
    "session": "from sqlalchemy.orm import Session",
}
THIRD_PARTY = ("fastapi", "httpx", "redis", "sa_models", "sa_text", "sa_orm", "session")
BUILTINS = ("sorted", "list", "tuple", "len", "repr", "bool", "str")
TABLES = {"platform": PLATFORM_TABLES, "tenant": TENANT_TABLES, "shared": NEUTRAL_TABLES}
ENVS = {"platform": PLATFORM_ENV, "tenant": TENANT_RUNTIME_ENV, "shared": NEUTRAL_ENV}
ROUTES = {"platform": PLATFORM_ROUTES, "tenant": TENANT_ROUTES, "shared": ()}


class Writer:
    """Renders the units of one module, remembering which imports they need."""

    def __init__(self, rng: random.Random, module: Module, callables: list[str]) -> None:
        self.rng = rng
        self.module = module
        self.callables = callables
        self.uncalled = list(callables)  # called first, so that every import is used
        self.needs: set[str] = {"any", "datetime"}
        self.counter = 0

    def var(self) -> str:
        self.counter += 1
        return f"{self.rng.choice(NOUNS)}_{self.counter}"

    def callee(self) -> str:
        if self.uncalled:
            return self.uncalled.pop()
        if self.callables and self.rng.random() < 0.7:
            return self.rng.choice(self.callables)
        return self.rng.choice(BUILTINS)

    def sentence(self) -> str:
        return self.rng.choice(SENTENCES)

    # ---- statements: each returns its lines and the variable it binds

    def statements(self, names: list[str], count: int) -> list[str]:
        lines: list[str] = []
        names = list(names) or ["None"]
        makers = self.statement_makers()
        for _ in range(count):
            new, bound = self.rng.choice(makers)(names)
            lines += new
            if bound:
                names.append(bound)
        lines.append(f"return {names[-1]}")
        return lines

    def statement_makers(self) -> list[Callable[[list[str]], tuple[list[str], str | None]]]:
        makers = [self.st_call, self.st_call, self.st_log, self.st_guard, self.st_loop, self.st_dict, self.st_try,
                  self.st_comment, self.st_json]
        kind, plane = self.module.kind, self.module.plane
        if kind in ("dao", "service", "worker"):
            makers += [self.st_sql, self.st_sql] if kind == "dao" else [self.st_sql]
        if kind in ("config", "client"):
            makers.append(self.st_env)
        if kind == "client":
            makers += [self.st_http, self.st_http]
        if kind == "worker" and plane != "shared":
            makers.append(self.st_redis)
        return makers

    def st_call(self, names: list[str]) -> tuple[list[str], str | None]:
        v = self.var()
        return [f"{v} = {self.callee()}({self.rng.choice(names)})"], v

    def st_log(self, names: list[str]) -> tuple[list[str], str | None]:
        level = self.rng.choice(LOG_LEVELS)
        return [f'log.{level}("{self.rng.choice(VERBS)} {self.rng.choice(NOUNS)}: %s", {self.rng.choice(names)})'], None

    def st_guard(self, names: list[str]) -> tuple[list[str], str | None]:
        exc = self.rng.choice(EXCEPTIONS)
        return [f"if {self.rng.choice(names)} is None:", f'    raise {exc}("{self.rng.choice(NOUNS)} is required")'], None

    def st_loop(self, names: list[str]) -> tuple[list[str], str | None]:
        v = self.var()
        return [f"{v} = []", f"for item in {self.rng.choice(names)} or ():", "    if not item:", "        continue",
                f"    {v}.append(item)"], v

    def st_dict(self, names: list[str]) -> tuple[list[str], str | None]:
        v = self.var()
        a, b = self.rng.choice(names), self.rng.choice(names)
        return [f"{v} = {{", f'    "{self.rng.choice(NOUNS)}": {a},', f'    "{self.rng.choice(COLUMNS)}": {b},',
                '    "at": datetime.now(timezone.utc).isoformat(),', "}"], v

    def st_try(self, names: list[str]) -> tuple[list[str], str | None]:
        v = self.var()
        first, second = self.rng.sample(EXCEPTIONS, 2)
        return ["try:", f"    {v} = {self.callee()}({self.rng.choice(names)})", f"except ({first}, {second}) as exc:",
                f'    log.warning("{self.rng.choice(VERBS)} failed: %s", exc)', f"    {v} = None"], v

    def st_comment(self, names: list[str]) -> tuple[list[str], str | None]:
        return [f"# {self.sentence()}."], None

    def st_json(self, names: list[str]) -> tuple[list[str], str | None]:
        self.needs.add("json")
        v = self.var()
        return [f"{v} = json.dumps({self.rng.choice(names)}, default=str, sort_keys=True)"], v

    def st_sql(self, names: list[str]) -> tuple[list[str], str | None]:
        if "session" not in names:
            return self.st_call(names)
        self.needs.add("sa_text")
        v = self.var()
        table = self.rng.choice(TABLES[self.module.plane])
        cols = ", ".join(self.rng.sample(COLUMNS, 3))
        key = self.rng.choice(("org_id", "workspace_id", "id")) if self.module.plane == "tenant" else "org_id"
        sql = self.rng.choice((
            f"SELECT id, {cols} FROM {table} WHERE {key} = :key ORDER BY created_at DESC LIMIT :limit",
            f"UPDATE {table} SET status = :status, updated_at = now() WHERE {key} = :key",
            f"INSERT INTO {table} ({key}, {cols}) VALUES (:key, :a, :b, :c) ON CONFLICT DO NOTHING",
        ))
        return [f"{v} = session.execute(", f'    text("{sql}"),',
                f'    {{"key": {self.rng.choice(names)}, "limit": 100, "status": "ok", "a": 1, "b": 2, "c": 3}},', ")"], v

    def st_env(self, names: list[str]) -> tuple[list[str], str | None]:
        self.needs.add("os")
        v = self.var()
        return [f'{v} = os.environ.get("{self.rng.choice(ENVS[self.module.plane])}", "")'], v

    def st_http(self, names: list[str]) -> tuple[list[str], str | None]:
        self.needs.add("httpx")
        v = self.var()
        if self.module.plane == "platform":
            url = 'f"' + self.rng.choice(PLATFORM_URLS) + '"'
            return [*self.bind_url_holes(url), f"{v} = httpx.get({url}, timeout=10.0).json()"], v
        if self.module.plane == "tenant":
            self.needs.add("os")
            return [f'{v} = httpx.post(os.environ["MOLECULE_PLATFORM_URL"] + "/v1/usage", json={self.rng.choice(names)})'], v
        return [f"{v} = httpx.get(str({self.rng.choice(names)}), timeout=5.0)"], v

    def bind_url_holes(self, url: str) -> list[str]:
        holes = [part.split("}")[0] for part in url.split("{")[1:]]
        return [f'{hole} = "{self.rng.choice(NOUNS)}"' for hole in holes]

    def st_redis(self, names: list[str]) -> tuple[list[str], str | None]:
        self.needs.update(("redis", "os"))
        v = self.var()
        if self.module.plane == "tenant":
            env, key = "TENANT_REDIS_URL", 'f"ws:{' + self.rng.choice(names) + '}:status"'
        else:
            env, key = "PLATFORM_REDIS_URL", 'f"org:{' + self.rng.choice(names) + '}:plan"'
        return [f'{v} = redis.Redis.from_url(os.environ["{env}"]).get({key})'], v

    # ---- top-level units

    def args(self, count: int) -> list[tuple[str, str]]:
        chosen = self.rng.sample(ARG_TYPES, count)
        kind = self.module.kind
        if kind == "dao" or (kind in ("service", "worker") and self.rng.random() < 0.3):
            self.needs.add("session")
            chosen.insert(0, ("session", "Session"))
        return chosen

    def function(self, name: str) -> str:
        args = self.args(self.rng.randint(1, 4))
        prefix = "async def" if self.module.kind in ("worker", "api") and self.rng.random() < 0.5 else "def"
        signature = ", ".join(f"{a}: {t}" for a, t in args)
        body = self.docstring() + self.statements([a for a, _ in args], self.rng.randint(2, 10))
        return f"{prefix} {name}({signature}) -> Any:\n" + indent(body, 1)

    def docstring(self) -> list[str]:
        if self.rng.random() < 0.4:
            return [f'"""{self.sentence()}."""']
        return [f'"""{self.sentence()}.', "", f"{self.sentence()}.", '"""']

    def cls(self, name: str) -> str:
        args = self.rng.sample(ARG_TYPES, self.rng.randint(1, 3))
        init = [f"self.{a} = {a}" for a, _ in args]
        lines = [f"class {name}:", f'    """{self.sentence()}."""', "",
                 f"    def __init__(self, {', '.join(f'{a}: {t}' for a, t in args)}) -> None:", *indent(init, 2).splitlines()]
        for _ in range(self.rng.randint(1, 4)):
            method_args = self.rng.sample(ARG_TYPES, self.rng.randint(0, 2))
            signature = "".join(f", {a}: {t}" for a, t in method_args)
            body = self.docstring() + self.statements(["self", *(a for a, _ in method_args)], self.rng.randint(2, 9))
            lines += ["", f"    def {snake(self.rng)}(self{signature}) -> Any:", *indent(body, 2).splitlines()]
        return "\n".join(lines) + "\n"

    def record(self, name: str) -> str:
        self.needs.add("dataclass")
        fields = self.rng.sample(ARG_TYPES, self.rng.randint(2, 6))
        return "\n".join(["@dataclass(frozen=True, slots=True)", f"class {name}:", f'    """{self.sentence()}."""', "",
                          *(f"    {a}: {t}" for a, t in fields)]) + "\n"

    def model(self, name: str) -> str:
        self.needs.update(("sa_models", "sa_orm"))
        table = self.rng.choice(TABLES[self.module.plane])
        columns = [f"    {c}: Mapped[str] = mapped_column(Text)" for c in self.rng.sample(COLUMNS[:5], 3)]
        return "\n".join([f"class {name}(Base):", f'    """{self.sentence()}."""', "", f'    __tablename__ = "{table}"', "",
                          "    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)",
                          "    org_id: Mapped[str] = mapped_column(String(36), index=True)", *columns,
                          "    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))"]) + "\n"

    def route(self, name: str) -> str:
        self.needs.add("fastapi")
        path = self.rng.choice(ROUTES[self.module.plane])
        params = [p.split("}")[0] for p in path.split("{")[1:]]
        signature = ", ".join([*(f"{p}: str" for p in params), "limit: int = Query(50, le=500)"])
        method = self.rng.choice(("get", "get", "post", "put", "delete"))
        body = self.docstring() + self.statements([*params, "limit"], self.rng.randint(3, 12))
        return f'@router.{method}("{path}")\nasync def {name}({signature}) -> Any:\n' + indent(body, 1)

    def data_table(self, budget: int) -> str:
        """A generated lookup table of about ``budget`` bytes (rows are ~40 bytes)."""
        rows = [f'    ("{self.rng.choice(NOUNS)}-{i:05d}", {self.rng.randint(0, 99999)}, "{self.rng.choice(COLUMNS)}"),'
                for i in range(max(50, min(1500, budget // 40)))]
        return f"_{self.var().upper()}_ROWS: tuple[tuple[str, int, str], ...] = (\n" + "\n".join(rows) + "\n)\n"

    def export_unit(self, name: str) -> str:
        kind = self.module.kind
        if name[0].isupper():
            if kind == "models":
                return self.model(name)
            return self.record(name) if self.rng.random() < 0.4 else self.cls(name)
        if kind == "api":
            return self.route(name)
        return self.function(name)

    def filler(self, budget: int) -> str:
        roll = self.rng.random()
        if self.module.size > 40_000 and roll < 0.08:
            return self.data_table(budget)
        if roll < 0.2:
            return self.cls(f"_{camel(self.rng)}")
        return self.export_unit(f"_{snake(self.rng)}")


def indent(lines: list[str], depth: int) -> str:
    pad = "    " * depth
    return "".join(f"{pad}{line}\n" if line else "\n" for line in lines)


def render_imports(rng: random.Random, module: Module) -> tuple[list[str], list[str]]:
    """Project import lines, and the names the body may call."""
    grouped: dict[str, list[str]] = {}
    for source, name in module.imports:
        grouped.setdefault(source, [])
        if name not in grouped[source]:
            grouped[source].append(name)
    package = module.name.rpartition(".")[0]
    lines, callables = [], []
    for source, names in grouped.items():
        parent, _, stem = source.rpartition(".")
        roll = rng.random()
        if parent == package and roll < 0.4:
            lines.append(f"from .{stem} import {', '.join(names)}")
            callables += names
        elif roll < 0.15:
            alias = f"{stem}_mod"
            lines.append(f"import {source} as {alias}")
            callables += [f"{alias}.{n}" for n in names]
        else:
            lines.append(f"from {source} import {', '.join(names)}")
            callables += names
    return lines, callables


def module_docstring(rng: random.Random, module: Module) -> str:
    words = module.name.rpartition(".")[2].replace("_", " ")
    text = f'"""{words.capitalize()}: {rng.choice(VERBS)} and {rng.choice(VERBS)} {rng.choice(NOUNS)} records for {module.service}.'
    if module.plane == "platform" and rng.random() < 0.15:
        text += f"\n\n{rng.choice(PLATFORM_NOTES)}.\n"
    return text + '"""\n'


def render_module(rng: random.Random, module: Module) -> tuple[str, list[dict[str, object]]]:
    """The file's text, and the violations planted in it (with their lines)."""
    imports, callables = render_imports(rng, module)
    writer = Writer(rng, module, callables)
    planted_names = {p.defines for p in module.planted}
    units = [writer.export_unit(name) for name in module.exports if name not in planted_names]
    if module.kind == "models":
        units.insert(0, "class Base(DeclarativeBase):\n    pass\n")
    if module.kind == "api":
        units.insert(0, f"async def current_{module.area.replace('/', '_')}(workspace_id: str) -> str:\n    return workspace_id\n")
    size = sum(map(len, units))
    while size < module.size:
        units.append(writer.filler(module.size - size))
        size += len(units[-1])
    planted = module.planted
    positions = sorted(rng.randint(0, len(units)) for _ in planted)
    for offset, (position, unit) in enumerate(zip(positions, planted)):
        units.insert(position + offset, unit.text)
    header = header_lines(rng, module, writer.needs, imports)
    if module.kind == "broken":
        units.insert(len(units) // 2, "<<<<<<< HEAD\nRETRIES = 3\n=======\nRETRIES = 5\n>>>>>>> feature/retries\n")
    return assemble(module, header, units)


def header_lines(rng: random.Random, module: Module, needs: set[str], project: list[str]) -> list[str]:
    stdlib = ["import logging", *(IMPORT_LINES[n] for n in IMPORT_LINES if n in needs and n not in THIRD_PARTY)]
    third = [IMPORT_LINES[n] for n in IMPORT_LINES if n in needs and n in THIRD_PARTY]
    known = set(IMPORT_LINES.values())
    for line in (line for p in module.planted for line in p.imports):
        target = (stdlib if line == IMPORT_LINES["os"] else third) if line in known else project
        if line not in target:
            target.append(line)
    lines = [module_docstring(rng, module), "from __future__ import annotations", "", *sorted(stdlib, key=import_order)]
    for group in (sorted(third, key=import_order), project):
        if group:
            lines += ["", *group]
    lines += ["", "log = logging.getLogger(__name__)"]
    if module.kind == "api":
        lines.append(f'router = APIRouter(tags=["{module.area}"])')
    return lines


def import_order(line: str) -> tuple[bool, str]:
    """isort's order within a group: `import x` lines, then `from x import y` lines."""
    return line.startswith("from "), line


def assemble(module: Module, header: list[str], units: list[str]) -> tuple[str, list[dict[str, object]]]:
    parts = ["\n".join(header) + "\n"]
    lines = parts[0].count("\n")
    expected: list[dict[str, object]] = []
    for unit in units:
        lines += 2
        match = next((p for p in module.planted if p.text is unit), None)
        if match is not None and match.rule:
            line = header_line(header, match.imports[0]) if match.line == 0 else lines + match.line
            expected.append({"rule": match.rule, "path": module.path, "line": line, "what": match.what})
        parts += ["\n\n", unit]
        lines += unit.count("\n")
    return "".join(parts), expected


def header_line(header: list[str], line: str) -> int:
    """1-based line of ``line`` in the header (the module docstring may span lines)."""
    return "\n".join(header[: header.index(line)]).count("\n") + 2


def render_init(rng: random.Random, module: Module) -> str:
    doc = f'"""The {module.name} package."""\n'
    if not module.reexports:
        return doc
    names = [name for _, name in module.reexports]
    lines = [f"from .{stem} import {name}" for stem, name in module.reexports]
    return doc + "\n" + "\n".join(lines) + f"\n\n__all__ = {sorted(set(names))!r}\n"


def render_test(rng: random.Random, module: Module) -> str:
    parts = [f'"""Tests for {module.service}."""\n\nimport pytest\n']
    size = len(parts[0])
    while size < module.size:
        name = snake(rng)
        value = rng.randint(0, 999)
        parts.append(
            f"\n\n@pytest.mark.parametrize(\"value\", [{value}, {value + 1}, {value * 2}])\n"
            f"def test_{name}(value: int) -> None:\n"
            f'    """{rng.choice(SENTENCES)}."""\n'
            f"    result = {{\"{rng.choice(NOUNS)}\": value, \"{rng.choice(COLUMNS)}\": str(value)}}\n"
            f"    assert result\n    assert len(result) == 2\n"
        )
        size += len(parts[-1])
    return "".join(parts)


def config_text(lib_names: list[str]) -> str:
    libs = "".join(f'  - name: {lib}\n    plane: shared\n    paths: ["libs/{lib}/"]\n' for lib in lib_names)
    return f"""# molecule-lint configuration of the synthetic benchmark monorepo (bench/generate.py).
version: 1

services:
  - name: controlplane
    plane: platform
    paths: ["controlplane/"]
    urls: ["PLATFORM_URL", "https://api.molecule.app"]
  - name: workspace-server
    plane: tenant
    paths: ["workspace_server/"]
    urls: ["WORKSPACE_SERVER_URL", "http://workspace-server:8080"]
  - name: memory-plugin
    plane: tenant
    paths: ["memory_plugin/"]
    urls: ["MEMORY_PLUGIN_URL", "http://memory-plugin:7070"]
{libs}
tenant_data:
  tables: [{", ".join(TENANT_TABLES_EXPLICIT)}]
  migrations: ["workspace_server/migrations/*.sql", "memory_plugin/migrations/*.sql"]
  env: [{", ".join(TENANT_ENV)}]
  redis_keys: ["ws:*", "memory:*"]
  endpoints: ["/workspaces/*/memories", "/workspaces/*/activity", "/workspaces/*/messages", "/workspaces/*/schedules"]
  modules: ["workspace_server.store", "memory_plugin.store"]

platform_data:
  # usage_reports is also created by a tenant migration (a local buffer); the platform owns the name.
  tables: [orgs, billing_accounts, dns_records, provision_jobs, usage_reports]
  migrations: ["controlplane/migrations/*.sql"]

org_keys: [org_id, tenant_id]

exclude: ["**/tests/**"]
"""


TENANT_COLUMNS = ("workspace_id TEXT NOT NULL", "agent_id TEXT", "body TEXT", "payload JSONB NOT NULL DEFAULT '{}'",
                  "status TEXT NOT NULL DEFAULT 'new'")
PLATFORM_COLUMNS = ("plan TEXT", "stripe_customer_id TEXT", "region TEXT", "amount_cents BIGINT", "provisioned_at TIMESTAMPTZ")


def migration(table: str, columns: tuple[str, ...]) -> str:
    """A CREATE TABLE; tenant and platform tables get different shapes (MOL203 compares them)."""
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (\n"
        "    id BIGSERIAL PRIMARY KEY,\n"
        "    org_id TEXT NOT NULL,\n"
        + "".join(f"    {column},\n" for column in columns)
        + "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n"
        ");\n"
        f"CREATE INDEX IF NOT EXISTS {table}_org_idx ON {table} (org_id, created_at);\n"
    )


def static_files() -> dict[str, str]:
    files = {
        "molecule-lint.yaml": config_text([lib for lib, *_ in LIBS]),
        ".gitignore": "__pycache__/\n.molecule-lint-cache/\n",
        "README.md": "# molecule (synthetic)\n\nGenerated by molecule-lint's bench/generate.py. Not real code.\n",
    }
    for i, table in enumerate((*TENANT_TABLES_MIGRATED, "usage_reports"), 1):
        files[f"workspace_server/migrations/{i:04d}_{table}.up.sql"] = migration(table, TENANT_COLUMNS)
    files["memory_plugin/migrations/0001_memories.up.sql"] = "".join(
        migration(table, TENANT_COLUMNS) for table in TENANT_TABLES_EXPLICIT
    )
    for i, table in enumerate(PLATFORM_TABLES, 1):
        files[f"controlplane/migrations/{i:04d}_{table}.up.sql"] = migration(table, PLATFORM_COLUMNS)
    return files


# --------------------------------------------------------------------------- main


def build_plan(seed: int, files: int) -> Plan:
    rng = random.Random(seed)
    modules = plan_layout(rng, files)
    plan = Plan(modules, {m.name: m for m in modules if m.name})
    assign_exports(rng, modules)
    assign_imports(rng, modules)
    assign_reexports(rng, modules)
    plant(rng, plan, files)
    return plan


def render_all(seed: int, plan: Plan) -> tuple[dict[str, str], list[dict[str, object]]]:
    rng = random.Random(seed + 1)
    out = static_files()
    expected: list[dict[str, object]] = []
    for module in plan.modules:
        if module.kind == "init":
            out[module.path] = render_init(rng, module)
        elif module.kind == "test":
            out[module.path] = render_test(rng, module)
        else:
            out[module.path], planted = render_module(rng, module)
            expected += planted
    traps = [{"path": m.path, "what": p.what} for m in plan.modules for p in m.planted if p.rule is None and p.what]
    broken = [m.path for m in plan.modules if m.kind == "broken"]
    manifest = {"violations": sorted(expected, key=lambda e: (str(e["path"]), e["line"])), "traps": traps, "broken": broken}
    out[EXPECTED] = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    return out, expected


def write_corpus(dest: Path, files: dict[str, str]) -> None:
    if dest.exists():
        if not (dest / MARKER).exists() and any(dest.iterdir()):
            raise SystemExit(f"{dest} exists and is not a generated corpus: refusing to overwrite it")
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for path in sorted({str(Path(p).parent) for p in files}):
        (dest / path).mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        (dest / path).write_bytes(text.encode("utf-8"))
    (dest / MARKER).write_text("generated by molecule-lint bench/generate.py; safe to delete\n", encoding="utf-8")


def generate(dest: Path, seed: int = DEFAULT_SEED, files: int = DEFAULT_FILES) -> dict[str, int]:
    """Write the corpus at ``dest``; returns counts for a summary line."""
    plan = build_plan(seed, files)
    out, expected = render_all(seed, plan)
    write_corpus(dest, out)
    python = [text for path, text in out.items() if path.endswith(".py")]
    return {
        "py_files": len(python),
        "py_bytes": sum(len(t.encode("utf-8")) for t in python),
        "over_50k": sum(1 for t in python if len(t) > 50_000),
        "violations": len(expected),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write (replaced if it holds an earlier corpus)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--files", type=int, default=DEFAULT_FILES, help="about how many .py files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = generate(args.dest, args.seed, args.files)
    print(
        f"{args.dest}: {stats['py_files']} .py files, {stats['py_bytes'] / 1e6:.1f} MB, "
        f"{stats['over_50k']} over 50 KB, {stats['violations']} planted violations "
        f"(seed {args.seed}, {time.perf_counter() - started:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
