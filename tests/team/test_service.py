"""Team actions through phi_core: queues, blind mode, adjudication and refusals by role on the server side."""

import pytest

from phi_core.models import Report, Span
from phi_core.roles import Actor, NotAllowed, local_actor
from phi_core.store import Store, StoreError
from phi_core.team import service
from phi_core.ui import editor_session as session

TEXT = "氏名 山田太郎 電話 03-1234-5678 です"
NAME = Span(start=3, end=7, category="PATIENT_NAME", text="山田太郎")
PHONE = Span(start=11, end=23, category="PHONE", text="03-1234-5678")

LEAD = Actor("lead@h.example", "Lead", "lead", signed_in=True)
ADJ = Actor("adj@h.example", "Adj", "adjudicator", signed_in=True)
ANN = Actor("ann@h.example", "Ann", "annotator", signed_in=True)
BOB = Actor("bob@h.example", "Bob", "annotator", signed_in=True)
VIEWER = Actor("v@h.example", "Vi", "viewer", signed_in=True)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        s.add_reports(
            "d", [Report(id=f"r{i}", text=TEXT, split="dev", status="silver", spans=[NAME]) for i in range(10)]
        )
        yield s


def test_each_annotator_queue_shows_only_their_reports(store):
    out = service.assign_reports(store, LEAD, "d", [ANN.layer_name, BOB.layer_name], double_share=0.2)
    assert out == {"assigned_reports": 10, "layers": 12, "double": 2}
    ann, bob = service.queue(store, ANN, "d"), service.queue(store, BOB, "d")
    assert len(ann) == 6 and len(bob) == 6 and len(set(ann) & set(bob)) == 2
    assert service.queue(store, VIEWER, "d") is None


@pytest.mark.parametrize("who", [ANN, ADJ, VIEWER])
def test_only_a_lead_may_assign_or_set_roles(store, who):
    with pytest.raises(NotAllowed):
        service.assign_reports(store, who, "d", ["x"], double_share=0)
    with pytest.raises(NotAllowed):
        service.set_member_role(store, who, "x@h", "lead")
    assert store.layers("d") == {} and store.role_of("x@h") is None


def test_annotators_may_not_adjudicate_or_export_the_audit(store):
    with pytest.raises(NotAllowed):
        service.adjudicate(store, ANN, "d", "r0", {}, versions={})
    with pytest.raises(NotAllowed):
        service.audit_csv(store, ANN, "labels", "d")


def test_the_editor_refuses_a_viewer_and_an_annotator_on_the_gold_or_someone_elses_layer(store):
    for actor, layer in [(VIEWER, ""), (ANN, ""), (ANN, BOB.layer_name), (VIEWER, VIEWER.layer_name)]:
        state = {session.LAYER: layer}
        session.open_report(state, store, "d", "r0")
        assert session.perform(state, store, {"action": "approve"}, actor=actor) == "not saved"
        level, message, _ = session.take_flashes(state)[-1]
        assert level == "error" and ("role" in message or "own layer" in message)
    assert store.report("d", "r0").status == "silver" and store.layers("d") == {}


def test_an_annotator_edits_their_own_layer_and_single_user_mode_may_do_everything(store):
    state = {session.LAYER: ANN.layer_name}
    session.open_report(state, store, "d", "r0")
    assert session.perform(state, store, {"action": "in_review"}, actor=ANN) == "saved"
    assert store.report_layer("d", "r0", ANN.layer_name).status == "in_review"
    local = {}
    session.open_report(local, store, "d", "r1")
    assert session.perform(local, store, {"action": "approve"}, actor=local_actor("me")) == "saved"
    assert store.report("d", "r1").status == "approved"


def test_blind_mode_hides_other_layers_until_submitted(store):
    store.assign("d", {"r0": [ANN.layer_name, BOB.layer_name]}, assigned_by="lead")
    service.set_blind(store, LEAD, "d", True)
    assert set(service.visible_layers(store, ANN, "d", "r0")) == {ANN.layer_name}
    assert set(service.visible_layers(store, ADJ, "d", "r0")) == {ANN.layer_name, BOB.layer_name}
    store.save_layer(
        "d", "r0", annotator=ANN.layer_name, spans=[NAME], status="approved", expected_version=1, actor="Ann"
    )
    assert set(service.visible_layers(store, ANN, "d", "r0")) == {ANN.layer_name, BOB.layer_name}
    with pytest.raises(NotAllowed):
        service.set_blind(store, ANN, "d", False)


def test_adjudication_writes_the_gold_and_refuses_changed_layers(store):
    store.assign("d", {"r0": ["ann", "bob"]}, assigned_by="lead")
    store.save_layer(
        "d", "r0", annotator="ann", spans=[NAME, PHONE], status="approved", expected_version=1, actor="ann"
    )
    store.save_layer("d", "r0", annotator="bob", spans=[NAME], status="approved", expected_version=1, actor="bob")
    comparison, versions = service.comparison_for(store, "d", "r0")
    (missing,) = comparison.disagreements
    with pytest.raises(StoreError, match="changed"):
        service.adjudicate(store, ADJ, "d", "r0", {missing.key: "ann"}, versions={"ann": 1, "bob": 2})
    service.adjudicate(store, ADJ, "d", "r0", {missing.key: "ann"}, versions=versions)
    gold = store.report("d", "r0")
    assert gold.status == "approved" and [x.category for x in gold.spans] == ["PATIENT_NAME", "PHONE"]
    assert store.adjudicated_ids("d") == {"r0"}
    assert service.pending_adjudication(store, "d")[0]["adjudicated"] is True


def test_settle_agreed_adjudicates_only_reports_without_disagreement(store):
    store.assign("d", {"r0": ["ann", "bob"], "r1": ["ann", "bob"]}, assigned_by="lead")
    for rid, bob_spans in (("r0", [NAME]), ("r1", [])):
        store.save_layer("d", rid, annotator="ann", spans=[NAME], status="approved", expected_version=1, actor="a")
        store.save_layer("d", rid, annotator="bob", spans=bob_spans, status="approved", expected_version=1, actor="b")
    assert service.settle_agreed(store, ADJ, "d") == 1
    assert store.adjudicated_ids("d") == {"r0"}


def test_audit_csv_names_who_changed_which_label(store):
    store.save_gold("d", "r0", spans=[NAME, PHONE], expected_version=1, actor="Ann")
    data = service.audit_csv(store, LEAD, "labels", "d").decode("utf-8-sig")
    assert data.splitlines()[0].startswith("audit_id,dataset,report_id,layer,actor,changed_at")
    assert ",gold,Ann," in data and "03-1234-5678" in data
    runs = service.audit_csv(store, LEAD, "runs").decode("utf-8-sig")
    assert "model_digest" in runs.splitlines()[0] and "prompt_hash" in runs.splitlines()[0]


def test_a_lead_cannot_take_the_lead_role_from_themselves(store):
    with pytest.raises(NotAllowed, match="another lead"):
        service.set_member_role(store, LEAD, LEAD.user_id, "viewer")
    service.set_member_role(store, LEAD, "ann@h.example", "annotator")
    assert store.role_of("ann@h.example") == "annotator"


def test_only_a_lead_may_take_back_an_untouched_assignment(store):
    store.assign("d", {"r0": ["ann"]}, assigned_by="lead")
    with pytest.raises(NotAllowed):
        service.unassign(store, ANN, "d", "r0", "ann")
    service.unassign(store, LEAD, "d", "r0", "ann")
    assert store.queue("d", "ann") == []
