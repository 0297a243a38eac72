"""Decide cheaply which Python files need the full analysis.

A parse and its walk cost ~10x this scan, and most files
of a repository hold nothing the rules look at. A byte-level scan of every
file (scan.py: its imports, and whether it names a tenant table, env var, key
space, endpoint or service URL) decides. Platform and shared code is parsed
when it can lie on a path from platform code to tenant evidence: reachable
from a platform file over the scanned import graph, and itself reaching a
file that names tenant data or is tenant code. Such a path is exactly what
MOL101–MOL104 and MOL202 report, and every hop of it is an import, so
nothing off these paths can change a finding. Platform files themselves are
always parsed (they are what the rules judge). Files that read a config document at run time (`OmegaConf.load`, `yaml.safe_load`, ...) count as
naming both, since the document may. For the tenant runtime
contract: tenant files that name where the platform is (MOL301), and the
files on import paths from tenant code to code that may pick a data store
from a value (MOL302, see `_org_paths`). Besides: tenant files that may
declare routes (they define tenant endpoints), files holding a
`molecule-lint:` suppression (so an unused one is still reported), and shared
or unassigned files that may hold a GROUP BY or UNION or their ORM forms (MOL201), with the files they
import (the models an ORM query names its table through). And the non-tenant files such platform
files import directly: a query builder or a helper that runs the table name it is given names nothing
itself, yet the platform call through it is a finding (the value-flow core, molecule_lint/core); and
settings modules naming tenant data (Django's `settings.X` imports no module); the models modules
platform code takes models from by app label (`apps.get_model("shop", "Order")`).

Known gap: a tenant name that no file spells out (a table name glued from two
constants of different files; one file quoting both halves, `"ws_"` and `"messages"`,
is evidence) is evidence the scan cannot see, and a helper two imports away from the
platform file that calls it is not parsed. For MOL301, the tenant files importing a
tenant or shared file that names where the platform is are parsed (they may build its URL from a
constant there), not those further away. `--no-prefilter` parses all.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from molecule_lint.cache import Cache, digest
from molecule_lint.catalog import DataCatalog
from molecule_lint.config import Config
from molecule_lint.discover import ServiceMap, SourceFile
from molecule_lint.modules import ModuleIndex, python_module_name
from molecule_lint.scan import Needles, Scan, scan_source


def tenant_needles(config: Config, catalog: DataCatalog) -> Needles:
    """Literal words of everything the config and the migrations call tenant data, and of where the
    platform is (its services' URL hosts and env names: what MOL301 looks for in tenant code)."""
    data = config.tenant_data
    words: list[str] = list(data.modules)
    words += [part for pattern in (*data.env, *data.redis_keys) for part in pattern.split("*")]
    # The literal prefix, "/workspaces/" as "workspaces/": a client holding the base URL joins a relative path;
    # and its last segment, "/v1/workspaces/" as "workspaces/" too: the API root is often a constant of its own.
    prefixes = [endpoint.split("*", 1)[0].lstrip("/") for endpoint in data.endpoints]
    words += prefixes + [last for prefix in prefixes if (last := _last_segment(prefix)) != prefix]
    words += [url for service in config.services if service.plane == "tenant" for url in service.urls]
    platform = [service.urls for service in config.services if service.plane == "platform"]
    return Needles(catalog.tenant_tables, words, [url.split("://", 1)[-1] for urls in platform for url in urls])


def _last_segment(prefix: str) -> str:
    """ "v1/workspaces/" -> "workspaces/" (a prefix with no slash inside stays as it is)."""
    head, _, last = prefix.rstrip("/").rpartition("/")
    return f"{last}/" if head and last else prefix


@dataclass(frozen=True, slots=True)
class Selection:
    needed: set[str]  # the files whose facts the rules may need (every non-Python file is)
    # Platform files that code of another plane reaches over the scanned imports: what such a file says
    # (its tenant words, its flags) can decide which other files are needed.
    platform_reached: frozenset[str]


def files_to_analyse(
    root: Path, files: Sequence[SourceFile], services: ServiceMap, needles: Needles, cache: Cache | None
) -> Selection:
    needed = {f.path for f in files if f.language != "python"}
    python = [f for f in files if f.language == "python"]
    index = ModuleIndex({python_module_name(f.path): f.path for f in python}, [f.path for f in python])
    graph: dict[str, set[str]] = {}
    platform: set[str] = set()
    tenant: set[str] = set()
    evidence: set[str] = set()
    readers: set[str] = set()
    stores: set[str] = set()
    grouping: set[str] = set()  # outside tenant code: may hold a GROUP BY, a UNION or their ORM forms (MOL201)
    registry: dict[str, frozenset[str]] = {}  # platform files naming models by app label (`apps.get_model`)
    platform_named: set[str] = set()  # tenant files naming where the platform is (MOL301)
    for f in python:
        scan = _scan(root, f.path, needles, cache)
        if scan is None:
            needed.add(f.path)  # the analysis reports why it cannot be read
            continue
        graph[f.path] = {
            path for name in scan.imports if (path := _path_of(index, name, f.path)) is not None and path != f.path
        }
        plane = services.planes.get(f.service or "")
        if plane == "platform":
            platform.add(f.path)
            registry[f.path] = scan.app_models
            needed.add(f.path)  # the rules' subject: always parsed, so a broken one is reported (MOL901)
        if plane == "tenant":
            tenant.add(f.path)
        if plane != "platform" and (scan.platform_words or scan.loads_documents):
            needed.add(f.path)  # MOL301 reads it, or the constant tenant code takes from it
            platform_named.add(f.path)
        if scan.reads_request or scan.routes:
            readers.add(f.path)
        if scan.picks_store:
            stores.add(f.path)
        if plane == "tenant" or scan.tenant_words or scan.loads_documents:
            evidence.add(f.path)
            if plane != "tenant" and "settings" in f.path.removesuffix(".py").split("/"):
                needed.add(f.path)  # Django's `settings.X` reaches it with no import: the value-flow core reads it
        if scan.suppression or (plane == "tenant" and scan.routes):
            needed.add(f.path)
        if plane != "tenant" and scan.cross_org:
            grouping.add(f.path)
    back = _reversed(graph)
    # Tenant code importing such a file may build the platform's URL from its constant (`f"https://{HOST}"`,
    # `getenv(X) or urls.API`).
    needed |= {importer for path in platform_named for importer in back.get(path, ()) if importer in tenant}
    reaching = _closure(back, evidence)
    # Tenant files on such paths are parsed too: the chain goes on through them down to the store.
    chain = _closure(graph, platform) & reaching
    needed |= chain
    # A file on such a path may hand a tenant name to a helper, builder or client class it imports, or
    # inherit the method that runs the query (a model's mixin, a generic repository), which names nothing
    # itself: the value-flow core needs those summaries too, one import away.
    needed |= {path for source in chain - tenant for path in graph.get(source, ()) if path not in tenant}
    needed |= _org_paths(graph, back, tenant, readers, stores)
    # A query that may group by org, and the models it imports (an ORM chain names its table through them).
    needed |= grouping | {path for source in grouping for path in graph.get(source, ())}
    needed |= _registered_models(index, graph, registry)
    return Selection(needed, frozenset(_closure(graph, set(graph) - platform) & platform))


def _registered_models(index: ModuleIndex, graph: dict[str, set[str]], registry: dict[str, frozenset[str]]) -> set[str]:
    """The models modules platform code takes models from by app label (`apps.get_model("shop", "Order")`):
    each one, and the modules a `models/__init__.py` re-exports them from; nothing they import besides."""
    found: set[str] = set()
    for path, names in registry.items():
        for name in names:
            target = _path_of(index, name, path)
            if target is not None:
                found |= {target, *(graph.get(target, ()) if target.endswith("__init__.py") else ())}
    return found


def _org_paths(
    graph: dict[str, set[str]], back: dict[str, set[str]], tenant: set[str], readers: set[str], stores: set[str]
) -> set[str]:
    """What MOL302 follows: an org id taken in tenant code goes along calls, hence along imports, to where
    it picks a store. The files on such import paths are parsed; so are the request-reading files they
    reach (getters of the org id) and the files importing one of them (a caller anywhere makes a function
    no entry point, whose org-named parameters would otherwise count as runtime org ids)."""
    on_paths = _closure(graph, tenant) & _closure(back, stores)
    callers = {caller for path in on_paths for caller in back.get(path, ())}
    return on_paths | (_closure(graph, on_paths) & readers) | callers


def _scan(root: Path, path: str, needles: Needles, cache: Cache | None) -> Scan | None:
    try:
        stat = os.stat(root / path)
        if cache is not None and (hit := cache.scans.lookup(path, stat)) is not None and hit.needles_key == needles.key:
            return hit
        source = (root / path).read_bytes()
    except OSError:
        return None
    scan = scan_source(source, python_module_name(path), path.endswith("__init__.py"), needles)
    if cache is not None:
        cache.scans.store(path, stat, digest(source), scan)
    return scan


def _reversed(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    back: dict[str, set[str]] = {path: set() for path in graph}
    for source, targets in graph.items():
        for target in targets:
            back.setdefault(target, set()).add(source)
    return back


def _path_of(index: ModuleIndex, name: str, near: str) -> str | None:
    module = index.resolve(name, near)
    return index.paths.get(module) if module else None


def _closure(graph: dict[str, set[str]], start: set[str]) -> set[str]:
    """Every file reachable from ``start``, with the `__init__` of each package on the way."""
    seen = set(start)
    queue = deque(sorted(start))
    while queue:
        path = queue.popleft()
        for target in sorted(graph.get(path, set()) | _parent_inits(path, graph)):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _parent_inits(path: str, graph: dict[str, set[str]]) -> set[str]:
    """Importing a.b.c runs a/__init__.py and a/b/__init__.py, which may re-export."""
    inits = set()
    directory = path.rpartition("/")[0]
    while directory:
        init = f"{directory}/__init__.py"
        if init in graph and init != path:
            inits.add(init)
        directory = directory.rpartition("/")[0]
    return inits
