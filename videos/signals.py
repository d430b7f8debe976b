from django.dispatch import Signal

# A reader pressed play. The view only announces it: whoever keeps usage figures (insights)
# connects in its ``ready()``, so the videos never import the counter. Sent with ``request``
# and ``language`` (the video's).
video_played = Signal()
