import pytest

from cms.demo.site import load_site
from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    ThemeFactory,
    step,
)


@pytest.fixture
def home(db):
    """The demo site's home page with the privacy and accessibility statements."""
    return load_site()


@pytest.fixture
def library(home):
    return LessonIndexPageFactory(parent=home, intro="Zoek een les.")


@pytest.fixture
def themes(db):
    return {
        "dankbaarheid": ThemeFactory(
            slug="dankbaarheid", name="Dankbaarheid", icon="heart", colour="coral"
        ),
        "rust": ThemeFactory(
            slug="rust", name="Rust en aandacht", icon="leaf", colour="mint"
        ),
    }


@pytest.fixture
def lessons(library, themes):
    """Three lessons that differ in theme, group, duration and words."""
    return {
        "bedankje": LessonPageFactory(
            parent=library,
            title="Een bedankje in de kring",
            slug="bedankje",
            summary="Kinderen zeggen dank je wel tegen elkaar.",
            duration=30,
            themes=[themes["dankbaarheid"]],
            groups=["groep-3-4"],
        ),
        "ballon": LessonPageFactory(
            parent=library,
            title="Ademen als een ballon",
            slug="ballon",
            summary="Een rustoefening met je buik als ballon.",
            duration=20,
            themes=[themes["rust"]],
            groups=["groep-1-2"],
            steps=[
                step(
                    "Ballon",
                    10,
                    activities=[
                        (
                            "breathing",
                            {
                                "title": "Ballon",
                                "instructions": "Adem rustig.",
                                "breathe_in": 4,
                                "breathe_out": 4,
                                "rounds": 3,
                            },
                        )
                    ],
                ),
                step("Praten", 10),
            ],
        ),
        "dankbrief": LessonPageFactory(
            parent=library,
            title="Een brief vol dank",
            slug="dankbrief",
            summary="Leerlingen schrijven een dankbrief aan iemand op school.",
            duration=50,
            themes=[themes["dankbaarheid"]],
            groups=["klas-1-2", "groep-7-8"],
            steps=[
                step("Uitleg", 10),
                step("Schrijven", 30, work="writing", organisation="individual"),
                step("Delen", 10),
            ],
        ),
    }
