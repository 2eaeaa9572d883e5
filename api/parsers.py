"""The API's JSON parser: DRF's, with a bound on nesting.

Python's json module recurses once per level, so a 4 KB body of `[[[[...` raised
RecursionError (a 500) where DRF catches only ValueError. No request of ours nests deeper
than a few levels; anything past MAX_DEPTH is refused as unparsable JSON."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32


def depth(data):
    """How deep lists and objects nest in `data`, counted without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        stack.extend((item, level + 1) for item in value)
    return deepest


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("The JSON is nested too deeply.")) from error
        if depth(data) > MAX_DEPTH:
            raise ParseError(_("The JSON is nested too deeply."))
        return data
