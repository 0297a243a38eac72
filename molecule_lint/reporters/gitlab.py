"""GitLab Code Quality: the CodeClimate-style JSON array a merge request's widget reads.

Paths are relative to the repository root (as in SARIF and GitHub annotations): that is where GitLab
looks. Descriptions are escaped for human eyes; `json.dumps` writes the rest as ASCII.
"""

from __future__ import annotations

import json

from molecule_lint.engine import RunResult
from molecule_lint.reporters import ReportOptions
from molecule_lint.rules import Rule
from molecule_lint.textsafe import human

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}  # of info, minor, major, critical, blocker


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    issues = [
        {
            "description": f"{f.rule} {human(f.message)}",
            "check_name": f.rule,
            "fingerprint": f.fingerprint,
            "severity": _SEVERITY[f.severity],
            "location": {"path": options.repository_prefix + f.path, "lines": {"begin": f.loc.line}},
        }
        for f in result.findings
    ]
    return json.dumps(issues, indent=2) + "\n"
