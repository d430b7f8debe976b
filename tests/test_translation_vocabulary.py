"""One vocabulary for translation: one source language, one list of translated fields per
model, one rule for "has text in this language", one translation state."""

import pytest
from django.conf import settings

from directory.models import Organisation
from orientation.glossary import GlossaryTerm
from orientation.models import OrientationPage
from portal.translation import SOURCE_LANGUAGE, STATUSES, TranslationState, has_text
from tests.factories import OrientationPageFactory
from welcome.models import WelcomeVideo


def test_the_source_language_has_one_name():
    assert settings.LANGUAGE_CODE == SOURCE_LANGUAGE
    assert settings.MODELTRANSLATION_DEFAULT_LANGUAGE == SOURCE_LANGUAGE
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == (SOURCE_LANGUAGE,)


@pytest.mark.parametrize("value", [None, ""])
def test_null_and_empty_are_both_no_text(value):
    assert not has_text(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "body", "translated"),
    [(None, None, False), ("", "", False), ("عنوان", None, False), ("عنوان", "نص", True)],
)
def test_python_and_the_database_agree_on_what_is_translated(locality, title, body, translated):
    page = OrientationPageFactory(title_ar=title, body_ar=body)
    page.refresh_from_db()
    assert page.has_translation("ar") is translated
    in_database = OrientationPage.objects.filter(OrientationPage.translated_into("ar"))
    assert in_database.filter(pk=page.pk).exists() is translated


def test_pages_terms_organisations_and_videos_share_one_translation_state():
    stored = {value for value, _label in WelcomeVideo._meta.get_field("transcript_state").choices}
    assert stored <= set(TranslationState.values)
    assert {state.value for state in STATUSES} == {"missing", "draft", "outdated", "current"}
    for model in (OrientationPage, GlossaryTerm, Organisation):
        assert model._meta.get_field("translation_states")
        assert set(model.required_text_fields) <= set(model.text_fields)
