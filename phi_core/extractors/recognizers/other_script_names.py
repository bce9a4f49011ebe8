"""A name in Cyrillic or Thai script in a Japanese document: one to three words standing alone.

A patient from Russia, Ukraine, Mongolia or Thailand is written in their own script beside the Latin or
katakana form (``GANBOLD Temuulen／Ганболд Тэмүүлэн``, ``สุภาพร แก้วมณี（SUPHAPHORN KAEWMANEE）``). A Japanese
clinical document has no other use for a short run of those letters, so such a run is a name, as a run of
Hangul is (hangul-name); a line holding prose in that script (three more words of it) is left alone.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

# Cyrillic with its Ukrainian, Belarusian and Mongolian letters; Thai with its vowel and tone marks.
_SCRIPTS = ("\u0400-\u04ff", "\u0e01-\u0e4e")
# Thai writes a phrase without blanks (บัตรประจำตัวประชาชน, "identity card"): a Thai name is a given name and a
# family name a blank apart, after a title (นาย, นาง, นางสาว) or none.
_THAI_TITLE = r"(?:(?:นางสาว|นาย|นาง|ด\.ช\.|ด\.ญ\.) ?)?"
_CYRILLIC, _THAI = _SCRIPTS
_RUNS = [
    re.compile(rf"(?<![{_CYRILLIC}])[{_CYRILLIC}]{{2,}}(?: [{_CYRILLIC}]{{2,}}){{0,2}}(?![{_CYRILLIC}])"),
    re.compile(rf"(?<![{_THAI}]){_THAI_TITLE}(?P<name>[{_THAI}]{{2,15}} [{_THAI}]{{2,20}})(?![{_THAI}])"),
]
_WORDS = [re.compile(rf"[{letters}]+") for letters in _SCRIPTS]


@register
class OtherScriptNameRecognizer(Recognizer):
    name: ClassVar[str] = "other-script-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if text.isascii():
            return []
        found = []
        for run, word in zip(_RUNS, _WORDS, strict=True):
            for m in run.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                outside = line[: m.start() - line_start] + " " + line[m.end() - line_start :]
                if len(word.findall(outside)) >= 3:
                    continue  # prose in that script
                span = m.span("name") if "name" in m.re.groupindex else m.span()
                found.append(Candidate(*span, person_category(text, *span), RANK_SUPPLEMENT))
        return found
