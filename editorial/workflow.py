"""The editorial workflow: the one way content changes, whatever path a change comes by.

The admin's forms and views, its bulk actions, translation files and management commands all
call these functions; none of them changes a page's state or content on its own. Each function
checks permission (raising ``PermissionDenied``), records a revision and, where it matters, an
audit event, and returns an ``Outcome`` saying whether the change is live or waiting for review.

A change is described as a snapshot (see ``revisions``): the whole page as the editor wants it.
An agency without self-publishing that changes a live page gets a waiting revision holding the
whole proposed page and the live page it was based on; a second edit builds on the waiting one;
publishing applies every field the agency changed over the live page as it is then.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from orientation.editorial_life import REVIEW_INTERVAL
from orientation.models import OrientationPage
from orientation.pictures import remove_unused_pictures
from portal.translation import SOURCE_LANGUAGE, TranslationState, source_field

from . import permissions, revisions, xliff
from .audit import record as audit
from .models import AuditEvent, DirectoryChange, PageRevision, ReviewNote

State = OrientationPage.State
LIVE, WAITING, UNCHANGED = "live", "waiting", "unchanged"
OTHER_LANGUAGES = tuple(
    code for code in settings.MODELTRANSLATION_LANGUAGES if code != SOURCE_LANGUAGE
)
NOTE_WAITING = "waiting for review"


class NothingWaiting(Exception):
    """Publish or decline was asked for, but no change is waiting."""


@dataclass(frozen=True)
class Outcome:
    """What became of a change: ``live`` (on the site now), ``waiting`` for a reviewer, or
    ``unchanged`` (declined, or nothing to do)."""

    result: str
    page: object = None
    revision: PageRevision | None = None

    @property
    def live(self):
        return self.result == LIVE

    @property
    def waiting(self):
        return self.result == WAITING


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def translation_state_after_edit(user):
    """Assigned translators' own words count as reviewed; anyone else's are drafts. The same
    rule for the page form and for translation files."""
    if permissions.is_translator_only(user):
        return TranslationState.REVIEWED
    return TranslationState.DRAFT


def _author(user):
    """The user to name in revisions and the audit trail (nobody for the command line)."""
    return user if getattr(user, "pk", None) else None


def _normalised(data):
    for key in revisions._text_keys():
        value = data.get(key)
        if value and "\r" in value:
            data[key] = value.replace("\r\n", "\n").replace("\r", "\n")
    return data


def pictures_of(snapshot):
    """The stored picture files a snapshot names."""
    return {row.get("image") for row in (snapshot or {}).get("images") or []}


def starting_point(user, page):
    """The snapshot an edit by this user starts from: the waiting change when their edit would
    wait too (a second edit builds on the first), else the page as it is."""
    waiting = revisions.pending_revision(page)
    if waiting is not None and permissions.change_waits_for_review(user, page):
        return waiting.snapshot
    return revisions.snapshot(page)


def _settle_bookkeeping(user, data, base, *, minor):
    """The English version and each touched language's translation version and state."""
    if not data.get("english_version") or not minor:
        english = OrientationPage()
        for name in OrientationPage.text_fields:
            setattr(english, source_field(name), data.get(source_field(name)) or "")
        data["english_version"] = english.compute_english_version()
    states = dict(data.get("translation_states") or {})
    versions = dict(data.get("translation_versions") or {})
    for code in OTHER_LANGUAGES:
        touched = any(
            (data.get(f"{field}_{code}") or "") != (base.get(f"{field}_{code}") or "")
            for field in OrientationPage.text_fields
        )
        if touched:
            versions[code] = data["english_version"]
            states[code] = translation_state_after_edit(user)
    data["translation_states"], data["translation_versions"] = states, versions


