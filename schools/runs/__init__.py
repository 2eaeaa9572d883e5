"""Lesson runs (issue 16): the teacher leads a lesson from the board, the pupils join once
with the code and their screens follow; class activities count answers, nothing per pupil,
and only until the run ends."""
