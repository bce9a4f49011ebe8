"""Adjudicating with the keyboard in the browser: 1 takes the first annotator's side, s saves the gold."""

from __future__ import annotations

import shutil

import pytest

from phi_core.store import Store
from tests.e2e import helpers

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

REPORT = "syn-dev-001"


@pytest.fixture(scope="module")
def module_server(seeded_db, tmp_path_factory):
    """The built-in corpus with REPORT annotated by ann (every span) and bob (two spans missed)."""
    folder = tmp_path_factory.mktemp("e2e_adjudication")
    db_path = folder / seeded_db.name
    shutil.copyfile(seeded_db, db_path)
    with Store(db_path) as store:
        report = store.report("synthetic", REPORT)
        store.assign("synthetic", {REPORT: ["ann", "bob"]}, assigned_by="lead")
        store.save_layer(
            "synthetic", REPORT, annotator="ann", spans=report.spans, status="approved", expected_version=1, actor="ann"
        )
        store.save_layer(
            "synthetic",
            REPORT,
            annotator="bob",
            spans=report.spans[:-2],
            status="approved",
            expected_version=1,
            actor="bob",
        )
    server = helpers.start_app(db_path, folder / "streamlit.log")
    try:
        yield server
    finally:
        helpers.stop_app(server)


def test_keys_settle_the_disagreements_and_save_the_gold(app_server, page):
    helpers.open_app_page(page, app_server, "adjudication")
    page.get_by_text("食い違い 2 件中 1 件目").wait_for()
    assert page.get_by_text("一方だけが付与").first.is_visible()  # the leak-prone kind comes first
    helpers.wait_until_idle(page)
    page.wait_for_timeout(500)  # the buttons' key bindings are registered after they are drawn
    for expected_next in ("食い違い 2 件中 2 件目", None):
        helpers.blur(page)
        page.keyboard.press("1")
        helpers.wait_until_idle(page)
        if expected_next:
            page.get_by_text(expected_next).wait_for()
    page.get_by_text("すべての食い違いを決定しました。").wait_for()
    page.keyboard.press("s")
    page.get_by_text(f"✓ {REPORT} を裁定しました").wait_for()
    helpers.screenshot(page, "adjudication-saved")
    assert not helpers.page_problems(page)
