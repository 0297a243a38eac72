"""Which files are deployment manifests, and of which format — by name and folder alone.

Discovery calls this for every file, so it only looks at the path; the one
exception, `looks_like_kubernetes`, reads a few KiB of a YAML file that no
name pattern claims.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

# Folders whose YAML files are taken for Kubernetes manifests.
KUBERNETES_FOLDERS = frozenset({"k8s", "kubernetes", "deploy", "deployment", "deployments", "manifests"})
# Other YAML in chart folders (Chart.yaml, CRDs, subcharts' files) is no deployment of ours; templates and
# values files are claimed by name first (frontends/manifests/helm.py).
TEMPLATE_FOLDERS = frozenset({"templates", "helm", "charts"})
# How much of an unclaimed YAML file is read to tell whether it is a Kubernetes manifest.
SNIFF_BYTES = 4096

YAML_SUFFIXES = (".yaml", ".yml")
# Manifests known by their file name alone (any folder), and their format.
NAMED_FORMATS = {
    "railway.toml": "railway", "railway.json": "railway", "fly.toml": "fly", "app.json": "heroku",
    "procfile": "procfile",
}  # fmt: skip
# A lower-cased file name of a dotenv file; `.envrc` is direnv's shell script, not a dotenv file.
DOTENV_NAME = re.compile(r"\.env(\.[^/]*)?|[^/]+\.env")
# INI files of tools, not of a deployed service (a service's settings INI is read: frontends/manifests/ini.py).
TOOL_INI_NAMES = frozenset({"pytest.ini", "tox.ini", "mypy.ini", "setup.ini", "pylintrc.ini", "php.ini"})
# Folders whose `*.conf` files are supervisord's program definitions (`/etc/supervisor/conf.d/`).
SUPERVISOR_FOLDERS = frozenset({"supervisor", "supervisord"})
# Terraform files by suffix: a module, its variable values, and templatefile templates.
TERRAFORM_FORMATS = {".tf": "terraform", ".tfvars": "terraform-vars", ".tftpl": "terraform-template"}
# Ansible: inventory variables (`group_vars/`, `host_vars/`); roles' `defaults/`, `vars/` and `templates/*.env.j2`.
ANSIBLE_INVENTORY_FOLDERS = ("group_vars", "host_vars")
ANSIBLE_TEMPLATE_SUFFIX = ".env.j2"
_COMPOSE = ("docker-compose*.yml", "docker-compose*.yaml", "compose*.yml", "compose*.yaml")
_CLOUD_INIT = ("cloud-init*.yml", "cloud-init*.yaml", "cloud-config*.yml", "cloud-config*.yaml", "user-data*.yml",
               "user-data*.yaml")  # fmt: skip
_HELM_VALUES = re.compile(r"values(?:[-_.][\w.-]+)?\.ya?ml")
# A service's own config (kratos' `configs/config.yaml`, Spring's `config/application.yml`), by folder and name;
# also at the root of a top-level folder, where koanf/viper services keep it (`workspace/config.yaml`).
APP_CONFIG_FOLDERS = frozenset({"configs", "config"})
_APP_CONFIG = re.compile(r"(?:config|application)(?:[-_.][\w.-]+)?\.ya?ml")
_K8S_HEAD = (re.compile(rb"^apiVersion:[ \t]*\S", re.MULTILINE), re.compile(rb"^kind:[ \t]*\S", re.MULTILINE))


def manifest_format(path: str) -> str | None:
    """The manifest format a project-relative path names, or None when its name says nothing."""
    folders, _, name = path.rpartition("/")
    parts = folders.split("/") if folders else []
    lower = name.lower()
    if DOTENV_NAME.fullmatch(lower):
        return "dotenv"
    if lower in NAMED_FORMATS:
        return NAMED_FORMATS[lower]
    if lower.endswith(".service"):
        return "systemd"
    if lower.endswith(".ini") and lower not in TOOL_INI_NAMES:
        return "ini"
    if lower.endswith(".conf") and (lower.startswith("supervisord") or SUPERVISOR_FOLDERS.intersection(parts)):
        return "supervisord"
    if (suffix := "." + lower.rpartition(".")[2]) in TERRAFORM_FORMATS:
        return TERRAFORM_FORMATS[suffix]
    if ansible := ansible_format(parts, lower):
        return ansible
    if parts[-1:] == [".do"] and lower.endswith(YAML_SUFFIXES):
        return "digitalocean"
    if not lower.endswith(YAML_SUFFIXES):
        return None
    if folders == ".github/workflows":  # GitHub reads workflows from the repository root only
        return "workflow"
    if any(fnmatchcase(lower, pattern) for pattern in _COMPOSE):
        return "compose"
    if any(fnmatchcase(lower, pattern) for pattern in _CLOUD_INIT):
        return "cloud-init"
    if lower in ("render.yaml", "render.yml"):
        return "render"
    if lower in ("kustomization.yaml", "kustomization.yml"):
        return "kustomize"
    if _HELM_VALUES.fullmatch(lower):
        return "helm-values"
    if "templates" in parts:
        return "helm-template"
    if TEMPLATE_FOLDERS.intersection(parts):
        return None
    if KUBERNETES_FOLDERS.intersection(p.lower() for p in parts):
        return "kubernetes"
    in_config_folder = parts[-1:] and parts[-1].lower() in APP_CONFIG_FOLDERS
    if (in_config_folder or len(parts) == 1 and not parts[0].startswith(".")) and _APP_CONFIG.fullmatch(lower):
        return "app-config"
    return None


def ansible_format(parts: list[str], name: str) -> str | None:
    """"ansible-vars" / "ansible-template" for a path's folders and lower-cased file name, else None."""
    if "roles" in parts[:-2] and (role_part := parts[parts.index("roles") + 2]) in ("defaults", "vars", "templates"):
        if role_part == "templates":
            return "ansible-template" if name.endswith(ANSIBLE_TEMPLATE_SUFFIX) else None
        return "ansible-vars" if name.endswith((".yml", ".yaml")) else None
    if any(folder in parts for folder in ANSIBLE_INVENTORY_FOLDERS) and name.endswith((".yml", ".yaml")):
        return "ansible-vars"
    return None


def chart_folder(path: str) -> str | None:
    """The Helm chart a template belongs to: the folder above its (last) `templates/`."""
    parts = path.split("/")[:-1]
    if "templates" not in parts:
        return None
    return "/".join(parts[: len(parts) - 1 - parts[::-1].index("templates")])


def may_be_kubernetes(path: str) -> bool:
    """A YAML file no name pattern claims, outside chart templates: worth sniffing."""
    folders = path.rpartition("/")[0]
    return path.lower().endswith(YAML_SUFFIXES) and not TEMPLATE_FOLDERS.intersection(folders.split("/"))


def looks_like_kubernetes(head: bytes) -> bool:
    """Top-level `apiVersion:` and `kind:` keys near the start of a file."""
    return all(pattern.search(head) for pattern in _K8S_HEAD)
