"""The `label-context` recognizer: values after their label."""

from __future__ import annotations

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.label_hits import context_regions, label_candidates, label_hits
from phi_core.extractors.recognition.recognizer import Document, Recognizer, Region, register


@register
class LabelContextRecognizer(Recognizer):
    """``key：value``, ``key: value`` and Markdown table rows: the label decides the category."""

    name = "label-context"
    categories = (
        "PATIENT_NAME",
        "PHYSICIAN_NAME",
        "NAME_READING",
        "SEX",
        "ADDRESS",
        "FACILITY_ADDRESS",
        "EMERGENCY_CONTACT",
        "HOSPITAL_NAME",
        "DEPARTMENT",
    )

    def find(self, doc: Document) -> list[Candidate]:
        return label_candidates(doc.text, label_hits(doc))

    def regions(self, doc: Document) -> list[Region]:
        return context_regions(doc.text, label_hits(doc))
