"""`.env`, `.env.example`, `*.env`: KEY=VALUE lines, read as text and never sourced.

Accepted: `export KEY=value`, `KEY="double quoted"` (with escapes, over
several lines), `KEY='single quoted'`, `KEY=value # comment`, `KEY=` (listed,
no value). Any other line is skipped rather than reported: a dotenv file has
no grammar strict enough to call a line an error.
"""

from __future__ import annotations

import re

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import Lines, interpolate

_ASSIGNMENT = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$")
# An unquoted value ends at a `#` that follows whitespace (`KEY= # note` is empty, `KEY=#1` is "#1").
_INLINE_COMMENT = re.compile(r"\s#")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "$": "$"}


def dotenv_facts(path: str, text: str) -> list[Fact]:
    """One ManifestService named after the folder (the file name at the root), and its variables."""
    folder, _, name = path.rpartition("/")
    service = folder.rpartition("/")[2] if folder else name
    lines = Lines(text)
    facts: list[Fact] = [ManifestService(lines.loc(1), service, "dotenv")]
    raw = text.splitlines()
    number = 0
    while number < len(raw):
        match = _ASSIGNMENT.match(raw[number])
        start = number + 1
        number += 1
        if match is None:
            continue
        key, raw_value = match.groups()
        rest = raw_value.lstrip()
        if rest.startswith("'"):  # single quotes are literal: no escapes, no interpolation
            facts.append(ManifestEnv(lines.loc(start), service, key, rest[1:].split("'", 1)[0]))
            continue
        if rest.startswith('"'):
            value, used = _double_quoted(rest[1:], raw[number:])
            number += used
        else:
            value = _INLINE_COMMENT.split(raw_value, maxsplit=1)[0].strip()
        interpolated = interpolate(value)
        facts.append(ManifestEnv(lines.loc(start), service, key, interpolated.value, interpolated.variables))
    return facts


def _double_quoted(first: str, following: list[str]) -> tuple[str, int]:
    """The value up to the closing quote, and how many further lines it took."""
    out: list[str] = []
    chunks = [first, *following]
    for used, chunk in enumerate(chunks):
        i = 0
        while i < len(chunk):
            char = chunk[i]
            if char == "\\" and i + 1 < len(chunk):
                out.append(_ESCAPES.get(chunk[i + 1], "\\" + chunk[i + 1]))
                i += 2
                continue
            if char == '"':
                return "".join(out), used
            out.append(char)
            i += 1
        out.append("\n")
    return first, 0  # never closed: read the first line as it stands
