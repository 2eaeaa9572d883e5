import uuid

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.schema import ANSWERS
from lessons.models import GroupBand, LessonPage, Theme


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["slug", "name", "description", "icon", "colour"]


class GroupSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_code_display", read_only=True)

    class Meta:
        model = GroupBand
        fields = ["code", "label"]


class LessonSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    themes = ThemeSerializer(many=True, read_only=True)
    groups = GroupSerializer(many=True, read_only=True)

    class Meta:
        model = LessonPage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "duration",
            "themes",
            "groups",
            "first_published_at",
            "last_published_at",
        ]

    def get_url(self, lesson) -> str:
        request = self.context.get("request")
        return (
            request.build_absolute_uri(lesson.get_url(request))
            if request
            else lesson.get_full_url()
        )


class LessonDetailSerializer(LessonSerializer):
    steps = serializers.SerializerMethodField()

    class Meta(LessonSerializer.Meta):
        fields = [
            *LessonSerializer.Meta.fields,
            "goals",
            "materials",
            "steps",
            "homework",
            "reflection_question",
            "further_reading",
        ]

    def get_steps(self, lesson) -> list[dict]:
        return lesson.steps.stream_block.get_api_representation(
            lesson.steps, context=self.context
        )


class QuestionOptionSerializer(serializers.Serializer):
    value = serializers.JSONField()
    label = serializers.CharField()
    icon = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    options = QuestionOptionSerializer(many=True)


class CheckInSessionSerializer(serializers.Serializer):
    code = serializers.CharField()
    open = serializers.BooleanField(source="is_open")
    question_set = serializers.CharField()
    questions = QuestionSerializer(many=True)
    token = serializers.CharField(
        help_text="A one-time token for one answer. Ask again for the next pupil."
    )


@extend_schema_field(ANSWERS)
class AnswersField(serializers.DictField):
    child = serializers.JSONField()


@extend_schema_field(
    {
        "type": "string",
        "maxLength": 16,
        "deprecated": True,
        "description": "The old name of `code`, taken until the next release.",
    }
)
class OldCodeField(serializers.CharField):
    pass


class CheckInSerializer(serializers.Serializer):
    """Only the shape here; the rules (values, token, cap) are the service's.

    The join code was called `session` until API version 1.1; that name is still taken,
    for one release, when `code` is not given (docs/api.md)."""

    code = serializers.CharField(max_length=16, required=False)
    session = OldCodeField(max_length=16, required=False)
    token = serializers.CharField(max_length=200)
    key = serializers.UUIDField()
    answers = AnswersField(allow_empty=True)

    def validate(self, data):
        code = data.pop("code", None) or data.pop("session", None)
        data.pop("session", None)
        if not code:
            raise serializers.ValidationError({"code": [_("Give the join code.")]})
        return {**data, "code": code}


def check_in_data(data):
    """A check-in request's validated data, as `CheckInSerializer` gives it; raises its
    ValidationError. The usual request (every field as the pupil app sends it) is checked
    here without building the serializer, whose fields are deep-copied for every instance:
    on the busiest endpoint that was a fifth of the request's own work. Anything else goes
    through the serializer, for its errors. tests/api/test_check_in_data.py holds the two
    to the same answers."""
    usual = _usual_check_in(data)
    if usual is not None:
        return usual
    serializer = CheckInSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _usual_check_in(data):
    """The validated data when `data` is plainly valid; None when the serializer must say."""
    if type(data) is not dict or "session" in data:
        return None
    code, token, key, answers = (data.get(name) for name in CHECK_IN_FIELDS)
    if not (_plain_text(code, 16) and _plain_text(token, 200)):
        return None
    if type(key) is not str or type(answers) is not dict or None in answers.values():
        return None
    try:
        key = uuid.UUID(hex=key)
    except ValueError:
        return None
    return {"code": code, "token": token, "key": key, "answers": answers}


CHECK_IN_FIELDS = ("code", "token", "key", "answers")


def _plain_text(value, max_length):
    """Text the serializer's CharField takes as it is: printable ASCII, not blank, no
    space around it, not too long."""
    return (
        type(value) is str
        and 0 < len(value) <= max_length
        and value.isascii()
        and value.isprintable()
        and value.strip() == value
    )


class CheckInReceiptSerializer(serializers.Serializer):
    status = serializers.CharField()
