"""School days of the demo's school years: the holidays of region Noord (the pilot's
region), Easter and its days off, weekends left out."""

import datetime

NOORD_EXCEPTIONS = {
    (2024, "zomervakantie"): ("2025-07-12", "2025-08-24"),
    (2025, "voorjaarsvakantie"): ("2026-02-21", "2026-03-01"),
}


def school_holidays(year):
    """{name: (first, last)} for the school year that starts in August of `year`."""

    def week(iso_year, number):  # Saturday before ISO week `number` to its Sunday
        monday = datetime.date.fromisocalendar(iso_year, number, 1)
        return monday - datetime.timedelta(days=2), monday + datetime.timedelta(days=6)

    christmas = datetime.date(year, 12, 25)
    kerst_monday = christmas - datetime.timedelta(days=christmas.weekday())
    if christmas.weekday() >= 5:
        kerst_monday += datetime.timedelta(days=7)
    kings_day = datetime.date(year + 1, 4, 27)
    may_week = kings_day.isocalendar().week + (kings_day.weekday() == 6)
    holidays = {
        "herfstvakantie": week(year, 43),
        "kerstvakantie": (
            kerst_monday - datetime.timedelta(days=2),
            kerst_monday + datetime.timedelta(days=13),
        ),
        "voorjaarsvakantie": week(year + 1, 8),
        "meivakantie": week(year + 1, may_week),
        "zomervakantie": (week(year + 1, 28)[0], week(year + 1, 33)[1]),
    }
    for (exception_year, name), (first, last) in NOORD_EXCEPTIONS.items():
        if exception_year == year:
            holidays[name] = (
                datetime.date.fromisoformat(first),
                datetime.date.fromisoformat(last),
            )
    return holidays


def _easter(year):
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def school_days(first, last):
    """Weekdays from `first` to `last` without school holidays, Easter and Whit Monday,
    and Ascension Day with the Friday after it."""
    free = set()
    for year in range(first.year - 1, last.year + 1):
        for start, end in school_holidays(year).values():
            free.update(
                start + datetime.timedelta(days=n)
                for n in range((end - start).days + 1)
            )
        easter = _easter(year)
        free.update(easter + datetime.timedelta(days=n) for n in (1, 39, 40, 50))
    days, day = [], first
    while day <= last:
        if day.weekday() < 5 and day not in free:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days
