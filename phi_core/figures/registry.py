"""Figure name -> how to build it from the store (used by the `figure` command).

Each entry reads its data through phi_core.analysis and draws it with a
builder, so the command, the pages and the benches show the same pictures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import plotly.graph_objects as go

from phi_core.figures.errors import breakdown_heatmap, category_heatmap, confusion_heatmap, script_recall_bars
from phi_core.figures.leaderboard import leaderboard_bar, pareto_scatter, select_reference_rows
from phi_core.figures.leak import leak_bars
from phi_core.figures.phases import phase_lines, reported_phase_means
from phi_core.figures.threshold import threshold_scatter
from phi_core.store import Store


@dataclass(frozen=True)
class FigureRequest:
    dataset: str
    split: str | None = None
    run_ids: tuple[str, ...] = ()  # empty: the latest run of every backend/model/phase
    metric: str = "recall"  # heatmap: recall or precision; style/format heatmaps also leak_rate
    language: str = "en"  # category names: en or ja
    from_phase: str = "3"
    to_phase: str = "4"
    method: str = "split"
    reference: str = "GPT-4.1"
    reference_tables: tuple[str, ...] = ("S8",)  # the paper's final comparison, cloud models included
    n_boot: int = 1000


@dataclass(frozen=True)
class FigureEntry:
    name: str
    help: str
    build: Callable[[Store, FigureRequest], go.Figure] = field(repr=False)


def _run_ids(store: Store, request: FigureRequest) -> list[str]:
    if request.run_ids:
        return list(request.run_ids)
    return list(store.latest_scored_runs(request.dataset, request.split)["run_id"])


def _leaderboard(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import leaderboard_frame, reference_frame

    measured = leaderboard_frame(
        store, request.dataset, request.split, reference=request.reference, n_boot=request.n_boot
    )
    paper = select_reference_rows(reference_frame(store, reference=request.reference), request.reference_tables)
    return leaderboard_bar(measured, paper)


def _pareto(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import leaderboard_frame, pareto_mask

    measured = leaderboard_frame(
        store, request.dataset, request.split, reference=request.reference, n_boot=request.n_boot
    )
    return pareto_scatter(measured, pareto_mask(measured) if not measured.empty else None)


def _heatmap(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import category_matrix

    if request.metric not in ("recall", "precision"):
        raise ValueError(
            f"the category heatmap shows recall or precision, not {request.metric!r}; "
            "use style-recall or format-recall for leak_rate"
        )
    metric = f"relaxed_{request.metric}"
    return category_heatmap(category_matrix(store, _run_ids(store, request)), metric, language=request.language)


def _confusion(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import confusion_frame

    return confusion_heatmap(confusion_frame(store, _run_ids(store, request)), language=request.language)


def _script_recall(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import script_recall_frame

    return script_recall_bars(script_recall_frame(store, _run_ids(store, request)))


def _style_recall(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import style_matrix

    return breakdown_heatmap(style_matrix(store, _run_ids(store, request)), "style", request.metric)


def _format_recall(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import format_matrix

    return breakdown_heatmap(format_matrix(store, _run_ids(store, request)), "format", request.metric)


def _phases(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import phase_means

    return phase_lines(
        phase_means(store, request.dataset, request.split), reported_phase_means(store.reference_scores())
    )


def _threshold(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis import threshold_analysis

    analysis = threshold_analysis(
        store,
        request.dataset,
        request.split,
        from_phase=request.from_phase,
        to_phase=request.to_phase,
        method=request.method,
        n_boot=request.n_boot,
    )
    return threshold_scatter(
        analysis.points,
        analysis.estimate,
        reported_points=analysis.reported_points,
        reported_band=analysis.reported_band,
        before_label=f"mean score in phase {request.from_phase}",
        gain_label=f"gain from phase {request.from_phase} to {request.to_phase}",
    )


def _leak(store: Store, request: FigureRequest) -> go.Figure:
    from phi_core.analysis.residual_leak import residual_leak

    leak = residual_leak(store, request.dataset, request.split, run_ids=list(request.run_ids) or None)
    return leak_bars(leak.by_category, leak.summary, language=request.language)


FIGURES: dict[str, FigureEntry] = {
    entry.name: entry
    for entry in (
        FigureEntry("leaderboard", "composite score with 95% CI, the paper's rows apart", _leaderboard),
        FigureEntry("pareto", "score against seconds per report, with the Pareto front", _pareto),
        FigureEntry("heatmap", "recall (or --metric precision) per run and category", _heatmap),
        FigureEntry("confusion", "gold category against predicted label", _confusion),
        FigureEntry("script-recall", "recall by script: kanji, hiragana, katakana, romaji, mixed", _script_recall),
        FigureEntry(
            "style-recall", "recall (or --metric precision / leak_rate) per run and document style", _style_recall
        ),
        FigureEntry(
            "format-recall", "recall (or --metric precision / leak_rate) per run and value format", _format_recall
        ),
        FigureEntry("phases", "mean score by phase per model", _phases),
        FigureEntry("threshold", "gain from a step against the score before it, with the fitted threshold", _threshold),
        FigureEntry("leak", "leaked PHI characters per run by category, with the share of documents leaking", _leak),
    )
}


def build_figure(store: Store, name: str, request: FigureRequest) -> go.Figure:
    try:
        entry = FIGURES[name]
    except KeyError:
        raise ValueError(f"unknown figure {name!r}: choose one of {', '.join(FIGURES)}") from None
    return entry.build(store, request)