def _check_translator(user, data, base):
    """Translators change the words of their languages and nothing else."""
    if not permissions.is_translator_only(user):
        return
    editable = permissions.editable_page_fields(user) or set()
    ignored = {"translation_states", "translation_versions", "english_version", "_base"}
    for key in set(data) | set(base):
        if key in editable or key in ignored:
            continue
        before, after = base.get(key), data.get(key)
        if key == "images":
            # Pictures stay as they are; only their descriptions in the translator's languages
            # may change.
            own = {f"alt_{code}" for code in permissions.translation_languages(user)}
            before, after = (
                [{k: v for k, v in row.items() if k not in own} for row in rows or []]
                for rows in (before, after)
            )
        if before != after:
            raise PermissionDenied(f"A translator cannot change {key}.")


@transaction.atomic
def edit(*, user, page, data, minor=False, note="", keep_bookkeeping=False):
    """Save an editor's version of a page (new or existing). ``data`` is a snapshot; keys it
    lacks keep their current value. Returns live, or waiting for a reviewer."""
    if page.pk is None:
        _require(permissions.can_add_page(user))
        live, base = None, {}
    else:
        live = OrientationPage.objects.select_for_update().get(pk=page.pk)
        _require(permissions.can_change_page(user, live))
        base = starting_point(user, live)
    data = _normalised({key: value for key, value in {**base, **data}.items() if key != "_base"})
    _check_translator(user, data, base)
    if permissions.is_agency_editor(user):
        data["organisation_id"] = permissions.organisation_of(user).pk
    waits = permissions.change_waits_for_review(user, live)
    if waits:
        data["state"] = live.state  # the live page keeps its state; the words wait
    elif data.get("state") not in permissions.allowed_states(user, live):
        data["state"] = live.state if live else State.DRAFT
    if not data.get("review_by") and data.get("last_checked"):
        checked = revisions._date(data["last_checked"])
        data["review_by"] = (checked + REVIEW_INTERVAL).isoformat()
    if not keep_bookkeeping:
        _settle_bookkeeping(user, data, base, minor=minor)
    if waits:
        waiting = revisions.pending_revision(live)
        data["_base"] = waiting.snapshot.get("_base") if waiting else revisions.snapshot(live)
        revision = revisions.record(
            live,
            author=_author(user),
            pending=True,
            minor=minor,
            note=note or NOTE_WAITING,
            data=data,
        )
        # The new waiting revision carries the earlier one's changes: one change waits, not two.
        live.revisions.filter(pending=True).exclude(pk=revision.pk).update(pending=False)
        if waiting is not None:
            # A picture the earlier edit uploaded and this one took out will never go live.
            remove_unused_pictures(pictures_of(waiting.snapshot) - pictures_of(data))
        return Outcome(WAITING, live, revision)
    target = page if live is None else live
    revisions.apply(target, data)
    if page is not target:
        page.pk = target.pk
    revision = revisions.record(target, author=_author(user), minor=minor, note=note)
    return Outcome(LIVE, target, revision)


def _set_state(user, page, state, note):
    page.state = state
    page.save(minor_edit=True)
    return Outcome(LIVE, page, revisions.record(page, author=user, minor=True, note=note))


@transaction.atomic
def submit(*, user, page):
    """A draft goes to the reviewers."""
    _require(permissions.can_change_page_settings(user, page))
    if page.state != State.DRAFT:
        return Outcome(UNCHANGED, page)
    return _set_state(user, page, State.IN_REVIEW, "submitted for review")


@transaction.atomic
def publish(*, user, page):
    """Put a page on the site; a page that is live already gets its waiting change, if any."""
    _require(permissions.can_publish(user, page))
    if page.state == State.PUBLISHED:
        if revisions.pending_revision(page) is None:
            return Outcome(UNCHANGED, page)
        return publish_change(user=user, page=page)
    return _set_state(user, page, State.PUBLISHED, "published")


@transaction.atomic
def archive(*, user, page):
    _require(
        State.ARCHIVED in permissions.allowed_states(user)
        and permissions.can_change_page(user, page)
    )
    if page.state == State.ARCHIVED:
        return Outcome(UNCHANGED, page)
    return _set_state(user, page, State.ARCHIVED, "archived")


@transaction.atomic
def mark_reviewed(*, user, page, today=None):
    """The page was checked and is still right: today's date is shown to readers."""
    _require(permissions.can_change_page_settings(user, page))
    today = today or timezone.localdate()
    page.last_checked = today
    page.review_by = today + REVIEW_INTERVAL
    page.save(minor_edit=True)
    return Outcome(LIVE, page, revisions.record(page, author=user, minor=True, note="reviewed"))


