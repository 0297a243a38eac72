"""Compose files that run as one project, so that their service names resolve across them.

Compose merges an override file (`docker-compose.override.yml`) into the file beside it by default,
and an `include:` pulls another file's services into the project. Files given with `-f a -f b` on
a command line are no part of what is read here (nothing says which ones go together).
"""

from __future__ import annotations

import posixpath
import re

_OVERRIDE = re.compile(r"((?:docker-)?compose)\.override\.(ya?ml)")
_BASES = ("{0}.yml", "{0}.yaml")


class ComposeProjects:
    def __init__(self, paths: set[str], includes: list[tuple[str, str]]) -> None:
        self._parent = {path: path for path in paths}
        for including, included in includes:
            if included in self._parent:
                self._join(including, included)
        for path in sorted(paths):
            folder, name = posixpath.split(path)
            override = _OVERRIDE.fullmatch(name.lower())
            if override is None:
                continue
            for pattern in _BASES:
                base = posixpath.join(folder, pattern.format(override.group(1)))
                if base in self._parent:
                    self._join(base, path)
                    break

        self._members: dict[str, list[str]] = {}
        for path in sorted(paths):
            self._members.setdefault(self._root(path), []).append(path)

    def files(self, path: str) -> list[str]:
        """``path`` first, then the other files of its project, in path order."""
        members = self._members.get(self._root(path), []) if path in self._parent else []
        return [path, *(p for p in members if p != path)]

    def _root(self, path: str) -> str:
        while self._parent[path] != path:
            path = self._parent[path]
        return path

    def _join(self, a: str, b: str) -> None:
        self._parent[self._root(b)] = self._root(a)
