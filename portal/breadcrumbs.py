"""Breadcrumbs: the trail above a page's heading (``templates/includes/breadcrumbs.html``)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str = ""
