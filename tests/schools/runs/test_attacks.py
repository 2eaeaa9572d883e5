"""Attacks on what a lesson run promises the class (issue 16): "Niemand kan zien wat jij
koos". Nothing per pupil is stored (counts per run, activity and option, and spent token
nonces without the answer); results appear only when the teacher reveals them, from 5
answers, and the reveal closes the question; one or two pupils show as "een paar", never
as a number; counts are perturbed (the cell key method) so that the exact number who
answered minus the other options gives no small count away; counts go when the run ends;
coordinators see how many activities were held, nothing more.

Attackers: the class's teacher, a teacher of another class or school, a school admin, a
coordinator, someone with only the join code, and two of them together. Interfaces: the
pupils' pages (/meedoen/<code>/, its state, the join page), the board's endpoints
(/sessies/les/<code>/...), the API, the dashboard and its export, the admin, and the rows
in the database. Each test says who, through what, against which promise; it fails when
the rule is weakened, or (the holes that are open now) until the hole is closed."""

import base64
import datetime
import itertools
import json
import re
import secrets
from collections import Counter, defaultdict
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schools import clock
from schools.checkins.throttling import BATCHES, WRONG_CODES, HashedScopedRateThrottle
from schools.models import (
    LessonRun,
    Membership,
    OptionCount,
    Role,
    RunActivity,
    Showing,
    SpentActivityToken,
)
from schools.results.activities import activity_results
from schools.runs import following, services
from tests.factories import (
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
    a_person_in_every_role,
    cache_keys,
    staff,
)

# --- Who looks, and how their browsers talk to us.


@pytest.fixture(autouse=True)
def fresh_counters():
    """Each test starts with empty throttle counters (they live in the cache)."""
    cache.clear()
    BATCHES.clear()
    yield
    cache.clear()
    BATCHES.clear()


def forget_rate():
    """Between two lessons (days apart, for a real attacker) the request rate starts anew."""
    cache.clear()
    BATCHES.clear()


@pytest.fixture
def people(school_class, teacher):
    """Everyone who might look at the class's run: its teacher (the one who starts the
    lesson), its school's admin, a coordinator of its municipality and a regional one, a
    teacher of another class in the same school, the admin and a teacher of another
    school, and a stranger with an account."""
    school = school_class.school
    roles = a_person_in_every_role(school_class, school.municipality)
    roles["teacher"] = teacher
    neighbour = UserFactory(username="meester-bram")
    SchoolClassFactory(school=school, name="groep 8", teachers=[neighbour])
    Membership.objects.create(user=neighbour, school=school, role=Role.TEACHER)
    elsewhere = SchoolFactory(name="De Duinroos", municipality=school.municipality)
    far_teacher, far_admin = UserFactory(username="juf-cor"), staff()
    SchoolClassFactory(school=elsewhere, name="groep 6", teachers=[far_teacher])
    Membership.objects.create(user=far_teacher, school=elsewhere, role=Role.TEACHER)
    Membership.objects.create(user=far_admin, school=elsewhere, role=Role.SCHOOL_ADMIN)
    roles.update(neighbour=neighbour, far_teacher=far_teacher, far_admin=far_admin)
    return roles


def signed_in(user):
    """Her browser, signed in, with the CSRF cookie her pages give it."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    browser.get("/mijn/")
    browser.get("/admin/")
    assert "csrftoken" in browser.cookies
    return browser


def send(browser, path, data=None, **extra):
    """A form post as her browser makes it: with the CSRF token."""
    token = browser.cookies["csrftoken"].value
    return browser.post(path, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)


def url(name, *args):
    return reverse(f"runs:{name}", args=args)


def start_lesson(board, school_class, lesson):
    """She starts the lesson with her class on the board; the code is on the board."""
    started = send(
        board, url("start"), {"school_class": school_class.pk, "lesson": lesson.pk}
    )
    assert started.status_code == 302, started
    page = board.get(f"{lesson.url}klas/").content.decode()
    return re.search(r'class="run-join__code"[^>]*>([A-Z0-9]+)<', page).group(1)


def show(board, code, activity_id):
    moved = send(board, url("move", code), {"activity": activity_id})
    assert moved.status_code == 200 and moved.json()["show"] == "activity"


def reveal(board, code, activity_id):
    return send(
        board,
        url("reveal", code, activity_id),
        headers={"X-Requested-With": "fetch"},
    )


def end_lesson(board, code):
    assert send(board, url("end", code)).status_code == 302


def panel(board, code, activity_id):
    response = board.get(url("panel", code, activity_id))
    assert response.status_code == 200, response
    return response.content.decode()


class Pupil:
    """One pupil's screen: her own browser (a cookie keeps her question), or the class
    tablet (`tablet`: a fresh question for every next pupil, nothing kept)."""

    def __init__(self, code, *, tablet=False, address="127.0.0.1"):
        self.browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
        self.page = url("follow", code) + ("?tablet=1" if tablet else "")

    def look(self):
        return self.browser.get(self.page)

    def answer(self, *values, token=None):
        if token is None:
            token = token_in(self.look())
        return self.browser.post(self.page, {"token": token, "keuze": list(values)})


def decoded(payload):
    """The data in a signed token's first part (base64 JSON, readable by anyone)."""
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def token_in(response):
    found = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert found, response.content.decode()[:300]
    return found.group(1)


def values_of(definition):
    return [option["value"] for option in definition["options"]]


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def board_counts(html):
    """What the board shows per option, in the activity's order: "een paar", "niemand",
    a number, or for a word cloud {label: count}; () when no result is shown."""
    if "word-cloud__word" in html:
        return {
            _text(label): _text(count).strip("()")
            for label, count in re.findall(
                r'<li class="word-cloud__word[^"]*">(.*?)<span class="word-cloud__count">(.*?)</span>',
                html,
                re.S,
            )
        }
    return tuple(
        _text(count)
        for count in re.findall(r'<span class="run-results__count">(.*?)</span>', html)
    )


