"""The `time` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class TimeRecognizer(PatternFamilyRecognizer):
    name = "time"
    categories = ("TIME",)
    kinds = frozenset({"time"})
