"""Terraform (HCL) as deployment manifests: MOL401/MOL402 from what a module gives the things it runs."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import lint, write_project

from molecule_lint.facts import ManifestData, ManifestEnv, ManifestLink
from molecule_lint.frontends.manifests.analyze import analyze_manifest
from molecule_lint.location import Location
from molecule_lint.placeholders import resolutions

CONFIG: dict[str, Any] = {
    "services": [
        {"name": "controlplane", "plane": "platform", "paths": ["controlplane/", "infra/platform/"]},
        {"name": "workspace-server", "plane": "tenant", "paths": ["workspace_server/", "infra/org-host/"]},
    ],
    "tenant_data": {"env": ["TENANT_DATABASE_URL", "TENANT_REDIS_URL"]},
    "shared_hosts": ["*.upstash.io"],
}

ECS = """\
variable "cache_url" { type = string }
resource "aws_ecs_task_definition" "api" {
  container_definitions = jsonencode([
    {
      name = "api"
      environment = [
        { name = "DATABASE_URL", value = "postgres://cp@platform-db.acme.internal:5432/cp" },
        { name = "HEALTHCHECK_URL", value = "http://localhost:8000/healthz" },
        { name = "TENANT_REDIS_URL", value = var.cache_url },
      ]
    }
  ])
}
"""


def facts(path: str, source: str) -> list[Any]:
    result = analyze_manifest(path, "", textwrap.dedent(source).encode())
    assert result.error is None, result.error
    return list(result.facts)


def found(result: Any) -> list[tuple[str, int, str]]:
    return [(f.path, f.loc.line, f.rule) for f in result.findings]


def test_ecs_container_env_of_the_platform_with_a_tenant_variable(project: Any) -> None:
    """MOL401 at the variable's line; the platform's own DSN and a health-check URL in the same task are its own."""
    result = project({"infra/platform/main.tf": ECS, "infra/platform/prod.tfvars": 'cache_url = "redis://10.0.0.7/0"\n'}, CONFIG)
    assert found(result) == [("infra/platform/main.tf", 9, "MOL401")]
    assert [hop.path for hop in result.findings[0].trace] == ["infra/platform/main.tf", "infra/platform/prod.tfvars"]


def test_lambda_and_kubernetes_provider_env_are_read_too() -> None:
    source = """\
    resource "aws_lambda_function" "digest" {
      function_name = "nightly-digest"
      environment {
        variables = {
          TENANT_DATABASE_URL = local.dsn
        }
      }
    }
    resource "aws_lambda_function" "refresh" {
      function_name = "${var.name}-refresh"
      environment { variables = { REDIS_HOST = "cache.acme.internal" } }
    }
    resource "kubernetes_deployment" "cp" {
      spec {
        template {
          spec {
            container {
              name = "controlplane"
              env {
                name  = "TENANT_REDIS_URL"
                value = "redis://cache:6379"
              }
            }
          }
        }
      }
    }
    locals { dsn = "postgres://${var.db_host}/ws" }
    """
    envs = [(f.service, f.name, f.value, f.loc.line) for f in facts("infra/platform/main.tf", source) if isinstance(f, ManifestEnv)]
    assert envs == [
        ("nightly-digest", "TENANT_DATABASE_URL", "${local.dsn}", 5),
        ("refresh", "REDIS_HOST", "cache.acme.internal", 11),  # a computed name: the resource's label
        ("controlplane", "TENANT_REDIS_URL", "redis://cache:6379", 21),
    ]


def test_variables_locals_and_tfvars_are_module_data_and_computed_values_are_holes() -> None:
    source = """\
    variable "region" { default = "us-east-1" }
    variable "size" { default = 3 }
    locals { url = "redis://${var.host}:6379" }
    resource "aws_ssm_parameter" "db" {
      name  = "/acme/platform/DATABASE_URL"
      value = "postgres://cp@${aws_db_instance.main.address}/cp"
    }
    resource "aws_ssm_parameter" "note" {
      name  = "/acme/platform/motd"
      value = "hello"
    }
    """
    found_facts = facts("infra/platform/main.tf", source)
    data = [(f.kind, f.key, f.value) for f in found_facts if isinstance(f, ManifestData)]
    assert data == [
        ("TerraformDefault", "var.region", "us-east-1"),
        ("TerraformDefault", "var.size", "3"),
        ("TerraformDefault", "local.url", "redis://${var.host}:6379"),
    ]
    envs = [(f.service, f.name, f.value) for f in found_facts if isinstance(f, ManifestEnv)]
    assert envs == [("platform", "DATABASE_URL", "postgres://cp@/cp")]  # the resource attribute is a hole


def test_one_resolution_per_tfvars_file(project: Any) -> None:
    """A staging file pointing the tenant's store at a shared host is found; prod's own host is not."""
    main = """\
    variable "db_host" { default = "localhost" }
    resource "aws_instance" "org" {
      user_data = <<-EOT
        #!/bin/bash
        export MOLECULE_PLATFORM_URL=https://api.acme.example
        export DATABASE_URL=postgres://ws@${var.db_host}:5432/ws
        curl -fsS https://api.acme.example/health
      EOT
    }
    """
    files = {
        "infra/org-host/main.tf": main,
        "infra/org-host/prod.tfvars": 'db_host = "localhost"\n',
        "infra/org-host/staging.tfvars": 'db_host = "pg.upstash.io"\n',
    }
    result = project(files, CONFIG)
    assert found(result) == [("infra/org-host/main.tf", 6, "MOL402")]
    assert result.findings[0].trace[-1].path == "infra/org-host/staging.tfvars"


def test_templatefile_template_is_joined_to_its_variables(project: Any) -> None:
    """The tenant's user data template points DATABASE_URL at the platform's own RDS host (known from the
    platform's ECS task): MOL402 at the templatefile variable; the platform URL written there is expected."""
    org_host = """\
    resource "aws_launch_template" "org" {
      user_data = base64encode(templatefile("${path.module}/user-data.sh.tftpl", {
        platform_url = "https://api.acme.example"
        database_url = "postgresql://ws@${var.shared_db}:5432/ws"
      }))
    }
    """
    template = "#!/bin/sh\ncat > /etc/ws.env <<EOF\nMOLECULE_PLATFORM_URL=${platform_url}\nDATABASE_URL=${database_url}\nEOF\n"
    files = {
        "infra/platform/main.tf": ECS,
        "infra/org-host/main.tf": org_host,
        "infra/org-host/user-data.sh.tftpl": template,
        "infra/org-host/terraform.tfvars": 'shared_db = "platform-db.acme.internal"\n',
    }
    result = project(files, CONFIG)
    assert ("infra/org-host/main.tf", 4, "MOL402") in found(result)
    tenant = next(f for f in result.findings if f.rule == "MOL402")
    hops = [(hop.path, hop.line) for hop in tenant.trace]
    assert ("infra/org-host/user-data.sh.tftpl", 4) in hops and ("infra/platform/main.tf", 7) in hops


def test_templatefile_paths_outside_the_project_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "env.tftpl").write_text("DATABASE_URL=${db}\n")
    root = tmp_path / "repo"
    org_host = """\
    resource "aws_instance" "a" {
      user_data = templatefile("../../../outside/env.tftpl", { db = "postgres://u@pg.upstash.io/ws" })
    }
    resource "aws_instance" "b" {
      user_data = templatefile("/etc/env.tftpl", { db = "postgres://u@pg.upstash.io/ws" })
    }
    resource "aws_instance" "c" {
      user_data = templatefile("linked.tftpl", { db = "postgres://u@pg.upstash.io/ws" })
    }
    """
    write_project(root, {"infra/org-host/main.tf": org_host}, CONFIG)
    os.symlink(outside / "env.tftpl", root / "infra/org-host/linked.tftpl")
    links = [f.target for f in facts("infra/org-host/main.tf", org_host) if isinstance(f, ManifestLink)]
    assert links == ["infra/org-host/linked.tftpl"]  # `..` out of the root and absolute paths: no link
    result = lint(root)  # the symlink out of the root is reported, not read: no MOL402 through it
    assert [(f.path, f.rule) for f in result.findings] == [("infra/org-host/linked.tftpl", "MOL901")]
    assert "outside" in result.findings[0].message


