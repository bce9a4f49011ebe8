"""What the Runs page computes, without Streamlit: the start form, estimates, tables.

The page draws; these functions decide. They take plain values (records from
the store, snapshots from the job manager) so they can be tested alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from phi_core.backends.hosts import hosted_backends
from phi_core.runs import Job
from phi_core.store import RunRecord
from phi_core.ui.formatting import format_duration
from phi_core.ui.i18n import current_language, tr
from phi_core.ui.vocabulary import job_status_name
from phi_core.violations import VALIDITY_CODES

LOCAL_BACKENDS = ("rules", "recall-first")  # backends that need no host, model or phase
HOSTED_BACKENDS = hosted_backends()  # backends whose hosts the user picks (ollama, openai)
PHASE_SPLIT = "from phase"
ALL_SPLITS = "all"
SPLIT_CHOICES = (PHASE_SPLIT, "dev", "test", ALL_SPLITS)
MAX_REPEATS = 10
MAX_CONCURRENCY = 8
UNFINISHED = ("queued", "running")
# Where the Runs page queues its flash messages (phi_core/ui/flash.py).
FLASH = "rn_flash"
MAX_TIMEOUT_S = 3600


# ------------------------------------------------------------------ the form


@dataclass(frozen=True)
class RunForm:
    backend: str
    dataset: str
    split_choice: str = PHASE_SPLIT
    hosts: tuple[str, ...] = ()
    models: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()  # phase keys
    repeats: int = 1
    concurrency: int = 1
    limit: int | None = None
    timeout_s: float | None = None  # longest wait for one call; the host is down for the run after it


@dataclass
class FormCheck:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class PhaseChoice:
    key: str
    number: int
    version: int
    name: str
    split: str
    source: str = "shipped"

    def label(self) -> str:
        origin = "" if self.source == "shipped" else f", {self.source}"
        return tr(
            f"phase {self.number} {self.name} v{self.version} ({self.split}{origin}) · {self.key}",
            f"フェーズ{self.number} {self.name} バージョン{self.version}（{self.split}{origin}） · {self.key}",
        )


def needs_models(backend: str) -> bool:
    return backend not in LOCAL_BACKENDS


def split_for(choice: str, phase_split: str | None) -> str | None:
    """The split a job runs on: the phase's own, a fixed one, or None for every split."""
    if choice == PHASE_SPLIT:
        return phase_split or "dev"
    if choice == ALL_SPLITS:
        return None
    return choice


def default_split_choice(backend: str) -> str:
    return PHASE_SPLIT if needs_models(backend) else "dev"


def split_choices(backend: str) -> tuple[str, ...]:
    return SPLIT_CHOICES if needs_models(backend) else tuple(c for c in SPLIT_CHOICES if c != PHASE_SPLIT)


def check_form(
    form: RunForm,
    phases: Mapping[str, PhaseChoice],
    models_by_host: Mapping[str, Sequence[str] | None] | None = None,
    split_counts: Mapping[str, int] | None = None,
) -> FormCheck:
    """Problems that stop the start (errors) and choices worth a second look (warnings).

    ``models_by_host`` holds the models each chosen host offers (None: host
    not answering, left to the engine's check); ``split_counts`` the reports
    per split of the dataset.
    """
    check = FormCheck()
    if not form.dataset:
        check.errors.append(
            tr(
                "choose a dataset in the sidebar first (or import one on the Workbench page)",
                "まずサイドバーでデータセットを選んでください（またはアノテーションのページで取り込んでください）",
            )
        )
    if not 1 <= form.repeats <= MAX_REPEATS:
        check.errors.append(
            tr(f"repeats must be between 1 and {MAX_REPEATS}", f"反復回数は1から{MAX_REPEATS}の間にしてください")
        )
    if not 1 <= form.concurrency <= MAX_CONCURRENCY:
        check.errors.append(
            tr(
                f"concurrency must be between 1 and {MAX_CONCURRENCY}",
                f"同時実行数は1から{MAX_CONCURRENCY}の間にしてください",
            )
        )
    if form.limit is not None and form.limit < 1:
        check.errors.append(
            tr(
                "the report limit must be at least 1 (or leave it empty for every report)",
                "レポート数の上限は1以上にしてください（すべてのレポートなら空のままに）",
            )
        )
    if needs_models(form.backend):
        _check_llm_choices(form, phases, models_by_host or {}, check)
    splits = _job_splits(form, phases)
    if split_counts is not None:
        for split in sorted({s for s in splits if s is not None}):
            if not split_counts.get(split):
                check.errors.append(
                    tr(
                        f"the dataset has no reports in the {split} split: choose another split",
                        f"このデータセットの {split} 分割にはレポートがありません：別の分割を選んでください",
                    )
                )
    return check


