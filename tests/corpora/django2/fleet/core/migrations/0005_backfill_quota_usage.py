from django.db import migrations
from django.db.models import Sum


def backfill_used_bytes(apps, schema_editor):
    Memory = apps.get_model("workspace", "Memory")
    MemoryQuota = apps.get_model("core", "MemoryQuota")
    usage = Memory.objects.using("workspace_ro").values("org_id").annotate(total=Sum("size_bytes"))  # expect: MOL101, MOL102, MOL201
    for row in usage:
        MemoryQuota.objects.filter(org__slug=row["org_id"]).update(used_bytes=row["total"])


def backfill_plans(apps, schema_editor):
    Organization = apps.get_model("core", "Organization")
    Organization.objects.filter(plan="").update(plan="team")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_support_archive")]
    operations = [
        migrations.RunPython(backfill_used_bytes, migrations.RunPython.noop),
        migrations.RunPython(backfill_plans, migrations.RunPython.noop),
    ]
