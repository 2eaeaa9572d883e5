"""One name for a year group: the `band` fields are `group`, as in the API and the
lessons (issue 14). The column is renamed with them (metadata only on PostgreSQL)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0007_record_keys"),
    ]

    operations = [
        migrations.RenameField("checkinsession", "band", "group"),
        migrations.RenameField("lessondelivery", "band", "group"),
        migrations.RenameField("resultrollup", "band", "group"),
        migrations.AlterField(
            model_name="checkinsession",
            name="group",
            field=models.CharField(max_length=12, verbose_name="group"),
        ),
        migrations.AlterField(
            model_name="lessondelivery",
            name="group",
            field=models.CharField(max_length=12, verbose_name="group"),
        ),
    ]
