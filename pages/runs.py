"""Runs: start model runs per phase in the background, watch, cancel, resume; history; phase editor.

A thin view. Jobs live in the app's JobManager (phi_core.runs.manager), so the
page can be left and reopened without losing them; the decisions (form
checks, estimates, tables, new phase versions) are in phi_core.ui.runs and
phi_core.ui.phase_editor.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.backends import ModelInfo
from phi_core.phases import PhaseError, dump_toml
from phi_core.roles import NotAllowed, require
from phi_core.runs.extractors import backend_names
from phi_core.runs.manager import JobRejected
from phi_core.ui import phase_editor as pe
from phi_core.ui import plain
from phi_core.ui import runs as logic
from phi_core.ui.auth import page_actor
from phi_core.ui.hosts import hosts_for
from phi_core.ui.i18n import tr
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import active_dataset, get_host_monitor, get_store

require_app_shell()

# While a job runs the panel redraws this often; otherwise it stays still.
POLL_S = 1.5
FLASH = "rn_flash"
ACTIVE_SEEN = "rn_active_seen"
FLASH_RENDERERS = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}

store = get_store()
manager = get_job_manager()
state = st.session_state


def flash(level: str, message: str) -> None:
    state.setdefault(FLASH, []).append((level, message))


def show_flashes() -> None:
    for level, message in state.pop(FLASH, []):
        FLASH_RENDERERS.get(level, st.info)(plain.escape(message))


@st.cache_data(ttl=300, show_spinner="Asking the backend which models it has…")
def described_models(backend: str, hosts: tuple[str, ...]) -> list[dict]:
    from phi_core.runs.extractors import describe_models

    return describe_models(backend, hosts)


def described_rows(backend: str, hosts: tuple[str, ...]) -> tuple[list[dict], bool]:
    """What each host offers (describe_models rows) and whether some host has not answered yet."""
    if backend in logic.HOSTED_BACKENDS:
        # The sidebar's monitor checks hosts in the background, so a dead host never blocks the page.
        statuses = get_host_monitor().statuses(list(hosts), backend)
        rows = [{"host": h, "reachable": s.reachable, "error": s.error, "models": [m.as_dict() for m in s.models]}
                for h, s in statuses.items() if s is not None]
        return rows, any(s is None for s in statuses.values())
    return described_models(backend, hosts), False


def model_infos(rows: list[dict]) -> dict[str, ModelInfo]:
    """Facts about each offered model (size decides the phase-2 variant)."""
    return {m["name"]: ModelInfo(**m) for row in rows for m in row.get("models") or []}


def phase_choices() -> tuple[dict[str, logic.PhaseChoice], dict]:
    registry, sources, problems = pe.phase_registry(store)
    for problem in problems:
        plain.show(problem, "warning")
    choices = {p.key: logic.PhaseChoice(p.key, p.number, p.version, p.name, p.split, sources.get(p.key, "shipped"))
               for p in registry.all()}
    return choices, {p.key: p for p in registry.all()}


# ------------------------------------------------------------------ actions

def _refused(action: str) -> bool:
    """Runs and phase edits are for leads (always allowed in single-user mode); checked in phi_core.roles."""
    try:
        require(page_actor(), action)
    except NotAllowed as refused:
        flash("error", str(refused))
        return True
    return False


def start_jobs(jobs: list) -> None:
    if _refused("run"):
        return
    try:
        started = manager.submit_all(jobs)
    except JobRejected as error:
        flash("error", str(error))
        return
    flash("success", f"queued {len(started)} job(s): " + "; ".join(s.description for s in started))


def cancel_job(job_id: str) -> None:
    if _refused("run"):
        return
    if manager.cancel(job_id):
        flash("info", f"job {job_id} is stopping after the reports in flight")


def resume(key: str) -> None:
    if _refused("run"):
        return
    try:
        snapshot = manager.resume(key)
    except JobRejected as error:
        flash("error", str(error))
        return
    flash("success", f"resumed: {snapshot.description}; reports already done are skipped")


# -------------------------------------------------------------- live jobs

def jobs_panel() -> None:
    polling = manager.busy()
    st.fragment(run_every=POLL_S if polling else None)(draw_jobs)(polling)


def draw_jobs(polling: bool) -> None:
    show_flashes()  # messages of the Cancel / Resume buttons, which rerun only this panel
    jobs = manager.jobs()
    active = {j.job_id for j in jobs if j.active}
    ended = state.get(ACTIVE_SEEN, set()) - active
    state[ACTIVE_SEEN] = active
    if ended or (active and not polling):
        # A job ended (refresh history and estimates), or one started from this panel
        # while it was not polling: redraw the whole page so the panel polls again.
        st.rerun(scope="app")
    interrupted = manager.interrupted()
    if not jobs and not interrupted:
        st.caption("No jobs started in this app session. Start one below; it keeps running when you leave the page.")
        return
    for snapshot in jobs:
        with st.container(border=True):
            head, buttons = st.columns([5, 1])
            head.markdown(plain.fmt("**{}** · {}", snapshot.description, snapshot.status)
                          + (plain.fmt(" · run {}", snapshot.run_id) if snapshot.run_id else ""))
            head.progress(snapshot.fraction, text=logic.progress_line(snapshot))
            problem = snapshot.error or snapshot.last_error
            if problem:
                head.caption(":material/error: " + plain.fmt("last error: {}", problem))
            if snapshot.active:
                buttons.button("Cancel", key=f"rn_cancel_{snapshot.job_id}", on_click=cancel_job,
                               args=(snapshot.job_id,), disabled=snapshot.status == "cancelling", width="stretch")
            elif snapshot.status in ("cancelled", "failed", "error"):
                buttons.button("Resume", key=f"rn_resume_{snapshot.job_id}", on_click=resume,
                               args=(snapshot.job_id,), width="stretch",
                               help="start the same job again; finished reports are skipped")
    if interrupted:
        st.markdown("**Interrupted** — queued or running when the app stopped; no one is working on them now.")
        for work in interrupted:
            cols = st.columns([5, 1])
            since = f" since {work.since:%Y-%m-%d %H:%M}" if work.since else ""
            progress = f"{work.done}/{work.total} reports done" if work.total else "not started"
            cols[0].markdown(plain.fmt("{} · {}{}", work.description, progress, since)
                             + (plain.fmt(" · run {}", work.run_id) if work.run_id else ""))
            cols[1].button("Resume", key=f"rn_resume_int_{work.key}", on_click=resume, args=(work.key,),
                           width="stretch", type="primary")


# ------------------------------------------------------------------ start

def preselect_split() -> None:
    """A new backend starts from its natural split: each phase's own for LLMs, dev for rules."""
    state["rn_split"] = logic.default_split_choice(state.get("rn_backend", "rules"))


