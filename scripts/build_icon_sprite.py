"""Build static/icons/sprite.svg from the single icons in static/icons/.

Pages refer to icons as <use href="sprite.svg#name">, so the drawing is downloaded once and
cached instead of repeated inside every page. Run after adding or changing an icon; a test fails
while the sprite is out of date. Run: .venv/bin/python scripts/build_icon_sprite.py
"""

import re
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
SPRITE = ICONS / "sprite.svg"
SKIP = {"sprite", "favicon"}
SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
VIEWBOX = re.compile(r'viewBox="([^"]+)"')
PRESENTATION = re.compile(r'\s(fill|stroke|stroke-width|stroke-linecap|stroke-linejoin)="([^"]+)"')


def symbol(path):
    text = path.read_text(encoding="utf-8")
    opening = SVG_OPEN.search(text).group(0)
    inner = text[text.index(opening) + len(opening) : text.rindex("</svg>")].strip()
    view_box = VIEWBOX.search(opening).group(1)
    attributes = "".join(f' {name}="{value}"' for name, value in PRESENTATION.findall(opening))
    return f'<symbol id="{path.stem}" viewBox="{view_box}"{attributes}>{inner}</symbol>'


def build():
    symbols = [symbol(path) for path in sorted(ICONS.glob("*.svg")) if path.stem not in SKIP]
    return '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(symbols) + "\n</svg>\n"


if __name__ == "__main__":
    SPRITE.write_text(build(), encoding="utf-8")
    print(f"{SPRITE}: {SPRITE.stat().st_size} bytes", file=sys.stderr)
