"""Deployment manifests: discovery by name, each format's facts, service mapping, MOL401/MOL402 on a
realistic deploy tree (with traps), and broken manifests as MOL901 with their line."""

from __future__ import annotations

import base64
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import lint, write_project
from hypothesis import given, settings
from hypothesis import strategies as st

from molecule_lint.config import ConfigError, load_config
from molecule_lint.discover import discover, language_of
from molecule_lint.facts import FileFacts, ManifestData, ManifestEnv, ManifestLink, ManifestService, Suppression
from molecule_lint.frontends.manifests.analyze import analyze_manifest
from molecule_lint.frontends.manifests.text import interpolate, python_module

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/"], "urls": ["https://api.molecule.app"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"]},
        {"name": "memory-plugin", "plane": "tenant", "paths": ["memory_plugin/"], "urls": ["MEMORY_PLUGIN_URL"]},
    ],
    "tenant_data": {"env": ["TENANT_DATABASE_URL", "TENANT_REDIS_URL", "MEMORY_PLUGIN_URL"]},
    "shared_hosts": ["*.upstash.io"],
}


def facts(path: str, source: str) -> FileFacts:
    return analyze_manifest(path, "", textwrap.dedent(source).encode())


def envs(result: FileFacts) -> dict[str, ManifestEnv]:
    return {f.name: f for f in result.facts if isinstance(f, ManifestEnv)}


# -- discovery -------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("deploy/docker-compose.yml", "manifest"),
        ("docker-compose.override.yaml", "manifest"),
        ("compose.yaml", "manifest"),
        ("controlplane/railway.toml", "manifest"),
        ("railway.json", "manifest"),
        ("render.yaml", "manifest"),
        (".env", "manifest"),
        ("workspace_server/.env.example", "manifest"),
        ("deploy/tenant.env", "manifest"),
        (".github/workflows/deploy.yml", "manifest"),
        ("k8s/tenant.yaml", "manifest"),
        ("infra/kubernetes/base/ws.yml", "manifest"),
        ("deploy/helm/molecule/templates/deployment.yaml", "manifest"),  # a Helm template, read line by line
        ("deploy/charts/ws/values.yaml", "manifest"),
        ("deploy/charts/ws/values-prod.yaml", "manifest"),
        ("deploy/helm/molecule/Chart.yaml", None),
        ("deploy/helm/molecule/crds/job.yaml", None),  # YAML under a chart is no Kubernetes manifest of ours
        (".envrc", None),  # direnv's shell script
        ("deploy/systemd/ops-scheduler.service", "manifest"),
        ("infra/hosts/cloud-init.yaml", "manifest"),  # cloud-init user data, by name in any folder
        ("controlplane/Procfile", "manifest"),
        ("controlplane/Procfile.dev", None),  # foreman's processes for a developer's machine
        ("user-data-prod.yml", "manifest"),
        ("docs/openapi.yaml", None),  # claimed by no name: only its content could make it a manifest
        ("controlplane/configs/config.yaml", "manifest"),  # a service's own config (kratos)
        ("billing/config/application-prod.yml", "manifest"),
        ("controlplane/configs/openapi.yaml", None),
        ("workspace/config.yaml", "manifest"),  # at a top-level service folder's root (koanf, viper)
        ("workspace/cmd/config.yaml", None),
        (".gemini/config.yaml", None),  # a tool's, in a dot-folder
        ("config.yaml", None),
        ("controlplane/app.py", "python"),
        ("controlplane/production.ini", "manifest"),  # PasteDeploy / configparser settings of a service
        ("alembic.ini", "manifest"),
        ("pytest.ini", None),  # a test runner's settings
        ("billing/tox.ini", None),
        ("deploy/supervisord.conf", "manifest"),
        ("deploy/supervisor/conf.d/reports.conf", "manifest"),
        ("deploy/nginx/site.conf", None),
    ],
)
def test_manifests_are_recognised_by_name_and_folder(path: str, language: str | None) -> None:
    assert language_of(path) == language


def test_discovery_sniffs_kubernetes_yaml_outside_manifest_folders(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "infra/tenant.yaml": "# the tenant stack\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ws}\n",
            "docs/openapi.yaml": "openapi: 3.1.0\ninfo: {title: x}\n",
            "infra/helm/crds/ws.yaml": "apiVersion: v1\nkind: Service\n{{ .Values.x }}\n",
        },
        CONFIG,
    )
    found = discover(load_config(tmp_path / "molecule-lint.yaml"))
    assert [(f.path, f.language) for f in found.files] == [("infra/tenant.yaml", "manifest")]


# -- formats ---------------------------------------------------------------


def test_compose_environment_as_map_list_anchor_and_interpolation() -> None:
    result = facts(
        "deploy/docker-compose.yml",
        """\
        x-common: &common
          LOG_LEVEL: info
        services:
          api:
            build: {context: ../controlplane}
            environment:
              <<: *common
              DATABASE_URL: ${TENANT_DATABASE_URL:-postgres://tenant-db:5432/ws}
              PORT: 8000
              PASSTHROUGH:
            env_file: [./api.env, {path: ../secrets/api.env, required: false}]
          worker:
            build: ../controlplane
            environment:
              - REDIS_URL=redis://${REDIS_HOST:-redis}:6379/0
              - DEBUG
            depends_on: {redis: {condition: service_healthy}}
            links: ["redis:cache"]
            volumes: ["redis-data:/data", "./src:/app"]
          redis:
            image: redis:7-alpine
        """,
    )
    assert result.error is None
    api = {f.name: f for f in result.facts if isinstance(f, ManifestEnv) and f.service == "api"}
    assert (api["LOG_LEVEL"].value, api["LOG_LEVEL"].loc.line) == ("info", 2)  # where the anchor writes it
    assert api["DATABASE_URL"].value == "postgres://tenant-db:5432/ws"
    assert api["DATABASE_URL"].variables == ("TENANT_DATABASE_URL",)
    assert api["DATABASE_URL"].loc.line == 8
    assert api["PORT"].value == "8000" and api["PASSTHROUGH"].value is None
    worker = {f.name: f for f in result.facts if isinstance(f, ManifestEnv) and f.service == "worker"}
    assert worker["REDIS_URL"].value == "redis://redis:6379/0" and worker["REDIS_URL"].loc.line == 15
    assert worker["DEBUG"].value is None
    services = {f.service: f for f in result.facts if isinstance(f, ManifestService)}
    assert services["api"].build == "controlplane" and services["redis"].image == "redis:7-alpine"
    links = {(f.service, f.kind, f.target) for f in result.facts if isinstance(f, ManifestLink)}
    assert links == {
        ("api", "env_file", "deploy/api.env"),
        ("api", "env_file", "secrets/api.env"),
        ("worker", "depends_on", "redis"),
        ("worker", "link", "redis"),
        ("worker", "volume", "redis-data"),  # ./src is a bind mount, not a named volume
    }


