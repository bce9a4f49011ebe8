"""How long each page of the app takes to draw in a browser, printed (not asserted).

Starts the app on a temporary database holding the built-in corpus and ten
finished rules runs (different splits and repeat counts, so leaderboards
and run lists have something to chew on), or, with ``--scale study``, also
the data of a real study (``bench/analysis.py``: 14 models x 5 phases x 160
reports x 3 repeats, 70 runs, 33,600 scored tasks) as the active dataset;
then opens every page of app.py
in headless chromium, three ways: its URL in a new tab of a browser that has
never seen the app (cold: a new session that also downloads and starts
Streamlit's frontend), its URL in a new tab of a browser that has opened the
app before (warm: the frontend's files come from the browser cache, as for
people who use the app daily), and a click on its sidebar link in an open
session. A page counts as drawn when Streamlit has finished running its
script and the page's main heading is visible.

Targets: in the app (a sidebar click) 0.5 s median and 1.0 s at worst, a new
tab 1.5 s median.

Measured on the quiet machine (``--scale study --repeats 3``, load
about 1, 2026-12-04 20:12 UTC; cold tab / warm tab / in app median / in app
worst): Overview 1.36/1.25/0.34/0.37; Workbench 1.56/1.36/0.41/0.47;
Agreement 1.37/1.21/0.28/0.30; Adjudication 1.38/1.17/0.25/0.26; Team
1.43/1.34/0.32/0.34; Runs 1.44/1.32/0.31/0.34; Leaderboard 1.61/1.30/0.47/0.69;
Error analysis 1.44/1.16/0.56/1.16; Phase progression 1.68/1.18/0.46/0.49;
Threshold advisor 1.78/1.27/0.50/0.53; Residual leak 1.56/1.51/0.85/0.97;
De-identify 1.56/1.13/0.37/0.50. Missed: Error analysis (in app median 0.56,
worst 1.16 on its first visit) and Residual leak (in app 0.85, warm tab 1.51).

Then the last two were lightened: their first screens are computed ahead by
a warm-up thread once the store stands still (phi_core/ui/warmup.py),
Residual leak's chart is drawn on request below the verdict, and Error
analysis' heatmap leaves its cells without numbers beyond 120 cells.

Quiet machine, final code (``--scale study --repeats 3``, three full runs
22:34-22:51 UTC, load 0.3-2; cold tab / warm tab / in app median / in app
worst, run by run): Error analysis 1.21/1.04/0.30/0.41, 1.23/1.22/0.32/0.52,
1.19/1.88/0.33/0.54; Residual leak 1.26/1.09/0.34/0.34, 1.21/1.35/0.33/0.33,
1.24/1.18/0.40/0.42; Leaderboard 1.45/1.13/0.49/1.50, 1.35/1.08/0.46/0.46,
1.25/1.23/0.45/0.53; Threshold advisor 1.26/1.51/0.40/0.42,
1.22/2.19/0.41/0.47, 1.27/1.22/0.36/0.46; every other page in all three runs
within 0.23-0.41 s in app (worst 0.49 s) and 0.92-1.36 s in a new tab. Each run
had one page over in one way (warm tab of Threshold advisor 1.51 and 2.19 s,
of Error analysis 1.88 s; Leaderboard's worst click 1.50 s), a different one
each time; measured alone (``--pages threshold_advisor,leaderboard``) they
met it (1.16 and 1.11 s warm tab). The warm-up thread ran once per run (its
key logged while testing), so it is not what slowed them.

The one-per-run outliers, traced (2026-12-05; the app writes a trace to the
bench's temporary folder, bench/page_trace.py matches it to every
measurement and prints where the time went; ``--keep-trace FILE`` keeps it).
Streamlit collects all three generations after every script run (its hidden
option runner.postScriptGC, on by default). At study scale that walk
followed every one of a full bench's 122 script runs within 50 ms: 0.19 s
median, 0.53 s at worst (load 5-12), 27.5 s in all, holding the interpreter
while the server was still sending the page. The app now turns it off and,
once a warm-up has filled the caches, freezes its long-lived objects
(phi_core/ui/gc_policy.py): 9-10 full collections per full bench (Python's
own), 0.03-0.07 s median, about 1 s in all; peak memory 595 MB, the same
after the first and the last script run. The bench had a fault of its own:
a short run could start and finish within one rendering of the frontend,
and the click then waited 30 s for the hosts panel's next refresh (Error
analysis, 30.5 s); a click now also counts the new page's elements.

Loaded machine (other people's benchmarks), study scale, three visits; in app
median / in app worst / warm tab / cold tab. Before, load 5-13: in app
0.26-0.86 s median, worst 1.81 s (Leaderboard) and 30.52 s (Error analysis, the
bench's hang), warm tabs 1.00-1.62 s, cold tabs 1.18-2.17 s. After, run A (load 7-22): in app 0.10-0.38 s median on
every page, worst 0.51 s. Run B (load 6-9): in app 0.11-0.53 s median, worst
0.60 s; warm tabs 1.01-2.67 s, cold tabs 1.39-1.88 s. Run C (load 5-10): in app
0.18-0.57 s median, worst clicks 1.92 s (Error analysis) and 1.48 s
(Leaderboard) with 0.05-0.36 s of script and no collection; warm tabs
0.92-2.92 s, cold tabs 1.12-1.75 s.
What was left was the bench: a new tab marks on its own clock when it was
drawn, and the slowest warm tabs of run C (2.92-3.70 s) were drawn at
1.29-1.57 s. Playwright's locator wait_for polls at growing intervals (up to
a second apart), so a heading drawn just after one of its checks was seen up
to a second late (Leaderboard drawn at 1.00 s, seen at 1.99 s); the bench now
checks on every animation frame. Run D (load 4-6, all of the above): Overview
0.20/0.21/0.92/1.14; Workbench 0.28/0.31/1.05/1.39; Agreement
0.15/0.16/0.90/1.13; Adjudication 0.11/0.12/0.87/1.07; Team 0.19/0.21/0.99/1.22;
Runs 0.20/0.23/1.02/1.23; Leaderboard 0.48/0.52/1.19/1.34; Error analysis
0.34/0.87/1.08/1.26; Phase progression 0.31/0.39/1.11/1.45; Threshold advisor
0.33/0.39/1.13/1.48; Residual leak 0.39/0.45/1.02/1.38; De-identify
0.24/0.25/0.95/1.31: every page within every target. Run E (load 0.5-5.4):
in app 0.11-0.41 s median, worst 0.53 s (Error analysis), warm tabs 0.79-1.01
s, cold tabs 1.09-1.34 s except Overview's 1.58 s: its first cold tabs, just
after the app started, share it with the warm-up and its one full collection
(0.27-0.49 s). Quiet machine (2026-12-05, load 1-4.7 with the bench's own
browser): runs a-c met every target but Leaderboard's cold tab once (1.56 s:
it computed the ranking); with its first screen and Phase progression's
warmed too (phi_core/ui/ranking_first_screen.py), runs d-f: in app 0.08-0.41 s
median, worst 0.74 s, warm tabs 0.77-1.24 s, cold tabs 1.02-1.47 s: every page
within every target in all three.

Usage: .venv/bin/python -m bench.pages [--repeats N] [--scale small|study] [--pages residual_leak,error_analysis]
                                       [--keep-trace FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


from bench import browser as web
from bench import page_trace
from phi_core.ui import trace

IN_APP_MEDIAN_S = 0.5
IN_APP_WORST_S = 1.0
NEW_TAB_MEDIAN_S = 1.5
# (split, repeats): each pair is a separate job, hence a separate run.
RUN_PLAN: tuple[tuple[str | None, int], ...] = (
    (None, 1),
    ("dev", 1),
    ("test", 1),
    (None, 2),
    ("dev", 2),
    ("test", 2),
    (None, 3),
    ("dev", 3),
    ("test", 3),
    ("dev", 4),
)


# Set before a sidebar click: notes when the script run that the click starts has finished.
# A short run can start and finish within one rendering of the frontend, so the
# run-state attribute may never show "running"; then the new page's elements
# appearing in the main area tell that the run has begun.
_WATCH_NEXT_RUN = """(path) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  window.__benchRunSeen = false;
  window.__benchRunDone = false;
  const busy = (state) => state === 'running' || state === 'rerunRequested';
  const check = (records, observer) => {
    if (records.some((r) => r.target !== app || busy(r.oldValue))) window.__benchRunSeen = true;
    const state = app.getAttribute('data-test-script-state');
    if (busy(state)) window.__benchRunSeen = true;
    const there = window.location.pathname.replace(/\\/+$/, '').endsWith(path);
    if (window.__benchRunSeen && state === 'notRunning' && there) { window.__benchRunDone = true; observer.disconnect(); }
  };
  const observer = new MutationObserver(check);
  observer.observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
  observer.observe(main, {childList: true, subtree: true, characterData: true});
}"""


@dataclass
class PageTiming:
    title: str
    new_tab: list[float] = field(default_factory=list)
    warm_tab: list[float] = field(default_factory=list)
    in_app: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# Installed in a new tab before its page loads: when (seconds on the tab's own clock, from the
# start of its navigation) the frontend's HTML had loaded, the app's frame was mounted by the
# frontend's code, the script run was first seen running and then finished, and the heading appeared.
_TAB_MARKS = """(() => {
  const marks = (window.__benchMarks = {});
  const note = (name) => { if (!(name in marks)) marks[name] = performance.now() / 1000; };
  document.addEventListener('DOMContentLoaded', () => note('html'));
  window.addEventListener('load', () => note('load'));
  new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return;
    note('frontend');
    const state = app.getAttribute('data-test-script-state');
    const busy = (value) => value === 'running' || value === 'rerunRequested';
    if (state === 'running') note('running');
    if (state === 'notRunning' && 'running' in marks) note('finished');
    if (busy(state) && 'finished' in marks) note('again');  // a later run (a fragment's, a rerun) after the page's
    if (state === 'notRunning' && 'again' in marks) marks.settled = performance.now() / 1000;
    if (document.querySelector('[data-testid="stMain"] h1')) note('heading');
  }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-test-script-state']});
})()"""


# Checked on every animation frame: a locator's wait_for polls at growing intervals
# (up to a second apart), so it noticed a heading drawn just after one of its
# checks up to a second late; warm tabs drawn at 0.9-1.0 s were timed at 2.0-2.4 s.
_HEADING_SHOWN = """() => {
  const heading = document.querySelector('[data-testid="stMain"] h1');
  if (!heading) return false;
  const box = heading.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(heading).visibility !== 'hidden';
}"""


def wait_for_heading(page) -> None:
    page.wait_for_function(_HEADING_SHOWN, polling="raf", timeout=60_000)


def time_new_tab(browser, server: web.AppServer, url_path: str, context=None) -> tuple[float, list[str], dict]:
    """Seconds from typing the URL in a new tab (a new session) to drawn; what the page shows as broken; and
    the tab's own marks (_TAB_MARKS) of where that time went.

    Without ``context`` the tab opens in a fresh browser profile (empty cache);
    with one, in that profile, whose cache holds what earlier tabs loaded.
    """
    own_context = context is None
    context = context or browser.new_context(viewport=web.VIEWPORT)
    page = context.new_page()
    page.add_init_script(_TAB_MARKS)
    try:
        started = time.perf_counter()
        page.goto(server.url(url_path))
        waits = {"goto returned": time.perf_counter() - started}
        wait_for_heading(page)
        waits["heading seen"] = time.perf_counter() - started
        web.wait_until_idle(page, timeout_ms=60_000, quiet_ms=0)
        elapsed = time.perf_counter() - started
        marks = page.evaluate("() => window.__benchMarks || {}")
        return elapsed, web.page_problems(page), {"marks": {**marks, **{f"bench: {k}": v for k, v in waits.items()}}}
    finally:
        page.close()
        if own_context:
            context.close()


def time_sidebar_click(page, title: str, url_path: str) -> float:
    """Seconds from a click on the page's sidebar link (same session) to drawn."""
    page.evaluate(_WATCH_NEXT_RUN, f"/{url_path}".rstrip("/"))
    link = page.locator('[data-testid="stSidebarNav"] a', has_text=title).first
    started = time.perf_counter()
    link.click()
    page.wait_for_function("() => window.__benchRunDone === true", timeout=60_000)
    wait_for_heading(page)
    return time.perf_counter() - started


