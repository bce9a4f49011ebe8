"""Validators and pattern families: each value regex with the check that rejects its look-alikes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.label_words import DURATION_WORDS
from phi_core.extractors.recognition.page_marks import page_counters
from phi_core.extractors.recognition.recognizer import Document, Recognizer
from phi_core.extractors.recognition.value_patterns import (
    _ERA_LETTERS,
    _MONTHS,
    _MONTHS_UPPER,
    _TIME_PREFIXES,
    _WEEKDAY,
    ADDRESS_CITY,
    ADDRESS_ENGLISH,
    ADDRESS_PREFECTURE,
    ADDRESS_BUILDING,
    ADDRESS_TAIL,
    ADDRESS_WARD,
    AGE,
    AGE_BRACKETED,
    AGE_ENGLISH,
    AGE_MONTHS,
    AGE_NEWBORN,
    DATE_BARE_MONTH_DAY,
    DATE_COMPACT,
    DATE_COMPACT_RANGE,
    DATE_DAY_MONTH_YEAR,
    DATE_ENGLISH,
    DATE_ERA,
    DATE_ERA_LETTER,
    DATE_MONTH_DAY,
    DATE_NUMERIC,
    DATE_RANGE_END,
    DATE_SHORT_KANJI,
    DATE_SHORT_YEAR,
    DATE_SLASH_MONTH_DAY,
    DATE_WESTERN,
    DATE_WESTERN_WITH_ERA,
    DATE_YEAR_MONTH,
    ID_INFIXED_SERIAL,
    ID_NUMBERED,
    ID_LETTERS_DIGITS,
    ID_PREFIXED_SERIAL,
    PHONE,
    PHONE_COMPACT,
    PHONE_EXTENSION,
    PHONE_FOREIGN,
    PHONE_INTERNATIONAL,
    PHONE_MOBILE,
    PHONE_PAREN,
    PHONE_SPACED,
    POSTAL,
    POSTAL_BARE,
    TIME_COLON,
    TIME_AFTER_DATE,
    TIME_KANJI,
)
from phi_core.japanese.chars import is_kanji
from phi_core.japanese.dates import date_key
from phi_core.japanese.eras import possible_era_year
from phi_core.japanese.width import nfkc as to_ascii_digits

# (the minutes of 12:30:45 stand before a colon too, but after one: they are no hour)
_HOUR_RE = re.compile(r"(?<![:：\d])(\d{1,2})(?:[:：]|時)")
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
    # (an infant's age in days or weeks runs past a lifetime's years: 140 days old)
    return bool(digits) and int(digits.group()) <= (400 if text.endswith(("days old", "weeks old")) else 125)


def _valid_phone(text: str) -> bool:
    digits = _NON_DIGITS_RE.sub("", to_ascii_digits(text))
    if digits.startswith("81") and "+" in to_ascii_digits(text):
        digits = "0" + digits[2:].lstrip("0")
    return 10 <= len(digits) <= 11 and digits.startswith("0") and not digits.startswith("00")


def _valid_foreign_phone(text: str) -> bool:
    """Eight to fifteen digits with the country's code (E.164 allows fifteen), in two groups or more."""
    digits = _NON_DIGITS_RE.sub("", to_ascii_digits(text))
    return 8 <= len(digits) <= 15 and any(ch in text for ch in " -.()")


def _valid_year_date(text: str) -> bool:
    year = int(to_ascii_digits(text[:4]))
    return 1868 <= year <= 2099 and _valid_month_day(text)


def _valid_month_day(text: str) -> bool:
    _, month, day = date_key(text)
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _valid_era_letter_date(text: str) -> bool:
    # Only a year and a month is checked against the era's years: a diagnosis code has that shape (H81.1, M45.7),
    # while a full date the era never reached is a typo still worth masking (T21.6.5, H32.5.6, both written so).
    numbers = _DIGITS_RE.findall(to_ascii_digits(text))
    if "年" in text or len(numbers) != 2:
        return _valid_month_day(text)
    return _valid_month_day(text) and possible_era_year(to_ascii_digits(text[0]), int(numbers[0]))


