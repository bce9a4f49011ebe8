"""Runs: start model runs per phase in the background, watch, cancel, resume; history; phase editor.

A thin view. Jobs live in the app's JobManager (phi_core.runs.manager), so the
page can be left and reopened without losing them; the decisions (form
checks, estimates, tables, new phase versions) are in phi_core.ui.run_start and
phi_core.ui.phase_editor. The live jobs panel, the history tab and the phase
views are phi_core.ui.jobs_view, run_history_view and phase_editor_view.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from phi_core.backends import ModelInfo
from phi_core.runs.extractor_factory import backend_names
from phi_core.runs.manager import JobRejected
from phi_core.ui.auth import page_actor
from phi_core.ui import phase_editor as pe
from phi_core.ui import lazy, plain
from phi_core.ui import run_start as logic
from phi_core.ui.flash import flash, show_flashes
from phi_core.ui.guard import refused
from phi_core.ui.hosts import hosts_for
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.jobs_view import jobs_panel
from phi_core.ui.phase_editor_view import editor_tab, preview_phases
from phi_core.ui.run_history_view import history_tab
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import active_dataset, get_host_monitor, get_store
from phi_core.ui.vocabulary import run_table_headers

require_app_shell()

FLASH = logic.FLASH

store = get_store()
manager = get_job_manager()
state = st.session_state
language = current_language()


@st.cache_data(
    ttl=300,
    show_spinner=tr("Asking the backend which models it has…", "バックエンドにモデルの一覧を問い合わせています…"),
)
def described_models(backend: str, hosts: tuple[str, ...]) -> list[dict]:
    from phi_core.runs.extractor_factory import describe_models

    return describe_models(backend, hosts)


def described_rows(backend: str, hosts: tuple[str, ...]) -> tuple[list[dict], bool]:
    """What each host offers (describe_models rows) and whether some host has not answered yet."""
    if backend in logic.HOSTED_BACKENDS:
        # The sidebar's monitor checks hosts in the background, so a dead host never blocks the page.
        statuses = get_host_monitor().statuses(list(hosts), backend)
        rows = [
            {"host": h, "reachable": s.reachable, "error": s.error, "models": [m.as_dict() for m in s.models]}
            for h, s in statuses.items()
            if s is not None
        ]
        return rows, any(s is None for s in statuses.values())
    return described_models(backend, hosts), False


def model_infos(rows: list[dict]) -> dict[str, ModelInfo]:
    """Facts about each offered model (size decides the phase-2 variant)."""
    return {m["name"]: ModelInfo(**m) for row in rows for m in row.get("models") or []}


def phase_choices() -> tuple[dict[str, logic.PhaseChoice], dict]:
    registry, sources, problems = pe.phase_registry(store)
    for problem in problems:
        plain.show(problem, "warning")
    choices = {
        p.key: logic.PhaseChoice(p.key, p.number, p.version, p.name, p.split, sources.get(p.key, "shipped"))
        for p in registry.all()
    }
    return choices, {p.key: p for p in registry.all()}


# ------------------------------------------------------------------ actions


def start_jobs(jobs: list) -> None:
    if refused(state, "run", key=FLASH):
        return
    try:
        started = manager.submit_all(jobs, actor=page_actor())
    except JobRejected as error:
        flash(state, "error", str(error), key=FLASH)
        return
    flash(
        state,
        "success",
        tr(f"queued {len(started)} job(s): ", f"{len(started)} 件のジョブを登録しました：")
        + "; ".join(s.description for s in started),
        key=FLASH,
    )


# ------------------------------------------------------------------ start


def preselect_split() -> None:
    """A new backend starts from its natural split: each phase's own for LLMs, dev for rules."""
    state["rn_split"] = logic.default_split_choice(state.get("rn_backend", "rules"))


