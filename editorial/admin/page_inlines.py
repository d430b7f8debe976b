"""The page's sources and pictures: inline forms, and the rows they propose for a revision.

When an agency's edit builds on a change that is waiting for review, the inline forms show the
waiting change's rows (not the live page's), so a second edit keeps what the first one did.
"""

from django.conf import settings
from modeltranslation.admin import TranslationTabularInline

from orientation.admin import TranslatedInputMixin
from orientation.models import PageImage, SourceLink
from portal.images import strip_metadata

from .. import permissions, revisions

LANGUAGES = tuple(settings.MODELTRANSLATION_LANGUAGES)


def waiting_rows(request, key):
    """The rows of the waiting change this request's form builds on, or None."""
    snapshot = getattr(request, "_building_on", None)
    return None if snapshot is None else list(snapshot.get(key) or [])


class PageInlineMixin(TranslatedInputMixin):
    snapshot_key = ""

    def has_change_permission(self, request, obj=None):
        return not permissions.is_translator_only(request.user) and super().has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return not permissions.is_translator_only(request.user) and super().has_add_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not permissions.is_translator_only(request.user) and super().has_delete_permission(
            request, obj
        )

    def get_extra(self, request, obj=None, **kwargs):
        rows = waiting_rows(request, self.snapshot_key)
        if rows is not None:
            return len(rows) + self.extra  # the waiting rows, then the usual blank ones
        return super().get_extra(request, obj, **kwargs)

    def initial_rows(self, request):
        return waiting_rows(request, self.snapshot_key)


class SourceLinkInline(PageInlineMixin, TranslationTabularInline):
    model = SourceLink
    extra = 1
    snapshot_key = "sources"


class PageImageInline(PageInlineMixin, TranslationTabularInline):
    model = PageImage
    extra = 0
    fields = ("image", "alt", "order")
    snapshot_key = "images"

    def has_change_permission(self, request, obj=None):
        # Translators describe the pictures in their languages (the alt text), nothing more.
        # Shown to them only where there is a picture to describe.
        if permissions.is_translator_only(request.user):
            # (Without a page, Django asks only to build the queryset of the page's rows.)
            return obj is None or (
                permissions.can_change_page(request.user, obj) and obj.images.exists()
            )
        return super().has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) or super().has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if not permissions.is_translator_only(request.user):
            return super().get_readonly_fields(request, obj)
        own = {f"alt_{code}" for code in permissions.translation_languages(request.user)}
        every = ["image", "order", *(f"alt_{code}" for code in LANGUAGES)]
        return [name for name in every if name not in own]

    def initial_rows(self, request):
        rows = super().initial_rows(request)
        if rows is None:
            return None
        field = PageImage._meta.get_field("image")
        # A stored file, so the form shows "Currently: ..." and keeps it unless replaced.
        return [{**row, "image": field.attr_class(None, field, row["image"])} for row in rows]


def _source_row(values):
    row = {f"title_{code}": values.get(f"title_{code}") or "" for code in LANGUAGES}
    return {**row, "url": values.get("url") or "", "order": values.get("order") or 0}


def _image_row(form, values):
    image = values.get("image")
    if hasattr(image, "content_type") or (
        "image" in form.changed_data and getattr(form.instance.image, "_committed", True) is False
    ):
        # A new upload: stored now (without its metadata), used when the row goes live.
        upload = form.instance.image
        upload.save(upload.name.rsplit("/", 1)[-1], strip_metadata(upload), save=False)
        name = upload.name
    else:
        name = getattr(image, "name", image) or ""
    row = {f"alt_{code}": values.get(f"alt_{code}") or "" for code in LANGUAGES}
    return {**row, "image": name, "order": values.get("order") or 0}


def rows_from_formset(formset):
    """Every row the editor wants after this save: kept, changed and new; not deleted ones.
    Rows the post did not include at all are kept, as Django's own formsets would keep them."""
    to_row = revisions.source_row if formset.model is SourceLink else revisions.image_row
    posted = {form.instance.pk for form in formset.forms if form.instance.pk}
    rows = [to_row(row) for row in formset.get_queryset() if row.pk not in posted]
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if form.instance.pk and form.has_changed() and "image" not in form.changed_data:
            # An existing row with new words: the form has put them on its instance.
            rows.append(to_row(form.instance))
            continue
        if form.has_changed():
            values = form.cleaned_data
        elif form.instance.pk:
            rows.append(to_row(form.instance))
            continue
        elif form.initial:
            values = form.initial
        else:
            continue
        rows.append(
            _source_row(values) if formset.model is SourceLink else _image_row(form, values)
        )
    return rows


SNAPSHOT_KEYS = {SourceLink: "sources", PageImage: "images"}
