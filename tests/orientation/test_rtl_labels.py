"""English words in right-to-left tile labels are isolated, so their brackets mirror correctly."""

import pytest
from django.utils import translation
from django.utils.html import format_html

from orientation.templatetags.portal import isolate_latin

pytestmark = pytest.mark.django_db


def isolated(text, language="ar"):
    with translation.override(language):
        return str(isolate_latin(text))


def test_english_words_in_brackets_are_isolated():
    assert isolated("حصلت على صفة اللاجئ (refugee status)") == (
        'حصلت على صفة اللاجئ (<bdi dir="ltr">refugee status</bdi>)'
    )


def test_brackets_inside_the_english_stay_with_it():
    assert isolated("لدي تأشيرة هونغ كونغ (BN(O))", "ps") == (
        'لدي تأشيرة هونغ كونغ (<bdi dir="ltr">BN(O)</bdi>)'
    )


def test_markup_in_a_label_is_escaped():
    assert (
        isolated("<b>x</b> نص")
        == '&lt;<bdi dir="ltr">b</bdi>&gt;<bdi dir="ltr">x</bdi>&lt;/<bdi dir="ltr">b</bdi>&gt; نص'
    )


def test_left_to_right_pages_and_english_stand_ins_are_unchanged():
    assert isolated("I am a refugee (status)", "pl") == "I am a refugee (status)"
    stand_in = format_html('<span lang="en" dir="ltr">{}</span>', "I am a student")
    assert isolated(stand_in) == '<span lang="en" dir="ltr">I am a student</span>'


def test_home_tiles_isolate_english_in_arabic(client, locality):
    from tests.factories import MigrationStatusFactory

    MigrationStatusFactory(slug="refugee", label_ar="حصلت على صفة اللاجئ (refugee status)")
    html = client.get("/ar/").content.decode()
    assert (
        '<span class="tile__label">حصلت على صفة اللاجئ (<bdi dir="ltr">refugee status</bdi>)</span>'
        in html
    )
