"""Welcome videos from a locality folder: videos/<lang>.yml (the script) and videos/<lang>/ (files).

Part of load_locality's check-everything-then-write: the files are checked by content (an MP4
must be an MP4) before anything is stored; stored files are only replaced when they changed.
"""

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portal.content_files import ContentError, read_yaml
from portal.images import strip_metadata
from portal.media_checks import validate_captions, validate_mp4, validate_picture, validate_webm
from portal.translation import REVIEW_LEVELS, SOURCE_LANGUAGE, TranslationState

from .models import WelcomeVideo

FILES = {
    "video_mp4": ("welcome.mp4", validate_mp4),
    "video_webm": ("welcome.webm", validate_webm),
    "video_small": ("welcome-small.mp4", validate_mp4),
    "captions": ("captions.vtt", validate_captions),
    "poster": ("poster.jpg", validate_picture),
}
CUE_END = re.compile(r"--> (\d+):(\d+):(\d+)\.\d+")
STATES = {state.value for state in REVIEW_LEVELS}


@dataclass
class VideoData:
    language: str
    script: list
    speaker: str
    state: str
    sample: bool
    files: dict  # field name -> Path
    duration: int | None


def _duration(captions_path):
    ends = CUE_END.findall(captions_path.read_text(encoding="utf-8-sig"))
    if not ends:
        return None
    hours, minutes, seconds = (int(part) for part in ends[-1])
    return hours * 3600 + minutes * 60 + seconds


def read_videos(folder):
    videos = []
    for path in sorted((Path(folder) / "videos").glob("*.yml")):
        language = path.stem
        if language not in settings.MODELTRANSLATION_LANGUAGES:
            raise ContentError(path, "is not named after a portal language")
        data = read_yaml(path)
        script = data.get("script")
        if not isinstance(script, list) or not all(isinstance(line, str) for line in script):
            raise ContentError(path, "'script' must be a list of lines")
        state = data.get("translation", TranslationState.ORIGINAL)
        if language == SOURCE_LANGUAGE:
            state = TranslationState.ORIGINAL
        if state not in STATES:
            raise ContentError(path, f"'translation' must be one of {sorted(STATES)}")
        files = {}
        for field, (name, validate) in FILES.items():
            file_path = path.parent / language / name
            if not file_path.is_file():
                continue
            with file_path.open("rb") as handle:
                wrapped = File(handle, name=name)
                try:
                    validate(wrapped)
                except ValidationError as error:
                    raise ContentError(file_path, " ".join(error.messages)) from error
            files[field] = file_path
        if "video_mp4" not in files:
            raise ContentError(path.parent / language / "welcome.mp4", "not found")
        duration = _duration(files["captions"]) if "captions" in files else None
        videos.append(
            VideoData(
                language=language,
                script=[line.strip() for line in script],
                speaker=str(data.get("speaker") or ""),
                state=state,
                sample=bool(data.get("sample", False)),
                files=files,
                duration=duration,
            )
        )
    return videos


def _digest(handle):
    return hashlib.sha256(handle.read()).hexdigest()


def _store(video, field, source, slug):
    """Put a file in storage, unless the same bytes are there already; a poster is stored
    without its metadata (GPS, comments), as an upload in the admin would be."""
    current = getattr(video, field)
    data = source.read_bytes()
    if field == "poster":
        data = strip_metadata(File(io.BytesIO(data), name=source.name)).read()
    new_digest = hashlib.sha256(data).hexdigest()
    if current and default_storage.exists(current.name):
        with default_storage.open(current.name, "rb") as stored:
            if _digest(stored) == new_digest:
                return
        default_storage.delete(current.name)
    getattr(video, field).save(f"{slug}-{video.language}-{source.name}", ContentFile(data), False)


def save_videos(videos, *, locality_slug, interpreting_page=None):
    for data in videos:
        video = WelcomeVideo.objects.filter(language=data.language, order=0).first()
        video = video or WelcomeVideo(language=data.language, order=0)
        video.title = data.script[0] if data.script else ""
        video.transcript = "\n".join(data.script)
        video.speaker = data.speaker
        video.transcript_state = data.state
        video.is_sample = data.sample
        video.duration_seconds = data.duration
        video.interpreting_page = interpreting_page
        for field, source in data.files.items():
            _store(video, field, source, locality_slug)
        video.save()
    return len(videos)
