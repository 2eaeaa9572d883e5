"""Answers become counts: no row per answer any more. Sessions carry their counts and where
they count (school, municipality, band, week); result cells and answer rows go; spent
tokens are keyed by their random nonce; classes and schools can be archived."""

import django.db.models.deletion
import django.db.models.expressions
import datetime
import zoneinfo
from collections import Counter, defaultdict

from django.conf import settings
from django.db import migrations, models


DROP_FUNCTION = (
    "DROP FUNCTION IF EXISTS schools_record_check_in(integer, varchar, varchar, uuid, "
    "timestamptz, integer, date, date, integer, varchar, varchar, integer, varchar, text[])"
)
SCALES = {
    "mood": [1, 2, 3, 4, 5],
    "energy": ["low", "medium", "high"],
    "feeling": [
        "blij", "rustig", "trots", "dankbaar", "opgewonden",
        "moe", "verveeld", "zenuwachtig", "verdrietig", "boos",
    ],
    "ladder": list(range(11)),
}  # fmt: skip
COLUMNS = [f"{question}_{value}" for question, values in SCALES.items() for value in values]


def _week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def counts_from_answers(apps, schema_editor):
    """Every answer row becomes counts on its session, and then the rows go. Where answers
    were purged already, their result cell still held them: the rest of the cell counts in
    the latest session of that class, week, lesson and moment. Sessions and lessons given
    keep where they count as the class is now (school, municipality, youngest band)."""
    Session = apps.get_model("schools", "CheckInSession")
    Answer = apps.get_model("schools", "CheckInAnswer")
    Cell = apps.get_model("schools", "ResultCell")
    Delivery = apps.get_model("schools", "LessonDelivery")
    SchoolClass = apps.get_model("schools", "SchoolClass")
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    where = {}
    for school_class in SchoolClass.objects.select_related("school"):
        band = school_class.groups.order_by("order").values_list("code", flat=True).first()
        where[school_class.pk] = {
            "school_id": school_class.school_id,
            "municipality_id": school_class.school.municipality_id,
            "band": band or "",
        }
    counted = defaultdict(Counter)  # per session
    in_cells = defaultdict(Counter)  # per (class, week, lesson, moment), from the rows
    sessions = {s.pk: s for s in Session.objects.all()}
    rows = Answer.objects.values_list(
        "session_id", "answered_on", "mood", "energy", "feeling", "ladder"
    )
    for session_id, day, *values in rows.iterator(chunk_size=5000):
        session = sessions[session_id]
        cell = (session.school_class_id, _week_of(day), session.lesson_id or 0, session.moment)
        for question, value in zip(SCALES, values, strict=True):
            if value not in (None, ""):
                counted[session_id][f"{question}_{value}"] += 1
                in_cells[cell][f"{question}_{value}"] += 1
    latest = {}
    for session in sorted(sessions.values(), key=lambda s: s.opened_at):
        week = _week_of(session.opened_at.astimezone(zone).date())
        latest[(session.school_class_id, week, session.lesson_id or 0, session.moment)] = session.pk
    for cell in Cell.objects.all():
        key = (cell.school_class_id, cell.week, cell.lesson_key, cell.moment)
        owner = latest.get(key)
        for column in COLUMNS:
            rest = getattr(cell, column) - in_cells[key][column]
            if rest > 0 and owner is not None:
                counted[owner][column] += rest
    for session in sessions.values():
        session.n = session.answer_count
        for column in COLUMNS:
            setattr(session, column, counted[session.pk][column])
        session.week = _week_of(session.opened_at.astimezone(zone).date())
        for name, value in where[session.school_class_id].items():
            setattr(session, name, value)
    Session.objects.bulk_update(
        sessions.values(),
        ["n", "week", "school_id", "municipality_id", "band", *COLUMNS],
        batch_size=1000,
    )
    deliveries = list(Delivery.objects.all())
    for delivery in deliveries:
        delivery.week = _week_of(delivery.delivered_on)
        for name, value in where[delivery.school_class_id].items():
            setattr(delivery, name, value)
    Delivery.objects.bulk_update(
        deliveries, ["week", "school_id", "municipality_id", "band"], batch_size=1000
    )
    # Rollups are made again under the new rules by the next refresh_result_rollups.
    apps.get_model("schools", "ResultRollup").objects.all().delete()
    apps.get_model("schools", "ResultRollupState").objects.all().delete()


