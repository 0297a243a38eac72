"""INI settings files (`production.ini`, `development.ini`, `alembic.ini`): the settings a service ships
with, as PasteDeploy, Pyramid and `configparser` read them. One ManifestService named after the folder
(the file name at the root), and each setting as a variable of it: a PasteDeploy `[app:*]` or
`[DEFAULT]` key under its own (dotted) name, another section's as `section.key` (`[database] url` ->
`database.url`). Indented continuation lines are skipped (a URL fits one line); a `;` or `#` after
whitespace starts a comment, as most INI readers take it. `%(here)s` and other interpolations stay as
written. Test-runner and linter INI files (pytest.ini, tox.ini, mypy.ini) are not read (kinds.py).
"""

from __future__ import annotations

import re

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines

_SECTION = re.compile(r"^\[([^\]]+)\]\s*(?:[;#].*)?$")
_SETTING = re.compile(r"^([^\s=:;#\[][^=:]*?)\s*[=:]\s*(.*)$")
_INLINE_COMMENT = re.compile(r"\s[;#]")
_UNPREFIXED = ("app:", "DEFAULT")  # sections whose keys are a service's settings under their own names


def ini_facts(path: str, text: str) -> list[Fact]:
    folder, _, name = path.rpartition("/")
    service = folder.rpartition("/")[2] if folder else name
    lines = Lines(text)
    facts: list[Fact] = [ManifestService(lines.loc(1), service, "ini")]
    section = "DEFAULT"
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw[0].isspace() or raw[0] in ";#":
            continue
        header = _SECTION.match(raw)
        if header is not None:
            section = header.group(1).strip()
            continue
        setting = _SETTING.match(raw)
        if setting is None:
            continue
        key, value = setting.group(1).strip(), _INLINE_COMMENT.split(setting.group(2), maxsplit=1)[0].strip()
        name = key if section.startswith(_UNPREFIXED) else f"{section}.{key}"
        facts.append(ManifestEnv(lines.loc(number), service, name, value))
    return facts
