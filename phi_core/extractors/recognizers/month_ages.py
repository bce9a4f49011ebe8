"""An infant's age in months after its word, and an age opening a line with the sex glued after it.

- Months of age after 月齢 (age in months) or 修正 (the age corrected for a preterm birth):
  ``月齢 2か月``, ``（修正0か月）``, ``修正月齢 3ヶ月``, ``修正4か月``, as well-baby and home-visit notes
  write a child's age; days after the months go with them (``修正1か月10日``). Not a period after
  修正 that is no age (``修正後3か月``: 後 stands between).
- Months of age beside a sex word (``男 4か月``, ``男児 / 4か月``, ``2ヶ月 女児``) or before a corrected age
  (``7か月（修正4か月）``); never a period (``4か月後``, ``3か月間``). (A corrected age in weeks, 修正36週, is left:
  the writers of the development sets marked 3 of the 20 it would have masked.)
- An age opening a line with the sex letter glued after it (``　78M　誤嚥性肺炎``, ``45F 胸痛``), as
  referral lists and handovers write who: two digits or three, the age only (the sex letter is read by
  the sex rules); not a floor (``10F 病棟``, ``12F ロビー``): a word of a building after it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import HIRAGANA, KANJI, KATAKANA

from .sudachi_names import RANK_SUPPLEMENT

_MONTHS = r"(?:か月|ヶ月|ケ月|カ月|ヵ月|ｹ月|ｶ月|ヶ月|箇月)"
_MONTH_AGE = re.compile(
    r"(?:修正月齢|修正月令|月齢|月令|修正)[ \u3000]?[:：]?[ \u3000]?"
    rf"(?P<v>[0-9０-９]{{1,2}}{_MONTHS}(?:[0-9０-９]{{1,2}}日)?)"
)
# A period, not an age, when a word of time runs on after the months (4か月後, 3か月間, 2か月ぶり).
_PERIOD_AFTER = r"(?![0-9０-９]|後|間|前|ぶり|振り|以上|以内|未満|頃|ごろ|目|毎|分|程|ほど|経過|継続|続)"
# Months of age beside a sex word, as a child's header or list row writes who (男 4か月, 男児 / 4か月,
# 2ヶ月 女児); the chronological age before a corrected one (7か月（修正4か月）).
_SEX_WORD = r"(?:男児|女児|男性|女性|男|女)"
_MONTHS_BY_SEX = re.compile(
    rf"(?:{_SEX_WORD}[ \u3000]?[/／・、,]?[ \u3000]?(?P<a>[0-9０-９]{{1,2}}{_MONTHS}){_PERIOD_AFTER}"
    rf"|(?<![0-9０-９])(?P<b>[0-9０-９]{{1,2}}{_MONTHS})(?=[ \u3000]?[/／・、,]?[ \u3000]?{_SEX_WORD}(?![{HIRAGANA}{KATAKANA}{KANJI}]))"
    rf"|(?<![0-9０-９])(?P<c>[0-9０-９]{{1,2}}{_MONTHS})(?=[（(]修正))"
)
_BUILDING = r"(?:病棟|フロア|ロビー|ホール|エレベ|受付|売店|食堂|会議|階|棟|駐車)"
_AGE_SEX = re.compile(
    rf"^[ \u3000\t・\-]*(?P<v>[1-9][0-9]{{1,2}})[MF](?=[ \u3000\t]+(?!{_BUILDING})[^\s0-9])", re.MULTILINE
)


@register
class MonthAgeRecognizer(Recognizer):
    name: ClassVar[str] = "month-age"
    categories: ClassVar[tuple[str, ...]] = ("AGE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "月" in text:
            found.extend(Candidate(*m.span("v"), "AGE", RANK_SUPPLEMENT) for m in _MONTH_AGE.finditer(text))
            for m in _MONTHS_BY_SEX.finditer(text):
                group = m.lastgroup or "a"
                found.append(Candidate(*m.span(group), "AGE", RANK_SUPPLEMENT))
        for m in _AGE_SEX.finditer(text):
            if int(m.group("v")) <= 120:
                found.append(Candidate(*m.span("v"), "AGE", RANK_SUPPLEMENT))
        return found