def start_tab(phases: dict[str, logic.PhaseChoice], definitions: dict) -> None:
    datasets = store.dataset_names()
    if not datasets:
        st.info("There is no dataset yet: import one on the Workbench page.")
        return
    top = st.columns([2, 3, 2])
    backends = backend_names()
    backend = top[0].selectbox("Backend", backends, key="rn_backend", on_change=preselect_split,
                               index=backends.index("rules") if "rules" in backends else 0)
    if state.get("rn_dataset") not in datasets:
        state["rn_dataset"] = active_dataset() if active_dataset() in datasets else datasets[0]
    dataset = top[1].selectbox("Dataset", datasets, key="rn_dataset")
    choices = logic.split_choices(backend)
    if state.get("rn_split") not in choices:
        state["rn_split"] = logic.default_split_choice(backend)
    split_choice = top[2].selectbox("Split", choices, key="rn_split",
                                    help="'from phase' runs each phase on the split its definition names "
                                         "(dev for phases 1-4, test for phase 5)")

    hosts: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    chosen_phases: tuple[str, ...] = ()
    models_by_host: dict[str, list[str] | None] = {}
    infos: dict[str, ModelInfo] = {}
    if logic.needs_models(backend):
        if backend in logic.HOSTED_BACKENDS:
            known = hosts_for(backend)
            hosts = tuple(st.multiselect("Hosts", known, default=known[:1], key="rn_hosts",
                                         help="several hosts share the reports of a job"))
        rows, pending = described_rows(backend, hosts)
        models_by_host, down = logic.models_on_hosts(rows)
        infos = model_infos(rows)
        for host, error in down.items():
            st.warning(plain.fmt("{} is not answering: {}", host or backend, error))
        if pending:
            st.caption(":material/hourglass_empty: asking the hosts for their models…")
        offered = logic.model_union(models_by_host, list(models_by_host) if not hosts else list(hosts))
        models = tuple(st.multiselect("Models", offered, key="rn_models",
                                      placeholder="no model available" if not offered else "choose models"))
        chosen_phases = tuple(st.multiselect("Phases", list(phases), key="rn_phases",
                                             format_func=lambda k: phases[k].label(),
                                             placeholder="choose one or more phases"))
    numbers = st.columns(4)
    repeats = int(numbers[0].number_input("Repeats", 1, logic.MAX_REPEATS, 1, key="rn_repeats",
                                          help="runs per report, for the stability score"))
    concurrency = int(numbers[1].number_input("Concurrency", 1, logic.MAX_CONCURRENCY, 1, key="rn_concurrency",
                                              help="calls at once per host"))
    limit = int(numbers[2].number_input("Only the first N reports (0 = all)", 0, None, 0, key="rn_limit"))
    timeout = float(numbers[3].number_input(
        tr("Call timeout (s, 0 = default)", "呼び出しの制限時間（秒、0 = 既定）"), 0, logic.MAX_TIMEOUT_S, 0,
        key="rn_timeout", disabled=not logic.needs_models(backend),
        help=tr("a host whose call takes longer is taken out of this run; other hosts take its reports",
                "これより長くかかったホストはこの実行から外れ、残りのレポートは他のホストが処理します")))

    form = logic.RunForm(backend=backend, dataset=dataset, split_choice=split_choice, hosts=hosts, models=models,
                         phases=chosen_phases, repeats=repeats, concurrency=concurrency, limit=limit or None,
                         timeout_s=timeout or None)
    counts = store.split_counts(dataset)
    check = logic.check_form(form, phases, models_by_host, split_counts=counts)
    for warning in check.warnings:
        plain.show(warning, "warning")
    for error in check.errors:
        plain.show(error, "error")

    if chosen_phases:
        preview_phases(chosen_phases, models, definitions, backend, infos)
    jobs = logic.plan_jobs(form, phases) if check.ok else []
    if jobs:
        plan_table(jobs, phases, counts, len(hosts) or 1)
    st.button("Start" if len(jobs) <= 1 else f"Start {len(jobs)} jobs", type="primary", key="rn_start",
              disabled=not jobs, on_click=start_jobs, args=(jobs,))