def _valid_compact(text: str) -> bool:
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    clock = text[8:14]
    if len(clock) >= 4 and (int(clock[:2]) > 23 or int(clock[2:4]) > 59):
        return False
    return not (len(clock) == 6 and int(clock[4:6]) > 59)


def _valid_day_month_year(text: str) -> bool:
    first, second, year = (int(n) for n in _DIGITS_RE.findall(to_ascii_digits(text)))
    return (
        1900 <= year <= 2099
        and min(first, second) <= 12
        and 1 <= first <= 31
        and 1 <= second <= 31
        and min(first, second) >= 1
    )


def _valid_short_year(text: str) -> bool:
    if len(_DIGITS_RE.findall(to_ascii_digits(text))) != 3:
        return False
    _, month, day = (int(n) for n in _DIGITS_RE.findall(to_ascii_digits(text)))
    return 1 <= month <= 12 and 1 <= day <= 31


def _valid_slash_month_day(text: str) -> bool:
    month, day = (int(n) for n in _DIGITS_RE.findall(to_ascii_digits(text)))
    return 1 <= month <= 12 and 1 <= day <= 31


def _six_digits(text: str) -> bool:
    return sum(ch.isdigit() for ch in text) >= 6


def _always(_: str) -> bool:
    return True


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not is_kanji(text[start - 1])


def _any_context(_: str, __: int) -> bool:
    return True


_VERSION_WORDS = re.compile(r"(?:ver|Ver|VER|version|Version|v|V)\.?\s?$")


def _not_version(text: str, start: int) -> bool:
    """ "ver 10.2.1" is a software version, not 2010-02-01."""
    return not _VERSION_WORDS.search(text, max(0, start - 9), start)


# A length of time reads like a clock (所要時間 00:45:12, 通話時間：00:03:21, elapsed 01:30:00).
_DURATION_WORDS = re.compile(f"(?:{'|'.join(DURATION_WORDS)})[ \u3000]*[:：=]?[ \u3000]*$", re.IGNORECASE)


def _not_duration(text: str, start: int) -> bool:
    return not _DURATION_WORDS.search(text, max(0, start - 14), start)


def _no_year_before(text: str, start: int) -> bool:
    """11/18 2024 is a year after the day; 2024/11/18 2024 is a clock, and so is any four digits outside those years."""
    value = int(text[start : start + 4])
    return not 1950 <= value <= 2035 or bool(_YEAR_BEFORE.search(text, max(0, start - 12), start))


_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}/[0-9]{1,2}/[0-9]{1,2}[ \u3000]$")


@dataclass(frozen=True)
class PatternFamily:
    kind: str
    category: str
    regex: re.Pattern[str]
    valid: Callable[[str], bool] = _always
    group: int | str = 0
    context: Callable[[str, int], bool] = _any_context
    # The family is skipped when none of these substrings occurs in the text
    # (a C-speed check that saves a full regex scan).
    needs: tuple[str, ...] = ()


