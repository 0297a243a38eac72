"""Inline `# molecule-lint: ignore[...]` comments and config `allow` entries.

Governance matters as much as silencing: a suppression without a reason is
MOL903, one that matches nothing is MOL902, an expired one stops applying.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from molecule_lint.config import AllowEntry, Config
from molecule_lint.facts import FileFacts, Location, Suppression
from molecule_lint.findings import Finding

if TYPE_CHECKING:
    import pathspec


@dataclass(frozen=True, slots=True)
class Governance:
    """A finding about a suppression itself: (rule id, path, location, message, target)."""

    rule: str
    path: str
    loc: Location
    message: str
    # An unused inline suppression's unused rule ids ("MOL101,MOL102"; "*" for a bare `ignore`): what
    # `molecule-lint fix` deletes. None for every other governance finding.
    target: str | None = None


@dataclass
class Outcome:
    kept: list[Finding]
    suppressed: list[Finding]
    governance: list[Governance]


def apply(
    findings: Iterable[Finding],
    files: Iterable[FileFacts],
    config: Config,
    active_rules: set[str],
    today: date,
) -> Outcome:
    inline: dict[str, list[Suppression]] = {}
    for f in files:
        marks = [fact for fact in f.facts if isinstance(fact, Suppression)]
        if marks:
            inline[f.path] = marks
    allow_specs = _allow_specs(config.allow)
    used_inline: set[tuple[str, int, str]] = set()  # (path, line of the mark, rule it silenced)
    used_allow: set[int] = set()
    outcome = Outcome([], [], [])
    for finding in findings:
        reason = _inline_match(finding, inline.get(finding.path, ()), today, used_inline)
        if reason is None:
            reason = _allow_match(finding, allow_specs, today, used_allow)
        if reason is None:
            outcome.kept.append(finding)
        else:
            outcome.suppressed.append(replace(finding, suppressed_by=reason))
    for path, marks in sorted(inline.items()):
        for mark in marks:
            used = {rule for p, line, rule in used_inline if (p, line) == (path, mark.loc.line)}
            outcome.governance.extend(_inline_governance(path, mark, active_rules, today, used))
    config_path = _config_display(config)
    for number, (entry, _) in enumerate(allow_specs):
        if entry.rule not in active_rules:
            continue
        loc = Location(entry.line or 1, 1, entry.line or 1, 1)
        if entry.until is not None and entry.until < today:
            outcome.governance.append(
                Governance("MOL902", config_path, loc, f"`allow` entry for {entry.rule} on `{entry.path}` expired on {entry.until}")
            )
        elif number not in used_allow:
            outcome.governance.append(
                Governance("MOL902", config_path, loc, f"`allow` entry for {entry.rule} on `{entry.path}` matches no finding")
            )
    return outcome


def _covers(mark: Suppression, finding: Finding) -> bool:
    line = finding.loc.line
    on_line = mark.loc.line == line or (mark.standalone and mark.loc.line + 1 == line)
    return on_line and (not mark.rules or finding.rule in mark.rules)


def _inline_match(
    finding: Finding, marks: Iterable[Suppression], today: date, used: set[tuple[str, int, str]]
) -> str | None:
    for mark in marks:
        if _covers(mark, finding) and not _expired(mark.until, today):
            used.add((finding.path, mark.loc.line, finding.rule))
            return mark.reason or "(no reason given)"
    return None


def _allow_specs(allow: tuple[AllowEntry, ...]) -> list[tuple[AllowEntry, pathspec.GitIgnoreSpec]]:
    if not allow:
        return []  # the common case: no pathspec to import (~15 ms of an incremental run)
    import pathspec

    return [(entry, pathspec.GitIgnoreSpec.from_lines([entry.path])) for entry in allow]


def _allow_match(
    finding: Finding, specs: list[tuple[AllowEntry, pathspec.GitIgnoreSpec]], today: date, used: set[int]
) -> str | None:
    for number, (entry, spec) in enumerate(specs):
        if entry.rule != finding.rule or not spec.match_file(finding.path):
            continue
        if entry.target is not None and entry.target != finding.target:
            continue
        if entry.until is not None and entry.until < today:
            continue
        used.add(number)
        return entry.reason
    return None


def _inline_governance(path: str, mark: Suppression, active: set[str], today: date, used: set[str]) -> list[Governance]:
    """MOL903 for a missing reason or unreadable expiry; MOL902 for an expired mark, an unused one, or the
    unused ids of a mark some of whose ids are used (as ruff's RUF100: each id must earn its place)."""
    out = []
    names = ", ".join(mark.rules) or "all rules"
    if not mark.reason:
        out.append(Governance("MOL903", path, mark.loc, f"suppression of {names} gives no reason (add `-- why this is safe`)"))
    if mark.until is not None and _parse_date(mark.until) is None:
        out.append(Governance("MOL903", path, mark.loc, f"suppression of {names} has an unreadable expiry {mark.until!r} (use YYYY-MM-DD)"))
    if _expired(mark.until, today):
        out.append(Governance("MOL902", path, mark.loc, f"suppression of {names} expired on {mark.until}"))
        return out
    if not mark.rules:
        unused = [] if used else ["*"]
    else:  # only active rules can be judged: an id of a rule this run left out may well be in use
        unused = [rule for rule in mark.rules if rule in active and rule not in used]
    if unused:
        whole = unused == ["*"] or len(unused) == len(mark.rules)
        which = "" if whole else f": {', '.join(unused)}"
        message = f"suppression of {names}{which} matches no finding"
        out.append(Governance("MOL902", path, mark.loc, message, ",".join(unused)))
    return out


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _expired(until: str | None, today: date) -> bool:
    expiry = _parse_date(until) if until else None
    return expiry is not None and expiry < today  # an unreadable date is MOL903, not an expiry


def _config_display(config: Config) -> str:
    if config.source is None:
        return "molecule-lint.yaml"
    try:
        return config.source.relative_to(config.root).as_posix()
    except ValueError:
        return config.source.name


@dataclass(frozen=True, slots=True)
class InventoryItem:
    """One exception to the rules, wherever it is written."""

    kind: str  # "inline" | "allow"
    path: str  # where it is written
    line: int
    rules: tuple[str, ...]  # () = all rules
    reason: str | None
    until: str | None
    scope: str  # what it covers: the next line, its own line, or an allow entry's path pattern


def inventory(files: Iterable[FileFacts], config: Config) -> list[InventoryItem]:
    """Every inline suppression and `allow` entry, sorted by place (`molecule-lint suppressions`)."""
    items = [
        InventoryItem(
            "inline", f.path, mark.loc.line, mark.rules, mark.reason, mark.until,
            "this line and the next" if mark.standalone else "this line",
        )
        for f in files
        for mark in f.facts
        if isinstance(mark, Suppression)
    ]
    source = _config_display(config)
    items.extend(
        InventoryItem(
            "allow", source, entry.line, (entry.rule,), entry.reason,
            entry.until.isoformat() if entry.until else None,
            entry.path + (f" (target {entry.target})" if entry.target else ""),
        )
        for entry in config.allow
    )
    return sorted(items, key=lambda i: (i.path, i.line, i.rules))
