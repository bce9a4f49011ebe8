"""Fixtures of the browser tests: an app server per test module, chromium, pages.

Each test module gets its own database (the built-in corpus, made with
`python -m phi_core init --db`) and its own `streamlit run app.py` on a free
loopback port. The server is warmed up with one visit to the root before the
tests see it, because the first request after start decides Streamlit's
multipage mode (see phi_core/ui/shell.py). The deep-link test takes the
module's server while it is still untouched (it runs first in its module),
or a cold server of its own when it runs later.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e import helpers

_MISSING = helpers.missing_browser_reason()
WARM_UP_TIMEOUT_MS = 4 * helpers.RENDER_TIMEOUT_MS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the page fixture know whether its test failed, for the failure screenshot.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"e2e_rep_{report.when}", report)


@pytest.fixture(scope="session")
def playwright_driver():
    if _MISSING:
        pytest.skip(_MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver):
    browser = helpers.launch_browser(playwright_driver)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> Path:
    """One `python -m phi_core init --db` per session; every server gets its own copy."""
    if _MISSING:
        pytest.skip(_MISSING)
    path = tmp_path_factory.mktemp("e2e_seed") / "phi.duckdb"
    helpers.init_db(path)
    return path


@pytest.fixture(scope="module")
def module_server(seeded_db, tmp_path_factory) -> Iterator[helpers.AppServer]:
    """This module's app on its own fresh database; nobody has opened it yet."""
    server = helpers.serve_copy(seeded_db, tmp_path_factory.mktemp("e2e_app"))
    try:
        yield server
    finally:
        helpers.stop_app(server)


@pytest.fixture(scope="module")
def app_server(module_server, browser) -> helpers.AppServer:
    """The module's app, already past its first request."""
    if not module_server.visited:
        context = browser.new_context(viewport=helpers.VIEWPORT)
        # The first request imports the app and may seed a database: on a loaded machine that
        # takes longer than any later page, so it gets more time.
        helpers.open_app_page(context.new_page(), module_server, "", timeout_ms=WARM_UP_TIMEOUT_MS)
        context.close()
        module_server.visited = True
    return module_server


@pytest.fixture
def cold_app_server(request, seeded_db, tmp_path) -> Iterator[helpers.AppServer]:
    """An app nobody has opened yet: the module's own when still untouched, else a new one."""
    module = request.getfixturevalue("module_server")
    if not module.visited:
        module.visited = True
        yield module
        return
    server = helpers.serve_copy(seeded_db, tmp_path)
    server.visited = True
    try:
        yield server
    finally:
        helpers.stop_app(server)


@pytest.fixture
def new_page(browser, request) -> Iterator[Callable[[], object]]:
    """Opens pages in separate browser contexts (separate Streamlit sessions); all closed at the end."""
    contexts = []

    def make():
        context = browser.new_context(viewport=helpers.VIEWPORT, locale="ja-JP")
        context.set_default_timeout(helpers.RENDER_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    from playwright.sync_api import Error as PlaywrightError

    failed = getattr(request.node, "e2e_rep_call", None)
    if failed is not None and failed.failed:
        for index, context in enumerate(contexts):
            for page in context.pages:
                try:
                    helpers.screenshot(page, f"FAILED-{request.node.name}-{index}")
                except PlaywrightError as error:  # a crashed page must not hide the real failure
                    warnings.warn(f"no failure screenshot of {request.node.name}: {error}", stacklevel=1)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def english_page(browser):
    """A browser that prefers English, for tests that read the English interface."""
    context = browser.new_context(viewport=helpers.VIEWPORT, locale="en-US")
    context.set_default_timeout(helpers.RENDER_TIMEOUT_MS)
    yield context.new_page()
    context.close()