@pytest.mark.parametrize(
    ("text", "value", "variables"),
    [
        ("${A:-postgres://db/x}", "postgres://db/x", ("A",)),
        ("${A-fallback}", "fallback", ("A",)),
        ("${A}", "", ("A",)),
        ("$A/path", "/path", ("A",)),
        ("${A:?A is required}", "", ("A",)),
        ("${A:+set}", "", ("A",)),
        ("${A:-${B:-redis://cache:6379}}", "redis://cache:6379", ("A", "B")),
        ("cost $$5", "cost $5", ()),
        ("${unterminated", "${unterminated", ()),
        ("plain", "plain", ()),
    ],
)
def test_interpolation_keeps_defaults_and_names(text: str, value: str, variables: tuple[str, ...]) -> None:
    assert interpolate(text).value == value
    assert interpolate(text).variables == variables


def test_kubernetes_workloads_configmaps_and_secrets() -> None:
    encoded = base64.b64encode(b"postgres://postgres:5432/ws").decode()
    result = facts(
        "k8s/tenant.yaml",
        f"""\
        apiVersion: v1
        kind: Secret
        metadata: {{name: ws-db}}
        data:
          url: {encoded}
          broken: "%%%not base64"
        stringData:
          password: hunter2
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      image: ghcr.io/molecule/ws:1
                      env:
                        - name: DATABASE_URL
                          valueFrom: {{secretKeyRef: {{name: ws-db, key: url}}}}
                      envFrom:
                        - configMapRef: {{name: ws-config}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {{name: nightly}}
        """,
    )
    data = {(f.key, f.value) for f in result.facts if isinstance(f, ManifestData)}
    assert data == {("url", "postgres://postgres:5432/ws"), ("broken", None), ("password", "hunter2")}
    env = envs(result)["DATABASE_URL"]
    assert (env.service, env.value, env.ref, env.loc.line) == ("nightly", None, "Secret/ws-db/url", 23)
    assert [(f.kind, f.target) for f in result.facts if isinstance(f, ManifestLink)] == [("configmap", "ws-config")]


def test_a_yaml_in_a_manifest_folder_that_is_no_manifest_gives_no_facts() -> None:
    assert facts("deploy/ansible/vars.yaml", "region: eu-west-1\nhosts: [a, b]\n").facts == ()


def test_dotenv_quotes_comments_export_and_multiline() -> None:
    result = facts(
        "workspace_server/.env.example",
        """\
        # comment
        export A=1
        B="two words # not a comment"
        C='literal ${X:-y}'
        D=postgres://${HOST:-postgres}:5432/ws   # trailing comment
        E="first
        second"
        F=
        not an assignment
        G=after
        """,
    )
    values = {name: (env.value, env.loc.line) for name, env in envs(result).items()}
    assert values == {
        "A": ("1", 2),
        "B": ("two words # not a comment", 3),
        "C": ("literal ${X:-y}", 4),
        "D": ("postgres://postgres:5432/ws", 5),
        "E": ("first\nsecond", 6),
        "F": ("", 8),
        "G": ("after", 10),
    }
    assert [f.service for f in result.facts if isinstance(f, ManifestService)] == ["workspace_server"]


def test_systemd_unit_environment_lines() -> None:
    result = facts(
        "controlplane/deploy/reports.service",
        """\
        [Unit]
        Description=Reports (Environment=NOT_THIS=1 is prose here)

        [Service]
        # Environment=COMMENTED=1
        Environment=A=1
        Environment="B=two words" C=${NOT_INTERPOLATED}
        Environment=D=first \\
          TENANT_DATABASE_URL=postgres://ws-db:5432/ws
        EnvironmentFile=-/etc/acme/reports.env
        ExecStart=/srv/reports/.venv/bin/python -m controlplane.reports

        [Install]
        Environment=E=not a service setting
        """,
    )
    values = {name: (env.value, env.loc.line) for name, env in envs(result).items()}
    assert values == {
        "A": ("1", 6),
        "B": ("two words", 7),
        "C": ("${NOT_INTERPOLATED}", 7),
        "D": ("first", 8),
        "TENANT_DATABASE_URL": ("postgres://ws-db:5432/ws", 8),
    }
    assert [(f.service, f.format, f.runs) for f in result.facts if isinstance(f, ManifestService)] == [
        ("reports", "systemd", "controlplane.reports")
    ]


@pytest.mark.parametrize(
    ("command", "module"),
    [
        ("/srv/venv/bin/python -m ops.jobs.nightly --once", "ops.jobs.nightly"),
        ("/usr/bin/python3 -u -m billing", "billing"),
        ("/srv/venv/bin/gunicorn -b 0.0.0.0:8000 billing.wsgi:application", "billing.wsgi"),
        ("uvicorn api.main:create_app() --factory", "api.main"),
        ("/srv/venv/bin/pserve /etc/cp/production.ini", None),
        ("/usr/local/bin/run-reports http://host:80", None),
    ],
)
def test_the_module_a_command_runs(command: str, module: str | None) -> None:
    assert python_module(command) == module


def test_a_unit_named_for_its_job_is_the_service_whose_module_it_runs(project: Any) -> None:
    """`cp-jobs.service` names no service; the platform module its ExecStart runs places it (MOL401), and a
    unit running a tenant module with the tenant's own store stays silent."""
    unit = "[Service]\nExecStart=/srv/venv/bin/python -m {module}\nEnvironment=TENANT_DATABASE_URL=postgres://ws@ws-db/ws\n"
    files = {
        "controlplane/__init__.py": "",
        "controlplane/jobs/__init__.py": "",
        "controlplane/jobs/nightly.py": "print('nightly')\n",
        "workspace_server/__init__.py": "",
        "workspace_server/worker.py": "print('worker')\n",
        "deploy/cp-jobs.service": unit.format(module="controlplane.jobs.nightly"),
        "deploy/ws-worker.service": unit.format(module="workspace_server.worker"),
    }
    result = project(files, CONFIG)
    assert sorted((f.path, f.loc.line, f.rule) for f in result.findings) == [("deploy/cp-jobs.service", 3, "MOL401")]
    assert not [w for w in result.warnings if "map to no configured service" in w]