def as_the_board_shows(result):
    """The engine's result as the panel's template writes it (board_counts' reading)."""
    if not result["shown"]:
        return ()
    return tuple(
        "hooguit een paar" if row["few"] else str(row["count"])
        for row in result["rows"]
    )


# --- Reading the board: what she can work out from what it shows.


def displays_of(definition, true, answered):
    """Every way the board can show an option that `true` of `answered` pupils chose:
    the results engine itself, given one cell key from each band of the perturbation
    table's row (anyone can compute this: the code and the table are open)."""
    from schools.results.perturbation import activity_table

    first = definition["options"][0]["value"]
    activity = SimpleNamespace(
        definition=definition, n=answered, revealed_at=timezone.now()
    )
    shown = set()
    for bound, _value in activity_table().row(true).bounds:
        key = bound - 1 if true else 0  # no answers: no keys added
        result = activity_results(activity, {first: SimpleNamespace(n=true, key=key)})
        shown.add((as_the_board_shows(result) or ("(niets)",))[0])
    return shown


def possible_counts(definition, shown, answered):
    """For a one-answer activity: every set of true counts that could have made what the
    board shows, given that the counts add up to the exact number who answered."""
    ways = {
        true: displays_of(definition, true, answered) for true in range(answered + 1)
    }
    rows = []
    for text in shown:
        could_be = [true for true, texts in ways.items() if text in texts]
        rows.append(could_be or list(ways))  # a reading the engine never gives: any
    return [
        combination
        for combination in itertools.product(*rows)
        if sum(combination) == answered
    ]


def exact_small_counts(definition, shown, answered):
    """The options whose count she can tell exactly, where that count is 1 or 2."""
    combinations = possible_counts(definition, shown, answered)
    assert combinations, (shown, answered)
    exact = {}
    for index in range(len(shown)):
        values = {combination[index] for combination in combinations}
        if len(values) == 1 and values <= {1, 2}:
            exact[index] = values.pop()
    return exact


# === Holes: these fail now and describe what is open.


def test_answers_planted_next_to_one_pupil_do_not_name_her_answer(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher and the join code (it is on the board; anyone in the
    room has it), together. Interface: the pupils' page in tablet mode (a fresh question
    for every "next pupil"), then the board's reveal and panel. Promise: "Niemand kan
    zien wat jij koos"; against planted answers the counts are perturbed and small ones
    shown as "een paar" (docs/security.md: for check-ins she is right in at most 47%).

    She answers the poll four times herself, all with the first answer, lets one pupil
    answer, reveals at exactly five and reads the board as well as anyone can (the most
    likely answer given the board, with the perturbation's own rules, which are open).
    She should not be right two times in three (a guess is right one time in three).
    Now an option nobody chose says "niemand", exactly, and nothing else is hidden when
    (nearly) all answers are the same: the one option besides hers that is not
    "niemand" is the pupil's, and if there is none the pupil chose hers. She is always
    right."""
    poll_id, poll = activities["poll"]
    options = values_of(poll)
    planted = options[0]
    board = signed_in(teacher)
    likelihoods = _board_likelihoods(poll, planted=planted, planted_count=4)
    right = 0
    trials = [chosen for chosen in options for _ in range(8)]
    for chosen in trials:
        forget_rate()
        code = start_lesson(board, school_class, run_lesson)
        show(board, code, poll_id)
        tablet = Pupil(code, tablet=True)
        for _ in range(4):
            assert tablet.answer(planted).status_code == 200
        assert Pupil(code).answer(chosen).status_code == 302
        reveal(board, code, poll_id)
        seen = board_counts(panel(board, code, poll_id))
        guess = max(options, key=lambda option: likelihoods[option].get(seen, 0.0))
        right += guess == chosen
        end_lesson(board, code)
    assert right / len(trials) <= 2 / 3, (
        f"she named the pupil's answer in {right} of {len(trials)} lessons"
    )


def _board_likelihoods(definition, *, planted, planted_count, samples=3000):
    """How likely each board is, for each answer the one pupil could have given: the
    results engine itself, run with random cell keys (what the attacker can compute)."""
    options = values_of(definition)
    seen = {}
    now = timezone.now()
    for chosen in options:
        true = Counter({planted: planted_count})
        true[chosen] += 1
        boards = Counter()
        for _ in range(samples):
            activity = SimpleNamespace(
                definition=definition, n=planted_count + 1, revealed_at=now
            )
            counts = {
                option: SimpleNamespace(n=true[option], key=secrets.randbelow(1 << 16))
                for option in options
                if true[option]
            }
            boards[as_the_board_shows(activity_results(activity, counts))] += 1
        seen[chosen] = {board: count / samples for board, count in boards.items()}
    return seen


def test_the_answered_number_minus_the_other_options_gives_no_exact_small_count(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher alone. Interface: the board's panel after the
    reveal. Promise: an option one or two pupils chose shows as "een paar", never as an
    exact number, and subtraction from the exact number who answered gives none away.

    Five pupils answer the scale (0 to 10) with five different numbers. The board shows
    five times "een paar" and six times "niemand", under "5 antwoorden": five options
    that each hold at least one of five answers hold exactly one each. Every count that
    is not 0 is at least 1 ("een paar") or 3 (a number), so whenever those floors add up
    to the number who answered, every count is exact; the same with a poll answered
    (3, 1, 1) by five pupils: a number and two times "een paar" under 5 answers."""
    scale_id, scale = activities["scale"]
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, scale_id)
    for number in ("0", "3", "5", "8", "10"):
        assert Pupil(code).answer(number).status_code == 302
    assert reveal(board, code, scale_id).status_code == 200
    html = panel(board, code, scale_id)
    shown = board_counts(html)
    assert "5 antwoorden" in _text(html)
    exact = exact_small_counts(scale, shown, answered=5)
    named = {scale["options"][index]["label"]: count for index, count in exact.items()}
    assert not named, f"she can tell exactly how many chose {named}"


