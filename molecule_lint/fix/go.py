"""Go fixes: unused `// molecule-lint: ignore[...]` comments, edited at tree-sitter's exact comment spans
(a `//` inside a string is no comment)."""

from __future__ import annotations

from collections.abc import Iterator

from molecule_lint.findings import Finding
from molecule_lint.fix.edits import Edit, applied, unused_ids_removed
from molecule_lint.frontends.go.comments import MARK
from molecule_lint.frontends.go.syntax import parser


def rewrite(source: bytes, findings: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file with its unused suppressions removed, and the findings that fixed."""
    try:
        text = source.decode("utf-8")  # Go source is UTF-8; anything else is not ours to rewrite
    except UnicodeDecodeError:
        return source, []
    by_line = {f.loc.line: f for f in findings if f.rule == "MOL902" and f.target is not None}
    edits: list[Edit] = []
    fixed: list[Finding] = []
    for line, start, end in _comments(source, set(by_line)):
        start, end = len(source[:start].decode()), len(source[:end].decode())  # byte offsets -> characters
        mark = MARK.match(text[start:end])
        finding = by_line[line]
        if mark is not None and finding not in fixed and finding.target is not None:
            edits.append(unused_ids_removed(text, start, end, mark, set(finding.target.split(","))))
            fixed.append(finding)
    return applied(text, edits).encode(), fixed


def _comments(source: bytes, lines: set[int]) -> Iterator[tuple[int, int, int]]:
    """(line, start byte, end byte) of the comments that start on one of ``lines`` (1-based)."""
    stack = [parser().parse(source).root_node]
    while stack:
        node = stack.pop()
        first, last = node.start_point[0] + 1, node.end_point[0] + 1
        if not any(first <= line <= last for line in lines):
            continue
        if node.type == "comment":
            if first in lines:  # a `//` comment's span holds the \r of a CRLF line: that stays
                yield first, node.start_byte, node.end_byte - (source[node.end_byte - 1 : node.end_byte] == b"\r")
            continue
        stack.extend(node.children)
