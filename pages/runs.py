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
from phi_core.dimensions import DIMENSIONS as DIMENSION_COLUMNS
from phi_core.ui import phase_editor as pe
from phi_core.ui import flash as flashes
from phi_core.ui import plain
from phi_core.ui import runs as logic
from phi_core.ui.auth import page_actor
from phi_core.ui.hosts import hosts_for
from phi_core.ui.i18n import current_language, error_text, tr
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.shell import require_app_shell
from phi_core.ui.state import active_dataset, get_host_monitor, get_store
from phi_core.ui.vocabulary import VALIDITY_NAMES, column_labels, dimension_name, job_status_name, validity_name

require_app_shell()

# While a job runs the panel redraws this often; otherwise it stays still.
POLL_S = 1.5
FLASH = "rn_flash"
ACTIVE_SEEN = "rn_active_seen"

store = get_store()
manager = get_job_manager()
state = st.session_state
language = current_language()
NUMBER = st.column_config.NumberColumn
# Headers of the run tables, in the user's language (the rows keep their keys).
RUN_COLUMNS = {
    "run": tr("run", "実行"),
    "status": tr("status", "状態"),
    "phase_key": tr("phase key", "フェーズキー"),
    "phase_hash": tr("phase hash", "フェーズのハッシュ"),
    "variant": tr("variant", "バリアント"),
    "host": tr("host", "ホスト"),
    "model_digest": tr("model digest", "モデルのダイジェスト"),
    "dataset": tr("dataset", "データセット"),
    "split": tr("split", "分割"),
    "repeats": tr("repeats", "反復回数"),
    "done": tr("done", "完了"),
    "failed": tr("failed", "失敗"),
    "total": tr("total", "総数"),
    "options": tr("options", "オプション"),
    "created": tr("created", "作成"),
    "started": tr("started", "開始"),
    "finished": tr("finished", "終了"),
    "error": tr("error", "エラー"),
    "report": tr("report", "レポート"),
    "repeat": tr("repeat", "反復"),
    "items": tr("items", "項目数"),
    "violations": tr("violations", "違反数"),
    "seconds": tr("seconds", "秒"),
    "job": tr("job", "ジョブ"),
    "reports": tr("reports", "レポート数"),
    "estimated time": tr("estimated time", "見込み時間"),
    "what": tr("what", "項目"),
    "value": tr("value", "値"),
    "label": tr("label", "ラベル"),
    "category": tr("category", "カテゴリ"),
    **{code: validity_name(code, language) for code in VALIDITY_NAMES},
}


def headers(rows) -> dict:
    """column_config naming every column of ``rows`` (a DataFrame) in the user's language."""
    named = column_labels(rows.columns, language)
    named.update({c: dimension_name(c, language) for c in rows.columns if c in DIMENSION_COLUMNS})
    named.update({c: RUN_COLUMNS[c] for c in rows.columns if c in RUN_COLUMNS})
    return named


def flash(level: str, message: str) -> None:
    flashes.flash(state, level, message, key=FLASH)


def show_flashes() -> None:
    flashes.show_flashes(state, language, key=FLASH)


@st.cache_data(
    ttl=300,
    show_spinner=tr("Asking the backend which models it has…", "バックエンドにモデルの一覧を問い合わせています…"),
)
def described_models(backend: str, hosts: tuple[str, ...]) -> list[dict]:
    from phi_core.runs.extractors import describe_models

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


def _refused(action: str) -> bool:
    """Runs and phase edits are for leads (always allowed in single-user mode); checked in phi_core.roles."""
    try:
        require(page_actor(), action)
    except NotAllowed as refused:
        flash("error", error_text(refused))
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
    flash(
        "success",
        tr(f"queued {len(started)} job(s): ", f"{len(started)} 件のジョブを登録しました：")
        + "; ".join(s.description for s in started),
    )


def cancel_job(job_id: str) -> None:
    if _refused("run"):
        return
    if manager.cancel(job_id):
        flash(
            "info",
            tr(
                f"job {job_id} is stopping after the reports in flight",
                f"ジョブ {job_id} は処理中のレポートが終わりしだい止まります",
            ),
        )


