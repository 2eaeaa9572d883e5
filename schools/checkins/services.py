"""Every write with a rule about schools and check-ins."""

import secrets
import uuid
from contextlib import nullcontext

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models import (
    CLASS_SIZE_MARGIN,
    SCALES,
    CheckInAnswer,
    CheckInSession,
    Energy,
    Feeling,
    LessonDelivery,
    Moment,
    QuestionSet,
    ResultCell,
    SchoolClass,
    UsedToken,
    answer_columns,
    session_lifetime,
    week_of,
)

JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B
JOIN_CODE_LENGTH = 6
TOKEN_SALT = "schools.check-in-token"  # noqa: S105  (a signing namespace, not a secret)
OPEN_FIRST = F("closed_at").asc(nulls_first=True)
YOUNG_FACES = (1, 3, 5)  # three faces on the same 1-5 scale as the five


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
    # The ladder is for groep 6 and up; a 5-6 band is the youngest that may include them.
    if (
        moment in (Moment.SERIES_START, Moment.SERIES_END)
        and codes
        and codes <= {"groep-5-6", "groep-7-8", "klas-1-2"}
    ):
        return QuestionSet.LADDER
    return QuestionSet.STANDARD


def _new_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def close_expired_sessions():
    """Expired sessions give their join codes back."""
    return CheckInSession.objects.filter(
        closed_at__isnull=True, expires_at__lte=timezone.now()
    ).update(closed_at=F("expires_at"))


def start_session(*, school_class, started_by, moment, lesson=None):
    """Open a check-in for a class, with a join code unique among open sessions. A session
    for a lesson also records that the lesson was given to the class today."""
    if moment not in Moment.values:
        raise ValidationError({"moment": _("Choose a moment.")})
    close_expired_sessions()
    now = timezone.now()
    for _attempt in range(20):
        try:
            with transaction.atomic():
                session = CheckInSession.objects.create(
                    school_class=school_class,
                    lesson=lesson,
                    moment=moment,
                    question_set=questions_for(
                        school_class=school_class, moment=moment
                    ),
                    code=_new_code(),
                    expected=school_class.pupil_count,
                    started_by=started_by,
                    opened_at=now,
                    expires_at=now + session_lifetime(),
                )
                if lesson is not None:
                    LessonDelivery.objects.get_or_create(
                        school_class=school_class,
                        lesson=lesson,
                        delivered_on=timezone.localdate(now),
                    )
                return session
        except IntegrityError:
            continue  # the code was taken by another open session: draw again
    raise RuntimeError(
        "no free join code after 20 draws"
    )  # 1 in 10^30 with the alphabet above


def find_session(code):
    """The session behind a join code: open first, else the latest closed one."""
    code = normalise_code(code)
    if len(code) != JOIN_CODE_LENGTH or set(code) - set(JOIN_CODE_ALPHABET):
        raise SessionNotFound
    session = (
        CheckInSession.objects.filter(code=code)
        .select_related("school_class")
        .order_by("closed_at", "-opened_at")
        .first()
    )
    if session is None:
        raise SessionNotFound
    return session


def issue_token(*, session):
    """A signed one-time token for one pupil's answer. It carries the session and a random
    nonce, nothing about the pupil or the device."""
    return signing.dumps(
        {"s": session.pk, "n": secrets.token_hex(16), "q": session.question_set},
        salt=TOKEN_SALT,
        compress=False,
    )


def new_idempotency_key():
    return str(uuid.uuid4())


def _read_token(token):
    try:
        data = signing.loads(str(token), salt=TOKEN_SALT, max_age=session_lifetime())
        return int(data["s"]), str(data["n"])[:32], data.get("q")
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            {"token": _("This answer form is too old. Enter the code again.")}
        ) from error


def clean_answers(*, question_set, answers):
    """Values for one answer, checked against the session's questions. Every question may be skipped."""
    if not isinstance(answers, dict):
        raise ValidationError({"answers": _("Answers must be an object.")})
    allowed = {
        QuestionSet.YOUNG: {"mood"},
        QuestionSet.STANDARD: {"mood", "energy", "feeling"},
        QuestionSet.LADDER: {"ladder"},
    }[question_set]
    errors = {}
    unknown = set(answers) - allowed
    if unknown:
        errors["answers"] = _("Unknown questions: %(names)s.") % {
            "names": ", ".join(sorted(map(str, unknown)))
        }
    values = {"mood": None, "energy": "", "feeling": "", "ladder": None}
    mood_choices = YOUNG_FACES if question_set == QuestionSet.YOUNG else (1, 2, 3, 4, 5)
    checks = {
        "mood": (
            lambda v: type(v) is int and v in mood_choices,
            _("Choose one of the faces."),
        ),
        "energy": (lambda v: v in Energy.values, _("Choose low, medium or high.")),
        "feeling": (
            lambda v: v in Feeling.values,
            _("Choose one of the feeling words."),
        ),
        "ladder": (
            lambda v: type(v) is int and 0 <= v <= 10,
            _("Choose a number from 0 to 10."),
        ),
    }
    for name in allowed:
        value = answers.get(name)
        if value in (None, ""):
            continue
        is_valid, message = checks[name]
        if is_valid(value):
            values[name] = value
        else:
            errors[name] = message
    if errors:
        raise ValidationError(errors)
    return values


