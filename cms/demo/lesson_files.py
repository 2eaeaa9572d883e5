"""The demo lesson library as data: cms/content/themes.toml, one TOML file per lesson in
cms/content/lessons/ and one per series in cms/content/lessons/series/, each named by its
slug. Every file is validated when it is read, by the rules that hold in the admin: its
lesson plan by the blocks of LessonPage.steps (lessons/blocks.py), its other fields by the
model's fields and constraints. A file that breaks one is refused, with its name and the
place in it (steps are counted from 1, as they appear in the file)."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, Q
from django.db.models.constants import LOOKUP_SEP
from django.utils.html import escape
from wagtail import blocks

from cms.demo.handouts import read_handouts
from cms.demo.site import CONTENT
from cms.demo.word_lists import word_keys
from lessons.activities import WordChoiceBlock
from lessons.models import Group, LessonPage, LessonSeriesPage, Theme

LESSONS = CONTENT / "lessons"
THEMES = CONTENT / "themes.toml"

# What a lesson file may hold, besides its plan (`steps`) and `order` (its place in the
# page tree): LessonPage fields, whose model says which are required and how long.
LESSON_FIELDS = (
    "title",
    "summary",
    "duration",
    "goals",
    "materials",
    "teacher_notes",
    "homework",
    "reflection_question",
    "further_reading",
)
LIST_FIELDS = {"goals", "materials"}  # a list of sentences, stored as an HTML list
SERIES_FIELDS = ("title", "intro")


class LessonFileError(ValueError):
    """A content file that the lesson library refuses; the message says which and why."""


@dataclass
class LessonSpec:
    slug: str
    order: int
    fields: dict  # LessonPage fields, cleaned, steps as a StreamValue
    themes: list
    groups: list
    handouts: list = field(default_factory=list)  # cms.demo.handouts


@dataclass
class SeriesSpec:
    slug: str
    order: int
    fields: dict
    themes: list
    groups: list
    lessons: list


@dataclass
class Library:
    themes: list  # dicts of Theme fields, in file order
    lessons: list  # LessonSpec, by order then slug
    series: list  # SeriesSpec, by order then slug


def read_library(directory=LESSONS, *, themes_file=THEMES):
    """Every theme, lesson and series, validated; raises LessonFileError naming each bad
    file and what is wrong in it. Reads the database only to check constraints."""
    problems = []
    themes = _read_themes(themes_file, problems)
    theme_slugs = {spec["slug"] for spec in themes}
    lessons = []
    for path in sorted(Path(directory).glob("*.toml")):
        spec = read_lesson(path, theme_slugs=theme_slugs, problems=problems)
        if spec is not None:
            lessons.append(spec)
    lesson_slugs = {spec.slug for spec in lessons}
    series = []
    for path in sorted((Path(directory) / "series").glob("*.toml")):
        spec = _read_series(path, theme_slugs, lesson_slugs, problems)
        if spec is not None:
            series.append(spec)
    if problems:
        raise LessonFileError(
            "The demo lesson library is not loaded:\n"
            + "\n".join(f"- {problem}" for problem in problems)
        )
    return Library(
        themes=themes,
        lessons=sorted(lessons, key=lambda spec: (spec.order, spec.slug)),
        series=sorted(series, key=lambda spec: (spec.order, spec.slug)),
    )


def read_lesson(path, *, theme_slugs, problems=None):
    """One lesson file as a LessonSpec; its problems are appended to `problems`, or
    raised as a LessonFileError when no list is given."""
    report = _Report(path, problems)
    data = _load(path, report)
    if data is None:
        return report.done(None)
    allowed = {*LESSON_FIELDS, "order", "themes", "groups", "steps", "handouts"}
    _unknown_keys(data, allowed, "", report)
    slug = _slug(path, LessonPage, report)
    order = _order(data, report)
    fields = {}
    for name in LESSON_FIELDS:
        value = data.get(name)
        if name in LIST_FIELDS and value is not None:
            value = _html_list(value, name, report)
        fields[name] = _clean_field(LessonPage, name, value, report)
    fields["steps"] = _clean_stream(data.get("steps"), report)
    themes = _slugs(data, "themes", LessonPage, theme_slugs, report)
    groups = _slugs(data, "groups", LessonPage, set(Group.values), report)
    if not report.problems:
        _check_constraints(LessonPage, slug, fields, report)
    spec = LessonSpec(slug, order, fields, themes, groups, read_handouts(data, report))
    return report.done(spec)


def _read_series(path, theme_slugs, lesson_slugs, problems):
    report = _Report(path, problems)
    data = _load(path, report)
    if data is None:
        return None
    _unknown_keys(
        data, {*SERIES_FIELDS, "order", "themes", "groups", "lessons"}, "", report
    )
    slug = _slug(path, LessonSeriesPage, report)
    order = _order(data, report)
    fields = {}
    intro = data.get("intro")
    if isinstance(intro, str):  # paragraphs split by a blank line
        intro = "".join(f"<p>{escape(part)}</p>" for part in intro.split("\n\n"))
    fields["intro"] = _clean_field(LessonSeriesPage, "intro", intro, report)
    fields["title"] = _clean_field(LessonSeriesPage, "title", data.get("title"), report)
    themes = _slugs(data, "themes", LessonSeriesPage, theme_slugs, report)
    groups = _slugs(data, "groups", LessonSeriesPage, set(Group.values), report)
    lessons = data.get("lessons")
    if not isinstance(lessons, list) or not lessons:
        report.add("lessons", "give the slugs of the series' lessons, in order")
        lessons = []
    for slug_ in lessons:
        if slug_ not in lesson_slugs:
            report.add("lessons", f"no lesson file for {slug_!r}")
    return report.done(SeriesSpec(slug, order, fields, themes, groups, lessons))


def _read_themes(path, problems):
    report = _Report(path, problems)
    data = _load(path, report)
    if data is None:
        return []
    _unknown_keys(data, {"themes"}, "", report)
    themes = data.get("themes", [])
    names = {field.name for field in Theme._meta.fields if field.name != "id"}
    for i, spec in enumerate(themes, start=1):
        where = f"themes[{i}] ({spec.get('slug', '?')})"
        _unknown_keys(spec, names, where, report)
        try:
            Theme(
                **{key: value for key, value in spec.items() if key in names}
            ).clean_fields()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    report.add(f"{where}.{name}", message)
    report.done(None)
    return themes


class _Report:
    """The problems found in one file, each with its place in the file."""

    def __init__(self, path, problems):
        self.path = Path(path)
        self.shared = problems
        self.problems = []

    def add(self, where, message):
        self.problems.append(f"{self.path}: {where + ': ' if where else ''}{message}")

    def done(self, result):
        if self.shared is not None:
            self.shared.extend(self.problems)
        elif self.problems:
            raise LessonFileError("\n".join(self.problems))
        return None if self.problems else result


def _load(path, report):
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        report.add("", f"cannot be read as TOML: {error}")
        return None


def _unknown_keys(data, allowed, where, report):
    for key in sorted(set(data) - set(allowed)):
        report.add(
            f"{where + '.' if where else ''}{key}",
            f"unknown field (expected one of: {', '.join(sorted(allowed))})",
        )


def _slug(path, model, report):
    """The slug is the file's name: one place for it."""
    slug = Path(path).stem
    try:
        return model._meta.get_field("slug").clean(slug, None)
    except ValidationError as error:
        report.add("file name", f"{slug!r} is not a slug: {' '.join(error.messages)}")
        return slug