def test_cloud_init_user_data_writes_env_files_and_units() -> None:
    result = facts(
        "infra/hosts/cloud-init.yaml",
        """\
        #cloud-config
        write_files:
          - path: /etc/acme/tenant.env
            permissions: "0640"
            content: |
              ORG_ID=${org_id}
              DATABASE_URL=postgres://ws@db.internal:5432/ws  # a comment
          - path: /etc/systemd/system/worker.service
            content: |
              [Service]
              Environment=REDIS_URL=redis://cache.internal:6379/0
          - path: /etc/default/agent
            content: "AGENT_DSN=postgres://agent@db2.internal/agent"
          - path: /etc/secret.env
            encoding: b64
            content: VEVOQU5UX0RBVEFCQVNFX1VSTD1wb3N0Z3JlczovL3gveQ==
          - path: /etc/nginx/nginx.conf
            content: |
              env DATABASE_URL=not-an-env-file;
        runcmd:
          - echo TENANT_REDIS_URL=redis://shell.internal >> /etc/acme/tenant.env
        """,
    )
    values = {name: (env.value, env.loc.line, env.service) for name, env in envs(result).items()}
    assert values == {
        "ORG_ID": ("", 6, "hosts"),
        "DATABASE_URL": ("postgres://ws@db.internal:5432/ws", 7, "hosts"),
        "REDIS_URL": ("redis://cache.internal:6379/0", 11, "hosts"),
        "AGENT_DSN": ("postgres://agent@db2.internal/agent", 13, "hosts"),  # no literal block: at its key
    }
    assert [(f.service, f.format) for f in result.facts if isinstance(f, ManifestService)] == [("hosts", "cloud-init")]


def test_user_data_in_a_deploy_folder_is_told_by_its_header_and_placed_by_its_folder(project: Any) -> None:
    bootstrap = """\
        #cloud-config
        write_files:
          - path: /etc/environment
            content: |
              DATABASE_URL=postgres://ws@pg.shared.example.net:5432/ws
    """
    files = {"workspace_server/deploy/bootstrap.yaml": bootstrap, "deploy/other/bootstrap.yaml": bootstrap}
    result = project(files, CONFIG)  # the second maps to no service: a warning, no finding
    assert [(f.path, f.loc.line, f.rule) for f in result.findings] == [
        ("workspace_server/deploy/bootstrap.yaml", 5, "MOL402")
    ]



def test_a_service_config_file_gives_each_scalar_by_its_dotted_key() -> None:
    result = facts(
        "controlplane/configs/config.yaml",
        "data:\n  database:\n    source: postgres://cp@cp-db/cp\n  redis:\n    addrs: [cp-cache:6379]\n",
    )
    assert {name: (env.value, env.loc.line, env.service) for name, env in envs(result).items()} == {
        "data.database.source": ("postgres://cp@cp-db/cp", 3, "controlplane"),
        "data.redis.addrs.0": ("cp-cache:6379", 5, "controlplane"),
    }
    assert [(f.service, f.format) for f in result.facts if isinstance(f, ManifestService)] == [("controlplane", "app-config")]
    at_root = facts("workspace/config.yml", "platform_url: http://controlplane:9000\n")
    assert [(f.service, f.format) for f in at_root.facts if isinstance(f, ManifestService)] == [("workspace", "app-config")]


def test_ini_settings_by_section_and_key() -> None:
    result = facts(
        "billing/production.ini",
        """\
        [app:main]
        use = egg:billing
        sqlalchemy.url = postgresql://cp@cp-db/cp
        reports.dir = %(here)s/reports
        pipeline =
            egg:a
            egg:b

        # [cache] commented out
        [cache]
        url: redis://cp-cache:6379/0 ; configparser keeps this
        """,
    )
    assert {name: (env.value, env.loc.line, env.service) for name, env in envs(result).items()} == {
        "use": ("egg:billing", 2, "billing"),
        "sqlalchemy.url": ("postgresql://cp@cp-db/cp", 3, "billing"),
        "reports.dir": ("%(here)s/reports", 4, "billing"),
        "pipeline": ("", 5, "billing"),
        "cache.url": ("redis://cp-cache:6379/0 ; configparser keeps this", 11, "billing"),
    }
    assert [(f.service, f.format) for f in result.facts if isinstance(f, ManifestService)] == [("billing", "ini")]


def test_supervisord_programs_their_environment_and_the_module_they_run() -> None:
    result = facts(
        "deploy/supervisord.conf",
        """\
        [supervisord]
        logfile=/var/log/supervisord.log

        [program:api]
        command=/srv/venv/bin/gunicorn billing.wsgi:application
        environment=A="one, two",B='x',C=plain ; a comment
        [program:nightly]
        command = /srv/venv/bin/python -m billing.jobs
        """,
    )
    services = [(f.service, f.runs, f.loc.line) for f in result.facts if isinstance(f, ManifestService)]
    assert services == [("api", "billing.wsgi", 4), ("nightly", "billing.jobs", 7)]
    assert [(f.service, f.name, f.value, f.loc.line) for f in result.facts if isinstance(f, ManifestEnv)] == [
        ("api", "A", "one, two", 6),
        ("api", "B", "x", 6),
        ("api", "C", "plain", 6),
    ]


def test_a_supervisord_program_placed_by_its_name_or_the_module_it_runs(project: Any) -> None:
    files = {
        "controlplane/__init__.py": "",
        "controlplane/jobs.py": "print('jobs')\n",
        "deploy/supervisor/conf.d/cp.conf": (
            "[program:controlplane]\ncommand=pserve production.ini\nenvironment=OWN_DB=postgres://cp@cp-db/cp\n"
            "[program:cp-jobs]\ncommand=python -m controlplane.jobs\nenvironment=TENANT_REDIS_URL=redis://ws-redis:6379\n"
        ),
    }
    result = project(files, CONFIG)
    assert sorted((f.path, f.loc.line, f.rule) for f in result.findings) == [("deploy/supervisor/conf.d/cp.conf", 6, "MOL401")]