class _Resent(Exception):
    """Inside record_check_in: the token was spent already; undo the claimed place."""


def record_check_in(*, code, token, key, answers):
    """Store one pupil's answer exactly once. Returns True when stored now, False when the
    same answer (same token and key) was stored before: a resend after a dropped connection.

    This is the hottest write of the platform (a whole region checks in at 8:30). On
    PostgreSQL the usual case is one round trip: the function `schools_record_check_in`
    (migration 0005) does the steps below in one statement, and anything unusual rolls it
    back and takes the path below. Everywhere else, and for anything unusual, the steps
    run from here, one statement per rule, in one transaction: claim a place in the open
    session (the conditional UPDATE is the cap, and locks the session row), spend the token
    (its unique constraint is exactly-once), store the answer, count it into its result
    cell. A wrong code, a closed session or a resend is then sorted out by reading the rows.
    Every service test runs against both paths (CI runs the suite on SQLite and PostgreSQL)."""
    session_id, nonce, question_set = _read_token(token)
    try:
        key = uuid.UUID(str(key))
    except ValueError as error:
        raise ValidationError({"key": _("The key must be a UUID.")}) from error
    code = normalise_code(code)
    if question_set and connection.vendor == "postgresql":
        values = clean_answers(question_set=question_set, answers=answers)
        if _record_in_one_statement(session_id, code, nonce, key, question_set, values):
            return True
    return _record_step_by_step(session_id, code, nonce, key, answers)


def _record_step_by_step(session_id, code, nonce, key, answers):
    try:
        with transaction.atomic():
            claimed = _claim_place(session_id, code)
            if claimed is None:
                raise _Resent  # not open, not this code, or full: see below
            class_id, lesson_id, moment, question_set = claimed
            values = clean_answers(question_set=question_set, answers=answers)
            if not _spend_token(session_id, nonce, key):
                raise _Resent
            today = timezone.localdate()
            CheckInAnswer.objects.bulk_create(
                [CheckInAnswer(session_id=session_id, answered_on=today, **values)]
            )
            cell = {
                "school_class_id": class_id,
                "week": week_of(today),
                "lesson_key": lesson_id or 0,
                "moment": moment,
            }
            _count(cell, values)
    except _Resent:
        return _why_not_stored(session_id, code, nonce, key)
    return True


def _record_in_one_statement(session_id, code, nonce, key, question_set, values):
    """The usual case on PostgreSQL, in one round trip. True when stored; False when the
    function found something unusual and undid everything (the caller then takes the
    step-by-step path). The first answer of a week has no result cell yet: make it and
    try once more."""
    today = timezone.localdate()
    columns = [
        answer_columns(question)[value]
        for question, value in values.items()
        if value not in (None, "")
    ]
    arguments = [
        session_id,
        code,
        nonce,
        key,
        timezone.now(),
        CLASS_SIZE_MARGIN,
        today,
        week_of(today),
        values["mood"],
        values["energy"],
        values["feeling"],
        values["ladder"],
        question_set,
        columns,
    ]
    for _attempt in range(2):
        try:
            # Inside a transaction (a test, a wrapping request) a savepoint keeps a
            # refusal from breaking it; on its own the statement is its own transaction.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT schools_record_check_in(%s, %s, %s, %s, %s, %s, %s, %s, "
                        "%s, %s, %s, %s, %s, %s::text[])",
                        arguments,
                    )
                    return cursor.fetchone()[0] == "stored"
        except DatabaseError as error:
            message = str(error)
            if "lessen:no-cell" not in message:
                if "lessen:" in message:
                    return False
                raise
        session = CheckInSession.objects.get(pk=session_id)
        _new_result_cell(_cell_key(session, today))
    return False


_CLAIM = None


def _claim_place(session_id, code):
    """One more answer in this session, if it is open, has this code and has room: (class,
    lesson, moment, question set), or None. UPDATE ... RETURNING in PostgreSQL and SQLite."""
    global _CLAIM  # noqa: PLW0603 (the statement is built once, from the model's own names)
    if _CLAIM is None:
        meta = CheckInSession._meta
        column = {f.name: connection.ops.quote_name(f.column) for f in meta.fields}
        _CLAIM = (
            f"UPDATE {connection.ops.quote_name(meta.db_table)} "  # noqa: S608 (quoted names)
            f"SET {column['answer_count']} = {column['answer_count']} + 1 "
            f"WHERE {column['id']} = %s AND {column['code']} = %s "
            f"AND {column['closed_at']} IS NULL AND {column['expires_at']} > %s "
            f"AND {column['answer_count']} < {column['expected']} + %s "
            f"RETURNING {column['school_class']}, {column['lesson']}, "
            f"{column['moment']}, {column['question_set']}"
        )
    now = CheckInSession._meta.get_field("expires_at").get_db_prep_value(
        timezone.now(), connection
    )
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM, [session_id, code, now, CLASS_SIZE_MARGIN])
        return cursor.fetchone()


