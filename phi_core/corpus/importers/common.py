"""Pieces every importer shares: the error type, the result, span bookkeeping.

Importers never drop anything silently. Each problem becomes an
:class:`~phi_core.models.ImportWarning` on its report, and the summary counts
are derived from those warnings so that the two can never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phi_core.corpus.importers.encoding import Decoded, EncodingError, decode
from phi_core.corpus.locate import locate_lenient
from phi_core.models import SPLITS, ImportSummary, ImportWarning, Report, Span
from phi_core.taxonomy import CATEGORY_BY_CODE, resolve


class CorpusFormatError(Exception):
    """The file cannot be read at all; the message says what and what to do."""


@dataclass
class ImportResult:
    reports: list[Report]
    summary: ImportSummary


@dataclass
class SpanSet:
    """Gold spans of one report being built, with the warnings they raised."""

    text: str
    spans: list[Span] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    _category_at: dict[tuple[int, int], str] = field(default_factory=dict, init=False, repr=False)

    def warn(self, kind: str, message: str, *, label: str | None = None, value: str | None = None) -> None:
        self.warnings.append(ImportWarning(kind=kind, message=message, label=label, value=value))

    def add(self, start: int, end: int, category: str, *, label: str | None = None) -> bool:
        """Keep the span unless the same stretch is already labelled; True if kept."""
        piece = self.text[start:end]
        earlier = self._category_at.get((start, end))
        if earlier == category:
            self.warn(
                "duplicate_span",
                f"{piece!r} at {start}-{end} is labelled {category} twice; kept once",
                label=label,
                value=piece,
            )
            return False
        if earlier is not None:
            self.warn(
                "duplicate_span",
                f"{piece!r} at {start}-{end} is labelled both {earlier} and {category}; kept {earlier}",
                label=label,
                value=piece,
            )
            return False
        self._category_at[(start, end)] = category
        self.spans.append(Span(start=start, end=end, category=category, text=piece))
        return True

    def finish(self) -> tuple[list[Span], list[ImportWarning]]:
        """Spans in text order, after flagging partial overlaps across categories.

        A span nested inside another (a reading inside a name line) is normal;
        only stretches that cut into each other make a masker's job ambiguous.
        """
        ordered = sorted(self.spans, key=lambda s: (s.start, s.end, s.category))
        for i, left in enumerate(ordered):
            for right in ordered[i + 1 :]:
                if right.start >= left.end:
                    break
                nested = right.end <= left.end or (right.start == left.start)
                if not nested and left.category != right.category:
                    self.warn(
                        "overlapping_spans",
                        f"{left.text!r} ({left.category}) and {right.text!r} ({right.category}) overlap "
                        f"partially at {right.start}-{left.end}",
                        value=self.text[left.start : right.end],
                    )
        return ordered, self.warnings


def check_split(split: str | None) -> None:
    if split is not None and split not in SPLITS:
        raise ValueError(f"split {split!r} is not one of {', '.join(SPLITS)}; pass one of those or leave it out")


def label_scope(spans: list[Span]) -> list[str]:
    """Categories a silver annotation speaks for: the headline eight plus what it labels.

    The study's eight-type layouts label only headline categories, so a
    prediction of, say, an age in such a report is not evidence of a false
    positive; the scorer may ignore predictions outside this scope.
    """
    scope = {code for code, cat in CATEGORY_BY_CODE.items() if cat.headline}
    scope.update(s.category for s in spans)
    return sorted(scope)


def mark_duplicate_reports(reports: list[Report]) -> None:
    """Warn on every report whose text repeats an earlier one in the same file."""
    first_with_text: dict[str, str] = {}
    for report in reports:
        original = first_with_text.setdefault(report.text, report.id)
        if original != report.id:
            report.warnings.append(
                ImportWarning(
                    kind="duplicate_report",
                    message=f"same text as report {original}; imported anyway, consider removing one",
                )
            )


def summarize(
    reports: list[Report],
    *,
    dataset: str,
    source: str | Path,
    fmt: str,
    errors: list[str] | None = None,
    encoding: str = "UTF-8",
) -> ImportSummary:
    kinds: Counter[str] = Counter()
    unmapped: Counter[str] = Counter()
    for report in reports:
        for warning in report.warnings:
            kinds[warning.kind] += 1
            if warning.kind == "unmapped_label":
                unmapped[warning.label or ""] += 1
    return ImportSummary(
        dataset=dataset,
        source=str(source),
        format=fmt,
        reports=len(reports),
        spans=sum(len(r.spans) for r in reports),
        unmapped_labels=dict(unmapped.most_common()),
        values_not_found=kinds["value_not_found"],
        duplicates=kinds["duplicate_span"],
        reports_without_labels=sum(r.status == "unlabeled" for r in reports),
        position_mismatches=kinds["position_mismatch"],
        duplicate_reports=kinds["duplicate_report"],
        unreadable_label_cells=kinds["unparseable_labels"],
        overlapping_spans=kinds["overlapping_spans"],
        encoding=encoding,
        by_split=dict(Counter(r.split for r in reports)),
        by_style=dict(sorted(Counter(r.style for r in reports if r.style).items())),
        errors=list(errors or []),
    )


def check_file(path: str | Path, what: str) -> Path:
    """The path, if it names a readable file; otherwise a CorpusFormatError."""
    path = Path(path)
    if not path.exists():
        raise CorpusFormatError(f"{what} file {path} does not exist; check the path and try again")
    if path.is_dir():
        raise CorpusFormatError(f"{path} is a folder, not a {what} file; point to the file itself")
    return path


def read_text(path: str | Path, what: str, encoding: str | None = None) -> Decoded:
    """The whole file as text (UTF-8, else CP932 or EUC-JP, or the forced encoding), or a CorpusFormatError."""
    path = check_file(path, what)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusFormatError(f"cannot read {what} file {path} ({exc.strerror}); check its permissions") from None
    try:
        return decode(data, encoding)
    except EncodingError as exc:
        raise CorpusFormatError(f"{path}: {exc}") from None


def check_encodable(reports: list[Report]) -> None:
    """Refuse text the database cannot store: a lone UTF-16 surrogate (an unpaired \\udXXX escape in JSON)."""
    for report in reports:
        pieces = [
            report.id,
            report.text,
            *(s.category for s in report.spans),
            *(w.message for w in report.warnings),
            *(str(w.label) for w in report.warnings),
            *(str(w.value) for w in report.warnings),
            str(report.meta),
        ]
        for piece in pieces:
            try:
                piece.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise CorpusFormatError(
                    f"report {ascii(report.id)} holds a lone surrogate ({ascii(piece[exc.start])}), which is not a "
                    "character: a \\udXXX escape in JSON must come as a pair. Fix the file and import again "
                    "(nothing was imported)"
                ) from None


def gold_category(label: str) -> str | None:
    """The one canonical category a gold label stands for, or None.

    Labels covering several categories (NAME, DATE, ID) are not good enough
    for gold: a gold span needs exactly one.
    """
    return resolve(label).category


def add_offset_span(spans: SpanSet, start: Any, end: Any, label: Any, claimed: str | None = None) -> None:
    """Add a span given by offsets (project JSONL, doccano), checking it against the text.

    When the offsets do not hold the claimed text, the nearest occurrence of
    that text is used instead; either way the discrepancy becomes a warning.
    """
    label = "" if label is None else str(label)
    if claimed is not None and not isinstance(claimed, str):
        # A number is its digits (an age, a room); anything else says nothing about the text.
        claimed = str(claimed) if isinstance(claimed, (int, float)) and not isinstance(claimed, bool) else None
    category = gold_category(label)
    if category is None:
        spans.warn(
            "unmapped_label",
            f"label {label!r} does not name one known category; span not created",
            label=label,
            value=claimed,
        )
        return
    text = spans.text
    offsets_ok = (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and 0 <= start < end <= len(text)
    )
    if offsets_ok and (not claimed or text[start:end] == claimed):
        spans.add(start, end, category, label=label)
        return
    where = f"{start}-{end}"
    if claimed:
        found, _how = locate_lenient(text, claimed)
        if not found:
            spans.warn(
                "value_not_found",
                f"{claimed!r} ({label}) at {where} does not occur in the text",
                label=label,
                value=claimed,
            )
            return
        anchor = start if isinstance(start, int) else 0
        nearest = min(found, key=lambda span: (abs(span[0] - anchor), span[0]))
        spans.warn(
            "position_mismatch",
            f"{claimed!r} ({label}) is not at {where}; took its occurrence at {nearest[0]}-{nearest[1]}",
            label=label,
            value=claimed,
        )
        spans.add(*nearest, category, label=label)
        return
    spans.warn(
        "position_mismatch",
        f"span {where} ({label}) lies outside the text ({len(text)} characters); dropped",
        label=label,
    )
