"""systemd units (`*.service`): the unit, named after its file, and the variables its `[Service]` section
sets with `Environment=` (several assignments a line, quoted or not; a `\\` at the end of a line continues
it); the Python module its `ExecStart=` runs places a unit whose name is no service's. systemd does not
interpolate `$VAR` there. `EnvironmentFile=` takes an absolute path, outside the project: not followed.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, python_module

_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.DOTALL)


def systemd_facts(path: str, text: str) -> list[Fact]:
    unit = path.rpartition("/")[2].removesuffix(".service")
    lines = Lines(text)
    facts: list[Fact] = []
    runs = None
    section = ""
    for number, line in _logical_lines(text):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        key, _, value = line.partition("=")
        if section == "Service" and key.strip() == "ExecStart":
            runs = python_module(value)
        if section != "Service" or key.strip() != "Environment":
            continue
        for word in _words(value):
            match = _ASSIGNMENT.fullmatch(word)
            if match is not None:
                facts.append(ManifestEnv(lines.loc(number), unit, match.group(1), match.group(2)))
    return [ManifestService(lines.loc(1), unit, "systemd", runs=runs), *facts]


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each setting, continuation lines joined; comments and blanks skipped."""
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped[0] in "#;"):
            continue
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1])
            continue
        yield start, " ".join([*pending, stripped])
        pending = []
    if pending:
        yield start, " ".join(pending)


def _words(value: str) -> list[str]:
    """Whitespace-separated words, quotes removed (a `#` word starts a trailing comment, as systemd reads none)."""
    try:
        return shlex.split(value, comments=True)
    except ValueError:  # an unclosed quote: the words as they stand
        return value.split()
