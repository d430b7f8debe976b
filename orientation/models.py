"""The orientation content a new arrival browses: topics, migration statuses and pages."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from taggit.managers import TaggableManager

from portal.media_checks import PICTURE_EXTENSIONS, PortalFileName, validate_picture
from portal.translation import (
    SOURCE_LANGUAGE,
    TranslatedModel,
    VersionedTranslatedModel,
    source_field,
)

from .editorial_life import REVIEW_INTERVAL, EditorialState
from .markdown import render_markdown

# Limits on the long text fields (characters), in every language column. The longest sample
# page body is about 3,500 characters; a plain-English page past 12,000 should be two pages.
# Each is checked by forms (max_length) and by full_clean (the validator), so the admin, the
# content loader and translation files all meet it. CharFields carry their own max_length.
BODY_MAX_CHARS = 12_000
INTRO_MAX_CHARS = 2_000
NOTES_MAX_CHARS = 2_000


# Django's own words for a text that is too long, declared here so that the portal's catalogues
# carry them (Django has no Pashto or Somali): every language gets the same plain message.
TOO_LONG = ngettext_lazy(
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    "limit_value",
)


def limited_text(limit):
    """The keyword arguments that cap a TextField at ``limit`` characters."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit, message=TOO_LONG)]}


class Locality(TranslatedModel):
    """The place this portal welcomes people to. A deployment serves one locality."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    heading = models.CharField(_("home page heading"), max_length=200)
    intro = models.TextField(
        _("home page introduction"), blank=True, **limited_text(INTRO_MAX_CHARS)
    )

    class Meta:
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()


class EmergencyContact(models.Model):
    """A number shown on every page, in the same place, in the reader's language."""

    key = models.SlugField(_("key"), unique=True)
    number = models.CharField(_("number"), max_length=30)
    label = models.CharField(_("what it is for"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")

    def __str__(self):
        return f"{self.number} ({self.key})"

    @property
    def tel_href(self):
        return "tel:" + "".join(character for character in self.number if character.isdigit())


class Topic(models.Model):
    """A subject a new arrival browses by: Health, Housing, Transport..."""

    slug = models.SlugField(_("slug"), unique=True)
    icon = models.SlugField(_("icon"), help_text=_("Name of an SVG file in static/icons/."))
    name = models.CharField(_("name"), max_length=100)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orientation:topic", kwargs={"topic": self.slug})


class MigrationStatus(models.Model):
    """Who someone is in the immigration system, in plain words ("I am a student")."""

    slug = models.SlugField(_("slug"), unique=True)
    icon = models.SlugField(_("icon"), help_text=_("Name of an SVG file in static/icons/."))
    name = models.CharField(_("name"), max_length=100)
    label = models.CharField(
        _("'I am...' label"), max_length=150, help_text=_("For example: I am an asylum seeker.")
    )
    description = models.CharField(_("who this covers"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("migration status")
        verbose_name_plural = _("migration statuses")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("orientation:status", kwargs={"status": self.slug})


class OrientationPageQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what the public sees."""
        return self.filter(state=OrientationPage.State.PUBLISHED)

    def for_status(self, status):
        """Pages for people with this status, and pages for everyone (no status set)."""
        for_everyone = ~models.Exists(
            OrientationPage.statuses.through.objects.filter(orientationpage=models.OuterRef("pk"))
        )
        for_this_status = models.Exists(
            OrientationPage.statuses.through.objects.filter(
                orientationpage=models.OuterRef("pk"), migrationstatus=status
            )
        )
        return self.filter(for_everyone | for_this_status)

    def for_listing(self):
        """Pages for a list of links: the long text columns stay in the database."""
        long_fields = [
            f"{field}_{code}"
            for field in ("body", "body_html")
            for code in settings.MODELTRANSLATION_LANGUAGES
        ]
        return self.defer(*long_fields)

    def reader_language_first(self, language):
        """Pages with a text in the reader's language first, then English stand-ins.

        Each group is in the order of the title the reader sees (their language's, else the
        English), with the primary key last so that pages keep their place across pages of a
        paginated list. ``english_stand_in`` (0 or 1) tells a template which group a page is in
        without loading its body.
        """
        title = f"title_{language}"
        if language == SOURCE_LANGUAGE:
            return self.order_by(source_field("title"), "pk")
        translated = OrientationPage.translated_into(language)
        return (
            self.annotate(
                english_stand_in=models.Case(
                    models.When(translated, then=models.Value(0)),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                ),
            )
            .alias(
                title_seen=Coalesce(NullIf(title, models.Value("")), source_field("title")),
            )
            .order_by("english_stand_in", "title_seen", "pk")
        )

    def in_topic(self, topic):
        return self.filter(
            models.Exists(
                OrientationPage.topics.through.objects.filter(
                    orientationpage=models.OuterRef("pk"), topic=topic
                )
            )
        )


class OrientationPage(VersionedTranslatedModel):
    """One page of plain-language orientation: what to do, what to bring, where to get help."""

    # The words a translator writes; a language counts as translated with a title and a body.
    text_fields = ("title", "summary", "body")
    required_text_fields = ("title", "body")

    State = EditorialState

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Never change it once shared."))
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400)
    body = models.TextField(_("body (Markdown)"), **limited_text(BODY_MAX_CHARS))
    body_html = models.TextField(_("body as HTML"), editable=False, default="")
    topics = models.ManyToManyField(Topic, related_name="pages", verbose_name=_("topics"))
    statuses = models.ManyToManyField(
        MigrationStatus,
        related_name="pages",
        blank=True,
        verbose_name=_("who it is for"),
        help_text=_("Leave empty if the page is for everyone."),
    )
    tags = TaggableManager(blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="pages",
        verbose_name=_("owning organisation"),
    )
    related_organisations = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="related_pages",
        verbose_name=_("where to get help"),
        help_text=_("Agencies a reader of this page can go to."),
    )
    state = models.CharField(
        _("editorial state"), max_length=20, choices=State.choices, default=State.DRAFT
    )
    last_checked = models.DateField(_("last checked"), default=datetime.date.today)
    review_by = models.DateField(_("review by"), blank=True)
    # What the person who checked the page could not confirm against its sources: for editors
    # and advisers to settle, never shown to readers as fact.
    to_confirm = models.TextField(
        _("facts to confirm"),
        blank=True,
        default="",
        help_text=_("One fact a line that an adviser must still check. Never shown to readers."),
        **limited_text(NOTES_MAX_CHARS),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the content loader last wrote the page from its files (None: never). A page saved
    # since then was changed in the admin, and the files no longer speak for it.
    loaded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OrientationPageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("orientation page")
        verbose_name_plural = _("orientation pages")

    def __str__(self):
        return self.title

    def save(self, *args, minor_edit=False, **kwargs):
        self.normalise_line_endings()
        if not self.english_version or not minor_edit:
            self.english_version = self.compute_english_version()
        if not self.review_by:
            self.review_by = self.last_checked + REVIEW_INTERVAL
        for code in settings.MODELTRANSLATION_LANGUAGES:
            setattr(self, f"body_html_{code}", render_markdown(getattr(self, f"body_{code}", "")))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("orientation:page", kwargs={"slug": self.slug})

    def normalise_line_endings(self):
        """Browsers post text areas with CRLF; stored text (and its version) uses LF only."""
        for code in settings.MODELTRANSLATION_LANGUAGES:
            for field in self.text_fields:
                value = getattr(self, f"{field}_{code}", None)
                if value and "\r" in value:
                    setattr(
                        self, f"{field}_{code}", value.replace("\r\n", "\n").replace("\r", "\n")
                    )

    @property
    def edited_since_loaded(self):
        """True for a page made in the admin, or saved there since the loader last wrote it."""
        return self.loaded_at is None or self.updated_at > self.loaded_at

    @property
    def is_overdue_for_review(self):
        return self.review_by < timezone.localdate()


class FirstStep(models.Model):
    """One of the few pages that matter most for a status, in the order a reader should take them.

    A status page opens with these before the topics: for a new refugee the 28-day move-on,
    Universal Credit, housing and the eVisa, rather than ten generic subjects.
    """

    status = models.ForeignKey(
        MigrationStatus, on_delete=models.CASCADE, related_name="first_steps"
    )
    page = models.ForeignKey(
        "OrientationPage",
        on_delete=models.CASCADE,
        related_name="first_step_for",
        verbose_name=_("page"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["status", "page"], name="unique_first_step_per_status")
        ]
        verbose_name = _("first step")
        verbose_name_plural = _("first steps")

    def __str__(self):
        return f"{self.status}: {self.page}"


class SourceLink(models.Model):
    """An official source the page sends readers to (GOV.UK, NHS, the council)."""

    page = models.ForeignKey(OrientationPage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("official source")
        verbose_name_plural = _("official sources")

    def __str__(self):
        return self.title


class PageImage(models.Model):
    """An illustration for a page: checked by content, stripped of metadata, with alt text."""

    page = models.ForeignKey(OrientationPage, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("picture"),
        upload_to=PortalFileName("pages", PICTURE_EXTENSIONS),
        validators=[validate_picture],
    )
    alt = models.CharField(
        _("description for people who cannot see it"),
        max_length=250,
        help_text=_("Say what the picture shows, in a short sentence."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.alt


# Models kept in modules of their own, imported here so that Django finds them.
from .glossary import GlossaryTerm  # noqa: E402, F401
from .search.models import SearchDocument, SearchSynonym, SearchWord  # noqa: E402, F401
