from django import template
from django.conf import settings
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def suppressed(value):
    """Small counts are never shown exactly, so no small group of readers can be picked out."""
    small = settings.INSIGHTS_SMALL_NUMBER
    if value is None:
        return "—"
    if 0 < value < small:
        return _("fewer than %(number)s") % {"number": small}
    return f"{value:,}"


@register.filter
def signed_percent(value):
    if value is None:
        return "—"
    return f"{value:+d}%"


@register.filter
def section(report, metric):
    return report.sections.get(metric, [])


@register.filter
def bar_width(share):
    """Width of a chart bar, out of 300 units; a tiny but real count still shows a sliver."""
    return max(round(share * 300), 2)
