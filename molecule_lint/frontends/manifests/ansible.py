"""Ansible: the environment files a role's templates write on a host, filled from the project's variables.

A role's `templates/*.env.j2` is read as a dotenv file whose `{{ name }}` values are placeholders (any other
Jinja expression is a hole); its service is the role (a `roles/<role>/` folder in a service's `paths`, or a
role named like the service). Variables are the top-level scalars of `group_vars/*`, `host_vars/*` (YAML),
and the role's `defaults/main.yml` and `vars/main.yml`; deployments.py fills the placeholders once per
inventory vars file (role defaults under it, role vars over it). Which groups run which role (the playbooks)
is not read; nothing is rendered or run.
"""

from __future__ import annotations

import dataclasses
import re

from molecule_lint.facts import Fact, ManifestData, ManifestEnv, ManifestService
from molecule_lint.frontends.manifests.dotenv import dotenv_facts
from molecule_lint.frontends.manifests.kinds import ANSIBLE_INVENTORY_FOLDERS
from molecule_lint.frontends.manifests.text import Lines
from molecule_lint.frontends.manifests.tree import Tree, text
from molecule_lint.yamlsource import load_yaml_documents

INVENTORY = "AnsibleInventory"  # group_vars / host_vars: name the Ansible project folder
ROLE_DEFAULTS = "AnsibleDefaults"  # roles/<r>/defaults: name "<project>#<role>"
ROLE_VARS = "AnsibleRoleVars"  # roles/<r>/vars: name "<project>#<role>"
REF_PREFIX = "Ansible/"  # a template ManifestEnv's ref: "Ansible/<project>#<role>"
# Where an Ansible project's own folders start: what comes before is the project.
_PROJECT_FOLDERS = frozenset({*ANSIBLE_INVENTORY_FOLDERS, "roles", "inventory", "inventories"})
_JINJA = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}")
_NAME = re.compile(r"[A-Za-z_]\w*")


def project_and_role(path: str) -> tuple[str, str | None]:
    """The Ansible project folder of a path, and the role it is in (None outside `roles/`)."""
    parts = path.split("/")[:-1]
    start = next((i for i, part in enumerate(parts) if part in _PROJECT_FOLDERS), len(parts))
    role = parts[start + 1] if parts[start : start + 1] == ["roles"] and len(parts) > start + 1 else None
    return "/".join(parts[:start]), role


def vars_facts(path: str, source: str) -> list[Fact]:
    project, role = project_and_role(path)
    kind, name = INVENTORY, project
    if role is not None:
        kind, name = (ROLE_VARS if "/vars/" in path else ROLE_DEFAULTS), f"{project}#{role}"
    documents = load_yaml_documents(source)
    if not documents:
        return []
    tree = Tree(documents[0], Lines(source))
    values = documents[0].value if isinstance(documents[0].value, dict) else {}
    return [
        ManifestData(tree.loc((str(key),)), kind, name, str(key), jinja_placeholders(found))
        for key, raw in values.items()
        if (found := text(raw)) is not None
    ]


def template_facts(path: str, source: str) -> list[Fact]:
    project, role = project_and_role(path)
    service = role or path.rpartition("/")[2]
    facts: list[Fact] = []
    # `$` doubled is a dollar to the dotenv reader, so each `${name}` placeholder comes through as written.
    for fact in dotenv_facts(path, jinja_placeholders(source.replace("$", "$$"), "$")):
        if isinstance(fact, ManifestService):
            facts.append(dataclasses.replace(fact, service=service, format="ansible"))
        elif isinstance(fact, ManifestEnv):
            ref = f"{REF_PREFIX}{project}#{role}" if "${" in (fact.value or "") else None
            facts.append(dataclasses.replace(fact, service=service, variables=(), ref=ref))
    return facts


def jinja_placeholders(source: str, escape: str = "") -> str:
    """`{{ name }}` as a `${name}` placeholder (``escape`` before it), any other expression a hole."""

    def placeholder(match: re.Match[str]) -> str:
        return f"{escape}${{{match.group(1)}}}" if _NAME.fullmatch(match.group(1)) else ""

    return _JINJA.sub(placeholder, source)
