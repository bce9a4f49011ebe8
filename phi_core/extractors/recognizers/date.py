"""The `date` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class DateRecognizer(PatternFamilyRecognizer):
    """Dates in every written form: era (full, letter, 元年), Western, compact, English."""

    name = "date"
    categories = ("OTHER_DATE",)
    kinds = frozenset({"date", "bare-date"})
