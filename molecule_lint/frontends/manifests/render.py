"""Render blueprints (`render.yaml`): services with `envVars`, databases, env groups.

`fromDatabase` and `fromService` are links to another resource of the
blueprint (its connection string is what the variable receives); `fromGroup`
is expanded here, since groups live in the same file.
"""

from __future__ import annotations

from typing import Any

from molecule_lint.facts import Fact, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.text import scalar_text
from molecule_lint.frontends.manifests.tree import Tree, mapping, project_path, sequence, text
from molecule_lint.yamlsource import KeyPath

# Render service types that are data stores themselves (their `image` says what they are to the linker).
_STORE_TYPES = {"redis": "redis", "keyvalue": "redis"}
# envVars entries that take their value from another resource of the blueprint -> ManifestLink kind
_FROM = (("fromDatabase", "database"), ("fromService", "link"))


def render_facts(path: str, tree: Tree) -> list[Fact]:
    folder = path.rpartition("/")[0]
    blueprint = mapping(tree.doc.value)
    groups = _groups(blueprint)
    facts: list[Fact] = []
    for i, raw in enumerate(sequence(blueprint.get("databases"))):
        name = text(mapping(raw).get("name"))
        if name:
            facts.append(ManifestService(tree.loc(("databases", i, "name")), name, "render", image="postgres"))
    for i, raw in enumerate(sequence(blueprint.get("services"))):
        spec = mapping(raw)
        name = text(spec.get("name"))
        if name is None:
            continue
        here: KeyPath = ("services", i)
        root = text(spec.get("rootDir")) or text(spec.get("dockerContext"))
        image = _STORE_TYPES.get(str(spec.get("type"))) or text(mapping(spec.get("image")).get("url"))
        build = project_path(folder, root) if root else None
        facts.append(ManifestService(tree.loc((*here, "name")), name, "render", build=build, image=image))
        facts.extend(_env_vars(tree, name, (*here, "envVars"), spec.get("envVars"), groups))
    return facts


def _groups(blueprint: dict[str, Any]) -> dict[str, tuple[KeyPath, Any]]:
    groups: dict[str, tuple[KeyPath, Any]] = {}
    for i, raw in enumerate(sequence(blueprint.get("envVarGroups"))):
        name = text(mapping(raw).get("name"))
        if name:
            groups[name] = (("envVarGroups", i, "envVars"), mapping(raw).get("envVars"))
    return groups


def _env_vars(
    tree: Tree, service: str, key: KeyPath, env_vars: Any, groups: dict[str, tuple[KeyPath, Any]]
) -> list[Fact]:
    facts: list[Fact] = []
    for i, raw in enumerate(sequence(env_vars)):
        entry = mapping(raw)
        where = (*key, i)
        group = text(entry.get("fromGroup"))
        if group in groups:
            group_key, group_vars = groups[group]
            facts.extend(_env_vars(tree, service, group_key, group_vars, {}))  # groups do not nest
            continue
        name = text(entry.get("key"))
        if name is None:
            continue
        loc = tree.loc(where)
        source = next(((kind, mapping(entry.get(field))) for field, kind in _FROM if field in entry), None)
        if source is None:
            facts.append(ManifestEnv(loc, service, name, scalar_text(entry.get("value"))))
            continue
        kind, reference = source
        target = text(reference.get("name"))
        facts.append(ManifestEnv(loc, service, name, None))
        if target:
            facts.append(ManifestLink(loc, service, kind, target))
    return facts

