"""One archive holding everything a portal cannot rebuild: its database content and its media.

Why not django-dbbackup: it writes the database and the media as two separate archives, and its
database dumps are engine-specific (pg_dump/psql with client binaries matching the server, or a
copy of the SQLite file), so a PostgreSQL backup cannot be checked by restoring it into SQLite
on a laptop or in CI. Django's own `dumpdata`/`loaddata` give an engine-neutral JSON dump of
every row (pages and their translations, revisions, agencies, usage counts, staff accounts),
and the media files are read through the storage API, so the same command works whether media
sit on a volume or in S3-compatible object storage.

Archive layout (a gzipped tar):
    manifest.json   format version, Django version, creation time, the list of media files
    database.json   `dumpdata --natural-foreign --natural-primary`, without rows that
                    migrations recreate
    media/<path>    every file of the default storage
"""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

import django
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

ARCHIVE_FORMAT = 1
# Rows that `migrate` recreates on its own (and whose ids differ between databases), and
# sessions, which are short-lived and worthless after a restore.
EXCLUDED_MODELS = ("contenttypes", "auth.permission", "sessions")


class BackupError(Exception):
    pass


def media_paths(storage=default_storage, directory=""):
    """Every file in the storage, walking its folders (works for file systems and S3 alike)."""
    try:
        folders, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    paths = [f"{directory}/{name}" if directory else name for name in files]
    for folder in folders:
        paths += media_paths(storage, f"{directory}/{folder}" if directory else folder)
    return sorted(paths)


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def create_backup(destination, storage=default_storage):
    """Write the archive to `destination` (a path); return the manifest."""
    with tempfile.TemporaryDirectory() as workdir:
        dump_path = Path(workdir) / "database.json"
        call_command(
            "dumpdata",
            natural_foreign=True,
            # Groups and users by name: `migrate` may already have made the groups, with other ids.
            natural_primary=True,
            exclude=list(EXCLUDED_MODELS),
            output=str(dump_path),
            indent=None,
            verbosity=0,
        )
        files = media_paths(storage)
        manifest = {
            "format": ARCHIVE_FORMAT,
            "django": django.get_version(),
            "created": timezone.now().isoformat(),
            "media": files,
        }
        partial = f"{destination}.partial"
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
            tar.add(dump_path, arcname="database.json")
            for path in files:
                with storage.open(path, "rb") as media_file:
                    _add_bytes(tar, f"media/{path}", media_file.read())
        # Only a complete archive takes the final name, so a crash never leaves a half backup
        # that looks whole.
        os.replace(partial, destination)
    return manifest


def _safe_member(member):
    name = member.name
    return member.isfile() and not name.startswith("/") and ".." not in Path(name).parts


def restore_backup(source, storage=default_storage):
    """Load the archive's rows into the (migrated) database and write its media files back."""
    with tarfile.open(source, "r:gz") as tar:
        members = {member.name: member for member in tar.getmembers() if _safe_member(member)}
        if "manifest.json" not in members or "database.json" not in members:
            raise BackupError(f"{source} is not a portal backup (no manifest or database).")
        manifest = json.load(tar.extractfile(members["manifest.json"]))
        if manifest.get("format") != ARCHIVE_FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r} in {source}.")
        with tempfile.TemporaryDirectory() as workdir:
            dump_path = Path(workdir) / "database.json"
            dump_path.write_bytes(tar.extractfile(members["database.json"]).read())
            call_command("loaddata", str(dump_path), verbosity=0)
        for path in manifest["media"]:
            member = members.get(f"media/{path}")
            if member is None:
                raise BackupError(f"{source} lists media file {path} but does not hold it.")
            if storage.exists(path):
                storage.delete(path)
            storage.save(path, ContentFile(tar.extractfile(member).read()))
    return manifest