def drop_record_function(apps, schema_editor):
    """The check-in's one round trip is now plain SQL (schools.checkins.recording)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTION)


class Migration(migrations.Migration):

    dependencies = [
        ('lessons', '0002_group_bands'),
        ('schools', '0005_record_check_in_function'),
    ]

    operations = [
        migrations.AddField(
            model_name='checkinsession',
            name='band',
            field=models.CharField(default='', max_length=12, verbose_name='group band'),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='energy_high',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='energy_low',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='energy_medium',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_blij',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_boos',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_dankbaar',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_moe',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_opgewonden',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_rustig',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_trots',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_verdrietig',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_verveeld',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='feeling_zenuwachtig',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_0',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_1',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_10',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_2',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_3',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_4',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_5',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_6',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_7',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_8',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='ladder_9',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='mood_1',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='mood_2',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='mood_3',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='mood_4',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='mood_5',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='n',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='school',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school', verbose_name='school'),
        ),
        migrations.AddField(
            model_name='checkinsession',
            name='week',
            field=models.DateField(help_text='The Monday of its week.', null=True, verbose_name='week'),
        ),
        migrations.AddField(
            model_name='lessondelivery',
            name='band',
            field=models.CharField(default='', max_length=12, verbose_name='group band'),
        ),
        migrations.AddField(
            model_name='lessondelivery',
            name='municipality',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.municipality', verbose_name='municipality'),
        ),
        migrations.AddField(
            model_name='lessondelivery',
            name='school',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school', verbose_name='school'),
        ),
        migrations.AddField(
            model_name='lessondelivery',
            name='week',
            field=models.DateField(help_text='The Monday of its week.', null=True, verbose_name='week'),
        ),
        migrations.AddField(
            model_name='resultrollup',
            name='school',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='schools.school'),
        ),
        migrations.AddField(
            model_name='resultrollupstate',
            name='rules',
            field=models.CharField(default='', max_length=64),
        ),
        migrations.AddField(
            model_name='school',
            name='archived_on',
            field=models.DateField(blank=True, editable=False, help_text='A school with results is archived instead of deleted.', null=True, verbose_name='archived on'),
        ),
        migrations.AddField(
            model_name='schoolclass',
            name='archived_on',
            field=models.DateField(blank=True, editable=False, help_text='A class with results is archived instead of deleted.', null=True, verbose_name='archived on'),
        ),
        migrations.RunPython(counts_from_answers, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='checkinsession',
            name='session_answers_capped',
        ),
        migrations.RemoveConstraint(
            model_name='usedtoken',
            name='token_used_once',
        ),
        migrations.RemoveField(
            model_name='checkinsession',
            name='answer_count',
        ),
        migrations.RemoveField(
            model_name='checkinsession',
            name='show_live_results',
        ),
        migrations.RemoveField(
            model_name='resultrollupstate',
            name='threshold',
        ),
        migrations.RemoveField(
            model_name='usedtoken',
            name='id',
        ),
        migrations.AlterField(
            model_name='checkinsession',
            name='school_class',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sessions', to='schools.schoolclass', verbose_name='class'),
        ),
        migrations.AlterField(
            model_name='lessondelivery',
            name='school_class',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='deliveries', to='schools.schoolclass', verbose_name='class'),
        ),
        migrations.AlterField(
            model_name='usedtoken',
            name='nonce',
            field=models.CharField(max_length=32, primary_key=True, serialize=False),
        ),
        migrations.AddIndex(
            model_name='checkinsession',
            index=models.Index(fields=['municipality', 'week'], name='schools_che_municip_c538df_idx'),
        ),
        migrations.AddIndex(
            model_name='checkinsession',
            index=models.Index(fields=['school', 'week'], name='schools_che_school__66a042_idx'),
        ),
        migrations.AddIndex(
            model_name='checkinsession',
            index=models.Index(fields=['week'], name='schools_che_week_765481_idx'),
        ),
        migrations.AddConstraint(
            model_name='checkinsession',
            constraint=models.CheckConstraint(condition=models.Q(('n__lte', django.db.models.expressions.CombinedExpression(models.F('expected'), '+', models.Value(2)))), name='session_answers_capped'),
        ),
        migrations.DeleteModel(
            name='CheckInAnswer',
        ),
        migrations.DeleteModel(
            name='ResultCell',
        ),
        migrations.AlterField(
            model_name='checkinsession',
            name='band',
            field=models.CharField(max_length=12, verbose_name='group band'),
        ),
        migrations.AlterField(
            model_name='checkinsession',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='checkinsession',
            name='school',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school', verbose_name='school'),
        ),
        migrations.AlterField(
            model_name='checkinsession',
            name='week',
            field=models.DateField(help_text='The Monday of its week.', verbose_name='week'),
        ),
        migrations.AlterField(
            model_name='lessondelivery',
            name='band',
            field=models.CharField(max_length=12, verbose_name='group band'),
        ),
        migrations.AlterField(
            model_name='lessondelivery',
            name='municipality',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.municipality', verbose_name='municipality'),
        ),
        migrations.AlterField(
            model_name='lessondelivery',
            name='school',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school', verbose_name='school'),
        ),
        migrations.AlterField(
            model_name='lessondelivery',
            name='week',
            field=models.DateField(help_text='The Monday of its week.', verbose_name='week'),
        ),
        migrations.AlterField(
            model_name='resultrollupstate',
            name='rules',
            field=models.CharField(max_length=64),
        ),
        migrations.RunPython(drop_record_function, migrations.RunPython.noop),
    ]
