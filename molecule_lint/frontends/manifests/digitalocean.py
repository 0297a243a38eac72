"""DigitalOcean App Platform specs (`.do/app.yaml`, `.do/deploy.template.yaml` under `spec:`).

Components (services, workers, jobs, functions, static sites) with their `envs`, the app-wide
`envs` every component receives, and managed `databases`. A bindable variable naming a database
(`${db.DATABASE_URL}`) is a "database" link to it: its connection string is what the variable gets.
"""

from __future__ import annotations

import re
from typing import Any

from molecule_lint.facts import Fact, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.text import scalar_text
from molecule_lint.frontends.manifests.tree import Tree, mapping, project_path, sequence, text
from molecule_lint.yamlsource import KeyPath

_COMPONENTS = ("services", "workers", "jobs", "functions", "static_sites")
_ENGINES = {"pg": "postgres", "redis": "redis", "valkey": "valkey", "mysql": "mysql", "mongodb": "mongo"}
_BINDABLE = re.compile(r"\$\{([A-Za-z0-9_-]+)\.[A-Za-z_][A-Za-z0-9_]*\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}")


def digitalocean_facts(path: str, tree: Tree) -> list[Fact]:
    document = mapping(tree.doc.value)
    prefix: KeyPath = ("spec",) if "spec" in document else ()
    spec = mapping(document.get("spec")) if prefix else document
    root = path.rpartition("/")[0].rpartition("/")[0]  # the folder holding `.do/`: source_dir is relative to it
    databases: set[str] = set()
    facts: list[Fact] = []
    for i, raw in enumerate(sequence(spec.get("databases"))):
        name = text(mapping(raw).get("name"))
        if name:
            databases.add(name)
            engine = _ENGINES.get(str(mapping(raw).get("engine", "pg")).lower(), "postgres")
            facts.append(ManifestService(tree.loc((*prefix, "databases", i, "name")), name, "digitalocean", image=engine))
    for field in _COMPONENTS:
        for i, raw in enumerate(sequence(spec.get(field))):
            component = mapping(raw)
            name = text(component.get("name"))
            if name is None:
                continue
            here: KeyPath = (*prefix, field, i)
            source_dir = text(component.get("source_dir"))
            build = project_path(root, source_dir.lstrip("/")) if source_dir else None
            facts.append(ManifestService(tree.loc((*here, "name")), name, "digitalocean", build=build or None))
            for key, entries in (((*here, "envs"), component.get("envs")), ((*prefix, "envs"), spec.get("envs"))):
                facts.extend(_envs(tree, name, key, entries, databases))
    return facts


def _envs(tree: Tree, service: str, key: KeyPath, entries: Any, databases: set[str]) -> list[Fact]:
    facts: list[Fact] = []
    for i, raw in enumerate(sequence(entries)):
        name = text(mapping(raw).get("key"))
        if name is None:
            continue
        loc = tree.loc((*key, i))
        value = scalar_text(mapping(raw).get("value"))
        bound = [m.group(1) for m in _BINDABLE.finditer(value or "") if m.group(1) in databases]
        facts.append(ManifestEnv(loc, service, name, None if bound else _BINDABLE.sub("", value) if value else None))
        facts.extend(ManifestLink(loc, service, "database", database) for database in bound)
    return facts
