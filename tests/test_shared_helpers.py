"""Test modules share through tests/helpers.py, tests/factories.py and conftest fixtures, never
by importing one another: a test module can then change without breaking another."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SHARED = {"tests.helpers", "tests.factories"}


def imports_of_test_modules(source):
    """(line, module) for each import of a test module other than the shared ones."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # A relative import inside tests/ always reaches another test file.
            names = ["." * node.level + (node.module or "")]
        else:
            continue
        for name in names:
            if name.startswith(".") or (name.startswith("tests.") and name not in SHARED):
                yield node.lineno, name


def test_no_test_module_imports_another():
    found = [
        f"{path.relative_to(TESTS.parent)}:{line} imports {name}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, name in imports_of_test_modules(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_rule_sees_imports_of_other_test_modules():
    source = (
        "from tests.editorial.test_permissions import PAGE_ADMIN\n"
        "from . import conftest\n"
        "import tests.browser.conftest\n"
        "from tests.helpers import SAMPLE\n"
        "from tests.factories import TopicFactory\n"
    )
    assert list(imports_of_test_modules(source)) == [
        (1, "tests.editorial.test_permissions"),
        (2, "."),
        (3, "tests.browser.conftest"),
    ]
