"""A name written in Hangul in a Japanese document: two to four syllables standing alone.

Korean patients' and relatives' names appear in their own script beside the
Latin or katakana one (``KIM Jiwoo / 김지우``, ``パク・ソヨン（박소연）``). A
Japanese clinical document has no other use for a short run of Hangul, so such
a run is a name; a line holding Korean prose (three Hangul words or more) is
left alone, since there the words are not names.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HANGUL_SYLLABLES

from .person_context import person_category
from .sudachi_names import RANK_SUPPLEMENT

# (the family name may stand a blank apart from the given one: 권 서연)
_RUN = re.compile(
    rf"(?<![{HANGUL_SYLLABLES}])(?:[{HANGUL_SYLLABLES}] [{HANGUL_SYLLABLES}]{{2,3}}|[{HANGUL_SYLLABLES}]{{2,4}})(?![{HANGUL_SYLLABLES}])"
)
_WORD = re.compile(rf"[{HANGUL_SYLLABLES}]+")


@register
class HangulNameRecognizer(Recognizer):
    name: ClassVar[str] = "hangul-name"
    categories: ClassVar[tuple[str, ...]] = ("PATIENT_NAME", "PHYSICIAN_NAME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _RUN.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if len(_WORD.findall(line)) - len(_WORD.findall(m.group())) >= 2:
                continue  # Korean prose
            found.append(Candidate(*m.span(), person_category(text, *m.span()), RANK_SUPPLEMENT))
        return found
