"""Nightly activity rollup for the fleet dashboard (yoyo migration)."""

from yoyo import step

__depends__ = {"0002_support_archive"}

steps = [
    step(  # expect: MOL203
        "CREATE TABLE fleet_activity_feed ("
        " id BIGSERIAL PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs (id), workspace_id TEXT NOT NULL,"
        " actor TEXT NOT NULL, verb TEXT NOT NULL, payload JSONB)",
        "DROP TABLE fleet_activity_feed",
    ),
    step("ALTER TABLE activity_quotas ADD COLUMN warn_at BIGINT", "ALTER TABLE activity_quotas DROP COLUMN warn_at"),
]
