"""The perturbation table: the properties the cell key method promises, and the SQL that
looks it up giving exactly what the Python does."""

import random

import pytest
from django.db import connection
from django.test import override_settings

from schools.results import perturbation
from schools.results.perturbation import KEY_RANGE, PerturbationTable, table

SETTINGS = {"max_deviation": 5, "variance": 2.5, "small": 4}


@pytest.fixture
def ptable():
    return PerturbationTable(**SETTINGS)


def moments(row, count):
    probabilities = row.probabilities()
    mean = sum(value * p for value, p in probabilities.items())
    variance = sum((value - count) ** 2 * p for value, p in probabilities.items())
    return probabilities, mean, variance


def test_the_settings_build_this_table(settings):
    assert settings.RESULTS_PERTURBATION == SETTINGS
    assert table().version == "D5-V2.5-js4"


@pytest.mark.parametrize("count", range(0, 40))
def test_every_row_keeps_the_promises_of_the_method(ptable, count):
    probabilities, mean, variance = moments(ptable.row(count), count)
    assert sum(probabilities.values()) == pytest.approx(1)
    assert abs(mean - count) < 1e-3  # no bias: sums of many check-ins stay true
    assert min(probabilities) >= 0  # never below 0
    assert all(abs(value - count) <= 5 for value in probabilities)  # at most 5 off
    assert not set(probabilities) & {1, 2, 3, 4}  # 1 to 4 are never shown at all
    if count >= ptable.last:
        assert variance == pytest.approx(2.5, abs=0.01)


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_small_true_counts_are_never_shown_as_themselves(ptable, count):
    assert ptable.probability(count, count) == 0


def test_no_shown_count_tells_the_true_count(ptable):
    """Every value a check-in can show could come from more than one true count."""
    for shown in range(0, 60):
        sources = [c for c in range(0, 70) if ptable.probability(c, shown) > 0]
        assert sources == [] or len(sources) >= 2, shown


def test_the_same_count_and_key_always_show_the_same(ptable):
    rng = random.Random(4)
    for _ in range(1000):
        count, key = rng.randrange(0, 40), rng.randrange(KEY_RANGE)
        assert ptable.shown(count, key) == ptable.shown(count, key)
    assert ptable.shown(0, 12345) == 0  # nothing stays nothing


def test_impossible_parameters_are_refused():
    with pytest.raises(ValueError):
        PerturbationTable(max_deviation=2, variance=1, small=2)  # 3 could not move
    with pytest.raises(ValueError):
        PerturbationTable(max_deviation=2, variance=9, small=1)  # too wide for 2


def test_a_change_of_parameters_changes_the_version():
    other = {**SETTINGS, "variance": 2.0}
    assert PerturbationTable(**other).version != table().version
    with override_settings(RESULTS_PERTURBATION=other):
        assert table().version == PerturbationTable(**other).version


def test_the_sql_lookup_gives_exactly_what_python_gives(db, ptable):
    """One table, two lookups: the database (figures) and Python (these tests)."""
    rng = random.Random(7)
    pairs = [(c, k) for c in range(0, 14) for k in (0, 1, KEY_RANGE - 1)]
    for row_count in range(0, ptable.last + 1):
        for bound, _value in ptable.row(row_count).bounds:
            pairs += [(row_count, bound - 1), (row_count, bound % KEY_RANGE)]
    pairs += [(rng.randrange(0, 60), rng.randrange(KEY_RANGE)) for _ in range(300)]
    expression = perturbation.table().sql("pairs.c", "pairs.k")
    values = " UNION ALL ".join(f"SELECT {c} AS c, {k} AS k" for c, k in pairs)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT c, k, {expression} FROM ({values}) pairs")
        for count, key, shown in cursor.fetchall():
            assert shown == ptable.shown(count, key), (count, key)
