from django import forms
from django.utils.translation import gettext_lazy as _

# Our own wording for every message a visitor can see (Django has no Pashto or Somali).
REQUIRED = {"required": _("Please answer this question.")}


class HoneypotMixin(forms.Form):
    """A field people never see and robots fill in."""

    website = forms.CharField(required=False, label=_("Leave this empty"))

    @property
    def is_robot(self):
        return bool(self.data.get("website"))


class HelpfulForm(HoneypotMixin):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            **REQUIRED,
            "invalid_choice": _("Please choose yes or no."),
        },
    )


class CommentForm(HoneypotMixin):
    token = forms.CharField(widget=forms.HiddenInput, error_messages=REQUIRED)
    comment = forms.CharField(
        label=_("What was missing, or what could be better?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        error_messages={
            **REQUIRED,
            "max_length": _("Please keep it shorter (%(limit_value)d letters at most)."),
        },
    )
