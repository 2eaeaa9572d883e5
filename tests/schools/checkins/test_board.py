"""A check-in started from a slide of the presentation: it opens on the board, in the
presentation, and leads back to that slide; the next check-in has the class chosen."""

import re

from django.test import Client

from schools.models import CheckInSession
from tests.factories import SchoolClassFactory


def browser_for(user):
    """A browser that sends the CSRF token like a real one, and must."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    return browser


def start_forms(html):
    """Each check-in slide's start form, as the fields a browser would send."""
    forms = []
    for form in re.findall(r'<form[^>]*action="/sessies/start/".*?</form>', html, re.S):
        fields = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))
        classes = re.findall(r'type="radio" name="school_class" value="(\d+)"', form)
        checked = re.findall(
            r'type="radio" name="school_class" value="(\d+)" required checked', form
        )
        forms.append({"fields": fields, "classes": classes, "checked": checked})
    return forms


def test_a_check_in_from_a_slide_opens_on_the_board_and_leads_back_to_it(
    teacher, school_class, lessons
):
    browser = browser_for(teacher)
    html = browser.get("/lessen/bedankje/klas/").content.decode()
    first = start_forms(html)[0]
    # One class: no chooser, the class is named.
    assert first["fields"]["school_class"] == str(school_class.pk)
    assert f"<strong>{school_class.name}</strong>" in html
    slide = first["fields"]["dia"]
    started = browser.post("/sessies/start/", first["fields"])
    session = CheckInSession.objects.get()
    assert started["Location"] == f"/sessies/{session.code}/?dia={slide}"

    board = browser.get(started["Location"]).content.decode()
    assert 'class="present"' in board and f">{session.code}</p>" in board
    assert f'href="/lessen/bedankje/klas/#dia-{slide}"' in board
    assert "de check-in blijft open" in board

    closed = browser.post(
        f"/sessies/{session.code}/sluiten/",
        {"dia": slide, "csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
    )
    assert closed["Location"] == started["Location"]
    board = browser.get(closed["Location"]).content.decode()
    assert "Deze check-in is gesloten." in board
    assert f'href="/lessen/bedankje/klas/#dia-{slide}"' in board


def test_the_slide_remembers_the_class_of_the_last_check_in(
    teacher, school_class, lessons
):
    other = SchoolClassFactory(
        name="groep 8", school=school_class.school, teachers=[teacher]
    )
    browser = browser_for(teacher)
    forms = start_forms(browser.get("/lessen/bedankje/klas/").content.decode())
    assert (
        forms[0]["classes"] == sorted(forms[0]["classes"])
        and len(forms[0]["classes"]) == 2
    )
    assert forms[0]["checked"] == [forms[0]["classes"][0]]
    browser.post("/sessies/start/", {**forms[0]["fields"], "school_class": other.pk})
    forms = start_forms(browser.get("/lessen/bedankje/klas/").content.decode())
    assert all(form["checked"] == [str(other.pk)] for form in forms)


def test_a_forged_slide_number_opens_the_ordinary_live_view(
    teacher, school_class, lessons
):
    browser = browser_for(teacher)
    fields = start_forms(browser.get("/lessen/bedankje/klas/").content.decode())[0]
    for forged in ("-1", "abc", "99999999999", ""):
        started = browser.post("/sessies/start/", {**fields["fields"], "dia": forged})
        assert started.status_code == 302 and "?dia=" not in started["Location"]
        assert browser.get(started["Location"] + "?dia=" + forged).status_code == 200
