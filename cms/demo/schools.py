"""Demo schools and classes in the three pilot municipalities, and the school and
coordinator logins (their check-ins: cms.demo.check_ins). The municipalities are real;
every school and board name is invented."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from lessons.models import GroupBand
from schools.models import (
    CoordinatorScope,
    Membership,
    Municipality,
    Role,
    School,
    SchoolClass,
    SchoolKind,
    current_school_year,
)

MUNICIPALITIES = {"den-helder": "Den Helder", "schagen": "Schagen", "texel": "Texel"}

# (municipality, place, school, board, kind, classes). Classes are "name:pupils": primary
# names are groep numbers ("6/7/8" is a combination group across two bands, a trailing
# letter a parallel class), secondary names are "1A". Town classes have 18-28 pupils,
# village classes 8-20 (the pilot region's sizes, with combination groups).
SCHOOLS = [
    # Den Helder: town schools and the secondary school
    ("den-helder", "Den Helder", "OBS De Kustlijn", "Stichting Kustwijzer", "po",
     "1/2a:24 1/2b:23 1/2c:22 3:26 4:25 5:27 6:24 6/7:21 7:26 8:25"),
    ("den-helder", "Den Helder", "CBS Het Zeekompas", "Stichting Duin en Dijk", "po",
     "1/2a:25 1/2b:24 3:27 4:26 4/5:19 5:24 6:28 7:25 7/8:20 8:23"),
    ("den-helder", "Julianadorp", "Basisschool De Duinpieper", "Stichting Kustwijzer", "po",
     "1/2a:22 1/2b:21 3:24 4:23 5:25 5/6:20 6:22 7:24 7/8:18 8:26"),
    ("den-helder", "Den Helder", "IKC De Strandjutter", "Stichting Duin en Dijk", "po",
     "1/2a:20 1/2b:19 3:22 3/4:18 4:21 5:23 5/6:18 6:20 7:19 8:22"),
    ("den-helder", "Den Helder", "Zeegat College", "Stichting Zeegat Onderwijsgroep", "vo",
     "1A:28 1B:27 1C:26 1D:28 1E:25 1F:24 1G:26 1H:25 "
     "2A:27 2B:28 2C:25 2D:26 2E:24 2F:27 2G:23 2H:26"),
    # Schagen: one town school, small village schools with combination groups
    ("schagen", "Schagen", "Basisschool De Korenschuur", "Stichting Kop en Polder", "po",
     "1/2a:23 1/2b:22 3:25 4:24 5:22 6:23 6/7:19 7:21 8:24"),
    ("schagen", "Tuitjenhorn", "OBS De Tuinwal", "Stichting Kop en Polder", "po",
     "1/2:16 3/4:18 5/6:17 7/8:19"),
    ("schagen", "Callantsoog", "CBS Het Dijkhuisje", "Stichting Helm en Horizon", "po",
     "1/2/3:12 4/5:14 6/7/8:9"),
    ("schagen", "Sint Maarten", "Basisschool De Graanhalm", "Stichting Helm en Horizon", "po",
     "1/2:11 3/4/5:13 6/7/8:15"),
    ("schagen", "Petten", "OBS De Duinrand", "Stichting Kop en Polder", "po",
     "1/2/3:8 4/5/6:9 7/8:11"),
    ("schagen", "Warmenhuizen", "Basisschool Het Koolveld", "Stichting Helm en Horizon", "po",
     "1/2:20 3/4:19 5/6:18 7/8:20"),
    ("schagen", "Schagen", "Polderlicht College", "Stichting Zeegat Onderwijsgroep", "vo",
     "1A:27 1B:26 1C:25 1D:28 2A:26 2B:27 2C:24 2D:25"),
    # Texel: three schools sharing a building in Den Burg, two village schools
    ("texel", "Den Burg", "OBS De Lammerenwei", "Stichting Wadwijs", "po",
     "1/2a:20 1/2b:19 3:22 4:21 5:20 6:23 7:21 8:20"),
    ("texel", "Den Burg", "CBS Het Schapenduin", "Stichting Wadwijs", "po",
     "1/2a:18 1/2b:17 3/4:20 5:19 6:18 7/8:22"),
    ("texel", "Den Burg", "Basisschool De Kompasroos", "Stichting Wadwijs", "po",
     "1/2:16 3/4:18 5/6:19 7/8:17"),
    ("texel", "Oosterend", "OBS De Zeekraal", "Stichting Wadwijs", "po",
     "1/2/3:12 4/5/6:13 7/8:10"),
    ("texel", "Den Hoorn", "Basisschool De Vuurboet", "Stichting Wadwijs", "po",
     "1/2/3:9 4/5/6:10 7/8:8"),
]  # fmt: skip

BANDS = {1: "groep-1-2", 2: "groep-1-2", 3: "groep-3-4", 4: "groep-3-4"}
BANDS |= {5: "groep-5-6", 6: "groep-5-6", 7: "groep-7-8", 8: "groep-7-8"}

TEACHER_SCHOOL = ("den-helder", "OBS De Kustlijn")
TEACHER_CLASSES = ["groep 6", "groep 8"]
SCHOOL_STAFF = "Scholen"  # school admins and coordinators: into the admin, nothing more


def load_schools():
    """The demo municipalities, schools and this school year's classes. Idempotent."""
    bands = GroupBand.objects.in_bulk()
    municipalities = {}
    for slug, name in MUNICIPALITIES.items():
        municipalities[slug], _created = Municipality.objects.update_or_create(
            slug=slug, defaults={"name": name}
        )
    year = current_school_year()
    classes = []
    for slug, _place, name, board, kind, spec in SCHOOLS:
        school, _created = School.objects.update_or_create(
            municipality=municipalities[slug],
            name=name,
            defaults={"board": board, "kind": kind},
        )
        for class_name, codes, pupils in _parse_classes(spec, kind):
            school_class, _created = SchoolClass.objects.update_or_create(
                school=school,
                name=class_name,
                school_year=year,
                defaults={"pupil_count": pupils},
            )
            school_class.groups.set([bands[code] for code in codes])
            classes.append(school_class)
    return classes


