"""docker-compose files (the `services:` format of compose v2/v3 and the Compose Specification).

Anchors and `<<` merge keys are expanded by the YAML loader; `${VAR:-default}`
is interpolated with the default kept. An `env_file` is not read here: it
becomes a link to that file, whose own facts the linker gives to the service
(so each file's facts depend on that file's bytes alone, as the cache needs).
"""

from __future__ import annotations

import posixpath
from typing import Any

from molecule_lint.facts import Fact, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.text import interpolate, scalar_text
from molecule_lint.frontends.manifests.tree import Tree, mapping, project_path, sequence, text
from molecule_lint.yamlsource import KeyPath


def is_compose(value: Any) -> bool:
    """A document shaped like a compose file: `services:` mapping names to mappings."""
    services = mapping(value).get("services")
    return isinstance(services, dict) and all(isinstance(spec, dict) for spec in services.values())


def compose_facts(path: str, tree: Tree) -> list[Fact]:
    folder = path.rpartition("/")[0]
    facts: list[Fact] = _includes(tree, folder)
    for name, raw in mapping(mapping(tree.doc.value).get("services")).items():
        here: KeyPath = ("services", name)
        spec = mapping(raw)
        image = text(spec.get("image"))
        facts.append(
            ManifestService(
                tree.loc(here),
                name,
                "compose",
                build=_build_context(folder, spec.get("build")),
                image=interpolate(image).value if image else None,
            )
        )
        facts.extend(_environment(tree, name, here, spec.get("environment")))
        facts.extend(_env_files(tree, folder, name, here, spec.get("env_file")))
        facts.extend(_links(tree, name, here, spec))
        facts.extend(_extends(tree, path, name, here, spec.get("extends")))
    return facts


def _includes(tree: Tree, folder: str) -> list[Fact]:
    """Top-level `include:` (short or long syntax): files whose services join this project (service "")."""
    facts: list[Fact] = []
    for i, entry in enumerate(sequence(mapping(tree.doc.value).get("include"))):
        long = mapping(entry).get("path")
        paths = [entry] if isinstance(entry, str) else [long] if isinstance(long, str) else sequence(long)
        for written in paths:
            target = project_path(folder, interpolate(written).value) if text(written) else None
            if target:
                facts.append(ManifestLink(tree.loc(("include", i)), "", "include", target))
    return facts


def _extends(tree: Tree, path: str, service: str, here: KeyPath, extends: Any) -> list[Fact]:
    """`extends: base` or `extends: {service: base, file: common.yml}`: target "<file>#<service>"."""
    base = text(extends) or text(mapping(extends).get("service"))
    written = text(mapping(extends).get("file"))
    target = project_path(path.rpartition("/")[0], interpolate(written).value) if written else path
    if base is None or target is None:
        return []
    return [ManifestLink(tree.loc((*here, "extends")), service, "extends", f"{target}#{base}")]


def _build_context(folder: str, build: Any) -> str | None:
    """The folder a service is built from: its context; for a context at the project root (a monorepo's
    `context: .`), the folder of its `dockerfile` (`workspace-server/Dockerfile`) says more."""
    context = text(build) or text(mapping(build).get("context"))
    built = project_path(folder, interpolate(context).value) if context else None
    dockerfile = text(mapping(build).get("dockerfile"))
    if built == "." and dockerfile and "/" in dockerfile:
        return project_path("", posixpath.dirname(interpolate(dockerfile).value)) or built
    return built


def _environment(tree: Tree, service: str, here: KeyPath, environment: Any) -> list[Fact]:
    key: KeyPath = (*here, "environment")
    facts: list[Fact] = []
    if isinstance(environment, dict):
        for name, value in mapping(environment).items():
            facts.append(_env(tree, (*key, name), service, name, scalar_text(value)))
    for i, item in enumerate(sequence(environment)):
        if isinstance(item, str) and item.strip():
            name, has_value, value = item.partition("=")
            facts.append(_env(tree, (*key, i), service, name.strip(), value if has_value else None))
    return facts


def _env(tree: Tree, key: KeyPath, service: str, name: str, value: str | None) -> ManifestEnv:
    if value is None:
        return ManifestEnv(tree.loc(key), service, name, None)  # passed through from the host's environment
    interpolated = interpolate(value)
    return ManifestEnv(tree.loc(key), service, name, interpolated.value, interpolated.variables)


def _env_files(tree: Tree, folder: str, service: str, here: KeyPath, env_file: Any) -> list[Fact]:
    key: KeyPath = (*here, "env_file")
    entries = [(key, env_file)] if isinstance(env_file, str) else [((*key, i), e) for i, e in enumerate(sequence(env_file))]
    facts: list[Fact] = []
    for where, entry in entries:
        relative = text(entry) or text(mapping(entry).get("path"))  # long syntax: {path: x, required: false}
        target = project_path(folder, interpolate(relative).value) if relative else None
        if target:
            facts.append(ManifestLink(tree.loc(where), service, "env_file", target))
    return facts


def _links(tree: Tree, service: str, here: KeyPath, spec: dict[str, Any]) -> list[Fact]:
    facts: list[Fact] = []
    for kind, field in (("depends_on", "depends_on"), ("network", "networks")):
        value = spec.get(field)
        if isinstance(value, dict):
            names = [(name, (*here, field, name)) for name in mapping(value)]
        else:
            names = [(n, (*here, field, i)) for i, n in enumerate(sequence(value)) if isinstance(n, str)]
        facts.extend(ManifestLink(tree.loc(where), service, kind, name) for name, where in names)
    for i, link in enumerate(sequence(spec.get("links"))):
        if isinstance(link, str) and link.strip():
            facts.append(ManifestLink(tree.loc((*here, "links", i)), service, "link", link.split(":", 1)[0].strip()))
    for i, volume in enumerate(sequence(spec.get("volumes"))):
        source = _named_volume(volume)
        if source:
            facts.append(ManifestLink(tree.loc((*here, "volumes", i)), service, "volume", source))
    return facts


def _named_volume(volume: Any) -> str | None:
    """The named volume a mount uses; bind mounts of host paths are not named volumes."""
    if isinstance(volume, dict):
        return text(volume.get("source")) if volume.get("type", "volume") == "volume" else None
    if not isinstance(volume, str) or ":" not in volume:
        return None  # an anonymous volume
    source = volume.split(":", 1)[0].strip()
    return source if source and not source.startswith((".", "/", "~", "$")) else None
