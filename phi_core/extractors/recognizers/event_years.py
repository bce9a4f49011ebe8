"""Dates of record the date patterns do not read: a year alone, a year and month, a relative year, spaced digits.

- A year alone as the date of something that happened to the person (1900-2039, standing alone):
  after a word of time (``since 2008``, ``in 2015``, ``from 2019``, ``dx 2015``), closing a bracket
  after a lowercase word (``(anaphylaxis 2015)``, ``LASIK hx (2012)``, ``certification（2014）``),
  opening a bracket before what happened (``（2019 蕁麻疹）``), or with a Japanese particle of
  time or an event glued on (``2019取得``, ``2008から``), or in brackets after a result or a course done
  (``陰性(2022)``, ``1シリーズ済(2019)``, ``右TKA後(2019)``), after a deed done to the person (``excised 2021``, ``implanted 2019``; not
  ``revised 2019``), or ending or opening a remark in brackets (``(St Jude, 2009)``, ``(2014, in our hospital)``; not a
  citation, ``(Tanaka et al., 2019)``); an era's year glued onto an event (``H21禁煙``, ``R2頃``). A year after a proper name, an
  acronym or a word of guidance is a guideline's or a classification's (``WHO 2009``,
  ``DESIGN-R 2020``, ``学会分類2021``, ``提言(2021)``, ``第9版（2018）``) and is left alone, as is a
  year in a citation (``2008;32(10)``) or a folder path (``\\2024\\``).
- The year of a past examination after its modality (``MMG 1998``, ``胸部単純 2003-2009``, ``films, 1999``),
  of a past procedure after its name (``PCI 2019``, ``CABG 2008``), and a year after a word of one's history
  (``接種歴 2022``, ``手術歴：2015``), or an era's year after 既往 or such a word (``手術歴 H30年``, ``既往 H12``;
  ``既往 S58`` stays with the allow-list, which reads it as a liver's segments): the year something happened to the person.
- The years of a stretch of the person's history, alone in brackets (``atomoxetine 80 mg (2017–2018)``,
  ``（2015〜2019）``, ``(2019-present)``): a bracket that holds nothing but the range; ends that run upwards.
- A month named by its year relative to now (``来年2月``, ``昨年11月``, ``再来年``); a season named so
  (``昨秋``, ``今春``, ``last autumn``, ``this spring``; not fall, a fall is also an event), and a holiday's
  season with the word that places something after or before it (``GW明け``, ``お盆前``, ``年末年始明け``).
- A date typed digit by digit (``1 9 9 2 / 0 3 / 1 7``), as a scanner or a boxed form writes it.
- An English day with its ordinal and no year (``Dec. 4th``, ``4th December``, ``the 4th of December``), or a
  month's full name and its day (``on October 12``); not a count after it (``March 3 times``).
- A day of the month alone after a date and an arrow or a dash (``12月4日→5日``, ``4日〜6日``), or after 翌
  (``翌13日``): the month is the one just read; not days counted (``5日間``, ``7日分``, ``3日目``).
- A day of the month with its weekday and no month (``4日（金）``, ``11日(金)の午前``): a day of the calendar,
  not a count of days (``3日間``, ``28日分`` take no weekday).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import KANJI, KATAKANA
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_YEAR = r"(?:19[0-9]{2}|20[0-3][0-9])"
_ALONE = r"(?![0-9０-９]|[./\-:;][0-9]|年|[A-Za-z])"
# Words of guidance, standards and editions: the year after them is the document's.
_GUIDANCE = (
    r"(?i:guidelines?|criteria|classification|version|edition|standards?|manual|update|revision|statement|"
    r"consensus|chart|system|ver|v|rev|ed|per)"
)
# What is done to a document, not to a person: the year after these is the document's.
_DOCUMENT_DEEDS = r"(?:revised|updated|published|approved|amended|established|founded|released|issued|printed|copyrighted|based|licensed|certified|modified)[ \t]"
_EVENT_YEAR = re.compile(
    # since 2008, in 2015, (early) from 2019
    rf"(?<![A-Za-z])(?:(?i:since|in|from|until|till|circa|around|during|before|after|quit|stopped|diagnosed|onset|between)|dx|Dx)"
    rf"[ \t]+(?:(?i:early|late|mid|the end of|the spring of|the summer of|the autumn of|the winter of)[ \t-]+)?"
    rf"(?P<a>{_YEAR}){_ALONE}"
    # (anaphylaxis 2015), hx (2012), certification（2014）
    rf"|(?<![A-Za-z])(?P<word>[a-z]{{2,}})[ \t]?(?:[（(][ \t]?)?(?P<b>{_YEAR})(?=[ \t]?[)）])"
    # （2019 蕁麻疹）
    rf"|[（(](?P<c>{_YEAR})[ \u3000](?=[{KANJI}{KATAKANA}])(?!改訂|改定|版|年度)"
    # 2019取得, 2008から
    rf"|(?<![0-9０-９A-Za-z.\\/\-])(?P<d>{_YEAR})(?=取得|頃|ごろ|から|以降|以来|まで|に(?:発症|診断|受傷|手術|入院|受診|取得|渡日|来日))"
    # 陰性(2022), 1シリーズ済(2019): the year of a result or of a course done, in brackets after it
    # (or after it: TKA後(2019); not a revision's, 改訂後(2019))
    rf"|(?:陰性|陽性|済み?|完了|終了|接種|取得|施行|実施|(?<!改訂)(?<!改定)(?<!改正)後)[（(](?P<e>{_YEAR})(?=[)）])"
    # excised 2021, implanted 2019: after a deed done to the person (not a document's: revised 2019, published 2020)
    rf"|(?<![A-Za-z])(?!{_DOCUMENT_DEEDS})[a-z]{{3,}}ed[ \t]+(?P<f>{_YEAR}){_ALONE}"
    # (St Jude, 2009), (rash, 2022), (2014, in our hospital), (2019, 2022): a year that ends or opens a remark
    rf"|(?:(?<![0-9])[,，][ \t]?|[,，][ \t])(?P<g>{_YEAR})(?=[ \t]?[)）])"
    rf"|[（(](?P<h>{_YEAR})(?=[,，][ \t]?(?:{_YEAR}|[a-z]))"
)
# A citation's year after its authors: (Tanaka et al., 2019), (Smith & Jones, 2020).
_CITATION = re.compile(r"(?:et al\.?|&[ \t]?[A-Z][A-Za-z'\-]+)[,，][ \t]?$")
# An era's year glued onto what happened then (H21禁煙, H21発症, R2頃).
_ERA_EVENT = re.compile(
    rf"(?<![A-Za-z0-9])(?P<year>[{ERA_LETTERS}][0-9]{{1,2}})(?=禁煙|発症|診断|手術|受傷|死亡|死去|逝去|他界|出生|入院|退院|転居|結婚|離婚|退職|頃|ごろ)"
)
# The second year of a stretch after "between" (between 2019 and 2022).
_BETWEEN = re.compile(
    rf"(?<![A-Za-z])(?:(?i:between)[ \t]+{_YEAR}[ \t]+(?i:and)|(?i:from)[ \t]+{_YEAR}[ \t]+(?i:to|through|until))"
    rf"[ \t]+(?P<year>{_YEAR}){_ALONE}"
)
_YEAR_SPAN = re.compile(
    rf"(?<=[（(])(?P<a>{_YEAR})[ \t]?[-‐–—〜~～][ \t]?(?:(?P<b>{_YEAR})|(?i:present|now)|現在|今)(?=[)）])"
)
_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z\-]*[ \t]?$")
# The year of a past examination after its modality, as film libraries and outside records list them
# (MMG 1998, CT 2001, 胸部単純 2003-2009, Angio 1996, (CC/MLO, 4 films, 1999)).
_EXAM_YEAR = re.compile(
    r"(?:(?<![A-Za-z])(?:CT|MRI?|MMG|US|XP|CXR|PET|RI|Angio|angio|mammography|films?)|胸部単純|X線|単純写真|造影"
    r"|(?<![A-Za-z])(?:PCI|PTCA|CABG|TAVI|ESD|EMR|TKA|THA)|(?<=[種術療院往航診薬与])歴)"
    r"[ ,\u3000:：]{1,2}(?P<years>(?:19[5-9][0-9]|20[0-3][0-9])(?:[-–〜~](?:19[5-9][0-9]|20[0-3][0-9]))?)(?![0-9A-Za-z])"
    # (or the year before the procedure: 2019 PCI（LAD #6）)
    r"|(?<![0-9A-Za-z./\-])(?P<before>(?:19[5-9][0-9]|20[0-3][0-9]))[ \u3000](?=(?:PCI|PTCA|CABG|TAVI|ESD|EMR|TKA|THA)(?![A-Za-z]))"
)
_HISTORY_ERA_YEAR = re.compile(
    r"(?:既往(?:歴)?|(?<=[種術療院航診薬与])歴)[ \u3000:：]{0,2}"
    rf"(?P<year>[{ERA_LETTERS}][0-9]{{1,2}}(?:年)?|(?:{'|'.join(ERA_NAMES)})[0-9元]{{1,2}}年)(?![0-9A-Za-z.])"
)
_RELATIVE = re.compile(
    r"(?:来年|昨年|去年|今年|本年|再来年|一昨年|翌年|前年)(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|の[春夏秋冬]|[春夏秋冬]|末|初め|明け)"
)
_SEASON = re.compile(
    rf"(?<![{KANJI}])(?:昨|今|来|去)[春夏秋冬](?![{KANJI}])"
    r"|(?<![A-Za-z])(?i:last|this|next|previous|past|early|late)[ ](?i:spring|summer|autumn|winter)(?![A-Za-z])"
    r"|(?:GW|ＧＷ|ゴールデンウィーク|ゴールデンウイーク|お盆|年末年始|正月|年明け)(?:明け|前|後|中|以降)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_ORDINAL_DAY = re.compile(
    rf"(?<![0-9A-Za-z])(?:{_MONTH} (?:the )?(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)"
    rf"|(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th) (?:of )?{_MONTH})(?![0-9A-Za-z])"
)
_DAY_WITH_WEEKDAY = re.compile(
    r"(?<![0-9０-９月/／])(?:[1-9１-９]|[12１２][0-9０-９]|3[01]|３[０１])日[ \u3000]?[（(][月火水木金土日](?:曜日?)?[)）]"
)
_FULL_MONTH_DAY = re.compile(
    r"(?<![A-Za-z])(?:January|February|March|April|June|July|August|September|October|November|December)"
    r" (?:[1-9]|[12][0-9]|3[01])(?![0-9:/]|[.][0-9]|[ ]?(?:times|x|mg|%|cm|mm|years?|days?|weeks?))"
)
_DAY_AFTER_DATE = re.compile(
    r"(?:(?<=日)[ \u3000]?(?:→|⇒|->|〜|～|~|－|-)[ \u3000]?|(?<=翌))"
    r"(?P<day>(?:[1-9]|[12][0-9]|3[01])日)(?![間分目後前以]|[0-9])"
)
_SPACED = re.compile(r"(?<![0-9])[12] [0-9] [0-9] [0-9] ?[/.\-] ?[01]? ?[0-9] ?[/.\-] ?[0-3]? ?[0-9](?![0-9]| [0-9])")


def _opening_bracket(text: str, position: int) -> int:
    """Where the bracket around ``position`` opens (-1: none within 40 characters)."""
    return max(text.rfind("(", max(0, position - 40), position), text.rfind("（", max(0, position - 40), position))


def _after_guidance(text: str, opening: int) -> bool:
    """An acronym or a word of guidance stands before the bracket: its years are a document's (JSH (2014-2019))."""
    before = _WORD_BEFORE.search(text, max(0, opening - 40), opening)
    word = before.group().strip() if before else ""
    return bool(word) and (word.isupper() or re.fullmatch(_GUIDANCE, word) is not None)


