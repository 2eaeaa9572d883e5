from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from schools import tasks


class Command(BaseCommand):
    help = (
        "Delete the spent one-time tokens of check-ins that ended more than N hours ago. "
        "Answers are only ever kept as counts, so no figure changes. Also ends the lesson "
        "runs past their end, deleting their class activities' counts. Safe to run every "
        "night (just after midnight: runs end at the end of the school day)."
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
        done = tasks.purge_checkins.call(older_than_hours=older_than)  # here, now
        self.stdout.write(
            f"Deleted {done['tokens deleted']} spent tokens of check-ins that ended more "
            f"than {older_than} hours ago; ended {done['runs ended']} lesson runs and "
            "deleted their activity counts."
        )
