"""The orientation page admin, with roles enforced on every path, and the editorial records."""

import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationTabularInline

from insights.admin import helpful_share
from orientation.admin import PortalTranslationAdmin, TranslatedInputMixin
from orientation.markdown import render_markdown
from orientation.models import (
    REVIEW_INTERVAL,
    OrientationPage,
    PageImage,
    SourceLink,
    TranslationStatus,
)
from orientation.views import page_queryset, render_page
from welcome.images import strip_metadata

from . import permissions, plain_language, revisions, xliff
from .audit import record as audit
from .forms import PageAdminForm, SendBackForm, TranslationExportForm, TranslationImportForm
from .models import AuditEvent, JargonTerm, PageRevision, ReviewNote, StaffProfile

State = OrientationPage.State
STATUS_MARKS = {
    TranslationStatus.MISSING: "–",
    TranslationStatus.DRAFT: "✎",
    TranslationStatus.OUTDATED: "!",
    TranslationStatus.CURRENT: "✓",
}


class SourceLinkInline(TranslatedInputMixin, TranslationTabularInline):
    model = SourceLink
    extra = 1

    def has_change_permission(self, request, obj=None):
        return not permissions.is_translator_only(request.user) and super().has_change_permission(
            request, obj
        )

    has_add_permission = has_delete_permission = has_change_permission


