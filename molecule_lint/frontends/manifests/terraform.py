"""Terraform: the environment a module's resources give what they run.

Read (each variable at its line): an ECS task's `container_definitions = jsonencode([{ name, environment =
[{ name, value }] }])` (service: the container's name), a Lambda's `environment { variables = {...} }`
(its `function_name`), the kubernetes provider's `env { name value }` (the enclosing `container`'s name),
`user_data` / `user_data_base64` as a heredoc (`KEY=value` / `export KEY=value` lines) or as
`templatefile("x.tftpl", { k = v })` (the template is joined to its variables in deployments.py; it must
lie inside the project: its path is never followed elsewhere), and `aws_ssm_parameter`s whose name ends in an
env-var-like name (service: the module folder). `variable` defaults, `.tfvars` values and `locals` are
ManifestData of the module (its folder); values keep `${var.x}` / `${local.x}` placeholders for
deployments.py to resolve. A resource's service maps like any manifest's: by name, else by the folder.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from molecule_lint.facts import Fact, ManifestData, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.dotenv import dotenv_facts
from molecule_lint.frontends.manifests.hcl import Block, Located, TemplateCall, parse
from molecule_lint.frontends.manifests.text import Lines
from molecule_lint.frontends.manifests.tree import project_path

DEFAULT = "TerraformDefault"  # a `variable` block's default, or a `locals` value
TFVARS = "TerraformVars"  # a value a `.tfvars` file sets
TEMPLATE_VARIABLE = "TerraformTemplate"  # one variable a `templatefile` call passes (name: "<template>#<service>")
REF_PREFIX = "Terraform/"  # a ManifestEnv's ref: its value holds placeholders of the module named after it
_USER_DATA = ("user_data", "user_data_base64")
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]*")


def module_of(path: str) -> str:
    return path.rpartition("/")[0]


def terraform_facts(path: str, text: str) -> list[Fact]:
    root = parse(text.encode("utf-8"))
    lines, module = Lines(text), module_of(path)
    facts: list[Fact] = []
    for block in root.blocks:
        if block.kind == "variable" and block.labels and isinstance(default := _scalar(block, "default"), str):
            facts.append(ManifestData(lines.loc(block.attributes["default"].line), DEFAULT, module, f"var.{block.labels[0]}", default))
        elif block.kind == "locals":
            for name, found in block.attributes.items():
                if isinstance(found.value, str):
                    facts.append(ManifestData(lines.loc(found.line), DEFAULT, module, f"local.{name}", found.value))
        elif block.kind == "resource" and len(block.labels) == 2:
            facts.extend(_resource(path, block, lines))
    services: dict[str, ManifestService] = {}
    for fact in facts:
        if isinstance(fact, ManifestEnv | ManifestLink):
            services.setdefault(fact.service, ManifestService(fact.loc, fact.service, "terraform"))
    return [*services.values(), *facts]


def tfvars_facts(path: str, text: str) -> list[Fact]:
    root, lines = parse(text.encode("utf-8")), Lines(text)
    return [
        ManifestData(lines.loc(found.line), TFVARS, module_of(path), f"var.{name}", found.value)
        for name, found in root.attributes.items()
        if isinstance(found.value, str)
    ]


def template_facts(path: str, text: str) -> list[Fact]:
    """A `templatefile` template: its `KEY=value` lines, values keeping the template's `${name}` placeholders
    (read only through the templatefile call that fills them)."""
    # `$$` is a dollar to the dotenv reader: doubled, each `${name}` comes through as written.
    return [_placeholders_kept(fact, "terraform-template") for fact in dotenv_facts(path, text.replace("$", "$$"))]


def _resource(path: str, block: Block, lines: Lines) -> Iterator[Fact]:
    kind, label = block.labels
    module = module_of(path)
    if kind == "aws_ssm_parameter":
        name, found = _scalar(block, "name"), block.attributes.get("value")
        variable = name.rstrip("/").rpartition("/")[2] if isinstance(name, str) else ""
        if found is not None and isinstance(found.value, str) and _ENV_NAME.fullmatch(variable):
            yield _env(lines, found.line, module.rpartition("/")[2] or label, variable, found.value, module)
    containers = block.attributes.get("container_definitions")
    for container in _items(containers):
        fields = _fields(container)
        service = _plain(fields.get("name")) or label
        for entry in _items(fields.get("environment")):
            entry_fields = _fields(entry)
            name, found = _plain(entry_fields.get("name")), entry_fields.get("value")
            if name and found is not None and isinstance(found.value, str):
                yield _env(lines, entry.line, service, name, found.value, module)
    yield from _nested_env(block, label, lines, module)
    for attribute in _USER_DATA:
        found = block.attributes.get(attribute)
        if found is not None:
            yield from _user_data(path, label, found, lines)


def _nested_env(block: Block, service: str, lines: Lines, module: str) -> Iterator[Fact]:
    """Lambda's `environment { variables = {...} }` and the kubernetes provider's `container { env {...} }`."""
    own = _plain(block.attributes.get("function_name")) if block.kind == "resource" else None
    if block.kind == "container" and (name := _plain(block.attributes.get("name"))):
        service = name
    elif own:
        service = own
    for inner in block.blocks:
        if inner.kind == "environment" and (variables := inner.attributes.get("variables")) is not None:
            for name, entry in _fields(variables).items():
                if isinstance(entry.value, str):
                    yield _env(lines, entry.line, service, name, entry.value, module)
        elif inner.kind == "env" and isinstance(name := _scalar(inner, "name"), str):
            found = inner.attributes.get("value")
            if found is not None and isinstance(found.value, str):
                yield _env(lines, found.line, service, name, found.value, module)
        else:
            yield from _nested_env(inner, service, lines, module)


def _user_data(path: str, service: str, found: Located, lines: Lines) -> Iterator[Fact]:
    module = module_of(path)
    if isinstance(found.value, str):  # a heredoc or string: its lines from the attribute's line on
        for fact in template_facts(path, found.value):
            if isinstance(fact, ManifestEnv):
                yield _env(lines, found.line + fact.loc.line - 1, service, fact.name, fact.value or "", module)
    elif isinstance(found.value, TemplateCall) and found.value.path is not None:
        relative = found.value.path.replace("${path.module}/", "", 1)
        target = project_path(module, relative) if "${" not in relative else None
        if target is None:
            return  # computed, absolute, or outside the project: not followed
        yield ManifestLink(lines.loc(found.line), service, "templatefile", target)
        for name, argument in found.value.variables.items():
            if isinstance(argument.value, str):
                yield ManifestData(lines.loc(argument.line), TEMPLATE_VARIABLE, f"{target}#{service}", name, argument.value)


def _env(lines: Lines, line: int, service: str, name: str, value: str, module: str) -> ManifestEnv:
    return ManifestEnv(lines.loc(line), service, name, value, (), f"{REF_PREFIX}{module}" if "${" in value else None)


def _placeholders_kept(fact: Fact, form: str) -> Fact:
    if isinstance(fact, ManifestService):
        return dataclasses.replace(fact, format=form)
    if isinstance(fact, ManifestEnv):
        return dataclasses.replace(fact, variables=())
    return fact


def _scalar(block: Block, name: str) -> Any:
    found = block.attributes.get(name)
    return found.value if found is not None else None


def _items(value: Any) -> list[Located]:
    value = value.value if isinstance(value, Located) else value
    return value if isinstance(value, list) else []


def _fields(value: Any) -> dict[str, Located]:
    value = value.value if isinstance(value, Located) else value
    return value if isinstance(value, dict) else {}


def _plain(found: Located | None) -> str | None:
    """A literal string (no placeholder): a name (a computed one leaves the resource's label)."""
    return found.value if found is not None and isinstance(found.value, str) and "${" not in found.value else None

