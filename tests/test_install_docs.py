"""The README's install and CI instructions, and the GitHub action they point at, work as written.

The pre-commit snippet runs in tests/test_git_workflows.py; here: the workflow and the action are
valid for GitHub (SchemaStore's schemas, as vendored by check-jsonschema), the action's gate script
runs on real git history, and the documented `pip install git+…@COMMIT-SHA` installs a working tool.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO_ROOT, RenderedMarkdown, git, readme_blocks, write_project

MOLECULE_LINT = Path(sys.executable).parent / "molecule-lint"
REPOSITORY = "https://github.com/Molecule-AI/molecule-lint"


class GitHubYamlLoader(yaml.SafeLoader):
    """YAML as GitHub reads it: `on`, `yes`, `off` are strings (YAML 1.2 booleans are true/false only)."""


GitHubYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
GitHubYamlLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_github_yaml(text: str) -> Any:
    return yaml.load(text, Loader=GitHubYamlLoader)  # noqa: S506 - a SafeLoader subclass


def vendored_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(files("check_jsonschema.builtin_schemas.vendor").joinpath(name).read_text())
    return schema


def validate(document: object, schema: dict[str, Any]) -> None:
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_readme_workflow_is_a_valid_github_workflow_using_this_action() -> None:
    [workflow_text] = [block for block in readme_blocks("yaml") if "jobs:" in block]
    workflow = load_github_yaml(workflow_text)
    validate(workflow, vendored_schema("github-workflows.json"))
    steps = workflow["jobs"]["lint"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # --diff needs the base branch's history
    assert steps[1]["uses"] == "Molecule-AI/molecule-lint@COMMIT-SHA"
    assert workflow["permissions"]["security-events"] == "write"  # the SARIF upload


def test_action_is_valid_and_never_splices_inputs_into_shell_text() -> None:
    action = load_github_yaml((REPO_ROOT / "action.yml").read_text())
    validate(action, vendored_schema("github-actions.json"))
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert runs and all("${{" not in run for run in runs)  # inputs arrive as env vars (no injection)
    assert set(action["inputs"]) == {"base-ref", "args", "working-directory", "sarif", "python-version"}


CONFIG = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"]},
        {"name": "workspace", "plane": "tenant", "paths": ["workspace/"]},
    ],
    "tenant_data": {"tables": ["agent_memories"]},
}


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone of an `origin` whose main holds a legacy violation, on a branch that adds a new one."""
    origin = write_project(tmp_path / "origin", {
        "controlplane/__init__.py": "",
        "controlplane/legacy.py": 'LEGACY = "SELECT id FROM agent_memories WHERE id = %s"\n',
        "workspace/__init__.py": "",
    }, CONFIG)
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "base")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "checkout", "-q", "-b", "feature")
    return clone


def gate(root: Path, summary: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "ci_gate.sh")],
        cwd=root, capture_output=True, text=True, check=False,
        env={**os.environ, "MOLECULE_LINT": str(MOLECULE_LINT), "GITHUB_STEP_SUMMARY": str(summary), **env},
    )


def test_gate_annotates_only_the_pull_requests_lines_and_reports_everything_in_sarif(
    pull_request: Path, tmp_path: Path
) -> None:
    (pull_request / "controlplane/report.py").write_text(
        'def usage(db):\n    return db.execute("SELECT count(*) FROM agent_memories").scalar()\n'
    )
    git(pull_request, "add", "-A")
    git(pull_request, "commit", "-qm", "report")
    summary = tmp_path / "summary.md"
    result = gate(pull_request, summary, BASE_REF="main", EXTRA_ARGS="--no-cache")
    assert result.returncode == 1, result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations and all("file=controlplane/report.py,line=2," in line for line in annotations)
    sarif = json.loads((pull_request / "molecule-lint.sarif").read_text())
    validate(sarif, json.loads((REPO_ROOT / "tests/fixtures/sarif-schema-2.1.0.json").read_text()))
    reported = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert reported == {"controlplane/report.py", "controlplane/legacy.py"}  # the whole project
    text = summary.read_text()
    assert text.startswith("### molecule-lint\n")
    page = RenderedMarkdown(text)  # the summary is Markdown, as GitHub renders it
    assert [row[:3] for row in page.table_rows[0]] == [["MOL101", "error", "1"], ["MOL201", "error", "1"]]
    assert page.summaries == ["controlplane: 1 finding", "controlplane: 1 finding"]
    assert "controlplane/report.py:2:" in page.text
    assert "controlplane/legacy.py" not in page.text  # the summary, like the annotations, is the diff's


def test_gate_passes_a_clean_pull_request_and_can_skip_sarif(pull_request: Path, tmp_path: Path) -> None:
    (pull_request / "controlplane/dns.py").write_text("def record(org):\n    return org + '.molecule.app'\n")
    git(pull_request, "add", "-A")
    git(pull_request, "commit", "-qm", "dns")
    result = gate(pull_request, tmp_path / "summary.md", BASE_REF="main", EXTRA_ARGS="--no-cache", SARIF="false")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (pull_request / "molecule-lint.sarif").exists()


def test_readme_install_line_installs_a_working_tool(hook_commit: tuple[Path, str], tmp_path: Path) -> None:
    [command] = [line for block in readme_blocks("sh") for line in block.splitlines() if "git+" in line]
    snapshot, rev = hook_commit
    url = command.split('"')[1].replace(REPOSITORY, f"file://{snapshot}").replace("COMMIT-SHA", rev)
    target = tmp_path / "site"
    # --no-deps: the dependencies are this venv's already; what is tested is the git+URL@SHA install.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), url],
        check=True, capture_output=True,
    )
    listed = subprocess.run(
        [sys.executable, "-c", "from molecule_lint.cli import main; main()", "rules"],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(target)},
        cwd=tmp_path,
    )
    assert listed.stdout.splitlines()[0].startswith("MOL101")  # the rule pack shipped in the wheel
