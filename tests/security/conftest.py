"""Fixtures of the security tests: the proxy settings a deployment behind nginx really loads."""

import json

import pytest

from tests.helpers import run_in_production

PROXY_SETTINGS = (
    "AXES_IPWARE_META_PRECEDENCE_ORDER",
    "AXES_IPWARE_PROXY_ORDER",
    "AXES_IPWARE_PROXY_COUNT",
    "IPWARE_STRICT",
)


@pytest.fixture(scope="session")
def production_proxy_settings():
    """The values a deployment really loads, read in a process of its own."""
    names = ", ".join(repr(name) for name in PROXY_SETTINGS)
    result = run_in_production(
        "import json, django; django.setup(); from django.conf import settings as s;"
        f"print(json.dumps({{n: getattr(s, n) for n in ({names},)}}))"
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def behind_nginx(settings, production_proxy_settings):
    for name, value in production_proxy_settings.items():
        setattr(settings, name, value)
    return settings
