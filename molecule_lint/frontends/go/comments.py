"""`// molecule-lint: ignore[MOL101] -- reason (until 2027-03-01)`: the Python `#` form, in Go comments."""

from __future__ import annotations

import re
from datetime import date

from molecule_lint.facts import Location, Suppression

MARK = re.compile(
    r"^(?://|/\*)\s*molecule-lint:\s*ignore\b(?:\[(?P<rules>[^\]]*)\])?(?P<rest>.*?)(?:\*/)?\s*$", re.DOTALL
)
_REST = re.compile(r"^\s*(?:--\s*(?P<reason>.*?))?\s*(?:\(until\s+(?P<until>[^)]*?)\s*\))?\s*$", re.DOTALL)


def suppression(comment: str, loc: Location, standalone: bool) -> Suppression | None:
    """The suppression a comment declares, if it is one."""
    mark = MARK.match(comment)
    if mark is None:
        return None
    rules = tuple(r.strip().upper() for r in (mark.group("rules") or "").split(",") if r.strip())
    rest = _REST.match(mark.group("rest"))
    reason = (rest.group("reason") or None) if rest else None
    until = rest.group("until") if rest else None
    if until is not None and not _is_date(until):
        reason = None  # a malformed expiry is reported as a missing reason (MOL903) rather than trusted forever
    return Suppression(loc, rules, reason, until, standalone)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
