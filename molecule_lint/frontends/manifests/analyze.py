"""One manifest file -> FileFacts (the package docstring says what is read and how)."""

from __future__ import annotations

from molecule_lint.facts import Fact, FileFacts, Location
from molecule_lint.frontends.manifests.ansible import template_facts as ansible_template_facts
from molecule_lint.frontends.manifests.appconfig import app_config_facts
from molecule_lint.frontends.manifests.ansible import vars_facts as ansible_vars_facts
from molecule_lint.frontends.manifests.cloudinit import cloud_init_facts, is_cloud_config
from molecule_lint.frontends.manifests.compose import compose_facts, is_compose
from molecule_lint.frontends.manifests.digitalocean import digitalocean_facts
from molecule_lint.frontends.manifests.dotenv import dotenv_facts
from molecule_lint.frontends.manifests.fly import fly_facts
from molecule_lint.frontends.manifests.helm import template_facts, values_facts
from molecule_lint.frontends.manifests.heroku import heroku_facts
from molecule_lint.frontends.manifests.ini import ini_facts, supervisord_facts
from molecule_lint.frontends.manifests.kinds import manifest_format
from molecule_lint.frontends.manifests.kubernetes import is_kubernetes, kubernetes_facts
from molecule_lint.frontends.manifests.kustomize import kustomize_facts
from molecule_lint.frontends.manifests.procfile import procfile_facts
from molecule_lint.frontends.manifests.railway import railway_facts
from molecule_lint.frontends.manifests.render import render_facts
from molecule_lint.frontends.manifests.systemd import systemd_facts
from molecule_lint.frontends.manifests.terraform import template_facts as terraform_template_facts
from molecule_lint.frontends.manifests.terraform import terraform_facts, tfvars_facts
from molecule_lint.frontends.manifests.text import DocumentError, Lines, hash_comment_suppressions
from molecule_lint.frontends.manifests.tree import Tree
from molecule_lint.frontends.manifests.workflows import workflow_facts
from molecule_lint.yamlsource import YamlError, load_yaml_documents

LANGUAGE = "manifest"


def analyze_manifest(path: str, module: str, source: bytes) -> FileFacts:
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = source[: exc.start].count(b"\n") + 1
        return _error(path, f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start})", line)
    # A YAML file discovered by its content (apiVersion/kind) has no format by name: it is Kubernetes.
    form = manifest_format(path) or "kubernetes"
    try:
        facts = _facts(path, form, text)
    except YamlError as exc:
        message = exc.message if exc.message.startswith("invalid YAML") else f"invalid YAML: {exc.message}"
        return _error(path, message, exc.line)
    except DocumentError as exc:
        return _error(path, exc.message, exc.line)
    facts.extend(hash_comment_suppressions(text))
    return FileFacts(path, LANGUAGE, module, tuple(facts))


def _facts(path: str, form: str, text: str) -> list[Fact]:
    if form == "dotenv":
        return dotenv_facts(path, text)
    if form == "railway":
        return railway_facts(path, text)
    if form == "procfile":
        return procfile_facts(path, text)
    if form == "helm-template":
        return template_facts(path, text)
    if form == "fly":
        return fly_facts(path, text)
    if form == "heroku":
        return heroku_facts(path, text)
    if form == "systemd":
        return systemd_facts(path, text)
    if form == "ini":
        return ini_facts(path, text)
    if form == "supervisord":
        return supervisord_facts(text)
    if form == "terraform":
        return terraform_facts(path, text)
    if form == "terraform-vars":
        return tfvars_facts(path, text)
    if form == "terraform-template":
        return terraform_template_facts(path, text)
    if form == "ansible-vars":
        return ansible_vars_facts(path, text)
    if form == "ansible-template":
        return ansible_template_facts(path, text)
    lines = Lines(text)
    trees = [Tree(doc, lines) for doc in load_yaml_documents(text)]
    if form == "cloud-init" or (form == "kubernetes" and is_cloud_config(text)):  # user data in a deploy folder
        return [fact for tree in trees[:1] for fact in cloud_init_facts(path, tree, text)]
    if form == "compose" or (form == "kubernetes" and len(trees) == 1 and is_compose(trees[0].doc.value)):
        return [fact for tree in trees[:1] for fact in compose_facts(path, tree)]
    if form == "render":
        return [fact for tree in trees[:1] for fact in render_facts(path, tree)]
    if form == "digitalocean":
        return [fact for tree in trees[:1] for fact in digitalocean_facts(path, tree)]
    if form == "kustomize":
        return [fact for tree in trees[:1] for fact in kustomize_facts(path, tree)]
    if form == "helm-values":
        return [fact for tree in trees[:1] for fact in values_facts(path, tree)]
    if form == "app-config":
        return [fact for tree in trees[:1] for fact in app_config_facts(path, tree)]
    if form == "workflow":
        return [fact for tree in trees[:1] for fact in workflow_facts(tree)]
    return [fact for tree in trees if is_kubernetes(tree.doc.value) for fact in kubernetes_facts(tree)]


def _error(path: str, message: str, line: int | None) -> FileFacts:
    line = line or 1
    return FileFacts(path, LANGUAGE, "", error=message, error_loc=Location(line, 1, line, 1))
