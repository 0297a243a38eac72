"""Raw SQL of the fleet reports."""

MESSAGE_VOLUME = """
    SELECT org_id, count(*) AS messages
    FROM messages
    WHERE created_at >= $1
    GROUP BY org_id
"""

ACTIVE_ORGS = "SELECT id, name FROM orgs WHERE status = 'active'"
