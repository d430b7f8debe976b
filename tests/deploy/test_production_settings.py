"""Production settings, loaded as a deployment loads them: in a process of their own."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "welcome.settings.production",
    "SECRET_KEY": "a-long-random-test-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "welcome.example.org",
    "ALLOW_SQLITE": "1",
    "DATABASE_URL": "sqlite:///:memory:",
}


# The browser tests set this in the test process; a deployment never has it.
TEST_PROCESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def run(code_or_args, **env):
    inherited = {name: value for name, value in os.environ.items() if name not in TEST_PROCESS_ONLY}
    environment = {**inherited, **PRODUCTION_ENV, **env}
    for name, value in env.items():
        if value is None:
            environment.pop(name)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_covers_subdomains_and_preload():
    result = run(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    assert result.stdout.split() == ["31536000", "True", "True"]


def test_refuses_to_start_without_a_secret_key():
    result = run(["manage.py", "check"], SECRET_KEY=None)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_logs_are_one_json_object_a_line():
    result = run(
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
    result = run(
        "import django; django.setup();"
        "from django.core.files.storage import storages;"
        "backend = type(storages['default']); print(backend.__module__, backend.__name__)",
        MEDIA_S3_BUCKET=bucket,
        MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000" if bucket else None,
    )
    module, name = result.stdout.split()
    assert f"{module}.{name}" == expected, result.stderr
