"""The one place that answers who may do what to which page.

The admin's querysets, object permissions, form fields, saves, deletes, bulk actions, history,
preview and revision views all ask these functions, so a rule is enforced on every path, not
only by hiding a button.
"""

from django.conf import settings

from orientation.models import OrientationPage
from portal.translation import SOURCE_LANGUAGE

PORTAL_EDITOR = "Portal editor"
AGENCY_EDITOR = "Agency editor"
REVIEWER = "Reviewer"
TRANSLATOR = "Translator"
ROLES = (PORTAL_EDITOR, AGENCY_EDITOR, REVIEWER, TRANSLATOR)

State = OrientationPage.State


def roles(user):
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_roles = cached
    return cached


def is_portal_editor(user):
    return bool(getattr(user, "is_superuser", False)) or PORTAL_EDITOR in roles(user)


def is_reviewer(user):
    return is_portal_editor(user) or REVIEWER in roles(user)


def is_agency_editor(user):
    return AGENCY_EDITOR in roles(user) and not is_portal_editor(user)


def is_translator_only(user):
    """A translator with no other editing role: may change only their languages' words."""
    other = {PORTAL_EDITOR, AGENCY_EDITOR, REVIEWER}
    return TRANSLATOR in roles(user) and not (other & roles(user)) and not user.is_superuser


def _profile(user):
    return getattr(user, "staff_profile", None) if user.is_authenticated else None


def organisation_of(user):
    profile = _profile(user)
    return profile.organisation if profile else None


def translation_languages(user):
    profile = _profile(user)
    languages = profile.translation_languages if profile else []
    return [code for code in languages if code in settings.MODELTRANSLATION_LANGUAGES]


def visible_pages(user, queryset=None):
    """Pages a user may open in the admin. Agency editors see their own organisation's only."""
    queryset = OrientationPage.objects.all() if queryset is None else queryset
    if is_portal_editor(user) or is_reviewer(user) or TRANSLATOR in roles(user):
        return queryset
    if is_agency_editor(user):
        organisation = organisation_of(user)
        return queryset.filter(organisation=organisation) if organisation else queryset.none()
    return queryset.none()


def can_change_page(user, page):
    if is_portal_editor(user) or is_reviewer(user):
        return True
    if is_agency_editor(user):
        return page.organisation_id is not None and page.organisation_id == getattr(
            organisation_of(user), "pk", None
        )
    return TRANSLATOR in roles(user) and bool(translation_languages(user))


def can_delete_page(user, page):
    if is_portal_editor(user):
        return True
    # An agency may remove its own drafts; what readers have seen is archived, not deleted.
    return (
        is_agency_editor(user)
        and can_change_page(user, page)
        and page.state in {State.DRAFT, State.IN_REVIEW}
    )


def can_self_publish(user):
    organisation = organisation_of(user)
    return bool(organisation and organisation.self_publishing)


def allowed_states(user, page=None):
    """The editorial states this user may put a page in."""
    current = {page.state} if page is not None and page.pk else set()
    if is_reviewer(user):
        return set(State.values)
    if is_agency_editor(user):
        # Without self-publishing, an agency's change to a live page goes back through review:
        # keeping "published" would publish the change without a reviewer.
        allowed = {State.DRAFT, State.IN_REVIEW}
        if can_self_publish(user):
            allowed |= {State.PUBLISHED, State.ARCHIVED}
        return allowed
    return current or {State.DRAFT}


def change_waits_for_review(user, page):
    """An agency without self-publishing changes a live page: the change waits, the page stays."""
    return (
        page is not None
        and page.state == State.PUBLISHED
        and is_agency_editor(user)
        and not can_self_publish(user)
    )


def can_publish(user, page):
    return State.PUBLISHED in allowed_states(user, None) and can_change_page(user, page)


def editable_page_fields(user):
    """For translators: only the words of their own languages. None means no limit."""
    if not is_translator_only(user):
        return None
    return {
        f"{field}_{code}"
        for field in OrientationPage.text_fields
        for code in translation_languages(user)
        if code != SOURCE_LANGUAGE
    }


def can_change_page_settings(user, page):
    """Submit, restore, mark reviewed, sources, dates: more than words, so not for translators."""
    return can_change_page(user, page) and not is_translator_only(user)


def can_add_page(user):
    return is_portal_editor(user) or (is_agency_editor(user) and organisation_of(user) is not None)


def can_review(user, page):
    """Publish or decline a waiting change, send a page back: a reviewer's decision."""
    return is_reviewer(user) and can_change_page(user, page)


def file_languages(user):
    """The languages whose words this user may change through a translation file.

    Portal editors and reviewers: every language but English. Anyone else (translators, agency
    editors): the languages in their staff profile, so a file cannot reach further than that."""
    others = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != SOURCE_LANGUAGE]
    if is_reviewer(user):
        return others
    held = set(translation_languages(user))
    return [code for code in others if code in held]


def changeable_pages(user, queryset=None):
    """Pages whose content this user may change (a subset of the visible ones)."""
    queryset = visible_pages(user, queryset)
    if is_agency_editor(user) or is_reviewer(user):
        return queryset
    if TRANSLATOR in roles(user) and translation_languages(user):
        return queryset
    return queryset.none()


def can_see_organisation_entry(user, organisation):
    if is_portal_editor(user) or is_reviewer(user):
        return True
    return is_agency_editor(user) and getattr(organisation_of(user), "pk", None) == organisation.pk


def can_review_organisation(user, organisation):
    """See, preview, publish or decline a waiting change to a directory entry."""
    return is_reviewer(user) and can_see_organisation_entry(user, organisation)


def directory_change_waits(user):
    """An agency without self-publishing: its directory changes wait for a reviewer, too."""
    return is_agency_editor(user) and not can_self_publish(user)
