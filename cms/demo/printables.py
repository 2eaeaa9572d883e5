"""Printable worksheets and cards for the demo lessons, drawn as A4 PDFs with fpdf2.

The words come from the lesson files (their [[handouts]], read by cms.demo.handouts);
this module only lays them out: big, plain type for children, lines and boxes to write
and draw in, cards on a grid with dashed lines to cut along. The text is real text in
the PDF (Helvetica, one of the PDF standard fonts, so no font file is shipped or
embedded), so it can be selected, searched and read aloud. The same words give the same
bytes: the creation date is fixed, so reloading the demo rewrites no file."""

import datetime
import math

from fpdf import FPDF

A4 = (210, 297)  # mm
MARGIN = 16
INK, GREY, LIGHT = (20, 24, 32), (90, 98, 112), (170, 176, 188)
ACCENT = (0, 102, 107)  # the site's primary colour
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
BRAND = "Lessen in geluk"


class Sheet(FPDF):
    def __init__(self, *, lesson_title, title, kind):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.lesson_title, self.sheet_title, self.kind = lesson_title, title, kind
        self.core_fonts_encoding = "windows-1252"  # ë, é, ‘ ’ and … in Helvetica
        self.set_creation_date(FIXED_DATE)
        self.set_title(title)
        self.set_subject(lesson_title)
        self.set_author(BRAND)
        self.set_creator(BRAND)
        self.set_lang("nl")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 6)
        self.set_text_color(*INK)
        self.set_draw_color(*INK)

    def footer(self):
        self.set_y(-MARGIN - 2)
        self.set_font("helvetica", "", 9)
        self.set_text_color(*GREY)
        page = f"  ·  blad {self.page_no()}/{{nb}}" if self.kind == "cards" else ""
        self.cell(0, 5, f"{BRAND}  ·  les: {self.lesson_title}{page}", align="C")
        self.set_text_color(*INK)

    def heading(self, text, size):
        self.set_font("helvetica", "B", size)
        self.multi_cell(0, size * 0.45, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def write_text(self, text, size=13, style="", height=None, align="L", width=0):
        self.set_font("helvetica", style, size)
        self.multi_cell(
            width, height or size * 0.48, text, align=align, new_x="LEFT", new_y="NEXT"
        )

    def room_for(self, height):
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()


def worksheet(*, lesson_title, handout):
    """A worksheet: its title, a line for a name, what to do in short sentences, then
    each part: a question with lines to write on, a box to draw in, a grid of boxes or
    a staircase of steps."""
    pdf = Sheet(lesson_title=lesson_title, title=handout["title"], kind="worksheet")
    pdf.add_page()
    pdf.set_font("helvetica", "", 10)
    pdf.set_text_color(*GREY)
    pdf.cell(0, 5, f"Werkblad bij de les: {lesson_title}")
    pdf.set_text_color(*INK)
    pdf.ln(9)
    pdf.heading(handout["title"], 24)
    if handout.get("name", True):
        pdf.ln(3)
        pdf.write_text("Naam:", 13, height=8, width=20)
        y = pdf.get_y() - 2
        pdf.set_draw_color(*LIGHT)
        pdf.line(MARGIN + 16, y, MARGIN + 100, y)
        pdf.set_draw_color(*INK)
    pdf.ln(4)
    instructions = handout.get("instructions", [])
    if instructions:
        pdf.heading("Zo doe je het", 14)
        pdf.ln(1)
        for number, sentence in enumerate(instructions, start=1):
            pdf.write_text(f"{number}.  {sentence}", 13, height=6.5)
        pdf.ln(3)
    for part in handout.get("parts", []):
        _part(pdf, part)
    return bytes(pdf.output())


def _part(pdf, part):
    width = A4[0] - 2 * MARGIN
    pdf.room_for(24)
    pdf.ln(2)
    if part.get("prompt"):
        pdf.write_text(part["prompt"], 13, style="B", height=6.5)
        pdf.ln(1)
    if "lines" in part:
        pdf.room_for(part["lines"] * 11)
        pdf.set_draw_color(*LIGHT)
        for _line in range(part["lines"]):
            pdf.ln(11)
            pdf.line(MARGIN, pdf.get_y(), MARGIN + width, pdf.get_y())
        pdf.set_draw_color(*INK)
        pdf.ln(5)
    elif "box" in part:
        height = part["box"]
        pdf.room_for(height + 4)
        pdf.rect(
            MARGIN, pdf.get_y(), width, height, round_corners=True, corner_radius=4
        )
        pdf.ln(height + 5)
    elif "boxes" in part:
        _boxes(pdf, part["boxes"], part.get("columns", 2), part.get("height", 34))
    elif "stairs" in part:
        _stairs(pdf, part["stairs"])


def _boxes(pdf, labels, columns, height):
    width = A4[0] - 2 * MARGIN
    gap = 4
    cell = (width - gap * (columns - 1)) / columns
    for start in range(0, len(labels), columns):
        pdf.room_for(height + gap)
        top = pdf.get_y()
        for column, label in enumerate(labels[start : start + columns]):
            x = MARGIN + column * (cell + gap)
            pdf.rect(x, top, cell, height, round_corners=True, corner_radius=3)
            pdf.set_xy(x + 3, top + 3)
            pdf.write_text(label, 12, height=5.5, width=cell - 6)
        pdf.set_xy(MARGIN, top + height + gap)


def _stairs(pdf, treads):
    """Treads from the bottom up, each a step higher and with a line to write on."""
    count = len(treads)
    tread_height, width = 22, A4[0] - 2 * MARGIN
    pdf.room_for(count * tread_height + 6)
    top = pdf.get_y()
    step = (width - 60) / max(count - 1, 1)
    for index, label in enumerate(treads):
        y = top + (count - 1 - index) * tread_height
        x = MARGIN + index * step
        pdf.rect(x, y, width - index * step, tread_height)
        pdf.set_xy(x + 3, y + 2)
        pdf.write_text(label, 12, style="B", height=5.5, width=width - index * step - 6)
        pdf.set_draw_color(*LIGHT)
        pdf.line(x + 3, y + tread_height - 5, MARGIN + width - 3, y + tread_height - 5)
        pdf.set_draw_color(*INK)
    pdf.set_xy(MARGIN, top + count * tread_height + 6)


def cards(*, lesson_title, handout):
    """Cards on A4 to cut out: eight to a page (two for large cards), each with its
    word in big type, an explanation if it has one, a picture or lines to write on, and
    the set's name in small type so that mixed cards find their set again."""
    pdf = Sheet(lesson_title=lesson_title, title=handout["title"], kind="cards")
    large = handout.get("size") == "large"
    columns, rows = (1, 2) if large else (2, 4)
    top, bottom = MARGIN + 12, MARGIN + 8
    card_w = (A4[0] - 2 * 10) / columns
    card_h = (A4[1] - top - bottom) / rows
    per_page = columns * rows
    for index, card in enumerate(handout["cards"]):
        if index % per_page == 0:
            _card_page(pdf, handout["title"], top, card_w, card_h, columns, rows)
        place = index % per_page
        x = 10 + (place % columns) * card_w
        y = top + (place // columns) * card_h
        _card(pdf, card, handout["title"], x, y, card_w, card_h, large)
    return bytes(pdf.output())


def _card_page(pdf, title, top, card_w, card_h, columns, rows):
    pdf.add_page()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", "B", 14)
    pdf.set_xy(MARGIN, MARGIN - 4)
    pdf.cell(0, 7, title)
    pdf.set_font("helvetica", "", 10)
    pdf.set_text_color(*GREY)
    pdf.set_xy(MARGIN, MARGIN + 3)
    pdf.cell(
        0,
        5,
        f"Kaartjes bij de les: {pdf.lesson_title}. Knip ze los langs de stippellijnen.",
    )
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*GREY)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    for row in range(rows + 1):
        y = top + row * card_h
        pdf.line(10, y, 10 + columns * card_w, y)
    for column in range(columns + 1):
        x = 10 + column * card_w
        pdf.line(x, top, x, top + rows * card_h)
    pdf.set_dash_pattern()
    pdf.set_draw_color(*INK)


def _card(pdf, card, set_title, x, y, w, h, large):
    pad = 6
    pdf.set_font("helvetica", "", 8)
    pdf.set_text_color(*GREY)
    pdf.set_xy(x + pad, y + 3)
    pdf.cell(w - 2 * pad, 4, set_title)
    pdf.set_text_color(*INK)
    inner = w - 2 * pad
    picture = card.get("picture")
    body_top = y + 10
    if picture:
        size = min(h * 0.5, 70) if large else h * 0.42
        _picture(pdf, picture, x + w / 2, body_top + size / 2, size)
        body_top += size + 4
    # A word on one line, shrunk to fit; a sentence wraps, on at most three lines.
    word_size = 40 if large else (20 if " " not in card["word"].strip() else 16)
    most = 1 if " " not in card["word"].strip() else 3
    while word_size > 11 and _lines(pdf, card["word"], "B", word_size, inner) > most:
        word_size -= 1
    word_lines = _lines(pdf, card["word"], "B", word_size, inner)
    lines = card.get("lines", 0)
    description = card.get("description", "")
    description_size = 18 if large else 11.5
    if not picture and not lines:
        # no picture: the word and its explanation in the middle of the card
        block = word_lines * word_size * 0.45
        if description:
            block += 3 + 5.5 * _lines(pdf, description, "", description_size, inner)
        body_top = y + max(10, (h - block) / 2 + 1)
    pdf.set_font("helvetica", "B", word_size)
    pdf.set_xy(x + pad, body_top)
    pdf.multi_cell(inner, word_size * 0.45, card["word"], align="C")
    if description:
        pdf.set_xy(x + pad, pdf.get_y() + 3)
        pdf.set_font("helvetica", "", description_size)
        pdf.multi_cell(inner, 8 if large else 5.5, description, align="C")
    if lines:
        pdf.set_draw_color(*LIGHT)
        for number in range(lines):
            line_y = y + h - 8 - (lines - 1 - number) * 9
            pdf.line(x + pad, line_y, x + w - pad, line_y)
        pdf.set_draw_color(*INK)


def _lines(pdf, text, style, size, width):
    pdf.set_font("helvetica", style, size)
    return len(pdf.multi_cell(width, size * 0.45, text, dry_run=True, output="LINES"))


def _picture(pdf, name, cx, cy, size):
    """Weather to show a class that cannot read yet: sun, cloud, rain or storm, each
    with the face of its feeling."""
    r = size / 2
    pdf.set_line_width(1.2)
    if name == "sun":
        pdf.set_draw_color(230, 160, 0)
        pdf.set_fill_color(255, 205, 40)
        for k in range(12):
            angle = k * math.pi / 6
            pdf.line(
                cx + r * 0.62 * math.cos(angle),
                cy + r * 0.62 * math.sin(angle),
                cx + r * 0.95 * math.cos(angle),
                cy + r * 0.95 * math.sin(angle),
            )
        pdf.circle(cx, cy, r * 0.5, style="DF")
        _face(pdf, cx, cy, r * 0.5, "happy")
    else:
        dark = name == "storm"
        pdf.set_draw_color(*((70, 76, 90) if dark else (120, 128, 140)))
        pdf.set_fill_color(*((150, 156, 170) if dark else (222, 226, 233)))
        cloud_y = cy - r * 0.15
        for dx, dy, rr in ((-0.45, 0.1, 0.32), (0.45, 0.1, 0.32), (0, -0.12, 0.42)):
            pdf.circle(cx + dx * r, cloud_y + dy * r, rr * r, style="DF")
        pdf.rect(cx - 0.45 * r, cloud_y, 0.9 * r, 0.42 * r, style="F")
        pdf.line(cx - 0.45 * r, cloud_y + 0.42 * r, cx + 0.45 * r, cloud_y + 0.42 * r)
        face = {"cloud": "tired", "rain": "sad", "storm": "angry"}[name]
        _face(pdf, cx, cloud_y + 0.08 * r, r * 0.3, face)
        if name == "rain":
            pdf.set_draw_color(40, 110, 200)
            for k in range(5):
                x = cx - 0.5 * r + k * 0.25 * r
                pdf.line(x, cloud_y + 0.55 * r, x - 0.08 * r, cloud_y + 0.8 * r)
        if dark:
            pdf.set_draw_color(200, 140, 0)
            pdf.set_fill_color(255, 205, 40)
            bolt = [
                (0.05, 0.5),
                (-0.15, 0.78),
                (0.0, 0.78),
                (-0.12, 1.0),
                (0.2, 0.68),
                (0.05, 0.68),
                (0.15, 0.5),
            ]
            pdf.polygon(
                [(cx + bx * r, cloud_y + by * r) for bx, by in bolt], style="DF"
            )
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*INK)


def _face(pdf, cx, cy, r, mood):
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*INK)
    eye_y = cy - r * 0.25
    for side in (-1, 1):
        if mood == "tired":
            pdf.line(
                cx + side * r * 0.35 - r * 0.12,
                eye_y,
                cx + side * r * 0.35 + r * 0.12,
                eye_y,
            )
        else:
            pdf.circle(cx + side * r * 0.35, eye_y, r * 0.08, style="F")
        if mood == "angry":
            pdf.line(
                cx + side * r * 0.55,
                eye_y - r * 0.3,
                cx + side * r * 0.15,
                eye_y - r * 0.15,
            )
    mouth_y = cy + r * 0.35
    if mood == "happy":
        pdf.arc(
            cx - r * 0.4,
            mouth_y - r * 0.3,
            r * 0.8,
            20,
            160,
            b=r * 0.5,
            clockwise=False,
        )
    elif mood == "tired":
        pdf.line(cx - r * 0.3, mouth_y, cx + r * 0.3, mouth_y)
    else:  # sad, angry: the corners down
        pdf.arc(
            cx - r * 0.4,
            mouth_y - r * 0.05,
            r * 0.8,
            200,
            340,
            b=r * 0.5,
            clockwise=False,
        )
