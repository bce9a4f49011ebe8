"""What the runner asks of anything that finds PHI in a report.

The rule-based extractor and every (LLM backend, model, phase) combination
look the same to the runner: one report in, one :class:`ExtractionOutcome` out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from phi_core.models import PredictedItem, Report, Span


@dataclass
class CallRecord:
    """One backend call made (or answered from the cache) while extracting."""

    step: str  # "extract", "refine-1", "refine-2", ...
    request_hash: str
    raw: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    seconds: float = 0.0
    load_seconds: float = 0.0
    cached: bool = False
    metrics: dict[str, Any] = field(default_factory=dict)
    # Validity codes this call earned (phi_core/violations.py: VALIDITY).
    validity: list[str] = field(default_factory=list)


@dataclass
class ExtractionOutcome:
    items: list[PredictedItem]
    violations: list[str] = field(default_factory=list)
    raw: str = ""  # the final reply text, as the model wrote it
    calls: list[CallRecord] = field(default_factory=list)
    # Latency we score: model time excluding load (LLMs) or wall time (rules).
    seconds: float = 0.0
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    # Tokens of the input the efficiency score is normalised by (first prompt).
    input_tokens: int | None = None
    error: str | None = None
    # The host stopped answering: the runner stops sending it work.
    host_down: bool = False
    # Validity code -> how many of this task's calls earned it.
    validity: dict[str, int] = field(default_factory=dict)
    # Replies that gave nothing to read, and what the parser said about the first.
    unparseable_replies: int = 0
    parse_error: str | None = None
    # Where the values are, when the extractor knows (rules, recognizers, their
    # pipelines): scored, merged and masked as they are. None for model replies,
    # whose items are located by string search (the study's item model).
    spans: list[Span] | None = None

    @property
    def backend_calls(self) -> int:
        return sum(1 for c in self.calls if not c.cached)


class Extractor(Protocol):
    backend: str
    model: str
    phase: str

    def provenance(self) -> dict[str, Any]:
        """Everything needed to reproduce the run (versions, options, hashes)."""
        ...

    def extract(self, report: Report, *, repeat: int = 0) -> ExtractionOutcome:
        """``repeat`` numbers the repeated runs of one report (0 first); a
        repeat must be a fresh call, never an earlier repeat's cached reply."""
        ...
