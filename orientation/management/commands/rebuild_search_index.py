"""Rebuild the search index and its vocabulary from the content, in bulk."""

from django.core.management.base import BaseCommand

from orientation.search import index


class Command(BaseCommand):
    help = "Rebuild the search index (pages, organisations, glossary terms) from the content."

    def handle(self, *args, **options):
        documents = index.rebuild()
        self.stdout.write(f"Search index rebuilt: {documents} documents.")
