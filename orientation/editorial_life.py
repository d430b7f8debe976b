"""The editorial life that pages and glossary terms share: the same states, the same review date.

It stands below both models so that ``glossary`` needs nothing from ``models``: ``models``
imports ``glossary`` (for Django to register the term), and imports run that one way.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

REVIEW_INTERVAL = datetime.timedelta(days=182)


class EditorialState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")
