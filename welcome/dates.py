"""Month names for the date filter in every portal language.

Templates format dates with "j E Y", where E is the month name as it stands after a day number
(the genitive in Russian and Polish). Django translates those in its own catalogue, which has no
Pashto or Somali; marking the same strings here puts them in the project's catalogue too.
"""

from django.utils.translation import pgettext_noop

MONTH_NAMES = (
    pgettext_noop("alt. month", "January"),
    pgettext_noop("alt. month", "February"),
    pgettext_noop("alt. month", "March"),
    pgettext_noop("alt. month", "April"),
    pgettext_noop("alt. month", "May"),
    pgettext_noop("alt. month", "June"),
    pgettext_noop("alt. month", "July"),
    pgettext_noop("alt. month", "August"),
    pgettext_noop("alt. month", "September"),
    pgettext_noop("alt. month", "October"),
    pgettext_noop("alt. month", "November"),
    pgettext_noop("alt. month", "December"),
)