def measure(
    browser, server: web.AppServer, repeats: int, only: tuple[str, ...] = (), log: list | None = None
) -> list[PageTiming]:
    """Every page, every way; each measurement is also appended to ``log`` (for bench/page_trace.py)."""
    pages = chosen_pages(web.app_pages(), only)
    timings = {p.title: PageTiming(p.title) for p in pages}
    log = [] if log is None else log

    def timed(way: str, title: str, step, *args):
        wall = time.time()
        result = step(*args)
        seconds, browser_split = (result[0], result[2]) if isinstance(result, tuple) else (result, {})
        log.append(page_trace.measured(way, title, wall, seconds, **browser_split))
        return result

    for app_page in pages:
        for _ in range(repeats):
            seconds, seen, _split = timed("cold tab", app_page.title, time_new_tab, browser, server, app_page.url_path)
            timings[app_page.title].new_tab.append(seconds)
            timings[app_page.title].problems = timings[app_page.title].problems or seen
    context = browser.new_context(viewport=web.VIEWPORT)
    for app_page in pages:  # first visits fill this profile's cache; not measured
        time_new_tab(browser, server, app_page.url_path, context)
    for app_page in pages:
        for _ in range(repeats):
            seconds, _seen, _split = timed(
                "warm tab", app_page.title, time_new_tab, browser, server, app_page.url_path, context
            )
            timings[app_page.title].warm_tab.append(seconds)
    page = context.new_page()
    web.open_app_page(page, server, "")
    for _ in range(repeats):
        # Round trips through the pages, so that every click leaves a different page.
        for app_page in [*pages[1:], pages[0]]:
            seconds = timed("in app", app_page.title, time_sidebar_click, page, app_page.title, app_page.url_path)
            timings[app_page.title].in_app.append(seconds)
            web.wait_until_idle(page, timeout_ms=60_000, quiet_ms=100)
    context.close()
    return list(timings.values())


