"""INI text read line by line, as both the manifest reader (settings, supervisord programs) and the value
core (a data file code loads with `configparser`) locate a setting: `[section]` headers and one-line
`key = value` / `key: value` settings. Indented continuation lines and comment lines are skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator

SECTION = re.compile(r"^\[([^\]]+)\]\s*(?:[;#].*)?$")
_SETTING = re.compile(r"^([^\s=:;#\[][^=:]*?)\s*[=:]\s*(.*)$")


def settings(text: str) -> Iterator[tuple[int, str, str, str]]:
    """(line, section, key, value) of every one-line setting; keys before any header are DEFAULT's."""
    section = "DEFAULT"
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw[0].isspace() or raw[0] in ";#":
            continue
        header = SECTION.match(raw)
        if header is not None:
            section = header.group(1).strip()
            continue
        setting = _SETTING.match(raw)
        if setting is not None:
            yield number, section, setting.group(1).strip(), setting.group(2).strip()
