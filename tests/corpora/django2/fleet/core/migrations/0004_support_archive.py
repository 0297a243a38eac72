from django.db import migrations, models

from libs.common.tables import TenantTables

# Support keeps a copy of the last 30 days of messages so tickets survive a workspace reset.
ARCHIVE_DDL = "CREATE TABLE fleet_message_archive (LIKE ws_messages INCLUDING ALL)"


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunSQL(ARCHIVE_DDL, reverse_sql="DROP TABLE fleet_message_archive"),  # expect: MOL203
        migrations.CreateModel(  # expect: MOL203
            name="ScheduleCopy",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("org_id", models.UUIDField()),
                ("cron", models.CharField(max_length=64)),
            ],
            options={"db_table": TenantTables.SCHEDULES},
        ),
        migrations.CreateModel(
            name="ActivityCredit",
            fields=[("id", models.BigAutoField(primary_key=True)), ("credits", models.IntegerField())],
            options={"db_table": "fleet_activity_credits"},
        ),
    ]
