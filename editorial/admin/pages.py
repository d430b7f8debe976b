"""The orientation page admin: which pages, which fields, and a form that proposes a revision.

Saving never writes the page here: the form and its inlines become a snapshot of the page as
the editor wants it, and ``workflow.edit`` decides (live, or waiting for review) and records it.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from orientation.admin import PortalTranslationAdmin
from orientation.models import OrientationPage
from portal.translation import SOURCE_LANGUAGE, source_field

from .. import permissions, plain_language, revisions, workflow
from ..forms import PageAdminForm
from ..models import JargonTerm
from .english_source import english_source
from .filters import ReviewDueFilter, TranslationStatusFilter, for_page_list, listed_status
from .page_inlines import SNAPSHOT_KEYS, PageImageInline, SourceLinkInline, rows_from_formset
from .page_views import PageViewsMixin
from .review import WaitingChangeResponseMixin

State = OrientationPage.State
STATUS_MARKS = {"missing": "–", "draft": "✎", "outdated": "!", "current": "✓"}
RELATIONS = ("topics", "statuses", "related_organisations")


def proposed_snapshot(form, formsets):
    """The page as the editor wants it, from the form and its inlines. Only fields the form
    really has are taken; the workflow fills the rest from where the edit started (the live
    page, or the waiting change an agency's second edit builds on)."""
    data = {}
    cleaned = form.cleaned_data
    for key in revisions._text_keys():
        if key in cleaned:
            data[key] = cleaned[key] or ""
    for key in ("slug", "state", "last_checked", "review_by", "to_confirm", "translation_states"):
        if key in cleaned:
            value = cleaned[key]
            data[key] = value.isoformat() if hasattr(value, "isoformat") else value
    if "organisation" in cleaned and cleaned["organisation"] is not None:
        data["organisation_id"] = cleaned["organisation"].pk
    for key in RELATIONS:
        if key in cleaned:
            data[key] = sorted(item.slug for item in cleaned[key])
    if "tags" in cleaned:
        data["tags"] = sorted(cleaned["tags"])
    for formset in formsets:
        data[SNAPSHOT_KEYS[formset.model]] = rows_from_formset(formset)
    return data


@admin.register(OrientationPage)
class OrientationPageAdmin(WaitingChangeResponseMixin, PageViewsMixin, PortalTranslationAdmin):
    form = PageAdminForm
    change_form_template = "admin/editorial/page_change_form.html"
    list_display = ("title", "organisation", "state", "review_by", "translations", "helpful")
    list_filter = ("state", ReviewDueFilter, TranslationStatusFilter, "topics", "organisation")
    search_fields = (source_field("title"), "slug")
    filter_horizontal = ("topics", "statuses", "related_organisations")
    autocomplete_fields = ("organisation",)
    prepopulated_fields = {"slug": (source_field("title"),)}
    inlines = [SourceLinkInline, PageImageInline]
    actions = ["mark_reviewed", "submit_for_review", "publish", "archive"]
    waiting_message = _(
        "The page stays as it is on the site. Your changes are waiting for a "
        "reviewer, who will publish them."
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "minor_edit", "base_revision")}),
        (
            _("Who and what"),
            {"fields": ("topics", "statuses", "tags", "organisation", "related_organisations")},
        ),
        (
            _("Editorial"),
            {
                "fields": (
                    "state",
                    "last_checked",
                    "review_by",
                    "to_confirm",
                    "translation_states",
                    "helpful",
                )
            },
        ),
        (_("Plain English check"), {"fields": ("plain_english",)}),
    )

    class Media:
        css = {"all": ("css/admin-editorial.css",)}
        js = ("js/admin-markdown.js",)

    # Which pages, and what may be done to them ------------------------------------------------

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("organisation")
            .annotate(
                feedback_answers=Count("feedback", distinct=True),
                feedback_helpful=Count("feedback", filter=Q(feedback__helpful=True), distinct=True),
            )
        )
        listing = getattr(request.resolver_match, "url_name", "") == (
            "orientation_orientationpage_changelist"
        )
        if listing and request.method == "GET":  # bulk actions (POST) get whole pages
            queryset = for_page_list(queryset)
        return permissions.visible_pages(request.user, queryset)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if obj is not None:
            return allowed and permissions.visible_pages(request.user).filter(pk=obj.pk).exists()
        return allowed

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_change_page(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or permissions.can_delete_page(request.user, obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not permissions.is_translator_only(
            request.user
        )

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Another organisation's page looks exactly like one that does not exist.
        raise Http404

    def get_object(self, request, object_id, from_field=None):
        """The page as this editor should see it: with the waiting change on it when their
        edit would wait too, so that a second edit builds on the first (in memory only)."""
        page = super().get_object(request, object_id, from_field)
        request._building_on = None
        if page is not None and permissions.change_waits_for_review(request.user, page):
            waiting = revisions.pending_revision(page)
            if waiting is not None:
                request._building_on = waiting.snapshot
                revisions.set_fields(page, {**waiting.snapshot, "state": page.state})
        return page

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        rows = inline.initial_rows(request) if hasattr(inline, "initial_rows") else None
        if rows is not None:
            # The waiting change's rows, offered as new rows: the live ones stay as they are.
            kwargs["queryset"] = inline.model.objects.none()
            kwargs["initial"] = rows
        return kwargs

    def get_readonly_fields(self, request, obj=None):
        editable = permissions.editable_page_fields(request.user)
        readonly = ["helpful", "english_source", "english_changes", "plain_english"]
        if editable is not None:
            every_field = [field.name for field in self.model._meta.get_fields() if field.concrete]
            every_field += ["topics", "statuses", "tags", "related_organisations"]
            # modeltranslation expands an original name ("title") to every language: leave the
            # originals out, or the translator's own column would be made read-only too.
            originals = set(self.trans_opts.all_fields)
            readonly += [
                name
                for name in every_field
                if name not in editable and name not in originals and name != "id"
            ]
        if not permissions.is_portal_editor(request.user):
            readonly.append("translation_states")
        if obj is not None and permissions.change_waits_for_review(request.user, obj):
            # The page's real state, not a choice the agency cannot make for a live page.
            readonly.append("state")
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editable = permissions.editable_page_fields(request.user)
        if editable is not None:
            # A translator's form: the English to translate from, and their languages' words.
            words = [
                f"{field}_{code}"
                for code in permissions.translation_languages(request.user)
                for field in OrientationPage.text_fields
                if f"{field}_{code}" in editable
            ]
            return [
                (_("English source"), {"fields": ["english_changes", "english_source"]}),
                (_("Your translation"), {"fields": [*words, "base_revision"]}),
            ]
        return fieldsets

    def get_prepopulated_fields(self, request, obj=None):
        if permissions.editable_page_fields(request.user) is not None:
            return {}
        return super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("English"))
    def english_source(self, page):
        return english_source(page, {"title": "h3", "body": "pre"})

    @admin.display(description=_("What changed in the English"))
    def english_changes(self, page):
        """For each of the translator's outdated languages: the English then and now."""
        return render_to_string(
            "admin/editorial/english_changes.html",
            {"changes": english_changes_since_translation(page)},
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "state" in form.base_fields:
            allowed = permissions.allowed_states(request.user, obj)
            form.base_fields["state"].choices = [
                choice for choice in State.choices if choice[0] in allowed
            ]
        waiting = getattr(request, "_building_on", None)
        if waiting is not None:
            form = type(form.__name__, (form,), {"waiting_snapshot": waiting})
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and permissions.is_agency_editor(request.user):
            organisation = permissions.organisation_of(request.user)
            kwargs["queryset"] = db_field.related_model.objects.filter(
                pk=getattr(organisation, "pk", None)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Saving: the form proposes, the workflow decides ------------------------------------------

    def save_model(self, request, obj, form, change):
        """Nothing is written here: ``save_related`` hands the whole proposal to the workflow."""

    def save_formset(self, request, form, formset, change):
        """Inline rows travel in the proposal; the admin's history reads what was "saved"."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def save_related(self, request, form, formsets, change):
        data = proposed_snapshot(form, formsets)
        request._outcome = workflow.edit(
            user=request.user,
            page=form.instance,
            data=data,
            minor=bool(form.cleaned_data.get("minor_edit")),
        )
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def delete_queryset(self, request, queryset):
        for page in queryset:
            if permissions.can_delete_page(request.user, page):
                page.delete()

    def delete_model(self, request, obj):
        if not permissions.can_delete_page(request.user, obj):
            raise PermissionDenied
        obj.delete()

    # Columns ----------------------------------------------------------------------------------

    @admin.display(description=_("translations"))
    def translations(self, page):
        return format_html(
            "<span class='translation-marks'>{}</span>",
            " ".join(
                f"{code}{STATUS_MARKS[listed_status(page, code)]}"
                for code in settings.MODELTRANSLATION_LANGUAGES
                if code != SOURCE_LANGUAGE
            ),
        )

    @admin.display(description=_("Plain English (the saved English text)"))
    def plain_english(self, page):
        report = plain_language.check(
            getattr(page, source_field("body")) or "",
            JargonTerm.objects.values_list("term", "plain_alternative"),
        )
        return render_to_string("admin/editorial/plain_english.html", {"report": report})

    @admin.display(description=_("found it helpful"))
    def helpful(self, page):
        # The feedback counts come from the annotations of get_queryset.
        answers = getattr(page, "feedback_answers", None)
        if not answers:
            return "—"
        return format_html("{}% ({})", round(page.feedback_helpful * 100 / answers), answers)

    # Bulk actions: each page through the workflow, which checks it ---------------------------

    def _for_each(self, request, queryset, step, message):
        done = 0
        for page in queryset:
            try:
                outcome = step(user=request.user, page=page)
            except (PermissionDenied, workflow.NothingWaiting):
                continue
            done += outcome.live
        self.message_user(
            request,
            ngettext("%(count)d page: %(what)s.", "%(count)d pages: %(what)s.", done)
            % {"count": done, "what": message},
            messages.SUCCESS if done else messages.WARNING,
        )

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self._for_each(request, queryset, workflow.mark_reviewed, _("reviewed"))

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._for_each(request, queryset, workflow.submit, _("submitted for review"))

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        self._for_each(request, queryset, workflow.publish, _("published"))

    @admin.action(description=_("Archive (take off the site)"), permissions=["change"])
    def archive(self, request, queryset):
        self._for_each(request, queryset, workflow.archive, _("archived"))


def english_changes_since_translation(page):
    """Per outdated language: a diff of the English it was translated from and the English now."""
    changes = []
    keys = [source_field(field) for field in OrientationPage.text_fields]
    current = revisions.snapshot(page)
    for code, name in settings.LANGUAGES:
        made_from = page.translation_versions.get(code)
        if code == SOURCE_LANGUAGE or not made_from or made_from == page.english_version:
            continue
        then = next(
            (
                revision.snapshot
                for revision in page.revisions.filter(pending=False)
                if revision.snapshot.get("english_version") == made_from
            ),
            None,
        )
        if then is not None:
            changes.append({"language": name, "diff": revisions.diff(then, current, keys)})
    return changes
