"""GiNZA's named entities (ja_ginza, Sekine's extended labels) mapped to PHI categories.

Only labels that name a person, a place where someone lives, a way to reach
someone or a moment of care are mapped; everything else GiNZA knows (Drug,
Disease_Other, Physical_Extent, Position_Vocation ...) is ignored. Entities
come at the supplement rank, so any rule's span wins an overlap.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.nlp import ginza

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

# GiNZA label -> PHI category; "PERSON" is typed by the cue beside the name.
LABELS: dict[str, str] = {
    "Person": "PERSON",
    "Postal_Address": "ADDRESS",
    "Phone_Number": "PHONE",
    "ID_Number": "OTHER_ID",
    "Email": "OTHER_ID",
    "URL": "OTHER_ID",
    "Date": "OTHER_DATE",
    "Time": "TIME",
    "Age": "AGE",
    "City": "ADDRESS",
    "County": "ADDRESS",
}

_GINZA = threading.Lock()  # one pipeline per process, used by one thread at a time
_MAX_CHARS = 4000  # GiNZA's tokenizer goes through Sudachi, which refuses long inputs


def _pieces(text: str):
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


@register
class GinzaEntityRecognizer(Recognizer):
    name: ClassVar[str] = "ginza-entities"
    categories: ClassVar[tuple[str, ...]] = tuple(sorted({c for c in LABELS.values() if c != "PERSON"})) + (
        "PATIENT_NAME",
        "PHYSICIAN_NAME",
    )

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        self.labels = dict(LABELS if labels is None else labels)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        nlp = ginza()
        found: list[Candidate] = []
        for offset, piece in _pieces(text):
            with _GINZA:
                entities = [(ent.start_char, ent.end_char, ent.label_) for ent in nlp(piece).ents]
            for ent_start, ent_end, label in entities:
                category = self.labels.get(label)
                if category is None:
                    continue
                start, end = offset + ent_start, offset + ent_end
                if category == "PERSON":
                    category = person_category(text, start, end)
                found.append(Candidate(start, end, category, RANK_SUPPLEMENT))
        return found
