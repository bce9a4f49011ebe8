"""The `id-label` recognizer: identifiers after their own labels."""

from __future__ import annotations

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.label_hits import id_candidates
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register


@register
class IdLabelRecognizer(Recognizer):
    """Identifiers after their own labels, with or without a colon (カルテNo.KS1964...)."""

    name = "id-label"
    categories = ("PATIENT_ID", "OTHER_ID")

    def find(self, doc: Document) -> list[Candidate]:
        return id_candidates(doc.text)
