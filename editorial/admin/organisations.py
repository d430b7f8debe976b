"""Directory entries: agencies edit their own, and without self-publishing the change waits.

The form and its inlines become one dictionary of the entry as the agency wants it (every
field, topics, statuses, languages, opening hours and closures); ``workflow.edit_organisation``
puts it live or keeps it waiting; a reviewer publishes or declines it from the entry's page.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from modeltranslation.translator import translator

from directory.forms import OrganisationAdminForm
from directory.models import Closure, OpeningPeriod, Organisation, SpokenLanguage
from directory.views import agency_queryset, render_agency
from orientation.admin import PortalTranslationAdmin, TranslatedInputMixin
from orientation.models import MigrationStatus, Topic

from .. import permissions, revisions, workflow
from .preview import staff_preview
from .review import WaitingChangeResponseMixin, decline_view

RELATIONS = {"topics": (Topic, "slug"), "statuses": (MigrationStatus, "slug")}
RELATIONS["languages"] = (SpokenLanguage, "code")
INLINES = {"opening_periods": OpeningPeriod, "closures": Closure}
INLINE_FIELDS = {
    "opening_periods": ("weekday", "opens", "closes"),
    "closures": ("date", "opens", "closes", "note"),
}


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and type(value).__name__ == "Decimal":
        return str(value)
    return value


def _row_fields(key):
    """An inline's stored fields, with a column per language for translated ones."""
    model = INLINES[key]
    translated = (
        set(translator.get_options_for_model(model).all_fields)
        if model in translator.get_registered_models()
        else set()
    )
    names = []
    for name in INLINE_FIELDS[key]:
        if name in translated:
            names += [f"{name}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES]
        else:
            names.append(name)
    return names


def _own_fields():
    originals = set(translator.get_options_for_model(Organisation).all_fields)
    return [
        field
        for field in Organisation._meta.concrete_fields
        if field.name not in originals and not field.primary_key
    ]


def entry_data(organisation):
    """The entry as it is now, in the form a waiting change is kept in."""
    data = {field.name: _plain(getattr(organisation, field.name)) for field in _own_fields()}
    for name, (_model, key) in RELATIONS.items():
        data[name] = sorted(getattr(organisation, name).values_list(key, flat=True))
    for key in INLINES:
        data[key] = [
            {name: _plain(getattr(row, name)) for name in _row_fields(key)}
            for row in getattr(organisation, key).all()
        ]
    return data


def proposed_entry(form, formsets, starting_point):
    data = dict(starting_point)
    for field in _own_fields():
        if field.name in form.cleaned_data:
            data[field.name] = _plain(form.cleaned_data[field.name])
    for name, (_model, key) in RELATIONS.items():
        if name in form.cleaned_data:
            data[name] = sorted(getattr(item, key) for item in form.cleaned_data[name])
    for formset in formsets:
        key = formset.prefix if formset.prefix in INLINES else None
        if key is None:
            continue
        posted = {form.instance.pk for form in formset.forms if form.instance.pk}
        rows = [
            {name: _plain(getattr(row, name)) for name in _row_fields(key)}
            for row in formset.get_queryset()
            if row.pk not in posted
        ]
        for row_form in formset.forms:
            if formset.can_delete and formset._should_delete_form(row_form):
                continue
            values = row_form.cleaned_data if row_form.has_changed() else None
            if values is None and row_form.instance.pk:
                values = {name: getattr(row_form.instance, name) for name in _row_fields(key)}
            if values is None and row_form.initial:
                values = row_form.initial
            if values:
                rows.append({name: _plain(values.get(name)) for name in _row_fields(key)})
        data[key] = rows
    return data


def _translated_fields():
    return set(translator.get_options_for_model(Organisation).fields)


def _entry_label(key):
    return revisions.field_label(
        key, model=Organisation, translated=_translated_fields(), inlines=INLINES
    )


def _entry_lines(key, value):
    if key == "opening_periods":
        days = dict(OpeningPeriod.Weekday.choices)
        return [
            f"{days.get(row.get('weekday'), row.get('weekday'))} {row.get('opens')}–"
            f"{row.get('closes')}"
            for row in value or []
        ]
    if key in INLINES:
        return [
            " · ".join(str(part) for part in row.values() if part not in (None, ""))
            for row in value or []
        ]
    return revisions.value_lines(key, value)


def entry_diff(organisation, data):
    """What publishing ``data`` would change on the entry as it is now: only the fields that
    change, by their labels, every language, as the page review shows a page's change."""
    live = entry_data(organisation)
    return revisions.diff(
        live,
        data,
        [*live, *(key for key in data if key not in live)],
        label=_entry_label,
        lines=_entry_lines,
        translated=_translated_fields(),
    )


@transaction.atomic
def apply_entry(organisation, data):
    """Make the entry what ``data`` says: its fields, relations, hours and closures."""
    for field in _own_fields():
        if field.name in data:
            setattr(organisation, field.attname, field.to_python(data[field.name]))
    organisation.save()
    for name, (model, key) in RELATIONS.items():
        if name in data:
            getattr(organisation, name).set(model.objects.filter(**{f"{key}__in": data[name]}))
    for key, model in INLINES.items():
        if key in data:
            getattr(organisation, key).all().delete()
            for row in data[key]:
                values = {
                    name: model._meta.get_field(name).to_python(value)
                    for name, value in row.items()
                }
                model.objects.create(organisation=organisation, **values)


def _waiting_rows(request, key):
    data = getattr(request, "_building_on", None)
    return None if data is None else list(data.get(key) or [])


class WaitingRowsMixin:
    def get_extra(self, request, obj=None, **kwargs):
        rows = _waiting_rows(request, self.snapshot_key)
        return len(rows) if rows is not None else super().get_extra(request, obj, **kwargs)


class OpeningPeriodInline(WaitingRowsMixin, admin.TabularInline):
    model = OpeningPeriod
    extra = 0
    snapshot_key = "opening_periods"


class ClosureInline(WaitingRowsMixin, TranslatedInputMixin, TranslationTabularInline):
    model = Closure
    extra = 0
    snapshot_key = "closures"


@admin.register(Organisation)
class OrganisationAdmin(WaitingChangeResponseMixin, PortalTranslationAdmin):
    form = OrganisationAdminForm
    change_form_template = "admin/editorial/organisation_change_form.html"
    list_display = ("name", "listed", "key_agency", "postcode", "phone", "last_checked")
    list_filter = ("listed", "key_agency", "free", "topics", "languages")
    search_fields = ("name", "postcode")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("topics", "statuses", "languages")
    inlines = [OpeningPeriodInline, ClosureInline]
    waiting_message = _(
        "The entry stays as it is on the site. Your changes are waiting for a "
        "reviewer, who will publish them."
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "listed",
                    "key_agency",
                    "self_publishing",
                    "description",
                    "services",
                )
            },
        ),
        (
            _("Who they help"),
            {"fields": ("topics", "statuses", "languages", "interpreting", "free", "appointment")},
        ),
        (
            _("Where and how to reach them"),
            {
                "fields": (
                    "street",
                    "town",
                    "postcode",
                    "latitude",
                    "longitude",
                    "phone",
                    "email",
                    "website",
                    "accessibility",
                    "closed_on_bank_holidays",
                ),
                "description": _(
                    "Click the map to place the organisation, or type the coordinates."
                ),
            },
        ),
        (_("Checking"), {"fields": ("last_checked", "translation_states")}),
    )

    class Media:
        css = {"all": ("vendor/leaflet/leaflet.css", "css/admin-map.css")}
        js = ("vendor/leaflet/leaflet.js", "js/admin-map.js")

    def get_queryset(self, request):
        """Agency editors see and edit their own organisation's entry only."""
        queryset = super().get_queryset(request)
        if permissions.is_agency_editor(request.user):
            organisation = permissions.organisation_of(request.user)
            return queryset.filter(pk=getattr(organisation, "pk", None))
        return queryset

    def get_readonly_fields(self, request, obj=None):
        if permissions.is_portal_editor(request.user):
            return ()
        # What the portal grants is not for an agency to grant itself.
        return ("slug", "listed", "key_agency", "self_publishing", "translation_states")

    def get_prepopulated_fields(self, request, obj=None):
        return (
            super().get_prepopulated_fields(request, obj)
            if permissions.is_portal_editor(request.user)
            else {}
        )

    def has_add_permission(self, request):
        return permissions.is_portal_editor(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return permissions.is_portal_editor(request.user) and super().has_delete_permission(
            request, obj
        )

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404

    # A second edit builds on the waiting one ---------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        organisation = super().get_object(request, object_id, from_field)
        request._building_on = None
        if organisation is not None and permissions.directory_change_waits(request.user):
            waiting = workflow.waiting_directory_change(organisation)
            if waiting is not None:
                request._building_on = waiting.data
                for field in _own_fields():
                    if field.name in waiting.data:
                        value = field.to_python(waiting.data[field.name])
                        setattr(organisation, field.attname, value)
        return organisation

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        waiting = getattr(request, "_building_on", None)
        if waiting is None:
            return form

        class StartFromWaitingChange(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, (model, key) in RELATIONS.items():
                    if name in self.fields and name in waiting:
                        self.initial[name] = list(
                            model.objects.filter(**{f"{key}__in": waiting[name]}).values_list(
                                "pk", flat=True
                            )
                        )

        return StartFromWaitingChange

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        rows = _waiting_rows(request, getattr(inline, "snapshot_key", ""))
        if rows is not None:
            kwargs["queryset"] = inline.model.objects.none()
            kwargs["initial"] = rows
        return kwargs

    # Saving through the workflow --------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.save()  # only portal editors add entries; they publish directly

    def save_formset(self, request, form, formset, change):
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def save_related(self, request, form, formsets, change):
        organisation = form.instance
        live = Organisation.objects.get(pk=organisation.pk)
        starting_point = getattr(request, "_building_on", None) or entry_data(live)
        data = proposed_entry(form, formsets, starting_point)
        request._outcome = workflow.edit_organisation(
            user=request.user, organisation=live, data=data, apply=apply_entry
        )
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    # The review step --------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/waiting-change/",
                wrap(self.waiting_change_view),
                name="organisation_waiting_change",
            ),
            path(
                "<int:pk>/waiting-change/preview/<str:language>/",
                wrap(self.preview_change_view),
                name="organisation_preview_change",
            ),
            path(
                "<int:pk>/publish-change/",
                wrap(self.publish_change_view),
                name="organisation_publish_change",
            ),
            path(
                "<int:pk>/decline-change/",
                wrap(self.decline_change_view),
                name="organisation_decline_change",
            ),
            *super().get_urls(),
        ]

    def _reviewable(self, request, pk):
        organisation = get_object_or_404(self.get_queryset(request), pk=pk)
        if not permissions.can_review_organisation(request.user, organisation):
            raise PermissionDenied
        if workflow.waiting_directory_change(organisation) is None:
            raise Http404
        return organisation

    def waiting_change_view(self, request, pk):
        """The reviewer's view of a waiting change: field by field, with previews."""
        organisation = self._reviewable(request, pk)
        waiting = workflow.waiting_directory_change(organisation)
        return TemplateResponse(
            request,
            "admin/editorial/directory_change.html",
            {
                **self.admin_site.each_context(request),
                "title": _("The change waiting for “%(name)s”") % {"name": organisation.name},
                "organisation": organisation,
                "waiting_change": waiting,
                "changes": entry_diff(organisation, waiting.data),
                "preview_languages": settings.LANGUAGES,
                "opts": self.model._meta,
            },
        )

    def preview_change_view(self, request, pk, language):
        """The entry's public page as publishing the waiting change would make it."""
        organisation = self._reviewable(request, pk)
        waiting = workflow.waiting_directory_change(organisation)
        return staff_preview(
            language,
            lambda: render_agency(request, agency_queryset().get(pk=organisation.pk), preview=True),
            change=lambda: apply_entry(organisation, waiting.data),
        )

    def publish_change_view(self, request, pk):
        organisation = self._reviewable(request, pk)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:directory_organisation_change", args=[pk]))
        workflow.publish_directory_change(
            user=request.user, organisation=organisation, apply=apply_entry
        )
        self.message_user(request, _("The change is now on the site."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:directory_organisation_change", args=[pk]))

    def decline_change_view(self, request, pk):
        organisation = self._reviewable(request, pk)
        return decline_view(
            self,
            request,
            context={
                **self.admin_site.each_context(request),
                "title": _("Decline the change to “%(page)s”") % {"page": organisation.name},
                "opts": self.model._meta,
            },
            decline=lambda comment: workflow.decline_directory_change(
                user=request.user, organisation=organisation, comment=comment
            ),
            back_to=reverse("admin:directory_organisation_change", args=[pk]),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        organisation = self.get_queryset(request).filter(pk=object_id).first()
        waiting = workflow.waiting_directory_change(organisation)
        if waiting is not None:
            extra_context.update(
                {
                    "waiting_change": waiting,
                    "waiting_fields": [
                        change["field"] for change in entry_diff(organisation, waiting.data)
                    ],
                    "can_review_change": permissions.can_review_organisation(
                        request.user, organisation
                    ),
                }
            )
        return super().change_view(request, object_id, form_url, extra_context)
