from django.core.management.base import BaseCommand

from schools import tasks


class Command(BaseCommand):
    help = (
        "Sum the published counts of every completed week into the rollups that "
        "region-wide results read. Idempotent: safe to run every night or every hour; "
        "--full starts again from nothing (after a bulk load or a changed threshold)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true")

    def handle(self, *args, full, **options):
        done = tasks.refresh_result_rollups.call(full=full)  # here, now
        start = f"after {done['after']}" if done["after"] else "from the start"
        self.stdout.write(
            f"Rolled up the weeks {start} through the week of {done['through']}: "
            f"{done['rows']} rows."
        )
