"""Text from files, models and users is shown as text: no Markdown image, HTML or code breaks out.

A report, its labels, the dataset's name and a model's reply all carry
Markdown image links, HTML and backticks pointing at example.invalid. Every
page that can show them is opened (with the overlay, expanders and tabs
that show them); the test fails on any request that leaves the app's own
origin and on any <img> the payload managed to create.
"""

from __future__ import annotations

import json

import pytest

from phi_core.scoring.stored_runs import score_run
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import PredictedItem, Report
from phi_core.runs import Job, Runner
from phi_core.first_start import initialise
from phi_core.store import Store
from tests.e2e import helpers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]


def image(name: str) -> str:
    return f"![](http://example.invalid/{name}.png)"


DATASET = "ds`` `" + image("dataset")  # a backtick breaks out of inline code
VALUE = image("value")
TEXT = (
    f'患者 田中太郎 {VALUE} 検査。<img src="http://example.invalid/html.png"> `code` 終わり。'
    f" [link](http://example.invalid/link) :red[red] $x^2$"
)
MODEL = "m" + image("model")
LABEL = image("label")
REPLY = json.dumps({"items": [{"label": LABEL, "value": VALUE}]}) + "\n" + image("reply") + "<img src=x>"


class HostileExtractor:
    backend, host, model, phase = "ollama", "fake", MODEL, "3"

    def provenance(self) -> dict:
        return {"fake": True}

    def identity(self) -> dict:
        return {"hostile": True}

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        items = [
            PredictedItem(category=LABEL, value=VALUE),
            PredictedItem(category="NAME", value="田中太郎"),
            PredictedItem(category="NAME", value="`x` " + image("absent")),
        ]
        return ExtractionOutcome(
            items=items, raw=REPLY, seconds=1.0, input_tokens=100, violations=["unknown_label " + image("violation")]
        )


def hostile_corpus(path) -> None:
    start = TEXT.index("田中太郎")
    lines = [
        {
            "id": "r1" + image("id"),
            "text": TEXT,
            "split": "dev",
            "status": "in_review",
            "spans": [
                {"start": start, "end": start + 4, "category": "NAME", "text": "田中太郎"},
                {"start": 0, "end": 2, "category": LABEL, "text": "患者"},
                {"start": start, "end": start + 4, "category": "NAME", "text": "`wrong` " + image("span")},
            ],
        },
        {"id": "r2", "text": TEXT, "split": "dev", "status": "approved", "spans": []},
    ]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def module_server(tmp_path_factory):
    from phi_core.corpus.importers import read_corpus

    folder = tmp_path_factory.mktemp("e2e_untrusted")
    corpus = folder / "hostile.jsonl"
    hostile_corpus(corpus)
    db_path = folder / "phi.duckdb"
    with Store(db_path) as store:
        initialise(store, seed=False)
        store.add_reports(DATASET, read_corpus(corpus, "jsonl", dataset=DATASET).reports, source=str(corpus))
        Runner(
            store,
            Job(dataset=DATASET, backend="ollama", model=MODEL, phase="3"),
            [HostileExtractor()],
            scorer=score_run,
        ).run()
    server = helpers.start_app(db_path, folder / "streamlit.log")
    try:
        yield server
    finally:
        helpers.stop_app(server)


@pytest.fixture
def page(english_page):
    """The assertions below read the English interface."""
    return english_page


def _watch(page) -> list[str]:
    leaving: list[str] = []
    page.on("request", lambda r: None if helpers.is_loopback_url(r.url) else leaving.append(r.url))
    return leaving


def _check(page, leaving: list[str], where: str) -> None:
    helpers.wait_until_idle(page)
    page.wait_for_timeout(300)
    helpers.screenshot(page, f"untrusted-{where}")
    assert not leaving, f"{where}: requests left the machine: {leaving}"
    assert page.locator("img[src*='example.invalid']").count() == 0, f"{where}: the payload became an image"
    links = page.locator("a[href*='example.invalid']:not([href^='#'])")
    assert links.count() == 0, f"{where}: the payload became a link: {links.first.evaluate('e => e.outerHTML')}"
    assert not helpers.page_problems(page), helpers.page_problems(page)


def _open_expanders(page) -> None:
    """Open every visible closed expander (those in other tabs stay as they are)."""
    closed = page.locator('[data-testid="stMain"] [data-testid="stExpander"] details:not([open]) > summary:visible')
    for _ in range(20):
        if closed.count() == 0:
            return
        closed.first.click()
        helpers.wait_until_idle(page)


def test_every_page_shows_hostile_text_as_text(app_server, page):
    leaving = _watch(page)
    for app_page in helpers.app_pages():
        helpers.open_app_page(page, app_server, app_page.url_path)
        _check(page, leaving, app_page.slug)
    # The dataset name is on screen as the characters it is made of.
    helpers.open_app_page(page, app_server, "")
    shown = page.locator('[data-testid="stMain"]').inner_text().replace("\u2060", "")
    assert "Label progress of " + DATASET in shown


def test_workbench_overlay_warnings_and_review_queue(app_server, page):
    leaving = _watch(page)
    helpers.open_app_page(page, app_server, "workbench")
    # The filters (the run overlay among them) sit in a popover next to the report picker.
    page.get_by_role("button", name="Filters").click()
    run = page.get_by_role("combobox", name="Overlay predictions of run")
    run.click()
    page.get_by_role("option").filter(has_text="ollama").first.click()
    helpers.wait_until_idle(page)
    page.get_by_role("button", name="Filters").click()
    helpers.wait_until_idle(page)
    _open_expanders(page)
    _check(page, leaving, "workbench-overlay")
    main = page.locator('[data-testid="stMain"]')
    assert LABEL in main.inner_text().replace("\u2060", ""), "the predicted label is shown as text"
    helpers.section_button(page, "Review queue").click()
    _check(page, leaving, "workbench-review")


def test_runs_history_shows_the_reply_as_text(app_server, page):
    leaving = _watch(page)
    helpers.open_app_page(page, app_server, "runs")
    helpers.section_button(page, "History").click()
    helpers.wait_until_idle(page)
    _open_expanders(page)
    _check(page, leaving, "runs-history")
    assert image("violation") in page.locator('[data-testid="stMain"]').inner_text().replace("\u2060", "")
