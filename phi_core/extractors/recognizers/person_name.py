"""The `person-name` recognizer: names in running text by a cue."""

from __future__ import annotations

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.prose_names import prose_name_candidates
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register


@register
class PersonNameRecognizer(Recognizer):
    """Names in running text found by a cue: Dr., honorifics, role words, relations, initials."""

    name = "person-name"
    categories = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return prose_name_candidates(doc.text)
