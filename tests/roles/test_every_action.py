"""Every action that changes data, starts work or exports PHI, walked as every role.

The calls are the library functions the pages and the CLI call, not the
pages: a page that forgets to hide a button must still be refused here.
A new entry in ``phi_core.roles.ACTIONS`` without a walk below fails
``test_every_registered_action_is_walked``.
"""

from __future__ import annotations

import pytest

from phi_core.corpus import service as corpus
from phi_core.deid import Document, deidentify, keep_documents, pipeline_detector
from phi_core.scoring.stored_runs import score_run
from phi_core.models import Report, Span
from phi_core.pipelines import make_pipeline
from phi_core.pipelines import service as pipelines
from phi_core.pipelines.materialise import score_pipeline
from phi_core.roles import ACTIONS, Actor, NotAllowed, can
from phi_core.runs import Job
from phi_core.runs.manager import JobManager, JobRejected
from phi_core.store import Store, TaskResult
from phi_core.store.members import ROLES
from phi_core.team import service as team
from phi_core.ui import editor_session as session
from phi_core.ui import phase_editor as pe
from phi_core.ui.transfer import commit_import, export_bytes, preview_import

TEXT = "氏名 山田太郎 電話 03-1234-5678"


def signed_in(role: str) -> Actor:
    return Actor(f"{role}@ward.example", role.title(), role, signed_in=True)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "roles.duckdb") as s:
        name = TEXT.index("山田太郎")
        s.add_reports(
            "d",
            [
                Report(id="r1", text=TEXT, spans=[Span(start=name, end=name + 4, category="PATIENT_NAME")]),
                Report(id="r2", text="所見なし", spans=[], status="approved"),
            ],
        )
        run = s.create_run(
            job_key="rules",
            dataset="d",
            split=None,
            backend="rules",
            model="rules",
            phase="-",
            phase_key=None,
            hosts=[],
            model_digest="",
            model_meta={},
            options={},
            provenance={},
            repeats=1,
            tasks_total=2,
        )
        s.save_task_results(
            run.run_id,
            [TaskResult(rid, 0, "done", "", [], [], [], 0.01, None, None, None, 0, None) for rid in ("r1", "r2")],
        )
        s.update_run(run.run_id, status="done")
        score_run(s, run.run_id)
        s.save_pipeline("old", make_pipeline("old", ["rules"]).to_dict())
        s.assign("d", {"r1": [signed_in(role).layer_name for role in ROLES]}, assigned_by="setup")
        yield s


# ------------------------------------------------------------------ the walks
# Each walk performs one action as ``actor``; it raises NotAllowed when refused.


def _editor(store, actor, layer: str) -> None:
    state = {session.LAYER: layer} if layer else {}
    session.open_report(state, store, "d", "r1")
    start = TEXT.index("03")
    outcome = session.perform(
        state, store, {"action": "add", "start": start, "end": start + 12, "category": "PHONE"}, actor=actor
    )
    if outcome != "saved":
        raise NotAllowed(" / ".join(f.message for f in session.take_flashes(state)))


def annotate_own_layer(store, actor, tmp_path):
    _editor(store, actor, actor.layer_name)


def edit_gold(store, actor, tmp_path):
    _editor(store, actor, "")


def adjudicate(store, actor, tmp_path):
    team.settle_agreed(store, actor, "d")


def export_audit(store, actor, tmp_path):
    team.audit_csv(store, actor, "labels", "d")


def assign(store, actor, tmp_path):
    team.assign_reports(store, actor, "d", ["someone@ward.example"], double_share=0.0)


def unassign(store, actor, tmp_path):
    team.unassign(store, actor, "d", "r1", "nobody@ward.example")


def set_blind(store, actor, tmp_path):
    team.set_blind(store, actor, "d", True)


def manage_roles(store, actor, tmp_path):
    team.set_member_role(store, actor, "new@ward.example", "annotator")


def start_run(store, actor, tmp_path):
    manager = JobManager(store, scorer=None)
    try:
        (started,) = manager.submit_all([Job(dataset="d", backend="rules", split="dev")], actor=actor)
        manager.wait(started.job_id, timeout_s=30)
    finally:
        manager.shutdown()


def cancel_run(store, actor, tmp_path):
    JobManager(store, scorer=None).cancel("no-such-job", actor=actor)


def resume_run(store, actor, tmp_path):
    try:
        JobManager(store, scorer=None).resume("no-such-job", actor=actor)
    except JobRejected:  # past the role check: there is nothing to resume
        pass


def edit_phase(store, actor, tmp_path):
    registry, _, _ = pe.phase_registry(store)
    phase = registry.get(3)
    texts = pe.current_texts(phase)
    texts["prompts.system"] += "\n日付を見落とさないこと。"
    pe.save_version(store, pe.make_version(phase, pe.changes_from_edits(phase, texts, None), registry), actor=actor)


def import_upload(store, actor, tmp_path):
    line = '{"id": "new1", "text": "所見なし", "spans": []}\n'.encode()
    commit_import(store, preview_import(line, "new.jsonl", "jsonl", "uploaded", None), actor=actor)


