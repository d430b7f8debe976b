"""The four roles as groups with their model permissions, created after every migrate."""

from django.contrib.auth.models import Group, Permission

from .permissions import AGENCY_EDITOR, PORTAL_EDITOR, REVIEWER, TRANSLATOR

CONTENT_APPS = ("orientation", "directory", "videos", "insights", "editorial", "taggit")

ROLE_PERMISSIONS = {
    AGENCY_EDITOR: [
        "orientation.view_topic",
        "orientation.view_migrationstatus",
        "orientation.view_orientationpage",
        "orientation.add_orientationpage",
        "orientation.change_orientationpage",
        "orientation.delete_orientationpage",
        "orientation.view_sourcelink",
        "orientation.add_sourcelink",
        "orientation.change_sourcelink",
        "orientation.delete_sourcelink",
        "orientation.view_pageimage",
        "orientation.add_pageimage",
        "orientation.change_pageimage",
        "orientation.delete_pageimage",
        "directory.view_organisation",
        "directory.change_organisation",
        "directory.view_openingperiod",
        "directory.add_openingperiod",
        "directory.change_openingperiod",
        "directory.delete_openingperiod",
        "directory.view_closure",
        "directory.add_closure",
        "directory.change_closure",
        "directory.delete_closure",
        "directory.view_spokenlanguage",
        "insights.view_pagefeedback",
        "insights.change_pagefeedback",
        "editorial.view_pagerevision",
        "editorial.view_reviewnote",
        "taggit.view_tag",
        "taggit.add_tag",
    ],
    REVIEWER: [
        "orientation.view_topic",
        "orientation.view_migrationstatus",
        "orientation.view_orientationpage",
        "orientation.change_orientationpage",
        "orientation.view_sourcelink",
        "directory.view_organisation",
        "insights.view_pagefeedback",
        "editorial.view_pagerevision",
        "editorial.view_reviewnote",
        "editorial.add_reviewnote",
        "orientation.view_glossaryterm",
        "orientation.change_glossaryterm",
    ],
    TRANSLATOR: [
        "orientation.view_topic",
        "orientation.view_migrationstatus",
        "orientation.view_orientationpage",
        "orientation.change_orientationpage",
        "editorial.view_pagerevision",
        "orientation.view_glossaryterm",
        "orientation.change_glossaryterm",
    ],
}


def ensure_roles(**kwargs):
    """Create or update the groups; safe to run any number of times."""
    portal_editor, _created = Group.objects.get_or_create(name=PORTAL_EDITOR)
    portal_editor.permissions.set(
        Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    )
    for role, codes in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                wanted.append(permission)
        group.permissions.set(wanted)
