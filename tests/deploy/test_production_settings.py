"""Production settings, loaded as a deployment loads them: in a process of their own."""

import json

import pytest

from tests.helpers import run_in_production


def test_check_deploy_is_clean():
    result = run_in_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_covers_subdomains_and_preload():
    result = run_in_production(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    assert result.stdout.split() == ["31536000", "True", "True"]


def test_refuses_to_start_without_a_secret_key():
    result = run_in_production(["manage.py", "check"], SECRET_KEY=None)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_logs_are_one_json_object_a_line():
    result = run_in_production(
        "import django, logging; django.setup();"
        "logging.getLogger('welcome.test').warning('Cache unreachable for %s', 'page:1')"
    )
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    [record] = [record for record in records if record["logger"] == "welcome.test"]
    assert record["level"] == "WARNING"
    assert record["logger"] == "welcome.test"
    assert record["message"] == "Cache unreachable for page:1"
    assert "time" in record


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        (None, "django.core.files.storage.filesystem.FileSystemStorage"),
        ("welcome-media", "storages.backends.s3.S3Storage"),
    ],
)
def test_media_go_to_object_storage_when_a_bucket_is_named(bucket, expected):
    result = run_in_production(
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "backend = type(storages['default']); print(backend.__module__, backend.__name__)",
        MEDIA_S3_BUCKET=bucket,
        MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000" if bucket else None,
    )
    module, name = result.stdout.split()
    assert f"{module}.{name}" == expected, result.stderr
