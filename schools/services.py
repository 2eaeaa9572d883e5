"""Writes with a rule about schools and classes (check-ins: schools.checkins.services).

Published history never changes: a class or school with check-ins or lessons given is
archived, never deleted, so its atoms stay as they were in every figure."""

from django.db import transaction

from schools import clock
from schools.models import SchoolClass


def archive_class(*, school_class):
    """An archived class keeps its figures and starts no more check-ins."""
    if school_class.archived_on is None:
        school_class.archived_on = clock.today()
        school_class.save(update_fields=["archived_on"])
    return school_class


@transaction.atomic
def archive_school(*, school):
    today = clock.today()
    SchoolClass.objects.filter(school=school, archived_on__isnull=True).update(
        archived_on=today
    )
    if school.archived_on is None:
        school.archived_on = today
        school.save(update_fields=["archived_on"])
    return school


def remove_class(*, school_class):
    """Delete a class made by mistake; archive one with history. Returns what was done."""
    if school_class.has_history:
        archive_class(school_class=school_class)
        return "archived"
    school_class.delete()
    return "deleted"


def remove_school(*, school):
    if school.has_history:
        archive_school(school=school)
        return "archived"
    school.delete()
    return "deleted"
