"""The `romaji-name` recognizer."""

from __future__ import annotations

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_forms import romaji_name_candidates
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register


@register
class RomajiNameRecognizer(Recognizer):
    """Romaji names with a cue: Dr. Y. Ohashi, Mr. Taro Yamada, Reported by ..., YAMADA Taro, MD."""

    name = "romaji-name"
    categories = ("PHYSICIAN_NAME", "PATIENT_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        return romaji_name_candidates(doc.text)
