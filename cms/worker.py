"""The background worker around django-tasks-db's: it says it is alive, and it gives back
the tasks a stopped worker left running.

django-tasks-db marks a task RUNNING when a worker claims it; a worker killed halfway (a
deploy, the OOM killer, a lost machine) leaves it so for ever. Every worker writes its
heartbeat (`TaskWorker.seen_at`) every TASK_WORKER_BEAT_SECONDS and, each time, looks for
running tasks whose worker has not been seen for three beats: such a task is made ready
again once (every task here is safe to run twice), and fails with `WorkerStopped` the
second time, so a task that kills its worker does not loop."""

import datetime
import threading

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms.models import TaskWorker


class WorkerStopped(Exception):
    """The worker running this task stopped before it finished, the last time it could
    be tried (TASK_ATTEMPTS)."""


def stale_before(now=None):
    """A worker not seen since then has stopped."""
    now = now or timezone.now()
    return now - datetime.timedelta(seconds=3 * settings.TASK_WORKER_BEAT_SECONDS)


def beat(worker_id, now=None):
    TaskWorker.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": now or timezone.now()}
    )


def forget(worker_id):
    TaskWorker.objects.filter(worker_id=worker_id).delete()


def recover_abandoned(now=None):
    """Give back the tasks of stopped workers: ready again while tried fewer than
    TASK_ATTEMPTS times, failed after. Returns (made ready, failed)."""
    now = now or timezone.now()
    alive = set(
        TaskWorker.objects.filter(seen_at__gte=stale_before(now)).values_list(
            "worker_id", flat=True
        )
    )
    ready = failed = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for result in running:
            if result.worker_ids and result.worker_ids[-1] in alive:
                continue
            if len(result.worker_ids) < settings.TASK_ATTEMPTS:
                result.status, result.started_at = TaskResultStatus.READY, None
                result.save(update_fields=["status", "started_at"])
                ready += 1
            else:
                result.status, result.finished_at = TaskResultStatus.FAILED, now
                result.exception_class_path = (
                    f"{WorkerStopped.__module__}.{WorkerStopped.__qualname__}"
                )
                result.traceback = (
                    f"The worker stopped while running this task, "
                    f"{len(result.worker_ids)} times (workers {result.worker_ids})."
                )
                result.save(
                    update_fields=[
                        "status",
                        "finished_at",
                        "exception_class_path",
                        "traceback",
                    ]
                )
                failed += 1
    TaskWorker.objects.filter(seen_at__lt=stale_before(now)).delete()
    return ready, failed


def status(now=None):
    """What /healthz reports of the background work: how many workers run, and how
    many tasks have waited longer than TASK_BACKLOG_SECONDS. None without a queue (the
    tasks run at once, in the request)."""
    if not uses_queue():
        return None
    now = now or timezone.now()
    waiting_since = now - datetime.timedelta(seconds=settings.TASK_BACKLOG_SECONDS)
    return {
        "workers": TaskWorker.objects.filter(seen_at__gte=stale_before(now)).count(),
        "backlog": DBTaskResult.objects.ready()
        .filter(enqueued_at__lt=waiting_since)
        .count(),
    }


def uses_queue():
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


class Heart(threading.Thread):
    """Beats for one worker in a thread of its own, next to the task it runs."""

    def __init__(self, worker_id):
        super().__init__(name=f"heartbeat {worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopping = threading.Event()

    def run(self):
        try:
            while True:
                beat(self.worker_id)
                recover_abandoned()
                if self.stopping.wait(settings.TASK_WORKER_BEAT_SECONDS):
                    break
            forget(self.worker_id)
        finally:
            connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=settings.TASK_WORKER_BEAT_SECONDS + 5)
