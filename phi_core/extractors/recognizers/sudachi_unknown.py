"""Words SudachiDict does not know (out-of-vocabulary), in kanji or kana.

A full dictionary knows ordinary and clinical words; what it does not know in
a clinical document is most often a rare surname, a foreign name or a service's
coined name. Numbers, symbols and Latin words are left to the identifier-shape
and romaji recognizers (Sudachi calls every number and most English words
unknown). Drug and brand names it does not know are let through by the
clinical allow-list (a dose after them, a drug-name ending).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese import honorifics
from phi_core.japanese.chars import KANJI_MARKS, is_kana, is_unified_kanji
from phi_core.nlp.morphemes import document_morphemes

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT


def _kanji(ch: str) -> bool:
    # The main block only, as measured; ヵヶ among the marks are kana anyway.
    return is_unified_kanji(ch) or ch in KANJI_MARKS


def _name_like(text: str, m) -> bool:
    """Kanji or kana words right before a title or honorific.

    Measured on the study's dev reports, an unknown word standing alone is far
    more often a loanword or jargon (ミエログラフィ, イオヘキソール) than a name;
    before 様, さん or 先生 it is a name the dictionary lacks.
    """
    surface = m.surface
    if len(surface) >= 2 and all(_kanji(ch) or is_kana(ch) for ch in surface):
        return text.startswith(_HONORIFICS, m.end)
    return False


# The words this recognizer was measured with: さま, 君 and 技師 were not among them.
_HONORIFICS = honorifics.words("person", "clinician", exclude=("さま", "君", "技師"))


@register
class SudachiUnknownRecognizer(Recognizer):
    name: ClassVar[str] = "sudachi-unknown"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        return [
            Candidate(m.start, m.end, person_category(text, m.start, m.end), RANK_SUPPLEMENT)
            for m in document_morphemes(doc)
            if m.oov and _name_like(text, m)
        ]
