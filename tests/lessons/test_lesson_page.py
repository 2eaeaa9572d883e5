import pytest
from django.utils.html import escape


def test_lesson_page_shows_the_plan_at_a_glance(client, lessons):
    html = client.get("/lessen/dankbrief/").content.decode()
    assert "In één oogopslag" in html
    assert "De leerlingen weten wat geluk is." in html
    assert "Schrijven" in html and "30" in html
    assert 'href="/lessen/dankbrief/klas/"' in html and "Start in de klas" in html
    assert 'href="/lessen/dankbrief/print/"' in html


def test_presentation_mode_has_a_slide_per_step_and_check_in_without_teacher_notes(
    client, library
):
    from tests.factories import LessonPageFactory, check_in, shown_on_the_board, step

    LessonPageFactory(
        parent=library,
        slug="bord",
        steps=[
            check_in("lesson_start"),
            step("Eén", 10, teacher_note="Geheime tip"),
            step("Twee", 5),
            check_in("lesson_end"),
        ],
    )
    response = client.get("/lessen/bord/klas/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-slide") == 5  # title, check-in, two steps, check-in
    assert html.count("data-check-in=") == 2
    assert 'data-minutes="10"' in html and 'data-minutes="5"' in html
    assert "Geheime tip" not in shown_on_the_board(html)
    assert "lessons/present.js" in html
    assert (
        escape(client.get("/lessen/bord/").content.decode()).count("Geheime tip") == 1
    )


def test_print_page_is_a_plan_without_navigation(client, lessons):
    response = client.get("/lessen/dankbrief/print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "lessons/print.css" in html
    assert "site-header" not in html and "main-nav" not in html
    for text in [
        "Lesdoelen",
        "Tijdsplanning",
        "Materialen en voorbereiding",
        "Schrijven",
    ]:
        assert text in html


@pytest.mark.parametrize(
    "mode, marker",
    [("", "In één oogopslag"), ("klas", "data-deck"), ("print", "print.css")],
)
def test_preview_modes_include_presentation_and_print(lessons, mode, marker):
    lesson = lessons["bedankje"]
    response = lesson.make_preview_request(preview_mode=mode)
    response.render()
    assert response.status_code == 200
    assert marker in response.content.decode()


def test_unknown_sub_route_is_a_404(client, lessons):
    assert client.get("/lessen/dankbrief/bestaat-niet/").status_code == 404


def test_the_timings_total_is_the_sum_of_the_steps(client, library):
    """One source for "Totaal": the steps. A lesson set to 30 minutes whose steps take 25
    says 25, and the editor warns about the difference (lessons.wagtail_hooks)."""
    import re

    from tests.factories import LessonPageFactory, step

    LessonPageFactory(
        parent=library,
        slug="kort",
        duration=30,
        steps=[step("Start", 10), step("Slot", 15)],
    )
    html = client.get("/lessen/kort/").content.decode()
    footer = re.search(r"<tfoot>(.*?)</tfoot>", html, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", footer) == ["25"]
