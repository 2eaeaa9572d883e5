import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schools.checkins.services import purge_spent_tokens


class Command(BaseCommand):
    help = (
        "Delete the spent one-time tokens of check-ins that ended more than N hours ago. "
        "Answers are only ever kept as counts, so no figure changes. Safe to run every night."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.CHECKIN_TOKEN_HOURS,
            metavar="HOURS",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more hours.")
        ended_before = timezone.now() - datetime.timedelta(hours=older_than)
        deleted = purge_spent_tokens(ended_before=ended_before)
        self.stdout.write(
            f"Deleted {deleted} spent tokens of check-ins that ended more than "
            f"{older_than} hours ago."
        )
