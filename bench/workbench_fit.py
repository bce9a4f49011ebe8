"""How many reports the workbench shows whole on a 1366x768 laptop screen, printed (not asserted).

Starts the app on a fresh copy of the built-in corpus, opens the workbench in
chromium at 1366x768 (Japanese) and steps through every report with the
`n` key, checking that the text box lies inside the window and needs no
scrolling of its own.

Usage: .venv/bin/python -m bench.workbench_fit [--limit N]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import browser as web

_MEASURE = """() => {
  const box = document.querySelector('.phi-sa-text');
  const r = box.getBoundingClientRect();
  return {id: document.querySelector('.phi-sa').dataset.report || '', bottom: r.bottom, top: r.top,
          scroll: box.scrollHeight, client: box.clientHeight, columns: box.style.columnCount || '1',
          chars: box.textContent.length, height: window.innerHeight};
}"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=160)
    args = parser.parse_args()
    reason = web.missing_browser_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="phi-fit-"))
    db = folder / "phi.duckdb"
    web.init_db(db)
    server = web.start_app(db, folder / "streamlit.log")
    rows = []
    try:
        with sync_playwright() as driver:
            browser = web.launch_browser(driver)
            page = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ja-JP").new_page()
            web.open_app_page(page, server, "")
            web.open_app_page(page, server, "workbench")
            for _ in range(args.limit):
                web.component_text(page).wait_for()
                page.wait_for_timeout(400)
                rows.append(page.evaluate(_MEASURE))
                before = page.locator(".phi-sa-text").inner_text()
                web.blur(page)
                page.keyboard.press("n")
                try:
                    page.wait_for_function(
                        "(t) => document.querySelector('.phi-sa-text')?.innerText !== t", arg=before, timeout=10_000
                    )
                except Exception:
                    break  # the last report
            browser.close()
    finally:
        web.stop_app(server)
    whole = [r for r in rows if r["scroll"] <= r["client"] + 1 and r["bottom"] <= r["height"] and r["top"] >= 0]
    by_columns = {c: sum(r["columns"] == c for r in rows) for c in ("1", "2", "3")}
    longest = max((r["chars"] for r in whole), default=0)
    print(f"reports measured: {len(rows)}")
    print(f"shown whole without scrolling at 1366x768: {len(whole)} ({100 * len(whole) / max(1, len(rows)):.0f}%)")
    print(
        f"set in 1/2/3 columns: {by_columns['1']}/{by_columns['2']}/{by_columns['3']}; "
        f"longest report shown whole: {longest} characters"
    )
    cut = sorted(r["chars"] for r in rows if r not in whole)
    if cut:
        print(f"reports that scroll inside their box: {len(cut)}, {cut[0]}-{cut[-1]} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
