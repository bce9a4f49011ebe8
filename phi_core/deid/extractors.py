"""Extractors for the parts of a pipeline when de-identifying new documents.

The rules part is the rules extractor itself. A model part becomes a phase
extractor through the run machinery's factory; that call sits in
:func:`model_extractor` alone so it can follow the runner when it moves.
"""

from __future__ import annotations

from typing import Callable

from phi_core.models import Report
from phi_core.pipelines.definition import Part

Extract = Callable[[str], list[tuple[str, str]]]


def model_extractor(part: Part, store) -> object:
    from phi_core.engine.factory import build_phase_extractors
    from phi_core.paths import BUILTIN_DATASET
    from phi_core.runner.job import Job

    job = Job(dataset=BUILTIN_DATASET, backend=part.backend, model=part.model, phase=part.phase)
    return build_phase_extractors(job, store)[0]


def part_extractor(part: Part, store=None) -> Extract:
    """A function from text to (label, value) items for one part."""
    if part.is_rules:
        from phi_core.extractors.rules_extractor import RulesExtractor

        extractor = RulesExtractor()
    else:
        if store is None:
            raise ValueError(f"the part {part.spec()} calls a model and needs the store (for its reply cache)")
        extractor = model_extractor(part, store)

    def extract(text: str) -> list[tuple[str, str]]:
        outcome = extractor.extract(Report(id="deid", text=text, status="unlabeled"))
        if outcome.error:
            raise RuntimeError(f"{part.spec()} failed on a document: {outcome.error}")
        return [(item.category, item.value) for item in outcome.items]

    return extract