PATTERN_FAMILIES: tuple[PatternFamily, ...] = (
    PatternFamily("date", "OTHER_DATE", DATE_ERA, _valid_month_day, needs=("年",)),
    PatternFamily("date", "OTHER_DATE", DATE_WESTERN_WITH_ERA, _valid_month_day, needs=("年",)),
    PatternFamily("date", "OTHER_DATE", DATE_ERA_LETTER, _valid_era_letter_date, needs=tuple(_ERA_LETTERS)),
    PatternFamily("date", "OTHER_DATE", DATE_WESTERN, _valid_year_date, needs=("年",)),
    PatternFamily("date", "OTHER_DATE", DATE_NUMERIC, _valid_year_date),
    PatternFamily("date", "OTHER_DATE", DATE_SHORT_YEAR, _valid_short_year, context=_not_version),
    PatternFamily("date", "OTHER_DATE", DATE_DAY_MONTH_YEAR, _valid_day_month_year),
    PatternFamily("date", "OTHER_DATE", DATE_YEAR_MONTH, _valid_year_date, needs=("/", "／")),
    PatternFamily("date", "OTHER_DATE", DATE_COMPACT, _valid_compact),
    PatternFamily("date", "OTHER_DATE", DATE_COMPACT_RANGE, _valid_compact, group="first", needs=("-",)),
    PatternFamily("date", "OTHER_DATE", DATE_COMPACT_RANGE, _valid_compact, group="last", needs=("-",)),
    PatternFamily(
        "date", "OTHER_DATE", DATE_ENGLISH, _always, needs=tuple(_MONTHS.split("|") + _MONTHS_UPPER.split("|"))
    ),
    PatternFamily("date", "OTHER_DATE", DATE_MONTH_DAY, _valid_month_day, needs=("日",)),
    PatternFamily("date", "OTHER_DATE", DATE_SHORT_KANJI, _valid_month_day, needs=("年",)),
    PatternFamily("date", "OTHER_DATE", DATE_SLASH_MONTH_DAY, _valid_slash_month_day, needs=("/", "／")),
    PatternFamily("bare-date", "OTHER_DATE", DATE_BARE_MONTH_DAY, _valid_slash_month_day, needs=("/", "／")),
    PatternFamily("date", "OTHER_DATE", DATE_RANGE_END, _valid_slash_month_day, group="date", needs=("〜", "～", "~")),
    PatternFamily("time", "TIME", TIME_COLON, _valid_time, context=_not_duration, needs=(":", "：")),
    PatternFamily("time", "TIME", TIME_KANJI, _valid_time, needs=("時",)),
    PatternFamily("time", "TIME", TIME_AFTER_DATE, group="t", context=_no_year_before, needs=("/",)),
    PatternFamily("age", "AGE", AGE, _valid_age, needs=("歳", "才")),
    PatternFamily("age", "AGE", AGE_ENGLISH, _valid_age, needs=("y", " old", "-old")),
    PatternFamily("age", "AGE", AGE_NEWBORN, needs=("生後", "日齢")),
    PatternFamily("age", "AGE", AGE_BRACKETED, _valid_age, group="n", needs=("歳", "才")),
    PatternFamily("age", "AGE", AGE_MONTHS, needs=("月",)),
    PatternFamily("phone", "PHONE", PHONE, _valid_phone),
    PatternFamily("phone", "PHONE", PHONE_PAREN, _valid_phone, needs=(")", "）")),
    PatternFamily("phone", "PHONE", PHONE_COMPACT, _valid_phone, group=1),
    PatternFamily("phone", "PHONE", PHONE_MOBILE, _valid_phone),
    PatternFamily("phone", "PHONE", PHONE_SPACED, _valid_phone, needs=(" ", "　")),
    PatternFamily("phone", "PHONE", PHONE_INTERNATIONAL, _valid_phone, needs=("+81", "＋81")),
    PatternFamily("phone", "PHONE", PHONE_FOREIGN, _valid_foreign_phone, needs=("+", "＋")),
    PatternFamily(
        "phone",
        "FACILITY_PHONE",
        PHONE_EXTENSION,
        group="number",
        needs=("内線", "ナイセン", "ﾅｲｾﾝ", "xt", "XT", "PHS"),
    ),
    PatternFamily("address", "ADDRESS", POSTAL, group="code", needs=("〒",)),
    PatternFamily("address", "ADDRESS", POSTAL_BARE, needs=("都", "道", "府", "県", "市", "区", "郡")),
    PatternFamily("id", "OTHER_ID", ID_LETTERS_DIGITS),
    PatternFamily("id", "OTHER_ID", ID_PREFIXED_SERIAL, _six_digits, needs=("-",)),
    PatternFamily("id", "OTHER_ID", ID_INFIXED_SERIAL, _six_digits, needs=("-",)),
    PatternFamily("id", "OTHER_ID", ID_NUMBERED, group="number", needs=("第",)),
    PatternFamily("address", "ADDRESS", ADDRESS_PREFECTURE),
    PatternFamily("address", "ADDRESS", ADDRESS_CITY, context=_starts_word, needs=("市",)),
    PatternFamily("address", "ADDRESS", ADDRESS_WARD, context=_starts_word),
    PatternFamily(
        "address", "ADDRESS", ADDRESS_ENGLISH, needs=("-ku", "-shi", "-cho", "-machi", "-gun", " City", " Ward", "-Ku")
    ),
)


