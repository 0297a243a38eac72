"""Report SQL of the ops jobs."""
from pylib import tables

SCHEDULES_PER_ORG = f"SELECT org_id, count(*) AS n FROM {tables.SCHEDULES} GROUP BY org_id"
SUBSCRIPTIONS_PER_PLAN = f"SELECT plan, count(*) FROM {tables.SUBSCRIPTIONS} GROUP BY plan"
ORGS_PER_REGION = f"SELECT region, count(*) FROM {tables.ORGS} GROUP BY region"
