"""Deployment topology as teams ship it: Helm charts, Kubernetes namespaces, and the platform's own
stores learned from its manifests — each form with a violation and a look-alike that stays silent
(`# expect:` markers, as in test_manifests.py)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import lint, write_project
from hypothesis import given, settings
from hypothesis import strategies as st
from test_manifests import CONFIG, _planted, facts

from molecule_lint.facts import ManifestData, ManifestEnv, ManifestLink, ManifestService

HELM = {
    # The platform's chart: its Redis is its own (a subchart's host no manifest declares) — a trap.
    "deploy/charts/controlplane/Chart.yaml": "apiVersion: v2\nname: controlplane\nversion: 0.1.0\n",
    "deploy/charts/controlplane/values.yaml": """\
        image: {repository: ghcr.io/molecule/controlplane, tag: "1.4"}
        redis:
          url: redis://cp-redis-master.platform.svc.cluster.local:6379/0
        reports:
          dsn: ""
        env:
          LOG_LEVEL: info
        """,
    "deploy/charts/controlplane/values-prod.yaml": """\
        reports:
          dsn: postgres://reader@ws-postgres.tenant-acme.svc.cluster.local:5432/ws  # expect: MOL401
        env:
          TENANT_REDIS_URL: redis://ws-redis:6379/0  # expect: MOL401
        sidecarEnv:
          - name: TENANT_DATABASE_URL  # expect: MOL401
            valueFrom:
              secretKeyRef: {name: ws-cluster, key: dsn}
          - name: STRIPE_API_KEY
            valueFrom: {secretKeyRef: {name: stripe, key: api-key}}
        """,
    "deploy/charts/controlplane/templates/deployment.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "controlplane.fullname" . }}
          labels:
            {{- include "controlplane.labels" . | nindent 4 }}
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  env:
                    - name: REDIS_URL
                      value: {{ .Values.redis.url | quote }}
                    - name: REPORTS_DSN
                      value: "{{ .Values.reports.dsn }}"
                    {{- range $k, $v := .Values.env }}
                    - name: {{ $k }}
                      value: {{ $v | quote }}
                    {{- end }}
                - name: reports-sidecar
                  env:
                    {{- toYaml .Values.sidecarEnv | nindent 12 }}
        """,
    # The tenant's chart: its own Redis by default (a trap); one environment points it at the platform's.
    "deploy/charts/workspace-server/values.yaml": """\
        redis:
          host: redis
        extraEnv:
          - name: MOLECULE_PLATFORM_URL
            value: https://api.molecule.app
        """,
    "deploy/charts/workspace-server/values-shared.yaml": """\
        redis:
          host: cp-redis-master.platform.svc.cluster.local  # expect: MOL402
        extraEnv:
          - name: DATABASE_URL
            value: postgres://ws@central-pg.internal:5432/ws  # expect: MOL402
        """,
    "deploy/charts/workspace-server/templates/deployment.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: workspace-server
        spec:
          template:
            spec:
              containers:
                - name: ws
                  env:
                    - name: DATABASE_URL
                      value: {{ .Values.database.url | default "postgres://ws@postgres:5432/ws" }}
                    - name: REDIS_URL
                      value: "redis://{{ .Values.redis.host }}:6379/0"
                    {{- with .Values.extraEnv }}
                    {{- toYaml . | nindent 12 }}
                    {{- end }}
        """,
}

NAMESPACES = {
    # Plain Kubernetes: the platform's namespace holds only platform workloads; a tenant reaching into it
    # is MOL402 even for a store no manifest declares; the tenant's own `redis` (same name) is fine.
    "deploy/k8s/platform.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: controlplane, namespace: platform}
        spec:
          template:
            spec:
              containers:
                - name: api
                  # The tenant below uses this Redis too: a store both planes use is reported on both sides.
                  env: [{name: REDIS_URL, value: "redis://redis:6379/0"}]  # expect: MOL401
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: platform}
        spec: {template: {spec: {containers: [{name: redis, image: "redis:7"}]}}}
        """,
    "deploy/k8s/tenant-acme.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: workspace-server, namespace: tenant-acme}
        spec:
          template:
            spec:
              containers:
                - name: app
                  env:
                    - {name: REDIS_URL, value: "redis://redis:6379/0"}
                    - {name: CACHE_REDIS_URL, value: "redis://redis.platform.svc.cluster.local:6379/3"}  # expect: MOL402
                    - {name: DATABASE_URL, value: "postgres://pg.platform.svc.cluster.local:5432/ws"}  # expect: MOL402
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: tenant-acme}
        spec: {template: {spec: {containers: [{name: redis, image: "redis:7"}]}}}
        """,
    # A store declared in the platform's namespace that only a tenant uses is still outside the tenant; the
    # same-named store in the tenant's own namespace is fine.
    "deploy/k8s/archive.yaml": """\
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: archive-pg, namespace: platform}
        spec: {template: {spec: {containers: [{name: pg, image: "postgres:16"}]}}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: archive-pg, namespace: tenant-acme}
        spec: {template: {spec: {containers: [{name: pg, image: "postgres:16"}]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: workspace-server, namespace: tenant-acme}
        spec:
          template:
            spec:
              containers:
                - name: archiver
                  env:
                    - {name: ARCHIVE_DATABASE_URL, value: "postgres://archive-pg.platform.svc.cluster.local:5432/a"}  # expect: MOL402
                    - {name: LOCAL_ARCHIVE_DATABASE_URL, value: "postgres://archive-pg.tenant-acme.svc.cluster.local:5432/a"}
        """,
}

COMPOSE = {
    # `extends` in the same file: the base's environment is the platform service's.
    "deploy/cp/docker-compose.yml": """\
        services:
          cp-base:
            environment:
              LOG_LEVEL: info
              REPORTS_DSN: postgres://reader@ws-postgres:5432/ws  # expect: MOL401
          controlplane:
            extends: cp-base
            build: ../../controlplane
            environment:
              LOG_LEVEL: debug
          ws-postgres:
            image: postgres:16
          workspace-server:
            build: ../../workspace_server
            depends_on: [ws-postgres]
        """,
    # An override file merges into the file beside it: one that only publishes ports is silent; one that
    # adds a tenant variable to `api` (built from controlplane/ in the base file) is the platform's.
    "deploy/cp/docker-compose.override.yml": "services:\n  controlplane:\n    ports: ['8000:8000']\n",
    "deploy/cp2/docker-compose.yml": "services:\n  api:\n    build: ../../controlplane\n",
    "deploy/cp2/docker-compose.override.yml": """\
        services:
          api:
            ports: ["8000:8000"]
            environment:
              TENANT_REDIS_URL: redis://ws-redis:6379/0  # expect: MOL401
        """,
    # `extends` from another file: the tenant takes its Redis from a shared base.
    "deploy/tenant/common.yml": """\
        services:
          tenant-base:
            environment:
              MOLECULE_PLATFORM_URL: https://api.molecule.app
              REDIS_URL: redis://shared-redis.internal:6379/0  # expect: MOL402
        """,
    "deploy/tenant/docker-compose.yml": """\
        services:
          workspace-server:
            extends: {file: common.yml, service: tenant-base}
            build: ../../workspace_server
        """,
    # `include:`: the included file's Redis joins the project, and both planes use it.
    "deploy/stack/compose.yaml": """\
        include:
          - path: stores.yaml
        services:
          controlplane:
            build: ../../controlplane
            environment:
              REDIS_URL: redis://cp-redis:6379/0  # expect: MOL401
          workspace-server:
            build: ../../workspace_server
            environment:
              REDIS_URL: redis://cp-redis:6379/1  # expect: MOL402
        """,
    "deploy/stack/stores.yaml": "services:\n  cp-redis:\n    image: redis:7\n",
}

HOSTING = {
    # Fly.io: the platform app's [env] holds a tenant variable; the tenant app's own Redis is fine.
    "controlplane/fly.toml": """\
        app = "molecule-cp"
        primary_region = "ams"

        [env]
          LOG_LEVEL = "info"
          REDIS_URL = "redis://cp-cache.internal:6379/0"
          TENANT_DATABASE_URL = "postgres://reader@ws-db.internal:5432/ws"  # expect: MOL401
        """,
    "workspace_server/fly.toml": """\
        app = "molecule-ws-acme"

        [env]
          REDIS_URL = "redis://ws-acme-redis.internal:6379/0"
          CACHE_REDIS_URL = "redis://cp-cache.internal:6379/5"  # expect: MOL402
        """,
    # Heroku: app.json `env`, as a value or {"value": ...}; Expo's app.json is no Heroku manifest.
    "memory_plugin/app.json": """\
        {
          "name": "memory-plugin",
          "env": {
            "MOLECULE_PLATFORM_URL": "https://api.molecule.app",
            "DATABASE_URL": {"value": "postgres://mem@global-pg.internal:5432/mem"}
          },
          "addons": ["heroku-redis"]
        }
        """,
    "workspace_server/mobile/app.json": '{"expo": {"name": "ws", "extra": {"DATABASE_URL": "postgres://global-pg/x"}}}\n',
    # DigitalOcean App Platform: the platform component bound to the tenant's database (MOL401); the
    # tenant's own database binding is fine.
    ".do/app.yaml": """\
        name: molecule
        envs:
          - {key: MOLECULE_PUBLIC_URL, value: https://api.molecule.app}
        services:
          - name: controlplane
            source_dir: /controlplane
            envs:
              - {key: DATABASE_URL, value: "${cp-db.DATABASE_URL}"}
              - {key: REPORTS_URL, value: "${ws-db.DATABASE_URL}"}  # expect: MOL401
          - name: workspace-server
            source_dir: workspace_server
            envs:
              # a store both planes use is reported on both sides
              - {key: DATABASE_URL, value: "${ws-db.DATABASE_URL}"}  # expect: MOL402
        databases:
          - {name: cp-db, engine: PG}
          - {name: ws-db, engine: PG}
        """,
}

KUSTOMIZE = {
    "deploy/kustomize/base/kustomization.yaml": "resources: [workspace-server.yaml, controlplane.yaml]\n",
    "deploy/kustomize/base/workspace-server.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: workspace-server}
        spec:
          template:
            spec:
              containers:
                - name: app
                  envFrom: [{configMapRef: {name: ws-config}}]  # expect: MOL402
        """,
    "deploy/kustomize/base/controlplane.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: controlplane}
        spec:
          template:
            spec:
              containers:
                - name: api
                  envFrom: [{configMapRef: {name: cp-config}}, {secretRef: {name: cp-secrets}}]  # expect: MOL401
        """,
    # An overlay: generators say which workload gets which env (by the names the base refers to); as for
    # any ConfigMap, the finding is at the workload's envFrom, its trace ending at the generator's line.
    "deploy/kustomize/overlays/acme/kustomization.yaml": """\
        resources: [../../base]
        patches:
          - path: ws-patch.yaml
        configMapGenerator:
          - name: ws-config
            literals:
              - REDIS_URL=redis://redis:6379/0
              - DATABASE_URL=postgres://ws@central-pg.internal:5432/ws
          - name: cp-config
            literals: [REDIS_URL=redis://cp-redis.internal:6379/0]
        secretGenerator:
          - name: cp-secrets
            envs: [cp-secrets.env]
        """,
    "deploy/kustomize/overlays/acme/cp-secrets.env": """\
        REPORTS_DSN=postgres://cp@cp-pg.internal:5432/reports
        TENANT_DATABASE_URL=postgres://reader@acme-pg.internal:5432/ws
        """,
    # A strategic-merge patch of the tenant's workload, pointing a cache at the platform's Redis.
    "deploy/kustomize/overlays/acme/ws-patch.yaml": """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: workspace-server}
        spec:
          template:
            spec:
              containers:
                - name: app
                  env: [{name: CACHE_REDIS_URL, value: "redis://cp-redis.internal:6379/2"}]  # expect: MOL402
        """,
}

TREE = HELM | NAMESPACES | COMPOSE | HOSTING | KUSTOMIZE
# JSON has no comments to hold a marker.
EXPECTED = _planted(TREE) | {("memory_plugin/app.json", 5, "MOL402")}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return lint(write_project(tmp_path_factory.mktemp("topology"), TREE, CONFIG))


def test_every_planted_topology_violation_and_nothing_else(run: Any) -> None:
    found = {(f.path, f.loc.line, f.rule) for f in run.findings}
    assert sorted(found - EXPECTED) == [], "false positives"
    assert sorted(EXPECTED - found) == [], "missed violations"


def test_a_helm_finding_is_at_the_values_line_and_traces_to_the_template(run: Any) -> None:
    by_place = {(f.path, f.loc.line): f for f in run.findings}
    ranged = by_place[("deploy/charts/controlplane/values-prod.yaml", 4)]
    assert ranged.message == "platform service `controlplane` is deployed with tenant data-store variable `TENANT_REDIS_URL`"
    assert [(hop.path, hop.line) for hop in ranged.trace] == [
        ("deploy/charts/controlplane/values-prod.yaml", 4),
        ("deploy/charts/controlplane/templates/deployment.yaml", 18),
    ]
    learned = by_place[("deploy/charts/workspace-server/values-shared.yaml", 2)]
    assert learned.message == (
        "tenant service `workspace-server` points `REDIS_URL` at host `cp-redis-master.platform.svc.cluster.local`, "
        "the platform's own store (`controlplane` REDIS_URL)"
    )
    assert [(hop.path, hop.line) for hop in learned.trace] == [
        ("deploy/charts/workspace-server/values-shared.yaml", 2),
        ("deploy/charts/workspace-server/templates/deployment.yaml", 14),
        ("deploy/charts/controlplane/values.yaml", 3),  # where the platform's manifest says it is its store
    ]
    declared = by_place[("deploy/k8s/tenant-acme.yaml", 11)]  # `redis` in namespace platform, not the tenant's own
    assert "at store `redis`, which platform services use too (`controlplane`)" in declared.message
    undeclared = by_place[("deploy/k8s/tenant-acme.yaml", 12)]
    assert undeclared.message.endswith("at host `pg.platform.svc.cluster.local` in the platform's namespace `platform`")


def test_an_inherited_variable_is_reported_where_written_and_traces_to_the_extends(run: Any) -> None:
    finding = next(f for f in run.findings if f.path == "deploy/tenant/common.yml")
    assert finding.service == "workspace-server" and finding.loc.line == 5
    assert [(hop.path, hop.line, hop.note) for hop in finding.trace] == [
        ("deploy/tenant/common.yml", 5, "`workspace-server` REDIS_URL -> host `shared-redis.internal`"),
        ("deploy/tenant/docker-compose.yml", 3, "`workspace-server` extends `tenant-base` (deploy/tenant/common.yml)"),
    ]


def test_a_kustomize_generator_is_the_last_hop(run: Any) -> None:
    by_place = {(f.path, f.loc.line): f for f in run.findings}
    literal = by_place[("deploy/kustomize/base/workspace-server.yaml", 9)]
    assert [(hop.path, hop.line) for hop in literal.trace][-1] == ("deploy/kustomize/overlays/acme/kustomization.yaml", 8)
    env_file = by_place[("deploy/kustomize/base/controlplane.yaml", 9)]
    assert [(hop.path, hop.line) for hop in env_file.trace][-1] == ("deploy/kustomize/overlays/acme/cp-secrets.env", 2)
    assert not [w for w in run.warnings if "cp-secrets.env" in w]  # the generator's file is no service of its own


def test_helm_template_lines_become_env_references() -> None:
    template = facts("chart/templates/deployment.yaml", HELM["deploy/charts/workspace-server/templates/deployment.yaml"])
    assert [(type(f).__name__, getattr(f, "service", None)) for f in template.facts][:1] == [
        ("ManifestService", "workspace-server")
    ]
    envs = [(f.name, f.value, f.ref) for f in template.facts if isinstance(f, ManifestEnv)]
    assert envs == [
        ("DATABASE_URL", "{{}}", "HelmValues/database.url"),
        ("REDIS_URL", "redis://{{}}:6379/0", "HelmValues/redis.host"),
    ]
    defaults = [(f.kind, f.name, f.key, f.value) for f in template.facts if isinstance(f, ManifestData)]
    assert defaults == [("HelmDefault", "chart", "database.url", "postgres://ws@postgres:5432/ws")]
    links = [(f.kind, f.target) for f in template.facts if isinstance(f, ManifestLink)]
    assert links == [("helm-env", "extraEnv")]
    # A templated workload name is the chart's; a container's `- name:` is no env entry.
    named = facts("deploy/charts/controlplane/templates/deployment.yaml", HELM["deploy/charts/controlplane/templates/deployment.yaml"])
    assert [f.service for f in named.facts if isinstance(f, ManifestService)] == ["controlplane"]
    assert [f.name for f in named.facts if isinstance(f, ManifestEnv)] == ["REDIS_URL", "REPORTS_DSN"]


def test_helm_values_are_flattened_to_dotted_keys() -> None:
    values = facts("deploy/charts/ws/values-prod.yaml", "redis:\n  host: r.internal\nlist:\n  - {name: A, value: 1}\n")
    assert [(f.name, f.key, f.value, f.loc.line) for f in values.facts if isinstance(f, ManifestData)] == [
        ("deploy/charts/ws", "redis.host", "r.internal", 2),
        ("deploy/charts/ws", "list.0.name", "A", 4),
        ("deploy/charts/ws", "list.0.value", "1", 4),
    ]


_TEMPLATE_LINES = [
    "kind: Deployment", "metadata:", "  name: ws", "  name: {{ .Release.Name }}", "env:", "  env:",
    "- name: X", "  - name: DATABASE_URL", "    value: {{ .Values.a.b | default \"x\" }}", "    value: \"{{\"",
    "{{- range $k, $v := .Values.env }}", "{{- with .Values.e }}", "{{ toYaml . }}", "---", "value:", "",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.sampled_from(_TEMPLATE_LINES) | st.text(max_size=12), max_size=14))
def test_any_template_text_gives_facts_never_an_exception(lines: list[str]) -> None:
    assert facts("chart/templates/x.yaml", "\n".join(lines)).error is None


def test_hosting_platform_manifests_give_their_env_at_its_line() -> None:
    fly = facts("controlplane/fly.toml", HOSTING["controlplane/fly.toml"])
    assert [(f.name, f.value, f.loc.line) for f in fly.facts if isinstance(f, ManifestEnv)] == [
        ("LOG_LEVEL", "info", 5),
        ("REDIS_URL", "redis://cp-cache.internal:6379/0", 6),
        ("TENANT_DATABASE_URL", "postgres://reader@ws-db.internal:5432/ws", 7),
    ]
    built = facts("fly.toml", 'app = "cp"\n[build]\n  dockerfile = "controlplane/Dockerfile"\n')
    assert [(f.service, f.build) for f in built.facts if isinstance(f, ManifestService)] == [("cp", "controlplane")]
    assert facts("workspace_server/mobile/app.json", HOSTING["workspace_server/mobile/app.json"]).facts == ()
    template = facts(
        ".do/deploy.template.yaml",
        """\
        spec:
          envs: [{key: LOG_LEVEL, value: info}]
          workers:
            - name: sync
              source_dir: controlplane
              envs: [{key: REDIS_URL, value: "${cache.REDIS_URL}"}, {key: URL, value: "${APP_URL}/x"}]
          databases: [{name: cache, engine: REDIS}]
        """,
    )
    assert [(type(f).__name__, getattr(f, "name", None) or getattr(f, "service", None)) for f in template.facts] == [
        ("ManifestService", "cache"),
        ("ManifestService", "sync"),
        ("ManifestEnv", "REDIS_URL"),
        ("ManifestLink", "sync"),
        ("ManifestEnv", "URL"),
        ("ManifestEnv", "LOG_LEVEL"),  # the app-wide envs, for every component
    ]
    services = [(f.service, f.build, f.image) for f in template.facts if isinstance(f, ManifestService)]
    assert services == [("cache", None, "redis"), ("sync", "controlplane", None)]


@pytest.mark.parametrize(
    ("path", "source", "line"),
    [("fly.toml", 'app = "x"\n[env\n', 2), ("app.json", '{"env": {\n  "A": }\n', 2)],
)
def test_broken_hosting_manifests_are_mol901_with_their_line(path: str, source: str, line: int) -> None:
    result = facts(path, source)
    assert result.error is not None and result.error_loc is not None and result.error_loc.line == line


def test_a_compose_service_built_at_the_root_is_the_one_its_dockerfile_folder_says() -> None:
    compose = facts(
        "docker-compose.yml",
        """\
        services:
          platform:  # molecule-core's name for its workspace-server
            build: {context: ., dockerfile: workspace-server/Dockerfile}
          canvas:
            build: {context: ./canvas, dockerfile: ../docker/canvas.Dockerfile}
          tool:
            build: {context: ., dockerfile: Dockerfile.tool}
        """,
    )
    built = [(f.service, f.build) for f in compose.facts if isinstance(f, ManifestService)]
    assert built == [("platform", "workspace-server"), ("canvas", "canvas"), ("tool", ".")]


def test_helm_env_entries_are_read_in_env_blocks_only_at_any_indent() -> None:
    template = facts(
        "chart/templates/job.yaml",
        """\
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: sync
        spec:
          template:
            spec:
              volumes:
              - name: REPORTS
                configMap: {name: reports}
              containers:
              - name: sync
                env:
                - name: DATABASE_URL
                  value: {{ .Values.db }}
                volumeMounts:
                - name: CACHE
                  value: not-an-env
        """,
    )
    assert [f.name for f in template.facts if isinstance(f, ManifestEnv)] == ["DATABASE_URL"]


def test_an_env_block_dumped_from_a_values_key_is_linked_to_it() -> None:
    """`toYaml .Values.extraEnvVars` names its key (not `.`, the scope of a `with`); `toYaml .` in a
    `with` still names the with's key."""
    template = facts(
        "chart/templates/deploy.yaml",
        """\
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          template:
            spec:
              containers:
                - name: api
                  env:
                    {{- toYaml .Values.extraEnvVars | nindent 12 }}
                    {{- with .Values.more }}
                    {{- toYaml . | nindent 12 }}
                    {{- end }}
        """,
    )
    assert [(f.kind, f.target) for f in template.facts if isinstance(f, ManifestLink)] == [
        ("helm-env", "extraEnvVars"),
        ("helm-env", "more"),
    ]


def test_a_tenant_namespace_host_the_platform_points_at_stays_the_tenants(tmp_path: Any) -> None:
    """A platform variable pointing at a store in a namespace only tenant workloads run in is MOL401; that
    host is not thereby the platform's own, so the tenant's use of it is fine (its shared cache is not)."""
    tree = {
        "deploy/cp.yaml": """\
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: controlplane, namespace: ops}
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      env: [{name: REPORTS_DB_URL, value: "postgres://ro@pg.org-beta.svc.cluster.local:5432/ws"}]  # expect: MOL401
            """,
        "deploy/beta.yaml": """\
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: workspace-server, namespace: org-beta}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      env:
                        - {name: TENANT_DATABASE_URL, value: "postgres://ws@pg.org-beta.svc.cluster.local:5432/ws"}
                        - {name: TENANT_REDIS_URL, value: "redis://eu1.upstash.io:6379/0"}  # expect: MOL402
            """,
    }
    result = lint(write_project(tmp_path, tree, CONFIG))
    assert {(f.path, f.loc.line, f.rule) for f in result.findings} == _planted(tree)
