from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Organisation
from .phones import display_phone, normalise_phone


class OrganisationAdminForm(forms.ModelForm):
    """Phone typed as people write it, stored in E.164; coordinates can be picked on a map."""

    class Meta:
        model = Organisation
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "0.00001", "data-map-latitude": ""}),
            "longitude": forms.NumberInput(attrs={"step": "0.00001", "data-map-longitude": ""}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.phone:
            self.initial["phone"] = display_phone(self.instance.phone)
        self.fields["latitude"].widget.attrs["data-tile-url"] = settings.MAP_TILE_URL
        self.fields["phone"].help_text = _("As people dial it, for example 0121 303 1111.")

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_postcode(self):
        return self.cleaned_data.get("postcode", "").upper().strip()