def import_cli(store, actor, tmp_path):
    corpus.import_reports(store, actor, "cli-import", [Report(id="c1", text="所見なし")], source="test")


def import_layer(store, actor, tmp_path):
    corpus.import_layer(store, actor, "d", [Report(id="r1", text=TEXT)], annotator="file@ward.example")


def delete_dataset(store, actor, tmp_path):
    corpus.delete_dataset(store, actor, "d")


def add_pipeline(store, actor, tmp_path):
    pipelines.add_pipeline(store, actor, "new", ["rules"])


def delete_pipeline(store, actor, tmp_path):
    pipelines.delete_pipeline(store, actor, "old")


def score(store, actor, tmp_path):
    score_pipeline(store, make_pipeline("old", ["rules"]), "d", actor=actor)


def keep_pasted_documents(store, actor, tmp_path):
    result = deidentify([Document("pasted", TEXT)], pipeline_detector(make_pipeline("rules", ["rules"])), "tags")
    keep_documents(store, "kept", result, actor=actor)


def export_gold_file(store, actor, tmp_path):
    corpus.export_gold(store, actor, "d", tmp_path / "gold.jsonl", "jsonl")


def export_gold_download(store, actor, tmp_path):
    export_bytes(store.reports("d"), "paper-csv", actor=actor)


def export_predictions(store, actor, tmp_path):
    corpus.export_predictions(store, actor, "d", tmp_path / "pred.jsonl", "jsonl", backend="rules")


def sample_archive(store, actor, tmp_path):
    from phi_core.release.service import sample_archive as draw

    archive = tmp_path / "archive.txt.in"
    archive.write_text('{"id": "a1", "text": "所見なし"}\n{"id": "a2", "text": "氏名 山田太郎"}\n', encoding="utf-8")
    draw(store, actor, archive, n=2, dataset="sampled", fmt="jsonl")


def release_report(store, actor, tmp_path):
    from phi_core.release.report import build_report

    build_report(store, actor, "d", "rules")


WALKS = {
    "annotate": [annotate_own_layer],
    "edit_gold": [edit_gold],
    "adjudicate": [adjudicate],
    "export_audit": [export_audit],
    "assign": [assign, unassign],
    "set_blind": [set_blind],
    "manage_roles": [manage_roles],
    "run": [start_run, cancel_run, resume_run],
    "edit_phase": [edit_phase],
    "import": [import_upload, import_cli, import_layer],
    "delete_dataset": [delete_dataset],
    "manage_pipelines": [add_pipeline, delete_pipeline],
    "score": [score],
    "keep_documents": [keep_pasted_documents],
    "export_phi": [export_gold_file, export_gold_download, export_predictions],
    "sample": [sample_archive],
    "release_report": [release_report],
}
READ_ONLY = {"view"}
CASES = [(action, walk) for action, walks in WALKS.items() for walk in walks]


def fingerprint(store) -> dict[str, int]:
    tables = store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
    ).fetchall()
    return {t: store.con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tables}


def test_every_registered_action_is_walked():
    assert set(WALKS) | READ_ONLY == set(ACTIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "walk"), CASES, ids=[f"{a}-{w.__name__}" for a, w in CASES])
def test_action_as_role(store, tmp_path, action, walk, role):
    actor = signed_in(role)
    if can(actor, action):
        walk(store, actor, tmp_path)  # accepted: no NotAllowed
        return
    before = fingerprint(store)
    with pytest.raises(NotAllowed) as refused:
        walk(store, actor, tmp_path)
    assert ACTIONS[action] in str(refused.value) or "layer" in str(refused.value)
    assert fingerprint(store) == before, "a refused action changed the store"
    assert not list(tmp_path.glob("*.jsonl")), "a refused export wrote a file"


def test_the_de_identify_page_actions_are_refused_to_a_viewer(store, tmp_path):
    """The issue's probe: a viewer saved a pipeline, scored it and kept pasted PHI as a dataset."""
    viewer = signed_in("viewer")
    for walk in (add_pipeline, score, keep_pasted_documents):
        with pytest.raises(NotAllowed):
            walk(store, viewer, tmp_path)
    assert [n for n, _ in store.pipeline_definitions()] == ["old"]
    assert not store.has_dataset("kept")
    assert not any(r.backend == "pipeline" for r in store.runs())


def test_a_pipeline_with_model_parts_needs_the_run_right(store):
    """De-identifying with a model part starts calls to the model hosts: only who may run may do it."""
    with_model = make_pipeline("with-model", ["rules", "ollama:m:7b:3"])
    for role in ROLES:
        actor = signed_in(role)
        if can(actor, "run"):
            continue
        with pytest.raises(NotAllowed):
            pipeline_detector(with_model, store, actor=actor)
    # Local pipelines call no host: every role may de-identify a pasted report with them.
    pipeline_detector(make_pipeline("rules", ["rules"]), store, actor=signed_in("viewer"))