def test_a_platform_ini_pointing_at_a_tenant_store_and_a_tenant_ini_at_a_shared_host(project: Any) -> None:
    """A Pyramid `production.ini` of the platform naming the tenant's compose database is MOL401; a tenant's
    `[cache]` on a shared host is MOL402; each side's own stores, and INI files of tools, stay silent."""
    compose = """\
        services:
          workspace-server:
            image: ws
            environment: {TENANT_DATABASE_URL: "postgres://ws@tenant-pg:5432/ws"}
          tenant-pg: {image: "postgres:16"}
          platform-pg: {image: "postgres:16"}
          controlplane:
            image: cp
            environment: {DB: "postgres://cp@platform-pg/cp"}
    """
    files = {
        "docker-compose.yml": compose,
        "controlplane/production.ini": (
            "[app:main]\nsqlalchemy.url = postgresql://cp@platform-pg/cp\n"
            "usage.sqlalchemy.url = postgresql://r@tenant-pg:5432/ws\n"
        ),
        "controlplane/alembic.ini": "[alembic]\nsqlalchemy.url = postgresql://cp@platform-pg/cp\n",
        "controlplane/tox.ini": "[testenv]\nsetenv = DB=postgresql://r@tenant-pg:5432/ws\n",
        "workspace_server/settings.ini": "[database]\ndsn = postgresql://ws@tenant-pg/ws\n[cache]\nurl = redis://eu1.upstash.io:6379\n",
    }
    result = project(files, CONFIG)
    assert sorted((f.path, f.loc.line, f.rule) for f in result.findings) == [
        ("controlplane/production.ini", 3, "MOL401"),
        ("workspace_server/settings.ini", 4, "MOL402"),
    ]


def test_a_platform_config_file_or_dotenv_pointing_at_a_tenant_compose_store(project: Any) -> None:
    """kratos' `configs/config.yaml`, a Spring `config/application.yml` and a `.env` outside the compose project
    name a tenant store the compose file declares: MOL401 at the key; the platform's own stores stay silent."""
    compose = """\
        services:
          workspace-server:
            image: ws
            environment: {TENANT_DATABASE_URL: "postgres://ws@tenant-pg:5432/ws", TENANT_REDIS_URL: "redis://tenant-cache:6379"}
          tenant-pg: {image: "postgres:16"}
          tenant-cache: {image: "redis:7"}
          platform-pg: {image: "postgres:16"}
          controlplane:
            image: cp
            environment: {DB: "postgres://cp@platform-pg/cp"}
    """
    files = {
        "docker-compose.yml": compose,
        "controlplane/configs/config.yaml": "data:\n  own: postgres://cp@platform-pg/cp\n  replica: postgres://r@tenant-pg:5432/ws\n",
        "controlplane/billing/config/application.yml": "spring:\n  redis:\n    host: tenant-cache\n    port: 6379\n",
        "controlplane/.env": "OWN_DB=postgres://cp@platform-pg/cp\nREPORTS_DB=postgres://r@tenant-pg/ws\n",
    }
    result = project(files, CONFIG)
    assert sorted((f.path, f.loc.line, f.rule) for f in result.findings) == [
        ("controlplane/.env", 2, "MOL401"),
        ("controlplane/billing/config/application.yml", 3, "MOL401"),
        ("controlplane/configs/config.yaml", 3, "MOL401"),
    ]


def test_platform_code_connecting_to_a_tenant_compose_store_by_its_host(project: Any) -> None:
    """A DSN or a Redis address in platform code on a store the compose file declares for the tenant: MOL102;
    the platform's own store stays silent."""
    compose = """\
        services:
          workspace-server:
            image: ws
            environment: {TENANT_DATABASE_URL: "postgres://ws@tenant-pg:5432/ws", TENANT_REDIS_URL: "redis://tenant-cache:6379"}
          tenant-pg: {image: "postgres:16"}
          tenant-cache: {image: "redis:7"}
          platform-pg: {image: "postgres:16"}
          controlplane:
            image: cp
            environment: {DB: "postgres://cp@platform-pg/cp"}
    """
    code = """\
        package reports

        import (
        \t"database/sql"

        \t"github.com/redis/go-redis/v9"
        )

        func Open() {
        \tsql.Open("postgres", "postgres://r@tenant-pg:5432/ws")
        \tsql.Open("postgres", "postgres://cp@platform-pg/cp")
        \tredis.NewClient(&redis.Options{Addr: "tenant-cache:6379"})
        }
    """
    files = {"docker-compose.yml": compose, "controlplane/go.mod": "module example.com/cp\n\ngo 1.22\n",
             "controlplane/reports/open.go": code}  # fmt: skip
    result = project(files, CONFIG)
    assert sorted((f.path, f.loc.line, f.rule) for f in result.findings if f.rule == "MOL102") == [
        ("controlplane/reports/open.go", 10, "MOL102"),
        ("controlplane/reports/open.go", 12, "MOL102"),
    ]


def test_a_compose_store_a_tenant_only_names_in_an_env_value_is_not_provably_tenant(project: Any) -> None:
    """A store no service declares, which a tenant's generic variable points at, may be the platform's own that the
    tenant misuses (MOL402's case): platform code connecting to it by host is not MOL102."""
    compose = """\
        services:
          workspace-server:
            image: ws
            environment: {CACHE_URL: "redis://ops-cache:6379/1"}
          ops-cache: {image: "redis:7"}
    """
    code = """\
        import redis

        def quota(org):
            return redis.Redis(host="ops-cache").get(org)
    """
    files = {"docker-compose.yml": compose, "controlplane/quota.py": code}
    result = project(files, CONFIG)
    assert [f for f in result.findings if f.rule == "MOL102"] == []

def test_render_blueprint() -> None:
    result = facts(
        "render.yaml",
        """\
        services:
          - type: web
            name: controlplane
            rootDir: controlplane
            envVars:
              - key: DATABASE_URL
                fromDatabase: {name: platform-db, property: connectionString}
              - fromGroup: common
          - type: keyvalue
            name: cache
        databases:
          - name: platform-db
        envVarGroups:
          - name: common
            envVars:
              - {key: SENTRY_ENV, value: prod}
        """,
    )
    services = {f.service: (f.build, f.image) for f in result.facts if isinstance(f, ManifestService)}
    assert services == {"controlplane": ("controlplane", None), "cache": (None, "redis"), "platform-db": (None, "postgres")}
    assert [(f.kind, f.target, f.loc.line) for f in result.facts if isinstance(f, ManifestLink)] == [
        ("database", "platform-db", 6)
    ]
    assert envs(result)["SENTRY_ENV"].loc.line == 16


def test_procfile_commands() -> None:
    result = facts(
        "billing/Procfile",
        """\
        # processes of the billing app
        web: gunicorn billing.wsgi --bind 0.0.0.0:$PORT
        release: SOURCE_DSN=$TENANT_DATABASE_URL python -m billing.sync
        worker:celery -A billing worker
        """,
    )
    assert {(e.name, e.value, e.variables, e.loc.line) for e in envs(result).values()} == {
        ("PORT", None, (), 2),
        ("SOURCE_DSN", "", ("TENANT_DATABASE_URL",), 3),
        ("TENANT_DATABASE_URL", None, (), 3),
    }
    assert [(f.service, f.format, f.build) for f in result.facts if isinstance(f, ManifestService)] == [
        ("billing", "procfile", "billing")
    ]