def _order(data, report):
    order = data.get("order")
    if not isinstance(order, int) or isinstance(order, bool):
        report.add("order", "give a whole number: the place in the page tree")
        return 0
    return order


def _html_list(items, name, report):
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        report.add(name, "give a list of sentences")
        return ""
    if not items:
        return ""  # empty, so that the field's own rule says whether it may be
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _clean_field(model, name, value, report):
    field = model._meta.get_field(name)
    if value is None:
        value = field.get_default() if field.has_default() else ""
        value = None if value == "" and not field.empty_strings_allowed else value
    try:
        return field.clean(value, None)
    except ValidationError as error:
        report.add(name, " ".join(error.messages))
        return value


def _slugs(data, name, model, known, report):
    """Themes or groups by their slugs: each one known, and some if the field needs it."""
    values = data.get(name, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        report.add(name, "give a list of slugs")
        return []
    if not values and not model._meta.get_field(name).blank:
        report.add(name, f"give at least one (one of: {', '.join(sorted(known))})")
    for value in values:
        if value not in known:
            report.add(name, f"unknown {value!r} (one of: {', '.join(sorted(known))})")
    return values


def _check_constraints(model, slug, fields, report):
    """The model's check constraints (a lesson's duration) on the unsaved page, each told
    by the fields it reads."""
    page = model(slug=slug, **{k: v for k, v in fields.items() if k != "steps"})
    for model_class, constraints in page.get_constraints():
        for constraint in constraints:
            if not isinstance(constraint, CheckConstraint):
                continue
            names = sorted(set(_q_fields(constraint.condition)))
            if not set(names) <= set(fields):
                continue  # e.g. the image and its alt text: drawn at load time
            try:
                constraint.validate(model_class, page)
            except ValidationError as error:
                values = ", ".join(f"{name} = {fields[name]!r}" for name in names)
                report.add(", ".join(names), f"{' '.join(error.messages)} ({values})")


def _q_fields(condition):
    for child in condition.children:
        if isinstance(child, Q):
            yield from _q_fields(child)
        else:
            yield child[0].split(LOOKUP_SEP)[0]


# -- the lesson plan -----------------------------------------------------------------------


def _clean_stream(steps, report):
    """The plan through LessonPage.steps' own stream block: its block types and fields
    checked here (to_python would drop what it does not know), its values by the blocks'
    clean(), whose errors are told by their place in the file."""
    block = LessonPage._meta.get_field("steps").stream_block
    if steps is None:
        steps = []
    raw = _raw(block, steps, "steps", report)
    if raw is None:
        return None
    try:
        return block.clean(block.to_python(raw))
    except ValidationError as error:
        for where, message in _errors(error, block, raw, "steps"):
            report.add(where, message)
        return None


def _label(kind, value):
    title = value.get("title") if isinstance(value, dict) else None
    return f"{kind} {title!r}" if isinstance(title, str) and title else kind


def _raw(block, data, where, report):
    """The file's TOML as the stream's JSON form: [[steps]] tables with a `type`, and for a
    struct block its fields beside it (else a `value`). None when its shape is wrong."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(data, list):
            report.add(where, "give a list of blocks ([[...]] tables)")
            return None
        raw, ok = [], True
        for i, item in enumerate(data, start=1):
            kind = item.get("type") if isinstance(item, dict) else None
            place = f"{where}[{i}]"
            if kind not in block.child_blocks:
                report.add(
                    place,
                    f"unknown block type {kind!r} "
                    f"(expected one of: {', '.join(block.child_blocks)})",
                )
                ok = False
                continue
            child = block.child_blocks[kind]
            rest = {key: value for key, value in item.items() if key != "type"}
            if not isinstance(child, blocks.StructBlock):
                _unknown_keys(rest, {"value"}, place, report)
                rest = rest.get("value")
            value = _raw(child, rest, f"{place} ({_label(kind, rest)})", report)
            ok = ok and value is not None
            raw.append({"type": kind, "value": value})
        return raw if ok else None
    if isinstance(block, blocks.StructBlock):
        if not isinstance(data, dict):
            report.add(where, "give a table of fields")
            return None
        before = len(report.problems)
        _unknown_keys(data, block.child_blocks, where, report)
        raw = {
            name: _raw(block.child_blocks[name], value, f"{where}.{name}", report)
            for name, value in data.items()
            if name in block.child_blocks
        }
        return raw if len(report.problems) == before else None
    if isinstance(block, blocks.ListBlock):
        if not isinstance(data, list):
            report.add(where, "give a list")
            return None
        raw = [
            _raw(block.child_block, item, f"{where}[{i}]", report)
            for i, item in enumerate(data, start=1)
        ]
        return None if any(item is None for item in raw) else raw
    if isinstance(block, WordChoiceBlock):  # reviewed words by name, stored by key
        return word_keys(data, where, report)
    return data


def _errors(error, block, raw, where):
    """(place, message) for each error in a block's ValidationError tree."""
    if isinstance(error, blocks.StreamBlockValidationError):
        for message in error.non_block_errors.as_data():
            yield where, " ".join(message.messages)
        for index, child_error in error.block_errors.items():
            item = raw[index]
            yield from _errors(
                child_error,
                block.child_blocks[item["type"]],
                item["value"],
                f"{where}[{index + 1}] ({_label(item['type'], item['value'])})",
            )
    elif isinstance(error, blocks.StructBlockValidationError):
        for message in error.non_block_errors.as_data():
            yield where, " ".join(message.messages)
        for name, child_error in error.block_errors.items():
            yield from _errors(
                child_error, block.child_blocks[name], raw.get(name), f"{where}.{name}"
            )
    elif isinstance(error, blocks.ListBlockValidationError):
        for message in error.non_block_errors.as_data():
            yield where, " ".join(message.messages)
        for index, child_error in error.block_errors.items():
            yield from _errors(
                child_error, block.child_block, raw[index], f"{where}[{index + 1}]"
            )
    else:
        yield where, " ".join(error.messages)
