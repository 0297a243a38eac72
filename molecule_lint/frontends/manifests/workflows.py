"""GitHub Actions workflows: the environment of jobs that deploy a service.

A job deploys when its id or name says "deploy" or one of its steps runs a
deploy command (`railway up`, `npx @railway/cli up`, `flyctl deploy`, `kubectl apply`, `docker
compose up`). The service it deploys is named by the command (`--service`,
`--app`), else by the step's working directory (or, in a job named for
deploying whose commands we do not know, the job's), else by the job id. Other
jobs (tests, linters) are not deployments and give no facts.
"""

from __future__ import annotations

import re
from typing import Any

from molecule_lint.facts import Fact, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.text import scalar_text
from molecule_lint.frontends.manifests.tree import Tree, mapping, project_path, sequence, text
from molecule_lint.yamlsource import KeyPath

_DEPLOY = re.compile(
    r"\b(?:railway(?:/cli)?\s+(?:up|deploy)|fly(?:ctl)?\s+deploy|kubectl\s+apply"
    r"|docker[ -]compose\b[^\n;&|]*\s(?:up|deploy)\b)"
)
_SERVICE_FLAG = re.compile(r"\b(?:railway\b[^\n;&|]*?\s(?:--service|-s)|fly(?:ctl)?\b[^\n;&|]*?\s(?:--app|-a))[=\s]+([\w.-]+)")
_CD = re.compile(r"^\s*cd\s+([\w./-]+)")
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_CONTEXT_NAME = re.compile(r"\b(?:secrets|vars|env)\.([A-Za-z_][A-Za-z0-9_]*)")


def workflow_facts(tree: Tree) -> list[Fact]:
    workflow = mapping(tree.doc.value)
    facts: list[Fact] = []
    for job_id, raw in mapping(workflow.get("jobs")).items():
        job = mapping(raw)
        steps = [mapping(step) for step in sequence(job.get("steps"))]
        runs = [text(step.get("run")) or "" for step in steps]
        if "deploy" not in f"{job_id} {text(job.get('name')) or ''}".lower() and not any(map(_DEPLOY.search, runs)):
            continue
        service, folder = _deployed(job_id, job, steps, runs)
        facts.append(ManifestService(tree.loc(("jobs", job_id)), service, "workflow", build=folder))
        scopes: list[tuple[KeyPath, Any]] = [(("env",), workflow.get("env")), (("jobs", job_id, "env"), job.get("env"))]
        scopes += [(("jobs", job_id, "steps", i, "env"), step.get("env")) for i, step in enumerate(steps)]
        for key, env in scopes:
            facts.extend(_env(tree, service, key, env))
    return facts


def _deployed(job_id: str, job: dict[str, Any], steps: list[dict[str, Any]], runs: list[str]) -> tuple[str, str | None]:
    """(service name, its folder) for a deploy job."""
    default_dir = text(mapping(mapping(job.get("defaults")).get("run")).get("working-directory"))
    folder = None
    deploying = [(step, run) for step, run in zip(steps, runs) if _DEPLOY.search(run)]
    # A job named for deploying that runs a command we do not know deploys from its working directory.
    for step, run in deploying or [({}, "")]:
        flag = _SERVICE_FLAG.search(run)
        cd = _CD.match(run)
        directory = text(step.get("working-directory")) or (cd.group(1) if cd else None) or default_dir
        folder = project_path("", directory) if directory else None
        if flag:
            return flag.group(1), folder
        if folder and folder != ".":
            return folder.rpartition("/")[2], folder
    return job_id, folder


def _env(tree: Tree, service: str, key: KeyPath, env: Any) -> list[Fact]:
    facts: list[Fact] = []
    for name, raw in mapping(env).items():
        value = scalar_text(raw)
        variables: tuple[str, ...] = ()
        if value is not None and _EXPRESSION.search(value):
            variables = tuple(dict.fromkeys(_CONTEXT_NAME.findall(value)))
            value = _EXPRESSION.sub("", value) or None  # what the expression yields is not in the file
        facts.append(ManifestEnv(tree.loc((*key, name)), service, name, value, variables))
    return facts
