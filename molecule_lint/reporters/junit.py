"""JUnit XML: one test case per rule, one failure per finding (for CI test-report widgets)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from molecule_lint.engine import RunResult
from molecule_lint.findings import Finding
from molecule_lint.rules import Rule


def render(result: RunResult, rules: dict[str, Rule], quiet: bool = False) -> str:
    suites = ET.Element("testsuites", name="molecule-lint", tests=str(len(rules)), failures=str(len(result.findings)))
    suite = ET.SubElement(
        suites, "testsuite", name="molecule-lint", tests=str(len(rules)), failures=str(len(result.findings)),
        time=f"{result.seconds:.3f}",
    )
    by_rule: dict[str, list[Finding]] = {rule_id: [] for rule_id in rules}
    for finding in result.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    for rule_id, findings in by_rule.items():
        title = rules[rule_id].title if rule_id in rules else rule_id
        case = ET.SubElement(suite, "testcase", classname="molecule-lint", name=f"{rule_id} {title}")
        for f in findings:
            failure = ET.SubElement(
                case, "failure", type=rule_id, message=f"{f.path}:{f.loc.line}:{f.loc.column}: {f.message}"
            )
            failure.text = "\n".join(f"{hop.path}:{hop.line} {hop.note}" for hop in f.trace)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
