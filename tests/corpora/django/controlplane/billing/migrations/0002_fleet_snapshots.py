# The "fleet insights" dashboard (pre-RFC design): a nightly task copies every org's memories and activity
# here so that the control plane can chart them.
from django.db import migrations, models

ARCHIVE_SQL = """
CREATE TABLE activity_events_archive (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    kind varchar(64) NOT NULL,
    payload jsonb NOT NULL
)
"""


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]

    operations = [
        migrations.CreateModel(  # expect: MOL203
            name="MemorySnapshot",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("org_id", models.UUIDField()),
                ("workspace_id", models.UUIDField()),
                ("content", models.TextField()),
                ("captured_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"db_table": "agent_memories_snapshot"},
        ),
        migrations.RunSQL(ARCHIVE_SQL, reverse_sql="DROP TABLE activity_events_archive"),  # expect: MOL203
        migrations.AddField(model_name="org", name="dns_zone", field=models.CharField(max_length=253, default="")),
    ]
