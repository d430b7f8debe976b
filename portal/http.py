"""Small helpers for requests that several apps answer."""

from urllib.parse import urlsplit


def same_origin(request):
    """The browser's Origin (or Referer) names this site. Stands in for a CSRF cookie, which
    visitors must not be given."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return urlsplit(source).netloc == request.get_host()
