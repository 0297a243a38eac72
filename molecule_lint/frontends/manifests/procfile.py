"""Procfiles (Heroku, Dokku, Render, Nixpacks): `type: command` lines. One service, the folder the file
stands in, and the variables its commands set (`X=1 cmd`) or read (`$TENANT_DATABASE_URL`) — as for
Railway's commands, each is something the deployment's environment must hold.
"""

from __future__ import annotations

import re

from molecule_lint.facts import Fact, ManifestService
from molecule_lint.frontends.manifests.text import Lines, command_facts

_PROCESS = re.compile(r"^\s*[A-Za-z0-9_-]+\s*:(.*)$")


def procfile_facts(path: str, source: str) -> list[Fact]:
    folder = path.rpartition("/")[0]
    service = folder.rpartition("/")[2] if folder else "procfile"
    lines = Lines(source)
    facts: list[Fact] = [ManifestService(lines.loc(1), service, "procfile", build=folder or None)]
    for number, line in enumerate(source.splitlines(), 1):
        process = _PROCESS.match(line)
        if process is not None:
            facts.extend(command_facts(lines.loc(number), service, process.group(1).strip()))
    return facts