def resume(key: str) -> None:
    if _refused("run"):
        return
    try:
        snapshot = manager.resume(key)
    except JobRejected as error:
        flash("error", str(error))
        return
    flash(
        "success",
        tr(
            f"resumed: {snapshot.description}; reports already done are skipped",
            f"再開しました：{snapshot.description}。済んだレポートは飛ばします",
        ),
    )


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
        st.caption(
            tr(
                "No jobs started in this app session. Start one below; it keeps running when you leave the page.",
                "このアプリのセッションで開始したジョブはありません。下で開始してください。"
                "ページを離れても実行は続きます。",
            )
        )
        return
    for snapshot in jobs:
        with st.container(border=True):
            head, buttons = st.columns([5, 1])
            head.markdown(
                plain.fmt("**{}** · {}", snapshot.description, job_status_name(snapshot.status, language))
                + (plain.fmt(tr(" · run {}", " · 実行 {}"), snapshot.run_id) if snapshot.run_id else "")
            )
            head.progress(snapshot.fraction, text=logic.progress_line(snapshot))
            problem = snapshot.error or snapshot.last_error
            if problem:
                head.caption(":material/error: " + plain.fmt(tr("last error: {}", "最後のエラー：{}"), problem))
            if snapshot.active:
                buttons.button(
                    tr("Cancel", "中止"),
                    key=f"rn_cancel_{snapshot.job_id}",
                    on_click=cancel_job,
                    args=(snapshot.job_id,),
                    disabled=snapshot.status == "cancelling",
                    width="stretch",
                )
            elif snapshot.status in ("cancelled", "failed", "error"):
                buttons.button(
                    tr("Resume", "再開"),
                    key=f"rn_resume_{snapshot.job_id}",
                    on_click=resume,
                    args=(snapshot.job_id,),
                    width="stretch",
                    help=tr(
                        "start the same job again; finished reports are skipped",
                        "同じジョブをもう一度開始します。済んだレポートは飛ばします",
                    ),
                )
    if interrupted:
        st.markdown(
            tr(
                "**Interrupted** — queued or running when the app stopped; no one is working on them now.",
                "**中断** — アプリが止まったときに待機中または実行中だったジョブです。いまは誰も処理していません。",
            )
        )
        for work in interrupted:
            cols = st.columns([5, 1])
            since = (
                tr(f" since {work.since:%Y-%m-%d %H:%M}", f"（{work.since:%Y-%m-%d %H:%M}から）") if work.since else ""
            )
            progress = (
                tr(f"{work.done}/{work.total} reports done", f"{work.done}/{work.total} 件完了")
                if work.total
                else tr("not started", "未開始")
            )
            cols[0].markdown(
                plain.fmt("{} · {}{}", work.description, progress, since)
                + (plain.fmt(tr(" · run {}", " · 実行 {}"), work.run_id) if work.run_id else "")
            )
            cols[1].button(
                tr("Resume", "再開"),
                key=f"rn_resume_int_{work.key}",
                on_click=resume,
                args=(work.key,),
                width="stretch",
                type="primary",
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


def preview_phases(
    keys: tuple[str, ...], models: tuple[str, ...], definitions: dict, backend: str, infos: dict[str, ModelInfo]
) -> None:
    st.markdown(tr("**What will be sent**", "**送信される内容**"))
    model = (
        st.selectbox(tr("Preview for model", "プレビューするモデル"), models, key="rn_preview_model")
        if len(models) > 1
        else (models[0] if models else "")
    )
    for key in keys:
        phase = definitions[key]
        view = logic.phase_preview(phase, model or backend, infos.get(model))
        with st.expander(
            plain.fmt(
                tr("{phase} · variant {variant} for {model}", "{phase} · {model} 向けのバリアント {variant}"),
                phase=pe.phase_title(phase),
                variant=view["variant"],
                model=model or tr("any model", "すべてのモデル"),
            )
        ):
            plain.show(phase.description.strip(), "caption")
            st.markdown(
                plain.fmt(
                    tr(
                        "Variant **{}** — {}. Split **{}**. Structured output: {}. Labels: {}",
                        "バリアント **{}** — {}。分割 **{}**。構造化出力：{}。ラベル：{}",
                    ),
                    view["variant"],
                    view["variant_reason"],
                    view["split"],
                    tr("yes", "あり") if view["structured_output"] else tr("no", "なし"),
                    ", ".join(view["labels"]),
                )
            )
            st.markdown(tr("System prompt", "システムプロンプト"))
            st.code(view["system"] or tr("(none)", "（なし）"), language=None, wrap_lines=True)
            st.markdown(tr("User prompt", "ユーザープロンプト"))
            st.code(view["user"], language=None, wrap_lines=True)
            if view["additions"]:
                st.markdown(
                    plain.fmt(
                        tr("Model-specific additions (matched {})", "モデル固有の追加（一致：{}）"),
                        ", ".join(view["addition_patterns"]),
                    )
                )
                st.code("\n".join(view["additions"]), language=None, wrap_lines=True)
            if view["examples"]:
                st.markdown(plain.fmt(tr("Worked examples: {}", "解答例：{}"), ", ".join(view["examples"])))
            if view["refine"]:
                refine = view["refine"]
                st.markdown(
                    plain.fmt(
                        tr("Review step: {}, {} round(s)", "見直しステップ：{}、{} 回"),
                        refine["style"],
                        refine["rounds"],
                    )
                )
                st.code(refine["user"], language=None, wrap_lines=True)
            st.markdown(tr("Options", "オプション"))
            st.json(view["options"], expanded=False)


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
    st.dataframe(frame, hide_index=True, width="stretch", column_config=headers(frame))


# ----------------------------------------------------------------- history


def history_tab() -> None:
    only_this = st.toggle(tr("Only runs of the selected dataset", "選択中のデータセットの実行のみ"), key="rn_hist_only")
    runs = store.runs(state.get("rn_dataset") if only_this else None)
    if not runs:
        st.info(tr("No runs yet.", "実行はまだありません。"))
        return
    live = {j.run_id for j in manager.jobs() if j.active and j.run_id}
    checks = store.run_validity([r.run_id for r in runs])
    rows = logic.history_rows(runs, store.run_task_counts(), store.run_score_means(), live, checks)
    frame = pd.DataFrame(rows).assign(
        status=lambda f: f["status"].map(lambda status: job_status_name(status, language))
    )
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            **headers(frame),
            "invalid_calls": st.column_config.NumberColumn(
                tr("⚠ invalid calls", "⚠ 無効な呼び出し"),
                help=tr(
                    "calls that cannot be trusted as a measure of the model: prompt or answer cut off, schema "
                    "ignored, reasoning text, model changed (counted per kind in the next columns)",
                    "モデルの評価として信頼できない呼び出し：プロンプト・回答の切り詰め、スキーマ無視、"
                    "推論テキスト、モデルの変更（種類ごとの数は右の列）",
                ),
            ),
            "unparseable_replies": st.column_config.NumberColumn(
                tr("unreadable replies", "読めない応答"),
                help=tr("replies with no usable JSON", "使える JSON のない応答"),
            ),
        },
    )
    phase_word = tr("phase", "フェーズ")
    labels = {
        r["run"]: f"{r['run']} · {r['backend']}/{r['model']} {phase_word} {r['phase']} · "
        f"{job_status_name(r['status'], language)}"
        for r in rows
    }
    run_id = st.selectbox(
        tr("Look inside a run", "実行の中身を見る"), list(labels), format_func=labels.get, key="rn_drill_run"
    )
    run = store.run(run_id)
    with st.expander(tr("Provenance", "来歴"), expanded=False):
        provenance = pd.DataFrame(logic.provenance_rows(run))
        st.dataframe(provenance, hide_index=True, width="stretch", column_config=headers(provenance))
    results = store.task_results(run_id)
    items = store.predicted_items(run_id)
    scores = store.report_scores([run_id])
    report_table = logic.report_rows(results, items, scores)
    if not report_table:
        st.caption(tr("This run has no finished reports yet.", "この実行には完了したレポートがまだありません。"))
        return
    reports = pd.DataFrame(report_table).assign(
        status=lambda f: f["status"].map(lambda status: job_status_name(status, language))
    )
    st.dataframe(reports, hide_index=True, width="stretch", column_config=headers(reports))
    report_ids = list(dict.fromkeys(r["report"] for r in report_table))
    report_id = st.selectbox(tr("Report", "レポート"), report_ids, key=f"rn_drill_report_{run_id}")
    report_view(logic.report_detail(report_id, results, items, scores))


