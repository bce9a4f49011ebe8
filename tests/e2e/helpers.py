"""Driving phi-bench in a real browser for the e2e tests: the pages, the annotator.

The app server, chromium and the waits live in ``bench/browser.py`` (the
benches use them too and import nothing from tests/); they are re-exported
here so a test reads ``helpers.start_app``. Nothing here asserts; the
functions read what the page shows, so that a test reads as the steps an
annotator takes.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from bench.browser import (  # noqa: F401  (re-exported for the tests)
    APP_FILE,
    AppPage,
    AppServer,
    CHROMIUM,
    CHROMIUM_ARGS,
    CORPUS_FILE,
    RENDER_TIMEOUT_MS,
    REPO_ROOT,
    SCREENSHOT_DIR,
    SERVER_START_TIMEOUT_S,
    SERVE_FILE,
    UNREACHABLE_OLLAMA,
    VIEWPORT,
    add_rules_runs,
    blur,
    component_text,
    app_pages,
    corpus_texts,
    free_port,
    init_db,
    launch_browser,
    main_heading,
    missing_browser_reason,
    open_app_page,
    page_problems,
    serve_copy,
    start_app,
    stop_app,
    wait_for_rendered,
    wait_until_idle,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page


def is_loopback_url(url: str) -> bool:
    """True for URLs served by this machine (and for inline data: and blob: URLs)."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


def sidebar_page_titles(page: Page) -> list[str]:
    """The titles of the navigation links in the sidebar (icons left out)."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    titles = []
    for index in range(links.count()):
        spans = links.nth(index).locator('[data-testid="stSidebarNavLink"] span, span').all_inner_texts()
        texts = [t.strip() for t in spans if t.strip()]
        titles.append(texts[-1] if texts else links.nth(index).inner_text().strip())
    return titles


_SCREENSHOT_MAX_HEIGHT = 6000
_CONTENT_HEIGHT = """() => Math.max(0, ...[...document.querySelectorAll(
    '[data-testid="stMain"], [data-testid="stSidebarContent"]')].map((e) => e.scrollHeight))"""


def screenshot(page: Page, name: str) -> Path:
    """The whole page under artifacts/screenshots/NAME.png.

    Streamlit scrolls inside its main container, so a full-page shot would
    stop at the window; the window is stretched to the content for the shot.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    size = page.viewport_size or VIEWPORT
    height = min(max(int(page.evaluate(_CONTENT_HEIGHT)), size["height"]), _SCREENSHOT_MAX_HEIGHT)
    page.set_viewport_size({"width": size["width"], "height": height})
    try:
        page.wait_for_timeout(150)  # one layout pass at the new size
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
    return path


# ---------------------------------------------------------------- workbench


