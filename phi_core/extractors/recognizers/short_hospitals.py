"""Hospitals by their short form: 仙台北総合, はなみずき総合, 市立総合, 港南CL (recall-first).

Staff shorten a general hospital's name to its place and 総合, dropping 病院:
``母が 8/8 に 仙台北総合 を退院予定``, ``PTX 1回目（はなみずき総合）終了``, a ledger's column
of ``市立総合``. The short form stands as a word of its own (after a blank, a bracket or a
list mark, and before one or a particle); a school subject (歴史総合) is no place, and a
word that goes on (総合的, 総合判定, 総合病院, read whole by the rules) does not end there.
On the development sets the form was marked ten times in twelve.

A clinic is shortened the same way, its place in kanji and CL after it, as a courier's or a ledger's
column writes it: ``| 港南CL | 08:05 |``. Its place and 診 (磯子診, for 診療所) was tried and left: far more
words end in 診 for an examination (細胞診, 直腸診, 御高診, 退院診) than name a clinic.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import FULL_WIDTH_KATAKANA, HIRAGANA_LETTERS, KANJI

from .sudachi_names import RANK_SUPPLEMENT

_SHORT_FORM = re.compile(
    rf"(?:^|(?<=[\s（(「『、・→]))(?P<name>[{KANJI}{HIRAGANA_LETTERS}{FULL_WIDTH_KATAKANA}]{{2,8}}総合)"
    r"(?=[\s）)」』、。]|$|を|に|へ|で|の|から|より)"
)
_SHORT_CLINIC = re.compile(
    rf"(?:^|(?<=[\s（(「『、・→|｜│]))(?P<name>[{KANJI}]{{2,4}}CL)"
    r"(?=[\s）)」』、。|｜│]|$|を|に|へ|で|の|から|より)",
    re.MULTILINE,
)
# Subjects of a school's timetable and words that end in 総合 without naming a place.
_NOT_PLACES = ("歴史", "地理", "理科", "国語", "英語", "数学", "情報", "科学", "結果", "評価", "所見", "意見")


@register
class ShortHospitalRecognizer(Recognizer):
    name: ClassVar[str] = "short-hospital"
    categories: ClassVar[tuple[str, ...]] = ("HOSPITAL_NAME",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        for m in _SHORT_CLINIC.finditer(text) if "CL" in text else ():
            found.append(Candidate(*m.span("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        if "総合" not in text:
            return found
        for m in _SHORT_FORM.finditer(text):
            if m.group("name")[:-2].endswith(_NOT_PLACES):
                continue
            found.append(Candidate(m.start("name"), m.end("name"), "HOSPITAL_NAME", RANK_SUPPLEMENT))
        return found
