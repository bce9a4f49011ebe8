"""Dates and times written in words: units in hiragana, numerals in kanji.

``１がつ２２にち``, ``12がつ16にち``, ``ごご 1じ05ふん``, ``ごぜん 9じはん``, ``3じ15ふん``: the same date and
time as 1月22日 and 午後1時05分, as text for children or in plain Japanese writes them; the
patterns read only the kanji units. A bare ``3じ`` (three o'clock, or a word ending in じ after a
number) counts only after ごぜん or ごご.

``午後二時三十分``, ``十四時五分``, ``午前十時半``: a time in kanji numerals, as a certificate or a formal
letter writes it; only with 午前/午後 or its minutes, since ``一時`` alone is "for a while" (一時中断).
"""

from __future__ import annotations

import re
from typing import ClassVar

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_D = "[0-9０-９]"
_DATE = re.compile(rf"(?<![0-9０-９])(?:{_D}{{4}}ねん[ \u3000]?)?{_D}{{1,2}}がつ[ \u3000]?{_D}{{1,2}}にち")
_KANJI_NUMERAL = "[〇一二三四五六七八九十]"
_KANJI_TIME = re.compile(
    rf"(?:午前|午後)[ \u3000]?{_KANJI_NUMERAL}{{1,3}}時(?:{_KANJI_NUMERAL}{{1,3}}分|半)?"
    rf"|(?<![〇一二三四五六七八九十]){_KANJI_NUMERAL}{{1,3}}時{_KANJI_NUMERAL}{{1,3}}分"
)
_TIME = re.compile(
    rf"(?:ごぜん|ごご)[ \u3000]?{_D}{{1,2}}じ(?:[ \u3000]?{_D}{{1,2}}ふん|はん)?"
    rf"|(?<![0-9０-９]){_D}{{1,2}}じ[ \u3000]?{_D}{{1,2}}ふん"
)


@register
class HiraganaDateRecognizer(Recognizer):
    name: ClassVar[str] = "hiragana-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "TIME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "がつ" in text:
            found += [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _DATE.finditer(text)]
        if "じ" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _TIME.finditer(text)]
        if "時" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _KANJI_TIME.finditer(text)]
        return found
