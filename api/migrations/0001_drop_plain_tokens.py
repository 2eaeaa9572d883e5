from django.db import migrations


class Migration(migrations.Migration):
    """DRF's tokens (rest_framework.authtoken, no longer installed) were stored in plain
    text: drop them. Personal keys are django-rest-knox's digests now; users make new ones."""

    dependencies = []

    operations = [
        migrations.RunSQL(
            "DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop
        )
    ]