def _check_llm_choices(
    form: RunForm,
    phases: Mapping[str, PhaseChoice],
    models_by_host: Mapping[str, Sequence[str] | None],
    check: FormCheck,
) -> None:
    if form.backend in HOSTED_BACKENDS and not form.hosts:
        check.errors.append(tr("choose at least one host", "ホストを1つ以上選んでください"))
    if not form.models:
        check.errors.append(tr("choose at least one model", "モデルを1つ以上選んでください"))
    if not form.phases:
        check.errors.append(tr("choose at least one phase", "フェーズを1つ以上選んでください"))
    for host in form.hosts:
        offered = models_by_host.get(host)
        if offered is None:
            continue
        for model in form.models:
            if model not in offered and f"{model}:latest" not in offered:
                check.errors.append(_missing_model_message(form.backend, model, host))
    for key in form.phases:
        phase = phases.get(key)
        if phase is None:
            check.errors.append(
                tr(
                    f"phase {key} is not known any more: pick the phase again",
                    f"フェーズ {key} はもう存在しません：フェーズを選び直してください",
                )
            )
            continue
        chosen = split_for(form.split_choice, phase.split)
        if chosen is None:
            check.warnings.append(
                tr(
                    f"phase {phase.number} will run on every split, including the held-out test "
                    "reports; it is meant for the " + phase.split + " split",
                    f"フェーズ{phase.number}は、取り置いたテスト用レポートを含むすべての分割で実行されます。"
                    f"このフェーズは {phase.split} 分割用です",
                )
            )
        elif chosen != phase.split:
            check.warnings.append(
                tr(
                    f"phase {phase.number} ({phase.name}) is meant for the {phase.split} split, not "
                    f"{chosen}: the engine will refuse it. Choose '{PHASE_SPLIT}' or {phase.split}.",
                    f"フェーズ{phase.number}（{phase.name}）は {chosen} ではなく {phase.split} 分割用です："
                    f"実行エンジンが拒否します。「{split_choice_name(PHASE_SPLIT)}」か {phase.split} "
                    "を選んでください。",
                )
            )


def split_choice_name(choice: str) -> str:
    """A split choice as the form shows it ("from phase" is words; split codes stay as the CLI takes them)."""
    return tr("from phase", "フェーズの指定どおり") if choice == PHASE_SPLIT else choice


def _missing_model_message(backend: str, model: str, host: str) -> str:
    if backend == "ollama":
        return tr(
            f"model {model} is not on {host}: pull it there (`ollama pull {model}`) or untick that host",
            f"モデル {model} は {host} にありません：そこで取得する（`ollama pull {model}`）"
            "か、そのホストの選択を外してください",
        )
    return tr(
        f"model {model} is not served at {host}: start that server with it, or untick that host",
        f"{host} ではモデル {model} が提供されていません。"
        "そのモデルでサーバーを起動するか、このホストの選択を外してください",
    )


def _job_splits(form: RunForm, phases: Mapping[str, PhaseChoice]) -> list[str | None]:
    if not needs_models(form.backend) or not form.phases:
        return [split_for(form.split_choice, "dev")]
    return [split_for(form.split_choice, phases[k].split) for k in form.phases if k in phases]


def plan_jobs(form: RunForm, phases: Mapping[str, PhaseChoice]) -> list[Job]:
    """One job per (model, phase); the rules backend is a single job."""
    common = {
        "dataset": form.dataset,
        "backend": form.backend,
        "repeats": form.repeats,
        "limit": form.limit,
        "concurrency": form.concurrency,
        "timeout_s": form.timeout_s or None,
    }
    if not needs_models(form.backend):
        return [Job(split=split_for(form.split_choice, "dev"), **common)]
    hosts = tuple(form.hosts) if form.backend in HOSTED_BACKENDS else ()
    return [
        Job(model=model, phase=key, split=split_for(form.split_choice, phases[key].split), hosts=hosts, **common)
        for model in form.models
        for key in form.phases
        if key in phases
    ]


