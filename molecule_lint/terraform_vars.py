"""Terraform placeholders resolved within a module (its folder): `${var.x}` from each `.tfvars` file that sets
it (one environment each: staging, prod), else the variable's default; `${local.x}` from `locals`. Anything
else, and a name set nowhere, stays a hole (empty): never a guess."""

from __future__ import annotations

import re
from collections.abc import Callable

from molecule_lint.facts import ManifestData
from molecule_lint.findings import Hop
from molecule_lint.frontends.manifests.terraform import DEFAULT, TFVARS

PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][\w.-]*)\}")
# How many times a value is substituted into (a local made of variables, a template variable of locals).
_MAX_ROUNDS = 4

Lookup = Callable[[str, str], list[tuple[str, ManifestData]]]  # (kind, name) -> (path, data) items
Known = dict[str, tuple[str, ManifestData]]


def resolutions(data: Lookup, module: str, text: str, extra: Known | None = None) -> list[tuple[str, tuple[Hop, ...]]]:
    """``text`` with its placeholders filled, once per `.tfvars` file of ``module`` (distinct results only),
    and the hops to the lines that gave each value; ``extra`` names more values (a templatefile's variables)."""
    tfvars = data(TFVARS, module)
    defaults = {item.key: (path, item) for path, item in data(DEFAULT, module)}
    files = sorted({path for path, _ in tfvars}) or [""]
    found: dict[str, tuple[Hop, ...]] = {}
    for file in files:
        known = defaults | {item.key: (path, item) for path, item in tfvars if path == file} | (extra or {})
        hops: list[Hop] = []
        filled = fill(text, known, hops)
        found.setdefault(filled, tuple(dict.fromkeys(hops)))
    return list(found.items())


def fill(text: str, known: Known, hops: list[Hop], rounds: int = 0) -> str:
    """Each placeholder ``known`` names replaced by its value (itself filled, a few rounds deep); others empty."""

    def value(match: re.Match[str]) -> str:
        entry = known.get(match.group(1))
        if entry is None or entry[1].value is None or rounds >= _MAX_ROUNDS:
            return ""
        path, item = entry
        hops.append(Hop(path, item.loc.line, f"`{item.key}` is set here"))
        return fill(item.value or "", known, hops, rounds + 1)

    return PLACEHOLDER.sub(value, text)
