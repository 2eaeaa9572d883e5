"""What the board shows of a class activity: the one place for its rules.

- Nothing before the teacher reveals it, and no reveal below RESULTS_TEACHER_MIN_ANSWERS
  answers (how many have answered the whole room can see; that number is shown exactly).
- Every count is perturbed by the cell key method (schools.results.perturbation, the
  activity table): an answer adds its random record key to the cell key of each option it
  chose, and the shown count is the true count plus the table's deviation for that key.
  Without it, the exact counts and the number who answered would give away a small count
  by subtraction.
- An option that nobody, one or two pupils chose (or whose shown count is in that range)
  is shown as "at most a few" (hooguit een paar), never as a number: "nobody" apart from
  "one" would name the answer of a pupil among planted answers.

Only the board of the teacher's own class asks; the counts are deleted when the run ends,
so no coordinator's figure can include them (they see "activities held" only)."""

from django.conf import settings

from schools.results.perturbation import activity_table


def min_answers():
    return settings.RESULTS_TEACHER_MIN_ANSWERS


def can_reveal(activity):
    return activity.n >= min_answers()


def activity_results(activity, counts):
    """The board's result of one activity of a run. `counts` maps option value to its
    OptionCount. Hidden (`shown` False) until revealed from enough answers."""
    definition = activity.definition
    hidden = {"shown": False, "answered": activity.n, "min_answers": min_answers()}
    if activity.revealed_at is None or not can_reveal(activity):
        return hidden
    table = activity_table()
    rows = []
    for option in definition["options"]:
        counted = counts.get(option["value"])
        true, key = (counted.n, counted.key) if counted else (0, 0)
        shown = table.shown(true, key)
        # Nobody and one or two read the same: else planting answers around one pupil
        # (or a scale where every value got one) would name her answer.
        few = true <= table.small or shown <= table.small
        rows.append(
            {
                **option,
                "count": None if few else shown,
                "few": few,
                "weight": table.small if few else shown,
            }
        )
    total = sum(row["weight"] for row in rows) or 1
    largest = max(row["weight"] for row in rows) or 1
    for row in rows:
        row["share"] = round(100 * row["weight"] / total)
        row["bar"] = round(100 * row["weight"] / largest)
        row["size"] = 1 + round(4 * row["weight"] / largest)
    result = {**hidden, "shown": True, "rows": rows}
    if definition["kind"] == "scale":
        result["mean"] = round(
            sum(int(row["value"]) * row["weight"] for row in rows) / total, 1
        )
    if definition["kind"] == "quiz":
        right = next(row for row in rows if row.get("correct"))
        result["right"] = right
        result["right_share"] = None if right["few"] else right["share"]
    return result
