"""The rule-based extractor behind the same interface as the LLM phases."""

from __future__ import annotations

import time
from typing import Any

from phi_core.extractors import rules
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import Report


class RulesExtractor:
    backend = "rules"
    model = "rules"
    phase = "-"
    host = "local"

    def provenance(self) -> dict[str, Any]:
        return {"extractor": "rules", "version": rules.VERSION}

    def identity(self) -> dict[str, Any]:
        """What makes two runs the same work (part of the job key)."""
        return {"rules_version": rules.VERSION}

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        started = time.perf_counter()
        items = rules.extract(report.text)
        return ExtractionOutcome(items=items, raw="", seconds=time.perf_counter() - started)
