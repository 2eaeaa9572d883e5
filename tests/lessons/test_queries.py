"""The library and a lesson page run a fixed number of queries, however many lessons,
steps or images there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import LessonPageFactory, step


def count_queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_lessons(library, themes, numbers, image):
    for index in numbers:
        lesson = LessonPageFactory(
            parent=library,
            title=f"Les {index:03}",
            themes=list(themes.values()),
            groups=["groep-3-4", "groep-5-6"],
            steps=[
                step(
                    f"Stap {n}",
                    5,
                    activities=[("discussion", {"questions": ["Vraag?"]})],
                )
                for n in range(6)
            ],
        )
        lesson.hero_image, lesson.hero_image_alt = image, "Een zon"
        lesson.save_revision().publish()


def test_library_queries_do_not_grow_with_lessons(client, library, themes):
    image = get_image_model().objects.create(title="Zon", file=get_test_image_file())
    add_lessons(library, themes, range(3), image)
    few = count_queries(client, "/lessen/")
    add_lessons(library, themes, range(3, 15), image)
    many = count_queries(client, "/lessen/")
    assert many == few
    assert many <= 20


def test_lesson_page_queries_do_not_grow_with_steps_or_images(client, library, themes):
    images = [
        get_image_model().objects.create(title=f"Beeld {n}", file=get_test_image_file())
        for n in range(6)
    ]

    def lesson_with(slug, steps):
        lesson = LessonPageFactory(
            parent=library,
            slug=slug,
            themes=list(themes.values()),
            groups=["groep-3-4"],
            steps=[
                step(
                    f"Stap {n}",
                    5,
                    activities=[
                        (
                            "image",
                            {
                                "image": {
                                    "image": images[n % 6].pk,
                                    "alt_text": "Beeld",
                                    "decorative": False,
                                },
                                "caption": "",
                            },
                        )
                    ],
                )
                for n in range(steps)
            ],
        )
        lesson.hero_image, lesson.hero_image_alt = images[0], "Beeld"
        lesson.save_revision().publish()
        return lesson.url

    small = count_queries(client, lesson_with("klein", 2))
    large = count_queries(client, lesson_with("groot", 7))
    assert large == small
    assert large <= 20
