"""Background work (issue 17): with a queue (TASKS_BACKEND=database) the nightly jobs and
Wagtail's tasks wait in PostgreSQL for `manage.py run_worker`; a task left running by a
worker that stopped is run again, once; /healthz/worker tells monitoring when no worker
runs or tasks wait too long. Without a queue (development, tests) they run at once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from cms import worker
from cms.models import TaskWorker
from schools import tasks

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    settings.TASKS = QUEUE
    return settings


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """The worker closes old connections between tasks, as a request does; in a test
    that would close the test's own database."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker_once(worker_id="worker-b"):
    """django-tasks-db's worker, in this thread: every ready task, then it stops."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def claimed(by):
    """The nightly purge, queued and claimed by the workers `by` (each one try)."""
    result = tasks.purge_checkins.enqueue()
    row = DBTaskResult.objects.get(pk=result.id)
    for worker_id in by:
        row.claim(worker_id)
    return row


def test_without_a_queue_the_nightly_jobs_run_at_once(settings, capsys):
    settings.TASKS = IMMEDIATE
    call_command("nightly")
    out = capsys.readouterr().out
    assert out.count("SUCCESSFUL") == 2, out
    assert not DBTaskResult.objects.exists()


def test_with_a_queue_the_nightly_jobs_wait_for_the_worker_and_it_runs_them(
    queue, capsys
):
    call_command("nightly")
    assert sorted(DBTaskResult.objects.values_list("status", "task_path")) == [
        (TaskResultStatus.READY, "schools.tasks.purge_checkins"),
        (TaskResultStatus.READY, "schools.tasks.refresh_result_rollups"),
    ]
    run_worker_once()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {
        TaskResultStatus.SUCCESSFUL
    }


def test_a_task_whose_worker_stopped_runs_again_once(queue):
    row = claimed(by=["worker-a"])  # worker-a was killed while it ran
    worker.beat("worker-a", now=timezone.now() - datetime.timedelta(minutes=5))
    assert worker.recover_abandoned() == (1, 0)
    row.refresh_from_db()
    assert (row.status, row.started_at) == (TaskResultStatus.READY, None)
    run_worker_once("worker-b")
    row.refresh_from_db()
    assert (row.status, row.worker_ids) == (
        TaskResultStatus.SUCCESSFUL,
        ["worker-a", "worker-b"],
    )
    assert worker.recover_abandoned() == (0, 0)  # done: nothing to give back


def test_a_task_that_stopped_its_worker_twice_fails_instead_of_looping(queue):
    row = claimed(by=["worker-a", "worker-b"])
    assert worker.recover_abandoned() == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == "cms.worker.WorkerStopped"


def test_the_task_of_a_worker_that_is_alive_is_left_alone(queue):
    row = claimed(by=["worker-a"])
    worker.beat("worker-a")
    assert worker.recover_abandoned() == (0, 0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


def test_stopped_workers_are_forgotten(queue):
    worker.beat("worker-a", now=timezone.now() - datetime.timedelta(minutes=5))
    worker.beat("worker-b")
    worker.recover_abandoned()
    assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["worker-b"]


def test_healthz_worker_says_when_no_worker_runs_or_tasks_wait(queue, client):
    def check():
        response = client.get("/healthz/worker")
        return response.status_code, response.json()

    assert check() == (503, {"status": "unavailable", "workers": 0, "backlog": 0})
    worker.beat("worker-a")
    assert check() == (200, {"status": "ok", "workers": 1, "backlog": 0})
    tasks.purge_checkins.enqueue()
    DBTaskResult.objects.update(
        enqueued_at=timezone.now()
        - datetime.timedelta(seconds=queue.TASK_BACKLOG_SECONDS + 1)
    )
    assert check() == (503, {"status": "unavailable", "workers": 1, "backlog": 1})


def test_healthz_worker_without_a_queue_has_nothing_to_check(settings, client):
    settings.TASKS = IMMEDIATE
    response = client.get("/healthz/worker")
    assert response.status_code == 200
    assert response.json()["worker"] is None


def test_the_load_balancers_healthz_does_not_depend_on_the_worker(queue, client):
    """An app server serves pages without a worker: the load balancer must keep it."""
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_run_worker_beats_while_it_runs_and_is_forgotten_when_it_stops(
    settings, monkeypatch, capsys
):
    """The command production runs: django-tasks-db's worker with its heartbeat (a
    thread of its own, as in production)."""
    settings.TASKS = QUEUE
    seen = []
    tasks.purge_checkins.enqueue()
    beat = worker.beat
    monkeypatch.setattr(
        worker, "beat", lambda worker_id: (beat(worker_id), seen.append(worker_id))
    )
    call_command("run_worker", batch=True, interval=0, worker_id="the-worker")
    assert seen[:1] == ["the-worker"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert not TaskWorker.objects.exists()