def _guidance_bracket(text: str, year_start: int) -> bool:
    """The bracket holding the year follows an acronym or a word of guidance (JCS (2014, 2019), criteria (2010, rev.))."""
    opening = _opening_bracket(text, year_start)
    return opening >= 0 and _after_guidance(text, opening)


# What happened, in English words, before the comma: rash, St Jude, hives after a balloon (not an edition, a
# protocol's version, a body's or an author's name: 2nd ed., v1.2, HARMONIZE, 若林ら).
_REMARK = re.compile(r"[A-Za-z][A-Za-z '\-]*[a-z]|(?:19|20)[0-9]{2}(?:[,，] ?(?:19|20)[0-9]{2})*")


def _remark_before(text: str, comma: int) -> bool:
    opening = _opening_bracket(text, comma)
    return (
        opening >= 0
        and _REMARK.fullmatch(text, opening + 1, comma) is not None
        and not text[opening + 1 : comma].endswith(" ed")
    )


@register
class EventYearRecognizer(Recognizer):
    name: ClassVar[str] = "event-year"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        spans = []
        if "19" in text or "20" in text:
            for m in _EVENT_YEAR.finditer(text):
                group = next(g for g in ("a", "b", "c", "d", "e", "f", "g", "h") if m.group(g))
                if group == "b" and re.fullmatch(_GUIDANCE, m.group("word")):
                    continue
                if group == "g" and _CITATION.search(text, max(0, m.start() - 30), m.start() + 1):
                    continue
                if group in ("g", "h") and _guidance_bracket(text, m.start(group)):
                    continue
                if group == "g" and not _remark_before(text, m.start()):
                    continue
                spans.append(m.span(group))
            for m in _YEAR_SPAN.finditer(text):
                if _after_guidance(text, m.start() - 1):
                    continue
                if not m.group("b") or int(m.group("b")) >= int(m.group("a")):
                    spans.append(m.span())
            spans += [m.span("years" if m.group("years") else "before") for m in _EXAM_YEAR.finditer(text)]
        if "年" in text:
            spans += [m.span() for m in _RELATIVE.finditer(text)]
        spans += [m.span("year") for m in _ERA_EVENT.finditer(text)]
        spans += [m.span("year") for m in _BETWEEN.finditer(text)] if "etween" in text or "rom" in text else []
        if "歴" in text or "既往" in text:
            spans += [m.span("year") for m in _HISTORY_ERA_YEAR.finditer(text)]
        if "日" in text:
            spans += [m.span() for m in _DAY_WITH_WEEKDAY.finditer(text)]
            spans += [m.span("day") for m in _DAY_AFTER_DATE.finditer(text)]
        spans += [m.span() for m in _SEASON.finditer(text)]
        spans += [m.span() for m in _FULL_MONTH_DAY.finditer(text)]
        if any(suffix in text for suffix in ("st", "nd", "rd", "th")):
            spans += [m.span() for m in _ORDINAL_DAY.finditer(text)]
        if " / " in text or " /" in text or "/ " in text:
            spans += [m.span() for m in _SPACED.finditer(text)]
        return [Candidate(s, e, "OTHER_DATE", RANK_SUPPLEMENT) for s, e in spans]
