from django.db import migrations
from django.db.models.functions import Length


def backfill_sizes(apps, schema_editor):
    Memory = apps.get_model("workspace", "Memory")
    Memory.objects.filter(size_bytes=0).update(size_bytes=Length("body"))


class Migration(migrations.Migration):
    dependencies = [("workspace", "0001_initial")]
    operations = [migrations.RunPython(backfill_sizes, migrations.RunPython.noop)]
