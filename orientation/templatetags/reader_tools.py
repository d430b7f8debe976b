"""Template tags for what a reader takes away: the "show this to staff" card and the handout."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from orientation.handouts import qr_code_svg
from orientation.show_card import phrases_for_agency, phrases_for_page

register = template.Library()


@register.inclusion_tag("orientation/includes/show_card.html")
def show_card_for_page(page, tags=None):
    if tags is None:
        tags = [tag.name for tag in page.tags.all()]
    return {"phrases": phrases_for_page(page, tags, get_language())}


@register.inclusion_tag("orientation/includes/show_card.html")
def show_card_for_agency(organisation):
    return {"phrases": phrases_for_agency(organisation, get_language())}


@register.inclusion_tag("orientation/includes/handout_header.html", takes_context=True)
def handout_header(context):
    """Printed only: where the page lives (as text and a QR code) and when it was printed."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    return {"url": url, "qr_code": qr_code_svg(url, _("QR code: scan it to open this page"))}