class PageImageInline(TranslatedInputMixin, TranslationTabularInline):
    model = PageImage
    extra = 0
    fields = ("image", "alt", "order")

    def has_change_permission(self, request, obj=None):
        return not permissions.is_translator_only(request.user) and super().has_change_permission(
            request, obj
        )

    has_add_permission = has_delete_permission = has_change_permission


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{status.value}", f"{name} – {status.label}")
            for code, name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
            for status in TranslationStatus
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        code, status = self.value().split(":", 1)
        matching = [page.pk for page in queryset if page.translation_status(code) == status]
        return queryset.filter(pk__in=matching)


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("soon", _("Due within 30 days"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(review_by__lt=today)
        if self.value() == "soon":
            return queryset.filter(review_by__range=(today, today + datetime.timedelta(days=30)))
        return queryset


@admin.register(OrientationPage)
class OrientationPageAdmin(PortalTranslationAdmin):
    form = PageAdminForm
    change_form_template = "admin/editorial/page_change_form.html"
    list_display = ("title", "organisation", "state", "review_by", "translations", "helpful")
    list_filter = ("state", ReviewDueFilter, TranslationStatusFilter, "topics", "organisation")
    search_fields = ("title_en", "slug")
    filter_horizontal = ("topics", "statuses", "related_organisations")
    autocomplete_fields = ("organisation",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SourceLinkInline, PageImageInline]
    actions = ["mark_reviewed", "submit_for_review", "publish", "archive"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "minor_edit", "base_revision")}),
        (
            _("Who and what"),
            {"fields": ("topics", "statuses", "tags", "organisation", "related_organisations")},
        ),
        (
            _("Editorial"),
            {"fields": ("state", "last_checked", "review_by", "translation_states", "helpful")},
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

    def get_readonly_fields(self, request, obj=None):
        editable = permissions.editable_page_fields(request.user)
        readonly = ["helpful", "english_source", "plain_english"]
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
        return readonly

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editable = permissions.editable_page_fields(request.user)
        if editable is not None:
            # A translator's form: the English to translate from, and their languages' words.
            words = [
                f"{field}_{code}"
                for code in permissions.translation_languages(request.user)
                for field in permissions.TRANSLATED_PAGE_FIELDS
                if f"{field}_{code}" in editable
            ]
            return [
                (_("English source"), {"fields": ["english_source"]}),
                (_("Your translation"), {"fields": [*words, "base_revision"]}),
            ]
        return fieldsets

    def get_prepopulated_fields(self, request, obj=None):
        if permissions.editable_page_fields(request.user) is not None:
            return {}
        return super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("English"))
    def english_source(self, page):
        """The source text beside the translator's fields, escaped."""
        return format_html(
            "<div lang='en' dir='ltr' class='english-source'>"
            "<h3>{}</h3><p>{}</p><pre>{}</pre></div>",
            page.title_en,
            page.summary_en,
            page.body_en,
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "state" in form.base_fields:
            allowed = permissions.allowed_states(request.user, obj)
            form.base_fields["state"].choices = [
                choice for choice in State.choices if choice[0] in allowed
            ]
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and permissions.is_agency_editor(request.user):
            organisation = permissions.organisation_of(request.user)
            kwargs["queryset"] = db_field.related_model.objects.filter(
                pk=getattr(organisation, "pk", None)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Saving: the rules again, whatever the form was made to send ------------------------------

    def save_model(self, request, obj, form, change):
        user = request.user
        original = OrientationPage.objects.filter(pk=obj.pk).first() if change else None
        if permissions.is_agency_editor(user):
            obj.organisation = permissions.organisation_of(user)
        request._change_is_pending = permissions.change_waits_for_review(user, original)
        if request._change_is_pending:
            obj.state = original.state
        if obj.state not in permissions.allowed_states(user, original):
            obj.state = original.state if original else State.DRAFT
        minor = bool(form.cleaned_data.get("minor_edit"))
        if not obj.english_version or not minor:
            obj.english_version = obj.compute_english_version()
        obj.normalise_line_endings()
        touched = {
            code
            for code in settings.MODELTRANSLATION_LANGUAGES
            if code != settings.LANGUAGE_CODE
            and any(
                (getattr(obj, f"{field}_{code}") or "")
                != (getattr(original, f"{field}_{code}", "") or "")
                for field in permissions.TRANSLATED_PAGE_FIELDS
            )
        }
        for code in touched:
            obj.mark_translated(code)
            obj.translation_states = {
                **obj.translation_states,
                code: _translation_state_after_edit(user),
            }
        if request._change_is_pending:
            # The live page stays as it is; the change waits as a revision for a reviewer.
            obj.normalise_line_endings()
            revisions.record(
                original,
                author=user,
                pending=True,
                minor=minor,
                note="waiting for review",
                data=revisions.proposed_snapshot(obj, form.cleaned_data),
            )
            return
        obj.save(minor_edit=True)  # the English version was settled above

    def save_formset(self, request, form, formset, change):
        if getattr(request, "_change_is_pending", False):
            # Sources and pictures of a live page are not changed until a reviewer publishes;
            # the admin's history still expects to read what the formset "saved".
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            return
        if formset.model is PageImage:
            for image_form in formset.forms:
                if "image" in image_form.changed_data and image_form.cleaned_data.get("image"):
                    upload = image_form.instance.image
                    upload.save(upload.name.rsplit("/", 1)[-1], strip_metadata(upload), save=False)
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_change_is_pending", False):
            for formset in formsets:
                self.save_formset(request, form, formset, change)
            return
        super().save_related(request, form, formsets, change)
        revisions.record(
            form.instance, author=request.user, minor=bool(form.cleaned_data.get("minor_edit"))
        )

    def response_change(self, request, obj):
        if getattr(request, "_change_is_pending", False):
            self.message_user(
                request,
                _(
                    "The page stays as it is on the site. Your changes are waiting for a "
                    "reviewer, who will publish them."
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:orientation_orientationpage_changelist"))
        return super().response_change(request, obj)

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
                f"{code}{STATUS_MARKS[page.translation_status(code)]}"
                for code in settings.MODELTRANSLATION_LANGUAGES
                if code != settings.LANGUAGE_CODE
            ),
        )

    @admin.display(description=_("Plain English (the saved English text)"))
    def plain_english(self, page):
        report = plain_language.check(
            page.body_en or "", JargonTerm.objects.values_list("term", "plain_alternative")
        )
        return render_to_string("admin/editorial/plain_english.html", {"report": report})

    @admin.display(description=_("found it helpful"))
    def helpful(self, page):
        return helpful_share(page)

    # Bulk actions (each checks every page) ----------------------------------------------------

    def _for_each(self, request, queryset, check, change, message):
        done = 0
        for page in queryset:
            if check(request.user, page):
                change(page)
                page.save(minor_edit=True)
                revisions.record(page, author=request.user, minor=True, note=str(message))
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d page: %(what)s.", "%(count)d pages: %(what)s.", done)
            % {"count": done, "what": message},
            messages.SUCCESS if done else messages.WARNING,
        )

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()

        def reviewed(page):
            page.last_checked = today
            page.review_by = today + REVIEW_INTERVAL

        self._for_each(request, queryset, permissions.can_change_page, reviewed, _("reviewed"))

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        def submit(page):
            page.state = State.IN_REVIEW

        self._for_each(
            request,
            queryset.filter(state=State.DRAFT),
            permissions.can_change_page,
            submit,
            _("submitted for review"),
        )

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        def published(page):
            page.state = State.PUBLISHED

        self._for_each(request, queryset, permissions.can_publish, published, _("published"))

    @admin.action(description=_("Archive (take off the site)"), permissions=["change"])
    def archive(self, request, queryset):
        def archived(page):
            page.state = State.ARCHIVED

        def may_archive(user, page):
            return State.ARCHIVED in permissions.allowed_states(user) and (
                permissions.can_change_page(user, page)
            )

        self._for_each(request, queryset, may_archive, archived, _("archived"))

    # Preview, revisions and the review step ---------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/<str:language>/", wrap(self.preview_view), name="page_preview"),
            path("<int:pk>/revisions/", wrap(self.revisions_view), name="page_revisions"),
            path(
                "<int:pk>/revisions/<int:number>/",
                wrap(self.revision_view),
                name="page_revision",
            ),
            path(
                "<int:pk>/revisions/<int:number>/restore/",
                wrap(require_POST(self.restore_view)),
                name="page_restore",
            ),
            path("<int:pk>/send-back/", wrap(self.send_back_view), name="page_send_back"),
            path(
                "<int:pk>/publish-change/",
                wrap(require_POST(self.publish_change_view)),
                name="page_publish_change",
            ),
            path("translations/", wrap(self.translations_view), name="page_translations"),
            path(
                "markdown-preview/",
                wrap(require_POST(self.markdown_preview_view)),
                name="page_markdown_preview",
            ),
            *super().get_urls(),
        ]

    def _page(self, request, pk, *, change=False):
        page = get_object_or_404(self.get_queryset(request), pk=pk)
        allowed = (
            self.has_change_permission(request, page)
            if change
            else self.has_view_permission(request, page)
        )
        if not allowed:
            raise PermissionDenied
        return page

    def preview_view(self, request, pk, language):
        self._page(request, pk)
        if language not in settings.MODELTRANSLATION_LANGUAGES:
            raise Http404
        with translation.override(language):
            page = get_object_or_404(page_queryset(), pk=pk)
            response = render_page(request, page, preview=True)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def revisions_view(self, request, pk):
        page = self._page(request, pk)
        return TemplateResponse(
            request,
            "admin/editorial/revisions.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Revisions of “%(page)s”") % {"page": page.title_en},
                "page": page,
                "revisions": page.revisions.select_related("author"),
                "opts": self.model._meta,
                "can_restore": self.has_change_permission(request, page),
            },
        )

    def revision_view(self, request, pk, number):
        page = self._page(request, pk)
        revision = get_object_or_404(page.revisions, number=number)
        previous = page.revisions.filter(number__lt=number).first()
        return TemplateResponse(
            request,
            "admin/editorial/revision.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Revision %(number)s of “%(page)s”")
                % {"number": number, "page": page.title_en},
                "page": page,
                "revision": revision,
                "previous": previous,
                "changes": revisions.diff(previous, revision),
                "opts": self.model._meta,
                "can_restore": self.has_change_permission(request, page),
            },
        )

    def restore_view(self, request, pk, number):
        page = self._page(request, pk, change=True)
        revision = get_object_or_404(page.revisions, number=number)
        if permissions.is_translator_only(request.user):
            raise PermissionDenied
        revisions.restore(page, revision, author=request.user)
        audit(AuditEvent.Action.RESTORED, page, actor=request.user, revision=number)
        self.message_user(request, _("Revision %(number)s restored.") % {"number": number})
        return HttpResponseRedirect(reverse("admin:orientation_orientationpage_change", args=[pk]))

    def publish_change_view(self, request, pk):
        """A reviewer puts an agency's waiting change on the site."""
        page = self._page(request, pk, change=True)
        if not permissions.can_publish(request.user, page):
            raise PermissionDenied
        waiting = revisions.pending_revision(page)
        if waiting is None:
            raise Http404
        revisions.publish_pending(page, waiting, author=request.user)
        self.message_user(request, _("The change is now on the site."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:orientation_orientationpage_change", args=[pk]))

    def send_back_view(self, request, pk):
        page = self._page(request, pk, change=True)
        if not permissions.is_reviewer(request.user):
            raise PermissionDenied
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            ReviewNote.objects.create(
                page=page, author=request.user, text=form.cleaned_data["comment"]
            )
            page.state = State.DRAFT
            page.save(minor_edit=True)
            revisions.record(page, author=request.user, minor=True, note="sent back")
            audit(AuditEvent.Action.SENT_BACK, page, actor=request.user)
            self.message_user(request, _("Sent back to its editors with your comment."))
            return HttpResponseRedirect(reverse("admin:orientation_orientationpage_changelist"))
        return TemplateResponse(
            request,
            "admin/editorial/send_back.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Send back “%(page)s”") % {"page": page.title_en},
                "page": page,
                "form": form,
                "opts": self.model._meta,
            },
        )

    def markdown_preview_view(self, request):
        """Live preview for the editor: the sanitised HTML readers will get, and, for English,
        the plain-English check."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        text = request.POST.get("text", "")[:100_000]
        data = {"html": render_markdown(text)}
        if request.POST.get("language") == settings.LANGUAGE_CODE:
            report = plain_language.check(
                text, JargonTerm.objects.values_list("term", "plain_alternative")
            )
            data["check"] = render_to_string(
                "admin/editorial/plain_english.html", {"report": report}
            )
        return JsonResponse(data)

    def _translation_languages(self, request):
        names = dict(settings.LANGUAGES)
        if permissions.is_translator_only(request.user):
            codes = permissions.translation_languages(request.user)
        else:
            codes = list(settings.MODELTRANSLATION_LANGUAGES)
        return [(code, names[code]) for code in codes if code != settings.LANGUAGE_CODE]

    def translations_view(self, request):
        """Export what one language needs as XLIFF, and import it back, checked whole."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        languages = self._translation_languages(request)
        export_form = TranslationExportForm(request.GET or None, languages=languages)
        import_form = TranslationImportForm(languages=languages)
        if request.method == "GET" and export_form.is_valid():
            language = export_form.cleaned_data["language"]
            response = HttpResponse(
                xliff.export(language, everything=export_form.cleaned_data["everything"]),
                content_type="application/x-xliff+xml",
            )
            response["Content-Disposition"] = f'attachment; filename="pages-{language}.xlf"'
            return response
        problems = []
        if request.method == "POST":
            import_form = TranslationImportForm(request.POST, request.FILES, languages=languages)
            if import_form.is_valid():
                try:
                    report = xliff.import_file(
                        import_form.cleaned_data["file"].read(),
                        import_form.cleaned_data["language"],
                        author=request.user,
                    )
                except xliff.TranslationFileError as error:
                    problems = error.problems
                else:
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)d page translated.",
                            "%(count)d pages translated.",
                            report.pages,
                        )
                        % {"count": report.pages},
                    )
                    return HttpResponseRedirect(request.path)
        return TemplateResponse(
            request,
            "admin/editorial/translations.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Translation files"),
                "export_form": TranslationExportForm(languages=languages),
                "import_form": import_form,
                "problems": problems,
                "opts": self.model._meta,
            },
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        page = self.get_queryset(request).filter(pk=object_id).first()
        if page is not None:
            extra_context.update(
                {
                    "preview_languages": settings.LANGUAGES,
                    "review_notes": page.review_notes.select_related("author")[:5],
                    "can_send_back": permissions.is_reviewer(request.user)
                    and page.state == State.IN_REVIEW,
                    "pending_change": revisions.pending_revision(page),
                    "can_publish_change": permissions.can_publish(request.user, page),
                    "translation_statuses": [
                        (name, page.translation_status(code))
                        for code, name in settings.LANGUAGES
                        if code != settings.LANGUAGE_CODE
                    ],
                }
            )
        return super().change_view(request, object_id, form_url, extra_context)


def _translation_state_after_edit(user):
    """Assigned translators' own words count as reviewed; other editors' are drafts."""
    return "reviewed" if permissions.is_translator_only(user) else "draft"


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "translation_languages")
    autocomplete_fields = ("user", "organisation")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor", "action", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PageRevision)
class PageRevisionAdmin(admin.ModelAdmin):
    list_display = ("page", "number", "author", "created_at", "minor", "note")
    list_select_related = ("page", "author")

    def get_queryset(self, request):
        visible = permissions.visible_pages(request.user)
        return super().get_queryset(request).filter(page__in=visible)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(JargonTerm)
class JargonTermAdmin(admin.ModelAdmin):
    list_display = ("term", "plain_alternative")
    search_fields = ("term", "plain_alternative")
