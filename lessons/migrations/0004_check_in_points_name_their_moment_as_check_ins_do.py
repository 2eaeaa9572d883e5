import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

# A lesson plan's check-in point said "start"/"end"; check-ins and the API say
# "lesson_start"/"lesson_end" (lessons.moments.Moment). One name for both.
RENAMED = {"start": "lesson_start", "end": "lesson_end"}


class RenameChoice(BaseBlockOperation):
    def __init__(self, renamed):
        super().__init__()
        self.renamed = renamed

    def apply(self, block_value):
        return self.renamed.get(block_value, block_value)

    @property
    def operation_name_fragment(self):
        return "rename_choice"


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0003_teachers_edit_own_lessons"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        MigrateStreamData(
            app_name="lessons",
            model_name="lessonpage",
            field_name="steps",
            operations_and_block_paths=[(RenameChoice(RENAMED), "check_in.moment")],
        ),
            migrations.AlterField(
            model_name='lessonpage',
            name='steps',
            field=wagtail.fields.StreamField([('step', 35), ('check_in', 38)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 120}), 1: ('wagtail.blocks.IntegerBlock', (), {'label': 'minutes', 'max_value': 120, 'min_value': 1}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('whole_class', 'whole class'), ('groups', 'groups'), ('pairs', 'pairs'), ('individual', 'individual')], 'label': 'class organisation'}), 3: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('conversation', 'conversation'), ('explanation', 'explanation'), ('reflection', 'thinking on your own'), ('movement', 'movement'), ('calm', 'calm'), ('creative', 'creative work'), ('game', 'game'), ('writing', 'writing')], 'label': 'kind of work'}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'instructions'}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 200}), 6: ('wagtail.blocks.ListBlock', (5,), {'label': 'questions', 'min_num': 1}), 7: ('wagtail.blocks.StructBlock', [[('questions', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'question to think about', 'max_length': 200}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 10: ('wagtail.blocks.ListBlock', (9,), {'label': 'sentence starters', 'required': False}), 11: ('wagtail.blocks.StructBlock', [[('prompt', 8), ('sentence_starters', 10)]], {}), 12: ('wagtail.blocks.StructBlock', [[('title', 0), ('instructions', 4)]], {}), 13: ('wagtail.blocks.TextBlock', (), {'label': 'instructions'}), 14: ('wagtail.blocks.IntegerBlock', (), {'default': 4, 'label': 'breathe in (seconds)', 'max_value': 8, 'min_value': 2}), 15: ('wagtail.blocks.IntegerBlock', (), {'default': 4, 'label': 'breathe out (seconds)', 'max_value': 10, 'min_value': 2}), 16: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'rounds', 'max_value': 20, 'min_value': 1}), 17: ('wagtail.blocks.StructBlock', [[('title', 0), ('instructions', 13), ('breathe_in', 14), ('breathe_out', 15), ('rounds', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'question', 'max_length': 200}), 19: ('wagtail.blocks.ListBlock', (9,), {'label': 'examples', 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('prompt', 18), ('examples', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'introduction', 'max_length': 200, 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'strength', 'max_length': 60}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'max_length': 160}), 24: ('wagtail.blocks.StructBlock', [[('word', 22), ('description', 23)]], {}), 25: ('wagtail.blocks.ListBlock', (24,), {'label': 'cards', 'min_num': 2}), 26: ('wagtail.blocks.StructBlock', [[('intro', 21), ('cards', 25)]], {}), 27: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'video file (mp4 or webm)'}), 28: ('wagtail.blocks.TextBlock', (), {'help_text': 'What is said and shown, for pupils who cannot hear or see it.', 'label': 'transcript'}), 29: ('wagtail.blocks.StructBlock', [[('video', 27), ('title', 0), ('transcript', 28)]], {}), 30: ('wagtail.images.blocks.ImageBlock', [], {'label': 'image'}), 31: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 200, 'required': False}), 32: ('wagtail.blocks.StructBlock', [[('image', 30), ('caption', 31)]], {}), 33: ('wagtail.blocks.StreamBlock', [[('discussion', 7), ('reflection', 11), ('energiser', 12), ('breathing', 17), ('gratitude', 20), ('strengths', 26), ('video', 29), ('image', 32)]], {'label': 'activities', 'required': False}), 34: ('wagtail.blocks.TextBlock', (), {'help_text': 'Not shown on the digital board.', 'label': 'note for the teacher', 'required': False}), 35: ('wagtail.blocks.StructBlock', [[('title', 0), ('minutes', 1), ('organisation', 2), ('work', 3), ('instructions', 4), ('activities', 33), ('teacher_note', 34)]], {}), 36: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('lesson_start', 'start of the lesson'), ('lesson_end', 'end of the lesson')], 'label': 'moment'}), 37: ('wagtail.blocks.CharBlock', (), {'default': 'Hoe voel jij je nu?', 'label': 'question on the board', 'max_length': 120}), 38: ('wagtail.blocks.StructBlock', [[('moment', 36), ('prompt', 37)]], {})}, verbose_name='lesson plan'),
        ),
    ]