def chosen_pages(pages: list[web.AppPage], only: tuple[str, ...]) -> list[web.AppPage]:
    """The pages named in ``only`` (by title or file stem, any case), all when it is empty.

    The app's first page always stays first: the in-app round trips start there.
    """
    if not only:
        return pages
    wanted = {name.strip().lower() for name in only}
    unknown = wanted - {p.title.lower() for p in pages} - {p.slug.lower() for p in pages}
    if unknown:
        raise SystemExit(f"no such page: {', '.join(sorted(unknown))} (pages: {', '.join(p.slug for p in pages)})")
    return [p for i, p in enumerate(pages) if i == 0 or p.title.lower() in wanted or p.slug.lower() in wanted]


def print_table(timings: list[PageTiming], repeats: int) -> None:
    print(
        f"\nnavigation → drawn (script finished, main heading visible), {repeats} visits per page and way; "
        f"targets: in app ≤ {IN_APP_MEDIAN_S} s median and ≤ {IN_APP_WORST_S} s worst, "
        f"new tab ≤ {NEW_TAB_MEDIAN_S} s median"
    )
    print("cold tab: the URL in a new tab of a browser that never saw the app (downloads the frontend too);")
    print("warm tab: the URL in a new tab of a browser that opened the app before (frontend from its cache);")
    print("in app: a click on the page's sidebar link in an open session (how people move between pages)")
    print(f"{'page':<20} {'cold tab':>9} {'warm tab':>9} {'in app':>7} {'in app max':>11}  verdict (medians)")
    for row in timings:
        cold, warm = statistics.median(row.new_tab), statistics.median(row.warm_tab)
        click = statistics.median(row.in_app)
        checks = (
            ("in app", click, IN_APP_MEDIAN_S),
            ("in app max", max(row.in_app), IN_APP_WORST_S),
            ("warm tab", warm, NEW_TAB_MEDIAN_S),
            ("cold tab", cold, NEW_TAB_MEDIAN_S),
        )
        verdict = ", ".join(f"{name} {'ok' if value <= target else 'SLOW'}" for name, value, target in checks)
        if row.problems:
            verdict += f"; shows: {row.problems[0][:80]}"
        print(f"{row.title:<20} {cold:>8.2f}s {warm:>8.2f}s {click:>6.2f}s {max(row.in_app):>10.2f}s  {verdict}")