def test_a_guesser_cannot_tell_valid_lesson_codes_apart_once_over_the_rate(
    run, monkeypatch
):
    """Attacker: someone without a code, guessing (a pupil at school, a script).
    Interface: the join page (/doe-mee/?code=) and the following screens' state
    (/meedoen/<code>/bord/). Promise (docs/security.md): every lookup counts against one
    request rate per address; over the wrong-code limit a guesser learns which codes are
    valid only at that rate.

    Once the address is over the pupils' rate, a check-in's code gets 429 like a wrong
    code (tests/schools/test_privacy.py::test_the_pupil_pages_share_the_pupil_rate).
    A lesson run's code does not: the join page answers it (302) before it counts the
    rate, and the state endpoint counts no rate at all (200 against 429 for a wrong
    code): an oracle at whatever speed the guesser's connection allows."""
    monkeypatch.setattr(
        HashedScopedRateThrottle, "THROTTLE_RATES", {"pupils": "4/minute"}
    )
    monkeypatch.setattr(WRONG_CODES, "per_client", 2)
    guesser = Client()
    for letter in "ACDEF":  # wrong codes: over the wrong-code limit and the rate
        guesser.get("/doe-mee/", {"code": f"QQQQQ{letter}"})
    assert guesser.get(url("follow", run.code)).status_code == 429  # (held)
    answers = {
        "join page": (
            guesser.get("/doe-mee/", {"code": run.code}).status_code,
            guesser.get("/doe-mee/", {"code": "QQQQQH"}).status_code,
        ),
        "state": (
            guesser.get(url("board_state", run.code)).status_code,
            guesser.get(url("board_state", "QQQQQJ")).status_code,
        ),
    }
    assert answers == {"join page": (429, 429), "state": (429, 429)}, answers


def test_a_guesser_cannot_pass_for_a_screen_that_follows_the_run(run, monkeypatch):
    """Attacker: someone without a code, over the rate, who has read how a following
    screen asks (the code is open). Interface: the following screens' state and page.
    Promise (docs/security.md): the screens of a run are counted per run only when they
    carry its follower tag, which only a page of the run hands out; a made-up ETag or
    `volg` (the run's number, another run's tag, the tag's shape) is counted like any
    request, so over the rate a valid code still looks like a wrong one."""
    monkeypatch.setattr(
        HashedScopedRateThrottle, "THROTTLE_RATES", {"pupils": "4/minute"}
    )
    monkeypatch.setattr(WRONG_CODES, "per_client", 2)
    guesser = Client()
    for letter in "ACDEF":
        guesser.get("/doe-mee/", {"code": f"QQQQQ{letter}"})
    other_run = following.tag_of(SimpleNamespace(pk=run.pk + 1, code=run.code))
    forged = [f'"{run.pk}-1"', f'"{other_run}-1"', '"-1"', "*", f'"{"0" * 20}-1"']
    state = [
        guesser.get(url("board_state", run.code), HTTP_IF_NONE_MATCH=etag).status_code
        for etag in forged
    ]
    page = [
        guesser.get(url("follow", run.code), {"volg": volg}).status_code
        for volg in ("", str(run.pk), other_run, "0" * 20)
    ]
    assert (state, page) == ([429] * 5, [429] * 4)
    # With the real tag (a screen of the class at the same school address) it follows.
    assert guesser.get(following.page_url(run)).status_code == 200


def test_a_screen_that_keeps_reloading_is_stopped_at_its_own_run(run, settings):
    """Attacker: someone with the code and its page (a pupil of the class), reloading it
    in a loop. Interface: the following screen's page. Promise: the screens of one run
    have their own rate (FOLLOWER_PAGES_PER_PUPIL a minute per pupil of the class): the
    loop is stopped there, and the school's "pupils" rate is not used up by it."""
    settings.FOLLOWER_PAGES_PER_PUPIL = 1
    page = following.page_url(run)
    loop = Client()
    seen = Counter(loop.get(page).status_code for _ in range(run.expected + 3))
    assert seen == {200: run.expected, 429: 3}
    assert Client().get(url("follow", run.code)).status_code == 200


