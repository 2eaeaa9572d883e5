"""The data inventory in the privacy dossier covers every stored field, and the dossier
shows exactly what the models and the classification say."""

import re
from pathlib import Path

from django.core.management import call_command

from cms import inventory

DOSSIER = Path(__file__).resolve().parents[2] / "docs" / "privacy.md"


def test_every_stored_field_is_classified():
    assert inventory.unclassified() == []


def test_a_new_field_that_is_not_classified_fails(monkeypatch):
    real = list(inventory.fields())
    monkeypatch.setattr(
        inventory, "fields", lambda: [*real, ("schools.CheckInSession", "pupil_name")]
    )
    assert inventory.unclassified() == [("schools.CheckInSession", "pupil_name")]


def test_pupils_have_no_personal_data_in_the_inventory():
    for model, field in inventory.fields():
        entry = inventory.classify(model, field)
        if model in ("schools.CheckInSession", "schools.UsedToken"):
            if field not in ("started_by", "opened_at", "expires_at", "closed_at"):
                assert entry["personal"] == "nee", (model, field)


def test_the_dossier_shows_the_inventory_as_the_models_give_it(capsys):
    call_command("data_inventory")
    generated = capsys.readouterr().out
    text = DOSSIER.read_text(encoding="utf-8")
    shown = re.search(
        r"<!-- inventory:start[^>]*-->\n(.*)<!-- inventory:end -->", text, re.S
    ).group(1)
    assert shown == generated, (
        "run: manage.py data_inventory, and paste it in docs/privacy.md"
    )
