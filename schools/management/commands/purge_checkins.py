import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schools.checkins.services import purge_answers


class Command(BaseCommand):
    help = (
        "Delete raw check-in answers of sessions that ended more than N days ago. Their counts "
        "stay in the result cells, so every figure stays the same. Safe to run every night."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.CHECKIN_RETENTION_DAYS,
            metavar="DAYS",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more days.")
        before = timezone.localdate() - datetime.timedelta(days=older_than)
        deleted = purge_answers(before=before)
        self.stdout.write(
            f"Deleted {deleted} raw answers of sessions that ended before {before.isoformat()}."
        )
