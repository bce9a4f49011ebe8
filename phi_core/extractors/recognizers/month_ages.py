"""An infant's age in months after its word, and an age opening a line with the sex glued after it.

- Months of age after 月齢 (age in months) or 修正 (the age corrected for a preterm birth):
  ``月齢 2か月``, ``（修正0か月）``, ``修正月齢 3ヶ月``, ``修正4か月``, as well-baby and home-visit notes
  write a child's age; days after the months go with them (``修正1か月10日``). Not a period after
  修正 that is no age (``修正後3か月``: 後 stands between).
- An age opening a line with the sex letter glued after it (``　78M　誤嚥性肺炎``, ``45F 胸痛``), as
  referral lists and handovers write who: two digits or three, the age only (the sex letter is read by
  the sex rules); not a floor (``10F 病棟``, ``12F ロビー``): a word of a building after it.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_MONTHS = r"(?:か月|ヶ月|ケ月|カ月|ヵ月|ｹ月|ｶ月|ヶ月|箇月)"
_MONTH_AGE = re.compile(
    r"(?:修正月齢|修正月令|月齢|月令|修正)[ \u3000]?[:：]?[ \u3000]?"
    rf"(?P<v>[0-9０-９]{{1,2}}{_MONTHS}(?:[0-9０-９]{{1,2}}日)?)"
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
        for m in _AGE_SEX.finditer(text):
            if int(m.group("v")) <= 120:
                found.append(Candidate(*m.span("v"), "AGE", RANK_SUPPLEMENT))
        return found
