"""The weight budget: HTML + CSS + JS of any public page under 60 KB, with the full sample site."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from scripts.build_icon_sprite import SPRITE, build
from tests.helpers import SAMPLE
from welcome.locality import load_locality

BUDGET = 60 * 1024
ASSETS = ("css/site.css", "js/map.js", "js/video.js")


@pytest.mark.django_db
def test_every_kind_of_public_page_is_under_the_weight_budget(client):
    load_locality(SAMPLE)
    assets = sum(Path(finders.find(name)).stat().st_size for name in ASSETS)
    heaviest = {}
    for language in ("en", "ar", "ps", "so"):
        for path in (
            "",
            "topics/",
            "topics/health/",
            "status/refugee/",
            "status/refugee/housing/",
            "pages/after-refugee-status/",
            "agencies/",
            "agencies/citizens-advice-birmingham/",
            "videos/",
            "videos/so/",
            "search/?q=gp",
            "privacy/",
        ):
            response = client.get(f"/{language}/{path}")
            assert response.status_code == 200, path
            heaviest[f"/{language}/{path}"] = len(response.content) + assets
    worst = max(heaviest, key=heaviest.get)
    assert heaviest[worst] < BUDGET, (worst, heaviest[worst])


def test_the_icon_sprite_is_up_to_date():
    assert SPRITE.read_text(encoding="utf-8") == build(), "run scripts/build_icon_sprite.py"
