from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Organization",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("slug", models.SlugField(unique=True)),
                ("name", models.CharField(max_length=200)),
                ("workspace_url", models.URLField()),
            ],
            options={"db_table": "fleet_orgs"},
        ),
        migrations.CreateModel(
            name="MemoryQuota",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("limit_mb", models.PositiveIntegerField()),
                ("used_bytes", models.BigIntegerField(default=0)),
            ],
            options={"db_table": "fleet_memory_quotas"},
        ),
    ]
