"""docker-compose.yml, the Dockerfile and nginx's configuration, checked without a Docker engine."""

import json
import logging.config
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings as django_settings
from gunicorn.glogging import CONFIG_DEFAULTS

ROOT = Path(__file__).resolve().parents[2]
NGINX = ROOT / "deploy" / "nginx"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_real_stack(compose):
    assert set(compose["services"]) == {"db", "cache", "web", "nginx"}
    assert compose["services"]["db"]["image"].startswith("postgres:")
    assert compose["services"]["cache"]["image"].startswith("redis:")
    assert (
        "gunicorn -c deploy/gunicorn.conf.py welcome.wsgi" in compose["services"]["web"]["command"]
    )
    assert compose["services"]["nginx"]["image"].startswith("nginx:")
    assert set(compose["volumes"]) == {"db-data", "media", "static", "nginx-cache"}


def test_every_service_has_a_healthcheck_and_starts_after_what_it_needs(compose):
    for name, service in compose["services"].items():
        assert service["healthcheck"]["test"], name
    assert compose["services"]["web"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "cache": {"condition": "service_healthy"},
    }
    assert compose["services"]["nginx"]["depends_on"] == {"web": {"condition": "service_healthy"}}


def test_compose_carries_no_usable_default_secret(compose):
    environment = compose["services"]["web"]["environment"]
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    assert compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"].startswith(
        "${POSTGRES_PASSWORD:?"
    )
    assert environment["DJANGO_SETTINGS_MODULE"] == "welcome.settings.production"
    text = (ROOT / "docker-compose.yml").read_text()
    assert "change-me" not in text


def test_nginx_and_the_app_share_static_and_media(compose):
    web, nginx = compose["services"]["web"], compose["services"]["nginx"]
    assert {"static:/srv/static", "media:/srv/media"} <= set(web["volumes"])
    assert {"static:/srv/static:ro", "media:/srv/media:ro"} <= set(nginx["volumes"])
    for volume in nginx["volumes"]:
        source = volume.split(":")[0]
        if source.startswith("./"):
            assert (ROOT / source).is_file(), source


def _directives(text):
    return [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]


def test_nginx_caches_only_what_the_app_allows():
    directives = _directives((NGINX / "nginx.conf").read_text())
    assert not [line for line in directives if line.startswith("proxy_cache_valid")]
    assert not [line for line in directives if line.startswith("proxy_ignore_headers")]
    assert "proxy_cache_bypass $cookie_sessionid $http_authorization;" in directives
    assert "proxy_no_cache $cookie_sessionid $http_authorization;" in directives
    assert "alias /srv/static/;" in directives
    assert "alias /srv/media/;" in directives


def test_nginx_configuration_passes_nginx_t(tmp_path):
    if shutil.which("nginx") is None:
        message = "nginx is not installed (Debian's nginx-light)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI installs it, so its absence means something is broken.")
        pytest.skip(message)
    conf = tmp_path / "conf"
    conf.mkdir()
    (tmp_path / "cache").mkdir()  # the nginx-cache volume, mounted at <prefix>/cache
    shutil.copy(NGINX / "nginx.conf", conf / "nginx.conf")
    shutil.copy("/etc/nginx/mime.types", conf / "mime.types")
    # A stand-in for `web:8000`, which only resolves inside docker-compose.
    (conf / "upstream.conf").write_text("upstream portal { server 127.0.0.1:8000; }\n")
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("nginx"),
            "-t",
            "-p",
            f"{tmp_path}/",
            "-c",
            "conf/nginx.conf",
            "-e",
            "stderr",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_upstream_names_the_compose_service():
    assert "server web:8000" in (NGINX / "upstream.conf").read_text()


def test_dockerfile_builds_a_production_image_run_as_a_plain_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "DJANGO_SETTINGS_MODULE=welcome.settings.production" in dockerfile
    # Dependencies are installed before the code is copied, so code changes reuse that layer.
    assert dockerfile.index("COPY requirements.txt") < dockerfile.index("COPY . .")
    assert re.search(r"^USER portal$", dockerfile, re.MULTILINE)
    assert "collectstatic" in dockerfile
    assert re.search(
        r'^CMD \["gunicorn", "-c", "deploy/gunicorn.conf.py", "welcome.wsgi"\]$', dockerfile, re.M
    )


def test_dockerignore_keeps_secrets_data_and_tooling_out_of_the_image():
    ignored = set(_directives((ROOT / ".dockerignore").read_text()))
    assert {".git", ".venv", "db.sqlite3", "media/", "staticfiles/", ".env", "tests/"} <= ignored


def test_gunicorn_logs_json_lines(capsys):
    settings = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    # gunicorn replaces its default logging configuration section by section, like this.
    logging.config.dictConfig({**CONFIG_DEFAULTS, **settings["logconfig_dict"]})
    try:
        logging.getLogger("gunicorn.access").info('127.0.0.1 "GET /en/ HTTP/1.1" 200')
        record = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    finally:
        for name in ("gunicorn.error", "gunicorn.access"):
            logging.getLogger(name).handlers.clear()
        logging.config.dictConfig(django_settings.LOGGING)
    assert record["logger"] == "gunicorn.access"
    assert record["message"] == '127.0.0.1 "GET /en/ HTTP/1.1" 200'
    assert settings["workers"] == 3