def preview_phases(keys: tuple[str, ...], models: tuple[str, ...], definitions: dict, backend: str,
                   infos: dict[str, ModelInfo]) -> None:
    st.markdown("**What will be sent**")
    model = st.selectbox("Preview for model", models, key="rn_preview_model") if len(models) > 1 else \
        (models[0] if models else "")
    for key in keys:
        phase = definitions[key]
        view = logic.phase_preview(phase, model or backend, infos.get(model))
        with st.expander(plain.fmt("{} · variant {} for {}", phase.label(), view["variant"], model or "any model")):
            plain.show(phase.description.strip(), "caption")
            st.markdown(plain.fmt("Variant **{}** — {}. Split **{}**. Structured output: {}. Labels: {}",
                                  view["variant"], view["variant_reason"], view["split"],
                                  "yes" if view["structured_output"] else "no", ", ".join(view["labels"])))
            st.markdown("System prompt")
            st.code(view["system"] or "(none)", language=None, wrap_lines=True)
            st.markdown("User prompt")
            st.code(view["user"], language=None, wrap_lines=True)
            if view["additions"]:
                st.markdown(plain.fmt("Model-specific additions (matched {})", ", ".join(view["addition_patterns"])))
                st.code("\n".join(view["additions"]), language=None, wrap_lines=True)
            if view["examples"]:
                st.markdown(plain.fmt("Worked examples: {}", ", ".join(view["examples"])))
            if view["refine"]:
                refine = view["refine"]
                st.markdown(plain.fmt("Review step: {}, {} round(s)", refine["style"], refine["rounds"]))
                st.code(refine["user"], language=None, wrap_lines=True)
            st.markdown("Options")
            st.json(view["options"], expanded=False)


