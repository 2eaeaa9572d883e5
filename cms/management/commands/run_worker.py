from django_tasks_db.management.commands import db_worker

from cms.worker import Heart


class Command(db_worker.Command):
    help = (
        "Run a background worker: django-tasks-db's db_worker, with a heartbeat that "
        "/healthz/worker reads and that gives back the tasks of a worker that stopped "
        "(cms/worker.py). Production runs one or more (docs/deploy.md)."
    )

    def handle(self, *args, worker_id, **options):
        heart = Heart(worker_id)
        heart.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            heart.stop()
