"""A small database with real rules runs and fake multi-phase LLM runs, for figure and page tests.

The LLM runs go through the real Runner and scorer; only the extractor is a
stand-in that returns a deterministic share of the gold values per model and
phase, so the phase and threshold pages have several models to work with.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from phi_core.scoring.stored_runs import score_run
from phi_core.extractors.base import ExtractionOutcome
from phi_core.extractors.rules_extractor import RulesExtractor
from phi_core.models import PredictedItem, Report
from phi_core.runs import Job, Runner
from phi_core.first_start import initialise
from phi_core.store import Store

DATASET = "synthetic"
REPORTS = 10
# model -> share of gold values found in phase 3, and in phase 4
MODELS = {
    "alpha:7b": (0.55, 0.85),
    "beta:8b": (0.6, 0.88),
    "gamma:12b": (0.7, 0.9),
    "delta:14b": (0.9, 0.9),
    "eps:24b": (0.95, 0.94),
    "zeta:27b": (0.97, 0.97),
}


class ShareExtractor:
    """Finds a fixed share of each report's gold values (chosen by a hash, so repeatable)."""

    backend, host = "ollama", "fake"

    def __init__(self, model: str, phase: str, share: float):
        self.model, self.phase, self.share = model, phase, share

    def provenance(self) -> dict:
        return {"fake": True}

    def identity(self) -> dict:
        return {"share": self.share}

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        items = []
        for span in report.spans:
            text = report.text[span.start : span.end]
            if zlib.crc32(f"{self.model}|{report.id}|{span.start}".encode()) % 1000 < self.share * 1000:
                items.append(PredictedItem(category=span.category, value=text))
        if report.spans and self.share < 0.8:  # weaker runs also guess
            items.append(PredictedItem(category="OTHER_ID", value=report.text[:4]))
        return ExtractionOutcome(items=items, raw="{}", seconds=2.0 + 10 * self.share, input_tokens=400)


def populate(path: Path, *, llm_runs: bool = True, split: str | None = "dev") -> Path:
    """Runs over the first REPORTS reports of ``split`` (None: all splits, the app's default view)."""
    with Store(path) as store:
        initialise(store, seed=True)
        Runner(
            store,
            Job(dataset=DATASET, backend="rules", split=split, limit=REPORTS),
            [RulesExtractor()],
            scorer=score_run,
        ).run()
        if llm_runs:
            for model, shares in MODELS.items():
                for phase, share in zip(("3", "4"), shares):
                    job = Job(dataset=DATASET, backend="ollama", model=model, phase=phase, split=split, limit=REPORTS)
                    Runner(store, job, [ShareExtractor(model, phase, share)], scorer=score_run).run()
    return path
