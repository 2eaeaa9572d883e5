# A lesson's attachments become its materials: each has a kind (worksheet, cards, other)
# and a short description. Existing attachments keep their rows and order and are "other".

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0004_check_in_points_name_their_moment_as_check_ins_do"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RenameModel("LessonAttachment", "LessonMaterial"),
        migrations.AlterModelOptions(
            name="lessonmaterial",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "material",
                "verbose_name_plural": "materials",
            },
        ),
        migrations.AddField(
            model_name="lessonmaterial",
            name="kind",
            field=models.CharField(
                choices=[
                    ("worksheet", "worksheet"),
                    ("cards", "cards"),
                    ("other", "other"),
                ],
                default="other",
                max_length=12,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="lessonmaterial",
            name="kind",
            field=models.CharField(
                choices=[
                    ("worksheet", "worksheet"),
                    ("cards", "cards"),
                    ("other", "other"),
                ],
                default="worksheet",
                max_length=12,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="lessonmaterial",
            name="description",
            field=models.CharField(
                blank=True,
                help_text="For example: one per pupil, for step 3.",
                max_length=200,
                verbose_name="short description",
            ),
        ),
    ]
