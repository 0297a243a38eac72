"""JUnit XML for CI test-report widgets: a test suite per file, a test case per finding (as ruff writes it).

A finding at or above `--fail-on` is a `<failure>`; one below it does not fail the run, so it is a
`<skipped>` case (shown, neither red nor counted as failed) rather than a failure beside exit code 0.
A clean run is one passing case, so that a CI step which requires test results finds some.
No timestamp or host name: the same input gives the same bytes.
"""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from molecule_lint.engine import RunResult
from molecule_lint.findings import SEVERITY_RANK, Finding
from molecule_lint.reporters import ReportOptions
from molecule_lint.rules import Rule
from molecule_lint.textsafe import human


def render(result: RunResult, rules: dict[str, Rule], options: ReportOptions) -> str:
    suites = ET.Element("testsuites")
    by_file = [(path, list(findings)) for path, findings in groupby(result.findings, key=lambda f: f.path)]
    for path, findings in by_file or [("molecule-lint", [])]:
        failing = sum(1 for f in findings if _fails(f, options))
        suite = ET.SubElement(
            suites, "testsuite", name=human(path), tests=str(len(findings) or 1),
            failures=str(failing), errors="0", skipped=str(len(findings) - failing), time="0",
        )
        for f in findings:
            _case(suite, f, options)
        if not findings:
            name = f"no findings ({result.files_checked} files checked)"
            ET.SubElement(suite, "testcase", name=name, classname="molecule-lint", time="0")
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _fails(finding: Finding, options: ReportOptions) -> bool:
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[options.fail_on]


def _case(suite: ET.Element, f: Finding, options: ReportOptions) -> None:
    path = human(f.path)
    case = ET.SubElement(suite, "testcase", name=f"{f.rule} {path}:{f.loc.line}:{f.loc.column}", classname=path, time="0")
    message = f"{f.severity} {f.rule}: {human(f.message)}"
    if _fails(f, options):
        outcome = ET.SubElement(case, "failure", type=f.rule, message=message)
    else:
        outcome = ET.SubElement(case, "skipped", message=message)
    if not options.quiet:
        lines = [f"{hop.path}:{hop.line} {hop.note}" for hop in f.trace] + ([f"fix: {f.fix}"] if f.fix else [])
        outcome.text = "\n".join(human(line) for line in lines)