def test_railway_commands_and_workflow_deploy_jobs() -> None:
    railway = facts(
        "controlplane/railway.toml",
        """\
        [build]
        builder = "NIXPACKS"

        [deploy]
        startCommand = "uvicorn controlplane.app:app --port $PORT"
        preDeployCommand = ["python -m controlplane.migrate --dsn $DATABASE_URL"]
        """,
    )
    assert {(e.name, e.loc.line) for e in envs(railway).values()} == {("PORT", 5), ("DATABASE_URL", 6)}
    workflow = facts(
        ".github/workflows/release.yml",
        """\
        on: push
        jobs:
          test:
            runs-on: ubuntu-latest
            env: {TENANT_DATABASE_URL: "postgres://localhost/test"}
            steps: [{run: pytest}]
          ship:
            runs-on: ubuntu-latest
            steps:
              - run: railway up --service controlplane --detach
                env:
                  RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
        """,
    )
    assert [(f.service, f.format) for f in workflow.facts if isinstance(f, ManifestService)] == [("controlplane", "workflow")]
    assert {(e.name, e.value, e.variables) for e in envs(workflow).values()} == {
        ("RAILWAY_TOKEN", None, ("RAILWAY_TOKEN",))  # the test job deploys nothing: its env is not read
    }


@pytest.mark.parametrize(
    ("path", "source", "line", "message"),
    [
        ("deploy/docker-compose.yml", "services:\n  api:\n    image: x\n   env: 1\n", 4, "invalid YAML"),
        ("deploy/docker-compose.yml", "services:\n  api: {image: a}\n  api: {image: b}\n", 3, "duplicate key 'api'"),
        ("k8s/ws.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  <<: *nowhere\n", 4, "undefined alias"),
        ("controlplane/railway.toml", "[deploy]\nstartCommand = 'x\n", 2, "invalid TOML"),
        ("railway.json", '{"deploy": {\n  "startCommand": }\n}', 2, "invalid JSON"),
    ],
)
def test_broken_manifests_are_errors_with_their_line(path: str, source: str, line: int, message: str) -> None:
    result = analyze_manifest(path, "", source.encode())
    assert result.error is not None and message in result.error
    assert result.error_loc is not None and result.error_loc.line == line
    assert not result.internal


# Keys the manifest readers look for, so that random documents reach deep into them.
_KEYS = [
    "services", "environment", "env_file", "depends_on", "links", "volumes", "networks", "build", "image",
    "metadata", "name", "spec", "template", "containers", "env", "envFrom", "valueFrom", "secretKeyRef", "data",
    "stringData", "envVars", "fromGroup", "fromDatabase", "key", "value", "jobs", "steps", "run", "context", "path",
]
_YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=4),
    max_leaves=20,
)
_PATHS = ["deploy/docker-compose.yml", "k8s/x.yaml", "render.yaml", ".github/workflows/d.yml", "deploy/x.yaml",
          "chart/values-prod.yaml", "chart/templates/d.yaml", "hosts/cloud-init.yaml"]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(document=_YAML_VALUES, path=st.sampled_from(_PATHS))
def test_any_shape_of_yaml_gives_facts_or_nothing_never_an_exception(document: Any, path: str) -> None:
    body = document if isinstance(document, dict) else {"spec": document}
    source = yaml.safe_dump({"apiVersion": "v1", "kind": "Deployment", **body})
    assert analyze_manifest(path, "", source.encode()).error is None  # a bug of ours would raise here


# -- the rules on a realistic deploy tree ------------------------------------------------

MARKER = re.compile(r"expect:\s*(MOL\d{3})")

