"""The "show this to staff" card: English for the counter beside the reader's language."""

import html
import re

import pytest
from django.utils import translation

from orientation.show_card import (
    INTERPRETER,
    PHRASES_BY_TAG,
    TAXI,
    interpreter_phrase,
    phrases_for_agency,
    phrases_for_page,
)
from portal.languages import PORTAL_LANGUAGES
from portal.translation import SOURCE_LANGUAGE
from tests.factories import OrganisationFactory, OrientationPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = {language.code: language for language in PORTAL_LANGUAGES}
OTHER_LANGUAGES = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_english_side_stays_english_and_the_other_side_is_translated(language):
    phrase = interpreter_phrase(language)
    english_name = LANGUAGES[language].english_name
    assert phrase.english == f"I need an interpreter, please. My language is {english_name}."
    assert LANGUAGES[language].native_name in phrase.local
    assert "interpreter" not in phrase.local


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("message", [INTERPRETER, TAXI, *PHRASES_BY_TAG.values()])
def test_every_phrase_is_translated_in_every_language(language, message):
    with translation.override(language):
        assert translation.gettext(message) != message


def test_english_readers_get_no_interpreter_phrase_and_nothing_twice():
    assert interpreter_phrase("en") is None
    organisation = OrganisationFactory.build(
        street="1 High St", town="Testville", postcode="T1 1AA"
    )
    (taxi,) = phrases_for_agency(organisation, "en")
    assert taxi.english == "Please take me to this address:"
    assert taxi.local == ""


def test_a_page_tagged_gp_asks_to_register_with_a_gp():
    page = OrientationPageFactory.build()
    english = [phrase.english for phrase in phrases_for_page(page, ["gp", "nhs"], "so")]
    assert english == [
        "I need an interpreter, please. My language is Somali.",
        "I would like to register with a GP, please.",
    ]
    assert [p.english for p in phrases_for_page(page, ["housing"], "so")] == [english[0]]


def test_an_agency_card_gives_its_address_for_a_driver():
    organisation = OrganisationFactory.build(
        name="Refugee Centre", street="1 High St", town="Testville", postcode="T1 1AA"
    )
    interpreter, taxi = phrases_for_agency(organisation, "ps")
    assert interpreter.english == "I need an interpreter, please. My language is Pashto."
    assert taxi.english == "Please take me to this address:"
    assert taxi.local == "مهرباني وکړئ ما دې پتې ته ورسوئ:"
    assert taxi.lines == ["Refugee Centre", "1 High St", "Testville", "T1 1AA"]


@pytest.fixture
def gp_page(locality):
    page = OrientationPageFactory(slug="register-with-a-gp", title_en="Register with a GP")
    page.tags.set(["gp"])
    return page


def card_of(response):
    text = response.content.decode()
    match = re.search(r'<details class="show-card">.*?</details>', text, re.S)
    assert match, "no show-this-to-staff card"
    return html.unescape(match.group())


def test_the_page_shows_the_card_in_english_and_the_readers_language(client, gp_page):
    card = card_of(client.get("/ar/pages/register-with-a-gp/"))
    assert '<p class="show-card__english" lang="en" dir="ltr">I need an interpreter' in card
    assert "أحتاج إلى مترجم، من فضلك. لغتي هي العربية." in card
    assert '<p class="show-card__english" lang="en" dir="ltr">I would like to register' in card
    assert "أرغب في التسجيل لدى طبيب عام (GP)، من فضلك." in card
    assert "<script" not in card  # a <details>: no JavaScript needed


def test_the_english_page_shows_the_gp_phrase_once(client, gp_page):
    card = card_of(client.get("/en/pages/register-with-a-gp/"))
    assert card.count("I would like to register with a GP, please.") == 1
    assert "interpreter" not in card


def test_the_agency_page_shows_its_address_for_a_taxi_driver(client, locality):
    OrganisationFactory(
        slug="advice-centre", name="Advice Centre", street="5 Hill St", postcode="B11 1AR"
    )
    card = card_of(client.get("/fa/agencies/advice-centre/"))
    assert "لطفاً مرا به این نشانی ببرید:" in card
    assert '<p class="show-card__address" lang="en" dir="ltr"><bdi>Advice Centre</bdi><br>' in card
    assert "<bdi>B11 1AR</bdi>" in card