def _extend_address(text: str, end: int) -> int:
    tail = ADDRESS_TAIL.match(text, end)
    end = tail.end() if tail else end
    if text[end - 1 : end].isdigit():
        # A town's block number found by itself (桜川市岩瀬町東山1125-3) keeps its building (第2寮 A-6).
        building = ADDRESS_BUILDING.match(text, end)
        end = building.end() if building else end
    return end


def _postal_address_end(text: str, end: int) -> int:
    """A postal code and the address written after it are one address span."""
    after = end
    while after < len(text) and text[after] in " 　":
        after += 1
    for regex in (ADDRESS_PREFECTURE, ADDRESS_CITY, ADDRESS_WARD):
        match = regex.match(text, after)
        if match and match.end() > after:
            return _extend_address(text, match.end())
    return end


# An ISO stamp's clock after its T, with seconds, their fraction and the zone: one date (2024-09-03T08:14:09+09:00).
_ISO_CLOCK = re.compile(
    r"T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-][01][0-9]:?[0-5][0-9])?(?![0-9])"
)


def _extend_weekday(text: str, end: int) -> int:
    if text.startswith("T", end):
        clock = _ISO_CLOCK.match(text, end)
        return clock.end() if clock else end
    weekday = _WEEKDAY.match(text, end)
    return weekday.end() if weekday else end


def _with_time_prefix(text: str, start: int) -> int:
    """Where a time's 午前 or 午後 begins: glued to it, or one blank before it as a form spaces it (午前 4時12分)."""
    if text[max(0, start - 2) : start] in _TIME_PREFIXES:
        return start - 2
    if start >= 3 and text[start - 1] in " \u3000" and text[start - 3 : start - 1] in _TIME_PREFIXES:
        return start - 3
    return start


def find_patterns(text: str, kinds: frozenset[str] | None = None) -> list[Candidate]:
    """Every validated context-free match, with its default category."""
    found: list[Candidate] = []
    counters = page_counters(text)
    for family in PATTERN_FAMILIES:
        if kinds is not None and family.kind not in kinds:
            continue
        if family.needs and not any(map(text.__contains__, family.needs)):
            continue
        for match in family.regex.finditer(text):
            value = match.group(family.group)
            if value and family.valid(value):
                start, end = match.span(family.group)
                if not family.context(text, start) or (
                    family.kind in ("date", "bare-date") and (start, end) in counters
                ):
                    continue
                if family.kind == "time":
                    start = _with_time_prefix(text, start)
                elif family.regex is POSTAL or family.regex is POSTAL_BARE:
                    end = _postal_address_end(text, end)
                elif family.kind == "address":
                    end = _extend_address(text, end)
                elif family.kind in ("date", "bare-date"):
                    end = _extend_weekday(text, end)
                found.append(Candidate(start, end, family.category, RANK_PATTERN, family.kind))
    return found


class PatternFamilyRecognizer(Recognizer):
    kinds: frozenset[str] = frozenset()

    def find(self, doc: Document) -> list[Candidate]:
        # Every family is read once per document and each recognizer takes its kinds: the date, time, phone,
        # age, address and ID recognizers would otherwise walk the families six times.
        return [c for c in doc.shared("pattern-families", lambda d: find_patterns(d.text)) if c.kind in self.kinds]
