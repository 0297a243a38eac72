"""Railway config as code (`railway.toml`, `railway.json`): one service, the folder it stands in.

Railway keeps variables in its dashboard, not in this file; what the file
does show is the commands the service runs, and the variables those set
(`X=1 cmd`) or read (`$TENANT_DATABASE_URL`) — each is something the
deployment's environment must hold.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

from molecule_lint.facts import Fact, Location, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, command_env, interpolate
from molecule_lint.frontends.manifests.tree import mapping, sequence

_COMMANDS = (("build", "buildCommand"), ("deploy", "startCommand"), ("deploy", "preDeployCommand"))
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+)")


class RailwayError(Exception):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def railway_facts(path: str, source: str) -> list[Fact]:
    config = _parse(path, source)
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
                loc = lines.loc(_line_of(source, path, (*prefix, table), key))
                facts.extend(fact for command in commands for fact in _command_facts(loc, service, command))
    return facts


def _parse(path: str, source: str) -> dict[str, Any]:
    try:
        value = json.loads(source) if path.endswith(".json") else tomllib.loads(source)
    except json.JSONDecodeError as exc:
        raise RailwayError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's tomllib puts the position in the message only: "(at line 3, column 5)", "(at end of document)".
        match = _TOML_ERROR_LINE.search(str(exc))
        line = int(match.group(1)) if match else len(source.splitlines()) or 1
        raise RailwayError(f"invalid TOML: {exc}", line) from None
    return mapping(value)


def _command_facts(loc: Location, service: str, command: str) -> list[Fact]:
    facts: list[Fact] = []
    for env in command_env(command):
        if env.value is None:
            facts.append(ManifestEnv(loc, service, env.name, None))
        else:
            interpolated = interpolate(env.value)
            facts.append(ManifestEnv(loc, service, env.name, interpolated.value, interpolated.variables))
    return facts


def _line_of(source: str, path: str, table: tuple[str, ...], key: str) -> int:
    """The line of ``key`` in ``table`` (tomllib and json keep no positions: found by text), else 1."""
    raw = source.splitlines()
    if path.endswith(".json"):
        start = _first(raw, re.compile(rf'"{re.escape(table[-1])}"\s*:'), 0)
        found = _first(raw, re.compile(rf'"{re.escape(key)}"\s*:'), start or 0)
    else:
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(part) for part in table) + r"\s*\]")
        start = _first(raw, header, 0)
        found = _first(raw, re.compile(rf'^\s*"?{re.escape(key)}"?\s*='), start) if start is not None else None
    return found + 1 if found is not None else 1


def _first(raw: list[str], pattern: re.Pattern[str], start: int) -> int | None:
    return next((i for i in range(start, len(raw)) if pattern.search(raw[i])), None)
