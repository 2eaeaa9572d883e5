"""Privacy rule 1: access logs for pupil endpoints keep no client address."""

import re

from cms import gunicorn


def test_access_log_has_no_address_or_browser():
    fields = set(
        re.findall(r"%\((\{[^}]*\}[a-z]|[a-zA-Z]+)\)s", gunicorn.access_log_format)
    )
    assert fields == {"r", "s", "b", "M"}
    assert not fields & {"h", "a", "u", "l"}
    assert "forwarded" not in gunicorn.access_log_format.lower()
