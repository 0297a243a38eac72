"""Railway config as code (`railway.toml`, `railway.json`): one service, the folder it stands in.

Railway keeps variables in its dashboard, not in this file; what the file
does show is the commands the service runs, and the variables those set
(`X=1 cmd`) or read (`$TENANT_DATABASE_URL`) — each is something the
deployment's environment must hold.
"""

from __future__ import annotations

from typing import Any

from molecule_lint.facts import Fact, ManifestService
from molecule_lint.frontends.manifests.text import Lines, command_facts, key_line, load_document
from molecule_lint.frontends.manifests.tree import mapping, sequence

_COMMANDS = (("build", "buildCommand"), ("deploy", "startCommand"), ("deploy", "preDeployCommand"))


def railway_facts(path: str, source: str) -> list[Fact]:
    config = load_document(path, source)
    folder = path.rpartition("/")[0]
    service = folder.rpartition("/")[2] if folder else "railway"
    lines = Lines(source)
    facts: list[Fact] = [ManifestService(lines.loc(1), service, "railway", build=folder or None)]
    sections: list[tuple[tuple[str, ...], dict[str, Any]]] = [((), config)]
    sections += [(("environments", env), mapping(v)) for env, v in mapping(config.get("environments")).items()]
    for prefix, section in sections:
        for table, key in _COMMANDS:
            value = mapping(section.get(table)).get(key)
            commands = [value] if isinstance(value, str) else [c for c in sequence(value) if isinstance(c, str)]
            if commands:
                loc = lines.loc(key_line(source, path, (*prefix, table), key))
                facts.extend(fact for command in commands for fact in command_facts(loc, service, command))
    return facts

