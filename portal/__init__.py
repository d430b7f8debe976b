"""The ground floor: what every app shares and nothing that knows an app.

Modules here import Django and libraries only, never ``orientation``, ``directory``,
``editorial``, ``insights`` or ``welcome`` (``tests/test_layers.py`` checks it), so any app may
use them without tying itself to another app.
"""
