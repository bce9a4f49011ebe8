"""The main pages in chromium, in Japanese and in English: no English left on a Japanese page.

The language is chosen the way a user's browser chooses it: a browser that
prefers Japanese (locale ja-JP) gets the Japanese interface, one that prefers
English gets English (phi_core/ui/i18n.py; the sidebar switch overrides this
per session, and each test here starts a fresh session). On each page every
visible text of the main area is read: text, labels, buttons, metrics, table
headers, and the titles, axes, legends and notes of charts (table cells and
chart point labels are data). Runs of Latin-letter words that no allowlist
entry explains fail the test (tests/ui/untranslated.py, shared with the
AppTest check). Data values (dataset, backend and model names, report ids, the paper's
model names, names in the built-in reports) come from the database itself.
"""

from __future__ import annotations

import pytest

from phi_core.store import Store
from tests.e2e import helpers
from tests.figures.analysis_data import populate
from tests.ui.untranslated import store_words, untranslated

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

LOCALES = {"ja": "ja-JP", "en": "en-US"}
# Pages checked for untranslated text: every file of helpers.app_pages() (a test below keeps it so).
CHECKED_PAGES = (
    "pages/overview.py",
    "pages/phase_progression.py",
    "pages/threshold_advisor.py",
    "pages/workbench.py",
    "pages/agreement.py",
    "pages/adjudication.py",
    "pages/team.py",
    "pages/runs.py",
    "pages/leaderboard.py",
    "pages/error_analysis.py",
    "pages/residual_leak.py",
    "pages/deidentify.py",
)
APP_PAGES = {p.file: p for p in helpers.app_pages()}
PAGES = [APP_PAGES[file] for file in CHECKED_PAGES if file in APP_PAGES]
# Scored rules runs (all reports, and dev) beside analysis_data's six stand-in models in phases 3 and 4.
RUNS = ((None, 1), ("dev", 1))

# What a reader sees, minus what is not interface language: icons (drawn from a
# font by their names), code (commands, paths), table bodies and chart points (data).
_COLLECT = """
([roots, skip, extra]) => {
  const out = [];
  for (const root of document.querySelectorAll(roots)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, element = node.parentElement;
      if (!element || element.closest(skip)) continue;
      if (element.checkVisibility && !element.checkVisibility({visibilityProperty: true})) continue;
      const text = node.textContent.trim();
      if (text) out.push(text);
    }
  }
  for (const element of document.querySelectorAll(extra)) {
    const text = element.textContent.trim();
    if (text) out.push(text);
  }
  return out;
}
"""
_SKIP = ", ".join(
    (
        '[data-testid="stIconMaterial"]',
        '[data-testid="stAlertDynamicIcon"]',
        'span[role="img"][translate="no"]',
        "code",
        "pre",
        "iframe",
        "script",
        "style",
        '[data-testid="stDataFrame"]',
        '[data-testid="stPlotlyChart"]',
        '[data-testid="stSidebarNav"]',
    )
)
_CHART_PARTS = (".gtitle", ".g-xtitle", ".g-ytitle", ".legendtext", ".annotation-text", ".xtick text", ".ytick text")


def _extra(root: str) -> str:
    headers = f'{root} [data-testid="stDataFrame"] [role="columnheader"]'
    charts = [f'{root} [data-testid="stPlotlyChart"] {part}' for part in _CHART_PARTS]
    return ", ".join([headers, *charts])


def shown_texts(page, region: str) -> list[str]:
    """The visible strings of the main area ("main") or the sidebar panel below the navigation ("sidebar")."""
    root = '[data-testid="stMain"]' if region == "main" else '[data-testid="stSidebar"]'
    return page.evaluate(_COLLECT, [root, _SKIP, _extra(root)])


def open_all_expanders(page) -> None:
    """Expander contents count too: open every closed one in the main area."""
    closed = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(closed.count()):
        visible = [summary for summary in closed.all() if summary.is_visible()]  # not those in a hidden tab
        if not visible:
            return
        visible[0].click()
        helpers.wait_until_idle(page)


