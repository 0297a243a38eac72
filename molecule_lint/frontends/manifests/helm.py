"""Helm charts: values files, and the env entries of the chart's templates.

A values file (`values.yaml`, `values-prod.yaml`...) becomes one ManifestData
per scalar, keyed by its dotted path. A template is a Go template, not YAML
(`{{- if }}` lines, `{{ include ... | nindent 8 }}`): it is read line by line,
for what a deployment's environment needs — the workload's kind and name, and
its `- name: X` / `value: ...` entries. A value that uses `{{ .Values.a.b }}`
stays a reference (`ref` "HelmValues/a.b", the text around it kept with `{{}}`
where the value goes; a `default "..."` becomes a HelmDefault datum); an env
filled from values wholesale (`range $k, $v := .Values.env`, `toYaml
.Values.env`) becomes a "helm-env" link. The linker resolves both against the
values files of the same chart (the folder above `templates/`).
"""

from __future__ import annotations

import re

from molecule_lint.facts import Fact, ManifestData, ManifestEnv, ManifestLink, ManifestService
from molecule_lint.frontends.manifests.kinds import chart_folder
from molecule_lint.frontends.manifests.kubernetes import POD_SPEC
from molecule_lint.frontends.manifests.text import Lines
from molecule_lint.frontends.manifests.tree import Tree, dotted, scalars

_EXPRESSION = re.compile(r"\{\{-?(.*?)-?\}\}")
_VALUES_REF = re.compile(r"(?<![\w$])\$?\.Values\.([A-Za-z0-9_.]+)")
_DEFAULT = re.compile(r"\bdefault\s+\"([^\"]*)\"")
_KIND = re.compile(r"^kind:\s*['\"]?([A-Za-z]+)['\"]?\s*$")
_NAME = re.compile(r"^(\s+)name:\s*(.+?)\s*$")
_ENV_NAME = re.compile(r"^(\s*)-\s+name:\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?\s*$")
_ENV_VALUE = re.compile(r"^(\s*)value:\s*(.*?)\s*$")
_ENV_KEY = re.compile(r"^\s*env:\s*(?:\{\{.*)?$")  # also `env: {{- toYaml .Values.env | nindent 12 }}`
_RANGE = re.compile(r"\brange\s+\$\w+\s*,\s*\$\w+\s*:=\s*\$?\.Values\.([A-Za-z0-9_.]+)")
_WITH = re.compile(r"\bwith\s+\$?\.Values\.([A-Za-z0-9_.]+)")
_TO_YAML = re.compile(r"\btoYaml\s+(\$?\.Values\.[A-Za-z0-9_.]+|\.(?![\w.]))")  # `.Values.x` first: `.` is its prefix


def values_facts(path: str, tree: Tree) -> list[ManifestData]:
    """Every scalar of a values file, by dotted key, at its line."""
    chart = path.rpartition("/")[0]
    facts = [ManifestData(tree.loc(here), "HelmValues", chart, dotted(here), text) for here, text in scalars(tree)]
    return sorted(facts, key=lambda f: (f.loc.line, f.key))


def template_facts(path: str, source: str) -> list[Fact]:
    """The workloads of a chart template, their env entries and where their env comes from values."""
    chart = chart_folder(path) or ""
    lines = Lines(source)
    facts: list[Fact] = []
    kind = service = None
    in_metadata = False
    pending: tuple[str, int] | None = None  # an env entry's (name, indent) awaiting its value
    scope: str | None = None  # the values key of an enclosing `with`
    env_indent: int | None = None  # the indent of the `env:` key whose block we are in
    for number, line in enumerate(source.splitlines(), 1):
        if line.startswith("---"):
            kind = service = None
            continue
        if kind_match := _KIND.match(line):
            kind = kind_match.group(1)
        in_metadata = line.startswith("metadata:") or (in_metadata and line[:1] in (" ", "\t"))
        name_match = _NAME.match(line)
        if in_metadata and service is None and kind in POD_SPEC and name_match and len(name_match.group(1)) == 2:
            written = name_match.group(2).strip("'\"")
            # A templated name (`{{ include "x.fullname" . }}`) is the chart's.
            service = written if "{{" not in written else chart.rpartition("/")[2]
            facts.append(ManifestService(lines.loc(number), service, "helm"))
            continue
        if service is None:
            continue
        if with_match := _WITH.search(line):
            scope = with_match.group(1)
        stripped = line.strip()
        if stripped and not stripped.startswith("{{"):
            indent = len(line) - len(line.lstrip())
            # The block ends at a key as far left as `env:` (its items may stand at `env:`'s own indent).
            if env_indent is not None and (indent < env_indent or (indent == env_indent and not stripped.startswith("-"))):
                env_indent = None
            if _ENV_KEY.match(line):
                env_indent = indent
        source_key = _env_source(line, env_indent is not None, scope)
        if source_key:
            facts.append(ManifestLink(lines.loc(number), service, "helm-env", source_key))
        if (env_name := _ENV_NAME.match(line)) and env_indent is not None:
            pending = (env_name.group(2), len(env_name.group(1)))
        elif line.lstrip().startswith("- "):
            pending = None  # another item (`- name: {{ $k }}`): the pending name's entry has no value
        elif (value := _ENV_VALUE.match(line)) and pending and len(value.group(1)) > pending[1]:
            facts.extend(_env(lines, chart, service, pending[0], number, value.group(2)))
            pending = None
    return facts


def _env_source(line: str, in_env: bool, scope: str | None) -> str | None:
    """The values key an env block is filled from wholesale on this line, if any."""
    if ranged := _RANGE.search(line):
        return ranged.group(1)
    dumped = _TO_YAML.search(line)
    if dumped is None or not in_env:
        return None
    if dumped.group(1) == ".":
        return scope
    ref = _VALUES_REF.search(dumped.group(1))
    return ref.group(1) if ref else None


def _env(lines: Lines, chart: str, service: str, name: str, number: int, written: str) -> list[Fact]:
    text = written.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    loc = lines.loc(number)
    reference = next((m for m in _EXPRESSION.finditer(text) if _VALUES_REF.search(m.group(1))), None)
    if reference is None:  # a literal, or only other expressions (`.Release.Name`): those are holes
        return [ManifestEnv(loc, service, name, _EXPRESSION.sub("", text) or None)]
    ref = _VALUES_REF.search(reference.group(1))
    assert ref is not None  # found above
    around = text[: reference.start()] + "{{}}" + text[reference.end() :]
    facts: list[Fact] = [ManifestEnv(loc, service, name, _EXPRESSION.sub(_keep_hole, around), ref=f"HelmValues/{ref.group(1)}")]
    if default := _DEFAULT.search(reference.group(1)):
        facts.append(ManifestData(loc, "HelmDefault", chart, ref.group(1), default.group(1)))
    return facts


def _keep_hole(match: re.Match[str]) -> str:
    return match.group() if match.group() == "{{}}" else ""
