"""The `age` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class AgeRecognizer(PatternFamilyRecognizer):
    name = "age"
    categories = ("AGE",)
    kinds = frozenset({"age"})
