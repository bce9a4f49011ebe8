"""The `address` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class AddressRecognizer(PatternFamilyRecognizer):
    """Postal codes (〒 outside) and addresses from a prefecture, a city or a block number."""

    name = "address"
    categories = ("ADDRESS",)
    kinds = frozenset({"address"})
