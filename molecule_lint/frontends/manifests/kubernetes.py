"""Kubernetes manifests: the containers of workloads, and the ConfigMaps and Secrets they draw on.

Each document of a multi-document file is read on its own. A workload's env
that comes from a ConfigMap or Secret (`valueFrom`, `envFrom`) stays a
reference here; the linker resolves it against the ConfigMaps and Secrets of
all manifests, so a Secret in another file is found as well.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from molecule_lint.facts import Fact, ManifestData, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.text import scalar_text
from molecule_lint.frontends.manifests.tree import Tree, mapping, sequence, text
from molecule_lint.yamlsource import KeyPath

# kind -> where the pod spec stands in it
POD_SPEC: dict[str, KeyPath] = {
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "Pod": ("spec",),
}
_REF_KINDS = {"configMapKeyRef": "ConfigMap", "secretKeyRef": "Secret"}
_ENV_FROM = {"configMapRef": "configmap", "secretRef": "secret"}


def is_kubernetes(value: Any) -> bool:
    document = mapping(value)
    return bool(text(document.get("apiVersion")) and text(document.get("kind")))


def kubernetes_facts(tree: Tree) -> list[Fact]:
    document = mapping(tree.doc.value)
    kind = text(document.get("kind"))
    name = text(mapping(document.get("metadata")).get("name"))
    if kind is None or name is None:
        return []
    if kind in ("ConfigMap", "Secret"):
        return _data(tree, kind, name, document)
    if kind in POD_SPEC:
        return _workload(tree, name, POD_SPEC[kind], document)
    return []


def _data(tree: Tree, kind: str, name: str, document: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    for key, value in mapping(document.get("data")).items():
        plain = _base64(value) if kind == "Secret" else scalar_text(value)
        facts.append(ManifestData(tree.loc(("data", key)), kind, name, key, plain))
    if kind == "Secret":
        for key, value in mapping(document.get("stringData")).items():
            facts.append(ManifestData(tree.loc(("stringData", key)), kind, name, key, scalar_text(value)))
    return facts


def _base64(value: Any) -> str | None:
    try:
        return base64.b64decode(str(value), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def _workload(tree: Tree, name: str, spec_path: KeyPath, document: dict[str, Any]) -> list[Fact]:
    pod: Any = document
    for key in spec_path:
        pod = mapping(pod).get(str(key))
    containers = [
        ((*spec_path, field, i), mapping(c))
        for field in ("containers", "initContainers")
        for i, c in enumerate(sequence(mapping(pod).get(field)))
    ]
    images = [image for _, c in containers if (image := text(c.get("image")))]
    # The first main container's image says what the workload is (postgres, redis, ...), not a sidecar's.
    image = images[0] if images else None
    namespace = text(mapping(document.get("metadata")).get("namespace"))
    facts: list[Fact] = [ManifestService(tree.loc(("metadata", "name")), name, "kubernetes", image=image, namespace=namespace)]
    for where, container in containers:
        facts.extend(_env(tree, name, where, container))
        facts.extend(_env_from(tree, name, where, container))
    return facts


def _env(tree: Tree, service: str, where: KeyPath, container: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    for i, entry in enumerate(sequence(container.get("env"))):
        entry = mapping(entry)
        name = text(entry.get("name"))
        if name is None:
            continue
        loc = tree.loc((*where, "env", i))
        ref = _key_ref(mapping(entry.get("valueFrom")))
        facts.append(ManifestEnv(loc, service, name, None if ref else scalar_text(entry.get("value")), ref=ref))
    return facts


def _key_ref(value_from: dict[str, Any]) -> str | None:
    for field, kind in _REF_KINDS.items():
        ref = mapping(value_from.get(field))
        name, key = text(ref.get("name")), text(ref.get("key"))
        if name and key:
            return f"{kind}/{name}/{key}"
    return None


def _env_from(tree: Tree, service: str, where: KeyPath, container: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    for i, source in enumerate(sequence(container.get("envFrom"))):
        for field, kind in _ENV_FROM.items():
            name = text(mapping(mapping(source).get(field)).get("name"))
            if name:
                facts.append(ManifestLink(tree.loc((*where, "envFrom", i)), service, kind, name))
    return facts
