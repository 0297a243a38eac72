"""`molecule-lint fix`: the mechanical fixes of findings, as exact edits of the files that hold them.

Fixable: an unused inline suppression (MOL902: its unused ids, or the whole comment; Python and Go) and
a hardcoded fallback of MOLECULE_PLATFORM_URL in Python (MOL301: `os.getenv("MOLECULE_PLATFORM_URL",
"https://...")` -> `os.environ["MOLECULE_PLATFORM_URL"]`). Each fix rewrites only its span: every other
byte of the file stays as it was. Nothing of the scanned code is run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from molecule_lint.discover import language_of
from molecule_lint.findings import Finding
from molecule_lint.fix.write import Refused, read

Rewrite = Callable[[bytes, list[Finding]], tuple[bytes, list[Finding]]]


@dataclass(frozen=True, slots=True)
class FileFix:
    path: str  # relative to the project root
    before: bytes
    after: bytes
    fixed: tuple[Finding, ...]


def _rewriter(finding: Finding) -> Rewrite | None:
    """The rewrite that may fix a finding, judged from the finding alone (the file decides the rest)."""
    language = language_of(finding.path)
    unused_mark = finding.rule == "MOL902" and finding.target is not None  # inline; `allow` entries are not edited
    if unused_mark and language == "go":
        from molecule_lint.fix import go

        return go.rewrite
    if language == "python" and (unused_mark or finding.rule == "MOL301"):
        from molecule_lint.fix import python

        return python.rewrite
    return None


def plan(root: Path, findings: Iterable[Finding]) -> tuple[list[FileFix], list[str]]:
    """The fixes for these findings, file by file, and why a file was left alone (symlinks, unreadable)."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    rewriters: dict[str, Rewrite] = {}
    for finding in findings:
        rewrite = _rewriter(finding)
        if rewrite is not None:
            by_file[finding.path].append(finding)
            rewriters[finding.path] = rewrite
    fixes: list[FileFix] = []
    refused: list[str] = []
    for path in sorted(by_file):
        try:
            before = read(root, path)
        except Refused as exc:
            refused.append(str(exc))
            continue
        after, fixed = rewriters[path](before, by_file[path])
        if fixed and after != before:
            fixes.append(FileFix(path, before, after, tuple(fixed)))
    return fixes, refused
