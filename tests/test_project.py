"""Project-wide checks: migrations, catalogues and the languages Django must know."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{ ?\w+ ?\}\}|\{\w+\}")


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_compiled_catalogue_django_will_use(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").is_file()
    assert translation.check_for_language(language)
    info = translation.get_language_info(language)
    assert info["bidi"] == (language in settings.LANGUAGES_BIDI)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_catalogue_is_complete_and_keeps_placeholders(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["Language"] == language
    assert "INTEGER" not in catalogue.metadata["Plural-Forms"]
    plurals = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))
    missing = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    assert not missing, f"{len(missing)} untranslated in {language}: {missing[:5]}"
    for entry in catalogue.translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == plurals, entry.msgid
            # Some forms need no number ("one page", Arabic's dual), so a form may drop a
            # placeholder, never invent one; the general (last) form keeps them all.
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
            for form in forms:
                assert set(PLACEHOLDER.findall(form)) <= set(expected), (entry.msgid, form)
            assert sorted(PLACEHOLDER.findall(forms[-1])) == expected, (entry.msgid, forms[-1])
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == expected, (
                entry.msgid,
                entry.msgstr,
            )


@pytest.mark.parametrize("language", ["ps", "so"])
def test_languages_django_lacks_are_taught_at_start_up(language):
    info = translation.get_language_info(language)
    assert info["name_local"] in {"پښتو", "Soomaali"}
    with translation.override(language):
        assert translation.get_language() == language
        assert translation.get_language_bidi() == (language == "ps")
