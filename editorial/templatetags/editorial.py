import datetime

from django import template
from django.db.models import Q
from django.utils import timezone

from editorial import permissions
from orientation.models import OrientationPage
from portal.translation import source_field

register = template.Library()
SOON = datetime.timedelta(days=30)


@register.simple_tag
def editor_dashboard(user):
    """What needs this editor's attention: reviews overdue or due soon, pages awaiting review,
    facts still to confirm."""
    if not user.is_authenticated or not user.is_staff:
        return {}
    today = timezone.localdate()
    pages = permissions.visible_pages(user).exclude(state=OrientationPage.State.ARCHIVED)
    if permissions.is_translator_only(user):
        return {}
    dashboard = {
        "overdue": list(pages.filter(review_by__lt=today).order_by("review_by")[:20]),
        "due_soon": list(
            pages.filter(review_by__range=(today, today + SOON)).order_by("review_by")[:20]
        ),
        # Facts the last checker could not confirm against the sources: an adviser must.
        "to_confirm": list(pages.exclude(to_confirm="").order_by(source_field("title"))[:20]),
    }
    if permissions.is_reviewer(user):
        dashboard["awaiting_review"] = list(
            pages.filter(Q(state=OrientationPage.State.IN_REVIEW) | Q(revisions__pending=True))
            .distinct()
            .order_by("updated_at")[:20]
        )
    return dashboard
