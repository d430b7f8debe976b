"""What the page admin and the directory admin share around the workflow's answer: the message
after a save that waits for review, and the reviewer's "decline this change" form."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..forms import DeclineForm


class WaitingChangeResponseMixin:
    """After a save the workflow kept waiting (``request._outcome``), say so and go back to the
    list: the form would otherwise show the live content as if it had been saved."""

    waiting_message = ""

    def response_change(self, request, obj):
        outcome = getattr(request, "_outcome", None)
        if outcome is not None and outcome.waiting:
            self.message_user(request, self.waiting_message, messages.SUCCESS)
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            )
        return super().response_change(request, obj)


def decline_view(model_admin, request, *, context, decline, back_to):
    """Ask for the reviewer's comment, then ``decline(comment)`` and go ``back_to``."""
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decline(form.cleaned_data["comment"])
        model_admin.message_user(
            request, _("The change was declined. The page on the site is unchanged.")
        )
        return HttpResponseRedirect(back_to)
    return TemplateResponse(
        request,
        "admin/editorial/send_back.html",
        {**context, "form": form, "button": _("Decline this change")},
    )
