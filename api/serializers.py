from rest_framework import serializers

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
