"""The line under a running job's progress bar on the Runs page, without Streamlit."""

from __future__ import annotations

from phi_core.ui.formatting import format_duration
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.vocabulary import job_status_name


def progress_line(snapshot) -> str:
    """One line under a job's progress bar: counts, failures, ETA or outcome."""
    finished = snapshot.done + snapshot.failed
    parts = [tr(f"{finished}/{snapshot.total or '?'} reports", f"{finished}/{snapshot.total or '?'} 件")]
    if snapshot.skipped:
        parts.append(tr(f"{snapshot.skipped} already done before", f"{snapshot.skipped} 件は実行済み"))
    parts.append(tr(f"{snapshot.failed} failed", f"失敗 {snapshot.failed} 件"))
    remaining = format_duration(snapshot.eta_s, current_language()) if snapshot.eta_s is not None else "…"
    if snapshot.status == "running":
        parts.append(tr(f"ETA {remaining}", f"残り約{remaining}"))
    elif snapshot.status == "queued":
        parts.append(tr("waiting for the job before it", "前のジョブを待っています"))
    else:
        parts.append(
            tr(
                f"{snapshot.status} after {format_duration(snapshot.elapsed_s, current_language())}",
                f"{format_duration(snapshot.elapsed_s, current_language())}後に{job_status_name(snapshot.status, current_language())}",
            )
        )
    return " · ".join(parts)
