"""The audit trail: publish, unpublish, delete and permission changes, with who did them."""

import contextvars

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from orientation.models import OrientationPage

from .models import AuditEvent, StaffProfile

_current_user = contextvars.ContextVar("audit_current_user", default=None)


class CurrentUserMiddleware:
    """Remembers who is making this request, so that signal receivers can name them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _current_user.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            _current_user.reset(token)


def record(action, obj, actor=None, **details):
    return AuditEvent.objects.create(
        actor=actor or _current_user.get(),
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        details=details,
    )


@receiver(pre_save, sender=OrientationPage)
def _remember_state(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (a restore) writes rows as they were: nothing happens to them
        return
    previous = sender.objects.filter(pk=instance.pk).values_list("state", flat=True).first()
    instance._state_before_save = previous


@receiver(post_save, sender=OrientationPage)
def _page_state_changed(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_state_before_save", None)
    published = OrientationPage.State.PUBLISHED
    if instance.state == published and before != published:
        record(AuditEvent.Action.PUBLISHED, instance)
    elif before == published and instance.state != published:
        record(AuditEvent.Action.UNPUBLISHED, instance, state=instance.state)


@receiver(post_delete, sender=OrientationPage)
def _page_deleted(sender, instance, **kwargs):
    record(AuditEvent.Action.DELETED, instance, slug=instance.slug)


@receiver(m2m_changed, sender=get_user_model().groups.through)
@receiver(m2m_changed, sender=get_user_model().user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def _permissions_changed(sender, instance, action, pk_set, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        record(
            AuditEvent.Action.PERMISSIONS,
            instance,
            change=action.removeprefix("post_"),
            relation=sender._meta.model_name,
            ids=sorted(pk_set or []),
        )


@receiver(pre_save, sender=StaffProfile)
def _remember_profile(sender, instance, raw=False, **kwargs):
    if raw:
        return
    instance._before_save = (
        sender.objects.filter(pk=instance.pk)
        .values_list("organisation_id", "translation_languages")
        .first()
    )


@receiver(post_save, sender=StaffProfile)
def _profile_changed(sender, instance, created, raw=False, **kwargs):
    """A person's organisation and languages decide what they may change: as good as a
    permission, so every change is on the trail."""
    if raw:
        return
    before_organisation, before_languages = getattr(instance, "_before_save", None) or (None, [])
    after = (instance.organisation_id, list(instance.translation_languages or []))
    if (before_organisation, list(before_languages or [])) == after and not created:
        return
    if created and after == (None, []):
        return
    record(
        AuditEvent.Action.PERMISSIONS,
        instance,
        relation="staff_profile",
        organisation=[before_organisation, instance.organisation_id],
        languages=[list(before_languages or []), after[1]],
    )
