"""Annotating in the browser: select, press a key, reload, and the label is still there.

The app holds the DuckDB file for writing (and DuckDB refuses every other
process, even read-only), so what was saved is read back through the page
after a reload: the annotator's highlight and the spans table, whose offsets
are code points.
"""

from __future__ import annotations

import pytest

from phi_core.ui.offsets import cp_to_utf16
from phi_core.ui.workbench_keys import category_keys
from tests.e2e import helpers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

KEYS = category_keys()


def open_workbench(page, server, report_id: str, annotator: str | None = "e2e-tester") -> None:
    # These tests read the English wording; the browser itself prefers Japanese.
    helpers.open_app_page(page, server, "workbench?lang=en")
    if annotator:
        helpers.set_annotator(page, annotator)
    helpers.open_report(page, report_id)


def label_selection(page, key: str) -> None:
    """Press a category key on the current selection and wait until the save is drawn."""
    helpers.press_key(page, key)
    page.locator('[data-testid="stText"]', has_text="saved").first.wait_for(timeout=helpers.RENDER_TIMEOUT_MS)
    helpers.wait_until_idle(page)


def row_for(rows: list[dict[str, str]], text: str) -> dict[str, str]:
    matches = [r for r in rows if r["text"] == text]
    assert matches, f"no row for {text!r} in the spans table: {rows}"
    return matches[0]


@pytest.mark.parametrize(
    ("report_id", "needle", "category"),
    [
        ("syn-dev-001", "GE LOGIQ E10", "OTHER_ID"),
        # 𠮷 lies outside the BMP: one code point but two UTF-16 units in the browser.
        ("syn-dev-079", "𠮷田直樹", "PHYSICIAN_NAME"),
    ],
    ids=["bmp", "outside-bmp"],
)
def test_mouse_selection_and_key_press_save_a_span(app_server, page, report_id, needle, category):
    text = helpers.corpus_texts()[report_id]
    start = text.index(needle)
    end = start + len(needle)
    open_workbench(page, app_server, report_id)

    utf16 = helpers.select_text(page, needle, how="mouse")
    assert helpers.selected_text(page) == needle
    assert utf16 == (cp_to_utf16(text, start), cp_to_utf16(text, end))
    assert f"selected {utf16[0]}–{utf16[1]} (UTF-16)" in helpers.component_info(page)
    label_selection(page, KEYS[category])
    helpers.screenshot(page, f"annotate-{report_id}")

    page.reload()
    helpers.wait_for_rendered(page)
    helpers.open_report(page, report_id)
    assert category in helpers.segment_categories(page, needle)
    row = row_for(helpers.spans_table_rows(page), needle)
    assert (int(row["start"]), int(row["end"]), row["category"]) == (start, end, category)


def test_approve_and_in_review_persist_after_reload(app_server, page):
    report_id = "syn-dev-002"  # approved in the shipped corpus
    open_workbench(page, app_server, report_id)
    assert helpers.component_status(page) == "approved"

    helpers.blur(page)
    helpers.press_key(page, "r")
    page.locator(".phi-sa-status", has_text="in review").wait_for()
    page.reload()
    helpers.wait_for_rendered(page)
    helpers.open_report(page, report_id)
    assert helpers.component_status(page) == "in review"

    helpers.set_annotator(page, "e2e-tester")
    page.get_by_role("button", name="Approve (a)").click()
    page.locator(".phi-sa-status", has_text="approved").wait_for()
    page.reload()
    helpers.wait_for_rendered(page)
    helpers.open_report(page, report_id)
    assert helpers.component_status(page) == "approved"


def test_stale_save_from_a_second_browser_is_refused_and_loses_nothing(app_server, new_page):
    report_id = "syn-dev-003"
    text = helpers.corpus_texts()[report_id]
    alice, bob = new_page(), new_page()
    open_workbench(alice, app_server, report_id, "alice")
    open_workbench(bob, app_server, report_id, "bob")

    helpers.select_text(alice, "Canon Aplio i800", how="range")
    label_selection(alice, KEYS["OTHER_ID"])

    helpers.select_text(bob, "1-5MHz", how="range")
    helpers.press_key(bob, KEYS["OTHER_ID"])
    conflict = bob.get_by_text("was not saved: someone saved it first")
    conflict.wait_for(timeout=helpers.RENDER_TIMEOUT_MS)
    helpers.screenshot(bob, "stale-save-conflict")
    assert "Canon Aplio i800" in bob.locator('[data-testid="stMain"]').inner_text()  # what alice changed

    alice.reload()
    helpers.wait_for_rendered(alice)
    helpers.open_report(alice, report_id)
    rows = helpers.spans_table_rows(alice)
    kept = row_for(rows, "Canon Aplio i800")
    assert (int(kept["start"]), kept["category"]) == (text.index("Canon Aplio i800"), "OTHER_ID")
    assert not [r for r in rows if r["text"] == "1-5MHz"], "bob's refused change was saved anyway"

    # Bob re-applies his change on top of alice's: both labels end up saved.
    bob.get_by_role("button", name="Reload and re-apply my change").click()
    bob.locator('[data-testid="stText"]', has_text="re-applied").first.wait_for(timeout=helpers.RENDER_TIMEOUT_MS)
    helpers.wait_until_idle(bob)
    texts = {r["text"] for r in helpers.spans_table_rows(bob)}
    assert {"Canon Aplio i800", "1-5MHz"} <= texts
