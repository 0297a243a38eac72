"""Go fixes: unused `// molecule-lint: ignore[...]` comments, edited in the bytes at tree-sitter's exact
comment spans (a `//` inside a string is no comment)."""

from __future__ import annotations

from collections.abc import Iterator

from molecule_lint.findings import Finding
from molecule_lint.fix.marks import without_ids
from molecule_lint.frontends.go.comments import _MARK
from molecule_lint.frontends.go.syntax import parser

Edit = tuple[int, int, bytes]  # replace source[start:end] by the bytes


def rewrite(source: bytes, findings: list[Finding]) -> tuple[bytes, list[Finding]]:
    """The file with its unused suppressions removed, and the findings that fixed."""
    by_line = {f.loc.line: f for f in findings if f.rule == "MOL902" and f.target is not None}
    edits: list[Edit] = []
    fixed: list[Finding] = []
    for start, end in _comments(source, set(by_line)):
        finding = by_line[source.count(b"\n", 0, start) + 1]
        try:
            comment = source[start:end].decode("utf-8")
        except UnicodeDecodeError:
            continue  # not text we could write back exactly
        mark = _MARK.match(comment)
        if mark is None or finding in fixed:
            continue
        kept = without_ids(comment, mark, set((finding.target or "").split(",")))
        edits.append((start, end, kept.encode()) if kept is not None else _deletion(source, start, end))
        fixed.append(finding)
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source, fixed


def _comments(source: bytes, lines: set[int]) -> Iterator[tuple[int, int]]:
    """Byte spans of the comments that start on one of ``lines`` (1-based)."""
    stack = [parser().parse(source).root_node]
    while stack:
        node = stack.pop()
        first, last = node.start_point[0] + 1, node.end_point[0] + 1
        if not any(first <= line <= last for line in lines):
            continue
        if node.type == "comment":
            if first in lines:  # a `//` comment's span holds the \r of a CRLF line: that stays
                yield node.start_byte, node.end_byte - (source[node.end_byte - 1 : node.end_byte] == b"\r")
            continue
        stack.extend(node.children)


def _deletion(source: bytes, start: int, end: int) -> Edit:
    """Delete a comment: its whole line when nothing else is on it, else with the blanks that separate it."""
    line_start = source.rfind(b"\n", 0, start) + 1
    line_end = source.find(b"\n", end)
    line_end = len(source) if line_end < 0 else line_end
    before, after = source[line_start:start], source[end:line_end]
    if not before.strip() and not after.strip():
        return line_start, min(line_end + 1, len(source)), b""
    if before.strip():
        return len(before.rstrip(b" \t")) + line_start, end, b""
    return start, end + len(after) - len(after.lstrip(b" \t")), b""
