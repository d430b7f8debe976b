"""English words inside right-to-left summaries, lists and snippets are isolated (issue 12).

Without the isolation a closing bracket or full stop after "(Universal Credit)" at the end of a
right-to-left line is drawn on the wrong side. The tiles already had it; these are the running
texts around them: page leads and list summaries, status descriptions, first steps, agency
descriptions, the glossary, search results and the emergency numbers.
"""

import pytest
from django.utils import translation
from django.utils.safestring import mark_safe

from orientation.models import FirstStep
from orientation.search.text import highlight
from orientation.templatetags.portal import isolate_latin, isolate_latin_markup
from tests.factories import (
    EmergencyContactFactory,
    GlossaryTermFactory,
    MigrationStatusFactory,
    OrganisationFactory,
    OrientationPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CREDIT_AR = "مال من الحكومة (Universal Credit)."
CREDIT_AR_ISOLATED = 'مال من الحكومة (<bdi dir="ltr">Universal Credit</bdi>).'


@pytest.fixture
def credit(locality):
    money = TopicFactory(slug="money", name_en="Money", summary_ar="المال والإعانات (benefits).")
    refugee = MigrationStatusFactory(
        slug="refugee", name_ar="اللاجئون", description_ar="حصلت على صفة اللاجئ (refugee status)."
    )
    page = OrientationPageFactory(
        slug="universal-credit",
        title_en="Universal Credit",
        title_ar="الائتمان الشامل (Universal Credit)",
        summary_ar=CREDIT_AR,
        body_ar="نص.",
        topics=[money],
        statuses=[refugee],
        organisation=OrganisationFactory(
            slug="advice", description_ar="نصيحة مجانية عن الإعانات (benefits)، والسكن."
        ),
    )
    FirstStep.objects.create(status=refugee, page=page, order=0)
    return page


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_lead_isolates_its_english_words(client, credit):
    html = html_of(client, "/ar/pages/universal-credit/")
    assert f'<p class="lead">{CREDIT_AR_ISOLATED}</p>' in html
    assert '<h1>الائتمان الشامل (<bdi dir="ltr">Universal Credit</bdi>)</h1>' in html


def test_topic_lists_and_first_steps_isolate_english_in_summaries(client, credit):
    topic = html_of(client, "/ar/topics/money/")
    assert f"<p>{CREDIT_AR_ISOLATED}</p>" in topic
    assert 'المال والإعانات (<bdi dir="ltr">benefits</bdi>).' in topic  # the topic's own lead
    status = html_of(client, "/ar/status/refugee/")
    assert 'حصلت على صفة اللاجئ (<bdi dir="ltr">refugee status</bdi>).' in status
    first_steps = status.split('class="first-steps__list"')[1].split("</ol>")[0]
    assert f"<p>{CREDIT_AR_ISOLATED}</p>" in first_steps
    assert '(<bdi dir="ltr">Universal Credit</bdi>)</a></h3>' in first_steps


def test_agency_descriptions_and_emergency_labels_isolate_english(client, credit):
    EmergencyContactFactory(key="samaritans", number="116 123", label_ar="Samaritans: مجاناً")
    html = html_of(client, "/ar/agencies/advice/")
    assert 'نصيحة مجانية عن الإعانات (<bdi dir="ltr">benefits</bdi>)، والسكن.' in html
    assert '<span><bdi dir="ltr">Samaritans</bdi>: مجاناً</span>' in html
    listing = html_of(client, "/ar/agencies/")
    assert 'الإعانات (<bdi dir="ltr">benefits</bdi>)،' in listing


def test_glossary_explanations_isolate_english(client, locality):
    GlossaryTermFactory(
        slug="gp", term_en="GP", term_ar="طبيب عام", explanation_ar="طبيب العائلة (GP)."
    )
    html = html_of(client, "/ar/glossary/")
    assert 'طبيب العائلة (<bdi dir="ltr">GP</bdi>).' in html


def test_english_stand_ins_and_left_to_right_languages_are_left_alone(client, credit):
    OrientationPageFactory(
        slug="english-only", summary_en="Apply (online).", topics=credit.topics.all()
    )
    html = html_of(client, "/ar/topics/money/")
    assert '<p lang="en" dir="ltr">Apply (online).</p>' in html
    polish = html_of(client, "/pl/pages/universal-credit/")
    assert '<bdi dir="ltr">Universal' not in polish


def test_a_summary_is_escaped_before_it_is_isolated(client, credit):
    credit.summary_ar = 'نص <script>alert("x")</script> (GP) & أكثر'
    credit.save()
    html = html_of(client, "/ar/pages/universal-credit/")
    assert "<script>alert" not in html
    assert (
        '<p class="lead">نص &lt;<bdi dir="ltr">script</bdi>&gt;<bdi dir="ltr">alert</bdi>'
        '(&quot;<bdi dir="ltr">x</bdi>&quot;)' in html
    )
    assert '(<bdi dir="ltr">GP</bdi>) &amp; أكثر</p>' in html


def test_a_sentences_full_stop_stays_outside_the_english_words():
    with translation.override("ar"):
        assert str(isolate_latin("الرقم (UKVI account).")) == (
            'الرقم (<bdi dir="ltr">UKVI account</bdi>).'
        )
        # An abbreviation keeps its own stop; a comma after the words is the sentence's.
        assert str(isolate_latin("في U.K. و EU, EEA، هنا")) == (
            'في <bdi dir="ltr">U.K.</bdi> و <bdi dir="ltr">EU, EEA</bdi>، هنا'
        )


def test_a_search_snippet_isolates_a_name_across_its_marked_word():
    snippet = highlight("مال من الحكومة (Universal Credit)، يدفع كل شهر.", ["credit"], limit=0)
    with translation.override("ar"):
        assert str(isolate_latin_markup(snippet)) == (
            'مال من الحكومة (<bdi dir="ltr">Universal <mark>Credit</mark></bdi>)، يدفع كل شهر.'
        )
    # An English result on an Arabic page reads left to right already: left as it is.
    with translation.override("ar"):
        assert isolate_latin_markup(snippet, False) == snippet


def test_a_snippet_keeps_its_escaping_and_its_marks_nested():
    snippet = mark_safe("R&amp;D &lt;b&gt; <mark>GPها</mark> و")
    with translation.override("ar"):
        assert str(isolate_latin_markup(snippet)) == (
            '<bdi dir="ltr">R&amp;D</bdi> &lt;<bdi dir="ltr">b</bdi>&gt; '
            '<bdi dir="ltr"><mark>GPها</mark></bdi> و'
        )


def test_search_results_isolate_english_in_arabic_results(client, credit):
    from django.core.management import call_command

    call_command("rebuild_search_index", verbosity=0)
    html = html_of(client, "/ar/search/?q=credit")
    assert '(<bdi dir="ltr">Universal <mark>Credit</mark></bdi>)' in html


def test_a_page_body_isolates_english_words_but_not_code(client, locality):
    OrientationPageFactory(
        slug="support",
        title_en="Support",
        title_ar="الدعم",
        summary_ar="الدعم.",
        body_ar=(
            "تحصل على الدعم (section 4 / section 95 support).\n\n"
            "اقرأ [Migrant Help](https://www.migranthelp.org/) أو اكتب `B11 1AR`.\n\n"
            "اكتب &lt;b&gt;Hello&lt;/b&gt; كما هو."
        ),
    )
    html = html_of(client, "/ar/pages/support/")
    assert 'الدعم (<bdi dir="ltr">section 4 / section 95 support</bdi>).' in html
    # A link's words are isolated inside it: the link itself is no unit in the sentence.
    assert (
        '<a href="https://www.migranthelp.org/" rel="noopener noreferrer">'
        '<bdi dir="ltr">Migrant Help</bdi></a>' in html
    )
    assert '<code><bdi dir="ltr">B11 1AR</bdi></code>' in html  # not wrapped twice
    # Text that looks like a tag stays text: escaped again after isolating.
    assert '&lt;<bdi dir="ltr">b</bdi>&gt;<bdi dir="ltr">Hello</bdi>&lt;/' in html
    assert "<b>Hello" not in html


def test_a_left_to_right_page_body_is_left_alone(client, locality):
    OrientationPageFactory(slug="support", title_en="Support", body_en="Ask (section 95).")
    html = html_of(client, "/en/pages/support/")
    assert "Ask (section 95)." in html
    assert '<bdi dir="ltr">section' not in html


def test_a_bracket_the_sentence_opened_ends_the_english_words():
    with translation.override("ar"):
        # A number after "(Universal Credit)" is the Arabic sentence's, not the English name's.
        assert str(isolate_latin("اقرأ (Universal Credit) 2 هنا.")) == (
            'اقرأ (<bdi dir="ltr">Universal Credit</bdi>) 2 هنا.'
        )
        # English words after the bracket are a run of their own.
        assert str(isolate_latin("الرقم (reference number) Migrant Help")) == (
            'الرقم (<bdi dir="ltr">reference number</bdi>) <bdi dir="ltr">Migrant Help</bdi>'
        )
        assert str(isolate_latin("بطاقة BN(O) هنا.")) == 'بطاقة <bdi dir="ltr">BN(O)</bdi> هنا.'


SUPPORT_IN = {
    "ar": "تحصل على الدعم",
    "fa": "حمایت می‌گیرید",
    "ckb": "یارمەتی وەردەگریت",
    "ps": "مرسته ترلاسه کوئ",
}


def prose_of(client, path):
    return html_of(client, path).split('<div class="prose">')[1].split("</div>")[0]


@pytest.mark.parametrize("language", ["ar", "fa", "ckb", "ps"])
def test_page_bodies_in_every_right_to_left_language_isolate_english(client, locality, language):
    words = SUPPORT_IN[language]
    OrientationPageFactory(
        slug="support",
        title_en="Support",
        **{
            f"title_{language}": words,
            f"summary_{language}": f"{words}.",
            f"body_{language}": (
                f"{words} (section 4 / section 95 support).\n\n"
                f"{words} (January) 2025 (reference number) Migrant Help.\n\n"
                f"{words} [section 95 (Home Office)](https://www.gov.uk/asylum-support) 2.\n\n"
                f"{words} https://www.gov.uk/asylum-support\n\n"
                f"{words} 0808 8010 503, B11 1AR."
            ),
        },
    )
    body = prose_of(client, f"/{language}/pages/support/")
    assert f'{words} (<bdi dir="ltr">section 4 / section 95 support</bdi>).' in body
    assert (
        f'{words} (<bdi dir="ltr">January</bdi>) 2025 (<bdi dir="ltr">reference number</bdi>) '
        '<bdi dir="ltr">Migrant Help</bdi>.' in body
    )
    assert '<bdi dir="ltr">section 95 (Home Office)</bdi></a> 2.' in body
    # A web address shown as its own link reads left to right, as one unit, already.
    assert 'dir="ltr">https://www.gov.uk/asylum-support</a>' in body
    # The phone number and the postcode keep the one isolation the Markdown step gave them.
    assert (
        'rel="noopener noreferrer"><bdi dir="ltr">0808 8010 503</bdi></a>, '
        '<bdi dir="ltr">B11 1AR</bdi>.' in body
    )
    assert '<bdi dir="ltr"><bdi' not in body


def test_a_glossary_link_on_english_words_isolates_them_inside_it(client, locality):
    GlossaryTermFactory(slug="gp", term_en="GP", term_ar="طبيب عام", explanation_ar="طبيب.")
    OrientationPageFactory(
        slug="support", title_ar="الدعم", summary_ar="الدعم.", body_ar="سجّل عند GP (NHS) 2 مرة."
    )
    body = prose_of(client, "/ar/pages/support/")
    assert 'title="طبيب."><bdi dir="ltr">GP</bdi></a> (<bdi dir="ltr">NHS</bdi>) 2 مرة.' in body


def test_a_hostile_page_body_stays_escaped_when_its_english_is_isolated(client, locality):
    OrientationPageFactory(
        slug="support",
        title_ar="الدعم",
        summary_ar="الدعم.",
        body_ar=(
            'نص <script>alert("x")</script> و (Home Office).\n\n'
            "اكتب &lt;script&gt;alert(1)&lt;/script&gt; كما هو.\n\n"
            '<a href="javascript:alert(2)" onclick="alert(3)">Click me</a> هنا.\n\n'
            "نص &amp;lt;img src=x onerror=alert(4)&amp;gt; (GP)."
        ),
    )
    body = prose_of(client, "/ar/pages/support/")
    assert "<script" not in body
    assert "<img" not in body
    assert "javascript:" not in body
    assert "onclick" not in body
    assert (
        'اكتب &lt;<bdi dir="ltr">script</bdi>&gt;<bdi dir="ltr">alert(1)</bdi>'
        '&lt;/<bdi dir="ltr">script</bdi>&gt; كما هو.' in body
    )
    # "&amp;lt;" is the text "&lt;" as the editor wrote it: still text after isolating.
    assert 'نص &amp;<bdi dir="ltr">lt</bdi>;<bdi dir="ltr">img src</bdi>=' in body
    assert '(<bdi dir="ltr">Home Office</bdi>).' in body


@pytest.mark.parametrize("language", ["en", "pl", "so", "ru"])
def test_left_to_right_page_bodies_are_left_alone(client, locality, language):
    OrientationPageFactory(
        slug="support", **{f"title_{language}": "Support", f"body_{language}": "Ask (UC) 2."}
    )
    body = prose_of(client, f"/{language}/pages/support/")
    assert "<p>Ask (UC) 2.</p>" in body
    assert "<bdi" not in body


def test_an_english_stand_in_body_on_a_right_to_left_page_is_left_alone(client, locality):
    OrientationPageFactory(
        slug="support", title_ar="الدعم", summary_ar="الدعم.", body_en="Ask (Universal Credit) 2."
    )
    html = html_of(client, "/ar/pages/support/")
    assert '<div lang="en" dir="ltr"><p>Ask (Universal Credit) 2.</p></div>' in html
