from django.core.management.base import BaseCommand

from schools import tasks


class Command(BaseCommand):
    help = (
        "Queue the nightly jobs for the background worker: purge_checkins (spent tokens, "
        "lesson runs past their end) and refresh_result_rollups. Run it just after "
        "midnight from cron or a systemd timer (docs/deploy.md). Without a queue "
        "(TASKS_BACKEND unset) the jobs run here, at once."
    )

    def handle(self, *args, **options):
        for job in (tasks.purge_checkins, tasks.refresh_result_rollups):
            result = job.enqueue()
            self.stdout.write(f"{job.name}: {result.status} ({result.id})")
