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
                    migrations recreate or the content rebuilds (the search index)
    media/<path>    every file of the default storage

Restoring saves each row through `loaddata` (raw saves, signals and natural keys as Django
means them), except the big tables of plain rows (BULK_MODELS), which are inserted in batches
after it; the search index is rebuilt once at the end. Saving the sample's 49,000 rows one by one
took 25 s on SQLite, most of it the usage counts and the search index's words.
"""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

import django
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from orientation.search import index as search_index
from portal.cache import bump_content_generation

ARCHIVE_FORMAT = 1
# Rows that `migrate` recreates on its own (and whose ids differ between databases), and
# sessions, which are short-lived and worthless after a restore.
EXCLUDED_MODELS = ("contenttypes", "auth.permission", "sessions")
# Rows made from the content: rebuilt after a restore instead of saved (and left out of new
# archives; an older archive's are skipped).
DERIVED_MODELS = ("orientation.SearchDocument", "orientation.SearchWord")
# Many rows, no many-to-many fields and no save signals of their own: inserted in batches.
BULK_MODELS = ("insights.DailyCount",)
BULK_BATCH = 2000
# Kept with their ids, not by natural key: taggit's natural key for a tagged item is the tagged
# object's id alone, so a page's tags all loaded onto one row (the sample's 730 became 110).
ROWS_WITH_IDS = ("taggit.TaggedItem",)


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
        by_key_path = Path(workdir) / "by-key.json"
        with_ids_path = Path(workdir) / "with-ids.json"
        call_command(
            "dumpdata",
            natural_foreign=True,
            # Groups and users by name: `migrate` may already have made the groups, with other ids.
            natural_primary=True,
            exclude=[*EXCLUDED_MODELS, *DERIVED_MODELS, *ROWS_WITH_IDS],
            output=str(by_key_path),
            indent=None,
            verbosity=0,
        )
        call_command(
            "dumpdata",
            *ROWS_WITH_IDS,
            natural_foreign=True,
            output=str(with_ids_path),
            indent=None,
            verbosity=0,
        )
        rows = json.loads(by_key_path.read_text()) + json.loads(with_ids_path.read_text())
        dump_path.write_text(json.dumps(rows))
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
        _load_database(json.load(tar.extractfile(members["database.json"])))
        for path in manifest["media"]:
            member = members.get(f"media/{path}")
            if member is None:
                raise BackupError(f"{source} lists media file {path} but does not hold it.")
            if storage.exists(path):
                storage.delete(path)
            storage.save(path, ContentFile(tar.extractfile(member).read()))
    search_index.rebuild()
    bump_content_generation()
    return manifest


# Models that moved to another app since an archive could have been written: the welcome videos
# left `welcome` for `videos` (December 2026). Rows and natural keys name them by app label.
MOVED_MODELS = {("welcome", "welcomevideo"): ("videos", "welcomevideo")}


def _follow_moved_models(rows):
    for row in rows:
        app_label, _, model = row["model"].partition(".")
        if (app_label, model) in MOVED_MODELS:
            row["model"] = ".".join(MOVED_MODELS[(app_label, model)])
        row["fields"] = {name: _relabelled(value) for name, value in row["fields"].items()}


def _relabelled(value):
    """A natural key ending in (app label, model), as of a content type or a permission, with a
    moved model's new label; lists of them too."""
    if not isinstance(value, list):
        return value
    key = tuple(value[-2:])
    if len(key) == 2 and all(isinstance(part, str) for part in key) and key in MOVED_MODELS:
        return [*value[:-2], *MOVED_MODELS[key]]
    return [_relabelled(item) for item in value]


def _load_database(rows):
    _follow_moved_models(rows)
    derived = {label.lower() for label in DERIVED_MODELS}
    bulk = {label.lower() for label in BULK_MODELS}
    _number_rows_without_ids(rows, {label.lower() for label in ROWS_WITH_IDS})
    saved = [row for row in rows if row["model"] not in derived and row["model"] not in bulk]
    inserted = [row for row in rows if row["model"] in bulk]
    with tempfile.TemporaryDirectory() as workdir:
        dump_path = Path(workdir) / "database.json"
        dump_path.write_text(json.dumps(saved))
        call_command("loaddata", str(dump_path), verbosity=0)
    _insert_in_batches(inserted)


def _number_rows_without_ids(rows, labels):
    """Archives written before ROWS_WITH_IDS hold those rows by natural key only: give them ids
    (the database is empty) so that each row is loaded as a row of its own."""
    for label in labels:
        own = [row for row in rows if row["model"] == label]
        next_id = max((row["pk"] for row in own if "pk" in row), default=0) + 1
        for row in own:
            if "pk" not in row:
                row["pk"] = next_id
                next_id += 1


def _insert_in_batches(rows):
    """Plain rows, as loaddata would have saved them, in a few INSERTs per table."""
    models = set()
    with transaction.atomic(), connection.constraint_checks_disabled():
        batch = []
        for deserialized in serializers.deserialize("python", rows):
            row = deserialized.object
            if batch and (type(row) is not type(batch[0]) or len(batch) >= BULK_BATCH):
                type(batch[0]).objects.bulk_create(batch)
                batch = []
            models.add(type(row))
            batch.append(row)
        if batch:
            type(batch[0]).objects.bulk_create(batch)
        tables = [model._meta.db_table for model in models]
        if tables:
            connection.check_constraints(table_names=tables)
        # The rows keep their ids: PostgreSQL's sequences must start after them (loaddata
        # does the same for what it saves).
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
            with connection.cursor() as cursor:
                cursor.execute(statement)
