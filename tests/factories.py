import datetime
import random

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from cms.models import HomePage, StandardPage
from lessons.models import GroupBand, LessonIndexPage, LessonPage, Theme
from schools.models import (
    CoordinatorScope,
    Membership,
    Municipality,
    Role,
    School,
    SchoolClass,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("test-password-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


def staff(**kwargs):
    """A user who may open the admin (and nothing more until given a role)."""
    user = UserFactory(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def a_person_in_every_role(school_class, municipality, *, person=staff):
    """The people who could look at a class's figures: its teacher, the admin of its
    school, a coordinator of the municipality, a regional coordinator and a stranger."""
    people = {
        role: person()
        for role in ("teacher", "school_admin", "coordinator", "regional", "stranger")
    }
    school_class.teachers.add(people["teacher"])
    Membership.objects.create(
        user=people["school_admin"], school=school_class.school, role=Role.SCHOOL_ADMIN
    )
    CoordinatorScope.objects.create(
        user=people["coordinator"], municipality=municipality
    )
    CoordinatorScope.objects.create(user=people["regional"], municipality=None)
    return people


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Lessen in geluk"
    intro = "Lessen over geluk voor groep 1 tot en met 8."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    description = "Een thema."

    class Meta:
        model = Theme
        django_get_or_create = ["slug"]


def step(
    title="Kringgesprek",
    minutes=10,
    activities=(),
    teacher_note="",
    organisation="whole_class",
    work="conversation",
):
    return {
        "type": "step",
        "value": {
            "title": title,
            "minutes": minutes,
            "organisation": organisation,
            "work": work,
            "instructions": f"<p>Instructie voor {title}.</p>",
            "teacher_note": teacher_note,
            "activities": [
                {"type": kind, "value": value} for kind, value in activities
            ],
        },
    }


def check_in(moment="lesson_start"):
    return {
        "type": "check_in",
        "value": {"moment": moment, "prompt": "Hoe voel jij je nu?"},
    }


class LessonIndexPageFactory(wagtail_factories.PageFactory):
    title = "Lessen"
    slug = "lessen"

    class Meta:
        model = LessonIndexPage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Les {n}")
    summary = "Een les over geluk."
    duration = 30
    goals = "<ul><li>De leerlingen weten wat geluk is.</li></ul>"
    steps = factory.LazyFunction(
        lambda: [
            check_in("lesson_start"),
            step("Start", 10),
            step("Midden", 15),
            step("Slot", 5),
            check_in("lesson_end"),
        ]
    )

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set(GroupBand.objects.filter(code__in=extracted))
            self.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    name = "Den Helder"
    slug = factory.LazyAttribute(
        lambda municipality: municipality.name.lower().replace(" ", "-")
    )

    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]


class SchoolFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Basisschool De Vuurtoren {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    board = "Stichting Kustscholen"

    class Meta:
        model = School


class SchoolClassFactory(factory.django.DjangoModelFactory):
    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"groep {n}")
    pupil_count = 24

    class Meta:
        model = SchoolClass
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        self.groups.set(GroupBand.objects.filter(code__in=extracted or ["groep-5-6"]))

    @factory.post_generation
    def teachers(self, create, extracted, **kwargs):
        if extracted:
            self.teachers.set(extracted)


def counted_session(
    school_class,
    moods=(),
    *,
    week,
    moment="lesson_start",
    lesson=None,
    ended=True,
    keys=None,
    **counts,
):
    """A check-in as the write path leaves it, made in one go: `moods` are the counts of
    the faces 1-5, `counts` any other value columns (energy_high=3, ...). Each count gets
    a random key sum, or the one given in `keys` ({"mood_4": 123, ...})."""
    from django.utils import timezone

    from schools.models import CheckInSession, QuestionSet
    from schools.results.perturbation import KEY_RANGE

    counts.update(
        {f"mood_{value}": count for value, count in enumerate(moods, start=1) if count}
    )
    keys = keys or {}
    counts.update(
        {
            f"{column}_key": keys.get(column, random.randrange(KEY_RANGE))
            for column in list(counts)
        }
    )
    opened = timezone.now() - datetime.timedelta(hours=5 if ended else 0)
    return CheckInSession.objects.create(
        school_class=school_class,
        school_id=school_class.school_id,
        municipality_id=school_class.school.municipality_id,
        group=school_class.youngest_group(),
        week=week,
        lesson=lesson,
        moment=moment,
        question_set=QuestionSet.STANDARD,
        code="".join(random.choices("ACDEFGHJK", k=6)),
        expected=40,
        n=max(
            [sum(moods), 0, *(v for c, v in counts.items() if not c.endswith("_key"))]
        ),
        opened_at=opened,
        expires_at=opened + datetime.timedelta(hours=4),
        closed_at=opened + datetime.timedelta(minutes=10) if ended else None,
        **counts,
    )


MONDAY = datetime.date(2026, 9, 7)  # a week long complete


def add_check_in(
    school_class, moods, *, week=MONDAY, moment="lesson_start", lesson_key=0, **more
):
    """An ended check-in of a class with these counts of the faces 1-5."""
    lesson = LessonPage.objects.get(pk=lesson_key) if lesson_key else None
    return counted_session(
        school_class, moods, week=week, moment=moment, lesson=lesson, **more
    )


def add_delivery(school_class, lesson, day):
    """Lesson given to a class on a day, where the class counts today."""
    from schools import clock
    from schools.models import LessonDelivery

    return LessonDelivery.objects.create(
        school_class=school_class,
        school_id=school_class.school_id,
        municipality_id=school_class.school.municipality_id,
        group=school_class.youngest_group(),
        lesson=lesson,
        delivered_on=day,
        week=clock.week_of(day),
    )


def shown(session, question="mood"):
    """What a check-in shows of a question: its counts through the perturbation table,
    worked out in Python (the engine does it in SQL)."""
    from schools.models import answer_columns
    from schools.results.perturbation import table

    return {
        value: table().shown(
            getattr(session, column), getattr(session, f"{column}_key")
        )
        for value, column in answer_columns(question).items()
    }


def atom_key(session):
    """The coordinator's atom a check-in is in: school x group x week x lesson x moment."""
    return (
        session.school_id,
        session.group,
        session.week,
        session.lesson_id,
        session.moment,
    )


def atoms_of(sessions):
    """Check-ins grouped as a coordinator's atoms."""
    atoms = {}
    for session in sessions:
        atoms.setdefault(atom_key(session), []).append(session)
    return list(atoms.values())


def atom_shown(atom, question="mood"):
    """What a coordinator's atom shows of a question: its check-ins' counts and key sums
    added up, through the perturbation table once."""
    from schools.models import answer_columns
    from schools.results.perturbation import KEY_RANGE, table

    return {
        value: table().shown(
            sum(getattr(s, column) for s in atom),
            sum(getattr(s, f"{column}_key") for s in atom) % KEY_RANGE,
        )
        for value, column in answer_columns(question).items()
    }


def shown_for_coordinators(sessions, question="mood"):
    """What these check-ins add to a coordinator's figure, atom by atom."""
    from collections import Counter

    total = Counter()
    for atom in atoms_of(sessions):
        total.update(atom_shown(atom, question))
    return total


def counts_for_coordinators(unit, question="mood", *, threshold=10, classes=2):
    """Whether an atom (or a school week's rest) counts for coordinators, by the rules
    stated again as the tests' oracle: enough answers and classes, shown counts not
    (nearly) all one."""
    from schools.models import answer_columns

    columns = answer_columns(question).values()
    answered = sum(getattr(s, c) for s in unit for c in columns)
    with_answers = {
        s.school_class_id for s in unit if any(getattr(s, c) for c in columns)
    }
    totals = list(atom_shown(unit, question).values())
    return (
        answered >= threshold
        and len(with_answers) >= classes
        and max(totals) < sum(totals) - 1
    )


def counted_for_coordinators(sessions, question="mood", **rule):
    """The check-ins of atoms that count for coordinators (a school week's rest aside)."""
    return [
        session
        for atom in atoms_of(sessions)
        if counts_for_coordinators(atom, question, **rule)
        for session in atom
    ]


def units_for_coordinators(sessions, question="mood", **rule):
    """What every coordinator's figure is a sum of, stated again as the tests' oracle:
    [(check-ins, is a rest)] of the atoms that count, and per school week its rest (the
    check-ins of its atoms that do not count) when the rest counts."""
    units, rests = [], {}
    for atom in atoms_of(sessions):
        if counts_for_coordinators(atom, question, **rule):
            units.append((atom, False))
        else:
            first = atom[0]
            key = (first.school_id, first.municipality_id, first.week)
            rests.setdefault(key, []).extend(atom)
    units += [
        (rest, True)
        for rest in rests.values()
        if counts_for_coordinators(rest, question, **rule)
    ]
    return units


def cache_keys():
    """Every key in the shared cache, as text."""
    from django.core.cache import caches

    backend = caches["default"]
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):
        return [str(key) for key in backend._cache]
    client = backend._cache.get_client()
    return [key.decode() for key in client.keys("*")]


def shown_on_the_board(html):
    """The board's HTML without its folded speaker notes: what the class sees."""
    import re

    folded = re.findall(r'<details class="speaker-notes" data-notes>', html)
    assert len(folded) == html.count("<details"), "notes are folded (no open attribute)"
    return re.sub(r"<details.*?</details>", "", html, flags=re.S)