def start_tab(phases: dict[str, logic.PhaseChoice], definitions: dict) -> None:
    datasets = store.dataset_names()
    if not datasets:
        st.info(
            tr(
                "There is no dataset yet: import one on the Workbench page.",
                "データセットがまだありません：アノテーションのページで取り込んでください。",
            )
        )
        return
    top = st.columns([2, 3, 2])
    backends = backend_names()
    backend = top[0].selectbox(
        tr("Backend", "バックエンド"),
        backends,
        key="rn_backend",
        on_change=preselect_split,
        index=backends.index("rules") if "rules" in backends else 0,
    )
    if state.get("rn_dataset") not in datasets:
        state["rn_dataset"] = active_dataset() if active_dataset() in datasets else datasets[0]
    dataset = top[1].selectbox(tr("Dataset", "データセット"), datasets, key="rn_dataset")
    choices = logic.split_choices(backend)
    if state.get("rn_split") not in choices:
        state["rn_split"] = logic.default_split_choice(backend)
    split_choice = top[2].selectbox(
        tr("Split", "分割"),
        choices,
        key="rn_split",
        format_func=logic.split_choice_name,
        help=tr(
            "'from phase' runs each phase on the split its definition names (dev for phases 1-4, test for phase 5)",
            "「フェーズの指定どおり」は各フェーズを定義にある分割で実行します（フェーズ1〜4は dev、フェーズ5は test）",
        ),
    )

    hosts: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    chosen_phases: tuple[str, ...] = ()
    models_by_host: dict[str, list[str] | None] = {}
    infos: dict[str, ModelInfo] = {}
    if logic.needs_models(backend):
        if backend in logic.HOSTED_BACKENDS:
            known = hosts_for(backend)
            hosts = tuple(
                st.multiselect(
                    tr("Hosts", "ホスト"),
                    known,
                    default=known[:1],
                    key="rn_hosts",
                    help=tr(
                        "several hosts share the reports of a job", "複数のホストで1つのジョブのレポートを分担します"
                    ),
                )
            )
        rows, pending = described_rows(backend, hosts)
        models_by_host, down = logic.models_on_hosts(rows)
        infos = model_infos(rows)
        for host, error in down.items():
            st.warning(plain.fmt(tr("{} is not answering: {}", "{} が応答しません：{}"), host or backend, error))
        if pending:
            st.caption(
                ":material/hourglass_empty: "
                + tr("asking the hosts for their models…", "ホストにモデルの一覧を問い合わせています…")
            )
        offered = logic.model_union(models_by_host, list(models_by_host) if not hosts else list(hosts))
        models = tuple(
            st.multiselect(
                tr("Models", "モデル"),
                offered,
                key="rn_models",
                placeholder=tr("no model available", "使えるモデルがありません")
                if not offered
                else tr("choose models", "モデルを選択"),
            )
        )
        chosen_phases = tuple(
            st.multiselect(
                tr("Phases", "フェーズ"),
                list(phases),
                key="rn_phases",
                format_func=lambda k: phases[k].label(),
                placeholder=tr("choose one or more phases", "フェーズを1つ以上選択"),
            )
        )
    numbers = st.columns(4)
    repeats = int(
        numbers[0].number_input(
            tr("Repeats", "反復回数"),
            1,
            logic.MAX_REPEATS,
            1,
            key="rn_repeats",
            help=tr("runs per report, for the stability score", "レポートごとの実行回数（安定性スコア用）"),
        )
    )
    concurrency = int(
        numbers[1].number_input(
            tr("Concurrency", "同時実行数"),
            1,
            logic.MAX_CONCURRENCY,
            1,
            key="rn_concurrency",
            help=tr("calls at once per host", "ホストごとの同時呼び出し数"),
        )
    )
    limit = int(
        numbers[2].number_input(
            tr("Only the first N reports (0 = all)", "先頭N件のレポートのみ（0 = すべて）"), 0, None, 0, key="rn_limit"
        )
    )
    timeout = float(
        numbers[3].number_input(
            tr("Call timeout (s, 0 = default)", "呼び出しの制限時間（秒、0 = 既定）"),
            0,
            logic.MAX_TIMEOUT_S,
            0,
            key="rn_timeout",
            disabled=not logic.needs_models(backend),
            help=tr(
                "a host whose call takes longer is taken out of this run; other hosts take its reports",
                "これより長くかかったホストはこの実行から外れ、残りのレポートは他のホストが処理します",
            ),
        )
    )

    form = logic.RunForm(
        backend=backend,
        dataset=dataset,
        split_choice=split_choice,
        hosts=hosts,
        models=models,
        phases=chosen_phases,
        repeats=repeats,
        concurrency=concurrency,
        limit=limit or None,
        timeout_s=timeout or None,
    )
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
    st.button(
        tr("Start", "開始") if len(jobs) <= 1 else tr(f"Start {len(jobs)} jobs", f"{len(jobs)} 件のジョブを開始"),
        type="primary",
        key="rn_start",
        disabled=not jobs,
        on_click=start_jobs,
        args=(jobs,),
    )


def plan_table(jobs: list, phases: dict[str, logic.PhaseChoice], counts: dict[str, int], n_hosts: int) -> None:
    history = store.timing_history()
    rows = []
    for job in jobs:
        reports = counts.get(job.split, 0) if job.split else sum(counts.values())
        if job.limit:
            reports = min(reports, job.limit)
        number = str(phases[job.phase].number) if job.phase in phases else job.phase
        estimate = logic.estimate_duration(
            history,
            backend=job.backend,
            model=job.model,
            phase=number,
            tasks=reports * job.repeats,
            parallel_hosts=n_hosts,
        )
        rows.append(
            {"job": job.describe(), "reports": reports, "repeats": job.repeats, "estimated time": estimate.text()}
        )
    frame = pd.DataFrame(rows)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=run_table_headers(frame.columns, language))


# --------------------------------------------------------------------- page

st.title(tr("Runs", "実行"))
show_flashes(state, language, key=FLASH)
jobs_panel()
phase_map, phase_definitions = phase_choices()
# Only the open tab is drawn (phi_core.ui.lazy): the history reads every run, the editor every phase.
start, history, editor = lazy.tabs(
    [tr("Start a run", "実行を開始"), tr("History", "履歴"), tr("Phase editor", "フェーズの編集")], key="rn_tab"
)
if lazy.shown(start):
    with start:
        start_tab(phase_map, phase_definitions)
if lazy.shown(history):
    with history:
        history_tab()
if lazy.shown(editor):
    with editor:
        editor_tab()
