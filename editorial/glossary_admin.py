"""The admin of the glossary and of search synonyms, with the same rules as pages.

- Portal editors do everything; reviewers change and publish terms; agency editors do not
  manage the glossary (it is the portal's, not an agency's).
- Translators change only their own languages' words, with the English beside them, and cannot
  change the state, the slug or the English.
- Each language a save touches records the English it was made from (so a later change to the
  English shows it as outdated) and becomes a draft, or reviewed when its assigned translator
  wrote it: ``workflow.translation_state_after_edit``, the rule pages follow.
- Only states the user may choose for a page are offered (``permissions.allowed_states``).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from orientation.admin import PortalTranslationAdmin
from orientation.editorial_life import REVIEW_INTERVAL
from orientation.glossary import GlossaryTerm
from orientation.models import SearchSynonym
from portal.translation import (
    SOURCE_LANGUAGE,
    STATUSES,
    TranslationState,
    choices_of,
    source_field,
)

from . import permissions
from .admin.english_source import english_source
from .workflow import translation_state_after_edit

State = GlossaryTerm.State
STATUS_MARKS = {"missing": "–", "draft": "✎", "outdated": "!", "current": "✓"}
OTHER_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != SOURCE_LANGUAGE]


def editable_term_fields(user):
    """For translators: only their languages' words. None means no limit."""
    if not permissions.is_translator_only(user):
        return None
    return {
        f"{field}_{code}"
        for field in GlossaryTerm.text_fields
        for code in permissions.translation_languages(user)
        if code != SOURCE_LANGUAGE
    }


def record_translations(user, term, before):
    """Note, for each language whose words changed, the English it was made from and its state."""
    for code in OTHER_LANGUAGES:
        touched = any(
            (getattr(term, f"{field}_{code}", "") or "") != (before.get(f"{field}_{code}") or "")
            for field in GlossaryTerm.text_fields
        )
        if touched and term.has_translation(code):
            term.mark_translated(code)
            term.translation_states = {
                **term.translation_states,
                code: translation_state_after_edit(user),
            }


class TermTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{status}", f"{code}: {label}")
            for code in OTHER_LANGUAGES
            for status, label in choices_of(STATUSES)
            if status != TranslationState.CURRENT
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        code, status = self.value().split(":", 1)
        wanted = [term.pk for term in queryset if term.translation_status(code) == status]
        return queryset.filter(pk__in=wanted)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(PortalTranslationAdmin):
    list_display = ("term", "slug", "state", "translations", "review_by", "page")
    list_filter = ("state", TermTranslationFilter)
    search_fields = (source_field("term"), "slug", source_field("explanation"))
    prepopulated_fields = {"slug": (source_field("term"),)}
    autocomplete_fields = ("page",)
    actions = ["mark_reviewed", "submit_for_review", "publish", "archive"]
    fields = (
        "term",
        "slug",
        "also_known_as",
        "explanation",
        "page",
        "order",
        "state",
        "last_checked",
        "review_by",
        "translation_states",
    )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not permissions.is_translator_only(
            request.user
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and permissions.is_portal_editor(
            request.user
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if permissions.is_translator_only(request.user):
            return allowed and bool(permissions.translation_languages(request.user))
        return allowed and not permissions.is_agency_editor(request.user)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["english_source"]
        editable = editable_term_fields(request.user)
        if editable is not None:
            originals = set(self.trans_opts.all_fields)
            concrete = [field.name for field in self.model._meta.get_fields() if field.concrete]
            readonly += [
                name
                for name in concrete
                if name not in editable and name not in originals and name != "id"
            ]
        if not permissions.is_portal_editor(request.user):
            readonly.append("translation_states")
        return readonly

    def get_fields(self, request, obj=None):
        editable = editable_term_fields(request.user)
        if editable is None:
            return super().get_fields(request, obj)
        words = [
            f"{field}_{code}"
            for code in permissions.translation_languages(request.user)
            for field in GlossaryTerm.text_fields
            if f"{field}_{code}" in editable
        ]
        return ["english_source", *words]

    def get_fieldsets(self, request, obj=None):
        if editable_term_fields(request.user) is not None:
            return [(None, {"fields": self.get_fields(request, obj)})]
        return super().get_fieldsets(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        if editable_term_fields(request.user) is not None:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "state" in form.base_fields:
            allowed = permissions.allowed_states(request.user, obj)
            form.base_fields["state"].choices = [
                choice for choice in State.choices if choice[0] in allowed
            ]
        return form

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            saved = GlossaryTerm.objects.get(pk=obj.pk)
            before = {
                f"{field}_{code}": getattr(saved, f"{field}_{code}", "")
                for field in GlossaryTerm.text_fields
                for code in OTHER_LANGUAGES
            }
        editable = editable_term_fields(request.user)
        if editable is not None and change:
            # Belt and braces: whatever the form held, only the translator's words change.
            for name in {field.name for field in GlossaryTerm._meta.concrete_fields} - editable:
                if name not in {"translation_states", "translation_versions", "english_version"}:
                    setattr(obj, name, getattr(saved, name))
        if obj.state not in permissions.allowed_states(request.user, obj if change else None):
            obj.state = saved.state if change else State.DRAFT
        record_translations(request.user, obj, before)
        obj.save()

    @admin.display(description=_("English"))
    def english_source(self, term):
        return english_source(term, {"term": "h3"})

    @admin.display(description=_("translations"))
    def translations(self, term):
        return " ".join(
            f"{code}{STATUS_MARKS[term.translation_status(code)]}" for code in OTHER_LANGUAGES
        )

    def _for_each(self, request, queryset, allowed_state, change, message):
        done = 0
        for term in queryset:
            if allowed_state is None or allowed_state in permissions.allowed_states(request.user):
                change(term)
                term.save(minor_edit=True)
                done += 1
        self.message_user(
            request,
            ngettext("%(count)d term: %(what)s.", "%(count)d terms: %(what)s.", done)
            % {"count": done, "what": message},
            messages.SUCCESS if done else messages.WARNING,
        )

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        today = timezone.localdate()

        def reviewed(term):
            term.last_checked = today
            term.review_by = today + REVIEW_INTERVAL

        if permissions.is_translator_only(request.user):
            queryset = queryset.none()
        self._for_each(request, queryset, None, reviewed, _("reviewed"))

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        def submit(term):
            term.state = State.IN_REVIEW

        self._for_each(
            request, queryset.filter(state=State.DRAFT), State.IN_REVIEW, submit, _("submitted")
        )

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        def published(term):
            term.state = State.PUBLISHED

        self._for_each(request, queryset, State.PUBLISHED, published, _("published"))

    @admin.action(description=_("Archive (take off the site)"), permissions=["change"])
    def archive(self, request, queryset):
        def archived(term):
            term.state = State.ARCHIVED

        self._for_each(request, queryset, State.ARCHIVED, archived, _("archived"))


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    """Words readers search with that mean the same, per language (portal editors only)."""

    list_display = ("words", "language")
    list_filter = ("language",)
    search_fields = ("words",)
