"""Pages drawn in Japanese leave no English behind (AppTest: no browser needed).

The same allowlist as the browser test (tests/ui/untranslated.py). Each page
is drawn on a database with runs (tables, charts, advice) and on one without
(the empty-state advice), in Japanese; the English control shows that the
check does find English.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.first_start import initialise
from phi_core.store import Store
from phi_core.ui.i18n import LANGUAGE_KEY
from phi_core.ui.state import get_store
from tests.figures.analysis_data import DATASET, populate
from tests.ui.apptest_support import APP, use_app_database
from tests.ui.untranslated import store_words, untranslated

# Every page of app.py.
PAGES = (
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

TEXT_KINDS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "success",
    "error",
    "exception",
    "text",
)
LABELLED_KINDS = (
    "selectbox",
    "multiselect",
    "radio",
    "segmented_control",
    "text_input",
    "text_area",
    "number_input",
    "checkbox",
    "toggle",
    "button",
    "download_button",
    "expander",
    "tab",
    "metric",
    "slider",
    "select_slider",
)


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory):
    return populate(tmp_path_factory.mktemp("languages") / "filled.duckdb")


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("languages") / "seeded.duckdb"
    with Store(path) as store:
        initialise(store, seed=True)  # the built-in corpus, no runs
    return path


@pytest.fixture(params=["with runs", "without runs"])
def db(request, filled_db, seeded_db, tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    shutil.copy(filled_db if request.param == "with runs" else seeded_db, path)
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def open_page(page: str, language: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state[LANGUAGE_KEY] = language
    at.run()
    at.session_state["phi_dataset"], at.session_state["phi_split"] = DATASET, "dev"
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def _chart_texts(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    texts = [layout.get("title", {}).get("text", "")]
    for axis in ("xaxis", "yaxis"):
        texts.append(layout.get(axis, {}).get("title", {}).get("text", ""))
    texts += [a.get("text", "") for a in layout.get("annotations", [])]
    texts += [t.get("name", "") for t in spec.get("data", []) if t.get("showlegend", True)]
    return texts


def shown_texts(block) -> list[str]:
    """Every string a reader sees in ``block``: text elements, widget labels and options, metrics,
    table headers and chart titles, axes, legends and notes (table cells are data)."""
    texts: list[str] = []
    for kind in TEXT_KINDS:
        texts += [str(e.value) for e in block.get(kind)]
    for kind in LABELLED_KINDS:
        for element in block.get(kind):
            texts.append(str(getattr(element, "label", "") or element.proto.label))
            texts += [str(o) for o in getattr(element, "options", None) or ()]
            if kind == "metric":
                texts += [str(element.value), str(element.delta or "")]
            help_text = getattr(element.proto, "help", "")
            texts.append(help_text)
    for frame in block.get("dataframe"):
        config = json.loads(frame.proto.columns or "{}")
        texts += [c.get("label", "") for c in config.values()]
        # Columns without a configured label show their name as the header, configured or not.
        names = [str(name) for name in getattr(frame.value, "columns", ())]
        texts += [
            name
            for name in dict.fromkeys([*config, *names])
            if not config.get(name, {}).get("label") and not config.get(name, {}).get("hidden")
        ]
    for element in block.get("plotly_chart"):
        texts += _chart_texts(json.loads(element.proto.spec))
    return [t for t in texts if t]


def page_data_words(store: Store) -> frozenset[str]:
    return store_words(store)


def test_every_page_of_the_app_is_checked():
    listed = set(re.findall(r'^\s*\("(pages/[a-z_]+\.py)"', Path(APP).read_text(encoding="utf-8"), flags=re.M))
    assert listed and listed == set(PAGES), "add the new page to PAGES"


@pytest.mark.parametrize("page", PAGES)
def test_page_in_japanese_has_no_english_left(db, page):
    at = open_page(page, "ja")
    found = untranslated(shown_texts(at.main), page_data_words(get_store()))
    assert not found, f"{page} in Japanese still shows English:\n" + "\n".join(found)


@pytest.mark.parametrize("page", PAGES)
def test_the_check_finds_english_in_the_english_page(db, page):
    at = open_page(page, "en")
    assert untranslated(shown_texts(at.main), page_data_words(get_store()))


def test_sidebar_in_japanese_has_no_english_left(db):
    at = open_page(PAGES[0], "ja")
    found = untranslated(shown_texts(at.sidebar), page_data_words(get_store()))
    assert not found, "the sidebar in Japanese still shows English:\n" + "\n".join(found)