def merged_change(page, waiting):
    """The live page with every field the waiting change changed (against the page it was
    based on) put on it: what publishing the change will make of the page."""
    proposed, live = waiting.snapshot, revisions.snapshot(page)
    base = proposed.get("_base")
    if base is None:
        merged = {**live, **{k: v for k, v in proposed.items() if k != "_base"}}
    else:
        merged = dict(live)
        for key, value in proposed.items():
            if key in ("_base", "translation_states", "translation_versions"):
                continue
            if value != base.get(key):
                merged[key] = value
        for key in ("translation_states", "translation_versions"):
            before, after = base.get(key) or {}, proposed.get(key) or {}
            merged[key] = {
                **(live.get(key) or {}),
                **{code: value for code, value in after.items() if before.get(code) != value},
            }
    merged["state"] = page.state
    return merged


def _waiting(change):
    if change is None:
        raise NothingWaiting
    return change


def _audit_decision(action, page, user, waiting):
    audit(action, page, actor=user, revision=waiting.number, author=str(waiting.author or ""))


@transaction.atomic
def publish_change(*, user, page):
    """A reviewer puts an agency's waiting change on the site: every field of it."""
    _require(permissions.can_publish(user, page) and permissions.is_reviewer(user))
    page.refresh_from_db()  # merge onto the page as it is now, not as the caller last saw it
    waiting = _waiting(revisions.pending_revision(page))
    revisions.apply(page, merged_change(page, waiting))
    page.revisions.filter(pending=True).update(pending=False)
    revision = revisions.record(page, author=user, note=f"published change #{waiting.number}")
    _audit_decision(AuditEvent.Action.CHANGE_PUBLISHED, page, user, waiting)
    return Outcome(LIVE, page, revision)


@transaction.atomic
def decline_change(*, user, page, comment):
    """A reviewer turns a waiting change down, with a comment; the live page stays up."""
    _require(permissions.can_review(user, page))
    waiting = _waiting(revisions.pending_revision(page))
    page.revisions.filter(pending=True).update(pending=False, note="declined")
    remove_unused_pictures(pictures_of(waiting.snapshot))  # the live page's own pictures stay
    ReviewNote.objects.create(page=page, author=user, text=comment)
    _audit_decision(AuditEvent.Action.CHANGE_DECLINED, page, user, waiting)
    return Outcome(UNCHANGED, page, waiting)


def remove_pictures_of_deleted_change(sender, instance, **kwargs):
    """A page deleted with a change still waiting: the pictures only that change uploaded go
    too (connected to the revision's ``post_delete``)."""
    if instance.pending:
        remove_unused_pictures(pictures_of(instance.snapshot))


@transaction.atomic
def send_back(*, user, page, comment):
    """A reviewer returns a page to its editors as a draft, with what needs to change."""
    _require(permissions.can_review(user, page))
    ReviewNote.objects.create(page=page, author=user, text=comment)
    outcome = _set_state(user, page, State.DRAFT, "sent back")
    audit(AuditEvent.Action.SENT_BACK, page, actor=user)
    return outcome


@transaction.atomic
def restore(*, user, page, revision):
    """Bring back an earlier revision's words and settings. The same rules as an edit: an
    agency without self-publishing restoring over a live page gets a waiting change."""
    _require(permissions.can_change_page_settings(user, page))
    data = {key: value for key, value in revision.snapshot.items() if key != "_base"}
    data.pop("state", None)  # restoring words never publishes or unpublishes a page
    outcome = edit(
        user=user, page=page, data=data, note=f"restored #{revision.number}", keep_bookkeeping=True
    )
    audit(
        AuditEvent.Action.RESTORED,
        page,
        actor=user,
        revision=revision.number,
        waiting=outcome.waiting,
    )
    return outcome


@dataclass
class ImportReport:
    language: str
    live: list = field(default_factory=list)
    waiting: list = field(default_factory=list)

    @property
    def pages(self):
        return len(self.live) + len(self.waiting)


