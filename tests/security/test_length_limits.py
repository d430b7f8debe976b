"""Every text field staff or visitors fill has a length limit, checked on every path that
writes it (admin forms, the content loader, translation files), with a message in the reader's
language; the limits leave room for every sample page."""

import re
import shutil
from xml.etree import ElementTree

import pytest
from defusedxml.ElementTree import fromstring as safe_xml
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from directory.models import Organisation
from editorial.xliff import TranslationFileError, export, parse
from orientation.models import BODY_MAX_CHARS, OrientationPage
from portal.content_files import ContentError
from tests.factories import page_form_data
from tests.helpers import PAGE_ADMIN, SAMPLE
from videos.models import WelcomeVideo
from welcome.locality import load_locality

pytestmark = pytest.mark.django_db
# Text columns nobody types into: the portal writes them itself.
WRITTEN_BY_THE_PORTAL = {
    ("orientation", "orientationpage", "body_html"),
    ("orientation", "searchdocument", "text"),
    ("orientation", "searchdocument", "search_title"),
    ("orientation", "searchdocument", "search_text"),
}
# Typed only through forms that carry their own max_length (editorial/forms.py: 2,000).
LIMITED_BY_THEIR_FORM = {
    ("editorial", "reviewnote", "text"),
    ("editorial", "directorychange", "comment"),
}


def test_every_text_field_people_fill_has_a_limit():
    unlimited = []
    for app in ("orientation", "directory", "videos", "insights", "editorial"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                key = (app, model._meta.model_name, re.sub(r"_[a-z]{2,3}$", "", field.name))
                if not isinstance(field, models.TextField) or not field.editable:
                    continue
                if key in WRITTEN_BY_THE_PORTAL or key in LIMITED_BY_THEIR_FORM:
                    continue
                if not field.max_length:
                    unlimited.append(f"{model.__name__}.{field.name}")
    assert unlimited == []


@pytest.mark.parametrize(
    ("model", "field", "limit"),
    [
        (OrientationPage, "body_ar", BODY_MAX_CHARS),
        (OrientationPage, "to_confirm", 2_000),
        (Organisation, "description_so", 3_000),
        (Organisation, "services_en", 3_000),
        (Organisation, "accessibility_fa", 1_000),
        (WelcomeVideo, "transcript", 5_000),
    ],
)
def test_full_clean_enforces_the_limit_in_every_language_column(model, field, limit):
    instance = model(**{field: "a" * (limit + 1)})
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    assert field in refused.value.message_dict
    instance = model(**{field: "a" * limit})
    with pytest.raises(ValidationError) as refused:
        instance.full_clean()
    assert field not in refused.value.message_dict


def test_the_sample_content_fits_every_limit():
    longest = max(
        len(path.read_text(encoding="utf-8")) for path in (SAMPLE / "pages").glob("*/*.md")
    )
    # A quarter spare, so an editor can still add a section to the longest page.
    assert longest <= BODY_MAX_CHARS * 3 // 4


def test_the_page_admin_refuses_a_body_over_the_limit(client, as_role, pages):
    as_role("portal")
    page = pages["other"]
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/", page_form_data(page, body_en="a" * (BODY_MAX_CHARS + 1))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"at most {BODY_MAX_CHARS} characters (it has {BODY_MAX_CHARS + 1})" in html
    assert f'maxlength="{BODY_MAX_CHARS}"' in html
    page.refresh_from_db()
    assert len(page.body_en) < BODY_MAX_CHARS


@pytest.mark.parametrize(
    ("language", "words"),
    [("ar", "اختصر هذا النص"), ("ps", "دا متن لنډ کړئ"), ("so", "Gaabi qoraalkan")],
)
def test_the_message_is_in_the_editors_language(
    client,
    as_role,
    pages,
    language,
    words,
):
    as_role("portal")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = pages["other"]
    response = client.post(
        f"{PAGE_ADMIN}/{page.pk}/change/", page_form_data(page, body_en="a" * (BODY_MAX_CHARS + 1))
    )
    assert words in response.content.decode()


def test_the_video_admin_refuses_a_transcript_over_the_limit(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", password="pw"))
    response = client.post(
        "/admin/videos/welcomevideo/add/",
        {
            "language": "so",
            "title": "t",
            "transcript": "a" * 5_001,
            "transcript_state": "original",
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert "at most 5000 characters" in response.content.decode()
    assert not WelcomeVideo.objects.exists()


def test_the_loader_refuses_a_page_over_the_limit_and_writes_nothing(tmp_path):
    folder = tmp_path / "locality"
    shutil.copytree(SAMPLE, folder)
    page = folder / "pages" / "register-with-a-gp" / "en.md"
    front, _, body = page.read_text(encoding="utf-8").partition("\n---\n")
    page.write_text(f"{front}\n---\n{body}\n\n{'a' * BODY_MAX_CHARS}", encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_locality(folder)
    assert str(refused.value).startswith(str(page))
    assert f"at most {BODY_MAX_CHARS}" in str(refused.value)
    assert not OrientationPage.objects.exists()


def test_a_translation_file_over_the_limit_is_refused(pages):
    page = pages["own"]
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    root = safe_xml(export("ar", pages=OrientationPage.objects.filter(pk=page.pk)))
    unit = root.find(f".//x:trans-unit[@id='{page.slug}/title']", ns)
    target = unit.find("x:target", ns)
    if target is None:
        target = ElementTree.SubElement(unit, "{urn:oasis:names:tc:xliff:document:1.2}target")
    target.text = "ع" * 201
    with pytest.raises(TranslationFileError) as refused:
        parse(ElementTree.tostring(root), "ar")
    assert f"{page.slug}/title: too long (201 characters; at most 200)." in str(refused.value)
