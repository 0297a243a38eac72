"""What the platform writes on a fresh org host: the tenant stack's environment and cloud-init."""

import textwrap

import boto3

from controlplane.settings import get_settings

ENV_PATH = "/etc/molecule/tenant.env"


def tenant_env(org_id: str) -> dict[str, str]:
    settings = get_settings()
    # The only two things a tenant learns from us; everything else is local to the host.
    return {
        "MOLECULE_ORG_ID": org_id,
        "MOLECULE_PLATFORM_URL": settings.public_url,
        "DATABASE_URL": "postgresql://workspace@127.0.0.1:5432/workspace",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }


def render_user_data(org_id: str) -> str:
    lines = "\n".join(f"{key}={value}" for key, value in tenant_env(org_id).items())
    return textwrap.dedent(
        f"""\
        #!/bin/bash
        install -d -m 0750 /etc/molecule
        cat > {ENV_PATH} <<'ENV'
        {lines}
        ENV
        systemctl enable --now molecule-tenant.target
        """
    )


def launch(org_id: str) -> str:
    settings = get_settings()
    ec2 = boto3.client("ec2", region_name=settings.aws_region)
    reply = ec2.run_instances(
        ImageId=settings.tenant_ami_id,
        InstanceType="t3.large",
        MinCount=1,
        MaxCount=1,
        UserData=render_user_data(org_id),
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "molecule:org", "Value": org_id}]}],
    )
    return reply["Instances"][0]["InstanceId"]
