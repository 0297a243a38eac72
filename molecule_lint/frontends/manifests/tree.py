"""Walking a parsed manifest without trusting its shape.

Manifests are written by people and read by tools that tolerate a lot; a
value of an unexpected type is skipped, never an exception (which would be an
internal error of ours and fail the run).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from molecule_lint.facts import Location
from molecule_lint.frontends.manifests.text import Lines, scalar_text
from molecule_lint.yamlsource import KeyPath, LocatedValue


@dataclass(frozen=True, slots=True)
class Tree:
    """One parsed document and the line of each of its keys."""

    doc: LocatedValue
    lines: Lines

    def loc(self, path: KeyPath) -> Location:
        return self.lines.loc(self.doc.line(path) or 1)


def scalars(tree: Tree) -> Iterator[tuple[KeyPath, str]]:
    """Every scalar of the document (not the document itself), with the keys and indexes leading to it."""
    stack: list[tuple[KeyPath, Any]] = [((), tree.doc.value)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*here, str(k)), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*here, i), v) for i, v in enumerate(value))
        elif here and (text := scalar_text(value)) is not None:
            yield here, text


def dotted(path: KeyPath) -> str:
    return ".".join(str(part) for part in path)


def mapping(value: Any) -> dict[str, Any]:
    """A mapping with string keys (YAML allows `1:` or `true:`; paths in LocatedValue use str keys)."""
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def project_path(folder: str, relative: str) -> str | None:
    """``relative`` (as written in a manifest in ``folder``) from the project root; None if outside it or remote."""
    if "://" in relative or relative.startswith(("git@", "github.com/")) or posixpath.isabs(relative):
        return None
    joined = posixpath.normpath(posixpath.join(folder, relative)) if folder else posixpath.normpath(relative)
    if joined == ".." or joined.startswith("../"):
        return None
    return joined
