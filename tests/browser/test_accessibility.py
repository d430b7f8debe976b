"""axe-core in a real browser: no serious or critical problems on the main views."""

import pytest

pytestmark = pytest.mark.browser

PATHS = [
    "/{lang}/",
    "/{lang}/topics/",
    "/{lang}/topics/health/",
    "/{lang}/status/",
    "/{lang}/status/refugee/",
    "/{lang}/status/refugee/housing/",
    "/{lang}/pages/register-with-a-gp/",
]


@pytest.fixture
def axe():
    module = pytest.importorskip("axe_playwright_python.sync_playwright")
    return module.Axe()


@pytest.mark.parametrize("language", ["en", "ar", "so"])
def test_no_serious_accessibility_violations(browser, sample_site, axe, language):
    # axe is injected as a script, which our Content-Security-Policy would rightly refuse.
    context = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = []
    for path in PATHS:
        page.goto(sample_site.url + path.format(lang=language))
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append((path, violation["id"], violation["help"], targets))
    context.close()
    assert not problems, problems
