"""Decide cheaply which Python files need the full libcst analysis.

Parsing with libcst costs ~10x `ast.parse` (MEASUREMENTS.md), and most files
of a repository hold nothing the rules look at. MOL101–MOL104 read the facts
of platform files and of what platform files can reach through imports, so
the closure of the platform's modules over the scanned import graph is the
set to parse. Besides it: tenant files that may declare routes (they define
tenant endpoints), files holding a `molecule-lint:` suppression (so an
unused one is still reported), and shared or unassigned files that may hold
a GROUP BY or UNION (MOL201 judges their SQL on its own; SQL whose GROUP BY
comes wholly from a constant in another module is missed there unless
reached from the platform). `--no-prefilter` parses everything.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from molecule_lint.cache import Cache, digest
from molecule_lint.discover import ServiceMap, SourceFile
from molecule_lint.modules import ModuleIndex, python_module_name
from molecule_lint.scan import Scan, scan_source


def files_to_analyse(root: Path, files: Sequence[SourceFile], services: ServiceMap, cache: Cache | None) -> set[str]:
    """Paths of the files whose facts the rules may need (every non-Python file is needed)."""
    needed = {f.path for f in files if f.language != "python"}
    python = [f for f in files if f.language == "python"]
    index = ModuleIndex({python_module_name(f.path): f.path for f in python}, [f.path for f in python])
    graph: dict[str, set[str]] = {}
    platform: set[str] = set()
    for f in python:
        scan = _scan(root, f.path, cache)
        if scan is None:
            needed.add(f.path)  # the analysis reports why it cannot be read
            continue
        graph[f.path] = {
            path for name in scan.imports if (path := _path_of(index, name, f.path)) is not None and path != f.path
        }
        plane = services.planes.get(f.service or "")
        if plane == "platform":
            platform.add(f.path)
        elif scan.suppression or (plane == "tenant" and scan.routes) or (plane != "tenant" and scan.cross_org):
            needed.add(f.path)
    return needed | _closure(graph, platform)


def _scan(root: Path, path: str, cache: Cache | None) -> Scan | None:
    try:
        stat = os.stat(root / path)
        if cache is not None and (hit := cache.scans.lookup(path, stat)) is not None:
            return hit
        source = (root / path).read_bytes()
    except OSError:
        return None
    scan = scan_source(source, python_module_name(path), path.endswith("__init__.py"))
    if cache is not None:
        cache.scans.store(path, stat, digest(source), scan)
    return scan


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
