"""Scoped admin: a school admin manages only her school, a teacher sees only her classes."""

import pytest
from django.contrib.auth.models import Permission

from schools.models import Membership, Role, SchoolClass
from tests.factories import SchoolClassFactory, SchoolFactory, UserFactory


@pytest.fixture
def schools(db):
    ours, theirs = SchoolFactory(name="De Vuurtoren"), SchoolFactory(name="De Duinroos")
    return {
        "ours": ours,
        "theirs": theirs,
        "our_class": SchoolClassFactory(school=ours, name="groep 4"),
        "their_class": SchoolClassFactory(school=theirs, name="groep 8 elders"),
    }


def staff(role=None, school=None):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if role:
        Membership.objects.create(user=user, school=school, role=role)
    return user


def test_school_admin_lists_and_edits_only_her_school(client, schools):
    admin = staff(Role.SCHOOL_ADMIN, schools["ours"])
    client.force_login(admin)
    listing = client.get("/admin/klassen/").content.decode()
    assert "groep 4" in listing and "groep 8 elders" not in listing
    assert (
        client.get(f"/admin/klassen/edit/{schools['our_class'].pk}/").status_code == 200
    )
    assert (
        client.get(f"/admin/klassen/edit/{schools['their_class'].pk}/").status_code
        == 404
    )
    assert (
        client.post(f"/admin/klassen/delete/{schools['their_class'].pk}/").status_code
        == 404
    )
    assert client.get(f"/admin/scholen/edit/{schools['theirs'].pk}/").status_code == 404


def test_school_admin_adds_classes_only_to_her_school(client, schools):
    admin = staff(Role.SCHOOL_ADMIN, schools["ours"])
    client.force_login(admin)
    form = client.get("/admin/klassen/new/").content.decode()
    assert "De Vuurtoren" in form and "De Duinroos" not in form
    response = client.post(
        "/admin/klassen/new/",
        {
            "school": schools["theirs"].pk,
            "name": "groep 5",
            "groups": ["groep-5-6"],
            "school_year": "2026-2027",
            "pupil_count": 22,
        },
    )
    assert response.status_code == 200  # the form refuses the other school
    assert not SchoolClass.objects.filter(name="groep 5").exists()
    client.post(
        "/admin/klassen/new/",
        {
            "school": schools["ours"].pk,
            "name": "groep 5",
            "groups": ["groep-5-6"],
            "school_year": "2026-2027",
            "pupil_count": 22,
        },
    )
    assert SchoolClass.objects.get(name="groep 5").school == schools["ours"]


def test_teacher_sees_only_her_classes_and_changes_nothing(client, schools):
    teacher = staff(Role.TEACHER, schools["ours"])
    schools["our_class"].teachers.add(teacher)
    SchoolClassFactory(school=schools["ours"], name="groep 7 van een collega")
    client.force_login(teacher)
    listing = client.get("/admin/klassen/").content.decode()
    assert (
        "groep 4" in listing
        and "groep 7 van een collega" not in listing
        and "groep 8 elders" not in listing
    )
    assert (
        client.get(f"/admin/klassen/inspect/{schools['our_class'].pk}/").status_code
        == 200
    )
    assert client.get(
        f"/admin/klassen/edit/{schools['our_class'].pk}/"
    ).status_code in (302, 403)
    assert client.get("/admin/gemeenten/").status_code in (302, 403)
    assert client.get("/admin/lidmaatschappen/").status_code in (302, 403)


def test_staff_without_a_school_see_nothing(client, schools):
    client.force_login(staff())
    assert client.get("/admin/klassen/").status_code in (302, 403)
    assert client.get("/admin/scholen/").status_code in (302, 403)


def test_administrators_manage_everything(admin_client, schools):
    listing = admin_client.get("/admin/klassen/").content.decode()
    assert "groep 4" in listing and "groep 8 elders" in listing
    assert admin_client.get("/admin/gemeenten/").status_code == 200
    assert admin_client.get("/admin/coordinatoren/").status_code == 200


def test_a_school_admin_copies_only_within_her_school(schools):
    """Wagtail's copy view starts from her own class, and its form (the same scoped form
    as add and edit) offers only her school and its teachers."""
    from django.test import Client

    admin = staff(Role.SCHOOL_ADMIN, schools["ours"])
    elsewhere = staff(Role.TEACHER, schools["theirs"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    ours, theirs = schools["our_class"], schools["their_class"]
    form = client.get(f"/admin/klassen/copy/{ours.pk}/").content.decode()
    assert "De Vuurtoren" in form and "De Duinroos" not in form
    assert elsewhere.username not in form
    assert client.get(f"/admin/klassen/copy/{theirs.pk}/").status_code == 404
    response = client.post(
        f"/admin/klassen/copy/{ours.pk}/",
        {
            "school": schools["theirs"].pk,
            "name": "groep 4 (kopie)",
            "groups": ["groep-3-4"],
            "school_year": "2026-2027",
            "pupil_count": 20,
            "teachers": [elsewhere.pk],
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 200  # the form refuses the other school and teacher
    assert not SchoolClass.objects.filter(name="groep 4 (kopie)").exists()
    assert client.get("/admin/scholen/copy/1/").status_code == 404  # no copying schools


@pytest.mark.parametrize("view", ["history", "usage"])
def test_history_and_usage_of_other_schools_are_not_hers(client, schools, view):
    admin = staff(Role.SCHOOL_ADMIN, schools["ours"])
    client.force_login(admin)
    assert (
        client.get(f"/admin/klassen/{view}/{schools['our_class'].pk}/").status_code
        == 200
    )
    assert client.get(f"/admin/scholen/{view}/{schools['ours'].pk}/").status_code == 200
    assert (
        client.get(f"/admin/klassen/{view}/{schools['their_class'].pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/admin/scholen/{view}/{schools['theirs'].pk}/").status_code == 404
    )
