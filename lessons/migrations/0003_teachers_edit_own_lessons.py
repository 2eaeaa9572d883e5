from django.db import migrations

TEACHERS = "Leerkrachten"  # lessons.services.TEACHERS when this was written


def teachers_edit_own_lessons(apps, schema_editor):
    """Sites set up before: teachers had "change" on the library, so every teacher could
    edit every lesson. "add" alone (add, and edit what you own) is what they keep."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=TEACHERS, permission__codename="change_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0002_group_bands"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunPython(teachers_edit_own_lessons, migrations.RunPython.noop)
    ]