def exportable_pages(user):
    """What a translation file may contain for this user: the pages they may see."""
    if user is None:
        return OrientationPage.objects.all()
    return permissions.visible_pages(user)


def export_translations(*, user, language, everything=False):
    _require(user is None or language in permissions.file_languages(user))
    return xliff.export(language, everything=everything, pages=exportable_pages(user))


@transaction.atomic
def import_translations(*, user, data, language):
    """Check a whole XLIFF file and save each page's words through ``edit``: only pages the user
    may change, only their languages, and waiting for review where their edits wait.
    ``user=None`` is the command line, run by the people who run the portal."""
    if language == SOURCE_LANGUAGE or language not in settings.MODELTRANSLATION_LANGUAGES:
        raise xliff.TranslationFileError(
            [_("Choose a language to import into, other than English.")]
        )
    if user is not None and language not in permissions.file_languages(user):
        raise xliff.TranslationFileError([xliff.not_your_language(language)])
    allowed = None if user is None else permissions.changeable_pages(user)
    texts = xliff.parse(data, language, pages=allowed)
    report = ImportReport(language=language)
    for slug, fields in texts.items():
        page = OrientationPage.objects.get(slug=slug)
        words = {f"{name}_{language}": text for name, text in fields.items()}
        outcome = edit(
            user=user or _command_line_user(),
            page=page,
            data=words,
            minor=True,
            note=f"imported {language}",
        )
        (report.waiting if outcome.waiting else report.live).append(slug)
    return report


class _CommandLine:
    """Who ``manage.py import_translations`` acts as: the portal's operators, with full rights;
    their translations are drafts like any editor's."""

    is_authenticated = True
    is_superuser = True
    pk = None
    _portal_roles = frozenset({permissions.PORTAL_EDITOR})
    staff_profile = None

    def __str__(self):
        return "manage.py"


def _command_line_user():
    return _CommandLine()


# Directory entries ------------------------------------------------------------------------


@transaction.atomic
def edit_organisation(*, user, organisation, data, apply):
    """An agency's change to its directory entry: live when they may publish, else waiting.

    ``apply`` is a callable that saves ``data`` onto the entry (the admin's form does it)."""
    _require(permissions.can_see_organisation_entry(user, organisation))
    if permissions.directory_change_waits(user):
        waiting = waiting_directory_change(organisation)
        if waiting is not None:
            waiting.data, waiting.author = data, user
            waiting.save(update_fields=["data", "author"])
        else:
            waiting = DirectoryChange.objects.create(
                organisation=organisation, author=user, data=data
            )
        return Outcome(WAITING, organisation, None)
    apply(organisation, data)
    return Outcome(LIVE, organisation, None)


def waiting_directory_change(organisation):
    if organisation is None or organisation.pk is None:
        return None
    return organisation.waiting_changes.filter(status=DirectoryChange.Status.WAITING).first()


@transaction.atomic
def publish_directory_change(*, user, organisation, apply):
    _require(permissions.can_review_organisation(user, organisation))
    waiting = _waiting(waiting_directory_change(organisation))
    apply(organisation, waiting.data)
    waiting.status, waiting.decided_by = DirectoryChange.Status.PUBLISHED, user
    waiting.save(update_fields=["status", "decided_by"])
    audit(AuditEvent.Action.CHANGE_PUBLISHED, organisation, actor=user, change=waiting.pk)
    return Outcome(LIVE, organisation, None)


@transaction.atomic
def decline_directory_change(*, user, organisation, comment):
    _require(permissions.can_review_organisation(user, organisation))
    waiting = _waiting(waiting_directory_change(organisation))
    waiting.status, waiting.decided_by, waiting.comment = (
        DirectoryChange.Status.DECLINED,
        user,
        comment,
    )
    waiting.save(update_fields=["status", "decided_by", "comment"])
    audit(AuditEvent.Action.CHANGE_DECLINED, organisation, actor=user, change=waiting.pk)
    return Outcome(UNCHANGED, organisation, None)
