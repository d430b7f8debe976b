from django import template

from welcome.images import renditions

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