def models_on_hosts(described: Iterable[Mapping[str, Any]]) -> tuple[dict[str, list[str] | None], dict[str, str]]:
    """From describe_models rows: model names per host (None when down) and each down host's error."""
    models: dict[str, list[str] | None] = {}
    down: dict[str, str] = {}
    for row in described:
        host = row.get("host") or ""
        if row.get("reachable"):
            models[host] = [m["name"] for m in row.get("models") or []]
        else:
            models[host] = None
            down[host] = row.get("error") or tr("not answering", "応答なし")
    return models, down


def model_union(models_by_host: Mapping[str, Sequence[str] | None], hosts: Sequence[str]) -> list[str]:
    names: dict[str, None] = {}
    for host in hosts:
        names.update(dict.fromkeys(models_by_host.get(host) or []))
    return sorted(names)


# ----------------------------------------------------------------- estimates


@dataclass(frozen=True)
class Estimate:
    seconds: float | None
    basis: str

    def text(self) -> str:
        if self.seconds is None:
            return tr(f"unknown ({self.basis})", f"不明（{self.basis}）")
        return tr(
            f"about {format_duration(self.seconds, current_language())} ({self.basis})",
            f"約{format_duration(self.seconds, current_language())}（{self.basis}）",
        )


def estimate_duration(
    history: pd.DataFrame, *, backend: str, model: str, phase: str, tasks: int, parallel_hosts: int = 1
) -> Estimate:
    """Mean seconds per report of earlier runs of this backend/model/phase, else of the backend.

    ``history`` has one row per (backend, model, phase) with ``tasks`` and
    summed ``seconds`` (Store.timing_history). Separate hosts really work in
    parallel, so their number divides the time; concurrency on one host
    rarely does, so it is left out.
    """
    model = model or backend
    if history is None or history.empty:
        return Estimate(None, tr("no earlier runs to learn from", "参考にできる過去の実行がありません"))
    levels = (
        (
            history[(history.backend == backend) & (history.model == model) & (history.phase == str(phase))],
            tr(f"earlier {backend}/{model} runs of phase {phase}", f"フェーズ{phase}の過去の {backend}/{model} の実行"),
        ),
        (
            history[history.backend == backend],
            tr(f"earlier {backend} runs of any model and phase", f"全モデル・全フェーズの過去の {backend} の実行"),
        ),
    )
    for rows, basis in levels:
        done = int(rows["tasks"].sum()) if not rows.empty else 0
        if done:
            per_report = float(rows["seconds"].sum()) / done
            total = per_report * tasks / max(1, parallel_hosts)
            return Estimate(
                total,
                tr(
                    f"{per_report:.1f} s per report over {done} reports of {basis}",
                    f"{basis}の{done}件で1件あたり{per_report:.1f}秒",
                ),
            )
    return Estimate(None, tr(f"no earlier {backend} runs", f"過去の {backend} の実行はありません"))


# --------------------------------------------------------------------- jobs


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


def job_rows(snapshots: Sequence) -> list[dict[str, Any]]:
    return [
        {
            "job": s.job_id,
            "what": s.description,
            "status": s.status,
            "run": s.run_id or "",
            "done": s.done,
            "failed": s.failed,
            "total": s.total,
            "started": s.started_at,
            "finished": s.finished_at,
            "error": s.error or s.last_error or "",
        }
        for s in snapshots
    ]


# ------------------------------------------------------------------ history


def shown_status(run: RunRecord, live_run_ids: set[str]) -> str:
    """A run the store calls unfinished but no thread works on was interrupted."""
    if run.status in UNFINISHED and run.run_id not in live_run_ids:
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


# ------------------------------------------------------------ phase preview


def phase_preview(phase, model: str, model_info=None) -> dict[str, Any]:
    """What a model would be sent in this phase: variant, templates, examples, additions, options."""
    from phi_core.phases import additions_for, explain_variant

    choice = explain_variant(phase, model, model_info)
    templates = phase.templates_for(choice.variant)
    additions = additions_for(phase, model)
    refine = phase.refine
    return {
        "variant": choice.variant or "—",
        "variant_reason": choice.reason,
        "system": templates.system,
        "user": templates.user,
        "examples": phase.examples_for(choice.variant),
        "structured_output": phase.structured_output_for(choice.variant),
        "additions": list(additions.additions),
        "addition_patterns": list(additions.patterns),
        "options": phase.generation_options().as_dict(),
        "labels": list(phase.labels),
        "refine": (
            {
                "style": refine.style,
                "rounds": refine.rounds,
                "system": refine.templates[refine.style].system,
                "user": refine.templates[refine.style].user,
            }
            if refine
            else None
        ),
        "split": phase.split,
    }
