"""Ansible role templates as deployment manifests: env files filled from inventory and role variables."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from molecule_lint.discover import language_of
from molecule_lint.facts import ManifestData, ManifestEnv
from molecule_lint.frontends.manifests.analyze import analyze_manifest

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"], "urls": ["https://api.acme.app"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/", "ops/ansible/roles/ws/"]},
    ],
    "tenant_data": {"env": ["TENANT_DATABASE_URL"]},
    "shared_hosts": ["*.cache.amazonaws.com"],
}
TEMPLATE = """\
# Managed by Ansible
MOLECULE_PLATFORM_URL={{ platform_url }}
HEALTHCHECK_URL=http://localhost:8080/healthz
{% if use_cache %}
export REDIS_URL={{ ws_redis_url }}
{% endif %}
DATABASE_URL={{ ws_db | default('postgres://x') }}
"""


def found(result: Any) -> list[tuple[str, int, str]]:
    return [(f.path, f.loc.line, f.rule) for f in result.findings]


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("ops/ansible/group_vars/all.yml", "manifest"),
        ("ops/ansible/inventories/prod/host_vars/web1.yaml", "manifest"),
        ("ops/ansible/roles/ws/defaults/main.yml", "manifest"),
        ("ops/ansible/roles/ws/vars/main.yml", "manifest"),
        ("ops/ansible/roles/ws/templates/tenant.env.j2", "manifest"),
        ("ops/ansible/roles/ws/templates/nginx.conf.j2", None),
        ("ops/ansible/roles/ws/tasks/main.yml", None),
    ],
)
def test_ansible_files_are_recognised(path: str, language: str | None) -> None:
    assert language_of(path) == language


def test_template_lines_keep_their_placeholders() -> None:
    result = analyze_manifest("ops/ansible/roles/ws/templates/tenant.env.j2", "", TEMPLATE.encode())
    envs = [(f.service, f.name, f.value, f.loc.line, f.ref) for f in result.facts if isinstance(f, ManifestEnv)]
    ref = "Ansible/ops/ansible#ws"
    assert envs == [
        ("ws", "MOLECULE_PLATFORM_URL", "${platform_url}", 2, ref),
        ("ws", "HEALTHCHECK_URL", "http://localhost:8080/healthz", 3, None),
        ("ws", "REDIS_URL", "${ws_redis_url}", 5, ref),
        ("ws", "DATABASE_URL", "", 7, None),  # a filter: a hole, never its default guessed
    ]


def test_vars_are_data_of_the_project_or_the_role() -> None:
    source = 'ws_redis_url: "redis://{{ cache_host }}:6379/0"\nreplicas: 3\nnested: {a: b}\n'
    inventory = analyze_manifest("ops/ansible/group_vars/org_hosts.yml", "", source.encode())
    role = analyze_manifest("ops/ansible/roles/ws/defaults/main.yml", "", source.encode())
    assert [(f.kind, f.name, f.key, f.value, f.loc.line) for f in inventory.facts if isinstance(f, ManifestData)] == [
        ("AnsibleInventory", "ops/ansible", "ws_redis_url", "redis://${cache_host}:6379/0", 1)
    ]
    assert [(f.kind, f.name) for f in role.facts if isinstance(f, ManifestData)] == [("AnsibleDefaults", "ops/ansible#ws")]


def test_group_vars_pointing_the_role_at_a_shared_store(project: Any) -> None:
    """MOL402 at the group_vars line; the role default (a local Redis), the platform URL and a health check
    are the tenant's own."""
    files = {
        "ops/ansible/roles/ws/templates/tenant.env.j2": TEMPLATE,
        "ops/ansible/roles/ws/defaults/main.yml": "ws_redis_url: redis://127.0.0.1:6379/0\n",
        "ops/ansible/group_vars/all.yml": "platform_url: https://api.acme.app\n",
        "ops/ansible/group_vars/eu_hosts.yml": textwrap.dedent(
            """\
            cache_host: eu-sessions.x1.ng.0001.euw1.cache.amazonaws.com
            ws_redis_url: "redis://{{ cache_host }}:6379/0"
            """
        ),
    }
    result = project(files, CONFIG)
    assert found(result) == [("ops/ansible/group_vars/eu_hosts.yml", 2, "MOL402")]
    assert [(hop.path, hop.line) for hop in result.findings[0].trace][1:] == [
        ("ops/ansible/roles/ws/templates/tenant.env.j2", 5),
        ("ops/ansible/group_vars/eu_hosts.yml", 1),
    ]


def test_role_vars_win_over_inventory_vars(project: Any) -> None:
    files = {
        "ops/ansible/roles/ws/templates/tenant.env.j2": TEMPLATE,
        "ops/ansible/roles/ws/vars/main.yml": "ws_redis_url: redis://127.0.0.1:6379/0\n",
        "ops/ansible/host_vars/web1.yml": "ws_redis_url: redis://sessions.x1.cache.amazonaws.com:6379/0\n",
    }
    assert found(project(files, CONFIG)) == []