DEPLOY_TREE = {
    # The platform's own compose file: its DATABASE_URL and Redis are the platform's (traps).
    "deploy/platform/docker-compose.yml": """\
        services:
          controlplane:
            build: ../../controlplane
            environment:
              DATABASE_URL: postgres://cp@platform-db:5432/controlplane
              REDIS_URL: redis://platform-redis:6379/0
              MOLECULE_PUBLIC_URL: https://api.molecule.app
              REPORTS_DB: ${TENANT_DATABASE_URL:-postgres://reader@ws-postgres:5432/ws}  # expect: MOL401
            env_file: [./controlplane.env]
            depends_on: [platform-db, platform-redis]
          platform-db:
            image: postgres:16
          platform-redis:
            image: redis:7
        """,
    "deploy/platform/controlplane.env": """\
        SENTRY_DSN=https://key@o1.ingest.sentry.io/42
        TENANT_REDIS_URL=redis://ws-redis:6379/0   # expect: MOL401
        """,
    # Both planes in one dev compose file: only the platform's env carries the tenant's variable.
    "deploy/dev/docker-compose.yml": """\
        x-tenant-env: &tenant-env
          MOLECULE_ORG_ID: dev-org
          MOLECULE_PLATFORM_URL: http://controlplane:8000
        services:
          controlplane:
            build: ../../controlplane
            environment:
              DATABASE_URL: postgres://platform-db:5432/cp
              TENANT_DATABASE_URL: postgres://postgres:5432/ws  # expect: MOL401
            depends_on:
              - platform-db
              - memory-plugin  # expect: MOL401
          workspace-server:
            build: {context: ../../workspace_server}
            environment:
              <<: *tenant-env
              DATABASE_URL: postgres://postgres:5432/ws
              MEMORY_PLUGIN_URL: http://memory-plugin:7070
            depends_on: [postgres, memory-plugin]
          memory-plugin:
            build: ../../memory_plugin
            environment:
              <<: *tenant-env
              REDIS_URL: redis://redis:6379/1
          postgres:
            image: postgres:16
          redis:
            image: redis:7
          platform-db:
            image: postgres:16
          mailhog:
            image: mailhog/mailhog
        """,
    # A tenant stack whose Postgres is co-located (fine) but whose Redis is a shared one.
    "deploy/tenant/docker-compose.yml": """\
        services:
          workspace-server:
            build: ../../workspace_server
            environment:
              DATABASE_URL: postgres://ws@postgres:5432/ws
              REDIS_URL: rediss://default@shared-redis.internal:6380/0  # expect: MOL402
              MOLECULE_PLATFORM_URL: https://api.molecule.app
          worker:
            build: ../../workspace_server
            environment:
              LISTEN_ADDR: 0.0.0.0:9090
              SESSION_REDIS_ADDR: redis:6379
              QUEUE_REDIS_ADDR: shared-redis.internal:6379  # expect: MOL402
          memory-plugin:
            build: ../../memory_plugin
            environment:
              DATABASE_URL: postgres://memory@pg.eu-west-1.upstash.io:5432/mem  # expect: MOL402
              PLATFORM_CALLBACK_URL: https://api.molecule.app/callbacks
          postgres:
            image: pgvector/pgvector:pg16
        """,
    # Kubernetes: the DSN comes from a Secret in another file, the rest from a ConfigMap via envFrom.
    "deploy/k8s/secrets.yaml": f"""\
        apiVersion: v1
        kind: Secret
        metadata: {{name: ws-db}}
        type: Opaque
        data:
          url: {base64.b64encode(b"postgres://ws@shared-pg.internal:5432/ws").decode()}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {{name: ws-config}}
        data:
          MOLECULE_PLATFORM_URL: https://api.molecule.app
          REDIS_URL: redis://redis:6379/0
        """,
    "deploy/k8s/workspace-server.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: workspace-server
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: ghcr.io/molecule/workspace-server:1.4.0
                  env:
                    - name: DATABASE_URL  # expect: MOL402
                      valueFrom:
                        secretKeyRef: {name: ws-db, key: url}
                  envFrom:
                    - configMapRef: {name: ws-config}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: redis
        spec:
          template:
            spec:
              containers: [{name: redis, image: redis:7}]
        """,
    # Kubernetes for the platform: a tenant variable pulled in through envFrom of a Secret.
    "deploy/k8s/controlplane.yaml": """\
        apiVersion: v1
        kind: Secret
        metadata: {name: cp-env}
        stringData:
          DATABASE_URL: postgres://platform-db.platform.svc.cluster.local:5432/cp
          MEMORY_PLUGIN_URL: http://memory-plugin:7070
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: controlplane}
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: ghcr.io/molecule/controlplane:2.0
                  envFrom:
                    - secretRef: {name: cp-env}  # expect: MOL401
                  env:
                    - name: USAGE_CACHE  # expect: MOL401
                      valueFrom:
                        secretKeyRef: {name: org-stores, key: TENANT_REDIS_URL}
                    - name: STRIPE_KEY
                      valueFrom:
                        secretKeyRef: {name: billing, key: STRIPE_API_KEY}
        """,
    # .env templates: the platform's own DATABASE_URL (trap), a tenant reading MOLECULE_PLATFORM_URL (trap).
    "controlplane/.env.example": """\
        DATABASE_URL=postgres://localhost:5432/controlplane
        STRIPE_API_KEY=sk_test_xxx
        MEMORY_PLUGIN_URL=   # expect: MOL401
        """,
    "workspace_server/.env.example": """\
        MOLECULE_ORG_ID=
        MOLECULE_PLATFORM_URL=https://api.molecule.app
        DATABASE_URL=postgres://ws@localhost:5432/ws
        """,
    "controlplane/railway.toml": """\
        [deploy]
        startCommand = "uvicorn controlplane.app:app --port $PORT"
        preDeployCommand = ["python -m controlplane.sync --from $TENANT_DATABASE_URL"]  # expect: MOL401
        """,
    ".github/workflows/deploy.yml": """\
        on: {push: {branches: [main]}}
        jobs:
          deploy-controlplane:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: railway up --service controlplane
                env:
                  RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}
                  SYNC_DSN: ${{ secrets.TENANT_DATABASE_URL }}  # expect: MOL401
          integration:
            runs-on: ubuntu-latest
            env: {TENANT_DATABASE_URL: "postgres://localhost/test"}
            steps: [{run: pytest}]
        """,
    "render.yaml": """\
        services:
          - type: web
            name: controlplane
            rootDir: controlplane
            envVars:
              - key: DATABASE_URL  # expect: MOL401
                fromDatabase: {name: platform-db, property: connectionString}
          - type: worker
            name: workspace-server
            rootDir: workspace_server
            envVars:
              - key: DATABASE_URL  # expect: MOL402
                fromDatabase: {name: platform-db, property: connectionString}
        databases:
          - name: platform-db
        """,
    "controlplane/deploy/usage-sync.service": """\
        [Service]
        Environment=PLATFORM_DATABASE_URL=postgres://cp@platform-db/cp
        Environment="TENANT_DATABASE_URL=postgres://ro@ws-db:5432/ws"  # expect: MOL401
        ExecStart=/srv/controlplane/.venv/bin/python -m controlplane.usage_sync
        """,
    "workspace_server/deploy/workspace.service": """\
        [Service]
        Environment=TENANT_REDIS_URL=rediss://default@eu1.upstash.io:6379  # expect: MOL402
        Environment=TENANT_DATABASE_URL=postgres://ws@localhost/ws
        """,
    # A broken manifest is reported with its line; the rest of the run goes on.
    "deploy/k8s/broken.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: canvas
         labels: {app: canvas}  # expect: MOL901
        """,
}


def _planted(files: dict[str, str]) -> set[tuple[str, int, str]]:
    return {
        (path, number, match.group(1))
        for path, text in files.items()
        for number, line in enumerate(textwrap.dedent(text).splitlines(), 1)
        for match in MARKER.finditer(line)
    }


@pytest.fixture(scope="module")
def deploy_run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = write_project(tmp_path_factory.mktemp("deploy"), DEPLOY_TREE, CONFIG)
    return lint(root)


def test_every_planted_manifest_violation_and_nothing_else(deploy_run: Any) -> None:
    found = {(f.path, f.loc.line, f.rule) for f in deploy_run.findings}
    assert sorted(found - _planted(DEPLOY_TREE)) == [], "false positives"
    assert sorted(_planted(DEPLOY_TREE) - found) == [], "missed violations"


def test_findings_name_the_configured_service_and_never_quote_a_value(deploy_run: Any) -> None:
    by_place = {(f.path, f.loc.line): f for f in deploy_run.findings}
    interpolated = by_place[("deploy/platform/docker-compose.yml", 8)]
    assert interpolated.service == "controlplane"
    assert interpolated.message == (
        "platform service `controlplane` is deployed with `REPORTS_DB` taken from tenant data-store variable "
        "`TENANT_DATABASE_URL`"
    )
    env_file = by_place[("deploy/platform/controlplane.env", 2)]
    assert [hop.path for hop in env_file.trace] == ["deploy/platform/controlplane.env", "deploy/platform/docker-compose.yml"]
    secret = by_place[("deploy/k8s/workspace-server.yaml", 12)]
    assert secret.message == "tenant service `workspace-server` points `DATABASE_URL` at shared multi-org host `shared-pg.internal`"
    assert secret.trace[-1].path == "deploy/k8s/secrets.yaml" and secret.trace[-1].line == 6
    workflow = by_place[(".github/workflows/deploy.yml", 10)]
    assert "(as workflow service" not in workflow.message and workflow.service == "controlplane"
    for finding in deploy_run.findings:
        assert "ws@" not in finding.message + "".join(hop.note for hop in finding.trace)  # no credentials echoed
    broken = by_place[("deploy/k8s/broken.yaml", 5)]
    assert broken.rule == "MOL901" and "invalid YAML" in broken.message