def report_view(detail: dict) -> None:
    if detail["score"]:
        score = pd.DataFrame([detail["score"]])
        st.dataframe(score, hide_index=True, width="stretch", column_config=headers(score))
    for repeat in detail["repeats"]:
        with st.container(border=True):
            st.markdown(
                plain.fmt(
                    tr("Repeat {} · {} · {} s", "反復 {} · {} · {} 秒"),
                    repeat["repeat"],
                    job_status_name(repeat["status"], language),
                    repeat["seconds"],
                )
            )
            if repeat["error"]:
                plain.show(repeat["error"], "error")
            if repeat["violations"]:
                st.markdown(
                    tr("Violations: ", "違反：") + plain.escape("; ".join(str(v) for v in repeat["violations"]))
                )
            if repeat["items"]:
                items = pd.DataFrame(repeat["items"])
                st.dataframe(items, hide_index=True, width="stretch", column_config=headers(items))
            else:
                st.caption(tr("no items", "項目なし"))
            st.markdown(tr("Raw reply", "応答の原文"))
            st.code(repeat["raw"] or tr("(empty)", "（空）"), language=None, wrap_lines=True)
            for call in repeat["calls"][:-1] if len(repeat["calls"]) > 1 else []:
                st.caption(
                    plain.fmt(tr("earlier call {}", "前の呼び出し {}"), call["step"])
                    + (tr(" (from cache)", "（キャッシュから）") if call["cached"] else "")
                )
                st.code(call["raw"] or tr("(empty)", "（空）"), language=None, wrap_lines=True)


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
    flash(
        "success",
        tr(
            f"saved {new.label()} as {new.key}; choose it in the Phases list to run it "
            "(the shipped files are unchanged)",
            f"{new.label()} を {new.key} として保存しました。実行するにはフェーズの一覧で選んでください"
            "（同梱のファイルは変わりません）",
        ),
    )