def test_on_postgresql_no_system_column_links_a_spent_token_to_an_option(
    run, activities
):
    """Attacker: someone who can read the database (an operator, a stolen replica), and
    with her the teacher, who saw in which order pupils pressed "Klaar", or the pupil's
    Chromebook, whose cookie holds her token. Interface: plain SELECTs. Promise: spent
    token nonces are kept without the answer, and nothing stored orders the answers.

    PostgreSQL keeps, in every row, the transaction that wrote it (`xmin`) and places an
    updated row after the others. An answer inserts its spent token and adds 1 to the
    rows of the options it chose, in one transaction: each option row carries the id of
    the last answer that chose it, and so does that answer's token row. The token
    (nonce) of the last pupil to choose each option is linked to that option, and the
    options' order on disk is the order in which they were last chosen. (SQLite updates
    in place and has no such column: this runs on PostgreSQL, as CI does.)"""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's system columns (CI runs the suite on PostgreSQL too)")
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    options = values_of(poll)
    given = [options[0], options[1], options[2], options[0], options[1]]
    for value in given:
        assert Pupil(run.code).answer(value).status_code == 302
    activity = RunActivity.objects.get(run=run, activity=poll_id)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT xmin::text, option FROM {OptionCount._meta.db_table} "
            "WHERE activity_id = %s ORDER BY ctid",  # as they lie on disk (a dump's order)
            [activity.pk],
        )
        option_rows = cursor.fetchall()
        cursor.execute(
            f"SELECT xmin::text, nonce FROM {SpentActivityToken._meta.db_table} "
            "WHERE run_id = %s",
            [run.pk],
        )
        token_rows = cursor.fetchall()
    on_disk = [option for _xmin, option in option_rows]
    options_by_writer = defaultdict(set)
    for xmin, option in option_rows:
        options_by_writer[xmin].add(option)
    # A token may share its writer with every option row (all rewritten by each answer),
    # never with some options and not others: that would be its answer.
    linked = {
        nonce: options_by_writer[xmin]
        for xmin, nonce in token_rows
        if options_by_writer.get(xmin) and options_by_writer[xmin] != set(options)
    }
    assert not linked, f"spent tokens linked to the options they chose: {linked}"
    assert on_disk == sorted(on_disk, key=options.index), (
        f"the option rows lie in the order they were last chosen: {on_disk}"
    )


# === Rules that hold: each fails when its rule is weakened.


def test_watching_the_panel_while_pupils_answer_shows_only_how_many(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher, watching the board's panel after every answer
    (the board asks for it again and again). Interface: the panel, and the following
    screens' state. Promise: before the reveal nothing per option is shown, only how
    many answered; pupils' screens do not see answers come in either."""
    poll_id, poll = activities["poll"]
    options = values_of(poll)
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, poll_id)
    state = Client().get(url("board_state", code)).json()
    panels = []
    for number, value in enumerate([options[i] for i in (0, 1, 2, 0, 1, 1, 2)], 1):
        assert Pupil(code).answer(value).status_code == 302
        html = panel(board, code, poll_id)
        assert f"<strong>{number}</strong> van de 6" in html
        panels.append(
            re.sub(r"<strong>\d+</strong> van de 6 \w+ geantwoord", "", _plain(html))
        )
        assert Client().get(url("board_state", code)).json() == state
    before_five, from_five = panels[:4], panels[4:]
    assert len(set(before_five)) == 1 and len(set(from_five)) == 1
    for html in panels:
        assert "run-results" not in html and "word-cloud" not in html
        assert not any(option["label"] in html for option in poll["options"])
        assert "een paar" not in html and "niemand" not in html


