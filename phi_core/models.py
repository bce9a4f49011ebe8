"""The records every module passes around: reports, gold spans, predicted items.

Offsets are Python string indices (code points), end exclusive, everywhere.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

Split = Literal["dev", "test"]
LabelStatus = Literal["unlabeled", "silver", "in_review", "approved"]
SPLITS: tuple[str, ...] = ("dev", "test")
LABEL_STATUSES: tuple[str, ...] = ("unlabeled", "silver", "in_review", "approved")


class Span(BaseModel):
    """A gold (or located predicted) stretch of text with its canonical category."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    category: str
    text: str = ""
    # How the value is written ("era-abbreviated date", "HL7 name"...): set by
    # the styles generator so errors can be broken down by writing; None elsewhere.
    format: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be after start {self.start}")
        return self

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class PredictedItem(BaseModel):
    """What an extractor returns: a label (any spelling) and a verbatim value."""

    category: str
    value: str


class ImportWarning(BaseModel):
    """Something an importer could not take at face value, kept for review."""

    kind: Literal[
        "value_not_found",
        "unmapped_label",
        "duplicate_span",
        "no_labels",
        "position_mismatch",
        "unparseable_labels",
        "duplicate_report",
        "overlapping_spans",
    ]
    message: str
    label: str | None = None
    value: str | None = None


class Report(BaseModel):
    id: str
    text: str
    split: Split = "dev"
    status: LabelStatus = "silver"
    spans: list[Span] = Field(default_factory=list)
    warnings: list[ImportWarning] = Field(default_factory=list)
    meta: dict = Field(default_factory=dict)
    # Kind of document ("hl7", "referral", "nursing"...): None when unknown.
    style: str | None = None

    @model_validator(mode="after")
    def _spans_inside_text(self) -> "Report":
        n = len(self.text)
        for span in self.spans:
            if span.end > n:
                raise ValueError(f"span {span.start}-{span.end} runs past the end of report {self.id} ({n} characters)")
            if not span.text:
                span.text = self.text[span.start : span.end]
            elif self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}-{span.end} of report {self.id} says {span.text!r} "
                    f"but the text there is {self.text[span.start : span.end]!r}"
                )
        return self


class ImportSummary(BaseModel):
    """What an import found; printed as JSON by the CLI and shown before commit."""

    dataset: str
    source: str
    format: str
    reports: int = 0
    spans: int = 0
    unmapped_labels: dict[str, int] = Field(default_factory=dict)
    values_not_found: int = 0
    duplicates: int = 0
    reports_without_labels: int = 0
    position_mismatches: int = 0
    duplicate_reports: int = 0
    # Label cells (paper CSV phi_items) that could not be read at all, and spans that cut into each other.
    unreadable_label_cells: int = 0
    overlapping_spans: int = 0
    # The text encoding the file was read in (UTF-8, CP932 (Shift_JIS), EUC-JP).
    encoding: str = "UTF-8"
    by_split: dict[str, int] = Field(default_factory=dict)
    # Reports per document style, for corpora that record one (synthetic-styles).
    by_style: dict[str, int] = Field(default_factory=dict)
    errors: list[str] = Field(default_factory=list)
    committed: bool = False