def test_unmapped_manifest_services_are_warnings(deploy_run: Any) -> None:
    assert (
        "1 manifest service(s) map to no configured service, so their findings are not checked: "
        "`mailhog` (deploy/dev/docker-compose.yml:31); name them in `services` to check them"
    ) in deploy_run.warnings
    # Stores used by a mapped service take its plane: no warning for them.
    assert not [w for w in deploy_run.warnings if "`postgres`" in w or "`platform-db`" in w]


def test_a_store_both_planes_use_is_reported_on_both_sides(project: Any) -> None:
    result = project(
        {
            "deploy/k8s/stack.yaml": """\
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: controlplane}
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          env: [{name: DATABASE_URL, value: "postgres://postgres:5432/cp"}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: workspace-server}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: DATABASE_URL, value: "postgres://postgres:5432/ws"}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: postgres}
                spec: {template: {spec: {containers: [{name: pg, image: "postgres:16"}]}}}
            """,
        },
        CONFIG,
    )
    assert [(f.loc.line, f.rule, f.message) for f in result.findings] == [
        (
            9,
            "MOL401",
            (
                "platform service `controlplane` is deployed with `DATABASE_URL` pointing at store `postgres`, "
                "which tenant services use too (`workspace-server`)"
            ),
        ),
        (
            19,
            "MOL402",
            (
                "tenant service `workspace-server` points `DATABASE_URL` at store `postgres`, "
                "which platform services use too (`controlplane`)"
            ),
        ),
    ]


def test_a_store_url_is_a_data_store_location_whatever_the_variable_is_called(project: Any) -> None:
    result = project(
        {
            "controlplane/docker-compose.yml": """\
                services:
                  controlplane:
                    image: cp
                    environment:
                      JOBS_BROKER: redis://cp-broker.prod.internal:6379/0
            """,
            "workspace_server/docker-compose.yml": """\
                services:
                  workspace-server:
                    image: ws
                    environment:
                      CACHE_URL: redis://sessions.shared.example.net:6379/0
                      CELERY_BROKER_URL: redis://cp-broker.prod.internal:6379/3
                      MONGO_URI: mongodb+srv://ws@central.mongo.example.net/ws
                      POSTGRES_HOST: global-pg.example.net
                      LOCAL_CACHE_URL: redis://redis:6379/0
                      STATUS_URL: https://status.shared.example.net/ping
                      POSTGRES_DB: shared
            """,
        },
        CONFIG,
    )
    assert [(f.path, f.loc.line, f.rule) for f in result.findings] == [
        ("workspace_server/docker-compose.yml", 5, "MOL402"),
        ("workspace_server/docker-compose.yml", 6, "MOL402"),  # the platform's broker, learned from its manifest
        ("workspace_server/docker-compose.yml", 7, "MOL402"),
        ("workspace_server/docker-compose.yml", 8, "MOL402"),
    ]


def test_a_host_the_platform_reaches_by_a_tenant_variable_is_not_the_platforms_store(project: Any) -> None:
    """A platform deployment holding a tenant data-store variable (MOL401) does not teach that its host is the
    platform's: the tenant pointing its own database there stays silent. The platform's own broker, pointed
    at by a variable of its own, still is the platform's (MOL402 when a tenant uses it)."""
    result = project(
        {
            "controlplane/docker-compose.yml": """\
                services:
                  controlplane:
                    image: cp
                    environment:
                      TENANT_REDIS_URL: redis://ws-cache.acme.internal:6379/0
                      QUEUE_URL: redis://cp-queue.prod.internal:6379/0
            """,
            "workspace_server/.env": (
                "REDIS_URL=redis://ws-cache.acme.internal:6379/0\n"
                "BROKER_URL=redis://cp-queue.prod.internal:6379/1\n"
            ),
        },
        CONFIG,
    )
    assert _rows(result) == [
        ("controlplane/docker-compose.yml", 5, "MOL401"),
        ("workspace_server/.env", 2, "MOL402"),
    ]


def _rows(result: Any) -> list[tuple[str, int, str]]:
    return sorted((f.path, f.loc.line, f.rule) for f in result.findings)


def test_a_platform_compose_env_is_mol401_for_a_tenant_store_not_for_a_tenant_application(project: Any) -> None:
    """The platform may know a tenant's API address (to provision it, to probe its health); a tenant Postgres,
    Redis or memory plugin in its environment is MOL401, whatever the variable is called."""
    compose = """\
        services:
          controlplane:
            build: ../controlplane
            environment:
              WORKSPACE_API_URL: http://workspace-server:8080
              FLEET_PROBE: https://workspace-server:8443/healthz
              REPORTS_DSN: postgresql://reader@tenant-pg:5432/ws
              JOBS_QUEUE: redis://tenant-cache:6379/1
              MEMORY_ENDPOINT: http://memory-plugin:7070
              WS_DB_HOST: tenant-pg
          workspace-server:
            build: ../workspace_server
            depends_on: [tenant-pg, tenant-cache, memory-plugin]
          memory-plugin: {build: ../memory_plugin}
          tenant-pg: {image: "postgres:16"}
          tenant-cache: {image: "redis:7"}
    """
    result = project({"deploy/docker-compose.yml": compose}, CONFIG)
    assert _rows(result) == [("deploy/docker-compose.yml", line, "MOL401") for line in (7, 8, 9, 10)]


def test_platform_helm_values_point_at_a_tenant_store_not_at_a_tenant_application(project: Any) -> None:
    """In a tenant namespace: the tenant's API (a workload there) stays silent; a Redis URL of a host there,
    and the memory plugin's workload, are MOL401."""
    workload = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {}, namespace: tenant-acme}}\n"
    workloads = "---\n".join(workload.format(name) for name in ("workspace-server", "memory-plugin"))
    template = """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: controlplane
        spec:
          template:
            spec:
              containers:
                - name: api
                  env:
                    {{- range $k, $v := .Values.env }}
                    - name: {{ $k }}
                      value: {{ $v | quote }}
                    {{- end }}
    """
    values = """\
        env:
          WORKSPACE_API_URL: http://workspace-server.tenant-acme.svc:8080
          TENANT_STATUS: http://workspace-server.tenant-acme.svc.cluster.local:8080/readyz
          SESSIONS: rediss://sessions.tenant-acme.svc.cluster.local:6380/0
          MEMORY_ENDPOINT: http://memory-plugin.tenant-acme.svc:7070
    """
    files = {
        "deploy/k8s/tenant.yaml": workloads,
        "deploy/charts/controlplane/values.yaml": values,
        "deploy/charts/controlplane/templates/deployment.yaml": template,
    }
    assert _rows(project(files, CONFIG)) == [
        ("deploy/charts/controlplane/values.yaml", 4, "MOL401"),
        ("deploy/charts/controlplane/values.yaml", 5, "MOL401"),
    ]


