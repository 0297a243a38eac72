"""`${name}` placeholders of an infrastructure manifest (Terraform `${var.x}`, a template's `${k}`, Ansible's
`{{ x }}`) filled from the values the deployment defines, once per scenario (a `.tfvars` file, an inventory
group's vars): each scenario a mapping of name -> where it is set. A name a scenario does not set stays a
hole (empty): never a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass

from molecule_lint.facts import ManifestData
from molecule_lint.findings import Hop

PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][\w.-]*)\}")
# How many times a value is substituted into (a local made of variables, a template variable of locals).
_MAX_ROUNDS = 4
# How many values one text takes in all: a pull request may write locals that each name the next hundreds of
# times (a billion-character expansion in four rounds); past this, a placeholder stays a hole.
_MAX_SUBSTITUTIONS = 256

Known = dict[str, tuple[str, ManifestData]]  # name -> (path, the ManifestData that sets it)


@dataclass(frozen=True, slots=True)
class Filled:
    value: str
    hops: tuple[Hop, ...]  # the lines that gave the values, in the order they were used
    first: tuple[str, ManifestData] | None  # where the text's first placeholder with a value is set


def resolutions(text: str, scenarios: list[Known]) -> list[Filled]:
    """``text`` filled once per scenario (distinct results only)."""
    found: dict[str, Filled] = {}
    for known in scenarios:
        hops: list[Hop] = []
        used: list[tuple[str, ManifestData]] = []
        value = _fill(text, known, hops, used, 0, [_MAX_SUBSTITUTIONS])
        found.setdefault(value, Filled(value, tuple(dict.fromkeys(hops)), used[0] if used else None))
    return list(found.values())


def _fill(
    text: str, known: Known, hops: list[Hop], used: list[tuple[str, ManifestData]], rounds: int, budget: list[int]
) -> str:
    """``budget``: the substitutions left for the whole text (one list shared by every round)."""

    def value(match: re.Match[str]) -> str:
        entry = known.get(match.group(1))
        if entry is None or entry[1].value is None or rounds >= _MAX_ROUNDS or budget[0] <= 0:
            return ""
        budget[0] -= 1
        path, item = entry
        if rounds == 0:
            used.append(entry)
        hops.append(Hop(path, item.loc.line, f"`{item.key}` is set here"))
        return _fill(item.value or "", known, hops, used, rounds + 1, budget)

    return PLACEHOLDER.sub(value, text)
