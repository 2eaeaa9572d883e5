"""The rules that decide which atoms count and how their counts are shown, in one place.

- A teacher's atom (one ended check-in) counts from RESULTS_TEACHER_MIN_ANSWERS answers to
  the question; a coordinator's (a school x group x week x lesson x moment, or a school
  week's rest) from RESULTS_COORDINATOR_MIN_ANSWERS answers and
  RESULTS_COORDINATOR_MIN_CLASSES classes.
  These are about how many answered, which everyone in the room can see anyway.
- Homogeneity: an atom whose shown counts are all, or all but one, the same value does not
  count; it would tell what (nearly) everyone answered. It is judged on the shown counts,
  not the true ones: a rule on the true counts would itself answer a question about them
  (plant answers so that the atom is homogeneous exactly when a pupil gave a certain
  value, and its suppression tells that value; tests/schools/results/test_simulation.py).
- Every count is shown perturbed (schools.results.perturbation)."""

from django.conf import settings

from schools.results.perturbation import parameters, table


def min_answers(viewer):
    if viewer.is_teacher:
        return settings.RESULTS_TEACHER_MIN_ANSWERS
    return settings.RESULTS_COORDINATOR_MIN_ANSWERS


def min_classes(viewer):
    return 1 if viewer.is_teacher else settings.RESULTS_COORDINATOR_MIN_CLASSES


def fingerprint():
    """Everything that decides a coordinator's figures; rollups made under another
    fingerprint are never used."""
    return (
        f"answers>={settings.RESULTS_COORDINATOR_MIN_ANSWERS} "
        f"classes>={settings.RESULTS_COORDINATOR_MIN_CLASSES} {table().version} "
        # Since 2026-12-01: each atom perturbed once (before, each check-in), and the
        # school weeks' rests (schools.results.atoms.coordinator_atoms).
        "once-per-atom rests"
    )


def shown_count_sql(count, key):
    """The count one check-in shows for one value, in SQL (quoted column names)."""
    return table().sql(count, key)


def in_force():
    """The rules as people are told them: the privacy statement, the dashboards, the
    exports and the API docs all quote these, so none can disagree with the code."""
    perturbation = parameters()
    return {
        "teacher_min_answers": settings.RESULTS_TEACHER_MIN_ANSWERS,
        "coordinator_min_answers": settings.RESULTS_COORDINATOR_MIN_ANSWERS,
        "coordinator_min_classes": settings.RESULTS_COORDINATOR_MIN_CLASSES,
        "max_deviation": perturbation["max_deviation"],
        "small": perturbation["small"],
        "perturbation_version": perturbation["version"],
        "token_hours": settings.CHECKIN_TOKEN_HOURS,
    }