def plan_table(jobs: list, phases: dict[str, logic.PhaseChoice], counts: dict[str, int], n_hosts: int) -> None:
    history = store.timing_history()
    rows = []
    for job in jobs:
        reports = counts.get(job.split, 0) if job.split else sum(counts.values())
        if job.limit:
            reports = min(reports, job.limit)
        number = str(phases[job.phase].number) if job.phase in phases else job.phase
        estimate = logic.estimate_duration(history, backend=job.backend, model=job.model, phase=number,
                                           tasks=reports * job.repeats, parallel_hosts=n_hosts)
        rows.append({"job": job.describe(), "reports": reports, "repeats": job.repeats,
                     "estimated time": estimate.text()})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


# ----------------------------------------------------------------- history

def history_tab() -> None:
    only_this = st.toggle("Only runs of the selected dataset", key="rn_hist_only")
    runs = store.runs(state.get("rn_dataset") if only_this else None)
    if not runs:
        st.info("No runs yet.")
        return
    live = {j.run_id for j in manager.jobs() if j.active and j.run_id}
    checks = store.run_validity([r.run_id for r in runs])
    rows = logic.history_rows(runs, store.run_task_counts(), store.run_score_means(), live, checks)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", column_config={
        "invalid_calls": st.column_config.NumberColumn(
            tr("⚠ invalid calls", "⚠ 無効な呼び出し"),
            help=tr("calls that cannot be trusted as a measure of the model: prompt or answer cut off, schema "
                    "ignored, reasoning text, model changed (counted per kind in the next columns)",
                    "モデルの評価として信頼できない呼び出し：プロンプト・回答の切り詰め、スキーマ無視、"
                    "推論テキスト、モデルの変更（種類ごとの数は右の列）")),
        "unparseable_replies": st.column_config.NumberColumn(
            tr("unreadable replies", "読めない応答"),
            help=tr("replies with no usable JSON", "使える JSON のない応答")),
    })
    labels = {r["run"]: f"{r['run']} · {r['backend']}/{r['model']} phase {r['phase']} · {r['status']}" for r in rows}
    run_id = st.selectbox("Look inside a run", list(labels), format_func=labels.get, key="rn_drill_run")
    run = store.run(run_id)
    with st.expander("Provenance", expanded=False):
        st.dataframe(pd.DataFrame(logic.provenance_rows(run)), hide_index=True, width="stretch")
    results = store.task_results(run_id)
    items = store.predicted_items(run_id)
    scores = store.report_scores([run_id])
    report_table = logic.report_rows(results, items, scores)
    if not report_table:
        st.caption("This run has no finished reports yet.")
        return
    st.dataframe(pd.DataFrame(report_table), hide_index=True, width="stretch")
    report_ids = list(dict.fromkeys(r["report"] for r in report_table))
    report_id = st.selectbox("Report", report_ids, key=f"rn_drill_report_{run_id}")
    report_view(logic.report_detail(report_id, results, items, scores))


def report_view(detail: dict) -> None:
    if detail["score"]:
        st.dataframe(pd.DataFrame([detail["score"]]), hide_index=True, width="stretch")
    for repeat in detail["repeats"]:
        with st.container(border=True):
            st.markdown(plain.fmt("Repeat {} · {} · {} s", repeat["repeat"], repeat["status"], repeat["seconds"]))
            if repeat["error"]:
                plain.show(repeat["error"], "error")
            if repeat["violations"]:
                st.markdown("Violations: " + plain.escape("; ".join(str(v) for v in repeat["violations"])))
            if repeat["items"]:
                st.dataframe(pd.DataFrame(repeat["items"]), hide_index=True, width="stretch")
            else:
                st.caption("no items")
            st.markdown("Raw reply")
            st.code(repeat["raw"] or "(empty)", language=None, wrap_lines=True)
            for call in repeat["calls"][:-1] if len(repeat["calls"]) > 1 else []:
                st.caption(plain.fmt("earlier call {}", call["step"]) + (" (from cache)" if call["cached"] else ""))
                st.code(call["raw"] or "(empty)", language=None, wrap_lines=True)


