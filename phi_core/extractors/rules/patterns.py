"""Context-free patterns: dates, times, ages, phones, postal codes, IDs, addresses.

Each family is a compiled regex plus a validator that rejects look-alikes
(measurements, ratios, sequence parameters). A match carries a default
category; label context (labels.py) may re-type dates and phones later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .candidates import RANK_PATTERN, Candidate
from .chars import DIGIT, KANJI, KATAKANA, is_kanji, to_ascii_digits

D = f"[{DIGIT}]"
_NOT_DIGIT_AFTER = f"(?![{DIGIT}])"
_SEPARATORS = "/.\\-"
_DASHES = "\\-‐－−"


def _not_after(chars: str) -> str:
    """Placed right after a pattern's first character: the character before it is not in ``chars``.

    Written this way (not as a leading look-behind) so that the regex engine
    can skip ahead to candidate first characters, which keeps extraction fast.
    """
    return f"(?<![{chars}].)"


ERA_BASE_YEAR: dict[str, int] = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_LETTER: dict[str, str] = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

_ERA = "(?:" + "|".join(ERA_BASE_YEAR) + ")"
_MONTH_DAY = f"(?:\\s?{D}{{1,2}}月(?:\\s?{D}{{1,2}}日)?)?"

# Dates ---------------------------------------------------------------------
DATE_ERA = re.compile(f"{_ERA}\\s?(?:元|{D}{{1,2}})年{_MONTH_DAY}")
DATE_ERA_LETTER = re.compile(f"[MTSHR]{_not_after('A-Za-z0-9')}{D}{{1,2}}\\.{D}{{1,2}}\\.{D}{{1,2}}{_NOT_DIGIT_AFTER}")
# A bare year ("2020年から") is a date too, but not an edition or a guideline year.
DATE_WESTERN = re.compile(
    f"[12１２]{_not_after(DIGIT)}{D}{{3}}年"
    f"(?:\\s?{D}{{1,2}}月(?:\\s?{D}{{1,2}}日)?|(?![版度代齢]|改訂|改定|分類|規約|基準))"
)
DATE_NUMERIC = re.compile(
    f"[12１２]{_not_after(DIGIT + _SEPARATORS)}{D}{{3}}(?P<sep>[/.\\-]){D}{{1,2}}(?P=sep){D}{{1,2}}"
    f"(?![{DIGIT}]|[/.\\-]{D})"
)
DATE_MONTH_DAY = re.compile(f"[{DIGIT}]{_not_after(DIGIT + '年/')}{D}?月{D}{{1,2}}日")

# Times ---------------------------------------------------------------------
_HHMM_TAIL = f"{D}?[:：]{D}{{2}}(?:[:：]{D}{{2}})?"
# Ratios ("1:10に希釈", "比 2:1") share the shape of a time.
TIME_COLON = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '/.=比率')}{_HHMM_TAIL}(?:\\s?[-~〜～]\\s?{D}{_HHMM_TAIL})?"
    f"(?![{DIGIT}:：]|\\s?(?:mm|cm|ml|mL)|に希釈|希釈|の比)"
)
# "3時方向" and "6時の位置" are clock-face positions in breast and hand imaging.
TIME_KANJI = re.compile(
    f"[{DIGIT}]{_not_after(DIGIT + '第')}{D}?時(?:{D}{{1,2}}分|半)?(?!間|方向|の方向|の位置|位|台|相|点|期)"
)
_TIME_PREFIXES = ("午前", "午後")

# Ages ----------------------------------------------------------------------
AGE = re.compile(f"[{DIGIT}]{_not_after(DIGIT + '.．')}{D}{{0,2}}歳(?:{D}{{1,2}}(?:ヶ|か|カ|ケ|箇)月)?")
AGE_NEWBORN = re.compile(f"生後{D}{{1,3}}(?:日|週|ヶ月|か月|カ月)")

# Phones --------------------------------------------------------------------
_DASH = "[-‐－−]"
PHONE = re.compile(
    f"[0０]{_not_after(DIGIT + _DASHES + '.')}{D}{{0,4}}{_DASH}{D}{{1,4}}{_DASH}{D}{{3,4}}(?![{DIGIT}]|{_DASH}{D})"
)
PHONE_PAREN = re.compile(
    f"[(（][0０]{D}{{1,4}}[)）]\\s?{D}{{1,4}}{_DASH}{D}{{4}}{_NOT_DIGIT_AFTER}"
    f"|[0０]{_not_after(DIGIT)}{D}{{1,4}}[(（]{D}{{1,4}}[)）]{D}{{4}}{_NOT_DIGIT_AFTER}"
)
# Digits only ("0757513111"): accepted only right after a phone label word.
PHONE_COMPACT = re.compile(f"(?:電話|TEL|Tel|tel|携帯)(?:番号)?\\s?[:：|]?\\s?([0０]{D}{{9,10}}){_NOT_DIGIT_AFTER}")

# Postal codes, free-standing IDs ------------------------------------------------
POSTAL = re.compile(f"〒\\s?{D}{{3}}{_DASH}{D}{{4}}{_NOT_DIGIT_AFTER}")
# Letters followed by a long digit run ("KS19640401") read as a chart number.
ID_LETTERS_DIGITS = re.compile(f"[A-Z]{_not_after('A-Za-z0-9' + _DASHES)}[A-Z]{{1,3}}[0-9]{{6,}}(?![A-Za-z0-9])")

# Addresses in running text ----------------------------------------------------
PREFECTURES = (
    "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 "
    "新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 "
    "奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 "
    "長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県"
).split()
# Cities named without their prefecture ("吹田市在住", "京都市内"): designated
# cities, prefectural capitals and other large cities. A name only counts when
# 市 follows it, so surnames such as 山口 or 松本 do not fire on their own.
CITIES = (
    "札幌 仙台 さいたま 千葉 横浜 川崎 相模原 新潟 静岡 浜松 名古屋 京都 大阪 堺 神戸 岡山 広島 北九州 "
    "福岡 熊本 青森 盛岡 秋田 山形 福島 水戸 宇都宮 前橋 甲府 長野 岐阜 津 大津 奈良 和歌山 鳥取 松江 "
    "山口 徳島 高松 松山 高知 佐賀 長崎 大分 宮崎 鹿児島 那覇 金沢 富山 福井 吹田 豊中 松戸 柏 船橋 "
    "市川 浦安 三鷹 八王子 府中 調布 町田 立川 武蔵野 川口 越谷 所沢 川越 戸田 藤沢 横須賀 厚木 豊田 "
    "岡崎 一宮 春日井 大府 四日市 枚方 高槻 東大阪 姫路 西宮 尼崎 明石 加古川 倉敷 福山 呉 下関 "
    "久留米 佐世保 別府 旭川 函館 いわき 郡山 高崎 つくば 松本 上田 沼津 富士 伊豆の国 宮古"
).split()
_SEGMENT = f"[{KANJI}{KATAKANA}]{{1,5}}?(?:市|区(?!域|画|分|間)|郡|町|村)"
ADDRESS_PREFECTURE = re.compile(f"(?:{'|'.join(PREFECTURES)})(?:{_SEGMENT}){{0,3}}")
# The "not inside a longer kanji word" check is done in code (see _CONTEXT_CHECKS):
# a leading look-behind would make the regex engine try every position.
ADDRESS_CITY = re.compile(f"(?:{'|'.join(sorted(CITIES, key=len, reverse=True))})市(?:{_SEGMENT}){{0,2}}")


_HOUR_RE = re.compile(r"(\d{1,2})(?:[:：]|時)")
_MINUTE_RE = re.compile(r"[:：](\d{2})|時(\d{1,2})分")
_DIGITS_RE = re.compile(r"\d+")
_NON_DIGITS_RE = re.compile(r"\D")


def _valid_time(text: str) -> bool:
    folded = to_ascii_digits(text)
    if any(int(h) > 24 for h in _HOUR_RE.findall(folded)):
        return False
    return all(int(m) < 60 for pair in _MINUTE_RE.findall(folded) for m in pair if m)


def _valid_age(text: str) -> bool:
    digits = _DIGITS_RE.search(to_ascii_digits(text))
    return bool(digits) and int(digits.group()) <= 125


def _valid_phone(text: str) -> bool:
    digits = _NON_DIGITS_RE.sub("", to_ascii_digits(text))
    return 10 <= len(digits) <= 11 and digits.startswith("0") and not digits.startswith("00")


def _valid_year_date(text: str) -> bool:
    year = int(to_ascii_digits(text[:4]))
    return 1868 <= year <= 2099 and _valid_month_day(text)


def _valid_month_day(text: str) -> bool:
    _, month, day = date_key(text)
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _always(_: str) -> bool:
    return True


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not is_kanji(text[start - 1])


def _any_context(_: str, __: int) -> bool:
    return True


@dataclass(frozen=True)
class PatternFamily:
    kind: str
    category: str
    regex: re.Pattern[str]
    valid: Callable[[str], bool] = _always
    group: int = 0
    context: Callable[[str, int], bool] = _any_context
    # The family is skipped when none of these substrings occurs in the text
    # (a C-speed check that saves a full regex scan).
    needs: tuple[str, ...] = ()


PATTERN_FAMILIES: tuple[PatternFamily, ...] = (
    PatternFamily("date", "OTHER_DATE", DATE_ERA, _valid_month_day),
    PatternFamily("date", "OTHER_DATE", DATE_ERA_LETTER, _always, needs=(".",)),
    PatternFamily("date", "OTHER_DATE", DATE_WESTERN, _valid_year_date, needs=("年",)),
    PatternFamily("date", "OTHER_DATE", DATE_NUMERIC, _valid_year_date, needs=("/", ".", "-")),
    PatternFamily("date", "OTHER_DATE", DATE_MONTH_DAY, _valid_month_day, needs=("日",)),
    PatternFamily("time", "TIME", TIME_COLON, _valid_time, needs=(":", "：")),
    PatternFamily("time", "TIME", TIME_KANJI, _valid_time, needs=("時",)),
    PatternFamily("age", "AGE", AGE, _valid_age, needs=("歳",)),
    PatternFamily("age", "AGE", AGE_NEWBORN, needs=("生後",)),
    PatternFamily("phone", "PHONE", PHONE, _valid_phone, needs=("-", "‐", "－", "−")),
    PatternFamily("phone", "PHONE", PHONE_PAREN, _valid_phone, needs=(")", "）")),
    PatternFamily("phone", "PHONE", PHONE_COMPACT, _valid_phone, group=1),
    PatternFamily("address", "ADDRESS", POSTAL, needs=("〒",)),
    PatternFamily("id", "OTHER_ID", ID_LETTERS_DIGITS),
    PatternFamily("address", "ADDRESS", ADDRESS_PREFECTURE),
    PatternFamily("address", "ADDRESS", ADDRESS_CITY, context=_starts_word, needs=("市",)),
)


def find_patterns(text: str) -> list[Candidate]:
    """Every validated context-free match, with its default category."""
    found: list[Candidate] = []
    for family in PATTERN_FAMILIES:
        if family.needs and not any(needle in text for needle in family.needs):
            continue
        for match in family.regex.finditer(text):
            value = match.group(family.group)
            if value and family.valid(value):
                start, end = match.span(family.group)
                if not family.context(text, start):
                    continue
                if family.kind == "time" and text[max(0, start - 2):start] in _TIME_PREFIXES:
                    start -= 2
                found.append(Candidate(start, end, family.category, RANK_PATTERN, family.kind))
    return found


_ERA_DATE_RE = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d{1,2})年")
_LETTER_DATE_RE = re.compile(r"([MTSHR])(\d{1,2})\.(\d{1,2})\.(\d{1,2})")
_NUMERIC_DATE_RE = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_WESTERN_YEAR_RE = re.compile(r"(\d{4})年")
_MONTH_RE = re.compile(r"(\d{1,2})月")
_DAY_RE = re.compile(r"(\d{1,2})日")


def date_key(value: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date written any supported way, for equality checks."""
    folded = to_ascii_digits(value).replace(" ", "")
    letter = _LETTER_DATE_RE.match(folded)
    if letter:
        year = ERA_BASE_YEAR[_ERA_LETTER[letter.group(1)]] + int(letter.group(2))
        return year, int(letter.group(3)), int(letter.group(4))
    numeric = _NUMERIC_DATE_RE.match(folded)
    if numeric:
        return int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
    era = _ERA_DATE_RE.match(folded)
    if era:
        year: int | None = ERA_BASE_YEAR[era.group(1)] + (1 if era.group(2) == "元" else int(era.group(2)))
    else:
        western = _WESTERN_YEAR_RE.match(folded)
        year = int(western.group(1)) if western else None
    month = _MONTH_RE.search(folded)
    day = _DAY_RE.search(folded)
    return year, int(month.group(1)) if month else None, int(day.group(1)) if day else None
