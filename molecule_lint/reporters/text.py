"""The human format (SPEC §2): one finding a line, its evidence indented under it.

A rule's fix is printed once, under its first finding: the same advice under every finding buries the
evidence. Repository text is escaped piece by piece, so that colour codes, which are ours, can go around
the rule id and the severity and never touch what the repository wrote.
"""

from __future__ import annotations

from molecule_lint.engine import RunResult
from molecule_lint.reporters import ReportOptions, statistics
from molecule_lint.rules import Rule
from molecule_lint.textsafe import human

_RESET = "\x1b[0m"
_STYLE = {"rule": "\x1b[1m", "error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    def paint(text: str, style: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if options.color else text

    lines: list[str] = []
    fixes_shown: set[str] = set()
    for f in result.findings:
        lines.append(
            f"{human(f.path)}:{f.loc.line}:{f.loc.column}: {paint(f.rule, 'rule')} {human(f.message)} "
            + paint(f"[{f.severity}]", f.severity)
        )
        if options.quiet:
            continue
        lines.extend(f"    {human(hop.path)}:{hop.line}  {human(hop.note)}" for hop in f.trace)
        if f.fix and f.rule not in fixes_shown:
            fixes_shown.add(f.rule)
            lines.append(f"    fix: {human(f.fix)}")
    for f in result.suppressed:
        lines.append(
            f"{human(f.path)}:{f.loc.line}:{f.loc.column}: {paint(f.rule, 'rule')} {human(f.message)} "
            f"[suppressed: {human(f.suppressed_by or '')}]"
        )
    if options.statistics:
        lines.extend(_statistics(result, rules))
    lines.append(human(summary_line(result)))
    return "".join(line + "\n" for line in lines)


def _statistics(result: RunResult, rules: dict[str, Rule]) -> list[str]:
    lines = ["Findings by rule:"]
    for rule_id, count in statistics.by_rule(result.findings):
        lines.append(f"{count:>7}  {rule_id}  {human(rules[rule_id].title)}")
    lines.append("Findings by service:")
    lines.extend(f"{count:>7}  {human(service)}" for service, count in statistics.by_service(result.findings))
    return lines


def summary_line(result: RunResult, timed: bool = True) -> str:
    """"Found 2 errors in 1 file (9 files checked in 0.41s)"; untimed for reports that must be the same bytes."""
    counts = {severity: sum(1 for f in result.findings if f.severity == severity) for severity in ("error", "warning", "info")}
    files = len({f.path for f in result.findings})
    parts = [f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in counts.items() if n]
    found = f"Found {' and '.join(parts)} in {files} file{'s' if files != 1 else ''}" if parts else "No findings"
    skipped = sum(result.skipped.values())
    skip_text = ""
    if skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
        skip_text = f"; {skipped} not analysed: {reasons}"
    time = f" in {result.seconds:.2f}s" if timed else ""
    return f"{found} ({result.files_checked} files checked{time}{skip_text})"