# ------------------------------------------------------------ phase editor

def save_edit(phase_key: str) -> None:
    if _refused("edit_phase"):
        return
    registry, _, _ = pe.phase_registry(store)
    phase = registry.by_key(phase_key)
    texts, options = edited_values(phase)
    try:
        new = pe.make_version(phase, pe.changes_from_edits(phase, texts, options), registry)
    except PhaseError as error:
        flash("error", str(error))
        return
    pe.save_version(store, new)
    state["pe_phase"] = new.key
    flash("success", f"saved {new.label()} as {new.key}; choose it in the Phases list to run it "
                     "(the shipped files are unchanged)")


def edited_values(phase) -> tuple[dict[str, str], dict]:
    current = pe.current_texts(phase)
    texts = {path: state.get(f"pe_{phase.key}_{path}", value) for path, value in current.items()}
    options = {f.name: state.get(f"pe_{phase.key}_opt_{f.name}", phase.options.get(f.name))
               for f in pe.option_fields()}
    return texts, options


def editor_tab() -> None:
    registry, sources, _ = pe.phase_registry(store)
    keys = [p.key for p in registry.all()]
    if state.get("pe_phase") not in keys:
        state["pe_phase"] = keys[0]
    key = st.selectbox("Phase version", keys, key="pe_phase",
                       format_func=lambda k: f"{registry.by_key(k).label()} · {sources.get(k, 'shipped')} · {k}")
    phase = registry.by_key(key)
    parent = pe.parent_of(phase, registry)
    if parent is not None:
        with st.expander(plain.fmt("Changes from {}, the version it came from", parent.key)):
            st.code(pe.diff_against(parent, phase), language="diff")
    with st.expander("Full definition (TOML)"):
        st.code(dump_toml(phase), language="toml")
    st.caption("Edit below and save: the result is a new version of this phase, stored in the database. "
               "Placeholders: {report}, {labels}, {examples} in prompts; {report}, {previous_json}, {labels} in "
               "review prompts.")
    current = pe.current_texts(phase)
    for field in pe.template_fields(phase):
        st.text_area(field.label, value=current[field.path], key=f"pe_{key}_{field.path}",
                     height=80 if field.path == "description" else 220)
    st.markdown("Options")
    cols = st.columns(4)
    for index, field in enumerate(pe.option_fields()):
        value = phase.options.get(field.name)
        widget_key = f"pe_{key}_opt_{field.name}"
        column = cols[index % 4]
        if isinstance(value, str):
            column.text_input(field.name, value=value, key=widget_key)
        elif isinstance(value, bool):  # before int: a bool is an int to Python
            column.checkbox(field.name, value=value, key=widget_key)
        elif isinstance(value, int):
            column.number_input(field.name, value=value, step=1, key=widget_key)
        else:
            column.number_input(field.name, value=float(value), step=0.05, format="%.2f", key=widget_key)
    texts, options = edited_values(phase)
    changes = pe.changes_from_edits(phase, texts, options)
    problems = pe.validation_messages(phase, texts, options, registry) if changes else []
    for problem in problems:
        plain.show(problem, "error")
    if changes and not problems:
        preview = pe.make_version(phase, changes, registry)
        with st.expander(plain.fmt("Diff of the new version {} against {}", preview.key, phase.key), expanded=True):
            st.code(pe.diff_against(phase, preview), language="diff")
    st.button("Save as a new version", type="primary", key="pe_save", disabled=not changes or bool(problems),
              on_click=save_edit, args=(key,))


# --------------------------------------------------------------------- page

st.title("Runs")
show_flashes()
jobs_panel()
phase_map, phase_definitions = phase_choices()
start, history, editor = st.tabs(["Start a run", "History", "Phase editor"])
with start:
    start_tab(phase_map, phase_definitions)
with history:
    history_tab()
with editor:
    editor_tab()
