"""The data inventory: every field the platform stores, with what cms/content/
data_inventory.toml says of it (personal data or not, why, how long)."""

import fnmatch
import tomllib
from pathlib import Path

from django.apps import apps

SOURCE = Path(__file__).resolve().parent / "content" / "data_inventory.toml"
# The apps whose tables hold what we store about people and check-ins; Wagtail's own page
# fields are classified through "wagtailcore.Page".
APPS = (
    "schools",
    "lessons",
    "cms",
    "knox",
    "axes",
    "wagtailusers",
    "django_tasks_database",
)


def entries():
    with open(SOURCE, "rb") as file:
        return tomllib.load(file)["entry"]


def fields():
    """(model label, field name) of every stored field in APPS; a field a page model gets
    from Wagtail's Page counts as wagtailcore.Page's."""
    seen = set()
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
                owner = field.model._meta.label
                if (owner, field.name) not in seen:
                    seen.add((owner, field.name))
                    yield owner, field.name


def classify(model, field, known=None):
    """The first entry that covers this field, or None."""
    for entry in known if known is not None else entries():
        if fnmatch.fnmatch(model, entry["model"]) and any(
            fnmatch.fnmatch(field, pattern) for pattern in entry["fields"]
        ):
            return entry
    return None


def unclassified():
    known = entries()
    return [(m, f) for m, f in fields() if classify(m, f, known) is None]


def as_markdown():
    """The inventory as a table, one row per entry with the fields it covers."""
    known = entries()
    covered = {id(entry): [] for entry in known}
    for model, field in fields():
        entry = classify(model, field, known)
        if entry is not None:
            covered[id(entry)].append((model, field))
    lines = [
        "| tabel | velden | persoonsgegeven | wat | waarom | hoe lang |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for entry in known:
        found = covered[id(entry)]
        if not found:
            continue
        models = ", ".join(sorted({model for model, _field in found}))
        names = ", ".join(f"`{field}`" for _model, field in found)
        lines.append(
            f"| {models} | {names} | {entry['personal']} | {entry['what']} "
            f"| {entry['purpose']} | {entry['retention']} |"
        )
    return "\n".join(lines) + "\n"
