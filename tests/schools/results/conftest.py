import pytest

from tests.factories import MunicipalityFactory, SchoolClassFactory, SchoolFactory


@pytest.fixture
def region(db):
    """Three schools in two municipalities; parallel classes, so that atoms can reach two
    classes (a coordinator never sees one class alone)."""
    den_helder, texel = (
        MunicipalityFactory(name="Den Helder"),
        MunicipalityFactory(name="Texel"),
    )
    schools = [
        SchoolFactory(name="De Vuurtoren", municipality=den_helder),
        SchoolFactory(name="De Duinroos", municipality=den_helder),
        SchoolFactory(name="Het Eiland", municipality=texel),
    ]
    classes = [
        SchoolClassFactory(school=schools[0], name="groep 4a", groups=["groep-3-4"]),
        SchoolClassFactory(school=schools[0], name="groep 4b", groups=["groep-3-4"]),
        SchoolClassFactory(school=schools[0], name="groep 7", groups=["groep-7-8"]),
        SchoolClassFactory(school=schools[0], name="groep 8", groups=["groep-7-8"]),
        SchoolClassFactory(school=schools[1], name="groep 8a", groups=["groep-7-8"]),
        SchoolClassFactory(school=schools[1], name="groep 8b", groups=["groep-7-8"]),
        SchoolClassFactory(
            school=schools[2], name="groep 6/7/8", groups=["groep-5-6", "groep-7-8"]
        ),
        SchoolClassFactory(school=schools[2], name="groep 5/6", groups=["groep-5-6"]),
    ]
    return {
        "den_helder": den_helder,
        "texel": texel,
        "schools": schools,
        "classes": classes,
    }
