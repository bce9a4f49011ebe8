"""What one recognizer or the recall-first profile finds in a text: the probes the recall tests share."""

from __future__ import annotations

import phi_core.extractors.recognizers  # noqa: F401  (registers every recognizer)
from phi_core.extractors import profiles_recall_first as rf
from phi_core.extractors import rules
from phi_core.extractors.recognition.recognizer import Document, recognizer_class


def found(name: str, text: str) -> list[str]:
    """The values recognizer ``name`` proposes in ``text``."""
    return [text[c.start : c.end] for c in recognizer_class(name)().find(Document(text))]


def masked(text: str) -> list[tuple[str, str]]:
    """(value, category) of every span recall-first masks in ``text``."""
    return [(s.text, s.category) for s in rf.extract_spans(text)]


def balanced_masked(text: str) -> list[tuple[str, str]]:
    """(value, category) of every span the balanced profile (the ``rules`` extractor) masks in ``text``."""
    return [(s.text, s.category) for s in rules.extract_spans(text)]


def values(text: str) -> list[str]:
    return [value for value, _ in masked(text)]


def balanced_values(text: str) -> list[str]:
    """The values the balanced profile masks in ``text``."""
    return [value for value, _ in balanced_masked(text)]


def masked_as(category: str, text: str) -> list[str]:
    """The values recall-first masks in ``text`` as ``category``."""
    return [value for value, cat in masked(text) if cat == category]


def covered(value: str, spans: list[str]) -> bool:
    """Is ``value`` inside one of the masked ``spans`` (a span may be wider than the value)?"""
    return any(value in span for span in spans)
