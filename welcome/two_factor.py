"""Two-factor sign-in for staff: a six-digit code from an authenticator app (django-otp, TOTP).

Anyone on the staff may turn it on for themselves; once they have, their account asks for a
code after the password every time. With PORTAL_TWO_FACTOR_REQUIRED (on in production),
portal editors and superusers, who can change everything, must: until they have a confirmed
authenticator and have entered its code this session, every admin page sends them here.
"""

from base64 import b32encode
from urllib.parse import quote

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import site as admin_site
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.permissions import is_portal_editor

# Pages a signed-in person who still owes a code may open.
OPEN_ADMIN_URLS = ("admin:login", "admin:logout", "two_factor", "admin:jsi18n")


def must_use_two_factor(user):
    """True when this account must enter a code before using the admin."""
    if user_has_device(user, confirmed=True):
        return True
    return settings.PORTAL_TWO_FACTOR_REQUIRED and is_portal_editor(user)


def owes_code(user):
    return (
        user.is_authenticated
        and user.is_staff
        and not user.is_verified()
        and must_use_two_factor(user)
    )


class TwoFactorMiddleware:
    """Sends staff who owe a code from any admin page to the two-factor page.

    Public pages only pay for one string comparison: the user is not even looked at there.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        if request.path.startswith(self.admin_prefix) and owes_code(request.user):
            open_paths = {reverse(name) for name in OPEN_ADMIN_URLS}
            if request.path not in open_paths:
                return redirect(f"{reverse('two_factor')}?next={quote(request.get_full_path())}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        max_length=20,
        error_messages={"invalid": _("Enter the six digits your app shows now.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        allowed, _details = self.device.verify_is_allowed()
        if not allowed or not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code did not match. Check the time on your phone and try the new code."),
                code="wrong_code",
            )
        return code


def _device_for(user):
    """The confirmed authenticator, else the one being set up (made on first visit)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device:
        return device, False
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    return device, True


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


@staff_member_required
def two_factor(request):
    """Enter a code; or, with no authenticator yet, set one up by entering its first code."""
    device, setting_up = _device_for(request.user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            messages.success(request, _("Two-factor sign-in is on for your account."))
        otp_login(request, device)
        return redirect(_next_url(request))
    context = {
        **admin_site.each_context(request),
        "is_nav_sidebar_enabled": False,  # its links all lead back here until the code is in
        "title": _("Set up two-factor sign-in") if setting_up else _("Two-factor sign-in"),
        "form": form,
        "setting_up": setting_up,
        "required": must_use_two_factor(request.user),
        "next": _next_url(request),
        "already_on": not setting_up and request.user.is_verified(),
    }
    if setting_up:
        secret = b32encode(device.bin_key).decode().rstrip("=")
        # In groups of four, as authenticator apps show keys typed by hand.
        context["secret"] = " ".join(
            secret[start : start + 4] for start in range(0, len(secret), 4)
        )
        context["config_url"] = device.config_url
        # Drawn here, as a data: picture (no QR service sees the secret); the admin allows data:.
        context["qr_code"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
    return TemplateResponse(request, "admin/two_factor.html", context)
