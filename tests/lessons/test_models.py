import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage
from lessons.models import LessonIndexPage, LessonPage, LessonSeriesPage
from tests.factories import LessonPageFactory, check_in, step


class LessonTreeTests(WagtailPageTestCase):
    def test_library_lives_under_home_only(self):
        self.assertCanCreateAt(HomePage, LessonIndexPage)
        self.assertCanNotCreateAt(Page, LessonIndexPage)
        self.assertCanNotCreateAt(StandardPage, LessonIndexPage)

    def test_lessons_and_series_live_in_the_library(self):
        self.assertAllowedSubpageTypes(LessonIndexPage, {LessonPage, LessonSeriesPage})
        self.assertAllowedParentPageTypes(LessonPage, {LessonIndexPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertAllowedSubpageTypes(LessonSeriesPage, set())


def test_plan_gives_each_step_its_start_minute(library):
    lesson = LessonPageFactory(
        parent=library,
        steps=[
            check_in("lesson_start"),
            step("A", 10),
            step("B", 15),
            check_in("lesson_end"),
            step("C", 5),
        ],
    )
    assert [
        (item["block"].block_type, item["start"], item["minutes"])
        for item in lesson.plan
    ] == [
        ("check_in", 0, 0),
        ("step", 0, 10),
        ("step", 10, 15),
        ("check_in", 25, 0),
        ("step", 25, 5),
    ]
    assert lesson.steps_minutes == 30
    assert [block.value["moment"] for block in lesson.check_in_points] == [
        "lesson_start",
        "lesson_end",
    ]


def test_image_needs_alternative_text(library):
    image = get_image_model().objects.create(title="Zon", file=get_test_image_file())
    lesson = LessonPageFactory(parent=library)
    lesson.hero_image = image
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonPage.objects.filter(pk=lesson.pk).update(
            hero_image=image, hero_image_alt=""
        )


def test_duration_is_kept_in_range_by_the_database(library):
    lesson = LessonPageFactory(parent=library)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonPage.objects.filter(pk=lesson.pk).update(duration=0)


def test_new_lessons_come_with_the_class_agreements(library):
    lesson = LessonPageFactory(parent=library)
    assert "Iedereen mag zichzelf zijn" in lesson.safety_agreements
    assert "te persoonlijk" in lesson.safety_agreements
