"""Every write with a rule about check-ins, but the answer itself (schools.checkins.recording)."""

import secrets
import uuid

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools import clock
from schools.models import (
    CheckInSession,
    LessonDelivery,
    Moment,
    QuestionSet,
    UsedToken,
    session_lifetime,
)

JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B
JOIN_CODE_LENGTH = 6
TOKEN_SALT = "schools.check-in-token"  # noqa: S105  (a signing namespace, not a secret)
OPEN_FIRST = F("closed_at").asc(nulls_first=True)


class CheckInError(Exception):
    """A check-in that cannot be taken; `status` is the HTTP status an API gives it."""

    status = 409
    message = ""

    def __str__(self):
        return str(self.message)


class SessionNotFound(CheckInError):
    status = 404
    message = _("This code does not work. Check the code on the board and try again.")


class SessionClosed(CheckInError):
    message = _("This check-in is closed. Thank you anyway!")


class TokenUsed(CheckInError):
    message = _("You have already answered. Thank you!")


class ClassFull(CheckInError):
    message = _("Everyone in this class has answered already.")


def normalise_code(code):
    return "".join(str(code or "").split()).replace("-", "").upper()[:16]


def questions_for(*, school_class, moment):
    codes = set(school_class.groups.values_list("code", flat=True))
    if "groep-1-2" in codes:
        return QuestionSet.YOUNG
    # The ladder is for groep 6 and up; a 5-6 group is the youngest that may include them.
    if (
        moment in (Moment.SERIES_START, Moment.SERIES_END)
        and codes
        and codes <= {"groep-5-6", "groep-7-8", "klas-1-2"}
    ):
        return QuestionSet.LADDER
    return QuestionSet.STANDARD


def new_join_code():
    """A join code that no open check-in and no live lesson run holds now: the pupils'
    join page takes both kinds of code. The tables' constraints keep each kind unique."""
    from schools.models import LessonRun

    for _attempt in range(20):
        code = "".join(
            secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH)
        )
        if not (
            CheckInSession.objects.open().filter(code=code).exists()
            or LessonRun.objects.live().filter(code=code).exists()
        ):
            return code
    # 1 in 10^30 with the alphabet above.
    raise RuntimeError("no free join code after 20 draws")


def close_expired_sessions(*, now=None):
    """Expired sessions give their join codes back."""
    now = now or timezone.now()
    return CheckInSession.objects.filter(
        closed_at__isnull=True, expires_at__lte=now
    ).update(closed_at=F("expires_at"))


def where_it_counts(school_class, today):
    """Where a class's check-in or lesson run of today counts, as it is today: moving a
    class or a school later never moves what was counted."""
    return {
        "school_class": school_class,
        "school_id": school_class.school_id,
        "municipality_id": school_class.school.municipality_id,
        "group": school_class.youngest_group(),
        "week": clock.week_of(today),
    }


def record_delivery(*, lesson, where, today):
    """The lesson was given to the class today (once a day, however often it is run)."""
    LessonDelivery.objects.get_or_create(
        school_class=where["school_class"],
        lesson=lesson,
        delivered_on=today,
        defaults={key: value for key, value in where.items() if key != "school_class"},
    )


def start_session(*, school_class, started_by, moment, lesson=None):
    """Open a check-in for a class, with a join code unique among open sessions. It keeps
    where it counts (school, municipality, group, week) as they are today. A session for a
    lesson also records that the lesson was given to the class today."""
    if moment not in Moment.values:
        raise ValidationError({"moment": _("Choose a moment.")})
    if school_class.archived_on or school_class.school.archived_on:
        raise ValidationError(
            {"school_class": _("This class is archived: it cannot start check-ins.")}
        )
    close_expired_sessions()
    now = timezone.now()
    today = clock.today(now)
    where = where_it_counts(school_class, today)
    for _attempt in range(20):
        try:
            with transaction.atomic():
                session = CheckInSession.objects.create(
                    **where,
                    lesson=lesson,
                    moment=moment,
                    question_set=questions_for(
                        school_class=school_class, moment=moment
                    ),
                    code=new_join_code(),
                    expected=school_class.pupil_count,
                    started_by=started_by,
                    opened_at=now,
                    expires_at=now + session_lifetime(),
                )
                if lesson is not None:
                    record_delivery(lesson=lesson, where=where, today=today)
                return session
        except IntegrityError:
            continue  # the code was taken by another open session: draw again
    # 1 in 10^30 with the alphabet above.
    raise RuntimeError("no free join code after 20 draws")


def find_session(code):
    """The session behind a join code: the open one first, else the latest closed one."""
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH or set(code) - set(JOIN_CODE_ALPHABET):
        raise SessionNotFound
    session = (
        CheckInSession.objects.filter(code=code)
        .select_related("school_class")
        .order_by(OPEN_FIRST, "-opened_at")
        .first()
    )
    if session is None:
        raise SessionNotFound
    return session


def issue_token(*, session):
    """A signed one-time token for one pupil's answer. It carries the session, its question
    set and a random nonce, nothing about the pupil or the device."""
    return signing.dumps(
        {"s": session.pk, "n": secrets.token_hex(16), "q": session.question_set},
        salt=TOKEN_SALT,
        compress=False,
    )


def read_token(token):
    """(session id, nonce, question set) from a token this platform signed."""
    try:
        data = signing.loads(str(token), salt=TOKEN_SALT, max_age=session_lifetime())
        return int(data["s"]), str(data["n"])[:32], str(data["q"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            {"token": _("This answer form is too old. Enter the code again.")}
        ) from error


def kept_token(session, token):
    """A token a browser kept for this session: (token, spent) when it is a good one for
    this session (spent: it has counted an answer already), else (None, False)."""
    try:
        session_id, nonce, question_set = read_token(token)
    except ValidationError:
        return None, False
    if session_id != session.pk or question_set != session.question_set:
        return None, False
    return token, UsedToken.objects.filter(nonce=nonce).exists()


def new_idempotency_key():
    return str(uuid.uuid4())


def close_session(*, session):
    if session.closed_at is None:
        session.closed_at = timezone.now()
        session.save(update_fields=["closed_at"])
    return session


def purge_spent_tokens(*, ended_before):
    """Delete the spent tokens of sessions that ended before a moment: a closed session
    takes no answers, so they are no longer needed for exactly-once. No figure changes:
    the counts are in the sessions."""
    close_expired_sessions()
    ended = CheckInSession.objects.filter(closed_at__lt=ended_before)
    deleted, _by_model = UsedToken.objects.filter(session__in=ended).delete()
    return deleted
