"""The write path of one pupil's answer: count it exactly once, within the class's cap.

An answer is never stored as a row. It adds 1 to its session's counters: the number of
answers (`n`) and the count of each value given. Two statements do the work, each rule in
one of them:
- claim: one UPDATE of the session that is open, has this code and the token's question
  set, and has room under the cap; it adds the answer to the counts (and locks the row, so
  answers to one session queue up);
- spend: one INSERT of the token's nonce, whose primary key makes it exactly once.
On PostgreSQL both go in one statement (the claim as a data-modifying WITH, the spend
reading its result), so the usual answer is one round trip and one implicit transaction:
a spent token fails the INSERT and undoes the claim with it. Elsewhere they run one after
the other in a transaction. Both paths are built from the same two pieces of SQL below.
Anything unusual (a wrong code, a closed or full session, a resend) changes nothing and is
then explained by reading the rows."""

import functools
import secrets
import uuid
from contextlib import nullcontext

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.checkins.questions import clean_answers
from schools.checkins.services import (
    ClassFull,
    SessionClosed,
    SessionNotFound,
    TokenUsed,
    normalise_code,
    read_token,
)
from schools.models import (
    CLASS_SIZE_MARGIN,
    CheckInSession,
    UsedToken,
    answer_columns,
    open_sessions,
)
from schools.results.perturbation import KEY_RANGE

# Databases that take the claim and the spend in one statement (a data-modifying WITH).
ONE_STATEMENT_VENDORS = ("postgresql",)


def record_check_in(*, code, token, key, answers):
    """Count one pupil's answer exactly once. True when counted now; False when the same
    answer (same token and key) was counted before: a resend after a dropped connection."""
    session_id, nonce, question_set = read_token(token)
    try:
        key = uuid.UUID(str(key))
    except ValueError as error:
        raise ValidationError({"key": _("The key must be a UUID.")}) from error
    values = clean_answers(question_set=question_set, answers=answers)
    columns = tuple(answer_columns(name)[value] for name, value in values.items())
    # The answer's record key, for the cell key method (schools.results.perturbation).
    record_key = secrets.randbelow(KEY_RANGE)
    claim = [record_key] * len(columns)
    claim += [
        session_id,
        normalise_code(code),
        question_set,
        CLASS_SIZE_MARGIN,
        _db_now(),
    ]
    spend = [nonce, UsedToken._meta.get_field("key").get_db_prep_value(key, connection)]
    try:
        if connection.vendor in ONE_STATEMENT_VENDORS:
            # On its own the statement is its own transaction; inside one (a test, a
            # wrapping request) a savepoint keeps a refusal from breaking it.
            with transaction.atomic() if connection.in_atomic_block else nullcontext():
                counted = _in_one_statement(columns, claim, spend)
        else:
            with transaction.atomic():
                counted = _step_by_step(columns, claim, spend)
    except IntegrityError:
        counted = False  # the token was spent already: nothing changed
    if counted:
        return True
    return _why_not_counted(session_id, code, nonce, key, question_set)


def _db_now():
    field = CheckInSession._meta.get_field("expires_at")
    return field.get_db_prep_value(timezone.now(), connection)


def _in_one_statement(columns, claim, spend):
    claim_sql, spend_sql = _statements(columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH claim AS ({claim_sql}) {spend_sql} FROM claim", claim + spend
        )
        return cursor.rowcount == 1


def _step_by_step(columns, claim, spend):
    claim_sql, spend_sql = _statements(columns)
    with connection.cursor() as cursor:
        cursor.execute(claim_sql, claim)
        claimed = cursor.fetchone()
        if claimed is None:
            return False
        cursor.execute(
            f"{spend_sql} FROM (SELECT %s AS id) claim", [*spend, claimed[0]]
        )
        return True


@functools.cache
def _statements(columns):
    """(claim, spend) for answers that count in these columns. The claim's parameters are
    the record key once per column, then the session, its code, the token's question set,
    the cap's margin and the time; the spend's are the nonce and the idempotency key, with
    the session id read from `claim`."""
    quote = connection.ops.quote_name
    session = CheckInSession._meta
    column = {field.name: quote(field.column) for field in session.concrete_fields}
    counts = [f"{column[name]} = {column[name]} + 1" for name in ("n", *columns)]
    counts += [  # %% is a literal % next to the parameters
        f"{column[name + '_key']} = ({column[name + '_key']} + %s) %% {KEY_RANGE}"
        for name in columns
    ]
    counts = ", ".join(counts)
    claim = (
        f"UPDATE {quote(session.db_table)} SET {counts} "  # noqa: S608 (quoted names)
        f"WHERE {column['id']} = %s AND {column['code']} = %s "
        f"AND {column['question_set']} = %s "
        f"AND {column['n']} < {column['expected']} + %s AND {_open_sql()} "
        f"RETURNING {column['id']}"
    )
    token = UsedToken._meta
    names = ", ".join(
        quote(token.get_field(name).column) for name in ("nonce", "key", "session")
    )
    spend = f"INSERT INTO {quote(token.db_table)} ({names}) SELECT %s, %s, claim.id"
    return claim, spend


def _open_sql():
    """`open_sessions` (the one rule for an open check-in) as SQL with one parameter: now."""
    marker = timezone.now()
    query = CheckInSession.objects.filter(open_sessions(marker)).query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(query.where)
    if len(params) != 1:
        raise RuntimeError("open_sessions is expected to take only the time")
    return f"({sql})"


def _why_not_counted(session_id, code, nonce, key, question_set):
    """The slow path: the same answer again (False), or the error that says why not."""
    session = CheckInSession.objects.filter(pk=session_id).first()
    if session is None or session.code != normalise_code(code):
        raise SessionNotFound
    used = UsedToken.objects.filter(nonce=nonce).first()
    if used is not None:
        if used.session_id == session.pk and used.key == key:
            return False
        raise TokenUsed
    if session.question_set != question_set:
        raise ValidationError(
            {"token": _("This answer form is too old. Enter the code again.")}
        )
    if not session.is_open:
        raise SessionClosed
    raise ClassFull
