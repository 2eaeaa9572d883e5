"""schools_record_check_in: a check-in in one round trip on PostgreSQL.

The same steps as schools.services._record_step_by_step, in one statement: claim a place in
the open session (the cap), spend the token (exactly once), store the answer, count it into
its result cell. Anything unusual raises, which undoes every step; the service then takes
the step-by-step path, which sorts it out. Other databases do not get the function.

Changing a table this function writes means replacing the function in a new migration."""

from django.db import migrations

CREATE = r"""
CREATE OR REPLACE FUNCTION schools_record_check_in(
    p_session integer, p_code varchar, p_nonce varchar, p_key uuid, p_now timestamptz,
    p_margin integer, p_day date, p_week date, p_mood integer, p_energy varchar,
    p_feeling varchar, p_ladder integer, p_question_set varchar, p_columns text[]
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_class integer;
    v_lesson integer;
    v_moment varchar;
    v_set varchar;
    v_counts text;
    v_rows integer;
BEGIN
    UPDATE schools_checkinsession SET answer_count = answer_count + 1
     WHERE id = p_session AND code = p_code AND closed_at IS NULL AND expires_at > p_now
       AND answer_count < expected + p_margin
    RETURNING school_class_id, lesson_id, moment, question_set
         INTO v_class, v_lesson, v_moment, v_set;
    IF NOT FOUND THEN
        RETURN 'unusual';  -- unknown, another code, closed, expired or full
    END IF;
    IF v_set <> p_question_set THEN
        RAISE EXCEPTION 'lessen:question-set';
    END IF;
    INSERT INTO schools_usedtoken (session_id, nonce, key)
         VALUES (p_session, p_nonce, p_key)
    ON CONFLICT (session_id, nonce) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'lessen:token-spent';  -- a resend, or a second answer
    END IF;
    INSERT INTO schools_checkinanswer (session_id, answered_on, mood, energy, feeling, ladder)
         VALUES (p_session, p_day, p_mood, p_energy, p_feeling, p_ladder);
    SELECT string_agg(format(', %I = %I + 1', name, name), '')
      INTO v_counts FROM unnest(p_columns) AS name;
    EXECUTE format(
        'UPDATE schools_resultcell SET n = n + 1%s WHERE school_class_id = $1 AND week = $2 '
        'AND lesson_key = $3 AND moment = $4', coalesce(v_counts, ''))
      USING v_class, p_week, coalesce(v_lesson, 0), v_moment;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RAISE EXCEPTION 'lessen:no-cell';  -- the week's first answer: the service makes it
    END IF;
    RETURN 'stored';
END
$$;
"""

DROP = "DROP FUNCTION IF EXISTS schools_record_check_in(integer, varchar, varchar, uuid, timestamptz, integer, date, date, integer, varchar, varchar, integer, varchar, text[]);"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("schools", "0004_result_rollups")]

    operations = [migrations.RunPython(create, drop)]
