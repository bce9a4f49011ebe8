"""The rule-based extractor behind the same interface as the LLM phases."""

from __future__ import annotations

import time
from typing import Any

from phi_core.extractors import rules
from phi_core.extractors.base import ExtractionOutcome
from phi_core.models import Report


class RulesExtractor:
    """``profile`` names a profile of data/rules/profiles.toml; ``balanced`` is the `rules` extractor."""

    backend = "rules"
    model = "rules"
    phase = "-"
    host = "local"

    def __init__(self, profile: str = rules.DEFAULT_PROFILE):
        self.profile = profile
        if profile != rules.DEFAULT_PROFILE:
            self.model = profile

    def provenance(self) -> dict[str, Any]:
        found = {"extractor": "rules", "version": rules.VERSION}
        # The default profile keeps the provenance (and job key) runs had before profiles existed.
        return found if self.profile == rules.DEFAULT_PROFILE else {**found, "profile": self.profile}

    def identity(self) -> dict[str, Any]:
        """What makes two runs the same work (part of the job key)."""
        found = {"rules_version": rules.VERSION}
        return found if self.profile == rules.DEFAULT_PROFILE else {**found, "profile": self.profile}

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        started = time.perf_counter()
        spans, items = rules.extract_located(report.text, profile=self.profile)
        return ExtractionOutcome(items=items, spans=spans, raw="", seconds=time.perf_counter() - started)
