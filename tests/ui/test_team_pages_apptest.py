"""Agreement, adjudication and team pages on a temporary database, in English and Japanese."""

import pytest
from streamlit.testing.v1 import AppTest

from phi_core.models import Report, Span
from phi_core.store import Store
from phi_core.ui.state import get_store
from tests.ui.apptest_support import APP, use_app_database

TEXT = "氏名 山田太郎 電話 03-1234-5678 です"
NAME = Span(start=3, end=7, category="PATIENT_NAME", text="山田太郎")
PHONE = Span(start=11, end=23, category="PHONE", text="03-1234-5678")


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.duckdb"
    with Store(path) as store:
        store.add_reports("ward", [Report(id=f"w{i}", text=TEXT, spans=[NAME]) for i in range(3)])
        store.assign("ward", {"w0": ["ann", "bob"], "w1": ["ann", "bob"], "w2": ["ann"]}, assigned_by="lead")
        for rid in ("w0", "w1"):
            store.save_layer(
                "ward", rid, annotator="ann", spans=[NAME, PHONE], status="approved", expected_version=1, actor="ann"
            )
            store.save_layer(
                "ward",
                rid,
                annotator="bob",
                spans=[NAME] if rid == "w0" else [NAME, PHONE],
                status="approved",
                expected_version=1,
                actor="bob",
            )
    use_app_database(path, monkeypatch)
    yield path
    get_store.clear()


def page(db, name, language="en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["ui_language"] = language
    at.run()
    at.switch_page(f"pages/{name}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at) -> str:
    return "\n".join(t.value for t in at.text)


def test_agreement_page_shows_the_figures(db):
    at = page(db, "agreement")
    assert [m.label for m in at.metric] == [
        "Exact span F1",
        "Overlap span F1",
        "Character kappa",
        "Krippendorff's alpha",
    ]
    # 4 + 3 spans, 3 shared: 2*3/7.
    assert at.metric[0].value == f"{6 / 7:.3f}"
    assert "2 reports annotated by two or more people" in texts(at)


def test_agreement_page_in_japanese(db):
    at = page(db, "agreement", "ja")
    assert at.metric[0].label == "完全一致スパン F1"
    assert "アノテーター間一致" in [h.value for h in at.title]


def test_adjudication_takes_a_side_with_a_button_and_saves_the_gold(db):
    at = page(db, "adjudication")
    assert at.selectbox(key="adj_report").value == "w0"  # the report with a one-sided disagreement first
    assert "marked by one side only" in texts(at)
    next(b for b in at.button if b.label == "Take side 1 (1)").click().run()
    save = next(b for b in at.button if b.label.startswith("Save as gold"))
    assert not save.disabled
    save.click().run()
    assert not at.exception
    gold = get_store().report("ward", "w0")
    assert gold.status == "approved" and gold.spans == [NAME, PHONE]
    assert "adjudicated" in texts(at)


def test_team_page_assigns_in_single_user_mode(db):
    at = page(db, "team", "ja")
    assert "単一ユーザーモード" in texts(at)
    at.text_input(key="team_annotators").input("cho, dan").run()
    at.number_input(key="team_share").set_value(0).run()
    next(b for b in at.button if b.label == "未割り当てのレポートを割り当てる").click().run()
    assert not at.exception
    # Every report already has a layer: nothing new to assign.
    assert "'assigned_reports': 0" in texts(at)


def test_workbench_in_japanese_opens_the_annotators_queue(db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["ui_language"] = "ja"
    at.session_state["phi_annotator"] = "bob"
    at.run()
    at.switch_page("pages/workbench.py")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="wb_layer").value == "bob"
    # bob's queue: the two reports assigned to him, not w2.
    assert [o.split(" ")[0] for o in at.selectbox(key="wb_pick").options] == ["w0", "w1"]
    assert any(b.label.startswith("提出") for b in at.button)


def test_the_language_chosen_in_the_sidebar_is_remembered_for_the_next_session(db):
    first = AppTest.from_file(APP, default_timeout=60)
    first.run()
    assert first.session_state["ui_language_switch"] == "en"
    first.button_group(key="ui_language_switch").set_value("ja").run()
    assert not first.exception
    assert any(t.value.startswith("このマシンでの単一ユーザーモード") for t in first.text)
    assert first.query_params.get("lang") in ("ja", ["ja"])
    second = AppTest.from_file(APP, default_timeout=60)
    second.run()
    assert second.session_state["ui_language_switch"] == "ja"
    assert any(t.value.startswith("このマシンでの単一ユーザーモード") for t in second.text)


def test_team_page_takes_back_an_untouched_assignment(db):
    at = page(db, "team")
    assert at.selectbox(key="team_unassign").options == ["w2 → ann"]
    next(b for b in at.button if b.label == "Remove").click().run()
    assert not at.exception
    assert get_store().queue("ward", "ann") == ["w0", "w1"]


@pytest.mark.parametrize("name", ["agreement", "adjudication", "team", "workbench"])
def test_pages_with_layers_leave_no_english_in_japanese(db, name):
    from tests.ui.test_languages_apptest import shown_texts
    from tests.ui.untranslated import store_words, untranslated

    at = page(db, name, "ja")
    # Annotator names are data, like report ids.
    found = untranslated(shown_texts(at.main), store_words(get_store()) | {"ann", "bob"})
    assert not found, f"{name} in Japanese still shows English:\n" + "\n".join(found)
