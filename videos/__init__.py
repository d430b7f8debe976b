"""Welcome videos: a short welcome in each community language, by people of that community.

A domain app beside ``directory``: it may use ``orientation`` (a video names the page about
interpreters) and ``portal``, and announces plays with ``videos.signals.video_played`` for
whoever counts them.
"""