def test_a_platform_app_config_names_a_tenant_store_not_a_tenant_application(project: Any) -> None:
    """kratos' `configs/config.yaml`: a key holding a tenant service's configured URL is no finding unless that
    service is a store (the memory plugin, by its `urls`); a tenant compose Redis by address is MOL401."""
    config = CONFIG | {
        "services": [
            *CONFIG["services"][:1],
            {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/"], "urls": ["http://ws-api:8080"]},
            {"name": "memory-plugin", "plane": "tenant", "paths": ["memory_plugin/"], "urls": ["MEMORY_PLUGIN_URL", "http://mem0:7070"]},
        ]
    }
    files = {
        "deploy/docker-compose.yml": "services:\n  workspace-server: {depends_on: [tenant-cache]}\n  tenant-cache: {image: redis}\n",
        "controlplane/configs/config.yaml": (
            "upstream:\n  workspace: http://ws-api:8080\n  health: http://ws-api:8080/healthz\n"
            "data:\n  memory: http://mem0:7070/v1\n  cache: {addr: tenant-cache:6379}\n"
        ),
    }
    assert _rows(project(files, config)) == [
        ("controlplane/configs/config.yaml", 5, "MOL401"),
        ("controlplane/configs/config.yaml", 6, "MOL401"),
    ]


def test_a_qualified_store_name_of_one_other_compose_project_is_that_store(project: Any) -> None:
    result = project(
        {
            "deploy/cp/compose.yaml": """\
                services:
                  controlplane:
                    environment:
                      KV_URL: redis://ws_kv:6379/1
                      LOCAL_URL: redis://redis:6379/0
                      AUDIT_URL: postgres://audit-db:5432/audit
            """,
            "deploy/ws/docker-compose.yml": """\
                services:
                  workspace-server: {depends_on: [ws_kv, redis, audit-db]}
                  ws_kv: {image: "valkey/valkey:8"}
                  redis: {image: "redis:7"}
                  audit-db: {image: "postgres:16"}
            """,
            "deploy/ws2/docker-compose.yml": """\
                services:
                  workspace-server: {depends_on: [audit-db]}
                  audit-db: {image: "postgres:16"}
            """,
        },
        CONFIG,
    )
    assert [(f.path, f.loc.line, f.rule, f.message) for f in result.findings] == [
        ("deploy/cp/compose.yaml", 4, "MOL401",
         "platform service `controlplane` is deployed with `KV_URL` pointing at tenant store `ws_kv` of compose"
         " project deploy/ws/docker-compose.yml"),
    ]  # fmt: skip


def test_a_suppression_comment_in_a_manifest(project: Any) -> None:
    result = project(
        {
            "controlplane/.env.example": """\
                # molecule-lint: ignore[MOL401] -- migration window: removed with PR #1822 (until 2027-01-31)
                TENANT_DATABASE_URL=
                MEMORY_PLUGIN_URL=  # molecule-lint: ignore[MOL401]
            """,
        },
        CONFIG,
    )
    assert [(f.loc.line, f.rule) for f in result.findings] == [(3, "MOL903")]
    assert sorted(f.loc.line for f in result.suppressed) == [2, 3]
    assert isinstance(analyze_manifest("a/.env", "", b"# molecule-lint: ignore[MOL402] -- x\n").facts[-1], Suppression)


def test_an_env_file_not_named_like_one_is_a_warning(project: Any) -> None:
    result = project(
        {
            "deploy/docker-compose.yml": "services:\n  controlplane:\n    build: ../controlplane\n    env_file: tenant.vars\n",
            "deploy/tenant.vars": "TENANT_DATABASE_URL=postgres://x/y\n",
        },
        CONFIG,
    )
    assert result.findings == []
    assert any("env_file deploy/tenant.vars is not read" in w for w in result.warnings)


def test_manifest_facts_are_cached_like_any_other(tmp_path: Path) -> None:
    root = write_project(tmp_path / "repo", DEPLOY_TREE, CONFIG)
    cold = lint(root, cache_dir=tmp_path / "cache")
    warm = lint(root, cache_dir=tmp_path / "cache")
    assert [f.fingerprint for f in cold.findings] == [f.fingerprint for f in warm.findings]
    assert warm.findings


def test_deploy_jobs_name_their_service_by_flag_or_folder() -> None:
    workflow = facts(
        ".github/workflows/ship.yml",
        """\
        jobs:
          fly:
            runs-on: ubuntu-latest
            steps: [{run: "flyctl deploy -a memory-plugin --remote-only"}]
          compose:
            runs-on: ubuntu-latest
            defaults: {run: {working-directory: deploy/tenant}}
            steps: [{run: docker compose up -d --build}]
        """,
    )
    services = [(f.service, f.build) for f in workflow.facts if isinstance(f, ManifestService)]
    assert services == [("memory-plugin", None), ("tenant", "deploy/tenant")]


def test_deploy_jobs_run_through_npx_or_a_script_are_named_by_their_folder() -> None:
    workflow = facts(
        ".github/workflows/release.yml",
        """\
        jobs:
          railway:
            runs-on: ubuntu-latest
            steps: [{run: "npx @railway/cli up --service billing --detach"}]
          deploy-api:
            runs-on: ubuntu-latest
            defaults: {run: {working-directory: services/api}}
            steps: [{run: ./scripts/ship.sh}]
          lint:
            runs-on: ubuntu-latest
            defaults: {run: {working-directory: services/web}}
            steps: [{run: ./scripts/ship.sh}]
        """,
    )
    services = [(f.service, f.build) for f in workflow.facts if isinstance(f, ManifestService)]
    assert services == [("billing", None), ("api", "services/api")]


def test_shared_hosts_is_validated_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "molecule-lint.yaml").write_text("version: 1\nshared_hosts: [42]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "molecule-lint.yaml")
    assert caught.value.problems == ["molecule-lint.yaml:2: shared_hosts[0]: expected a non-empty string, got a number"]