def _plain(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_no_reveal_below_five_answers_even_by_a_hand_made_post(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher, posting the reveal herself with four answers in
    (the button is not there yet). Interface: /uitkomst/ and the panel. Promise: results
    only from 5 answers."""
    poll_id, poll = activities["poll"]
    options = values_of(poll)
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, poll_id)
    for value in (options[0], options[0], options[1], options[2]):
        assert Pupil(code).answer(value).status_code == 302
    early = reveal(board, code, poll_id)
    assert early.status_code == 409
    assert "vanaf 5 antwoorden" in early.content.decode()
    assert "run-results" not in early.content.decode()
    assert RunActivity.objects.get(activity=poll_id).revealed_at is None
    assert "run-results" not in panel(board, code, poll_id)
    assert Pupil(code).answer(options[1]).status_code == 302
    assert reveal(board, code, poll_id).status_code == 200
    assert "run-results" in panel(board, code, poll_id)


def test_the_reveal_closes_the_question_for_every_screen(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher, who reveals at five and then lets a pupil whose
    question was already open on her screen answer, to see the result change (it would
    tell her that pupil's answer). Interface: the pupil's page, the panel. Promise: the
    reveal closes the question."""
    poll_id, poll = activities["poll"]
    options = values_of(poll)
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, poll_id)
    late = Pupil(code)
    late_token = token_in(late.look())  # her question is open before the reveal
    tablet = Pupil(code, tablet=True)
    tablet_token = token_in(tablet.look())
    for value in (options[0], options[1], options[1], options[2], options[0]):
        assert Pupil(code).answer(value).status_code == 302
    assert reveal(board, code, poll_id).status_code == 200
    before = _plain(panel(board, code, poll_id))
    for pupil, token in ((late, late_token), (tablet, tablet_token)):
        refused = pupil.answer(options[2], token=token)
        assert refused.status_code == 409
        assert "Deze vraag is gesloten" in refused.content.decode()
    assert RunActivity.objects.get(activity=poll_id).n == 5
    assert _plain(panel(board, code, poll_id)) == before
    after = Pupil(code).look().content.decode()
    assert 'name="token"' not in after and "kijk naar het bord" in after.lower()


def test_small_counts_show_as_a_few_and_every_count_is_perturbed_the_same_each_time(
    run_lesson, activities, school_class, teacher
):
    """Attacker: the class's teacher, subtracting: six pupils answer the poll 5, 1, 0
    and the word cloud (one to three words each) with two words chosen by one pupil
    each. Interface: the panel, asked for again and again, over ten lessons. Promise: an
    option one or two pupils chose shows "een paar", never a number; the others are
    perturbed (the board's 5 is not always 5, so 6 answered minus it is not the 1), and
    the same each time it is asked (asking again averages nothing away)."""
    poll_id, poll = activities["poll"]
    cloud_id, cloud = activities["word_cloud"]
    a, b, _c = values_of(poll)
    words = values_of(cloud)
    labels = [option["label"] for option in cloud["options"]]
    picks = [[0, 1], [0], [0, 2], [0], [0], [0]]
    board = signed_in(teacher)
    poll_shown, cloud_shown = Counter(), Counter()
    for _lesson in range(10):
        forget_rate()
        code = start_lesson(board, school_class, run_lesson)
        pupils = [Pupil(code) for _ in range(6)]
        show(board, code, poll_id)
        for pupil, value in zip(pupils, [a] * 5 + [b], strict=True):
            assert pupil.answer(value).status_code == 302
        show(board, code, cloud_id)
        for pupil, chosen in zip(pupils, picks, strict=True):
            assert pupil.answer(*(words[i] for i in chosen)).status_code == 302
        reveal(board, code, poll_id)
        reveal(board, code, cloud_id)
        poll_panels = {_plain(panel(board, code, poll_id)) for _ in range(4)}
        cloud_panels = {_plain(panel(board, code, cloud_id)) for _ in range(4)}
        assert len(poll_panels) == 1 and len(cloud_panels) == 1  # the same every time
        shown_poll = board_counts(poll_panels.pop())
        shown_cloud = board_counts(cloud_panels.pop())
        assert shown_poll[1:] == ("hooguit een paar", "hooguit een paar"), shown_poll
        assert {shown_cloud[labels[i]] for i in (1, 2, 3, 4)} == {"hooguit een paar"}
        poll_shown[shown_poll[0]] += 1
        cloud_shown[shown_cloud[labels[0]]] += 1
        end_lesson(board, code)
    assert len(poll_shown) > 1, f"the 5 is always shown as {poll_shown}"
    assert len(cloud_shown) > 1, f"the 6 is always shown as {cloud_shown}"


@pytest.mark.parametrize(
    "who",
    ["neighbour", "far_teacher", "far_admin", "coordinator", "regional", "stranger"],
)
def test_no_one_but_the_class_and_its_school_opens_or_reveals_its_activities(
    people, run, activities, answer_activity, who
):
    """Attacker: a teacher of another class in the school, the admin or a teacher of
    another school, a coordinator, a regional coordinator, a stranger with an account.
    Interface: the board's endpoints with the class's code (it is on the board; a
    visitor sees it). Promise: only the class's board (its teachers, its school's admin)
    opens a panel, reveals, moves or ends."""
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    for _ in range(6):
        answer_activity(poll_id, values_of(poll)[0])
    browser = signed_in(people[who])
    attempts = {
        "panel": browser.get(url("panel", run.code, poll_id)).status_code,
        "other panel": browser.get(
            url("panel", run.code, activities["quiz"][0])
        ).status_code,
        "reveal": reveal(browser, run.code, poll_id).status_code,
        "move": send(browser, url("move", run.code), {"activity": ""}).status_code,
        "end": send(browser, url("end", run.code)).status_code,
    }
    assert attempts == dict.fromkeys(attempts, 404)
    run.refresh_from_db()
    assert (run.showing, run.activity, run.is_live) == (Showing.ACTIVITY, poll_id, True)
    activity = RunActivity.objects.get(run=run, activity=poll_id)
    assert activity.revealed_at is None
    assert not RunActivity.objects.filter(activity=activities["quiz"][0]).exists()
    # Nobody signed in: to the sign-in page, nothing changes either.
    anonymous = Client()
    assert anonymous.get(url("panel", run.code, poll_id)).status_code == 302
    assert anonymous.post(url("reveal", run.code, poll_id)).status_code in (302, 403)
    # Her own school's admin has the class's board (as for check-ins).
    admin = signed_in(people["school_admin"])
    assert admin.get(url("panel", run.code, poll_id)).status_code == 200


def test_the_board_needs_the_csrf_token(run_lesson, activities, school_class, teacher):
    """Attacker: another site, open in the teacher's browser. Interface: a form posting
    to the board's endpoints. Promise: her board changes only from her own pages."""
    poll_id, poll = activities["poll"]
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, poll_id)
    for _ in range(5):
        assert Pupil(code).answer(values_of(poll)[0]).status_code == 302
    for path in (url("reveal", code, poll_id), url("end", code), url("move", code)):
        assert board.post(path, {"activity": ""}).status_code == 403, path
    run = LessonRun.objects.get(code=code)
    assert run.is_live and run.showing == Showing.ACTIVITY
    assert RunActivity.objects.get(run=run).revealed_at is None


def test_a_token_counts_once_for_its_own_run_and_activity_only(
    run, run_lesson, activities, people
):
    """Attacker: someone with the join code (and a token from elsewhere). Interface: the
    pupils' page, posting a token of another run of the same lesson (same activity ids),
    of another activity, a forged one, and the same one twice. Promise: one answer per
    handed-out question, to the activity it was handed out for."""
    poll_id, poll = activities["poll"]
    quiz_id, quiz = activities["quiz"]
    services.move_board(run=run, activity_id=poll_id)
    other_class = SchoolClassFactory(
        school=run.school_class.school, teachers=[people["neighbour"]]
    )
    other_run = services.start_run(
        school_class=other_class, lesson=run_lesson, started_by=people["neighbour"]
    )
    services.move_board(run=other_run, activity_id=poll_id)
    visitor = Pupil(other_run.code)
    foreign = token_in(visitor.look())
    ours = Pupil(run.code)
    refused = ours.answer(values_of(poll)[0], token=foreign)
    assert refused.status_code == 409
    # Forged: the payload changed (another activity, a nonce of her own) or the signature.
    payload, stamp, signature = token_in(ours.look()).split(":")
    forged = {**decoded(payload), "a": quiz_id, "n": "0" * 32}
    forged_payload = (
        base64.urlsafe_b64encode(json.dumps(forged, separators=(",", ":")).encode())
        .decode()
        .rstrip("=")
    )
    for token in (
        f"{forged_payload}:{stamp}:{signature}",
        f"{payload}:{stamp}:{'A' * len(signature)}",
    ):
        assert ours.answer(values_of(poll)[0], token=token).status_code == 400
    # A poll token kept while the board moves to the quiz answers the poll, not the quiz.
    kept = token_in(Pupil(run.code).look())
    services.move_board(run=run, activity_id=quiz_id)
    assert Pupil(run.code).answer(values_of(quiz)[1], token=kept).status_code == 400
    twice = Pupil(run.code)
    token = token_in(twice.look())
    for _ in range(3):
        assert twice.answer(values_of(quiz)[1], token=token).status_code == 302
    counted = {
        (a.run_id, a.activity): a.n
        for a in RunActivity.objects.filter(run__in=[run, other_run])
    }
    assert counted[(run.pk, poll_id)] == 0
    assert counted[(run.pk, quiz_id)] == 1
    assert counted[(other_run.pk, poll_id)] == 0
    assert SpentActivityToken.objects.count() == 1


