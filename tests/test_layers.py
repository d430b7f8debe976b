"""The house in layers: every import between the apps runs downwards (issue 11).

From the ground up: ``portal`` (shared helpers that know no app), ``orientation`` (topics,
statuses, pages, search, glossary), side by side ``directory`` (organisations) and ``videos``
(the welcome videos), which may both use the taxonomy and pages of orientation but not each
other, ``editorial`` (roles, permissions, workflow, the admin of the content), ``insights``
(counting, feedback, reports; it may use the editorial rules to scope what staff see) and
``welcome`` (the project package and site shell, which may use everything).

An app reaches one above it or beside it by a signal it sends (``orientation.signals``,
``videos.signals``), a string model reference (``"directory.Organisation"``) or what the top
hands it (``welcome.locality``), never by an import. The walk reads every module of the apps
(migrations and tests left out), imports inside functions included, without importing anything.

Inside an app, too, imports run one way: no module imports one that imports it back, directly
or around a longer circle. A circle means neither module can be read, or changed, without the
other; the shared piece belongs in a module below both.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The floors from the ground up; an app may import the apps of the floors below its own, and
# the apps of one floor stand side by side without importing each other.
FLOORS = (
    ("portal",),
    ("orientation",),
    ("directory", "videos"),
    ("editorial",),
    ("insights",),
    ("welcome",),
)
LAYERS = tuple(app for floor in FLOORS for app in floor)
MAY_USE = {
    app: {below for lower in FLOORS[:level] for below in lower}
    for level, floor in enumerate(FLOORS)
    for app in floor
}

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


def test_apps_on_the_same_floor_do_not_import_each_other():
    rule = "may use: orientation, portal"
    found = violations_in("videos", "videos/x.py", "from directory.models import Organisation\n")
    assert found == [f"videos/x.py:1: videos imports directory.models (videos {rule})"]
    found = violations_in("directory", "directory/x.py", "import videos.signals\n")
    assert found == [f"directory/x.py:1: directory imports videos.signals (directory {rule})"]
    assert violations_in("editorial", "editorial/x.py", "import videos.models\n") == []


def module_of(path):
    """``editorial/admin/pages.py`` -> ``editorial.admin.pages``; a package is its ``__init__``."""
    parts = list(Path(path).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_imported_by(path, source, known):
    """(line, module) for each module of ``known`` that the module at ``path`` imports, relative
    imports resolved. ``from package import name`` counts as importing the submodule when
    ``name`` is one, and the package itself when not."""
    module = module_of(path)
    package = module if Path(path).name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parent + ([node.module] if node.module else []))
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target in known and target != module:
                yield node.lineno, target


def import_graph(sources):
    """{module: {imported module: first line}} over ``sources`` ({path: source})."""
    known = {module_of(path) for path in sources}
    graph = {}
    for path, source in sources.items():
        edges = graph.setdefault(module_of(path), {})
        for line, target in modules_imported_by(path, source, known):
            edges.setdefault(target, line)
    return graph


def circles_in(graph):
    """Each group of modules that import one another around a circle (Tarjan's strongly
    connected components of more than one module), as a sorted list of names."""
    order, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(module):
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, {}):
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return sorted(circles)


def described(circle, graph):
    return "\n".join(
        f"  {module} imports {target} (line {graph[module][target]})"
        for module in circle
        for target in sorted(graph[module])
        if target in circle
    )


def test_no_module_imports_one_that_imports_it_back():
    sources = {
        path.relative_to(ROOT): path.read_text() for app in LAYERS for path in app_modules(app)
    }
    graph = import_graph(sources)
    circles = circles_in(graph)
    assert not circles, "Modules that import each other:\n" + "\n".join(
        described(circle, graph) for circle in circles
    )


def test_the_circle_check_finds_a_circle_through_an_import_inside_a_function():
    sources = {
        "editorial/__init__.py": "",
        "editorial/workflow.py": "from . import permissions, xliff\n",
        "editorial/permissions.py": "from orientation.models import OrientationPage\n",
        "editorial/xliff.py": "def save():\n    from .workflow import import_translations\n",
        "editorial/admin/__init__.py": "from .pages import PageAdmin\n",
        "editorial/admin/pages.py": "from .. import workflow\nfrom ..admin import filters\n",
    }
    graph = import_graph(sources)
    assert graph["editorial.admin.pages"] == {"editorial.workflow": 1, "editorial.admin": 2}
    assert circles_in(graph) == [
        ["editorial.admin", "editorial.admin.pages"],
        ["editorial.workflow", "editorial.xliff"],
    ]
    assert described(["editorial.workflow", "editorial.xliff"], graph) == (
        "  editorial.workflow imports editorial.xliff (line 1)\n"
        "  editorial.xliff imports editorial.workflow (line 2)"
    )


def test_imports_that_run_one_way_make_no_circle():
    sources = {
        "orientation/editorial_life.py": "",
        "orientation/models.py": "from .editorial_life import REVIEW_INTERVAL\n"
        "from .glossary import GlossaryTerm\n",
        "orientation/glossary.py": "from orientation.editorial_life import EditorialState\n",
    }
    assert circles_in(import_graph(sources)) == []
