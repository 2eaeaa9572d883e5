"""The check-in questions: which a question set asks, the values each may take, and how
pupils see them (every option has an icon, a word and a sentence to read aloud). The HTML
flow, the API, the write path and the results all take the questions from here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from schools.models import Energy, Feeling, QuestionSet


def option(value, label, icon, spoken=None):
    return {"value": value, "label": label, "icon": icon, "spoken": spoken or label}


FACES = [
    option(1, _("very sad"), "face-1"),
    option(2, _("a bit sad"), "face-2"),
    option(3, _("okay"), "face-3"),
    option(4, _("happy"), "face-4"),
    option(5, _("very happy"), "face-5"),
]
YOUNG_FACES = [
    option(1, _("sad"), "face-1"),
    option(3, _("okay"), "face-3"),
    option(5, _("happy"), "face-5"),
]
ENERGY = [
    option(Energy.LOW, _("little energy"), "energy-low"),
    option(Energy.MEDIUM, _("some energy"), "energy-medium"),
    option(Energy.HIGH, _("lots of energy"), "energy-high"),
]
FEELINGS = [
    option(feeling.value, feeling.label, f"feeling-{feeling.value}")
    for feeling in Feeling
]
LADDER = [
    option(number, str(number), "ladder", spoken=str(number))
    for number in range(10, -1, -1)
]

MOOD_QUESTION = {
    "name": "mood",
    "title": _("How do you feel right now?"),
    "kind": "faces",
}
QUESTIONS = {
    QuestionSet.YOUNG: [{**MOOD_QUESTION, "options": YOUNG_FACES}],
    QuestionSet.STANDARD: [
        {**MOOD_QUESTION, "options": FACES},
        {
            "name": "energy",
            "title": _("How much energy do you have?"),
            "kind": "energy",
            "options": ENERGY,
        },
        {
            "name": "feeling",
            "title": _("Which word fits you best right now?"),
            "kind": "words",
            "options": FEELINGS,
        },
    ],
    QuestionSet.LADDER: [
        {
            "name": "ladder",
            "title": _("How happy are you with your life?"),
            "hint": _(
                "10 is the best life you can imagine, 0 the worst. Which step are you on?"
            ),
            "kind": "ladder",
            "options": LADDER,
        }
    ],
}


CHOOSE = {
    "faces": _("Choose one of the faces."),
    "energy": _("Choose low, medium or high."),
    "words": _("Choose one of the feeling words."),
    "ladder": _("Choose a number from 0 to 10."),
}


def questions_for_session(session):
    return QUESTIONS[session.question_set]


def question_names(question_set):
    return [question["name"] for question in QUESTIONS[question_set]]


def clean_answers(*, question_set, answers):
    """One pupil's values, checked against the questions of the set: {name: value} for
    the questions answered. Every question may be skipped."""
    if not isinstance(answers, dict):
        raise ValidationError({"answers": _("Answers must be an object.")})
    questions = {question["name"]: question for question in QUESTIONS[question_set]}
    errors = {}
    unknown = set(answers) - set(questions)
    if unknown:
        errors["answers"] = _("Unknown questions: %(names)s.") % {
            "names": ", ".join(sorted(map(str, unknown)))
        }
    values = {}
    for name, question in questions.items():
        value = answers.get(name)
        if value in (None, ""):
            continue
        # bool is an int in Python: True must not pass as the face 1.
        if type(value) in (int, str) and value in _values(question):
            values[name] = value
        else:
            errors[name] = CHOOSE[question["kind"]]
    if errors:
        raise ValidationError(errors)
    return values


def _values(question):
    return {option["value"] for option in question["options"]}


def answers_from_form(data, questions):
    """The chosen values from a submitted form, as numbers where the question uses numbers."""
    answers = {}
    for question in questions:
        raw = data.get(question["name"], "")
        if raw == "":
            continue
        numeric = isinstance(question["options"][0]["value"], int)
        try:
            answers[question["name"]] = int(raw) if numeric else str(raw)
        except ValueError:
            answers[question["name"]] = str(
                raw
            )  # the service refuses it with a message
    return answers
