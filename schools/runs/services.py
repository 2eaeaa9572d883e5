"""Every write with a rule about lesson runs: starting, what the board shows, the reveal,
the end, and one pupil's answer to a class activity."""

import datetime
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, PositiveIntegerField, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools import clock
from schools.checkins.services import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    CheckInError,
    TokenUsed,
    new_join_code,
    normalise_code,
    record_delivery,
    where_it_counts,
)
from schools.models import (
    CLASS_SIZE_MARGIN,
    LessonRun,
    OptionCount,
    RunActivity,
    Showing,
    SpentActivityToken,
)
from schools.results.activities import can_reveal
from schools.results.perturbation import KEY_RANGE
from schools.runs import following

TOKEN_SALT = "schools.activity-token"  # noqa: S105  (a signing namespace, not a secret)


class RunNotFound(CheckInError):
    status = 404
    message = _("This code does not work. Check the code on the board and try again.")


class ActivityClosed(CheckInError):
    message = _("This question is closed: look at the board.")


class ActivityFull(CheckInError):
    message = _("Everyone in this class has answered already.")


class TooFewAnswers(CheckInError):
    message = _("The result can be shown from %(count)s answers.")


def run_end(started_at):
    """When a run started now ends: after settings.LESSON_RUN_HOURS, or (None, the
    default) at the end of the school day, midnight in the platform's time zone."""
    if settings.LESSON_RUN_HOURS:
        return started_at + datetime.timedelta(hours=settings.LESSON_RUN_HOURS)
    tomorrow = clock.today(started_at) + datetime.timedelta(days=1)
    return datetime.datetime.combine(
        tomorrow, datetime.time.min, tzinfo=clock.platform_zone()
    )


def start_run(*, school_class, lesson, started_by):
    """The class's live run of this lesson, started now if there is none: a second board
    or a reload finds the same run and code."""
    if school_class.archived_on or school_class.school.archived_on:
        raise ValidationError(
            {"school_class": _("This class is archived: it cannot start lessons.")}
        )
    end_finished_runs()
    live = LessonRun.objects.live().filter(school_class=school_class, lesson=lesson)
    if run := live.first():
        return run
    now = timezone.now()
    today = clock.today(now)
    where = where_it_counts(school_class, today)
    for _attempt in range(20):
        try:
            with transaction.atomic():
                run = LessonRun.objects.create(
                    **where,
                    lesson=lesson,
                    code=new_join_code(),
                    expected=school_class.pupil_count,
                    started_by=started_by,
                    started_at=now,
                    ends_at=run_end(now),
                )
                # Running a lesson with the class is giving it (as a check-in of it is).
                record_delivery(lesson=lesson, where=where, today=today)
        except IntegrityError:
            continue  # the code was taken meanwhile: draw again
        following.publish(run)
        return run
    raise RuntimeError("no free join code after 20 draws")


def find_run(code):
    """The live run behind a join code, else the latest ended one; RunNotFound if none."""
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH or set(code) - set(JOIN_CODE_ALPHABET):
        raise RunNotFound
    run = (
        LessonRun.objects.filter(code=code)
        .order_by(F("ended_at").asc(nulls_first=True), "-started_at")
        .first()
    )
    if run is None:
        raise RunNotFound
    return run


def _show(run, *, showing, activity="", check_in=None):
    """Change what the pupils' screens show; a change gets a new version, so following
    screens notice it. Showing the same again changes nothing."""
    if (run.showing, run.activity, run.check_in_id) == (
        showing,
        activity,
        check_in.pk if check_in else None,
    ):
        return run
    LessonRun.objects.filter(pk=run.pk).update(
        showing=showing,
        activity=activity,
        check_in=check_in,
        version=F("version") + 1,
    )
    run.refresh_from_db()
    following.publish(run)
    return run


def move_board(*, run, activity_id="", check_in=False):
    """The board moved to a slide: with a class activity (its block id), a check-in, or
    neither. An activity shown for the first time is copied from the lesson and gets its
    counters; an unknown id shows the pupils nothing new."""
    if not run.is_live:
        return run
    if activity_id:
        activity = open_activity(run, activity_id)
        if activity is not None:
            return _show(run, showing=Showing.ACTIVITY, activity=activity_id)
    if check_in and run.check_in_id and run.check_in.is_open:
        return _show(run, showing=Showing.CHECK_IN, check_in=run.check_in)
    return _show(run, showing=Showing.WAIT, check_in=run.check_in)


def open_activity(run, activity_id):
    """The run's copy of one of its lesson's activities, made with a counter per option
    the first time; None for an id the lesson does not have."""
    activity = RunActivity.objects.filter(run=run, activity=activity_id).first()
    if activity is not None:
        return activity
    value = run.lesson.specific.class_activities.get(activity_id)
    if value is None:
        return None
    with transaction.atomic():
        activity, created = RunActivity.objects.get_or_create(
            run=run, activity=activity_id, defaults={"definition": value.definition}
        )
        if created:
            OptionCount.objects.bulk_create(
                OptionCount(activity=activity, option=option["value"])
                for option in activity.definition["options"]
            )
    return activity


def follow_check_in(session):
    """A check-in started from a slide of a lesson that its class is running: the pupils'
    screens go to it."""
    run = (
        LessonRun.objects.live()
        .filter(school_class_id=session.school_class_id, lesson_id=session.lesson_id)
        .first()
    )
    if run is not None:
        _show(run, showing=Showing.CHECK_IN, check_in=session)
    return run


