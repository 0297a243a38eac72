"""DSNs and secrets are kept in AWS SSM Parameter Store under a per-environment prefix."""
import os

import boto3

SSM_PREFIX = os.environ.get("SSM_PREFIX", "/dataplat/prod")


def parameter(name: str) -> str:
    ssm = boto3.client("ssm")
    response = ssm.get_parameter(Name=f"{SSM_PREFIX}/{name}", WithDecryption=True)
    return response["Parameter"]["Value"]
