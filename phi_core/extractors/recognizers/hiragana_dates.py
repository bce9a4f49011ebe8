"""Dates and times written in words: units in hiragana, numerals in kanji.

``１がつ２２にち``, ``12がつ16にち``, ``ﾚｲﾜ7ﾈﾝ 3ｶﾞﾂ 6ﾆﾁ`` (units and era in katakana, as a kana-only form types them), ``ごご 1じ05ふん``, ``ごぜん 9じはん``, ``3じ15ふん``: the same date and
time as 1月22日 and 午後1時05分, as text for children or in plain Japanese writes them; the
patterns read only the kanji units. A bare ``3じ`` (three o'clock, or a word ending in じ after a
number) counts only after ごぜん or ごご, with its half or its minutes (``5じ半``, ``8じ15分``), or opening a
diary's line (``7じ 120``).

``午後二時三十分``, ``十四時五分``, ``午前十時半``: a time in kanji numerals, as a certificate or a formal
letter writes it; only with 午前/午後, its minutes or an hour of two numerals (``十四時``), since ``一時`` alone is
"for a while" (一時中断).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from phi_core.japanese.chars import to_hiragana, to_katakana
from phi_core.japanese.eras import ERA_READINGS
from phi_core.japanese.width import to_half_width_kana

from .sudachi_names import RANK_SUPPLEMENT

_D = "[0-9０-９]"


def _any_kana(hiragana: str) -> str:
    """The word in hiragana, katakana or half-width katakana, as forms typed in kana write units (ﾈﾝ, ガツ)."""
    forms = {hiragana, to_katakana(hiragana), to_half_width_kana(to_katakana(hiragana))}
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _era_in_kana() -> str:
    katakana = [reading for reading in ERA_READINGS]
    forms = {f for r in katakana for f in (r, to_half_width_kana(r), to_hiragana(r))}
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_S = "[ \u3000]?"
# ﾚｲﾜ7ﾈﾝ 3ｶﾞﾂ 6ﾆﾁ, ２０２５ねん１がつ２２にち, 3ガツ6ニチ: the year (by era or in full) may stand before.
_DATE = re.compile(
    rf"(?<![0-9０-９])(?:(?:{_era_in_kana()}{_S}{_D}{{1,2}}|{_D}{{4}}){_S}{_any_kana('ねん')}{_S})?"
    rf"{_D}{{1,2}}{_S}{_any_kana('がつ')}{_S}{_D}{{1,2}}{_S}{_any_kana('にち')}"
)
_KANA_UNITS = tuple({to_katakana("がつ"), to_half_width_kana(to_katakana("がつ")), "がつ"})
_KANJI_NUMERAL = "[〇一二三四五六七八九十]"
_KANJI_TIME = re.compile(
    rf"(?:午前|午後)[ \u3000]?{_KANJI_NUMERAL}{{1,3}}時(?:{_KANJI_NUMERAL}{{1,3}}分|半)?"
    rf"|(?<![〇一二三四五六七八九十]){_KANJI_NUMERAL}{{1,3}}時{_KANJI_NUMERAL}{{1,3}}分"
    # an hour of two numerals or more alone (十四時, 二十時半): not 一時 (for a while) nor 十時間 (hours)
    rf"|(?<![〇一二三四五六七八九十同]){_KANJI_NUMERAL}{{2,3}}時(?:半|{_KANJI_NUMERAL}{{1,3}}(?=[。、\s]))?(?![間限])"
)
_TIME = re.compile(
    rf"(?:ごぜん|ごご)[ \u3000]?{_D}{{1,2}}じ(?:[ \u3000]?{_D}{{1,2}}ふん|はん)?"
    rf"|(?<![0-9０-９]){_D}{{1,2}}じ[ \u3000]?{_D}{{1,2}}ふん"
    # (its half hour or its minutes in kanji, 5じ半, 8じ15分; or opening a diary's line before what was noted: 7じ 120)
    rf"|(?<![0-9０-９]){_D}{{1,2}}じ(?:半|{_D}{{1,2}}分)"
    rf"|^{_D}{{1,2}}じ(?=[ \u3000])",
    re.MULTILINE,
)


@register
class HiraganaDateRecognizer(Recognizer):
    name: ClassVar[str] = "hiragana-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "TIME")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if any(unit in text for unit in _KANA_UNITS):
            found += [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _DATE.finditer(text)]
        if "じ" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _TIME.finditer(text)]
        if "時" in text:
            found += [Candidate(*m.span(), "TIME", RANK_SUPPLEMENT) for m in _KANJI_TIME.finditer(text)]
        return found
