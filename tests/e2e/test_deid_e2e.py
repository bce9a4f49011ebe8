"""De-identifying pasted text in the browser: both sides drawn, the document's markup stays text."""

from __future__ import annotations

import re

import pytest

from tests.e2e import helpers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

# Markup inside a report must be shown as text, never run or drawn.
TEXT = '患者名：山田太郎\n電話：03-1234-5678\n<img src=x onerror="window.__pwned=1"> **太字** <b>b</b>'


def test_pasted_report_is_shown_side_by_side_as_text(app_server, page):
    helpers.open_app_page(page, app_server, "deidentify")
    page.locator("textarea").first.fill(TEXT)
    page.get_by_role("button", name=re.compile("De-identify the pasted text|貼り付けたテキストを匿名化")).click()
    helpers.wait_until_idle(page)
    boxes = page.locator('[data-testid="stHtml"]')
    boxes.nth(1).wait_for()
    original, output = boxes.nth(0).inner_text(), boxes.nth(1).inner_text()
    assert "山田太郎" in original and "<img" in original and "**太字**" in original
    assert "山田太郎" not in output and "【患者氏名】" in output and "<b>b</b>" in output
    assert page.evaluate("window.__pwned") is None
    assert boxes.nth(0).locator("img, b").count() == 0
    helpers.screenshot(page, "deidentify-pasted")
    assert not helpers.page_problems(page), helpers.page_problems(page)
