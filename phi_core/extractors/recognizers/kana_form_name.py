"""The `kana-form-name` recognizer."""

from __future__ import annotations

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_forms import kana_form_candidates
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register


@register
class KanaFormNameRecognizer(Recognizer):
    """Half-width katakana names (ﾅｶﾑﾗ ﾊﾙｴ) and caret-separated names (ヒガシ^ユウジ, YAMADA^TARO)."""

    name = "kana-form-name"
    categories = ("PATIENT_NAME", "NAME_READING")

    def find(self, doc: Document) -> list[Candidate]:
        return kana_form_candidates(doc.text)
