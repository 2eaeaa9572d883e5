"""Every number about check-ins that anyone sees passes through here.

Rules (DOMAIN.md, privacy): a cell is shown only from a minimum number of answers (5 for a
teacher's own class, 10 for coordinators), and not when (nearly) all answers are the same,
because then the cell tells what each pupil answered. A suppressed cell carries no counts."""

from collections import Counter

from django.conf import settings

from schools.models import Energy, Feeling, QuestionSet

SCALES = {
    "mood": [1, 2, 3, 4, 5],
    "energy": Energy.values,
    "feeling": Feeling.values,
    "ladder": list(range(11)),
}
QUESTIONS = {
    QuestionSet.YOUNG: ["mood"],
    QuestionSet.STANDARD: ["mood", "energy", "feeling"],
    QuestionSet.LADDER: ["ladder"],
}


def is_suppressed(counts, *, threshold):
    """Too few answers, or all (or all but one) of them the same value."""
    n = sum(counts.values())
    return n < threshold or max(counts.values(), default=0) >= n - 1


def distribution(values, *, scale, threshold):
    """A cell for one question: `{"suppressed": True}` or `n`, counts and whole percentages."""
    counts = Counter(value for value in values if value not in (None, ""))
    if is_suppressed(counts, threshold=threshold):
        return {"suppressed": True}
    n = sum(counts.values())
    return {
        "suppressed": False,
        "n": n,
        "counts": {str(value): counts.get(value, 0) for value in scale},
        "percentages": {
            str(value): round(100 * counts.get(value, 0) / n) for value in scale
        },
    }


def session_results(session):
    """A teacher's view of her own session: one cell per question, teacher threshold."""
    threshold = settings.RESULTS_TEACHER_MIN_ANSWERS
    names = QUESTIONS[session.question_set]
    rows = list(session.answers.values_list(*names))
    return {
        name: distribution(
            [row[index] for row in rows], scale=SCALES[name], threshold=threshold
        )
        for index, name in enumerate(names)
    }
