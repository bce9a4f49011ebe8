"""Every page of the app opens in chromium without an exception; deep links keep the shell."""

from __future__ import annotations

import pytest

from tests.e2e import helpers
from tests.figures.analysis_data import populate

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

# Collected from app.py, so pages that other people add are covered as soon as their file exists.
PAGES = helpers.app_pages()
# Scored rules runs over all reports (the sidebar's default split) and over dev,
# besides six stand-in models scored in phases 3 and 4, so that the pages draw
# their tables and charts, not only their empty states.
RUNS = ((None, 1), ("dev", 1))
# Pages that must show at least one chart with that data.
CHART_PAGES = {
    "pages/leaderboard.py",
    "pages/error_analysis.py",
    "pages/phase_progression.py",
    "pages/threshold_advisor.py",
}
# conftest's browser prefers Japanese (locale ja-JP), so the navigation shows the Japanese titles.
LANGUAGE = "ja"
# Page file -> URLs off this machine its visit requested; filled by the page tests, checked at the end.
OFF_MACHINE: dict[str, list[str]] = {}


def record_off_machine_requests(page, app_page: helpers.AppPage) -> None:
    requested = OFF_MACHINE.setdefault(app_page.file, [])
    page.on("request", lambda r: None if helpers.is_loopback_url(r.url) else requested.append(r.url))


@pytest.fixture(scope="module")
def module_server(seeded_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e_pages")
    db_path = populate(folder / "phi.duckdb", split=None)
    helpers.add_rules_runs(db_path, RUNS)
    server = helpers.start_app(db_path, folder / "streamlit.log")
    try:
        yield server
    finally:
        helpers.stop_app(server)


# First in the module: it takes the module's server before anything else opens it.
def test_deep_link_as_first_request_keeps_the_app_shell(cold_app_server, page):
    """Opening /workbench on a server nobody has visited must not lose the sidebar.

    Streamlit runs the page file alone in that case (legacy pages/ mode);
    require_app_shell() hands over to app.py, which lands the user on the
    default page once. What matters: navigation with the page titles, the
    dataset selector, no exception.
    """
    helpers.open_app_page(page, cold_app_server, "workbench")
    page.wait_for_timeout(500)
    helpers.wait_until_idle(page)
    helpers.screenshot(page, "deep-link-first-request")

    assert not helpers.page_problems(page), helpers.page_problems(page)
    titles = helpers.sidebar_page_titles(page)
    assert titles == [p.title_in(LANGUAGE) for p in helpers.app_pages()], f"legacy navigation by file name: {titles}"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("データセット", exact=True).is_visible()

    # From now on the deep link itself works.
    helpers.open_app_page(page, cold_app_server, "workbench")
    assert helpers.main_heading(page).inner_text().strip() == "アノテーション・ワークベンチ"
    assert helpers.sidebar_page_titles(page) == [p.title_in(LANGUAGE) for p in helpers.app_pages()]


@pytest.mark.parametrize("app_page", PAGES, ids=[p.slug for p in PAGES])
def test_page_opens_without_errors(app_server, page, app_page):
    logged_before = len(app_server.uncaught_errors())
    record_off_machine_requests(page, app_page)
    helpers.open_app_page(page, app_server, app_page.url_path)
    # Let polling fragments (host monitor, job panel) draw once too.
    page.wait_for_timeout(500)
    helpers.wait_until_idle(page)
    helpers.screenshot(page, f"page-{app_page.slug}")

    problems = helpers.page_problems(page)
    assert not problems, (
        f"{app_page.file} shows problems:\n" + "\n".join(problems) + f"\n--- server log ---\n{app_server.log_tail()}"
    )
    assert helpers.main_heading(page).inner_text().strip(), f"{app_page.file} has no main heading"
    if app_page.file in CHART_PAGES:
        charts = page.locator('[data-testid="stPlotlyChart"]')
        assert charts.count() > 0 and charts.first.is_visible(), f"{app_page.file} shows no chart with data"
    assert app_page.title_in(LANGUAGE) in helpers.sidebar_page_titles(page), (
        "the page is missing from the sidebar navigation"
    )
    new_errors = app_server.uncaught_errors()[logged_before:]
    assert not new_errors, f"the server logged errors while drawing {app_page.file}:\n" + "\n".join(new_errors)


def test_every_page_is_in_the_navigation(app_server, page):
    helpers.open_app_page(page, app_server, "")
    assert helpers.sidebar_page_titles(page) == [p.title_in(LANGUAGE) for p in helpers.app_pages()]


def test_pages_send_no_request_off_this_machine(app_server, page):
    """The browser talks to the app only: nothing a page loads may come from the internet."""
    for app_page in helpers.app_pages():
        if app_page.file not in OFF_MACHINE:  # not visited by the page tests in this session
            record_off_machine_requests(page, app_page)
            helpers.open_app_page(page, app_server, app_page.url_path)
    outside = {file: sorted(set(urls)) for file, urls in OFF_MACHINE.items() if urls}
    assert not outside, f"requests off this machine: {outside}"
