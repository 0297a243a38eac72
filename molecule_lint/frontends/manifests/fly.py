"""Fly.io (`fly.toml`): one app, its `[env]` table, built from the folder of its Dockerfile."""

from __future__ import annotations

import posixpath

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, key_line, load_document, scalar_text
from molecule_lint.frontends.manifests.tree import mapping, project_path, text


def fly_facts(path: str, source: str) -> list[Fact]:
    config = load_document(path, source)
    folder = path.rpartition("/")[0]
    dockerfile = text(mapping(config.get("build")).get("dockerfile"))
    build = project_path(folder, posixpath.dirname(dockerfile)) if dockerfile else folder
    service = text(config.get("app")) or folder.rpartition("/")[2] or "fly"
    lines = Lines(source)
    facts: list[Fact] = [ManifestService(lines.loc(key_line(source, path, (), "app")), service, "fly", build=build or None)]
    for name, value in mapping(config.get("env")).items():
        loc = lines.loc(key_line(source, path, ("env",), name))
        facts.append(ManifestEnv(loc, service, name, scalar_text(value)))  # Fly does not interpolate
    return facts
