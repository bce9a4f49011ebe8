"""The Runs page's history tables without Streamlit: every run, its provenance, and one run's reports.

They take plain values (records and frames from the store, the run ids live
jobs work on) so they can be tested alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from phi_core.store import RunRecord
from phi_core.store.run_tables import UNFINISHED_RUN_STATUSES
from phi_core.ui.i18n import tr
from phi_core.ui.run_start import ALL_SPLITS
from phi_core.violations import VALIDITY_CODES


def shown_status(run: RunRecord, live_run_ids: set[str]) -> str:
    """A run the store calls unfinished but no thread works on was interrupted."""
    if run.status in UNFINISHED_RUN_STATUSES and run.run_id not in live_run_ids:
        return "interrupted"
    return run.status


def history_rows(
    runs: Sequence[RunRecord],
    counts: Mapping[str, Mapping[str, float]],
    scores: Mapping[str, float],
    live_run_ids: set[str],
    checks: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Every run with its provenance, newest first.

    ``checks`` is Store.run_validity: calls per validity code and unreadable
    replies, shown as columns so an invalid run cannot pass for a weak model.
    """
    rows = []
    for run in sorted(runs, key=lambda r: r.created_at or pd.Timestamp.min, reverse=True):
        c = counts.get(run.run_id, {})
        prov = run.provenance or {}
        check = (checks or {}).get(run.run_id) or {}
        validity = {code: int((check.get("validity") or {}).get(code, 0)) for code in VALIDITY_CODES}
        rows.append(
            {
                "run": run.run_id,
                "status": shown_status(run, live_run_ids),
                "backend": run.backend,
                "model": run.model,
                "phase": run.phase,
                "phase_key": run.phase_key or "",
                "phase_hash": (prov.get("phase_hash") or "")[:12],
                "variant": prov.get("variant") or "",
                "host": run.host,
                "model_digest": (run.model_digest or "")[:12],
                "dataset": run.dataset,
                "split": run.split or ALL_SPLITS,
                "repeats": run.repeats,
                "done": int(c.get("done") or 0),
                "failed": int(c.get("failed") or 0),
                "total": run.tasks_total,
                "score": _round(scores.get(run.run_id)),
                "sec_per_report": _round(c.get("sec_per_report"), 2),
                "invalid_calls": sum(validity.values()),
                **validity,
                "unparseable_replies": int(check.get("unparseable_replies") or 0),
                "options": compact_json(run.options),
                "created": run.created_at,
                "started": run.started_at,
                "finished": run.finished_at,
                "error": run.error or "",
            }
        )
    return rows


def provenance_rows(run: RunRecord) -> list[dict[str, str]]:
    """The run's provenance as (what, value) rows for a two-column table."""
    prov = dict(run.provenance or {})
    variant = prov.pop("variant", "") or "—"
    reason = prov.pop("variant_reason", "") or tr("no variants", "バリアントなし")
    fixed = [
        (tr("run id", "実行ID"), run.run_id),
        (tr("job key", "ジョブキー"), run.job_key),
        (tr("backend", "バックエンド"), run.backend),
        (tr("model", "モデル"), run.model),
        (tr("model digest", "モデルのダイジェスト"), run.model_digest),
        (tr("host", "ホスト"), run.host),
        (tr("phase", "フェーズ"), run.phase),
        (tr("phase key", "フェーズキー"), run.phase_key or ""),
        (tr("phase hash", "フェーズのハッシュ"), prov.pop("phase_hash", "") or ""),
        (tr("variant", "バリアント"), f"{variant} ({reason})"),
        (tr("options", "オプション"), compact_json(run.options)),
        (tr("dataset / split", "データセット／分割"), f"{run.dataset} / {run.split or ALL_SPLITS}"),
        (tr("repeats", "反復回数"), str(run.repeats)),
        (tr("status", "状態"), run.status),
        (tr("created", "作成"), str(run.created_at or "")),
        (tr("started", "開始"), str(run.started_at or "")),
        (tr("finished", "終了"), str(run.finished_at or "")),
        (tr("error", "エラー"), run.error or ""),
    ]
    skip = {"options", "backend", "model", "phase", "phase_key", "hosts"}
    extra = [(name, v if isinstance(v, str) else compact_json(v)) for name, v in prov.items() if name not in skip]
    return [{"what": what, "value": str(value)} for what, value in fixed + extra]


def compact_json(value: Any) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _round(value: Any, digits: int = 1) -> float | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return round(float(value), digits)


# -------------------------------------------------------------- drill-down


def report_rows(results: pd.DataFrame, items: pd.DataFrame, scores: pd.DataFrame) -> list[dict[str, Any]]:
    """One row per (report, repeat) of a run: status, counts, score."""
    if results.empty:
        return []
    n_items = items.groupby(["report_id", "repeat_idx"]).size().to_dict() if not items.empty else {}
    score_of = dict(zip(scores["report_id"], scores["score"])) if not scores.empty else {}
    rows = []
    for r in results.itertuples(index=False):
        violations = _json_list(r.violations)
        rows.append(
            {
                "report": r.report_id,
                "repeat": int(r.repeat_idx),
                "status": r.status,
                "items": int(n_items.get((r.report_id, r.repeat_idx), 0)),
                "violations": len(violations),
                "score": _round(score_of.get(r.report_id)),
                "seconds": _round(r.seconds, 2),
                "error": r.error or "",
            }
        )
    return rows


def report_detail(report_id: str, results: pd.DataFrame, items: pd.DataFrame, scores: pd.DataFrame) -> dict[str, Any]:
    """Everything stored about one report of a run: replies and items per repeat, its score."""
    repeats = []
    for r in results[results.report_id == report_id].itertuples(index=False):
        mine = items[(items.report_id == report_id) & (items.repeat_idx == r.repeat_idx)] if not items.empty else items
        calls = _json_list(r.calls)
        repeats.append(
            {
                "repeat": int(r.repeat_idx),
                "status": r.status,
                "raw": r.raw_output or "",
                "error": r.error or "",
                "violations": _json_list(r.violations),
                "items": [
                    {"label": i.label, "category": i.category or "", "value": i.value}
                    for i in mine.itertuples(index=False)
                ],
                "calls": [
                    {
                        "step": c.get("step", ""),
                        "raw": c.get("raw", ""),
                        "cached": bool(c.get("cached")),
                        "seconds": c.get("seconds"),
                    }
                    for c in calls
                    if isinstance(c, dict)
                ],
                "seconds": _round(r.seconds, 2),
            }
        )
    score: dict[str, Any] | None = None
    if not scores.empty and (scores.report_id == report_id).any():
        row = scores[scores.report_id == report_id].iloc[0].to_dict()
        score = {
            k: _round(v, 2)
            for k, v in row.items()
            if k not in ("run_id", "report_id", "details", "scored_at", "rescaled") and _is_number(v)
        }
    return {"report": report_id, "repeats": repeats, "score": score}


def _json_list(value: Any) -> list:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not pd.isna(value)
