"""SARIF 2.1.0 for code-scanning UIs: rule metadata, fingerprints, the trace as related locations.

Locations are percent-encoded URI references relative to the repository root (`%SRCROOT%`), which is
how GitHub code scanning reads relative URIs; `originalUriBaseIds` is left out, as CodeQL does, so the
log names no folder of the machine that wrote it. Message texts are escaped for human eyes.
"""

from __future__ import annotations

import json
from typing import Any

from molecule_lint import __version__
from molecule_lint.engine import RunResult
from molecule_lint.findings import Finding
from molecule_lint.reporters import ReportOptions
from molecule_lint.rules import Rule
from molecule_lint.textsafe import human, uri_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RFC_URL = "https://github.com/Molecule-AI/molecule-core/pull/1819"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.title.replace("-", " ").split()),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.rationale}\n\nHow to comply: {rule.fix or '-'}\n\nRFC: {rule.rfc}"},
        "helpUri": RFC_URL,
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"rfc": rule.rfc, "tags": ["architecture", "multi-tenancy"]},
    }


def _location(path: str, line: int, column: int = 1, end_line: int | None = None, end_column: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    if end_line is not None and end_column is not None and (end_line, end_column) > (line, column):
        region.update(endLine=end_line, endColumn=end_column)
    return {"physicalLocation": {"artifactLocation": {"uri": uri_path(path), "uriBaseId": "%SRCROOT%"}, "region": region}}


def _result(finding: Finding, rule_index: dict[str, int], prefix: str) -> dict[str, Any]:
    loc = finding.loc
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": _LEVEL[finding.severity],
        "message": {"text": human(finding.message) + (f"\nFix: {human(finding.fix)}" if finding.fix else "")},
        "locations": [_location(prefix + finding.path, loc.line, loc.column, loc.end_line, loc.end_column)],
        "partialFingerprints": {"moleculeLint/v1": finding.fingerprint},
    }
    if finding.trace:
        related = []
        for number, hop in enumerate(finding.trace, 1):
            location = _location(prefix + hop.path, hop.line)
            location.update(id=number, message={"text": human(hop.note)})
            related.append(location)
        result["relatedLocations"] = related
        result["codeFlows"] = [
            {"threadFlows": [{"locations": [{"location": r} for r in related]}]}
        ]
    if finding.suppressed_by is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": human(finding.suppressed_by)}]
    return result


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    ordered = list(rules.values())
    rule_index = {rule.id: number for number, rule in enumerate(ordered)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "molecule-lint",
                        "version": __version__,
                        "informationUri": RFC_URL,
                        "rules": [_rule(rule) for rule in ordered],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index, options.repository_prefix) for f in [*result.findings, *result.suppressed]],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
