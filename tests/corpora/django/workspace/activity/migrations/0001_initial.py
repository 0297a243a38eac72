from django.db import migrations

SCHEDULES_SQL = """
CREATE TABLE workspace_schedules (
    id bigserial PRIMARY KEY,
    workspace_id uuid NOT NULL,
    cron varchar(64) NOT NULL,
    prompt text NOT NULL
);
CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    kind varchar(64) NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
"""


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunSQL(SCHEDULES_SQL, reverse_sql="DROP TABLE workspace_schedules; DROP TABLE activity_events")]
