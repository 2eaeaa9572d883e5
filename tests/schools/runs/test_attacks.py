import re
from django.test import Client
from schools.runs import services
from tests.factories import a_person_in_every_role


def test_scratch(run, run_lesson, activities, school_class, teacher):
    people = a_person_in_every_role(school_class, school_class.school.municipality)
    for name, user in [("teacher", teacher), *people.items()]:
        c = Client(enforce_csrf_checks=True)
        c.force_login(user)
        for url in (f"{run_lesson.url}klas/", "/mijn/", "/admin/"):
            r = c.get(url)
            m = re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', r.content.decode()
            )
            print(name, url, r.status_code, bool(m), "csrftoken" in c.cookies)
    print(run_lesson.url, activities.keys(), run.code, run.expected)
