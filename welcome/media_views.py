"""Serving uploaded media (where the app serves it: `make run`; production uses nginx or object
storage with the same headers, see README "Security").

Uploads come from partners, so nothing they send may run as a page of this site: each file is
served with a content type fixed by its (checked) ending, never guessed from its bytes;
anything else is a download; and the browser is told not to sniff or run it.
"""

from django.conf import settings
from django.views.static import serve

from portal.media_checks import extension_of

# Endings the validators accept, and the only types media is ever served as.
SAFE_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".vtt": "text/vtt; charset=utf-8",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
DOWNLOAD_TYPE = "application/octet-stream"
# Even opened on its own, a media file may not run script, load anything, or be framed.
MEDIA_POLICY = "default-src 'none'; media-src 'self'; img-src 'self'; sandbox"


def media_headers(path):
    """The headers every user-media response gets, from its file name alone."""
    content_type = SAFE_TYPES.get(extension_of(path))
    headers = {
        "Content-Type": content_type or DOWNLOAD_TYPE,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": MEDIA_POLICY,
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    headers["Content-Disposition"] = "inline" if content_type else "attachment"
    return headers


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in media_headers(path).items():
        response[header] = value
    return response
