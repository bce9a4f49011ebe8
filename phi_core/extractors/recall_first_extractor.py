"""The recall-first profile behind the same interface as the rules extractor and the LLM phases."""

from __future__ import annotations

import time
from typing import Any

from phi_core.extractors import profiles_recall_first as profile
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import Report


class RecallFirstExtractor:
    backend = "recall-first"
    model = "recall-first"
    phase = "-"
    host = "local"

    def provenance(self) -> dict[str, Any]:
        from phi_core.nlp import sudachi_dictionary_name

        return {
            "extractor": "recall-first",
            "version": profile.VERSION,
            "recognizers": list(profile.ENABLED),
            "allow_list": profile.ALLOW_LIST,
            "sudachi_dictionary": sudachi_dictionary_name(),
        }

    def identity(self) -> dict[str, Any]:
        """What makes two runs the same work (part of the job key)."""
        return {"recall_first_version": profile.VERSION, "recognizers": list(profile.ENABLED)}

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        started = time.perf_counter()
        items = profile.extract(report.text)
        return ExtractionOutcome(items=items, raw="", seconds=time.perf_counter() - started)
