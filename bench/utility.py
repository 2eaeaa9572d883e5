"""How far the share positive a coordinator is shown lies from the truth, on the demo data
and on one million answers.

    .venv/bin/python bench/utility.py [--keep]

PostgreSQL database `lessen_bench_utility`: migrate, `load_demo_data` (the demo schools
and about 110,000 answers from cms.demo.check_ins.generate_check_ins, with their rollups);
measured; then topped up to 1,000,000 answers with bench/data.py's loader (the data
bench/results.py uses), rollups refreshed, measured again. Dropped at the end unless
--keep.

Share positive: the share of mood answers that are 4 or 5 (schools.results.POSITIVE,
`positive_pct` in the engine's cells). For every group the script compares
- SHOWN: what the engine gives the regional coordinator (`results()`, perturbed counts of
  the atoms that count, read through the rollups), from its counts, and as the whole
  percentage `positive_pct` it displays;
- TRUE: from the raw counts of the same scope (ended check-ins of completed weeks), over
  all answers of the group, and over only the atoms that are shown (the perturbation's
  own error, without what suppression leaves out).
Groups: municipality x month (the engine's `month`: a week counts in the month of its
Thursday) and school x half school year (August-January, February-July: the code has no
terms; the engine is asked per school with `start`/`end` on the half's weeks).

Which atoms are shown is worked out here again from the rules (threshold, two classes,
homogeneity on the shown counts; a school week's rest of atoms that do not count) to get
their true counts; the shown counts of those atoms
must add up to the engine's exactly, and the script says so (`engine check`).
A benchmark, not a test: exit 0 when the target is missed; 1 without PostgreSQL."""

import argparse
import datetime
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root must be importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import common, data

PG_DB = "lessen_bench_utility"
ONE_MILLION = 1_000_000
TARGET_PP = 1.0
MOOD = [f"mood_{value}" for value in range(1, 6)]


def half_of(month):
    """(school year, 1 or 2) of a month: August-January is the first half."""
    year = month.year if month.month >= 8 else month.year - 1
    return f"{year}-{year + 1}", 1 if month.month >= 8 or month.month == 1 else 2


def atoms():
    """{atom: [true counts, shown counts, classes, key sums]} of the regional
    coordinator's scope: ended check-ins of completed weeks, by school, group, week, lesson
    and moment."""
    from schools.clock import last_complete_week
    from schools.models import CheckInSession
    from schools.results.perturbation import KEY_RANGE, table

    perturbation = table()
    rows = (
        CheckInSession.objects.ended()
        .filter(week__lte=last_complete_week())
        .values_list(
            "school_id",
            "municipality_id",
            "group",
            "week",
            "lesson_id",
            "moment",
            "school_class_id",
            *MOOD,
            *(f"{column}_key" for column in MOOD),
        )
    )
    out = {}
    for row in rows.iterator(chunk_size=5000):
        key = (*row[:4], row[4] or 0, row[5])
        counts, keys = row[7:12], row[12:17]
        atom = out.setdefault(key, [[0] * 5, [0] * 5, set()])
        for index in range(5):
            atom[0][index] += counts[index]
            atom[1][index] += keys[index]  # key sums for now; shown counts below
        if sum(counts):
            atom[2].add(row[6])
    for atom in out.values():  # an atom is perturbed once, with its summed key sums
        atom.append(atom[1])
        atom[1] = [
            perturbation.shown(count, key % KEY_RANGE)
            for count, key in zip(atom[0], atom[1], strict=True)
        ]
    return out


def rests(atoms, viewer):
    """{(school, municipality, week): [true counts, shown counts, classes]}: per school
    week, the atoms that do not count summed as one more atom (its rest)."""
    from schools.results.perturbation import KEY_RANGE, table

    out = {}
    for (school, municipality, _b, week, _l, _m), atom in atoms.items():
        if counts(atom, viewer):
            continue
        rest = out.setdefault((school, municipality, week), [[0] * 5, [0] * 5, set()])
        for index in range(5):
            rest[0][index] += atom[0][index]
            rest[1][index] += atom[3][index]
        rest[2] |= atom[2]
    for rest in out.values():
        rest[1] = [
            table().shown(count, key % KEY_RANGE)
            for count, key in zip(rest[0], rest[1], strict=True)
        ]
    return out


def counts(atom, viewer):
    from schools.results import rules

    true, shown, classes = atom[:3]
    return (
        sum(true) >= rules.min_answers(viewer)
        and len(classes) >= rules.min_classes(viewer)
        and max(shown) < sum(shown) - 1
    )


def share(values):
    total = sum(values)
    return 100 * (values[3] + values[4]) / total if total else None


def engine_groups(viewer):
    """{("municipality", id, month) or ("school", id, half): (shown counts, pct)}."""
    from schools.models import Municipality
    from schools.results import results

    ids = dict(Municipality.objects.values_list("slug", "pk"))
    out = {}
    rows = results(viewer=viewer, group_by=["municipality", "month"])["results"]
    for row in rows:
        month = datetime.date.fromisoformat(row["month"])
        key = ("municipality", ids[row["municipality"]], month)
        out[key] = ([row["counts"][str(v)] for v in range(1, 6)], row["positive_pct"])
    for half, (start, end) in halves().items():
        filters = {"start": start, "end": end}
        for row in results(viewer=viewer, group_by=["school"], filters=filters)[
            "results"
        ]:
            key = ("school", row["school"], half)
            out[key] = (
                [row["counts"][str(v)] for v in range(1, 6)],
                row["positive_pct"],
            )
    return out


def halves():
    """{(school year, half): (first Monday, last Monday)} of the weeks in the data."""
    from schools.clock import month_of_week
    from schools.models import CheckInSession

    out = {}
    for week in CheckInSession.objects.values_list("week", flat=True).distinct():
        half = half_of(month_of_week(week))
        first, last = out.get(half, (week, week))
        out[half] = (min(first, week), max(last, week))
    return out


