"""Smoke tests of the benchmark scripts (bench/): they import, and the synthetic data they
load is shaped as the write path leaves it. No timings: benchmarks print figures, they
assert nothing about speed."""

import datetime
import importlib
import random

import pytest

from bench import data, utility

SCRIPTS = ["common", "data", "dashboard", "failure", "follow", "ingest"]
SCRIPTS += ["ingest_client", "load", "results"]
SCRIPTS += ["rush", "site", "utility"]


@pytest.mark.parametrize("name", SCRIPTS)
def test_bench_module_imports(name):
    importlib.import_module(f"bench.{name}")


def generator():
    days = [datetime.date(2026, 3, 2) + datetime.timedelta(days=n) for n in range(60)]
    lessons = [(1, {"groep-5-6"}, {"lesson_start", "lesson_end"})]
    return data.Generator(lessons, [(1, 1, {"groep-5-6"})], days)


def test_bench_answers_fit_the_session():
    gen, rng = generator(), random.Random(1)
    cumulative = gen.tilt(rng)
    for question_set, questions in (
        ("standard", ("mood", "energy", "feeling")),
        ("young", ("mood",)),
        ("ladder", ("ladder",)),
    ):
        counts = gen.counts(rng, 25, question_set, "lesson_start", cumulative)
        for question in questions:
            answered = sum(v for c, v in counts.items() if c.startswith(question))
            assert 0 < answered <= 25  # a question may be skipped, never counted twice
    young = gen.counts(rng, 25, "young", "standalone", cumulative)
    assert set(young) <= {"mood_1", "mood_3", "mood_5"}


def test_bench_parallel_class_follows_its_leader():
    gen = generator()
    _rng, _pupils, led = gen.class_year("leader", "groep-5-6")
    _rng, _pupils, followed = gen.follower_year("follower", "groep-5-6", led)
    assert {(d, lesson, m) for d, lesson, m, _n in followed} & {
        (d, lesson, m) for d, lesson, m, _n in led
    }
    assert data.class_plan("region", 1)["leader"] == 0
    assert (
        data.class_plan("region", 1)["group"] == data.class_plan("region", 0)["group"]
    )


def test_bench_halves_of_the_school_year():
    assert utility.half_of(datetime.date(2026, 1, 1)) == ("2025-2026", 1)
    assert utility.half_of(datetime.date(2026, 2, 1)) == ("2025-2026", 2)
    assert utility.half_of(datetime.date(2026, 8, 1)) == ("2026-2027", 1)
