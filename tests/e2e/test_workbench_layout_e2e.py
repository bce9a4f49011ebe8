"""The workbench on a 1366x768 laptop, in Japanese by default: the report text fits without scrolling.

The browser prefers Japanese, so the page opens in Japanese; the category keys
sit under the text and the span list below them, all starting inside the first
screen, with the guidelines' key points in the side panel.
The language switch in the sidebar changes the page and is kept in the address.
"""

from __future__ import annotations

import pytest

from tests.e2e import helpers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

LAPTOP = {"width": 1366, "height": 768}
REPORT = "syn-dev-001"

_GEOMETRY = """() => {
  const box = document.querySelector('.phi-sa-text');
  const legend = document.querySelector('.phi-sa-legend');
  const spans = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"]')][0];
  const r = (e) => e ? e.getBoundingClientRect() : null;
  return {box: r(box), legend: r(legend), spans: r(spans), scrollHeight: box.scrollHeight,
          clientHeight: box.clientHeight, height: window.innerHeight, width: window.innerWidth};
}"""


def test_workbench_text_fits_a_laptop_screen_in_japanese(browser, app_server):
    context = browser.new_context(viewport=LAPTOP, locale="ja-JP")
    context.set_default_timeout(helpers.RENDER_TIMEOUT_MS)
    page = context.new_page()
    try:
        helpers.open_app_page(page, app_server, "workbench")
        assert helpers.main_heading(page).inner_text().strip() == "アノテーション・ワークベンチ"
        # The section buttons come with the heading's run, but may be drawn a moment after it.
        helpers.section_button(page, "アノテーション").wait_for(state="visible")
        helpers.component_text(page).wait_for()
        page.wait_for_timeout(500)  # the text box fits itself to the window after layout
        geometry = page.evaluate(_GEOMETRY)
        helpers.screenshot(page, "workbench-1366x768-ja")
        box, legend, spans = geometry["box"], geometry["legend"], geometry["spans"]
        # The whole text box, and the keys under it, lie inside the first screen ...
        assert box["top"] >= 0 and box["bottom"] <= geometry["height"], geometry
        assert legend["bottom"] <= geometry["height"], geometry
        # ... and the report needs no scrolling inside the box either.
        assert geometry["scrollHeight"] <= geometry["clientHeight"] + 1, geometry
        # The span list follows below the keys, starting within the first screen; the guidelines'
        # key points are in the side panel.
        assert spans is not None and spans["top"] >= legend["bottom"] and spans["top"] < geometry["height"], geometry
        assert page.locator('[data-testid="stSidebar"]').get_by_text("ガイドライン：要点").is_visible()
        assert not helpers.page_problems(page)

        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        helpers.wait_until_idle(page)
        helpers.section_button(page, "Annotate").wait_for()
        assert "lang=en" in page.url
        page.reload()
        helpers.wait_for_rendered(page)
        assert helpers.main_heading(page).inner_text().strip() == "Annotation workbench"
    finally:
        context.close()