def test_no_more_answers_than_the_class_has_pupils(run, activities):
    """Attacker: someone with the join code, answering on the class tablet again and
    again. Interface: the pupils' page in tablet mode. Promise: no more answers than the
    class has pupils (and two more), so stuffing cannot swamp the class's own."""
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    tablet = Pupil(run.code, tablet=True)
    statuses = [tablet.answer(values_of(poll)[0]).status_code for _ in range(10)]
    assert statuses == [200] * (run.expected + 2) + [409] * (10 - run.expected - 2)
    assert "Iedereen in deze klas heeft al geantwoord" in (
        tablet.answer(values_of(poll)[1]).content.decode()
    )
    assert RunActivity.objects.get(run=run).n == run.expected + 2 == 8


def test_after_the_end_no_answer_counts_and_nothing_of_the_answers_remains(
    run_lesson, activities, school_class, teacher
):
    """Attacker: anyone who reads what is left after the lesson: the database, the
    shared cache, the following state, a pupil's screen that still holds a question.
    Interface: the pupils' page and state; rows and cache keys. Promise: activity counts
    and spent tokens are deleted when the run ends (the teacher's "Les afsluiten"), and
    only how many activities were held remains."""
    poll_id, poll = activities["poll"]
    cloud_id, cloud = activities["word_cloud"]
    board = signed_in(teacher)
    code = start_lesson(board, school_class, run_lesson)
    show(board, code, poll_id)
    for value in values_of(poll) + values_of(poll)[:2]:
        assert Pupil(code).answer(value).status_code == 302
    reveal(board, code, poll_id)
    show(board, code, cloud_id)
    holder = Pupil(code)
    kept = token_in(holder.look())
    for _ in range(2):
        assert Pupil(code).answer(values_of(cloud)[0]).status_code == 302
    end_lesson(board, code)
    late = holder.answer(values_of(cloud)[1], token=kept)
    assert late.status_code == 410
    run = LessonRun.objects.get(code=code)
    _nothing_of_the_answers_remains(run, [poll_id, cloud_id], poll, cloud)
    assert run.activities_held == 2


def _nothing_of_the_answers_remains(run, activity_ids, *definitions):
    assert not RunActivity.objects.filter(run=run).exists()
    assert not OptionCount.objects.filter(activity__run=run).exists()
    assert not SpentActivityToken.objects.filter(run=run).exists()
    assert not OptionCount.objects.exists() and not SpentActivityToken.objects.exists()
    row = LessonRun.objects.filter(pk=run.pk).values().get()
    assert (row["showing"], row["activity"]) == (Showing.ENDED, "")
    state = Client().get(url("board_state", run.code)).json()
    assert state["show"] == "ended" and set(state) == {"v", "show"}
    # The shared cache: the following state says "ended" and names no activity; no
    # key or value holds an activity, an option or a token.
    secret = {
        o["value"] for d in definitions for o in d["options"] if len(o["value"]) > 8
    }
    secret |= set(activity_ids)
    for key in cache_keys():
        name = key.split(":", 2)[-1]
        value = repr(cache.get(name))
        assert not any(part in key or part in value for part in secret), (key, value)
        if name.startswith("run-follow:"):
            assert cache.get(name) | {"v": 0, "ends": 0} == {
                "v": 0,
                "tag": following.tag_of(run),
                "pupils": run.expected,
                "show": "ended",
                "activity": "",
                "check_in": "",
                "ends": 0,
            }


def test_a_screen_left_open_past_the_end_of_the_day_counts_nothing(run, activities):
    """Attacker: someone who kept a pupil's screen open (or her token) after the run's
    end, before anyone ended it. Interface: the pupils' page. Promise: answers count
    only while the run lives; after its end nothing of it can be read or added to."""
    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    holder = Pupil(run.code)
    kept = token_in(holder.look())
    assert Pupil(run.code).answer(values_of(poll)[0]).status_code == 302
    LessonRun.objects.filter(pk=run.pk).update(ends_at=timezone.now())
    late = holder.answer(values_of(poll)[1], token=kept)
    assert late.status_code == 410 and 'name="token"' not in late.content.decode()
    assert not OptionCount.objects.filter(option=values_of(poll)[1], n__gt=0).exists()
    assert Client().get(url("board_state", run.code)).json()["show"] == "ended"


def test_the_nightly_purge_deletes_the_counts_of_a_run_nobody_ended(
    run, activities, answer_activity
):
    """Attacker: someone who reads the database the morning after a lesson whose board
    was simply closed, and that nobody opened again. Interface: the rows and the cache.
    Promise: at the end of the day (manage.py purge_checkins) the run ends and its
    counts and tokens go."""
    import io

    from django.core.management import call_command

    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    for value in values_of(poll):
        answer_activity(poll_id, value)
    for value in values_of(poll)[:2]:
        Pupil(run.code).answer(value)
    LessonRun.objects.filter(pk=run.pk).update(ends_at=timezone.now())
    call_command("purge_checkins", stdout=io.StringIO())
    run.refresh_from_db()
    _nothing_of_the_answers_remains(run, [poll_id], poll)
    assert run.activities_held == 1


