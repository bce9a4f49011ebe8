"""The `id-shape` recognizer: a family of context-free value patterns."""

from __future__ import annotations

from phi_core.extractors.recognition.pattern_families import PatternFamilyRecognizer
from phi_core.extractors.recognition.recognizer import register


@register
class IdShapeRecognizer(PatternFamilyRecognizer):
    """Letters then a long digit run ("KS19640401"): a chart number even without a label."""

    name = "id-shape"
    categories = ("OTHER_ID",)
    kinds = frozenset({"id"})
