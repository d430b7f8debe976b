"""Month names for the date filter in every portal language.

Templates format dates with "j E Y", where E is the month name as it stands after a day number
(the genitive in Russian and Polish). Django translates those in its own catalogue, which has no
Pashto or Somali; marking the same strings here puts them in the project's catalogue too.
"""

from django.utils.translation import pgettext_lazy

MONTH_NAMES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