def measure(label):
    from schools.clock import month_of_week
    from schools.results import Viewer

    viewer = Viewer.coordinator()
    started = time.monotonic()
    truth = defaultdict(
        lambda: [[0] * 5, [0] * 5, [0] * 5]
    )  # all, shown atoms: true, shown
    fine = atoms()
    every = [
        *(((s, m, w), atom, True) for (s, m, _b, w, _l, _mo), atom in fine.items()),
        *((key, rest, False) for key, rest in rests(fine, viewer).items()),
    ]
    for (school, municipality, week), atom, answers_of_its_own in every:
        month = month_of_week(week)
        shown = counts(atom, viewer)
        for key in (
            ("municipality", municipality, month),
            ("school", school, half_of(month)),
        ):
            group = truth[key]
            for index in range(5):
                if answers_of_its_own:  # a rest's answers are in its atoms already
                    group[0][index] += atom[0][index]
                if shown:
                    group[1][index] += atom[0][index]
                    group[2][index] += atom[1][index]
    engine = engine_groups(viewer)
    seconds = time.monotonic() - started
    out = []
    for kind, name in (
        ("municipality", "municipality x month"),
        ("school", "school x half year"),
    ):
        groups = {k: v for k, v in truth.items() if k[0] == kind}
        shown_groups = {k: v for k, v in engine.items() if k[0] == kind}
        zero = [0] * 5
        mismatches = sum(
            1
            for key in set(groups) | set(shown_groups)
            if (shown_groups[key][0] if key in shown_groups else zero)
            != (groups[key][2] if key in groups else zero)
        )
        all_answers = sum(sum(g[0]) for g in groups.values())
        covered = sum(sum(g[1]) for g in groups.values())
        diffs = {"all": [], "perturbation": [], "displayed": []}
        for key, (shown_counts, pct) in shown_groups.items():
            group = groups[key]
            shown_share = share(shown_counts)
            diffs["all"].append(abs(shown_share - share(group[0])))
            diffs["perturbation"].append(abs(shown_share - share(group[1])))
            diffs["displayed"].append(abs(pct - share(group[0])))
        out.append(
            {
                "data": label,
                "groups": name,
                "with answers": sum(1 for g in groups.values() if sum(g[0])),
                "shown": len(shown_groups),
                "coverage": covered / all_answers if all_answers else 0.0,
                "answers": all_answers,
                "mismatches": mismatches,
                **{f"mad {k}": mean(v) for k, v in diffs.items()},
                "p95 all": p95(diffs["all"]),
                "max all": max(diffs["all"], default=float("nan")),
                "median n": statistics.median(
                    [sum(c) for c, _pct in shown_groups.values()] or [0]
                ),
                "seconds": seconds,
            }
        )
    return out


def mean(values):
    return statistics.fmean(values) if values else float("nan")


def p95(values):
    ordered = sorted(values)
    return (
        ordered[max(0, -(-95 * len(ordered) // 100) - 1)] if ordered else float("nan")
    )


def print_rows(rows):
    print(
        "| data | groups | groups with answers | shown | coverage | median answers shown "
        "| MAD vs all answers (pp) | MAD, perturbation only (pp) | MAD of the displayed "
        "whole % (pp) | p95 / max diff (pp) | engine check |"
    )
    print("|---|---|" + "---:|" * 8 + "---|")
    for row in rows:
        check = "equal" if not row["mismatches"] else f"{row['mismatches']} DIFFER"
        print(
            f"| {row['data']} | {row['groups']} | {row['with answers']} | {row['shown']} "
            f"| {100 * row['coverage']:.1f}% | {row['median n']:,.0f} "
            f"| {row['mad all']:.2f} | {row['mad perturbation']:.2f} "
            f"| {row['mad displayed']:.2f} | {row['p95 all']:.2f} / {row['max all']:.2f} "
            f"| {check} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    prepared = common.prepare(PG_DB, demo_args=())
    if prepared is None:
        return 1
    env, database, use_redis = prepared
    common.setup_django(env)
    idle_busy = common.background_load()
    rows = []
    try:
        print(f"Demo data: {data_line()}", flush=True)
        demo = data_line()
        rows += measure("demo")
        print(f"Loading up to {ONE_MILLION:,} answers...", flush=True)
        data.Loader().load(ONE_MILLION)
        data.vacuum_analyze()
        data.refresh_rollups()
        million = data_line()
        rows += measure("1M")
    finally:
        if not args.keep:
            common.drop_database(PG_DB)

    print()
    common.print_machine(
        database, use_redis, server="in process (no server)", idle_busy=idle_busy
    )
    print(f"data:     demo: {demo}")
    print(f"          1M:   {million}")
    print()
    print_rows(rows)
    print()
    print(
        "coverage: the share of the true mood answers (ended check-ins of completed "
        "weeks) that lie in shown atoms; MAD: the mean over the shown groups of "
        "|shown share positive - true share positive|, in percentage points."
    )
    for row in rows:
        if row["groups"].startswith("municipality"):
            verdict = "met" if row["mad all"] < TARGET_PP else "MISSED"
            print(
                f"MAD municipality x month on {row['data']}: {row['mad all']:.2f} pp "
                f"(displayed whole %: {row['mad displayed']:.2f} pp; target < "
                f"{TARGET_PP:g} pp): {verdict}"
            )
    return 0


def data_line():
    info = data.summary()
    return (
        f"{info['answers']:,} answers in {info['sessions']:,} sessions, "
        f"{info['classes']:,} classes, {info['municipalities']} municipalities"
    )


if __name__ == "__main__":
    sys.exit(main())
