from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Memory",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("org_id", models.UUIDField(db_index=True)),
                ("workspace_id", models.UUIDField(db_index=True)),
                ("title", models.CharField(max_length=200)),
                ("body", models.TextField()),
                ("size_bytes", models.PositiveIntegerField(default=0)),
                ("pinned", models.BooleanField(default=False)),
            ],
            options={"db_table": "ws_memories"},
        ),
        migrations.CreateModel(
            name="ActivityEvent",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("org_id", models.UUIDField(db_index=True)),
                ("workspace_id", models.UUIDField(db_index=True)),
                ("kind", models.CharField(max_length=64)),
                ("payload", models.JSONField(default=dict)),
            ],
            options={"db_table": "ws_activity"},
        ),
    ]
