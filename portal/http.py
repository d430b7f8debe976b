"""Small helpers for requests that several apps answer."""

import ipaddress
from urllib.parse import urlsplit


def same_origin(request):
    """The browser's Origin (or Referer) names this site. Stands in for a CSRF cookie, which
    visitors must not be given."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return urlsplit(source).netloc == request.get_host()


def client_address(request):
    """The visitor's own address, for every limit and count kept per visitor.

    Behind nginx, REMOTE_ADDR is nginx for everyone. The sign-in lock-out already finds the
    client with django-ipware and the trusted-proxy settings (``AXES_IPWARE_*`` in production:
    the X-Forwarded-For entry nginx appended, nothing the client wrote before it; REMOTE_ADDR
    alone in development). Asking axes itself keeps every limit on that one answer, so a
    change of proxies is configured once. Empty when no address is known (a Unix socket with
    no header), which then puts such requests together rather than failing them.
    """
    # axes.helpers imports axes' models: imported here, this module stays importable before the
    # app registry is ready.
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or ""


def client_rate_key(group, request):
    """django-ratelimit's key for "per visitor": the client's address, an IPv6 one by its /64
    network as ratelimit's own "ip" key does, since one home is given a whole /64 to pick from."""
    address = client_address(request)
    if ":" in address:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return address
