"""Loading a whole locality folder: the one place that knows every app's loader.

The folder holds the pages (orientation), the organisations and bank holidays (directory) and
the welcome videos. ``orientation.loader`` reads and checks everything before it writes anything,
in one transaction; it is handed the directory's and the videos' loaders from here, so that the
content app imports neither the directory nor the videos.
"""

from django.db import transaction

from directory import loader as directory_loader
from editorial import revisions
from orientation import loader as orientation_loader
from orientation.models import OrientationPage
from orientation.search import index as search_index
from portal.content_files import ContentError
from videos import loader as video_loader

__all__ = ["ContentError", "load_locality", "read_locality"]


def read_locality(folder):
    """Read and check every file; return the content or raise ContentError."""
    return orientation_loader.read_locality(
        folder, directory_loader=directory_loader, video_loader=video_loader
    )


def load_locality(folder):
    """Check the folder, then create or update everything in it. Returns a LoadReport.

    Pages follow their files until an editor changes them in the admin (see
    ``orientation.loader``); each page the load creates or changes gets a revision, like a save
    in the admin, so its history shows where its words came from.
    """
    with transaction.atomic(), search_index.deferred():
        report = orientation_loader.load_locality(
            folder, directory_loader=directory_loader, video_loader=video_loader
        )
        for page in OrientationPage.objects.filter(slug__in=report.changed_pages):
            revisions.record(page, note=orientation_loader.LOADED_NOTE)
    return report
