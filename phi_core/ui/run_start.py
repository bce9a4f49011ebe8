"""The Runs page's start form without Streamlit: choices, checks, the job plan, the time estimate.

The page draws; these functions decide. They take plain values (phase
choices, the models each host offers, earlier timings) so they can be tested
alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from phi_core.backends.hosts import hosted_backends
from phi_core.runs import Job
from phi_core.ui.formatting import format_duration
from phi_core.ui.i18n import current_language, tr

LOCAL_BACKENDS = ("rules", "recall-first")  # backends that need no host, model or phase
HOSTED_BACKENDS = hosted_backends()  # backends whose hosts the user picks (ollama, openai)
PHASE_SPLIT = "from phase"
ALL_SPLITS = "all"
SPLIT_CHOICES = (PHASE_SPLIT, "dev", "test", ALL_SPLITS)
MAX_REPEATS = 10
MAX_CONCURRENCY = 8
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
