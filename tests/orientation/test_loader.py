"""The content loader: the sample locality loads, reloads in place, and bad files load nothing."""

import re
import shutil

import pytest
from django.core.management import CommandError, call_command

from orientation.models import (
    EmergencyContact,
    Locality,
    MigrationStatus,
    OrientationPage,
    SourceLink,
    Topic,
)
from tests.helpers import SAMPLE
from welcome.locality import ContentError, load_locality, read_locality

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_copy(tmp_path):
    """A copy of the sample locality to break in different ways."""
    target = tmp_path / "locality"
    shutil.copytree(SAMPLE, target)
    return target


def counts():
    return (
        Locality.objects.count(),
        Topic.objects.count(),
        MigrationStatus.objects.count(),
        OrientationPage.objects.count(),
        SourceLink.objects.count(),
        EmergencyContact.objects.count(),
    )


def test_the_sample_locality_loads(capsys):
    page_folders = [path for path in (SAMPLE / "pages").iterdir() if path.is_dir()]
    call_command("load_locality", str(SAMPLE))
    assert f"{len(page_folders)} pages" in capsys.readouterr().out
    assert Topic.objects.count() == 10
    assert MigrationStatus.objects.count() >= 8
    assert OrientationPage.objects.published().count() == len(page_folders)
    assert Locality.current().name_en == "Birmingham"
    assert EmergencyContact.objects.filter(number="999").exists()
    assert Topic.objects.get(slug="living-here").name_en == "Living in Birmingham"


@pytest.mark.usefixtures("sample")
class TestOnTheLoadedSample:
    """The sample is loaded once for the class; each test's changes are rolled back."""

    def test_loading_twice_updates_in_place(self):
        before = counts()
        load_locality(SAMPLE)
        assert counts() == before

    def test_loading_keeps_the_english_body_and_renders_it(self):
        page = OrientationPage.objects.get(slug="register-with-a-gp")
        assert page.body_en.startswith("This page is for everyone")
        assert "<h2>" in page.body_html_en
        assert page.sources.count() >= 1
        assert page.topics.filter(slug="health").exists()

    def test_translations_are_loaded_with_the_state_their_file_gives(self):
        for path in SAMPLE.glob("pages/*/*.md"):
            language = path.stem
            if language == "en":
                continue
            said = re.search(r"^translation: *(\w+)", path.read_text(encoding="utf-8"), re.M)
            page = OrientationPage.objects.get(slug=path.parent.name)
            assert page.has_translation(language), path
            assert page.translation_state(language) == said.group(1), path

    @pytest.mark.parametrize(
        ("relative_path", "content", "message"),
        [
            ("locality.yml", "slug: [unclosed", "is not valid YAML"),
            ("text/en.yml", "- just\n- a list\n", "must be a YAML mapping"),
            ("pages/register-with-a-gp/en.md", "no front matter here", "front matter"),
            (
                "pages/register-with-a-gp/en.md",
                "---\ntitle: T\nsummary: S\ntopics: [no-such-topic]\n"
                "organisation: refugee-council\nlast_checked: 2026-11-20\n"
                "sources:\n  - title: X\n    url: https://www.gov.uk/\n---\nBody",
                "topic 'no-such-topic' is not in locality.yml",
            ),
            (
                "pages/register-with-a-gp/en.md",
                "---\ntitle: T\nsummary: S\ntopics: [health]\norganisation: refugee-council\n"
                "last_checked: 2026-11-20\nsources: []\n---\nBody",
                "needs at least one official source",
            ),
            (
                "pages/register-with-a-gp/en.md",
                "---\ntitle: T\nsummary: S\ntopics: [health]\norganisation: refugee-council\n"
                "last_checked: someday\nsources:\n  - title: X\n    url: https://www.gov.uk/\n---\nBody",
                "'last_checked' must be a date",
            ),
            (
                "pages/register-with-a-gp/en.md",
                "---\ntitle: T\nsummary: S\ntopics: [health]\norganisation: refugee-council\n"
                "last_checked: 2026-11-20\nsources:\n  - title: X\n    url: javascript:alert(1)\n"
                "---\nBody",
                "is not a valid web address",
            ),
            ("pages/register-with-a-gp/de.md", "---\ntitle: T\nsummary: S\n---\nBody", "language"),
            ("pages/Bad Slug/en.md", "---\ntitle: T\n---\nBody", "not a valid slug"),
        ],
    )
    def test_a_malformed_file_names_itself_and_loads_nothing(
        self, sample_copy, relative_path, content, message
    ):
        before = counts()
        title_before = OrientationPage.objects.get(slug="register-with-a-gp").title_en
        broken = sample_copy / relative_path
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text(content, encoding="utf-8")
        with pytest.raises(ContentError) as error:
            load_locality(sample_copy)
        assert message in str(error.value)
        assert str(error.value).startswith(
            str(broken.parent if "Bad Slug" in relative_path else broken)
        )
        assert counts() == before
        assert OrientationPage.objects.get(slug="register-with-a-gp").title_en == title_before


