"""INI files: a service's settings (`production.ini`, `development.ini`, `alembic.ini`), as PasteDeploy,
Pyramid and `configparser` read them, and supervisord's programs (`supervisord.conf`, `supervisor/*.conf`).

Settings: one ManifestService named after the folder (the file name at the root), and each setting as a
variable of it: a PasteDeploy `[app:*]` or `[DEFAULT]` key under its own (dotted) name, another section's
as `section.key` (`[database] url` -> `database.url`). supervisord: each `[program:name]` a service, its
`environment=KEY="value",...` its variables, the Python module its `command=` runs placing it.

Settings are located as inisource reads them: indented continuation lines are skipped (a URL fits one line). A `;` after whitespace starts a comment in
supervisord; `configparser` (PasteDeploy's, Alembic's) keeps it in the value, and so does this reader.
`%(here)s` and other interpolations stay as written.
Test-runner and linter INI files (pytest.ini, tox.ini, mypy.ini) are not read (kinds.py).
"""

from __future__ import annotations

import re

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, python_module
from molecule_lint.inisource import SECTION, settings

_INLINE_COMMENT = re.compile(r"\s;")  # supervisord's
_UNPREFIXED = ("app:", "DEFAULT")  # sections whose keys are a service's settings under their own names
_PROGRAM = "program:"
_ENV_PAIR = re.compile(r"""\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("[^"]*"|'[^']*'|[^,]*)\s*(?:,|$)""")


def ini_facts(path: str, text: str) -> list[Fact]:
    folder, _, name = path.rpartition("/")
    service = folder.rpartition("/")[2] if folder else name
    lines = Lines(text)
    facts: list[Fact] = [ManifestService(lines.loc(1), service, "ini")]
    for number, section, key, value in settings(text):
        name = key if section.startswith(_UNPREFIXED) else f"{section}.{key}"
        facts.append(ManifestEnv(lines.loc(number), service, name, value))
    return facts


def supervisord_facts(text: str) -> list[Fact]:
    lines = Lines(text)
    headers = {m.group(1).strip(): n for n, raw in enumerate(text.splitlines(), 1) if (m := SECTION.match(raw))}
    programs: dict[str, str | None] = {name: None for name in headers if name.startswith(_PROGRAM)}  # -> module it runs
    envs: list[Fact] = []
    for number, section, key, value in settings(text):
        program = section.removeprefix(_PROGRAM).strip()
        if section not in programs:
            continue
        if key == "command":
            programs[section] = python_module(value)
        if key == "environment":
            envs += [
                ManifestEnv(lines.loc(number), program, pair.group(1), pair.group(2).strip("\"'"))
                for pair in _ENV_PAIR.finditer(_INLINE_COMMENT.split(value, maxsplit=1)[0])
            ]
    services: list[Fact] = [
        ManifestService(lines.loc(headers[section]), section.removeprefix(_PROGRAM).strip(), "supervisord", runs=runs)
        for section, runs in programs.items()
    ]
    return services + envs
