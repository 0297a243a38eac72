from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="Org",
            fields=[
                ("id", models.UUIDField(primary_key=True, serialize=False)),
                ("slug", models.SlugField(unique=True)),
                ("plan", models.CharField(default="team", max_length=32)),
            ],
            options={"db_table": "orgs"},
        ),
        migrations.CreateModel(
            name="MemoryQuota",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("bytes_allowed", models.BigIntegerField()),
                ("org", models.OneToOneField(on_delete=models.deletion.CASCADE, to="billing.org")),
            ],
            options={"db_table": "memory_quotas"},
        ),
        migrations.RunSQL("CREATE INDEX memory_quotas_org_idx ON memory_quotas (org_id)"),
    ]
