"""Dates the patterns of the rules do not take, as prose writes them.

- kanji numerals: 令和六年六月十二日, 二〇二四年六月十二日, 六月十二日;
- a month and day after a kanji word (昨年6月12日, 同年3月2日), and a month
  alone (4月に, 12月より), not a duration (3か月) nor an age in months (月齢);
- a year after an English preposition: "diagnosed in 2015", "since 2019"; a season of a year ("since
  summer 2024") and a month after one ("back to Auckland in August", "since Dec");
- a month and a part of it after a slash, its year left out (退院目標 3/下旬);
- a year and a month with a dot (前回 2019.6), not a product's date or a form's revision (使用期限 2026.02);
- a year written in both calendars: 1991(H3)年8月30日, 平成3(1991)年;
- a day and an English month with no year: 01-Aug, healed by 07-Jul; a day alone by its ordinal after a
  preposition, ending the clause (back to Honolulu on the 18th.), not a floor or a course's day;
- the year of birth alone after 生年: 生年 S14, 生年：昭和14年;
- a day of the month alone before a part of that day (19日の夜から, ２０日の夕方, 20日夜のマグミット), as a
  call or a message says which day it means; a count of days takes 間 or 目 (3日間の夜, 2日目の朝) and is
  left alone, and so is a stay (術前1日入院: no part of a day follows); and before what happens on that day
  (22日開始, 18日の訪問), not after 泊 or 前 (1泊2日の入院, 術前1日入院).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.dates import KANJI_NUMERAL_DATE, PARTS_OF_DAY
from phi_core.japanese.eras import ERA_LETTERS, ERA_NAMES

from .sudachi_names import RANK_SUPPLEMENT

_MONTH_DAY = re.compile(
    r"(?<![0-9０-９])(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９])月(?:[0-9０-９]{1,2}日)?(?![0-9０-９間齢])"
)
# A year written in both calendars: 1991(H3)年8月30日, 平成3(1991)年8月30日.
_BOTH_CALENDARS = re.compile(
    rf"(?:(?:19|20)[0-9]{{2}}[（(][MTSHR][0-9]{{1,2}}[)）]|(?:{'|'.join(ERA_NAMES)})[0-9元]{{1,2}}[（(](?:19|20)[0-9]{{2}}[)）])"
    r"年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?"
)
_ENGLISH_YEAR = re.compile(
    r"\b(?:in|In|since|Since|from|From|until|by|during|early|late|mid) (?P<year>(?:19|20)[0-9]{2})(?![0-9/\-.:]| guideline)"
)
# A season of a year (since summer 2024, Spring of 2023), and a month named after a preposition with no day
# (moving back in August, from November): a date cut short, not a month's name in a title ("May" can be a verb).
_ENGLISH_SEASON = re.compile(
    r"(?<![A-Za-z])(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?: of)? (?:19|20)[0-9]{2}(?![0-9/\-:]|\.[0-9])"
)
_ENGLISH_MONTH = re.compile(
    r"\b(?:in|In|since|Since|from|From|until|Until|by|during|early|late|mid|next|last|through) "
    r"(?P<month>January|February|March|April|June|July|August|September|October|November|December"
    # (or its abbreviation, as a note writes it: since Dec, from Aug; not May, a verb as often)
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))"
    r"(?![A-Za-z]| ?[0-9])"
)
# A month and a part of it after a slash (退院目標 3/下旬, 11/上旬予定): the month, however its year is left out.
_MONTH_PART_SLASH = re.compile(r"(?<![0-9０-９/.\-])(?:1[0-2]|0?[1-9])/(?:上旬|中旬|下旬|初旬|末)(?!日)")
# A year and month with a dot (前回 2019.6, 2023.11 当科初診, a history's 2015.01): a date of the patient's story,
# unless it is a product's or a paper's: an expiry, a lot's or a device's date, a form's revision or version (使用期限
# 2026.02, LT2310A 2026.09, 校正 2024.04, 2023.4改訂, ver.2024.2), or a column of stock beside counts (10  10  2026.02).
# (nor a version's number, v2024.06, nor a value alone in brackets after a test's name, Cr (2024.5))
_YEAR_MONTH_DOTTED = re.compile(
    r"(?<![0-9.A-Za-z])(?<![(（])(?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])(?![0-9.])"
    r"|(?<=[(（])(?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])(?![0-9.)）])"
)
_NOT_THE_PATIENTS_BEFORE = re.compile(
    r"(?:期限|改訂|[Vv]er\.?|版|Lot|LOT|有効|[Ee]xp|EXP|／|/|製造|使用|更新|[Rr]ev\.?|校正|較正|交換時期|交換|ver\"?:?\"?)"
    r"[ \u3000:：.]*$"
    r"|(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9])[A-Z0-9-]{4,}[ \t\u3000┃|]+$|[0-9]+[ \t\u3000]{2,}$"
)
_NOT_THE_PATIENTS_AFTER = re.compile(r"[ \u3000]?(?:改訂|改|版|発行|作成|更新|接種|→ ?交換)|[ \t\u3000]+廃棄")
# A day and an English month's abbreviation with no year, as logs and tables write it (01-Aug, 7-Jul.).
_DAY_MONTH = re.compile(
    r"(?<![0-9A-Za-z\-])(?:[12][0-9]|3[01]|0?[1-9])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"(?![A-Za-z]|-[0-9])"
)

# The year of birth alone after its word (生年 S14, 生年：昭和14年, 生年 1939): a person's birth date, cut short.
_BIRTH_YEAR = re.compile(
    rf"生年(?!月)[ \u3000]*[:：]?[ \u3000]*(?P<year>[{ERA_LETTERS}][0-9]{{1,2}}(?:年)?|(?:{'|'.join(ERA_NAMES)})[0-9元]{{1,2}}年?"
    r"|(?:19|20)[0-9]{2}年?)(?![0-9])"
)


_DAY_BEFORE_PART = re.compile(
    r"(?<![0-9０-９月/.\-])(?:[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９])日"
    rf"(?=の?(?:{'|'.join(PARTS_OF_DAY)}|午前|午後))"
    # ... or before what happens on it (22日開始, 18日の訪問, 31日退院予定), not a stay (1泊2日の入院, 術前1日入院)
    r"|(?<![0-9０-９月/.\-〜~泊前後間約毎])(?:[12][0-9]|3[01]|[1-9])日"
    r"(?=の?(?:開始|訪問|受診|来院|入院|退院|手術|予約|面談|再診|検査))"
)

# A day of the month alone by its ordinal after a preposition, ending the clause or before its clock: "back on the
# 18th.", "See you on the 2nd at 10"; not a floor, a day of a course or a count (on the 2nd floor, by the 3rd day),
# nor the first of a list of days (before the 5th, 7th and 9th: a course's).
_ORDINAL_DAY = re.compile(
    r"(?<![A-Za-z])(?:[Oo]n|by|until|till|from|before|after|since) the "
    r"(?P<day>(?:[12][0-9]|3[01]|[1-9])(?:st|nd|rd|th))(?!, ?[0-9])(?=[.,;!?)]|[ \t]*(?:\n|$)| at | in the (?:morning|afternoon|evening))"
)


@register
class ProseDateRecognizer(Recognizer):
    name: ClassVar[str] = "prose-date"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "BIRTH_DATE")

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in KANJI_NUMERAL_DATE.finditer(text)]
        for m in _MONTH_DAY.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] in ("か", "ヶ", "ケ", "カ", "ヵ"):
                continue
            found.append(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT))
        found.extend(Candidate(*m.span("year"), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ENGLISH_YEAR.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ENGLISH_SEASON.finditer(text))
        found.extend(Candidate(*m.span("month"), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ENGLISH_MONTH.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _MONTH_PART_SLASH.finditer(text))
        found.extend(
            Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT)
            for m in _YEAR_MONTH_DOTTED.finditer(text)
            if not _NOT_THE_PATIENTS_BEFORE.search(text, max(0, m.start() - 12), m.start())
            and not _NOT_THE_PATIENTS_AFTER.match(text, m.end())
        )
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _BOTH_CALENDARS.finditer(text))
        found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _DAY_MONTH.finditer(text))
        found.extend(Candidate(*m.span("year"), "BIRTH_DATE", RANK_SUPPLEMENT) for m in _BIRTH_YEAR.finditer(text))
        if "the " in text:
            found.extend(Candidate(*m.span("day"), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ORDINAL_DAY.finditer(text))
        if "日" in text:
            found.extend(Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _DAY_BEFORE_PART.finditer(text))
        return found
