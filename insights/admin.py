"""Feedback for editors, and the monthly report for the portal's managers."""

from django.contrib import admin, messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.translation import source_field

from .exports import report_csv, report_html
from .models import DailyCount, PageFeedback
from .report import build_report, parse_month, previous_month


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ("page", "language", "helpful", "comment", "created_on", "handled")
    list_filter = ("handled", "helpful", "language", "page__organisation")
    search_fields = ("comment", f"page__{source_field('title')}")
    readonly_fields = ("page", "language", "helpful", "comment", "created_on", "handled_by")
    actions = ["mark_handled"]
    list_select_related = ("page",)

    def has_add_permission(self, request):
        return False  # feedback comes from readers only

    def get_queryset(self, request):
        """Editors see the feedback on their own organisation's pages."""
        from editorial import permissions

        queryset = super().get_queryset(request)
        return queryset.filter(page__in=permissions.visible_pages(request.user))

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        done = queryset.filter(handled=False).update(handled=True, handled_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d comment marked as handled.",
                "%(count)d comments marked as handled.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    """The raw daily counts (read only) and, above them, the monthly report."""

    list_display = ("date", "metric", "key", "count", "synthetic")
    list_filter = ("metric", "synthetic")
    date_hierarchy = "date"
    change_list_template = "admin/insights/dailycount/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        return [path("report/", report, name="insights_report"), *super().get_urls()]

    def report_view(self, request):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        today = timezone.localdate()
        default = "{}-{:02d}".format(*previous_month(today.year, today.month))
        try:
            year, month = parse_month(request.GET.get("month", default))
        except ValueError:
            year, month = parse_month(default)
        synthetic = {"1": True, "0": False}.get(request.GET.get("synthetic"))
        report = build_report(year, month, synthetic=synthetic)
        output = request.GET.get("format")
        if output == "csv":
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="usage-{report.label}.csv"'
            return response
        if output == "print":
            return HttpResponse(report_html(report))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Monthly usage report"),
            "report": report,
            "report_body": report_html(report, standalone=False),
            "month": report.label,
            "opts": self.model._meta,
            "report_url": reverse("admin:insights_report"),
        }
        return TemplateResponse(request, "admin/insights/report.html", context)
