import pytest

from phi_core.models import Report, Span
from phi_core.store import Store
from phi_core.ui import editor_session as session
from phi_core.ui.offsets import span_to_utf16

TEXT = "患者名：𠮷田太郎\n電話：03-1234-5678"
NAME = Span(start=4, end=8, category="PATIENT_NAME")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "wb.duckdb") as s:
        s.add_reports(
            "d",
            [
                Report(id="r1", text=TEXT, spans=[NAME]),
                Report(id="r2", text="所見なし", spans=[]),
                Report(id="r3", text="異常なし", spans=[], status="unlabeled"),
            ],
        )
        yield s


def opened(store, report_id="r1"):
    state = {}
    session.open_report(state, store, "d", report_id)
    return state


def browser_add(state, nonce, start, end, category):
    """What the component sends: UTF-16 offsets, a nonce and the report it belongs to."""
    s16, e16 = span_to_utf16(TEXT, start, end)
    return {"action": "add", "start": s16, "end": e16, "category": category, "nonce": nonce, "report_id": "r1"}


def test_browser_add_converts_utf16_and_saves_with_an_audit_entry(store):
    state = opened(store)
    outcome = session.handle_browser_event(state, store, browser_add(state, "n1", 12, 24, "PHONE"), actor="佐藤")
    assert outcome == "saved"
    saved = store.report("d", "r1")
    assert [(s.start, s.end, s.text) for s in saved.spans] == [(4, 8, "𠮷田太郎"), (12, 24, "03-1234-5678")]
    assert saved.meta["version"] == 2 and session.snapshot(state).meta["version"] == 2
    log = store.audit_log("d", "r1")
    assert list(log["actor"]) == ["佐藤"] and list(log["action"]) == ["add span"]


def test_a_replayed_nonce_is_not_applied_twice(store):
    state = opened(store)
    event = browser_add(state, "same", 12, 24, "PHONE")
    assert session.handle_browser_event(state, store, event, actor="a") == "saved"
    assert session.handle_browser_event(state, store, event, actor="a") == "ignored"
    assert store.report("d", "r1").meta["version"] == 2


def test_event_for_a_report_no_longer_open_is_ignored(store):
    state = opened(store, "r2")
    assert session.handle_browser_event(state, store, browser_add(state, "x", 12, 24, "PHONE"), actor="a") == "ignored"
    assert store.report("d", "r1").meta["version"] == 1


def test_no_save_without_an_annotator_name(store):
    state = opened(store)
    assert session.perform(state, store, {"action": "approve"}, actor="  ") == "not saved"
    assert store.report("d", "r1").status == "silver"
    assert "name" in session.take_flashes(state)[-1][1]


def test_table_path_and_approve(store):
    state = opened(store)
    rows = [{"start": 4, "end": 8, "category": "PATIENT_NAME"}, {"start": 12, "end": 24, "category": "PHONE"}]
    assert session.perform(state, store, {"action": "table", "rows": rows}, actor="a") == "saved"
    assert session.perform(state, store, {"action": "approve"}, actor="a") == "saved"
    saved = store.report("d", "r1")
    assert saved.status == "approved" and len(saved.spans) == 2


def test_invalid_table_is_not_saved(store):
    state = opened(store)
    rows = [{"start": 8, "end": 4, "category": "PATIENT_NAME"}]
    assert session.perform(state, store, {"action": "table", "rows": rows}, actor="a") == "refused"
    assert store.report("d", "r1").spans == [Span(start=4, end=8, category="PATIENT_NAME", text="𠮷田太郎")]
    assert "row 1" in session.take_flashes(state)[-1][1]


def test_stale_save_is_refused_shown_and_can_be_reapplied(store):
    mine, theirs = opened(store), opened(store)  # two annotators open version 1
    assert (
        session.perform(
            theirs, store, {"action": "delete", "start": 4, "end": 8, "category": "PATIENT_NAME"}, actor="them"
        )
        == "saved"
    )
    assert (
        session.perform(mine, store, {"action": "add", "start": 12, "end": 24, "category": "PHONE"}, actor="me")
        == "not saved"
    )
    conflict = session.conflict(mine)
    assert conflict is not None and conflict.current_version == 2
    assert conflict.their_changes() == ["removed PATIENT_NAME '𠮷田太郎' at 4-8"]
    assert conflict.my_changes() == ["added PHONE '03-1234-5678' at 12-24"]
    assert store.report("d", "r1").spans == []  # nothing overwritten
    assert session.reapply_conflict(mine, store, "me")
    final = store.report("d", "r1")
    assert [(s.start, s.category) for s in final.spans] == [(12, "PHONE")]
    assert final.meta["version"] == 3 and session.conflict(mine) is None


def test_dropping_a_conflict_reloads_the_newest_labels(store):
    mine, theirs = opened(store), opened(store)
    session.perform(theirs, store, {"action": "approve"}, actor="them")
    session.perform(mine, store, {"action": "in_review"}, actor="me")
    session.discard_conflict(mine, store)
    assert session.conflict(mine) is None and session.snapshot(mine).status == "approved"


def test_undo_restores_the_previous_labels_and_again_redoes(store):
    state = opened(store)
    session.perform(state, store, {"action": "delete", "start": 4, "end": 8, "category": "PATIENT_NAME"}, actor="a")
    assert session.perform(state, store, {"action": "undo"}, actor="a") == "undone"
    assert store.report("d", "r1").spans[0].text == "𠮷田太郎"
    assert session.perform(state, store, {"action": "undo"}, actor="a") == "undone"
    assert store.report("d", "r1").spans == []


def test_undo_refuses_when_someone_saved_in_between(store):
    state, other = opened(store), opened(store)
    session.perform(state, store, {"action": "approve"}, actor="a")
    session.open_report(other, store, "d", "r1")
    session.perform(other, store, {"action": "in_review"}, actor="b")
    assert session.perform(state, store, {"action": "undo"}, actor="a") == "nothing"
    assert store.report("d", "r1").status == "in_review"


def test_next_and_previous_follow_the_filtered_list(store):
    state = opened(store)
    session.perform(state, store, {"action": "next"}, actor="a", ids=["r1", "r3"])
    assert session.snapshot(state).id == "r3" and state[session.CURRENT] == "r3"
    session.perform(state, store, {"action": "previous"}, actor="a", ids=["r1", "r3"])
    assert session.snapshot(state).id == "r1"


def test_accept_all_uses_the_items_of_the_open_report(store):
    state = opened(store)
    items = [{"label": "電話番号", "category": "PHONE", "value": "03-1234-5678"}]
    assert session.perform(state, store, {"action": "accept_all"}, actor="a", items=items) == "saved"
    assert [s.category for s in store.report("d", "r1").spans] == ["PATIENT_NAME", "PHONE"]
