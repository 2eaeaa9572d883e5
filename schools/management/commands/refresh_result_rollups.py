from django.core.management.base import BaseCommand

from schools.results import refresh_rollups


class Command(BaseCommand):
    help = (
        "Sum the published counts of every completed week into the rollups that "
        "region-wide results read. Idempotent: safe to run every night or every hour; "
        "--full starts again from nothing (after a bulk load or a changed threshold)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true")

    def handle(self, *args, full, **options):
        after, through, written = refresh_rollups(full=full)
        start = f"after {after.isoformat()}" if after else "from the start"
        self.stdout.write(
            f"Rolled up the weeks {start} through the week of {through.isoformat()}: "
            f"{written} rows."
        )
