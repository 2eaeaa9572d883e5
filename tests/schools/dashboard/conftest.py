"""The dashboard tests' pilot: three schools in two municipalities, three weeks of lessons,
and a person for every role."""

import datetime

import pytest
from django.core.cache import cache

from tests.factories import (
    MONDAY,
    MunicipalityFactory,
    SchoolClassFactory,
    SchoolFactory,
    a_person_in_every_role,
    add_check_in,
    add_delivery,
)


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


@pytest.fixture
def pilot(db, lessons):
    """Three schools; in each band two parallel classes, so that coordinators (who never
    see one class alone) see them; three weeks of lessons with a start and an end."""
    den_helder, texel = (
        MunicipalityFactory(name="Den Helder"),
        MunicipalityFactory(name="Texel"),
    )
    ours, other, island = (
        SchoolFactory(name="De Vuurtoren", municipality=den_helder),
        SchoolFactory(name="De Duinroos", municipality=den_helder),
        SchoolFactory(name="Het Eiland", municipality=texel),
    )
    classes = {}
    for name, school, groups, label in [
        ("ours", ours, ["groep-7-8"], "groep 7"),
        ("ours_parallel", ours, ["groep-7-8"], "groep 8"),
        ("ours_young", ours, ["groep-3-4"], "groep 4a"),
        ("ours_young_parallel", ours, ["groep-3-4"], "groep 4b"),
        ("other", other, ["groep-7-8"], "groep 8"),
        ("other_parallel", other, ["groep-7-8"], "groep 7"),
        ("island", island, ["groep-5-6"], "groep 6"),
        ("island_parallel", island, ["groep-5-6"], "groep 5"),
    ]:
        classes[name] = SchoolClassFactory(school=school, name=label, groups=groups)
    bedankje, ballon = lessons["bedankje"].pk, lessons["ballon"].pk
    sessions = []
    for week in range(3):
        monday = MONDAY + datetime.timedelta(weeks=week)
        for name, start, end in [
            ("ours", [1, 3, 4, 3, 1], [0, 2, 3, 5, 2]),
            ("ours_parallel", [1, 3, 4, 3, 1], [0, 2, 3, 5, 2]),
            ("ours_young", [1, 2, 4, 3, 2], [1, 1, 3, 4, 3]),
            ("ours_young_parallel", [1, 2, 4, 3, 2], [1, 1, 3, 4, 3]),
            ("other", [2, 2, 4, 2, 2], [1, 2, 3, 4, 2]),
            ("other_parallel", [2, 2, 4, 2, 2], [1, 2, 3, 4, 2]),
            ("island", [1, 2, 5, 3, 1], [0, 1, 4, 4, 3]),
            ("island_parallel", [1, 2, 5, 3, 1], [0, 1, 4, 4, 3]),
        ]:
            lesson = bedankje if week != 1 else ballon
            sessions += [
                add_check_in(classes[name], start, week=monday, lesson_key=lesson),
                add_check_in(
                    classes[name],
                    end,
                    week=monday,
                    lesson_key=lesson,
                    moment="lesson_end",
                ),
            ]
        add_delivery(classes["ours"], lessons["bedankje"], monday)
    # A small check-in: too few answers, everywhere.
    add_check_in(classes["island"], [1, 1, 1, 0, 0], week=MONDAY, moment="standalone")
    return {
        "classes": classes,
        "sessions": sessions,
        **a_person_in_every_role(classes["ours"], den_helder),
        "den_helder": den_helder,
        "texel": texel,
    }
