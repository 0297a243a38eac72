"""GitHub Actions workflow commands: annotations on the pull request's diff, one command a line."""

from __future__ import annotations

from molecule_lint.engine import RunResult
from molecule_lint.reporters import ReportOptions
from molecule_lint.reporters.text import summary_line
from molecule_lint.rules import Rule
from molecule_lint.textsafe import github_data, github_property, human

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    prefix = options.repository_prefix
    lines = []
    for f in result.findings:
        body = [f.message]
        if not options.quiet:
            body.extend(f"  {prefix}{hop.path}:{hop.line} {hop.note}" for hop in f.trace)
            if f.fix:
                body.append(f"fix: {f.fix}")
        properties = (
            f"file={github_property(prefix + f.path)},line={f.loc.line},col={f.loc.column},"
            f"endLine={f.loc.end_line},title={github_property(f.rule)}"
        )
        # Each part escaped before the join, so that only our own line breaks become the annotation's.
        message = github_data("\n".join(human(part) for part in body))
        lines.append(f"::{_COMMAND[f.severity]} {properties}::{message}")
    # Warnings (a service that matches no file...) as annotations too: a log line nobody opens is missed.
    lines.extend(f"::warning title=molecule-lint::{github_data(warning)}" for warning in result.warnings)
    lines.append(human(summary_line(result, timed=False)))  # no run time: the same input, the same bytes
    return "\n".join(lines) + "\n"
