"""The cell key method: every published count is slightly perturbed, the same way every
time it is asked.

Every answer draws a random record key (0 to KEY_RANGE - 1) when it is counted; a check-in
keeps, next to the count of each value, the sum of those answers' keys modulo KEY_RANGE
(its cell key). The count a check-in shows for a value is its true count plus a deviation
looked up in the perturbation table by (true count, cell key). Every figure anyone sees is
a sum of the shown counts of the check-ins in it, so each check-in's deviation is fixed:
asking again, asking in another grouping or subtracting figures averages nothing away.

The table is built from settings.RESULTS_PERTURBATION: the largest deviation, its variance
and the small counts that are never shown as themselves (1 to `small` become 0 or more than
`small`). Every row has a mean deviation of zero and never goes below 0. Row `c` for a true
count c is the same for every count from `small + max_deviation + 1` up, where neither edge
can reach any more. Probabilities are stored as whole numbers out of KEY_RANGE, so SQL and
Python look up exactly the same deviation."""

import functools
import math
from dataclasses import dataclass

from django.conf import settings

KEY_RANGE = 1 << 16


@dataclass(frozen=True)
class Row:
    """For one true count: (key bound, shown value) pairs; a key below a bound (and not
    below the bound before it) shows that value. The last bound is KEY_RANGE."""

    bounds: tuple

    def shown(self, key):
        for bound, value in self.bounds:
            if key < bound:
                return value
        raise ValueError(key)

    def probabilities(self):
        previous, result = 0, {}
        for bound, value in self.bounds:
            result[value] = (bound - previous) / KEY_RANGE
            previous = bound
        return result


class PerturbationTable:
    def __init__(self, *, max_deviation, variance, small):
        if max_deviation <= small:
            raise ValueError(
                "max_deviation must exceed small, or small counts stay put"
            )
        self.max_deviation, self.variance, self.small = max_deviation, variance, small
        self.version = f"D{max_deviation}-V{variance:g}-js{small}"
        self.base = _symmetric(max_deviation, variance)
        self.last = (
            small + max_deviation + 1
        )  # rows from here on are the base row, shifted
        self.rows = {count: self._row(count) for count in range(self.last + 1)}

    def _row(self, count):
        if count == 0:
            return Row(((KEY_RANGE, 0),))
        weights = {
            count + deviation: weight
            for deviation, weight in self.base.items()
            if count + deviation == 0 or count + deviation > self.small
        }
        if count < self.last:
            weights = _tilted_to_mean(weights, count)
        return Row(_bounds(weights))

    def row(self, count):
        """The row of a true count, with shown values (not deviations)."""
        if count <= self.last:
            return self.rows[count]
        shift = count - self.last
        return Row(tuple((b, v + shift) for b, v in self.rows[self.last].bounds))

    def shown(self, count, key):
        return self.row(count).shown(key % KEY_RANGE)

    def probability(self, count, shown):
        return self.row(count).probabilities().get(shown, 0.0)

    def sql(self, count, key):
        """What a check-in shows, in SQL, for count and key-sum expressions (quoted names).
        Counts below the last special row are looked up together as count * KEY_RANGE +
        key in a balanced tree of comparisons; from the last row on, the deviation is the
        same for every count. Only whole-number literals from this table: no parameters."""
        flat, start = [], 0
        for number in range(self.last):
            for bound, value in self.rows[number].bounds:
                flat.append((start + bound, str(value)))
            start += KEY_RANGE
        index = f"({count} * {KEY_RANGE} + {key})"
        general = [
            (bound, f"{count} + {value - self.last}")
            for bound, value in self.rows[self.last].bounds
        ]
        return (
            f"CASE WHEN {count} >= {self.last} THEN {_tree(general, key)} "
            f"ELSE {_tree(flat, index)} END"
        )


def _tree(bounds, index):
    """A balanced CASE over (bound, result) pairs: the result of the first bound above
    `index`."""
    if len(bounds) == 1:
        return bounds[0][1]
    middle = len(bounds) // 2
    left, right = bounds[:middle], bounds[middle:]
    return (
        f"CASE WHEN {index} < {left[-1][0]} THEN {_tree(left, index)} "
        f"ELSE {_tree(right, index)} END"
    )


def _symmetric(max_deviation, variance):
    """Deviations -D..D with weights like a normal curve, of the given variance."""

    def spread(sigma):
        weights = {
            d: math.exp(-d * d / (2 * sigma * sigma)) for d in _range(max_deviation)
        }
        total = sum(weights.values())
        return {d: w / total for d, w in weights.items()}

    def var(sigma):
        return sum(w * d * d for d, w in spread(sigma).items())

    low, high = 1e-3, 100.0
    if var(high) < variance:
        raise ValueError("the variance is too large for the largest deviation")
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if var(middle) < variance else (low, middle)
    return spread((low + high) / 2)


def _range(maximum):
    return range(-maximum, maximum + 1)


def _tilted_to_mean(weights, mean):
    """Reweight p(v) * exp(a * v) so that the mean is `mean` (bisection on a)."""

    def tilted(a):
        shifted = {v: w * math.exp(a * (v - mean)) for v, w in weights.items()}
        total = sum(shifted.values())
        return {v: w / total for v, w in shifted.items()}

    low, high = -50.0, 50.0
    for _ in range(200):
        middle = (low + high) / 2
        average = sum(v * w for v, w in tilted(middle).items())
        low, high = (middle, high) if average < mean else (low, middle)
    return tilted((low + high) / 2)


def _bounds(weights):
    """Cumulative whole-number bounds out of KEY_RANGE (largest remainders), values in
    order. A value whose share rounds to nothing is left out."""
    values = sorted(weights)
    exact = [weights[v] * KEY_RANGE for v in values]
    whole = [math.floor(x) for x in exact]
    for index in sorted(
        range(len(values)), key=lambda i: exact[i] - whole[i], reverse=True
    )[: KEY_RANGE - sum(whole)]:
        whole[index] += 1
    bounds, running = [], 0
    for value, share in zip(values, whole, strict=True):
        if share:
            running += share
            bounds.append((running, value))
    return tuple(bounds)


@functools.cache
def _table(max_deviation, variance, small):
    return PerturbationTable(
        max_deviation=max_deviation, variance=variance, small=small
    )


def table():
    """The table of the current settings."""
    return _table(**settings.RESULTS_PERTURBATION)


def activity_table():
    """The table for class activities' counts (schools.results.activities)."""
    return _table(**settings.ACTIVITY_PERTURBATION)


def parameters():
    """What people are told about the perturbation (pages, exports, API docs)."""
    current = table()
    return {
        "max_deviation": current.max_deviation,
        "variance": current.variance,
        "small": current.small,
        "version": current.version,
    }
