"""An author writes timed steps in the Wagtail editor: the "+" buttons say what they do,
and a running total of the steps' minutes stands next to the lesson's duration."""

from playwright.sync_api import expect

from tests.factories import (
    LessonIndexPageFactory,
    LessonPageFactory,
    UserFactory,
    check_in,
    step,
)


def test_the_author_sees_the_minutes_add_up_as_she_writes(page, site_url, screenshot):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    library = LessonIndexPageFactory(parent=home)
    lesson = LessonPageFactory(
        parent=library,
        duration=30,
        steps=[check_in("lesson_start"), step("Start", 10), step("Midden", 15)],
    )
    author = UserFactory(username="auteur", is_superuser=True, is_staff=True)
    author.set_password("lessen-in-geluk")
    author.save()

    page.goto(f"{site_url}/admin/pages/{lesson.pk}/edit/")
    page.locator("#id_username").fill("auteur")
    page.locator("#id_password").fill("lessen-in-geluk")
    page.locator("form button[type=submit]").click()

    # The year groups are "Groepen" (pupils working in small groups are "groepjes").
    groups = page.locator("[id$='-child-groups-wrapper']").locator("xpath=../..")
    expect(groups).to_contain_text("Groepen")
    expect(groups).not_to_contain_text("Groepjes")
    total = page.locator(".lesson-minutes")
    expect(total).to_have_text(
        "De stappen duren samen 25 minuten. De les staat op 30 minuten."
    )
    page.locator("input[name='steps-2-value-minutes']").fill("20")
    expect(total).to_have_text(
        "De stappen duren samen 30 minuten. Dat is de duur van de les."
    )
    page.get_by_label("Duur in minuten").fill("45")
    expect(total).to_contain_text("De les staat op 45 minuten.")

    # The "+" buttons show their name in words, not only in a tooltip.
    add = page.locator(".c-sf-add-button").first
    shown = add.evaluate("b => getComputedStyle(b, '::after').content")
    assert shown.strip('"') == add.get_attribute("title") != ""
    page.locator(".lesson-minutes").scroll_into_view_if_needed()
    screenshot("editor-minutes")
