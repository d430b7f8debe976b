"""A share image per page and language: the page's title over the portal's colours.

WhatsApp and Facebook show it in a link preview, so a reader sees the title in their own script.
Drawn on the server with Pillow. Arabic-script text needs shaping (joined letters) and
right-to-left layout, which Pillow does through libraqm: when that is missing, a title in
Arabic script is left out (a plain card with the portal's colours) rather than drawn as
disconnected letters. Noto Naskh Arabic has no Latin letters and Noto Sans no Arabic ones, so a
line is cut into runs of one script each, every run drawn in its own font, and the runs are
placed in the line's direction (enough bidi for titles such as "... (Universal Credit)").
"""

import functools
import io
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
BRAND = (11, 85, 99)
ACCENT = (255, 213, 74)
WHITE = (255, 255, 255)
MARGIN = 80
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))
LATIN_FONTS = ("NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf")
ARABIC_FONTS = ("NotoNaskhArabic-Bold.ttf", "NotoSansArabic-Bold.ttf", "DejaVuSans-Bold.ttf")
TITLE_SIZES = (76, 68, 60, 52, 46)
MAX_TITLE_LINES = 4

ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
ARABIC_SCRIPT = re.compile(f"[{ARABIC_LETTER}]")
# One piece of a line: Arabic-script words (with the spaces and joiners between them), a
# left-to-right sequence (Latin or Cyrillic words and digits), or anything else (brackets,
# spaces, punctuation), which takes the line's direction and is drawn in the Latin font.
ARABIC_RUN = re.compile(f"[{ARABIC_LETTER}](?:[{ARABIC_LETTER}\u200c\u200d ]*[{ARABIC_LETTER}])?")
LTR_LETTER = "A-Za-z0-9\u00c0-\u024f\u0400-\u04ff"
LEFT_TO_RIGHT_RUN = re.compile(rf"[{LTR_LETTER}](?:[{LTR_LETTER}.,:'’/ -]*[{LTR_LETTER}.’])?")


def can_shape_arabic():
    return features.check("raqm")


@functools.lru_cache(maxsize=32)
def _font(kind, size):
    names = ARABIC_FONTS if kind == "arabic" else LATIN_FONTS
    for name in names:
        for folder in FONT_FOLDERS:
            if (folder / name).is_file():
                layout = ImageFont.Layout.RAQM if can_shape_arabic() else ImageFont.Layout.BASIC
                return ImageFont.truetype(str(folder / name), size, layout_engine=layout)
    return ImageFont.load_default(size)


def _runs(text, rtl):
    """(text, font, direction) pieces of one line in logical order."""
    if not ARABIC_SCRIPT.search(text):
        return [(text, "latin", "ltr")]
    runs, position = [], 0
    line_direction = "rtl" if rtl else "ltr"
    while position < len(text):
        arabic = ARABIC_RUN.match(text, position)
        latin = LEFT_TO_RIGHT_RUN.match(text, position)
        if arabic:
            runs.append((arabic.group(), "arabic", "rtl"))
            position = arabic.end()
        elif latin:
            runs.append((latin.group(), "latin", "ltr"))
            position = latin.end()
        else:
            runs.append((text[position], "latin", line_direction))
            position += 1
    return runs


def _run_width(run, size):
    text, kind, direction = run
    if can_shape_arabic():
        return _font(kind, size).getlength(text, direction=direction)
    return _font(kind, size).getlength(text)


def _line_width(line, size, rtl):
    return sum(_run_width(run, size) for run in _runs(line, rtl))


def _draw_line(draw, line, size, top, rtl):
    """Runs go right to left in a right-to-left line, each run in its own direction."""
    runs = _runs(line, rtl)
    x = WIDTH - MARGIN if rtl else MARGIN
    for run in runs:
        width = _run_width(run, size)
        if rtl:
            x -= width
        text, kind, direction = run
        options = {"direction": direction} if can_shape_arabic() else {}
        draw.text((x, top), text, font=_font(kind, size), fill=WHITE, **options)
        if not rtl:
            x += width


def _wrap(text, size, rtl, width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and _line_width(candidate, size, rtl) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _fit(text, rtl):
    """The largest size at which the text fits in four lines (cut with an ellipsis if not)."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = _wrap(text, size, rtl, width)
        if len(lines) <= MAX_TITLE_LINES:
            return size, lines
    lines = lines[:MAX_TITLE_LINES]
    lines[-1] = lines[-1] + "…"
    return size, lines


def drawable(text):
    """Arabic-script text is drawn only when it can be shaped properly."""
    return bool(text) and (can_shape_arabic() or not ARABIC_SCRIPT.search(text))


def share_image_png(*, title, site_name, rtl):
    """PNG bytes of a 1200×630 card: the site's name, then the title, over the brand colour."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(image)
    bar = (WIDTH - 24, 0, WIDTH, HEIGHT) if rtl else (0, 0, 24, HEIGHT)
    draw.rectangle(bar, fill=ACCENT)
    if drawable(site_name):
        _draw_line(draw, site_name, 40, MARGIN - 20, rtl)
    draw.rectangle(
        (WIDTH - MARGIN - 120, 150, WIDTH - MARGIN, 158)
        if rtl
        else (MARGIN, 150, MARGIN + 120, 158),
        fill=ACCENT,
    )
    if drawable(title):
        size, lines = _fit(title, rtl)
        line_height = int(size * 1.45)
        top = 200
        for line in lines:
            _draw_line(draw, line, size, top, rtl)
            top += line_height
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