def _commit_text_input(page: Page, label: str, value: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")
    wait_until_idle(page)
    blur(page)


def set_annotator(page: Page, name: str) -> None:
    _commit_text_input(page, "Annotator name", name)


def open_report(page: Page, report_id: str) -> None:
    """Show one report in the annotator by searching for its id."""
    from playwright.sync_api import expect

    # The filters sit in a popover next to the report picker: open it, search, close it.
    search = page.get_by_label("Search id or text", exact=True)
    if not search.is_visible():
        page.get_by_role("button", name="Filters").click()
        search.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    _commit_text_input(page, "Search id or text", report_id)
    if search.is_visible():
        page.get_by_role("button", name="Filters").click()
        wait_until_idle(page)
    # The report picker is a combobox whose input holds "id · status · N spans".
    picker = page.get_by_role("combobox", name=re.compile(r"^Report \("))
    expect(picker).to_have_value(re.compile("^" + re.escape(report_id) + " "), timeout=RENDER_TIMEOUT_MS)
    component_text(page).wait_for(timeout=RENDER_TIMEOUT_MS)


def component_status(page: Page) -> str:
    return page.locator(".phi-sa-status").inner_text().strip()


def component_info(page: Page) -> str:
    return page.locator(".phi-sa-info").inner_text().strip()


_LOCATE = """
([needle]) => {
  const box = document.querySelector('.phi-sa-text');
  const segs = [...box.querySelectorAll('[data-s]')];
  const seg = segs.find((s) => s.textContent.includes(needle));
  if (!seg) return null;
  seg.scrollIntoView({block: 'center'});
  const node = seg.firstChild;
  const at = node.textContent.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + needle.length);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = rects[0], last = rects[rects.length - 1];
  return {
    start: Number(seg.dataset.s) + at, end: Number(seg.dataset.s) + at + needle.length,
    x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2,
  };
}
"""

_SELECT_RANGE = """
([needle]) => {
  const seg = [...document.querySelectorAll('.phi-sa-text [data-s]')].find((s) => s.textContent.includes(needle));
  const node = seg.firstChild;
  const at = node.textContent.indexOf(needle);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + needle.length);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
"""


def select_text(page: Page, needle: str, *, how: str = "mouse") -> tuple[int, int]:
    """Select the first occurrence of needle in the annotator; returns its UTF-16 (start, end).

    ``how="mouse"`` drags across the characters like a person would;
    ``how="range"`` sets a DOM Selection range directly.
    The needle must lie inside one highlighted or plain stretch of text.
    """
    blur(page)
    where = page.evaluate(_LOCATE, [needle])
    if where is None:
        raise LookupError(f"{needle!r} is not inside one stretch of the annotator's text")
    if how == "mouse":
        page.mouse.move(where["x0"], where["y0"])
        page.mouse.down()
        page.mouse.move(where["x1"], where["y1"], steps=8)
        page.mouse.up()
    elif how == "range":
        page.evaluate(_SELECT_RANGE, [needle])
    else:
        raise ValueError(f"unknown selection method {how!r}: use 'mouse' or 'range'")
    return where["start"], where["end"]


def selected_text(page: Page) -> str:
    return page.evaluate("() => window.getSelection().toString()")


def segment_categories(page: Page, needle: str) -> str:
    """The categories the annotator shows (its tooltip) on the stretch holding exactly needle."""
    segment = page.locator(".phi-sa-text [data-s]", has_text=needle)
    for index in range(segment.count()):
        if segment.nth(index).inner_text() == needle:
            return segment.nth(index).get_attribute("title") or ""
    return ""


def spans_table_rows(page: Page) -> list[dict[str, str]]:
    """The rows of the workbench's spans table (start, end, category, text) as shown."""
    expander = page.locator('[data-testid="stExpander"]', has_text="Spans table")
    details = expander.locator("details")
    if details.get_attribute("open") is None:
        expander.locator("summary").click()
    grid = expander.locator('[data-testid="stDataFrame"]')
    grid.wait_for(timeout=RENDER_TIMEOUT_MS)
    # The grid draws on a canvas; its cells are mirrored in a hidden accessibility table.
    grid.locator('[role="gridcell"]').first.wait_for(state="attached", timeout=RENDER_TIMEOUT_MS)
    rows = []
    for row in grid.locator('[role="row"]').all():
        cells = [c.strip() for c in row.locator('[role="gridcell"]').all_inner_texts()]
        if len(cells) >= 4:
            row = dict(zip(("start", "end", "category", "text"), cells[-4:]))
            # The category cell reads "name (CODE)" in the user's language: keep the code.
            found = re.search(r"\(([A-Z_]+)\)$", row["category"])
            if found:
                row["category"] = found.group(1)
            rows.append(row)
    return rows


def press_key(page: Page, key: str) -> None:
    """A shortcut key press with the focus outside every text field."""
    page.keyboard.press(key)


def section_button(page, name: str):
    """The button that opens a page section (phi_core.ui.lazy.tabs: a row of buttons, not tabs)."""
    return page.locator('[data-testid="stMain"]').get_by_text(name, exact=True).first
