"""GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`.

GitHub shows ten error annotations per step; this summary is where a reviewer sees every finding.
Counts first (per rule, per service), then each rule's findings grouped by service, every group in a
collapsed `<details>` block with the evidence chains. Every piece of repository text goes through
textsafe.markdown and inside `<code>` where it names a place (GitHub links no @mention or #issue there).
"""

from __future__ import annotations

from itertools import groupby

from molecule_lint.engine import RunResult
from molecule_lint.findings import Finding
from molecule_lint.reporters import ReportOptions, statistics
from molecule_lint.reporters.text import summary_line
from molecule_lint.rules import Rule
from molecule_lint.textsafe import markdown

# GitHub drops a job summary over 1 MiB whole: past this many bytes, findings are counted, not listed.
LIMIT = 1_000_000


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    blocks = ["### molecule-lint", f"**{markdown(summary_line(result, timed=False))}**"]
    if result.findings:
        rows = [f"| {rule_id} | {rules[rule_id].severity} | {count} | {markdown(rules[rule_id].title)} |"
                for rule_id, count in statistics.by_rule(result.findings)]
        blocks.append("\n".join(["| Rule | Severity | Findings | Title |", "|---|---|--:|---|", *rows]))
        rows = [f"| {_code(service)} | {count} |" for service, count in statistics.by_service(result.findings)]
        blocks.append("\n".join(["| Service | Findings |", "|---|--:|", *rows]))
    tail = []
    if result.suppressed:
        tail.append(f"{len(result.suppressed)} suppressed finding(s) not shown.")
    if result.warnings:
        tail.append("\n".join(["**Warnings**", "", *(f"- {markdown(w)}" for w in result.warnings)]))
    room = LIMIT - _size(blocks) - _size(tail)
    by_rule = sorted(result.findings, key=lambda f: (f.rule, f.service or "", f.sort_key()))
    for rule_id, in_rule in groupby(by_rule, key=lambda f: f.rule):
        rule = rules[rule_id]
        section = [f"#### {rule_id} {markdown(rule.title)}"]
        if rule.fix and not options.quiet:
            section.append(f"Fix: {markdown(rule.fix)}")
        for service, group in groupby(in_rule, key=lambda f: f.service or statistics.NO_SERVICE):
            section.append(_details(service, list(group), options, room - _size(section)))
        room -= _size(section)
        blocks.extend(section)
    return "\n\n".join(blocks + tail) + "\n"


def _size(blocks: list[str]) -> int:
    return sum(len(block.encode()) + 2 for block in blocks)


def _code(text: str) -> str:
    return f"<code>{markdown(text)}</code>"


def _details(service: str, findings: list[Finding], options: ReportOptions, room: int) -> str:
    """One collapsed block: its summary is raw HTML up to the blank line, then a Markdown list.

    Findings are listed while the block fits in ``room`` bytes; the rest are counted.
    """
    prefix = options.repository_prefix
    count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    head = [f"<details><summary>{_code(service)}: {count}</summary>", ""]
    end = ["", "</details>"]
    room -= _size(head) + _size(end) + 200  # and the line that counts what did not fit
    items: list[str] = []
    for listed, f in enumerate(findings):
        entry = [f"- {_code(f'{prefix}{f.path}:{f.loc.line}:{f.loc.column}')} {markdown(f.message)} ({f.severity})"]
        if not options.quiet:
            entry.extend(f"  - {_code(f'{prefix}{hop.path}:{hop.line}')} {markdown(hop.note)}" for hop in f.trace)
        room -= _size(entry) - len(entry)  # joined by one line break, not a blank line
        if room < 0:
            items.append(f"- {len(findings) - listed} more not listed: the summary keeps under GitHub's 1 MiB limit; "
                         "the SARIF or JSON report has every finding")
            break
        items.extend(entry)
    return "\n".join([*head, *items, *end])
