from libs.common.tables import ACTIVITY, MESSAGES, ORGS, QUOTA_PLANS

ACTIVITY_BY_ORG = f"SELECT org_id, count(*) AS n FROM {ACTIVITY} GROUP BY org_id"
RECENT_MESSAGES = f"SELECT id, body FROM {MESSAGES} WHERE org_id = %s ORDER BY created_at DESC LIMIT 50"
PLAN_USAGE = (
    f"SELECT p.name, count(o.id) FROM {QUOTA_PLANS} p "
    f"JOIN {ORGS} o ON o.plan_id = p.id GROUP BY p.name"
)
