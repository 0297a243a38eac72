from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="AgentMemory",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("org_id", models.UUIDField(editable=False)),
                ("workspace_id", models.UUIDField(db_index=True)),
                ("kind", models.CharField(default="note", max_length=32)),
                ("content", models.TextField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"db_table": "agent_memories", "ordering": ["-created_at"]},
        ),
        migrations.RunSQL(
            "CREATE INDEX agent_memories_content_trgm ON agent_memories USING gin (content gin_trgm_ops)",
            reverse_sql="DROP INDEX agent_memories_content_trgm",
        ),
    ]
