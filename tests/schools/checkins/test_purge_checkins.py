import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from schools.checkins.services import close_session, start_session
from schools.models import CheckInSession, Moment, UsedToken


def test_purge_deletes_the_spent_tokens_of_ended_sessions_and_no_figure_changes(
    session, answer, school_class, teacher, capsys
):
    for mood in (3, 4, 5):
        answer(mood=mood)
    close_session(session=session)
    CheckInSession.objects.filter(pk=session.pk).update(
        closed_at=timezone.now() - datetime.timedelta(hours=30)
    )
    recent = start_session(
        school_class=school_class, started_by=teacher, moment=Moment.STANDALONE
    )
    answer(session=recent, mood=2)
    before = list(CheckInSession.objects.order_by("pk").values())

    call_command("purge_checkins", "--older-than", "24")
    assert "Deleted 3 spent tokens" in capsys.readouterr().out
    assert not UsedToken.objects.filter(session=session).exists()
    assert UsedToken.objects.filter(session=recent).count() == 1  # still open
    assert list(CheckInSession.objects.order_by("pk").values()) == before
    call_command("purge_checkins")  # the retention setting; nothing more to do
    assert UsedToken.objects.count() == 1


def test_purge_refuses_a_negative_period(db):
    with pytest.raises(CommandError):
        call_command("purge_checkins", "--older-than", "-1")
