"""From the store's layers to agreement units, and the per-annotator figures."""

from __future__ import annotations

import statistics
from typing import Any

from phi_core.agreement.compute import Unit, agreement_with, compute_agreement


def _triples(spans) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.category) for s in spans]


def units_from_store(store, dataset: str, split: str | None = None, *, submitted_only: bool = True) -> list[Unit]:
    """One unit per report with at least two (submitted) annotator layers."""
    layers = store.layers(dataset, split=split)
    if not layers:
        return []
    lengths = {r.id: len(r.text) for r in store.reports(dataset, ids=list(layers))}
    units = []
    for report_id, by_annotator in layers.items():
        chosen = {
            a: _triples(layer.spans) for a, layer in by_annotator.items() if layer.submitted or not submitted_only
        }
        if len(chosen) >= 2 and report_id in lengths:
            units.append(Unit(report_id, lengths[report_id], chosen))
    return units


def dataset_agreement(
    store, dataset: str, split: str | None = None, *, n_boot: int = 1000, seed: int = 0, submitted_only: bool = True
) -> dict[str, Any]:
    result = compute_agreement(
        units_from_store(store, dataset, split, submitted_only=submitted_only), n_boot=n_boot, seed=seed
    )
    result["dataset"], result["split"] = dataset, split
    return result


def annotator_figures(store, dataset: str, split: str | None = None) -> list[dict[str, Any]]:
    """Per annotator: layers assigned and submitted, median minutes per report, agreement with adjudicated gold."""
    layers = store.layers(dataset, split=split)
    adjudicated = store.adjudicated_ids(dataset)
    gold = {r.id: r for r in store.reports(dataset, ids=list(layers))} if layers else {}
    per: dict[str, dict[str, Any]] = {}
    for report_id, by_annotator in layers.items():
        for annotator, layer in by_annotator.items():
            row = per.setdefault(annotator, {"assigned": 0, "submitted": 0, "seconds": [], "mine": {}})
            row["assigned"] += 1
            if layer.submitted:
                row["submitted"] += 1
                if layer.seconds is not None:
                    row["seconds"].append(layer.seconds)
                if report_id in adjudicated:
                    row["mine"][report_id] = _triples(layer.spans)
    out = []
    reference = {rid: _triples(gold[rid].spans) for rid in adjudicated if rid in gold}
    lengths = {rid: len(r.text) for rid, r in gold.items()}
    for annotator, row in sorted(per.items()):
        vs_gold = agreement_with(reference, row["mine"], lengths)
        out.append(
            {
                "annotator": annotator,
                "assigned": row["assigned"],
                "done": row["submitted"],
                "minutes_per_report": round(statistics.median(row["seconds"]) / 60, 2) if row["seconds"] else None,
                "exact_f1_vs_gold": vs_gold["exact_f1"] if vs_gold["n_reports"] else None,
                "kappa_vs_gold": vs_gold["kappa"] if vs_gold["n_reports"] else None,
                "adjudicated_reports": vs_gold["n_reports"],
            }
        )
    return out
