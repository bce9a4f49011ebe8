"""Starting a rules run from the Runs page and watching it finish."""

from __future__ import annotations

import re

import pytest

from tests.e2e import helpers

RUNS_PAGE = helpers.REPO_ROOT / "pages" / "runs.py"
LIMIT = 20

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(180),
    pytest.mark.skipif(not RUNS_PAGE.exists(), reason="Runs page not present"),
]


@pytest.fixture
def page(english_page):
    """The steps below read the English interface."""
    return english_page


def test_rules_run_started_in_the_browser_completes(app_server, page):
    helpers.open_app_page(page, app_server, "runs")
    backend = page.get_by_role("combobox", name="Backend")
    assert backend.input_value() == "rules"
    limit = page.get_by_label("Only the first N reports (0 = all)")
    limit.fill(str(LIMIT))
    limit.press("Enter")
    helpers.wait_until_idle(page)

    page.get_by_role("button", name="Start", exact=True).click()
    # The job panel polls while the job runs; the line under its bar ends "done after …".
    finished = page.get_by_text(re.compile(rf"^{LIMIT}/{LIMIT} reports · 0 failed · done after"))
    finished.wait_for(timeout=120_000)
    bar = page.locator('[data-testid="stProgress"] [role="progressbar"]').first
    assert bar.get_attribute("aria-valuenow") == "100"
    helpers.wait_until_idle(page)
    helpers.screenshot(page, "runs-rules-done")
    assert not helpers.page_problems(page), helpers.page_problems(page)

    # The finished run is in the history after a reload, i.e. stored, not only in the live panel.
    page.reload()
    helpers.wait_for_rendered(page)
    helpers.section_button(page, "History").click()
    helpers.wait_until_idle(page)
    history = page.locator('[data-testid="stMain"] [data-testid="stDataFrame"]').first
    # Grids draw on a canvas; their cells are mirrored in a hidden accessibility table.
    history.locator('[role="gridcell"]').first.wait_for(state="attached")
    cells = [c.strip() for c in history.locator('[role="gridcell"]').all_inner_texts()]
    assert "rules" in cells and "done" in cells, cells
