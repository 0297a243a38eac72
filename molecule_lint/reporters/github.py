"""GitHub Actions workflow commands: annotations on the pull request's diff."""

from __future__ import annotations

from molecule_lint.engine import RunResult
from molecule_lint.reporters.text import summary_line
from molecule_lint.rules import Rule

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, rules: dict[str, Rule], quiet: bool = False) -> str:
    lines = []
    for f in result.findings:
        body = f.message
        if not quiet:
            body += "".join(f"\n  {hop.path}:{hop.line} {hop.note}" for hop in f.trace)
            if f.fix:
                body += f"\nfix: {f.fix}"
        properties = (
            f"file={_escape_property(f.path)},line={f.loc.line},col={f.loc.column},"
            f"endLine={f.loc.end_line},title={_escape_property(f.rule)}"
        )
        lines.append(f"::{_COMMAND[f.severity]} {properties}::{_escape_data(body)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
