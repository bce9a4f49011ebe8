"""The workbench's report list without Streamlit: filters, counts, navigation, review queue, layers.

Pure functions over reports, so they can be tested without a browser. Which
reports disagree with a run, and the run's overlay, come from
phi_core.ui.gold_comparison; they are passed on here (``__all__``) because the
Workbench page reads everything it filters and draws through this one module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from phi_core.models import LABEL_STATUSES, Report
from phi_core.ui.gold_comparison import compare_with_gold, disagreeing_ids, items_by_report

__all__ = [
    "GOLD_LAYER",
    "ReportFilter",
    "compare_with_gold",
    "disagreeing_ids",
    "filter_reports",
    "items_by_report",
    "layer_options",
    "layer_view",
    "needs_review",
    "status_counts",
    "step_id",
    "warning_rows",
]


@dataclass(frozen=True)
class ReportFilter:
    statuses: tuple[str, ...] = ()
    warnings_only: bool = False
    # Ids that disagree with the chosen run; None when no run filter is active.
    disagreeing_ids: frozenset[str] | None = None
    search: str = ""
    # Document styles to keep (synthetic-styles records one per report); empty keeps all.
    styles: tuple[str, ...] = ()


def filter_reports(reports: Iterable[Report], flt: ReportFilter) -> list[Report]:
    needle = flt.search.strip()
    kept = []
    for report in reports:
        if flt.statuses and report.status not in flt.statuses:
            continue
        if flt.styles and report.style not in flt.styles:
            continue
        if flt.warnings_only and not needs_review(report):
            continue
        if flt.disagreeing_ids is not None and report.id not in flt.disagreeing_ids:
            continue
        if needle and needle not in report.id and needle not in report.text:
            continue
        kept.append(report)
    return kept


def needs_review(report: Report) -> bool:
    """Import left something to check: a warning, or no labels at all."""
    return bool(report.warnings) or report.status == "unlabeled"


def status_counts(reports: Iterable[Report]) -> dict[str, int]:
    counts = {status: 0 for status in LABEL_STATUSES}
    for report in reports:
        counts[report.status] = counts.get(report.status, 0) + 1
    return counts


def step_id(ids: Sequence[str], current: str | None, step: int) -> str | None:
    """The id ``step`` places away from ``current``; stays put at either end.

    A current id that is not in the list (filtered out) goes to the first one.
    """
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    index = min(max(ids.index(current) + step, 0), len(ids) - 1)
    return ids[index]


def warning_rows(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """The review queue: one row per import warning, plus unlabeled reports."""
    rows = []
    for report in reports:
        for warning in report.warnings:
            rows.append(
                {
                    "report_id": report.id,
                    "status": report.status,
                    "kind": warning.kind,
                    "message": warning.message,
                    "label": warning.label,
                    "value": warning.value,
                }
            )
        if report.status == "unlabeled" and not any(w.kind == "no_labels" for w in report.warnings):
            rows.append(
                {
                    "report_id": report.id,
                    "status": report.status,
                    "kind": "no_labels",
                    "message": "nobody has labelled this report yet",
                    "label": None,
                    "value": None,
                }
            )
    return rows


# ------------------------------------------------------------------ layers

GOLD_LAYER = ""


def layer_options(*, layer_name: str, may_edit_gold: bool, has_queue: bool) -> list[str]:
    """Which layers this person can open: their own ('' = gold first when they may edit it).

    With reports assigned to them, their own layer comes first so that the
    queue is what they see on arrival.
    """
    options = []
    if may_edit_gold:
        options.append(GOLD_LAYER)
    if layer_name:
        options.insert(0 if has_queue else len(options), layer_name)
    return options or [GOLD_LAYER]


def layer_view(reports: Sequence[Report], layers: Mapping[str, Mapping[str, Any]], annotator: str) -> list[Report]:
    """The reports as one annotator's layer shows them: their spans and status (unlabeled when none yet).

    So that the list, its filters and counts describe the layer being edited,
    not the gold (which blind mode must not reveal either).
    """
    out = []
    for report in reports:
        layer = layers.get(report.id, {}).get(annotator)
        out.append(
            report.model_copy(
                update={
                    "spans": list(layer.spans) if layer else [],
                    "status": layer.status if layer else "unlabeled",
                }
            )
        )
    return out