@pytest.fixture(scope="module")
def prepared_db(seeded_db, tmp_path_factory):
    """The database with runs, and the words of the data values it holds.

    The words are read before the app starts: DuckDB lets one process at a time open the file.
    """
    folder = tmp_path_factory.mktemp("e2e_languages")
    db_path = populate(folder / "phi.duckdb", split=None)
    helpers.add_rules_runs(db_path, RUNS)
    with Store(db_path) as store:
        return db_path, store_words(store)


@pytest.fixture(scope="module")
def module_server(prepared_db):
    db_path, _ = prepared_db
    server = helpers.start_app(db_path, db_path.parent / "streamlit.log")
    try:
        yield server
    finally:
        helpers.stop_app(server)


@pytest.fixture(scope="module")
def names_in_data(prepared_db) -> frozenset[str]:
    return prepared_db[1]


@pytest.fixture
def page_in(browser, request):
    """A page in a fresh browser context that prefers the given language."""
    contexts = []

    def make(language: str):
        context = browser.new_context(viewport=helpers.VIEWPORT, locale=LOCALES[language])
        context.set_default_timeout(helpers.RENDER_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    failed = getattr(request.node, "e2e_rep_call", None)
    for index, context in enumerate(contexts):
        for page in context.pages:
            if failed is not None and failed.failed:
                helpers.screenshot(page, f"FAILED-{request.node.name}-{index}")
        context.close()


def open_page(page, server, app_page) -> None:
    helpers.open_app_page(page, server, app_page.url_path)
    page.wait_for_timeout(500)  # polling fragments draw once more
    helpers.wait_until_idle(page)
    problems = helpers.page_problems(page)
    assert not problems, f"{app_page.file} shows problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("app_page", PAGES, ids=[p.slug for p in PAGES])
def test_page_in_japanese_has_no_english_left(app_server, page_in, names_in_data, app_page):
    page = page_in("ja")
    open_page(page, app_server, app_page)
    open_all_expanders(page)
    helpers.screenshot(page, f"ja-{app_page.slug}")
    texts = shown_texts(page, "main")
    assert any(not t.isascii() for t in texts), f"{app_page.file} shows no Japanese at all"
    found = untranslated(texts, names_in_data)
    assert not found, f"{app_page.file} in Japanese still shows English:\n" + "\n".join(found)
    assert helpers.sidebar_page_titles(page) == [p.title_in("ja") for p in helpers.app_pages()]


@pytest.mark.parametrize("app_page", PAGES, ids=[p.slug for p in PAGES])
def test_page_in_english_is_english(app_server, page_in, names_in_data, app_page):
    page = page_in("en")
    open_page(page, app_server, app_page)
    assert helpers.sidebar_page_titles(page) == [p.title for p in helpers.app_pages()]
    heading = helpers.main_heading(page).inner_text().strip()
    assert heading.isascii(), f"{app_page.file} shows a Japanese heading to an English browser: {heading}"
    # The check finds English where there is English: it is not blind.
    assert untranslated(shown_texts(page, "main"), names_in_data)


def test_every_page_is_checked():
    assert set(CHECKED_PAGES) == set(APP_PAGES), "add the new page to CHECKED_PAGES"


def test_navigation_titles_are_all_translated(app_server, page_in, names_in_data):
    """Every page of app.py has a Japanese title (a row written without tr() shows up here)."""
    page = page_in("ja")
    helpers.open_app_page(page, app_server, "")
    found = untranslated(helpers.sidebar_page_titles(page), names_in_data)
    assert not found, "navigation titles still in English:\n" + "\n".join(found)


def test_sidebar_in_japanese_has_no_english_left(app_server, page_in, names_in_data):
    page = page_in("ja")
    helpers.open_app_page(page, app_server, "")
    page.wait_for_timeout(500)
    helpers.wait_until_idle(page)
    found = untranslated(shown_texts(page, "sidebar"), names_in_data)
    assert not found, "the sidebar in Japanese still shows English:\n" + "\n".join(found)