def test_the_pupils_pages_never_tell_the_quiz_answer(run, activities):
    """Attacker: a pupil who wants to know the right answer before choosing (or a
    neighbour's screen). Interface: the question page, its token and cookie, the state
    endpoint, the pages after answering and after the reveal. Promise: the board tells
    the right answer after the reveal; the pupils' pages never do."""
    quiz_id, quiz = activities["quiz"]
    right = next(o for o in quiz["options"] if o["correct"])
    services.move_board(run=run, activity_id=quiz_id)
    pupil = Pupil(run.code)
    question = pupil.look()
    html = question.content.decode()
    assert all(option["label"] in html for option in quiz["options"])
    options = re.findall(r'<div class="option">(.*?)</div>', html, re.S)
    assert len(options) == len(quiz["options"])

    def blank(index, text):
        option = quiz["options"][index]
        text = text.replace(option["label"], "").replace(option["value"], "")
        text = re.sub(r">[A-D]<", "><", re.sub(r">[A-D]: ", ">", text))
        return re.sub(r"keuze-\d+", "", text)

    assert len({blank(i, text) for i, text in enumerate(options)}) == 1
    assert set(decoded(token_in(question).split(":")[0])) == {"r", "a", "n"}
    seen = [html, Client().get(url("board_state", run.code)).content.decode()]
    pupil.answer(quiz["options"][0]["value"])
    seen.append(pupil.look().content.decode())
    for _ in range(4):
        Pupil(run.code).answer(right["value"])
    services.reveal(run=run, activity_id=quiz_id)
    seen += [pupil.look().content.decode(), Pupil(run.code).look().content.decode()]
    for text in seen:
        assert "correct" not in text and "Ademen kalmeert" not in text
        assert "goede antwoord" not in text and "✓" not in text
    for text in seen[2:]:
        assert right["label"] not in text