def add_study_data(db_path: Path) -> None:
    """bench/analysis.py's study-sized dataset (70 runs, 33,600 scored tasks)."""
    import numpy as np

    from bench import analysis
    from phi_core.corpus.importers import read_corpus
    from phi_core.paths import CORPUS_FILE
    from phi_core.store import Store

    started = time.perf_counter()
    with Store(db_path) as store:
        store.add_reports(analysis.DATASET, read_corpus(CORPUS_FILE, "jsonl", dataset=analysis.DATASET).reports)
        sizes = analysis.build(store, np.random.default_rng(7))
    print(
        f"plus dataset {analysis.DATASET!r} at study scale: {sizes['run_results']:,} scored tasks "
        f"in {len(analysis.MODELS) * len(analysis.PHASES)} runs (built in {time.perf_counter() - started:.1f} s)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="visits per page and way of navigating")
    parser.add_argument(
        "--scale",
        choices=("small", "study"),
        default="small",
        help="small: the built-in corpus and ten rules runs; study: also bench/analysis.py's 70 runs",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page titles or file names to measure (default: every page; the first page is kept)",
    )
    parser.add_argument("--keep-trace", default="", help="copy the app's trace (JSON lines) to this file")
    args = parser.parse_args()
    reason = web.missing_browser_reason()
    if reason:
        print(f"cannot measure: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="phi-bench-pages-") as tmp:
        db_path = Path(tmp) / "phi.duckdb"
        if args.scale == "study":
            add_study_data(db_path)  # first, so that the pages open on it (datasets are listed oldest first)
        web.init_db(db_path)
        print(
            f"database with the built-in corpus and {len(RUN_PLAN)} rules runs "
            f"(runs took {web.add_rules_runs(db_path, RUN_PLAN):.1f} s)"
        )
        trace_path = Path(tmp) / "app-trace.jsonl"
        server = web.start_app(db_path, Path(tmp) / "streamlit.log", extra_env={trace.ENV: str(trace_path)})
        log: list[page_trace.Measurement] = []
        try:
            with sync_playwright() as driver:
                browser = web.launch_browser(driver)
                time_new_tab(browser, server, "")  # the first request fixes Streamlit's page mode; not measured
                timings = measure(browser, server, args.repeats, tuple(filter(None, args.pages.split(","))), log)
                browser.close()
        finally:
            web.stop_app(server)
        errors = server.uncaught_errors()
        print_table(timings, args.repeats)
        page_trace.report(log, trace_path)
        if args.keep_trace:
            Path(args.keep_trace).write_bytes(trace_path.read_bytes())
            Path(args.keep_trace).with_suffix(".measurements.json").write_text(
                json.dumps([vars(m) for m in log]), encoding="utf-8"
            )

    if errors:
        print(f"\nthe server logged {len(errors)} uncaught error(s); the first:\n{errors[0][:1500]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
