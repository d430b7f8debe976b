"""The house in layers: every import between the apps runs downwards (issue 11).

From the ground up: ``portal`` (shared helpers that know no app), ``orientation`` (topics,
statuses, pages, search, glossary), ``directory`` (organisations; it may use the taxonomy of
orientation), ``editorial`` (roles, permissions, workflow, the admin of the content),
``insights`` (counting, feedback, reports; it may use the editorial rules to scope what staff
see) and ``welcome`` (the project package and site shell, which may use everything).

An app reaches one above it by a signal it sends (``orientation.signals``), a string model
reference (``"directory.Organisation"``) or what the top hands it (``welcome.locality``), never
by an import. The walk reads every module of the apps (migrations and tests left out), imports
inside functions included, without importing anything.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each layer and what it may import, from the ground up.
LAYERS = ("portal", "orientation", "directory", "editorial", "insights", "welcome")
MAY_USE = {app: set(LAYERS[:floor]) for floor, app in enumerate(LAYERS)}

# Packages at the top of the repository that are not apps of the house.
NOT_APPS = {
    "tests": "the tests may import anything they test",
    "scripts": "stand-alone tools run by hand, importing no app",
}


def imported_modules(tree):
    """(line, absolute module name) of every import in ``tree``; relative ones stay in their
    own app, so they are left out."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def violations_in(app, path, source):
    found = []
    for line, module in imported_modules(ast.parse(source, filename=str(path))):
        imported_app = module.split(".")[0]
        if imported_app in MAY_USE and imported_app != app and imported_app not in MAY_USE[app]:
            allowed = ", ".join(sorted(MAY_USE[app])) or "no other app"
            found.append(f"{path}:{line}: {app} imports {module} ({app} may use: {allowed})")
    return found


def app_modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def test_every_import_between_apps_runs_downwards():
    found = []
    for app in LAYERS:
        for path in app_modules(app):
            found += violations_in(app, path.relative_to(ROOT), path.read_text())
    assert not found, "Imports that run upwards or sideways:\n" + "\n".join(found)


def test_every_package_of_the_repository_has_its_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages - set(NOT_APPS) == set(LAYERS)


def test_the_walk_finds_an_upward_import_anywhere_in_a_module():
    source = (
        "from portal.languages import PORTAL_LANGUAGES\n"
        "from directory.models import Organisation\n"
        "from . import models\n"
        "def view():\n"
        "    import insights.counting\n"
    )
    found = violations_in("orientation", "orientation/views.py", source)
    rule = "(orientation may use: portal)"
    assert found == [
        f"orientation/views.py:2: orientation imports directory.models {rule}",
        f"orientation/views.py:5: orientation imports insights.counting {rule}",
    ]


def test_a_sibling_below_may_be_used_and_the_ground_may_use_no_app():
    assert violations_in("directory", "directory/x.py", "import orientation.models\n") == []
    assert violations_in("portal", "portal/x.py", "from welcome import urls\n") == [
        "portal/x.py:1: portal imports welcome (portal may use: no other app)"
    ]
