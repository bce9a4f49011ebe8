"""The corpus actions as the app and CLI call them: import, export, delete; each checks the role first.

Reading and writing files lives in the importers and exporters; this module is
where a request becomes a change to the store or a file full of PHI, so it is
where :func:`phi_core.roles.require` runs (a page hiding a button is not a check).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from phi_core.models import Report
from phi_core.roles import Actor, require
from phi_core.store.database import StoreError


def import_reports(store, actor: Actor | str, dataset: str, reports: Sequence[Report], *, source: str) -> int:
    """Add new reports to a dataset (the store refuses ids it already has)."""
    require(actor, "import")
    return store.add_reports(dataset, list(reports), source=source)


def import_layer(store, actor: Actor | str, dataset: str, reports: Sequence[Report], *, annotator: str) -> int:
    """Put a file's labels into one annotator's layer of reports already in the dataset."""
    actor = require(actor, "import")
    return store.import_layer(dataset, list(reports), annotator=annotator, actor=actor.label or annotator)


def delete_dataset(store, actor: Actor | str, dataset: str) -> None:
    """Remove a dataset with its labels, layers and runs."""
    require(actor, "delete_dataset")
    if not store.has_dataset(dataset):
        raise StoreError(f"there is no dataset called {dataset!r}: nothing was deleted")
    store.delete_dataset(dataset)


def export_gold(
    store,
    actor: Actor | str,
    dataset: str,
    out: str | Path,
    fmt: str,
    *,
    split: str | None = None,
    force: bool = False,
) -> int:
    """Write a dataset's gold labels (with the report texts: PHI) to a new owner-only file."""
    from phi_core.corpus.exporters import write_corpus

    require(actor, "export_phi")
    _known(store, dataset)
    reports = store.reports(dataset, split=split)
    provenance = store.dataset_provenance(dataset)
    for report in reports:
        # Every exported report says where its dataset came from.
        report.meta["provenance"] = provenance
    return write_corpus(reports, out, fmt, force=force)


def export_gold_reports(
    actor: Actor | str, reports: Sequence[Report], path: str | Path, fmt: str, *, force: bool = False
) -> int:
    """Write reports the caller already holds (the workbench's filtered list) to a new owner-only file."""
    from phi_core.corpus.exporters import write_corpus

    require(actor, "export_phi")
    return write_corpus(list(reports), path, fmt, force=force)


def export_predictions(
    store,
    actor: Actor | str,
    dataset: str,
    out: str | Path,
    fmt: str,
    *,
    backend: str,
    model: str | None = None,
    phase: str | None = None,
    split: str | None = None,
    force: bool = False,
) -> int:
    """Write one scored run's predictions (with the report texts: PHI) to a file."""
    from phi_core.corpus.predictions import (
        PREDICTION_WRITERS,
        items_by_report,
        located_by_report,
        prediction_records,
    )

    require(actor, "export_phi")
    _known(store, dataset)
    if not backend:
        raise StoreError("exporting predictions needs --backend (and --model/--phase when there are several runs)")
    latest = set(store.latest_scored_runs(dataset, split)["run_id"])
    runs = [
        r
        for r in store.runs(dataset)
        if r.run_id in latest
        and r.backend == backend
        and (not model or r.model == model)
        and (not phase or str(r.phase) == str(phase))
    ]
    if not runs:
        raise StoreError(
            f"no scored {backend} run on {dataset} ({split or 'all splits'}) matches: "
            "check --model and --phase, or start the run first"
        )
    if len(runs) > 1:
        names = ", ".join(f"{r.model} phase {r.phase}" for r in runs)
        raise StoreError(f"several runs match ({names}): add --model and --phase")
    run = runs[0]
    items = items_by_report(store.predicted_items(run.run_id))
    answered = set(store.task_results(run.run_id)["report_id"])
    done = [r for r in store.reports(dataset, split=split) if r.id in items or r.id in answered]
    located = located_by_report(store.located_spans(run.run_id))
    return PREDICTION_WRITERS[fmt](prediction_records(done, items, located), out, force=force)


def _known(store, dataset: str) -> None:
    if not store.has_dataset(dataset):
        raise StoreError(f"there is no dataset called {dataset!r}: see `python -m phi_core init`")
