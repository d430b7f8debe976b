from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from portal.images import renditions

register = template.Library()


@register.simple_tag
def poster_url(video, width=640):
    """The JPEG rendition of a video's poster no wider than ``width`` (posters must be one URL)."""
    fitting = [
        rendition
        for rendition in renditions(video.poster)
        if rendition.kind == "jpg" and rendition.width <= width
    ]
    return fitting[-1].url if fitting else ""


@register.inclusion_tag("includes/picture.html")
def picture(field_file, alt, sizes="(min-width: 48rem) 640px, 100vw"):
    """<picture> with WebP and JPEG renditions, for any uploaded picture."""
    made = renditions(field_file)
    jpeg = [rendition for rendition in made if rendition.kind == "jpg"]
    return {
        "webp": [rendition for rendition in made if rendition.kind == "webp"],
        "jpeg": jpeg,
        "fallback": jpeg[-1] if jpeg else None,
        "alt": alt,
        "sizes": sizes,
    }


@register.filter
def data_size(size):
    """A download size as phone data plans write it, "KB" or "MB" in every language.

    Django's filesizeformat takes the unit from Django's own catalogues, which translate it in
    some of our right-to-left languages ("ك.ب" in Arabic) and not in others ("KB" in Pashto);
    the same reader would see both. The number keeps the language's decimal mark.
    """
    if size is None:
        return ""
    size = int(size)
    if size < 1024 * 1024:
        value, unit = size / 1024, "KB"
    else:
        value, unit = size / (1024 * 1024), "MB"
    return format_html('<bdi dir="ltr">{} {}</bdi>', number_format(value, 1), unit)