def edited_values(phase) -> tuple[dict[str, str], dict]:
    current = pe.current_texts(phase)
    texts = {path: state.get(f"pe_{phase.key}_{path}", value) for path, value in current.items()}
    options = {f.name: state.get(f"pe_{phase.key}_opt_{f.name}", phase.options.get(f.name)) for f in pe.option_fields()}
    return texts, options


def editor_tab() -> None:
    registry, sources, _ = pe.phase_registry(store)
    keys = [p.key for p in registry.all()]
    if state.get("pe_phase") not in keys:
        state["pe_phase"] = keys[0]
    key = st.selectbox(
        tr("Phase version", "フェーズのバージョン"),
        keys,
        key="pe_phase",
        format_func=lambda k: (
            f"{pe.phase_title(registry.by_key(k))} · {pe.source_name(sources.get(k, 'shipped'))} · {k}"
        ),
    )
    phase = registry.by_key(key)
    parent = pe.parent_of(phase, registry)
    if parent is not None:
        with st.expander(
            plain.fmt(tr("Changes from {}, the version it came from", "元のバージョン {} からの変更"), parent.key)
        ):
            st.code(pe.diff_against(parent, phase), language="diff")
    with st.expander(tr("Full definition (TOML)", "定義の全文（TOML）")):
        st.code(dump_toml(phase), language="toml")
    st.caption(
        tr(
            "Edit below and save: the result is a new version of this phase, stored in the database. "
            "Placeholders: {report}, {labels}, {examples} in prompts; {report}, {previous_json}, {labels} in "
            "review prompts.",
            "下で編集して保存すると、このフェーズの新しいバージョンとしてデータベースに保存されます。"
            "差し込み記号：プロンプトでは {report}、{labels}、{examples}、見直しプロンプトでは "
            "{report}、{previous_json}、{labels}。",
        )
    )
    current = pe.current_texts(phase)
    for field in pe.template_fields(phase):
        st.text_area(
            field.label,
            value=current[field.path],
            key=f"pe_{key}_{field.path}",
            height=80 if field.path == "description" else 220,
        )
    st.markdown(tr("Options", "オプション"))
    cols = st.columns(4)
    for index, field in enumerate(pe.option_fields()):
        value = phase.options.get(field.name)
        widget_key = f"pe_{key}_opt_{field.name}"
        column = cols[index % 4]
        if isinstance(value, str):
            column.text_input(pe.option_label(field.name), value=value, key=widget_key)
        elif isinstance(value, bool):  # before int: a bool is an int to Python
            column.checkbox(pe.option_label(field.name), value=value, key=widget_key)
        elif isinstance(value, int):
            column.number_input(pe.option_label(field.name), value=value, step=1, key=widget_key)
        else:
            column.number_input(
                pe.option_label(field.name), value=float(value), step=0.05, format="%.2f", key=widget_key
            )
    texts, options = edited_values(phase)
    changes = pe.changes_from_edits(phase, texts, options)
    problems = pe.validation_messages(phase, texts, options, registry) if changes else []
    for problem in problems:
        plain.show(problem, "error")
    if changes and not problems:
        preview = pe.make_version(phase, changes, registry)
        with st.expander(
            plain.fmt(
                tr("Diff of the new version {} against {}", "新しいバージョン {} と {} の差分"), preview.key, phase.key
            ),
            expanded=True,
        ):
            st.code(pe.diff_against(phase, preview), language="diff")
    st.button(
        tr("Save as a new version", "新しいバージョンとして保存"),
        type="primary",
        key="pe_save",
        disabled=not changes or bool(problems),
        on_click=save_edit,
        args=(key,),
    )


# --------------------------------------------------------------------- page

st.title(tr("Runs", "実行"))
show_flashes()
jobs_panel()
phase_map, phase_definitions = phase_choices()
start, history, editor = st.tabs(
    [tr("Start a run", "実行を開始"), tr("History", "履歴"), tr("Phase editor", "フェーズの編集")]
)
with start:
    start_tab(phase_map, phase_definitions)
with history:
    history_tab()
with editor:
    editor_tab()
