"""One pupil's synthetic answers to a check-in's questions, drawn as pupils tend to
answer: most feel good, a lesson lifts the mood a little, energy and feeling words follow
the mood, and any question may be skipped."""

from itertools import accumulate

from schools.models import (
    Energy,
    Feeling,
    Moment,
    QuestionSet,
)

# Synthetic answers. Most pupils feel good; a lesson lifts the mood a little; the ladder
# averages about 7.3, as research on the original series found on its 0-10 scale. Any
# question may be skipped.
MOOD_MEAN, MOOD_SPREAD, LESSON_LIFT = 3.95, 0.9, 0.15
LADDER_MEAN, LADDER_SPREAD, SERIES_LIFT = 7.3, 1.6, 0.1
SKIP = {"mood": 0.02, "energy": 0.07, "feeling": 0.1, "ladder": 0.03}
ENERGY = [Energy.LOW, Energy.MEDIUM, Energy.HIGH]
ENERGY_WEIGHTS = {  # by mood: 0 skipped, then the faces 1-5
    0: (25, 50, 25),
    1: (50, 35, 15),
    2: (50, 35, 15),
    3: (30, 50, 20),
    4: (12, 45, 43),
    5: (12, 45, 43),
}
FEELINGS = [
    Feeling.HAPPY,
    Feeling.CALM,
    Feeling.PROUD,
    Feeling.GRATEFUL,
    Feeling.EXCITED,
    Feeling.TIRED,
    Feeling.BORED,
    Feeling.NERVOUS,
    Feeling.SAD,
    Feeling.ANGRY,
]
FEELING_WEIGHTS = {  # in the order of FEELINGS
    "low": (3, 5, 1, 1, 1, 20, 12, 15, 25, 17),
    "middle": (12, 20, 4, 3, 8, 25, 15, 10, 2, 1),
    "high": (32, 16, 12, 12, 14, 8, 2, 3, 1, 0),
}
ENERGY_CUMULATIVE = {k: list(accumulate(w)) for k, w in ENERGY_WEIGHTS.items()}
FEELING_CUMULATIVE = {k: list(accumulate(w)) for k, w in FEELING_WEIGHTS.items()}


def answer(rng, moment, question_set, effect):
    """One synthetic pupil's values, {question: value} for the questions answered."""
    if question_set == QuestionSet.LADDER:
        if rng.random() < SKIP["ladder"]:
            return {}
        mean = LADDER_MEAN + 2 * effect
        if moment == Moment.SERIES_END:
            mean += SERIES_LIFT
        return {"ladder": min(10, max(0, round(rng.gauss(mean, LADDER_SPREAD))))}

    mood = None
    if rng.random() >= SKIP["mood"]:
        mean = MOOD_MEAN + effect
        if moment == Moment.LESSON_END:
            mean += LESSON_LIFT
        latent = rng.gauss(mean, MOOD_SPREAD)
        if question_set == QuestionSet.YOUNG:  # three faces: 1, 3 or 5
            mood = 5 if latent >= 4.0 else 3 if latent >= 2.3 else 1
        else:
            mood = min(5, max(1, round(latent)))
    values = {} if mood is None else {"mood": mood}
    if question_set == QuestionSet.YOUNG:
        return values
    if rng.random() >= SKIP["energy"]:
        energy = rng.choices(ENERGY, cum_weights=ENERGY_CUMULATIVE[mood or 0])[0]
        values["energy"] = energy.value
    if rng.random() >= SKIP["feeling"]:
        band = "low" if mood in (1, 2) else "middle" if mood in (None, 3) else "high"
        feeling = rng.choices(FEELINGS, cum_weights=FEELING_CUMULATIVE[band])[0]
        values["feeling"] = feeling.value
    return values