def _parse_classes(spec, kind):
    for item in spec.split():
        name, pupils = item.split(":")
        if kind == SchoolKind.SECONDARY:
            yield name, ["klas-1-2"], int(pupils)
        else:
            numbers = [int(n) for n in re.findall(r"\d", name)]
            codes = sorted({BANDS[n] for n in numbers})
            yield f"groep {name}", codes, int(pupils)


def demo_classes():
    names = [name for _slug, _place, name, *_rest in SCHOOLS]
    return SchoolClass.objects.filter(
        school__municipality__slug__in=MUNICIPALITIES,
        school__name__in=names,
        school_year=current_school_year(),
    ).order_by("school__name", "name")


# School holidays advised for region Noord (Den Helder, Schagen and Texel belong to it),
# Saturday to Sunday. The usual pattern, with the years it does not fit listed here.
def create_school_users(*, password):
    """Logins for the school and coordinator views; the teacher `leerkracht` must exist.
    Only with DEBUG on. Returns (username, role) pairs to print."""
    User = get_user_model()
    staff, _created = Group.objects.get_or_create(name=SCHOOL_STAFF)
    staff.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    slug, school_name = TEACHER_SCHOOL
    school = School.objects.get(municipality__slug=slug, name=school_name)
    den_helder = school.municipality

    teacher = User.objects.get(username="leerkracht")
    Membership.objects.get_or_create(user=teacher, school=school, role=Role.TEACHER)
    classes = SchoolClass.objects.filter(
        school=school, school_year=current_school_year(), name__in=TEACHER_CLASSES
    )
    for school_class in classes:
        school_class.teachers.add(teacher)

    logins = [("leerkracht", f"teacher of {' and '.join(TEACHER_CLASSES)} at {school}")]
    for username, first_name, role in [
        ("schoolbeheer", "Marieke", f"school admin of {school}, {den_helder}"),
        ("coordinator", "Ahmed", f"pilot coordinator for {den_helder}"),
        ("regio", "Ingrid", "regional pilot coordinator (all three municipalities)"),
    ]:
        user, _created = User.objects.get_or_create(
            username=username, defaults={"first_name": first_name}
        )
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.add(staff)
        logins.append((username, role))

    schoolbeheer = User.objects.get(username="schoolbeheer")
    Membership.objects.get_or_create(
        user=schoolbeheer, school=school, role=Role.SCHOOL_ADMIN
    )
    for username, municipality in [("coordinator", den_helder), ("regio", None)]:
        CoordinatorScope.objects.update_or_create(
            user=User.objects.get(username=username),
            defaults={"municipality": municipality},
        )
    return logins
