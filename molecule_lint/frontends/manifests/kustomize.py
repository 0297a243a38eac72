"""Kustomize (`kustomization.yaml`): the ConfigMaps and Secrets its generators make.

A generator's `literals` (`KEY=value`) become ConfigMap/Secret data here, at their line; its `envs`
(or the older `env`) files become "generator-env" links (service "<Kind>/<name>", target the
file) that the linker turns into data from that dotenv file. Workloads reach them through the
`envFrom`/`valueFrom` their own manifests (in a base, or a patch file) already hold, by name.
Patch files are Kubernetes documents of their own and are read as such.
"""

from __future__ import annotations

from typing import Any

from molecule_lint.facts import Fact, ManifestData, ManifestLink
from molecule_lint.frontends.manifests.tree import Tree, mapping, project_path, sequence, text

_GENERATORS = (("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret"))


def kustomize_facts(path: str, tree: Tree) -> list[Fact]:
    folder = path.rpartition("/")[0]
    document = mapping(tree.doc.value)
    facts: list[Fact] = []
    for field, kind in _GENERATORS:
        for i, raw in enumerate(sequence(document.get(field))):
            generator = mapping(raw)
            name = text(generator.get("name"))
            if name is None:
                continue
            facts.extend(_literals(tree, kind, name, (field, i, "literals"), generator.get("literals")))
            for source in ("envs", "env"):
                entries = generator.get(source)
                for j, entry in ([(None, entries)] if isinstance(entries, str) else enumerate(sequence(entries))):
                    target = project_path(folder, entry) if text(entry) else None
                    if target:
                        where = (field, i, source) if j is None else (field, i, source, j)
                        facts.append(ManifestLink(tree.loc(where), f"{kind}/{name}", "generator-env", target))
    return facts


def _literals(tree: Tree, kind: str, name: str, key: tuple[str | int, ...], literals: Any) -> list[Fact]:
    facts: list[Fact] = []
    for i, literal in enumerate(sequence(literals)):
        if isinstance(literal, str) and "=" in literal:
            variable, _, value = literal.partition("=")
            facts.append(ManifestData(tree.loc((*key, i)), kind, name, variable.strip(), value.strip().strip("\"'")))
    return facts
