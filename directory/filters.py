"""The directory's filters: a plain GET form, so they work with JavaScript off."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orientation.models import MigrationStatus, Topic

from .hours import open_at_filter
from .models import SpokenLanguage

# Our own wording, so that every reader gets it in their language (Django has no Pashto or
# Somali for its built-in form messages).
INVALID_CHOICE = {"invalid_choice": _("That choice is not in the list. Please choose again.")}


class AgencyFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Help with"),
        empty_label=_("Any subject"),
        error_messages=INVALID_CHOICE,
    )
    status = forms.ModelChoiceField(
        queryset=MigrationStatus.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Who they help"),
        empty_label=_("Everyone"),
        error_messages=INVALID_CHOICE,
    )
    language = forms.ModelChoiceField(
        # The portal's own languages always (interpreters can be booked), and any other
        # language that a listed organisation speaks.
        queryset=SpokenLanguage.objects.filter(
            Q(code__in=settings.MODELTRANSLATION_LANGUAGES) | Q(organisations__listed=True)
        ).distinct(),
        to_field_name="code",
        required=False,
        label=_("Speaks my language"),
        empty_label=_("Any language"),
        error_messages=INVALID_CHOICE,
    )
    free = forms.BooleanField(required=False, label=_("Free of charge"))
    open_now = forms.BooleanField(required=False, label=_("Open now"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].label_from_instance = lambda topic: topic.name
        self.fields["status"].label_from_instance = lambda status: status.name
        self.fields["language"].label_from_instance = str

    def filter(self, organisations, moment=None):
        """Apply the valid filters; a choice that is not valid is left out, never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("topic"):
            organisations = organisations.filter(topics=data["topic"])
        if data.get("status"):
            organisations = organisations.for_status(data["status"])
        if data.get("language"):
            # Staff who speak it, or an interpreter they can book: either way the reader is heard.
            organisations = organisations.filter(
                Q(languages=data["language"]) | Q(interpreting=True)
            )
        if data.get("free"):
            organisations = organisations.filter(free=True)
        if data.get("open_now"):
            organisations = organisations.filter(open_at_filter(moment))
        return organisations.distinct()

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)