def live_run_with_code(code):
    """The live run of a join code, or None (the join page then looks for a check-in)."""
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH:
        return None
    return LessonRun.objects.live().filter(code=code).first()


def reveal(*, run, activity_id):
    """The teacher shows the result on the board: from enough answers only, and it closes
    the question, so no later answer can be told apart by watching the result change."""
    activity = RunActivity.objects.filter(run=run, activity=activity_id).first()
    if activity is None or not run.is_live:
        raise ActivityClosed
    if activity.revealed_at is None:
        if not can_reveal(activity):
            raise TooFewAnswers
        RunActivity.objects.filter(pk=activity.pk, revealed_at__isnull=True).update(
            revealed_at=timezone.now()
        )
        activity.refresh_from_db()
        LessonRun.objects.filter(pk=run.pk).update(version=F("version") + 1)
        run.refresh_from_db()
        following.publish(run)
    return activity


def end_run(*, run, now=None):
    """End a run: its activities' counts and spent tokens are deleted; what remains is
    that the lesson was run and how many activities were held (pupils answered)."""
    now = now or timezone.now()
    with transaction.atomic():
        run = LessonRun.objects.select_for_update().get(pk=run.pk)
        held = run.activities.filter(n__gt=0).count()
        run.activities.all().delete()
        run.spent_tokens.all().delete()
        if run.ended_at is None:
            run.ended_at = min(now, run.ends_at)
            run.activities_held = held
        run.showing, run.activity, run.version = Showing.ENDED, "", run.version + 1
        run.save()
    following.publish(run)
    return run


def settle(run):
    """A run past its end is ended when it is next touched (its counts deleted), not only
    by the nightly purge: nothing of it can be read after its end."""
    if run.showing != Showing.ENDED and not run.is_live:
        return end_run(run=run)
    return run


def end_finished_runs(*, now=None):
    """End the runs past their end, and delete whatever an ended run still holds."""
    now = now or timezone.now()
    finished = LessonRun.objects.exclude(showing=Showing.ENDED).exclude(
        ended_at__isnull=True, ends_at__gt=now
    )
    runs = list(finished)
    for run in runs:
        end_run(run=run, now=now)
    return len(runs)


def issue_token(*, run, activity_id):
    """A signed one-time token for one pupil's answer to one activity: the run, the
    activity and a random nonce, nothing about the pupil or the device."""
    return signing.dumps(
        {"r": run.pk, "a": activity_id, "n": secrets.token_hex(16)},
        salt=TOKEN_SALT,
        compress=False,
    )


def read_token(token):
    """(run id, activity id, nonce) from a token this platform signed."""
    try:
        data = signing.loads(
            str(token), salt=TOKEN_SALT, max_age=datetime.timedelta(days=1)
        )
        return int(data["r"]), str(data["a"])[:64], str(data["n"])[:32]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            {"token": _("This question is too old. Look at the board.")}
        ) from error


def token_spent(token):
    try:
        _run, _activity, nonce = read_token(token)
    except ValidationError:
        return False
    return SpentActivityToken.objects.filter(nonce=nonce).exists()


def clean_choices(definition, chosen):
    """The chosen option values, checked against the activity: known values, no value
    twice, and as many as it asks for."""
    values = list(dict.fromkeys(str(value) for value in chosen))
    known = {option["value"] for option in definition["options"]}
    fewest, most = definition["choose"]
    if not values or set(values) - known:
        raise ValidationError(_("Choose an answer."))
    if len(values) > most:
        raise ValidationError(_("Choose at most %(count)s.") % {"count": most})
    if len(values) < fewest:
        raise ValidationError(_("Choose at least %(count)s.") % {"count": fewest})
    return values


def record_answer(*, run, token, chosen):
    """Count one pupil's answer to the activity its token is for, exactly once, within the
    class's cap, and only while the question is open. Counts only: the answer's options
    each get 1 more and the answer's random record key added to their cell key; the token's
    nonce is kept (without the answer) until the run ends, so it counts once."""
    run_id, activity_id, nonce = read_token(token)
    if run_id != run.pk or not run.is_live:
        raise ActivityClosed
    activity = RunActivity.objects.filter(run=run, activity=activity_id).first()
    if activity is None:
        raise ActivityClosed
    values = clean_choices(activity.definition, chosen)
    record_key = secrets.randbelow(KEY_RANGE)
    try:
        with transaction.atomic():
            SpentActivityToken.objects.create(nonce=nonce, run=run)
            claimed = RunActivity.objects.filter(
                pk=activity.pk,
                revealed_at__isnull=True,
                n__lt=run.expected + CLASS_SIZE_MARGIN,
            ).update(n=F("n") + 1)
            if not claimed:
                activity.refresh_from_db()
                raise ActivityClosed if activity.revealed_at else ActivityFull
            # Every option row is written, chosen or not: on PostgreSQL the rows an
            # answer wrote (their transaction id, their place on disk) would else tell
            # which options the last pupil chose.
            chosen_here = Q(option__in=values)
            OptionCount.objects.filter(activity=activity).update(
                n=Case(
                    When(chosen_here, then=F("n") + 1),
                    default=F("n"),
                    output_field=PositiveIntegerField(),
                ),
                key=Case(
                    When(chosen_here, then=(F("key") + record_key) % KEY_RANGE),
                    default=F("key"),
                    output_field=PositiveIntegerField(),
                ),
            )
    except IntegrityError:
        raise TokenUsed from None
    return True
