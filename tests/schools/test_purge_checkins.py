import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from schools.checkins.services import close_session
from schools.models import CheckInAnswer, CheckInSession, UsedToken


def test_purge_deletes_old_raw_answers_and_keeps_recent_ones(
    session, answer, school_class, teacher, capsys
):
    from schools.checkins.services import start_session
    from schools.models import Moment

    for mood in (3, 4, 5):
        answer(mood=mood)
    close_session(session=session)
    CheckInSession.objects.filter(pk=session.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=40)
    )
    recent = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    answer(session=recent, mood=2)

    call_command("purge_checkins", "--older-than", "30")
    assert "Deleted 3 raw answers" in capsys.readouterr().out
    assert list(CheckInAnswer.objects.values_list("mood", flat=True)) == [2]
    assert not UsedToken.objects.filter(session=session).exists()
    call_command("purge_checkins")  # the retention setting; nothing more to do
    assert CheckInAnswer.objects.count() == 1


def test_purge_refuses_a_negative_period(db):
    with pytest.raises(CommandError):
        call_command("purge_checkins", "--older-than", "-1")
