from types import SimpleNamespace

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organisation
from orientation.models import MigrationStatus, OrientationPage, Topic

from .revisions import latest_number


class PageAdminForm(forms.ModelForm):
    """The page form, with the two things that keep editors' work safe and translations honest."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    minor_edit = forms.BooleanField(
        required=False,
        label=_("Minor edit"),
        help_text=_(
            "Tick for a typo or a small fix that does not change the meaning: "
            "the translations then stay up to date."
        ),
    )

    # Set by the admin when this form builds on a change waiting for review.
    waiting_snapshot = None

    class Meta:
        model = OrientationPage
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_revision"].initial = latest_number(self.instance)
        if self.waiting_snapshot:
            self._start_from_waiting_change(self.waiting_snapshot)

    def _start_from_waiting_change(self, snapshot):
        """Show the waiting change's topics, statuses, agencies and tags, not the live ones."""
        relations = {
            "topics": Topic,
            "statuses": MigrationStatus,
            "related_organisations": Organisation,
        }
        for name, model in relations.items():
            if name in self.fields and name in snapshot:
                self.initial[name] = list(
                    model.objects.filter(slug__in=snapshot[name]).values_list("pk", flat=True)
                )
        if "tags" in self.fields and "tags" in snapshot:
            # Taggit's field and widget read tags as objects with a name.
            self.initial["tags"] = [SimpleNamespace(name=name) for name in snapshot["tags"]]

    def clean(self):
        cleaned = super().clean()
        opened_at = cleaned.get("base_revision")
        if self.instance.pk and opened_at is not None:
            latest = self.instance.revisions.first()
            if latest and latest.number != opened_at:
                when = timezone.localtime(latest.created_at)
                raise forms.ValidationError(
                    _(
                        "%(who)s saved this page at %(when)s, after you opened it, so your "
                        "changes were not saved. Nothing is lost: your text is still in the form "
                        "below. Open the page in a new tab to see their version, copy your "
                        "changes across there, and save."
                    ),
                    params={"who": latest.author or _("Someone"), "when": f"{when:%H:%M}"},
                    code="edit_conflict",
                )
        return cleaned


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )


class DeclineForm(forms.Form):
    comment = forms.CharField(
        label=_("Why is this change not published?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class TranslationExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    everything = forms.BooleanField(
        required=False,
        label=_("Every page"),
        help_text=_("Otherwise only pages whose translation is missing or outdated."),
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages


class TranslationImportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    file = forms.FileField(label=_("XLIFF file"))

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("This file is too large for a translation file."))
        return upload