def test_what_a_pupil_s_browser_gets_identifies_no_pupil(run, activities):
    """Attacker: the school's network or a shared Chromebook (the next pupil, the teacher
    collecting the devices). Interface: response headers and cookies of the pupils'
    pages. Promise: no account, nothing about the pupil: a browser keeps only its
    one-time token, for this run's pages, out of reach of scripts."""
    from django.contrib.sessions.models import Session

    poll_id, poll = activities["poll"]
    services.move_board(run=run, activity_id=poll_id)
    sessions = Session.objects.count()
    first, second = Pupil(run.code), Pupil(run.code)
    pages = [first.look(), second.look()]
    for response in pages:
        assert set(response.cookies) == {f"vraag-{poll_id}"}
        cookie = response.cookies[f"vraag-{poll_id}"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        assert cookie["path"] == url("follow", run.code)
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    tokens = [token_in(page) for page in pages]
    payloads = [decoded(token.split(":")[0]) for token in tokens]
    assert [set(p) for p in payloads] == [{"r", "a", "n"}] * 2
    assert payloads[0]["n"] != payloads[1]["n"]
    assert {k: v for k, v in payloads[0].items() if k != "n"} == {
        k: v for k, v in payloads[1].items() if k != "n"
    }
    ua = {"HTTP_USER_AGENT": "Chromebook-leerling-7", "REMOTE_ADDR": "192.0.2.77"}
    answered = first.browser.post(
        first.page, {"token": tokens[0], "keuze": values_of(poll)[0]}, **ua
    )
    assert answered.status_code == 302 and not answered.cookies
    thanks = first.browser.get(first.page, **ua)
    for response in (answered, thanks):
        everything = str(response.headers) + response.content.decode()
        assert "Chromebook" not in everything and "192.0.2.77" not in everything
        assert values_of(poll)[0] not in everything
    state = Client().get(url("board_state", run.code), **ua)
    assert not state.cookies and "private" in state["Cache-Control"]
    assert Session.objects.count() == sessions


def test_coordinators_reach_no_activity_count_through_any_of_their_pages(
    people, run_lesson, activities, school_class, teacher
):
    """Attacker: a coordinator of the municipality and the regional one (and the
    dashboard's export that goes into the pilot's evaluation). Interface: the API
    (results, participation, CSV), the dashboard and its export, the admin. Promise:
    coordinators see participation (activities held), never activity counts.

    Two weeks in which the class held the same lesson, answered differently (five the
    same, against six spread over three options): everything she reads is the same."""
    poll_id, poll = activities["poll"]
    a, b, c = values_of(poll)
    readers = {who: signed_in(people[who]) for who in ("coordinator", "regional")}

    def a_week_with(answers):
        with transaction.atomic():
            board = signed_in(teacher)
            code = start_lesson(board, school_class, run_lesson)
            show(board, code, poll_id)
            for value in answers:
                assert Pupil(code).answer(value).status_code == 302
            reveal(board, code, poll_id)
            end_lesson(board, code)
            last_week = clock.week_of(clock.today()) - datetime.timedelta(weeks=1)
            LessonRun.objects.filter(code=code).update(week=last_week)
            seen = {
                who: _everything_she_reads(reader) for who, reader in readers.items()
            }
            transaction.set_rollback(True)
        return seen

    first = a_week_with([a] * 5)
    second = a_week_with([a, b, b, c, c, c])
    assert first == second
    status, participation = first["coordinator"]["/api/v1/participation/ {}"]
    assert status == 200 and '"activities_held":1' in participation.replace(" ", "")
    # Nor does the admin have a page for runs or their counts, for anyone.
    from django.urls import get_resolver

    def routes(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                yield from routes(pattern, route)
            else:
                yield route, getattr(pattern, "name", "") or ""

    models = re.compile(r"lesson.?run|runactivit|optioncount|spentactivit", re.I)
    assert not [r for r in routes(get_resolver()) if models.search(" ".join(r))]
    for who in ("coordinator", "regional"):
        menu = signed_in(people[who]).get("/admin/").content.decode()
        assert "/admin/snippets/schools/" not in menu


def _everything_she_reads(reader):
    forget_rate()
    seen = {}
    for path, query in (
        ("/api/v1/participation/", {}),
        ("/api/v1/participation/", {"period": "month"}),
        ("/api/v1/results/", {}),
        ("/api/v1/results/", {"group_by": "school,week"}),
        ("/api/v1/results/", {"group_by": "week", "format": "csv"}),
    ):
        response = reader.get(path, query)
        seen[f"{path} {query}"] = (response.status_code, _body(response))
    for path in ("/admin/resultaten/", "/admin/resultaten/export.csv"):
        response = reader.get(path)
        seen[path] = (response.status_code, _plain(_body(response)))
    return seen


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    text = response.content.decode()
    text = re.sub(r'nonce="[^"]*"', "", text)
    return re.sub(r'"CSRF_TOKEN": "[^"]*"', "", text)


def test_the_database_keeps_counts_only_and_nothing_orders_or_links_the_answers(
    run_lesson, activities, school_class, teacher
):
    """Attacker: someone with a copy of the database (a backup, a dump). Interface: every
    column of LessonRun, RunActivity, OptionCount and SpentActivityToken, and the order
    of their rows. Promise: no row per answer but the spent token's nonce (without the
    answer); nothing orders the answers or links a token to one.

    Two classes give the same answers in opposite orders: their rows are the same but
    for the random nonces and cell keys."""
    from django.apps import apps

    poll_id, poll = activities["poll"]
    options = values_of(poll)
    given = [options[0], options[1], options[2], options[0], options[0]]
    other_class = SchoolClassFactory(
        school=school_class.school, pupil_count=6, teachers=[teacher]
    )

    def rows_per_table():
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
        return {
            model._meta.db_table: model._default_manager.count()
            for model in apps.get_models()
            if model._meta.db_table in tables
        }

    board = signed_in(teacher)
    codes = []
    for school, answers in ((school_class, given), (other_class, given[::-1])):
        code = start_lesson(board, school, run_lesson)
        show(board, code, poll_id)
        before = rows_per_table()
        for value in answers:
            assert Pupil(code).answer(value).status_code == 302
        grown = {
            table: count - before[table]
            for table, count in rows_per_table().items()
            if count != before[table]
        }
        assert grown == {SpentActivityToken._meta.db_table: len(answers)}
        codes.append(code)
    # What each table has: nothing about a pupil, no time but the teacher's own acts.
    assert {f.name for f in SpentActivityToken._meta.concrete_fields} == {
        "nonce",
        "run",
    }
    assert {f.name for f in OptionCount._meta.concrete_fields} == {
        "id",
        "activity",
        "option",
        "n",
        "key",
    }
    assert {f.name for f in RunActivity._meta.concrete_fields} == {
        "id",
        "run",
        "activity",
        "definition",
        "n",
        "revealed_at",
    }
    for nonce in SpentActivityToken.objects.values_list("nonce", flat=True):
        assert not any(value[:8] in nonce for value in options)
        assert re.fullmatch(r"[0-9a-f]{32}", nonce)
    runs = [LessonRun.objects.get(code=code) for code in codes]

    # The order a dump gives: the rows as they lie in the table (SQLite's rowid,
    # PostgreSQL's ctid: an updated row moves to where its new version was written).
    on_disk = "ctid" if connection.vendor == "postgresql" else "rowid"

    def stored(run):
        activity = RunActivity.objects.get(run=run)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT option, n FROM {OptionCount._meta.db_table} "
                f"WHERE activity_id = %s ORDER BY {on_disk}",
                [activity.pk],
            )
            counts = cursor.fetchall()
        tokens = SpentActivityToken.objects.filter(run=run).count()
        return (activity.activity, activity.n, activity.revealed_at), counts, tokens

    first, second = (stored(run) for run in runs)
    assert first == second
    assert [option for option, _n in first[1]] == options


# === Helpers' own checks (so that a hole test cannot pass by misreading the board).


def test_the_attackers_reading_of_the_board_is_right(run, activities, answer_activity):
    scale_id, scale = activities["scale"]
    services.move_board(run=run, activity_id=scale_id)
    for number in ("0", "3", "5", "8", "10"):
        answer_activity(scale_id, number)
    services.reveal(run=run, activity_id=scale_id)
    activity = RunActivity.objects.get(run=run)
    counts = {c.option: c for c in OptionCount.objects.filter(activity=activity)}
    expected = as_the_board_shows(activity_results(activity, counts))
    board = signed_in(run.started_by)
    assert board_counts(panel(board, run.code, scale_id)) == expected
    poll = activities["poll"][1]
    few = "hooguit een paar"
    assert displays_of(poll, 0, 5) == displays_of(poll, 1, 5) == {few}
    assert displays_of(poll, 2, 5) == {few}
    assert displays_of(poll, 3, 5) == {few, "3", "4", "5", "6"}
    # Nobody and one or two read the same: "hooguit een paar" twice and a 5 under 6
    # answers leaves the pupil's option open.
    assert len(possible_counts(poll, (few, few, "5"), 6)) > 2