def test_invalid_hcl_is_mol901(project: Any) -> None:
    result = project({"infra/platform/main.tf": 'resource "x" "y" {\n  a = [1, 2\n}\n'}, CONFIG)
    assert [(f.rule, f.path) for f in result.findings] == [("MOL901", "infra/platform/main.tf")]


@pytest.mark.parametrize(
    "source",
    [
        "a = " + "[" * 20_000 + "]" * 20_000 + "\n",  # nesting deeper than any reader recurses
        'locals {\n  x = "${' * 2_000 + "1" + '}"' * 2_000 + "\n}\n",
        "".join(f'resource "aws_ssm_parameter" "p{i}" {{\n  name = "/a/DATABASE_URL"\n  value = "postgres://h{i}/db"\n}}\n' for i in range(5_000)),
    ],
    ids=["deep-tuples", "deep-interpolation", "many-resources"],
)
def test_hostile_hcl_is_read_in_bounded_time(source: str) -> None:
    started = time.perf_counter()
    result = analyze_manifest("infra/platform/main.tf", "", source.encode())
    assert time.perf_counter() - started < 20
    assert result.error is None or result.error.startswith("invalid HCL")


def test_locals_naming_each_other_hundreds_of_times_fill_within_a_budget() -> None:
    """`a = "${local.b}${local.b}..."`, `b = "${local.c}..."`: four rounds would write 300**3 values; the fill
    stops at a budget and the rest stays a hole, while the first values still come through."""
    loc = Location(1, 1, 1, 1)
    values = {"local.b": "${local.c}" * 300, "local.c": "${local.d}" * 300, "local.d": "postgres://shared-rds/ws"}
    known = {key: ("infra/main.tf", ManifestData(loc, "TerraformDefault", "infra", key, value)) for key, value in values.items()}
    [filled] = resolutions("${local.b}" * 300, [known])
    assert filled.value.startswith("postgres://shared-rds/ws") and len(filled.value) < 300 * 30
