"""The privacy and accessibility statements: their words are data, their numbers are the
settings the code runs with, so what the statement promises is what the code does."""

import pytest
from django.test import override_settings

from cms.demo.site import content


def test_the_privacy_statement_quotes_the_rules_in_force(client, home):
    html = client.get("/privacy/").content.decode()
    assert "geen losse antwoorden" in html
    assert "pas vanaf <b>5 antwoorden</b>" in html
    assert "pas vanaf <b>10 antwoorden</b> uit minstens <b>2 klassen</b>" in html
    assert "hooguit 5 af" in html and "1 tot 4 antwoorden" in html
    assert "24 uur na het einde" in html


@override_settings(
    RESULTS_TEACHER_MIN_ANSWERS=7,
    RESULTS_COORDINATOR_MIN_CLASSES=3,
    CHECKIN_TOKEN_HOURS=12,
    RESULTS_PERTURBATION={"max_deviation": 6, "variance": 3, "small": 3},
)
def test_changing_a_rule_changes_the_statement_with_it(client, home):
    html = client.get("/privacy/").content.decode()
    assert "pas vanaf <b>7 antwoorden</b>" in html
    assert "minstens <b>3 klassen</b>" in html
    assert "hooguit 6 af" in html and "1 tot 3 antwoorden" in html
    assert "12 uur na het einde" in html


@pytest.mark.parametrize("name", ["home", "privacy", "accessibility"])
def test_every_statement_file_fits_the_page_blocks(db, name):
    from cms.blocks import ContentStreamBlock

    spec = content(name)
    block = ContentStreamBlock()
    value = block.to_python(
        [{"type": kind, "value": value} for kind, value in spec["body"]]
    )
    block.clean(value)  # raises on an unknown block or a missing field
    assert spec["title"] and spec["body"]
