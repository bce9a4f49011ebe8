"""The `phone` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class PhoneRecognizer(PatternFamilyRecognizer):
    """Phones with dashes, spaces, parentheses, +81 and internal extensions."""

    name = "phone"
    categories = ("PHONE", "FACILITY_PHONE")
    kinds = frozenset({"phone"})
