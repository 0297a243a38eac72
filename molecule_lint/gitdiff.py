"""Lines added or changed since a git revision, for `check --diff REF`.

Runs `git diff` (read-only) — never a checkout — relative to the project root,
with rename detection, so a moved file's unchanged lines do not count.
Untracked files (not ignored) count as wholly added.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from molecule_lint.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = frozenset({0})  # marker: every line of the file is new


class DiffError(Exception):
    pass


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, errors="replace", timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def changed_lines(root: Path, ref: str) -> dict[str, frozenset[int]]:
    """Path (relative to ``root``) -> changed line numbers; ALL_LINES for untracked files."""
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    out = _git(root, "diff", "--relative", "--unified=0", "--find-renames", "--no-color", "--no-ext-diff", ref, "--")
    changes: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in out.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else changes.setdefault(target.removeprefix("b/"), set())
        elif current is not None and (match := _HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) or "1")
            current.update(range(start, start + count))
    result = {path: frozenset(lines) for path, lines in changes.items()}
    for path in _git(root, "ls-files", "--others", "--exclude-standard").splitlines():
        result[path] = ALL_LINES
    return result


def touches(changes: dict[str, frozenset[int]], path: str, line: int) -> bool:
    lines = changes.get(path)
    return lines is not None and (lines is ALL_LINES or line in lines)


def touches_finding(changes: dict[str, frozenset[int]], finding: Finding) -> bool:
    """The finding's line changed, or a hop of its evidence chain did (graph-aware diff)."""
    return touches(changes, finding.path, finding.loc.line) or any(
        touches(changes, hop.path, hop.line) for hop in finding.trace
    )
