"""The check-in's request shape has one rule, CheckInSerializer; `check_in_data` checks the
usual request without building it. Here the two must give the same answer for any body."""

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from api.serializers import CheckInSerializer, _usual_check_in, check_in_data

USUAL = {
    "code": "K7M2QX",
    "token": "eyJzIjo0MiwibiI6ImFiYyIsInEiOiJzdGFuZGFyZCJ9:1tQ:xyz",
    "key": "2f1c4b9e-6c1d-4a5e-9a58-3f0e2b7d9c10",
    "answers": {"mood": 4, "energy": "vol", "feeling": "blij"},
}

text = st.one_of(
    st.text(max_size=210),
    st.sampled_from(["", " ", " K7M2QX", "K7M2QX ", "K7\x00M2", "K7\tM2", "x" * 16]),
    st.sampled_from(["x" * 17, "x" * 200, "x" * 201, "K7M2QX", USUAL["token"]]),
)
keys = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda key: key.hex),
    st.uuids().map(lambda key: "{" + str(key) + "}"),
    st.uuids().map(lambda key: f"urn:uuid:{key}"),
    st.integers(min_value=0, max_value=2**128 - 1),
    text,
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
answers = st.one_of(
    st.dictionaries(st.sampled_from(["mood", "energy", "feeling", "x"]), json_values),
    json_values,
)
field_values = {
    "code": st.one_of(text, st.integers(), json_values),
    "session": st.one_of(text, json_values),
    "token": st.one_of(text, st.integers(), json_values),
    "key": st.one_of(keys, json_values),
    "answers": answers,
    "extra": json_values,
}
bodies = st.one_of(
    st.fixed_dictionaries(
        {},
        optional=field_values,
    ),
    st.builds(
        lambda changes: {**USUAL, **changes},
        st.fixed_dictionaries({}, optional=field_values),
    ),
    json_values,
)


def by_serializer(data):
    serializer = CheckInSerializer(data=data)
    return serializer.validated_data if serializer.is_valid() else None


@settings(max_examples=1500, deadline=None)
@given(bodies)
def test_the_quick_check_takes_only_what_the_serializer_takes_and_as_it_does(data):
    usual = _usual_check_in(data)
    if usual is not None:
        assert by_serializer(data) == usual
    validated = by_serializer(data)
    if validated is None:
        with pytest.raises(ValidationError):
            check_in_data(data)
    else:
        assert check_in_data(data) == validated


def test_the_pupil_apps_request_takes_the_quick_check():
    data = _usual_check_in(dict(USUAL))
    assert data == {**USUAL, "key": uuid.UUID(USUAL["key"])}


def test_anything_else_gets_the_serializers_errors():
    with pytest.raises(ValidationError) as error:
        check_in_data({**USUAL, "code": " "})
    assert "code" in error.value.detail
    assert check_in_data({**USUAL, "code": " K7M2QX "})["code"] == "K7M2QX"