def test_an_error_late_in_the_folder_leaves_the_database_untouched(sample_copy):
    """Earlier pages are valid; the last one is broken: not even the valid ones are written."""
    (sample_copy / "pages" / "zzz-last").mkdir()
    (sample_copy / "pages" / "zzz-last" / "en.md").write_text("---\ntitle: [\n---\nx")
    with pytest.raises(ContentError):
        load_locality(sample_copy)
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_the_command_says_nothing_was_loaded(sample_copy):
    (sample_copy / "text" / "en.yml").write_text("translation: reviewed\n")
    with pytest.raises(CommandError) as error:
        call_command("load_locality", str(sample_copy))
    assert "Nothing was loaded" in str(error.value)
    assert "text/en.yml" in str(error.value)
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_another_locality_loads_from_its_own_folder(tmp_path):
    folder = tmp_path / "elsewhere"
    (folder / "text").mkdir(parents=True)
    (folder / "pages" / "hello").mkdir(parents=True)
    (folder / "locality.yml").write_text(
        "slug: elsewhere\nemergency:\n  - key: emergency\n    number: '112'\n"
        "topics:\n  - slug: health\n    icon: health\n"
        "statuses:\n  - slug: student\n    icon: student\n"
        "organisations:\n  - slug: council\n    name: Elsewhere Council\n"
    )
    (folder / "text" / "en.yml").write_text(
        "locality_name: Elsewhere\nhome:\n  heading: Welcome to Elsewhere\n"
        "emergency:\n  emergency: Emergency\ntopics:\n  health:\n    name: Health\n"
        "statuses:\n  student:\n    name: Students\n    label: I am a student\n"
    )
    (folder / "pages" / "hello" / "en.md").write_text(
        "---\ntitle: Hello\nsummary: Hi\ntopics: [health]\norganisation: council\n"
        "last_checked: 2026-01-01\nsources:\n  - title: Council\n    url: https://example.org/\n"
        "---\nWelcome."
    )
    report = load_locality(folder)
    assert report.pages == 1
    assert Locality.current().name_en == "Elsewhere"
    assert read_locality(folder).structure["slug"] == "elsewhere"


LONG_SLUG = "a-very-long-page-name-that-no-database-column-will-take"


@pytest.mark.parametrize(
    ("make_broken", "message"),
    [
        (
            lambda root: (
                shutil.copytree(root / "pages" / "register-with-a-gp", root / "pages" / LONG_SLUG)
                and root / "pages" / LONG_SLUG
            ),
            f"page folder '{LONG_SLUG}' is 55 characters long; at most 50 fit",
        ),
        (
            lambda root: _rewrite(
                root / "pages" / "register-with-a-gp" / "en.md", "title: ", "title: " + "x" * 200
            ),
            "'title' is 2",  # 200 x and the title
        ),
        (
            lambda root: _rewrite(
                root / "pages" / "register-with-a-gp" / "ar.md",
                "summary: ",
                "summary: " + "س" * 400,
            ),
            "characters long; at most 400 fit",
        ),
        (
            lambda root: _rewrite(
                next((root / "organisations").glob("*.yml")), "name: ", "name: " + "N" * 200
            ),
            "characters long; at most 200 fit",
        ),
    ],
)
def test_every_limit_is_checked_before_writing_and_the_file_is_named(
    sample_copy, make_broken, message
):
    broken = make_broken(sample_copy)
    with pytest.raises(ContentError) as error:
        load_locality(sample_copy)
    assert message in str(error.value)
    assert str(error.value).startswith(str(broken))
    assert counts() == (0, 0, 0, 0, 0, 0)


def _rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path
