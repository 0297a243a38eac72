"""Lines added or changed since a git revision, for `check --diff REF`.

Runs `git diff` (read-only) — never a checkout — relative to the project root,
with rename detection, so a moved file's unchanged lines do not count.
Untracked files (not ignored) count as wholly added. A deletion counts as a
change of the lines on either side of it: removing `WHERE org_id = …` or a
suppression comment changes what its neighbours mean.

The repository's own config must neither change what we parse (quoted names,
prefixes, colours) nor choose a program we run (external diff and textconv
drivers, clean filters, fsmonitor): both are overridden on every call.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from molecule_lint.findings import Finding

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_C_ESCAPES = {ord("a"): 7, ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12, ord("r"): 13}
ALL_LINES = frozenset({0})  # marker: every line of the file is new
_SETTINGS = (
    "core.quotePath=false",
    "core.fsmonitor=false",
    "diff.mnemonicPrefix=false",
    "diff.noprefix=false",
)
# Programs a repository's config may attach to a diff: external diff (also per-driver) and textconv.
_NO_PROGRAMS = ("--no-ext-diff", "--no-textconv", "--no-color")


class DiffError(Exception):
    pass


def _git(root: Path, overrides: list[str], command: str, *args: str) -> bytes:
    try:
        command_line = ["git", "--no-pager", "-C", str(root), *overrides, command, *args]
        done = subprocess.run(command_line, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(lines[-1] if lines else f"git {command} failed")
    return done.stdout


def _overrides(root: Path) -> list[str]:
    """`-c` options for our settings, and ones that disable every configured filter driver: a diff with
    the worktree runs a driver's clean command."""
    try:
        names = _git(root, [], "config", "--name-only", "-z", "--get-regexp", r"^filter\.").split(b"\0")
    except DiffError:
        names = []  # `git config --get-regexp` exits 1 when nothing matches
    drivers = sorted({_decode(name).rpartition(".")[0] for name in names if name})
    settings = [*_SETTINGS, *(f"{d}.{key}" for d in drivers for key in ("clean=", "process=", "required=false"))]
    return [item for setting in settings for item in ("-c", setting)]


def changed_lines(root: Path, ref: str) -> dict[str, frozenset[int]]:
    """Path (relative to ``root``) -> changed line numbers; ALL_LINES for untracked files."""
    overrides = _overrides(root)
    try:
        commit = _git(root, overrides, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except DiffError as exc:
        raise DiffError(f"not a commit of this repository ({exc})") from None
    # The resolved commit, never REF itself, reaches `git diff`: REF may look like an option.
    out = _git(
        root, overrides, "diff", "--relative", "--unified=0", "--find-renames", *_NO_PROGRAMS,
        "--src-prefix=a/", "--dst-prefix=b/", commit, "--",
    )
    result = {path: frozenset(lines) for path, lines in _parse(out).items()}
    for name in _git(root, overrides, "ls-files", "-z", "--others", "--exclude-standard").split(b"\0"):
        if name:
            result[_decode(name)] = ALL_LINES
    return result


def _parse(diff: bytes) -> dict[str, set[int]]:
    changes: dict[str, set[int]] = {}
    current: set[int] | None = None
    in_header = False  # `+++ ` names a file only in a header: in a hunk it is an added line `++ …`
    for line in diff.split(b"\n"):
        if line.startswith(b"diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith(b"+++ "):
            target = _file_name(line[4:])
            current = None if target is None else changes.setdefault(target, set())
        elif match := _HUNK.match(line):
            in_header = False
            if current is not None:
                start, count = int(match.group(1)), int(match.group(2) or b"1")
                # A pure deletion (count 0) sits after new line `start`: both neighbours change.
                current.update(range(start, start + count) if count else (start, start + 1))
    for lines in changes.values():
        lines.discard(0)  # a deletion at the top of a file has no line before it
    return changes


def _file_name(field: bytes) -> str | None:
    """The new file's name on a `+++ ` line; None for a deleted file."""
    if field == b"/dev/null":
        return None
    field = field.removesuffix(b"\t")  # git appends a TAB to a name holding a space
    if field.startswith(b'"'):
        field = _unquote(field)
    return _decode(field.removeprefix(b"b/"))


def _unquote(quoted: bytes) -> bytes:
    """Undo git's C-style quoting ("a\\tb", "\\303\\251", "q\\"x")."""
    body, out, i = quoted[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char != ord("\\") or i + 1 == len(body):
            out.append(char)
            i += 1
        elif body[i + 1 : i + 4].isdigit():
            out.append(int(body[i + 1 : i + 4], 8) & 0xFF)
            i += 4
        else:
            out.append(_C_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
    return bytes(out)


def _decode(name: bytes) -> str:
    return name.decode("utf-8", "surrogateescape")


def changed_settings(changes: dict[str, frozenset[int]], settings: Iterable[str]) -> list[str]:
    """The changed paths among ``settings`` (files, or folders ending in "/"): the config and rule packs.

    Any finding may depend on them (deleting an `allow` entry brings one back), so a change there
    counts as a change of every line.
    """
    wanted = tuple(settings)
    return sorted(p for p in changes if any(p == s or (s.endswith("/") and p.startswith(s)) for s in wanted))


def touches(changes: dict[str, frozenset[int]], path: str, first: int, last: int | None = None) -> bool:
    """Whether any line from ``first`` to ``last`` (default: ``first``) of ``path`` changed."""
    lines = changes.get(path)
    if lines is None:
        return False
    return lines is ALL_LINES or any(line in lines for line in range(first, (last or first) + 1))


def touches_finding(changes: dict[str, frozenset[int]], finding: Finding) -> bool:
    """A line of the finding's span changed (a multi-line query or call: the statement), or a hop of
    its evidence chain did (graph-aware diff)."""
    return touches(changes, finding.path, finding.loc.line, finding.loc.end_line) or any(
        touches(changes, hop.path, hop.line) for hop in finding.trace
    )
