"""The partner agencies: they own orientation pages and are the directory of places to go."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from orientation.models import limited_text
from portal.translation import TranslatedModel

from .phones import display_phone, normalise_phone
from .spoken_languages import language_names

UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")


def validate_postcode(value):
    if settings.PORTAL_PHONE_REGION == "GB" and value and not UK_POSTCODE.match(value.upper()):
        raise ValidationError(_("Enter a postcode like B1 2ND."), code="invalid_postcode")


class SpokenLanguage(models.Model):
    """A language agency staff speak. Any language, shown by its own name."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    english_name = models.CharField(_("English name"), max_length=60)
    native_name = models.CharField(_("own name"), max_length=60)

    class Meta:
        ordering = ["english_name"]
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")

    def __str__(self):
        if self.native_name == self.english_name:
            return self.english_name
        # A dash, not brackets: English names such as "Persian (Farsi)" carry their own.
        return f"{self.native_name} – {self.english_name}"

    @classmethod
    def for_code(cls, code):
        english, native = language_names(code)
        language, _created = cls.objects.get_or_create(
            code=code, defaults={"english_name": english, "native_name": native}
        )
        return language


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """The one rule for what the public directory shows."""
        return self.filter(listed=True)

    def on_map(self):
        return self.listed().filter(latitude__isnull=False, longitude__isnull=False)

    def for_status(self, status):
        """Organisations that help people with this status, or everyone (no status set)."""
        served = Organisation.statuses.through.objects.filter(organisation=models.OuterRef("pk"))
        return self.filter(
            ~models.Exists(served) | models.Exists(served.filter(migrationstatus=status))
        )


class Organisation(TranslatedModel):
    """A partner agency: it owns pages and, when listed, is a place in the directory."""

    # The words a translator writes; a language counts as translated with a description.
    text_fields = ("description", "services", "accessibility")
    required_text_fields = ("description",)

    class Appointment(models.TextChoices):
        NOT_NEEDED = "not-needed", _("No appointment needed")
        RECOMMENDED = "recommended", _("Appointment recommended")
        REQUIRED = "required", _("Appointment needed")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    listed = models.BooleanField(
        _("listed in the directory"),
        default=True,
        help_text=_("Untick for an organisation that owns pages but is not a place to go."),
    )
    key_agency = models.BooleanField(_("key agency (on the home page map)"), default=False)
    self_publishing = models.BooleanField(
        _("may publish its own pages"),
        default=False,
        help_text=_("Its editors can publish without a review. Granted by the portal editors."),
    )
    # Limits in characters, checked by forms and full_clean alike (see orientation.models).
    description = models.TextField(_("what they do"), blank=True, **limited_text(3_000))
    services = models.TextField(_("services, one per line"), blank=True, **limited_text(3_000))
    accessibility = models.TextField(_("accessibility"), blank=True, **limited_text(1_000))
    topics = models.ManyToManyField(
        "orientation.Topic", blank=True, related_name="organisations", verbose_name=_("topics")
    )
    statuses = models.ManyToManyField(
        "orientation.MigrationStatus",
        blank=True,
        related_name="organisations",
        verbose_name=_("who they help"),
        help_text=_("Leave empty if they help everyone."),
    )
    languages = models.ManyToManyField(
        SpokenLanguage, blank=True, related_name="organisations", verbose_name=_("languages spoken")
    )
    interpreting = models.BooleanField(_("interpreters can be booked"), default=False)
    free = models.BooleanField(_("free of charge"), default=True)
    appointment = models.CharField(
        _("appointment"),
        max_length=20,
        choices=Appointment.choices,
        default=Appointment.RECOMMENDED,
    )
    street = models.CharField(_("street address"), max_length=200, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, validators=[validate_postcode]
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    phone = models.CharField(
        _("phone"), max_length=20, blank=True, help_text=_("Stored in international form.")
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    closed_on_bank_holidays = models.BooleanField(_("closed on bank holidays"), default=True)
    last_checked = models.DateField(_("last checked"), default=datetime.date.today)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__range=(-90, 90)),
                name="organisation_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__range=(-180, 180)),
                name="organisation_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.phone = normalise_phone(self.phone)
        if self.postcode:
            self.postcode = self.postcode.upper().strip()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))

    def get_absolute_url(self):
        return reverse("directory:agency", kwargs={"slug": self.slug})

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def address_lines(self):
        return [part for part in (self.street, self.town, self.postcode) if part]

    def directions_url(self):
        """OpenStreetMap directions to this place: works on any phone, needs no app or account."""
        if self.has_location:
            return (
                "https://www.openstreetmap.org/directions?to="
                f"{self.latitude}%2C{self.longitude}#map=17/{self.latitude}/{self.longitude}"
            )
        return ""


class OpeningPeriod(models.Model):
    """A stretch of a weekday when the organisation is open, in local time."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opening_periods"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="opening_period_order"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    """A date with other hours than usual: closed all day, or open for a shorter time."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(opens__isnull=True) & models.Q(closes__isnull=True))
                | models.Q(closes__gt=models.F("opens")),
                name="closure_hours_order",
            )
        ]

    def __str__(self):
        return f"{self.date} {self.note}"

    @property
    def closed_all_day(self):
        return self.opens is None


class BankHoliday(models.Model):
    """A public holiday in the locality, when most offices close."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["date"]
        verbose_name = _("bank holiday")
        verbose_name_plural = _("bank holidays")

    def __str__(self):
        return f"{self.date} {self.name}"