def _spend_token(session_id, nonce, key):
    """Mark the token spent; False when it was spent already (its unique constraint)."""
    meta = UsedToken._meta
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(name).column) for name in ("session", "nonce", "key")
    )
    conflict = ", ".join(
        quote(meta.get_field(name).column) for name in ("session", "nonce")
    )
    key_value = meta.get_field("key").get_db_prep_value(key, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES (%s, %s, %s) "  # noqa: S608 (quoted names)
            f"ON CONFLICT ({conflict}) DO NOTHING",
            [session_id, nonce, key_value],
        )
        return cursor.rowcount == 1


def _why_not_stored(session_id, code, nonce, key):
    """The slow path: the same answer again (False), or the error that says why not."""
    session = CheckInSession.objects.filter(pk=session_id).first()
    if session is None or session.code != code:
        raise SessionNotFound
    used = UsedToken.objects.filter(session=session, nonce=nonce).first()
    if used is not None:
        if used.key == key:
            return False
        raise TokenUsed
    if not session.is_open:
        raise SessionClosed
    raise ClassFull


def _cell_key(session, day):
    return {
        "school_class_id": session.school_class_id,
        "week": week_of(day),
        "lesson_key": session.lesson_id or 0,
        "moment": session.moment,
    }


def _new_result_cell(cell_key):
    school_class = SchoolClass.objects.select_related("school").get(
        pk=cell_key["school_class_id"]
    )
    cell, _created = ResultCell.objects.get_or_create(
        **cell_key,
        defaults={
            "school_id": school_class.school_id,
            "municipality_id": school_class.school.municipality_id,
            # A combination class counts in its youngest band.
            "band": school_class.groups.order_by("order")
            .values_list("code", flat=True)
            .first()
            or "",
        },
    )
    return cell


def count_in_result_cell(*, session, day, values):
    """Add one answer to the counts that results are read from, in the answer's transaction."""
    _count(_cell_key(session, day), values)


def _count(cell_key, values):
    """The cell usually exists: update it in one statement, and create it only when it does not."""
    updates = {"n": F("n") + 1}
    for question in SCALES:
        value = values.get(question)
        if value not in (None, ""):
            column = answer_columns(question)[value]
            updates[column] = F(column) + 1
    if not ResultCell.objects.filter(**cell_key).update(**updates):
        ResultCell.objects.filter(pk=_new_result_cell(cell_key).pk).update(**updates)


@transaction.atomic
def rebuild_result_cells(*, sessions):
    """Count the answers of these sessions into result cells from scratch (after a bulk
    load). Only for sessions whose raw answers are all still there."""
    sessions = list(sessions.select_related("school_class__school"))
    by_id = {session.pk: session for session in sessions}
    ResultCell.objects.filter(
        school_class__in={session.school_class_id for session in sessions}
    ).delete()
    totals = {}
    answers = CheckInAnswer.objects.filter(session__in=list(by_id)).values_list(
        "session_id", "answered_on", *SCALES
    )
    for session_id, day, *values in answers.iterator(chunk_size=5000):
        session = by_id[session_id]
        key = (
            session.school_class_id,
            week_of(day),
            session.lesson_id or 0,
            session.moment,
        )
        counts = totals.setdefault(key, {"session": session, "day": day, "n": 0})
        counts["n"] += 1
        for question, value in zip(SCALES, values, strict=True):
            if value not in (None, ""):
                column = answer_columns(question)[value]
                counts[column] = counts.get(column, 0) + 1
    for counts in totals.values():
        session, day = counts.pop("session"), counts.pop("day")
        cell = _new_result_cell(_cell_key(session, day))
        ResultCell.objects.filter(pk=cell.pk).update(**counts)
    return len(totals)


def purge_answers(*, before):
    """Delete raw answers and spent tokens of sessions that ended before a date. The
    result cells already hold their counts, so no figure changes."""
    old = CheckInSession.objects.filter(
        Q(closed_at__date__lt=before) | Q(expires_at__date__lt=before)
    )
    with transaction.atomic():
        answers, _ = CheckInAnswer.objects.filter(session__in=old).delete()
        UsedToken.objects.filter(session__in=old).delete()
    return answers


def close_session(*, session):
    if session.closed_at is None:
        session.closed_at = timezone.now()
        session.save(update_fields=["closed_at"])
    return session


def show_live_results(*, session, visible):
    session.show_live_results = bool(visible)
    session.save(update_fields=["show_live_results"])
    return session
