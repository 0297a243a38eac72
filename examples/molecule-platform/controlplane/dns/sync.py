"""Keep Route53 in sync with the orgs table."""

from __future__ import annotations

import logging

import boto3

from common.text import slugify
from controlplane.db import raw_connection

logger = logging.getLogger(__name__)
ZONE_ID = "Z0MOLECULETENANTS"


def _upsert(name: str, ip: str) -> dict:
    record = {"Name": name, "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": ip}]}
    return {"Changes": [{"Action": "UPSERT", "ResourceRecordSet": record}]}


def sync_all() -> int:
    route53 = boto3.client("route53")
    conn = raw_connection()
    changed = 0
    with conn.cursor() as cur:
        cur.execute("SELECT id, slug, host_ip FROM orgs WHERE deleted_at IS NULL")
        for org_id, slug, host_ip in cur.fetchall():
            name = f"{slugify(slug)}.tenants.molecule.app"
            cur.execute("SELECT target FROM dns_records WHERE org_id = %s AND name = %s", (org_id, name))
            current = cur.fetchone()
            if current and current[0] == host_ip:
                continue
            route53.change_resource_record_sets(HostedZoneId=ZONE_ID, ChangeBatch=_upsert(name, host_ip))
            cur.execute(
                "INSERT INTO dns_records (org_id, name, target) VALUES (%s, %s, %s) "
                "ON CONFLICT (org_id, name) DO UPDATE SET target = EXCLUDED.target",
                (org_id, name, host_ip),
            )
            changed += 1
    conn.commit()
    logger.info("dns sync: %d records changed", changed)
    return changed
