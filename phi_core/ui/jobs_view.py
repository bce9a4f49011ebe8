"""The Runs page's live jobs panel: progress of each job, Cancel and Resume, runs left interrupted.

Redraws itself every POLL_S seconds while a job runs (a fragment), and the
whole page when a job ends, so history and estimates follow.
"""

from __future__ import annotations

import streamlit as st

from phi_core.runs.manager import JobRejected
from phi_core.ui import plain
from phi_core.ui.job_progress import progress_line
from phi_core.ui.run_start import FLASH
from phi_core.ui.auth import page_actor
from phi_core.ui.flash import flash, show_flashes
from phi_core.ui.guard import refused
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.jobs import get_job_manager
from phi_core.ui.vocabulary import job_status_name

# While a job runs the panel redraws this often; otherwise it stays still.
POLL_S = 1.5
ACTIVE_SEEN = "rn_active_seen"


def cancel_job(job_id: str) -> None:
    if refused(st.session_state, "run", key=FLASH):
        return
    if get_job_manager().cancel(job_id, actor=page_actor()):
        flash(
            st.session_state,
            "info",
            tr(
                f"job {job_id} is stopping after the reports in flight",
                f"ジョブ {job_id} は処理中のレポートが終わりしだい止まります",
            ),
            key=FLASH,
        )


def resume(key: str) -> None:
    if refused(st.session_state, "run", key=FLASH):
        return
    try:
        snapshot = get_job_manager().resume(key, actor=page_actor())
    except JobRejected as error:
        flash(st.session_state, "error", str(error), key=FLASH)
        return
    flash(
        st.session_state,
        "success",
        tr(
            f"resumed: {snapshot.description}; reports already done are skipped",
            f"再開しました：{snapshot.description}。済んだレポートは飛ばします",
        ),
        key=FLASH,
    )


# -------------------------------------------------------------- live jobs


def jobs_panel() -> None:
    polling = get_job_manager().busy()
    st.fragment(run_every=POLL_S if polling else None)(draw_jobs)(polling)


def draw_jobs(polling: bool) -> None:
    show_flashes(
        st.session_state, current_language(), key=FLASH
    )  # messages of the Cancel / Resume buttons, which rerun only this panel
    jobs = get_job_manager().jobs()
    active = {j.job_id for j in jobs if j.active}
    ended = st.session_state.get(ACTIVE_SEEN, set()) - active
    st.session_state[ACTIVE_SEEN] = active
    if ended or (active and not polling):
        # A job ended (refresh history and estimates), or one started from this panel
        # while it was not polling: redraw the whole page so the panel polls again.
        st.rerun(scope="app")
    interrupted = get_job_manager().interrupted()
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
                plain.fmt("**{}** · {}", snapshot.description, job_status_name(snapshot.status, current_language()))
                + (plain.fmt(tr(" · run {}", " · 実行 {}"), snapshot.run_id) if snapshot.run_id else "")
            )
            head.progress(snapshot.fraction, text=progress_line(snapshot))
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
