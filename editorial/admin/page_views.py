"""The page admin's own views: preview, revisions, restore, the review step, translation files.

Each view finds the page through the admin's queryset (another organisation's page is a 404),
then hands the change to the workflow, which checks permission and records it.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from orientation.markdown import render_markdown
from orientation.models import OrientationPage
from orientation.views import page_queryset, render_page
from portal.translation import SOURCE_LANGUAGE, source_field

from .. import permissions, plain_language, revisions, workflow, xliff
from ..forms import SendBackForm, TranslationExportForm, TranslationImportForm
from ..models import JargonTerm
from .preview import staff_preview
from .review import decline_view

State = OrientationPage.State


class PageViewsMixin:
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/<str:language>/", wrap(self.preview_view), name="page_preview"),
            path(
                "<int:pk>/waiting-change/preview/<str:language>/",
                wrap(self.preview_change_view),
                name="page_preview_change",
            ),
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
            path(
                "<int:pk>/decline-change/",
                wrap(self.decline_change_view),
                name="page_decline_change",
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

    def _context(self, request, page, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title % {"page": getattr(page, source_field("title")), **extra},
            "page": page,
            "opts": self.model._meta,
            **extra,
        }

    def _back_to_page(self, pk):
        return HttpResponseRedirect(reverse("admin:orientation_orientationpage_change", args=[pk]))

    # Preview ----------------------------------------------------------------------------------

    def _render_page(self, request, pk):
        page = get_object_or_404(page_queryset(), pk=pk)
        return render_page(request, page, preview=True)

    def preview_view(self, request, pk, language):
        self._page(request, pk)
        return staff_preview(language, lambda: self._render_page(request, pk))

    def preview_change_view(self, request, pk, language):
        """The waiting change in the public template, as publishing would make the page."""
        page = self._page(request, pk)
        waiting = revisions.pending_revision(page)
        if waiting is None:
            raise Http404
        return staff_preview(
            language,
            lambda: self._render_page(request, pk),
            change=lambda: revisions.apply(page, workflow.merged_change(page, waiting)),
        )

    # Revisions --------------------------------------------------------------------------------

    def revisions_view(self, request, pk):
        page = self._page(request, pk)
        return TemplateResponse(
            request,
            "admin/editorial/revisions.html",
            {
                **self._context(request, page, _("Revisions of “%(page)s”")),
                "revisions": page.revisions.select_related("author"),
            },
        )

    def revision_view(self, request, pk, number):
        page = self._page(request, pk)
        revision = get_object_or_404(page.revisions, number=number)
        previous = page.revisions.filter(number__lt=number).first()
        if revision.pending:
            # What publishing would change on the live page, field by field.
            changes = revisions.diff(
                revisions.snapshot(page), workflow.merged_change(page, revision)
            )
        else:
            changes = revisions.diff(previous, revision)
        return TemplateResponse(
            request,
            "admin/editorial/revision.html",
            {
                **self._context(
                    request, page, _("Revision %(number)s of “%(page)s”"), number=number
                ),
                "revision": revision,
                "previous": previous,
                "changes": changes,
                "can_restore": previous is not None
                and permissions.can_change_page_settings(request.user, page),
                "restore_waits": permissions.change_waits_for_review(request.user, page),
                "can_review_change": revision.pending
                and permissions.can_review(request.user, page),
                "preview_languages": settings.LANGUAGES,
            },
        )

    def restore_view(self, request, pk, number):
        page = self._page(request, pk, change=True)
        revision = get_object_or_404(page.revisions, number=number)
        outcome = workflow.restore(user=request.user, page=page, revision=revision)
        if outcome.waiting:
            message = _("Revision %(number)s is waiting for a reviewer, who will publish it.")
        else:
            message = _("Revision %(number)s restored.")
        self.message_user(request, message % {"number": number})
        return self._back_to_page(pk)

    # The review step --------------------------------------------------------------------------

    def publish_change_view(self, request, pk):
        """A reviewer puts an agency's waiting change on the site."""
        page = self._page(request, pk, change=True)
        try:
            workflow.publish_change(user=request.user, page=page)
        except workflow.NothingWaiting as nothing:
            raise Http404 from nothing
        self.message_user(request, _("The change is now on the site."), messages.SUCCESS)
        return self._back_to_page(pk)

    def decline_change_view(self, request, pk):
        """A reviewer declines a waiting change with a comment; the live page stays up."""
        page = self._page(request, pk, change=True)
        if not permissions.can_review(request.user, page):
            raise PermissionDenied
        if revisions.pending_revision(page) is None:
            raise Http404
        return decline_view(
            self,
            request,
            context=self._context(request, page, _("Decline the change to “%(page)s”")),
            decline=lambda comment: workflow.decline_change(
                user=request.user, page=page, comment=comment
            ),
            back_to=reverse("admin:orientation_orientationpage_change", args=[pk]),
        )

    def send_back_view(self, request, pk):
        page = self._page(request, pk, change=True)
        if not permissions.can_review(request.user, page):
            raise PermissionDenied
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            workflow.send_back(user=request.user, page=page, comment=form.cleaned_data["comment"])
            self.message_user(request, _("Sent back to its editors with your comment."))
            return HttpResponseRedirect(reverse("admin:orientation_orientationpage_changelist"))
        return TemplateResponse(
            request,
            "admin/editorial/send_back.html",
            {
                **self._context(request, page, _("Send back “%(page)s”")),
                "form": form,
                "button": _("Send back"),
            },
        )

    # Writing help -----------------------------------------------------------------------------

    def markdown_preview_view(self, request):
        """Live preview for the editor: the sanitised HTML readers will get, and, for English,
        the plain-English check."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        text = request.POST.get("text", "")[:100_000]
        data = {"html": render_markdown(text)}
        if request.POST.get("language") == SOURCE_LANGUAGE:
            report = plain_language.check(
                text, JargonTerm.objects.values_list("term", "plain_alternative")
            )
            data["check"] = render_to_string(
                "admin/editorial/plain_english.html", {"report": report}
            )
        return JsonResponse(data)

    # Translation files ------------------------------------------------------------------------

    def translations_view(self, request):
        """Export what one language needs as XLIFF, and import it back, checked whole: only the
        pages this user may see or change, only their languages."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        names = dict(settings.LANGUAGES)
        languages = [(code, names[code]) for code in permissions.file_languages(request.user)]
        export_form = TranslationExportForm(request.GET or None, languages=languages)
        import_form = TranslationImportForm(languages=languages)
        if request.method == "GET" and export_form.is_valid():
            language = export_form.cleaned_data["language"]
            response = HttpResponse(
                workflow.export_translations(
                    user=request.user,
                    language=language,
                    everything=export_form.cleaned_data["everything"],
                ),
                content_type="application/x-xliff+xml",
            )
            response["Content-Disposition"] = f'attachment; filename="pages-{language}.xlf"'
            return response
        problems = []
        if request.method == "POST":
            import_form = TranslationImportForm(request.POST, request.FILES, languages=languages)
            if import_form.is_valid():
                try:
                    report = workflow.import_translations(
                        user=request.user,
                        data=import_form.cleaned_data["file"].read(),
                        language=import_form.cleaned_data["language"],
                    )
                except xliff.TranslationFileError as error:
                    problems = error.problems
                else:
                    self._report_import(request, report)
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

    def _report_import(self, request, report):
        if report.live:
            self.message_user(
                request,
                ngettext(
                    "%(count)d page translated.", "%(count)d pages translated.", len(report.live)
                )
                % {"count": len(report.live)},
            )
        if report.waiting:
            self.message_user(
                request,
                ngettext(
                    "%(count)d translated page is waiting for a reviewer.",
                    "%(count)d translated pages are waiting for a reviewer.",
                    len(report.waiting),
                )
                % {"count": len(report.waiting)},
            )
        if not report.pages:
            self.message_user(request, _("The file had no translations in it."), messages.WARNING)

    # The change form --------------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        page = self.get_queryset(request).filter(pk=object_id).first()
        if page is not None:
            waiting = revisions.pending_revision(page)
            extra_context.update(
                {
                    "preview_languages": settings.LANGUAGES,
                    "review_notes": page.review_notes.select_related("author")[:5],
                    "can_send_back": permissions.can_review(request.user, page)
                    and page.state == State.IN_REVIEW,
                    "pending_change": waiting,
                    "can_review_change": waiting is not None
                    and permissions.can_review(request.user, page),
                    "editing_waiting_change": waiting is not None
                    and permissions.change_waits_for_review(request.user, page),
                    "live_state": page.get_state_display(),
                    "translation_statuses": [
                        (name, page.translation_status(code))
                        for code, name in settings.LANGUAGES
                        if code != SOURCE_LANGUAGE
                    ],
                }
            )
        return super().change_view(request, object_id, form_url, extra_context)
