from django.db import migrations

GROUPS = ["groep-1-2", "groep-3-4", "groep-5-6", "groep-7-8", "klas-1-2"]


def create_group_bands(apps, schema_editor):
    GroupBand = apps.get_model("lessons", "GroupBand")
    for order, code in enumerate(GROUPS):
        GroupBand.objects.update_or_create(code=code, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("lessons", "0001_initial")]

    operations = [migrations.RunPython(create_group_bands, migrations.RunPython.noop)]
