"""A link written as its own address is marked, so a printed handout shows the address once.

print.css prints "(address)" after each outside link in a page body; where the link's words
are already the address, that printed it twice, and in a right-to-left sentence the two copies
ran into each other (issue 12).
"""

import pytest

from tests.factories import OrientationPageFactory

pytestmark = pytest.mark.django_db


def test_an_address_written_as_a_link_is_marked_and_kept_left_to_right(client, locality):
    OrientationPageFactory(
        slug="evisa",
        title_ar="التأشيرة",
        body_ar="اقرأ المزيد: https://www.gov.uk/evisa\n\nاقرأ [GOV.UK: التأشيرة](https://www.gov.uk/evisa).",
    )
    html = client.get("/ar/pages/evisa/").content.decode()
    assert (
        '<a href="https://www.gov.uk/evisa" rel="noopener noreferrer" class="link--address" '
        'dir="ltr">https://www.gov.uk/evisa</a>' in html
    )
    # A link with words of its own keeps its printed address (its English word isolated).
    assert (
        '<a href="https://www.gov.uk/evisa" rel="noopener noreferrer">'
        '<bdi dir="ltr">GOV.UK</bdi>: التأشيرة</a>' in html
    )
