"""Heroku app manifests (`app.json`): the app and its `env` (a value, or `{"value": ...}`).

Other tools write an `app.json` too (Expo's is `{"expo": ...}`): a file with none of Heroku's
top-level keys gives no facts.
"""

from __future__ import annotations

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, key_line, load_document, scalar_text
from molecule_lint.frontends.manifests.tree import mapping, text

_HEROKU_KEYS = frozenset({"env", "addons", "buildpacks", "formation", "stack"})


def heroku_facts(path: str, source: str) -> list[Fact]:
    config = load_document(path, source)
    if not _HEROKU_KEYS.intersection(config):
        return []
    folder = path.rpartition("/")[0]
    service = text(config.get("name")) or folder.rpartition("/")[2] or "heroku"
    lines = Lines(source)
    facts: list[Fact] = [ManifestService(lines.loc(key_line(source, path, (), "name")), service, "heroku", build=folder or None)]
    for name, spec in mapping(config.get("env")).items():
        value = scalar_text(mapping(spec).get("value")) if isinstance(spec, dict) else scalar_text(spec)
        facts.append(ManifestEnv(lines.loc(key_line(source, path, ("env",), name)), service, name, value))
    return facts
