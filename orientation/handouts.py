"""What a printed handout needs beyond the page itself: a QR code back to the page."""

import functools

import segno
from django.utils.safestring import mark_safe


# Drawing a code took a quarter of an uncached page's time; a worker's pages are few enough
# to keep every one it has drawn.
@functools.lru_cache(maxsize=1024)
def qr_code_svg(url, label):
    """An inline SVG QR code for ``url``, drawn on the server (no image request, no script).

    Medium error correction survives a creased or smudged leaflet. The markup is made by segno
    from the URL and the label, both escaped by segno, so it is safe to insert as it is.
    """
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", title=label)
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
