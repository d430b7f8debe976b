"""Keep the search index in step with every save and delete of what it holds."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ..glossary import GlossaryTerm
from ..glossary_links import forget_forms
from ..models import OrientationPage
from . import index
from .models import SearchDocument, SearchSynonym
from .query import forget_synonyms

Kind = SearchDocument.Kind
# Organisations by a string reference (resolved when the app is ready): orientation never
# imports the directory.
ORGANISATION = "directory.Organisation"


@receiver(post_save, sender=OrientationPage)
def page_saved(sender, instance, raw=False, **kwargs):
    if not raw and not index.is_deferred():
        index.index_page(instance)


@receiver(post_save, sender=ORGANISATION)
def organisation_saved(sender, instance, raw=False, **kwargs):
    forget_forms()  # its name is kept clear of glossary links
    if not raw and not index.is_deferred():
        index.index_organisation(instance)


@receiver(post_save, sender=GlossaryTerm)
def term_saved(sender, instance, raw=False, **kwargs):
    forget_forms()
    if not raw and not index.is_deferred():
        index.index_term(instance)


@receiver(post_delete, sender=OrientationPage)
def page_deleted(sender, instance, **kwargs):
    if not index.is_deferred():
        index.remove(Kind.PAGE, instance.pk)


@receiver(post_delete, sender=ORGANISATION)
def organisation_deleted(sender, instance, **kwargs):
    forget_forms()
    if not index.is_deferred():
        index.remove(Kind.ORGANISATION, instance.pk)


@receiver(post_delete, sender=GlossaryTerm)
def term_deleted(sender, instance, **kwargs):
    forget_forms()
    if not index.is_deferred():
        index.remove(Kind.TERM, instance.pk)


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
def synonyms_changed(sender, instance, **kwargs):
    forget_synonyms()
