"""The human format (SPEC §2): one finding a line, its evidence indented under it."""

from __future__ import annotations

from molecule_lint.engine import RunResult
from molecule_lint.reporters import ReportOptions
from molecule_lint.rules import Rule
from molecule_lint.textsafe import human


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    lines: list[str] = []
    for f in result.findings:
        lines.append(f"{f.path}:{f.loc.line}:{f.loc.column}: {f.rule} {f.message} [{f.severity}]")
        if options.quiet:
            continue
        for hop in f.trace:
            lines.append(f"    {hop.path}:{hop.line}  {hop.note}")
        if f.fix:
            lines.append(f"    fix: {f.fix}")
    for f in result.suppressed:
        lines.append(f"{f.path}:{f.loc.line}:{f.loc.column}: {f.rule} {f.message} [suppressed: {f.suppressed_by}]")
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    lines.append(summary_line(result))
    # Escaped line by line: what the repository wrote can neither break a line nor drive the terminal.
    return "".join(human(line) + "\n" for line in lines)


def summary_line(result: RunResult) -> str:
    counts = {severity: sum(1 for f in result.findings if f.severity == severity) for severity in ("error", "warning", "info")}
    files = len({f.path for f in result.findings})
    parts = [f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in counts.items() if n]
    found = f"Found {' and '.join(parts)} in {files} file{'s' if files != 1 else ''}" if parts else "No findings"
    skipped = sum(result.skipped.values())
    skip_text = ""
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
        skip_text = f"; {skipped} not analysed: {reasons}"
    return f"{found} ({result.files_checked} files checked in {result.seconds:.2f}s{skip_text})"
