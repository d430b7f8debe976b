"""The floor for bench/load.py: a WSGI app that returns the bytes of one of our pages.

No Django page can be faster than this under the same gunicorn settings; our cached pages are
reported as a ratio to it. The body is read once, from the file named in BARE_BODY.
"""

import os
from pathlib import Path

BODY = Path(os.environ["BARE_BODY"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def app(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
