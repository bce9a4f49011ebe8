"""Ages written with no unit, where their place says they are ages.

- after the word for age with its unit in brackets or after a slash (``年齢(歳) 45``, ``Age (y): 45``,
  ``Age/yrs 45``);
- after the word age in any case, with a blank, ``:`` or ``=``, as a key with its unit (``age_years=45``) or
  an element of a machine format (``<age>45</age>``) (``age 67``, ``age=34Y``,
  ``AGE : 58``, ``Age: 5 years``, with its unit), as key-value lines and headers write it; not a gestational or bone age
  (``gestational age 32``: weeks of a pregnancy, an estimate of growth);
- after a key of age and sex, with the unit's one letter before the slash (``age/sex : 7 y / F``);
- after a form's label of age at an event with leader dots (``Age at Informed Consent . 66 years``), and in
  brackets right after the word (``Age (34) inconsistent with DOB``);
- after aged (``aged 37``, ``aged 3 months``), not a thing's age (``aged care``: no number);
- in brackets right after a date of birth (``生年月日 1994年3月17日（32）``, ``DOB 1951-06-18 (72)``,
  ``DOB 03/09/1988 (37)``, ``S45.7.22生（56）``, an infant's months ``生年月日 令和6年2月11日（6か月）``, a column's gap between: ``DOB 03/07/1995  (30)``): the age the date gives; a bracketed number after any other number is a
  volume's issue or a code's field (``164(3)``, ``(01)0498…(17)``);
- in brackets right after the sex (``会社員 男性（34）``, ``female (41)``), as news and inquiries write a person;
- between commas after a titled Latin name (``Mr. Paul Hendricks, 58, a tourist``);
- with the word for years of age of another language (``41 ans``, ``67 tuổi``, ``35 años``, ``42岁``,
  ``58세``), as a foreign patient's own papers or an interpreter's note write it;
- the age at death after 享年 (``享年 86``);
- digits after the word for age scanned one box apart (``年齢 6 2``), as a form filled in by hand is read,
  and after the word itself letter-spaced (``年 齢 41``), or read with a letter for a digit (``年 齢 7O``, ``age 4l``; the allow-list reads no litres after the word for age);
- a child's age in years and months (``1才3ｹ月``, ``2歳10か月``), whole;
- after a name and a comma in brackets (``（Lee Soo-jin、37）``, ``（田中 花子, 45歳）``), as a list of cases
  writes who and how old: a name of two words, not a count after a word (``（うち入院、12）``);
- in brackets after a name of two words opening a line or an item of a list (``- 林 かのん (16) 脳腫瘍``,
  ``・ｶﾈｺ ﾕｳﾄ (18)``), as a list of participants or cases writes who and how old: the first word a family
  name the dictionaries know, or both in half-width kana (a test, a drug or a finding in two words is none:
  ``- 採血 検査 (3)``); not a count of what the item names (``- 肺 結節 (3) 個``: a counter after the bracket).
  A Latin name there is found by the name rules, and its age after it (demographics.py);
- between commas after a name of two words, its reading in brackets between or not
  (``濱田 イネ（ハマダ イネ）、93、字本村``, ``佐藤 花子、45、``), as a list of patients writes who, how old and where;
- under the age column of a plain-text table whose cells do not line up with its header
  (``受付No 氏名 年齢 採取日`` over ``2611-01 本橋 奈緒   38  11/04``): the first number standing alone
  on the row after a word, up to 120, where the header's age column comes right after its name
  column (a count or a dose between would stand first);
- between a Latin name of two words and a sex letter set apart (``Julien MARCHAND 29 M``), as a log's row
  writes who, how old and which sex; not a count after one word (``Phase 2 M``);
- two or three digits with the sex glued on or one space apart, opening a cell or an item
  (``|88女 呼吸不全|``, ``・74 男``): ``2男1女`` counts children and has one digit.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.name_parts import can_be_surname
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.eras import ERA_LETTERS, western_year
from phi_core.japanese.chars import (
    FULL_WIDTH_KATAKANA,
    HALF_WIDTH_KATAKANA,
    HIRAGANA_LETTERS,
    KANJI,
    LONG_VOWEL,
    READING_KANA,
)

from .sudachi_names import RANK_SUPPLEMENT

_AGE_WORD = re.compile(
    r"(?<![A-Za-z])(?<!gestational )(?<!Gestational )(?<!bone )(?<!Bone )(?<!menstrual )"
    r"(?i:age)(?:_(?i:years?|yrs|y)|/(?i:sex|gender))?(?:[ \t]{0,4}[:：=]?|(?:(?<=<age)|(?<=<Age)|(?<=<AGE))>)[ \t]{0,4}"
    # (a child's years and months: 2 yrs 10 mos, or a test manual's 6;7)
    r"(?P<n>[0-9]{1,3}(?:[ ]?(?:years?|yrs?|y(?= ?/)|months?|mos?)(?![A-Za-z])(?: [0-9]{1,2} ?(?:months?|mos?)(?![A-Za-z]))?"
    r"|;[0-9]{1,2}(?![0-9]))?)"
    r"(?![0-9.,/:]|[ \t]?(?:w|wk|weeks?|週|d\b|days?))"
)
# A form's label of age at an event with leader dots (Age at Informed Consent . 66 years, Age ....... 45), and the age
# in brackets after the word (Age (34) inconsistent with DOB): an entry form and a query about it write them so.
_AGE_LEADER = re.compile(
    r"(?<![A-Za-z])(?:Age|AGE)(?: at [A-Za-z][A-Za-z ]{0,30}?)?[ \t]*(?:\.+|…+)[ \t]*"
    r"(?P<n>[0-9]{1,3}(?:[ ]?(?:years?|yrs?|y)(?![A-Za-z]))?)(?![0-9.,/:])"
    r"|(?<![A-Za-z])(?:Age|AGE|age)[ ]?[(（](?P<m>[0-9]{1,3})[)）]"
)
# The label with its unit in brackets or after a slash: 年齢(歳) 45, Age (y): 45, Age/yrs 45.
_AGE_WITH_UNIT_LABEL = re.compile(
    r"(?:年齢|年令|(?<![A-Za-z])(?i:age))(?:[ ]?[（(](?:歳|才|y|yrs?|years)[)）]|/(?:yrs?|years|y))"
    r"[ \u3000]*[:：]?[ \u3000]*(?P<n>[0-9]{1,3})(?![0-9.,/:])"
)
_SPACED_AGE = re.compile(r"(?:年齢|年令)[ \u3000]*[:：]?[ \u3000]*(?P<n>[1-9](?: [0-9]){1,2})(?![0-9]| [0-9])")
# The label letter-spaced as a scanned form prints it (年 齢 41, 年　令 8).
_SPACED_LABEL_AGE = re.compile(
    r"年[ \u3000]{1,2}[齢令][ \u3000]*[:：]?[ \u3000]*(?P<n>[0-9]{1,3})(?![0-9.,/:]|[ \u3000][0-9])"
)
# Read by a scanner with a letter for a digit (年 齢 7O, 年齢：lO2, age 4l): a real digit and a look-alike.
_SCANNED_AGE = re.compile(
    r"(?:年[ \u3000]{0,2}[齢令]|(?<![A-Za-z])(?:age|Age|AGE))[ \u3000]*[:：]?[ \u3000]*(?P<n>(?=[OlI]?[0-9])(?=[0-9]?[OlI])[0-9OlI]{2,3})(?![0-9A-Za-z])"
)
_AS_DIGITS = str.maketrans("OlI", "011")
_AGED = re.compile(
    r"(?<![A-Za-z])(?:aged|Aged|AGED) (?P<n>[0-9]{1,3}(?: ?(?:years?|yrs?|months?|mos?|weeks?|days?)(?![A-Za-z]))?)"
    r"(?![0-9]|[.,:/][0-9]|%| ?(?:to|-|–)[ ]?[0-9])"
)
_YEARS_AND_MONTHS = re.compile(
    r"(?<![0-9０-９.])[0-9０-９]{1,2}(?:歳|才|ｻｲ)[ ]?[0-9０-９]{1,2}(?:か月|ヶ月|ケ月|カ月|ヵ月|ｹ月|ｶ月|ヶ月)"
)
_LETTERS = KANJI + HIRAGANA_LETTERS + FULL_WIDTH_KATAKANA + LONG_VOWEL
_NAME_THEN_AGE = re.compile(
    rf"[（(](?:[A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+){{1,3}}|[{_LETTERS}]{{1,4}}[ \u3000・][{_LETTERS}]{{1,4}})"
    r"[ \u3000]?[、,，][ \u3000]?(?P<n>[0-9]{1,3}(?:歳|才)?)(?:[、,，/／][^）)\n]{1,12})?[）)]"
)
# The age at death (享年 86, 享年86): a person's age, with or without its unit.
_AGE_AT_DEATH = re.compile(r"享年[ \u3000]*(?P<n>[0-9]{1,3})(?![0-9])")
_NAME_COMMA_AGE = re.compile(
    rf"(?<![{_LETTERS}])[{_LETTERS}]{{1,4}}[ \u3000][{_LETTERS}]{{1,4}}(?:[（(][{READING_KANA} ・\u3000]+[）)])?"
    r"[、,，][ \u3000]?(?P<n>[0-9]{1,3})(?=[、,，])"
)
_ITEM_NAME_AGE = re.compile(
    rf"^[ \t\u3000]*(?:[-・*•◦‐]|[0-9]{{1,2}}[.)])?[ \t\u3000]*"
    rf"(?:(?P<family>[{_LETTERS}]{{1,4}})[ \u3000][{_LETTERS}]{{1,4}}"
    rf"|[{HALF_WIDTH_KATAKANA}]{{2,6}} [{HALF_WIDTH_KATAKANA}]{{2,6}})"
    r"[ \t\u3000]{0,3}[（(](?P<n>[0-9]{1,3})[)）](?![ \u3000]?[件名例人回個本枚%％a-z])",
    re.MULTILINE,
)
# A header whose age column comes right after its name column: 氏名 年齢, Name Age.
_AGE_HEADER = re.compile(
    r"^(?P<head>[^\n]*?)(?<!\S)(?:氏名|名前|お名前|患者名|患者氏名|受診者名|利用者名|Name|NAME|name)[ \t\u3000]+"
    r"(?:年齢|年令|Age|AGE|age)(?![^\s(（])[^\n]*$",
    re.MULTILINE,
)
_DATE = (
    r"(?:[0-9０-９]{1,4}年[ \u3000]?[0-9０-９]{1,2}月[ \u3000]?[0-9０-９]{1,2}日"
    r"|[0-9]{2,4}[./\-][0-9]{1,2}[./\-][0-9]{1,2}|[0-9]{1,2}[./\-][0-9]{1,2}[./\-][0-9]{4}"
    r"|[A-Za-z]{3,9}\.? [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} [A-Za-z]{3,9}\.? [0-9]{4})"
)
_BIRTH_CUE = r"(?:生年月日|生年|誕生日|DOB|D\.O\.B\.?|[Bb]irth|BD|Born|born)"
_AGE_AFTER_BIRTH = re.compile(
    rf"{_BIRTH_CUE}[^\n]{{0,12}}?{_DATE}[ \u3000]{{0,3}}[（(](?P<n>[0-9]{{1,3}}|[0-9]{{1,2}}(?:か月|ヶ月|カ月|ケ月|ヵ月))[）)]"
    rf"|{_DATE}[ \u3000]?生[ \u3000]?[（(](?P<m>[0-9]{{1,3}})[）)]"
)
# A register's row: the sex, then the date of birth with the age in brackets (女　S31.9.9（38）, 男 1969.12.24 (24)).
_AGE_AFTER_SEX_AND_BIRTH = re.compile(
    rf"(?:(?<![^\s|│,、/])(?:男性|女性|男|女)|(?<![A-Za-z])[MF])[ \u3000\t]{{1,3}}"
    rf"(?P<date>(?P<era>[{ERA_LETTERS}])?(?P<year>[0-9]{{4}}|(?<=[{ERA_LETTERS}])[0-9]{{1,2}})[./\-][0-9]{{1,2}}[./\-][0-9]{{1,2}})"
    r"[ \u3000]{0,2}[（(](?P<n>[0-9]{1,3})[）)]"
)
_AGE_AFTER_SEX = re.compile(
    r"(?:男性|女性|男児|女児|(?<![A-Za-z])(?:male|female|Male|Female))[ \u3000]?[（(](?P<n>[0-9]{1,3})(?:歳|才)?[）)]"
)
# A sex letter set apart or after a slash, then years with their Latin unit (M　45 y, F 8 yrs, F / 57 yrs): the order
# of a card's header line.
_YEARS_AFTER_SEX_LETTER = re.compile(
    r"(?<![A-Za-z0-9.])[MF](?:[ \u3000]{1,2}|[ \u3000]?/[ \u3000]?)(?P<n>[0-9]{1,3}[ ]?(?:y|yrs?|yo))(?![A-Za-z0-9/.])"
)
_AGE_BETWEEN_NAME_AND_SEX = re.compile(
    r"(?<![A-Za-z])[A-Z][a-z]+[ ](?:[A-Z]{2,}|[A-Z][a-z]+)[ ]{1,2}(?P<n>[0-9]{1,3})[ ]{1,2}[MF](?![A-Za-z0-9/])"
)
_AGE_AFTER_TITLED_NAME = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx)\.? [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2}, (?P<n>[0-9]{1,3}),"
)
# Not a length of time in French (depuis 2 ans, il y a 3 ans, pendant 5 ans).
_FOREIGN_UNITS = ("ans", "años", "anos", "anni", "Jahre", "jaar", "tuổi", "岁", "세")
_AGE_FOREIGN = re.compile(
    r"(?<!depuis )(?<!il y a )(?<!pendant )(?<![0-9.,])[0-9]{1,3}[ \u00a0]?"
    rf"(?:{'|'.join(_FOREIGN_UNITS)})(?![A-Za-z])"
)
# Not a count of men and women (男 18 女 12, 計 30 男 18).
_AGE_BEFORE_SEX = re.compile(
    r"(?:^|(?<=[\s|│,、/（(・]))(?<![男女計] )(?<![男女計])(?P<n>[1-9][0-9]{1,2})[ ]?[男女](?![0-9０-９性子児]|[ \u3000]?[0-9０-９])",
    re.MULTILINE,
)


def _plausible(value: str) -> bool:
    return int(re.match("[0-9０-９]+", value).group()) <= 125


def _age_fits_birth(m: re.Match[str]) -> bool:
    """The year the age was written in must be one a record can have: a count after a recent date is none."""
    year = int(m.group("year"))
    if m.group("era"):
        year = western_year(m.group("era"), year)
    return _plausible(m.group("n")) and 1900 <= year + int(m.group("n")) <= 2040 and year <= 2030


def _column_ages(text: str) -> list[tuple[int, int]]:
    """Ages in the rows under a header with an age column (to the first blank line)."""
    found = []
    for header in _AGE_HEADER.finditer(text):
        # A header of one line, with several columns.
        if len(header.group().split()) < 3:
            continue
        pos = header.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            row = text[pos:end]
            if not row.strip():
                break
            for cell in _ROW_AGE.finditer(row):
                if _plausible(cell.group("n")):
                    found.append((pos + cell.start("n"), pos + cell.end("n")))
            pos = end + 1
    return found


# The first number standing alone on a row, after a word that is no number (the name before it).
_ROW_AGE = re.compile(r"^\s*\S+(?:[ \u3000]+[^\s0-9０-９][^\s]*)+[ \u3000]+(?P<n>[0-9]{1,3})(?=[ \u3000]|$)")


@register
class BareAgeRecognizer(Recognizer):
    name: ClassVar[str] = "bare-age"
    categories: ClassVar[tuple[str, ...]] = ("AGE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = []
        if "ge" in text or "GE" in text:
            found += [m.span("n") for m in _AGE_WORD.finditer(text) if _plausible(m.group("n"))]
            for m in _AGE_LEADER.finditer(text):
                group = "n" if m.group("n") else "m"
                if _plausible(re.match("[0-9]+", m.group(group)).group()):
                    found.append(m.span(group))
        if "ged" in text or "GED" in text:
            found += [m.span("n") for m in _AGED.finditer(text) if _plausible(m.group("n"))]
        if "(" in text or "（" in text:
            for m in _AGE_AFTER_BIRTH.finditer(text):
                group = "n" if m.group("n") else "m"
                if _plausible(m.group(group)):
                    found.append(m.span(group))
            found += [m.span("n") for m in _AGE_AFTER_SEX.finditer(text) if _plausible(m.group("n"))]
            found += [m.span("n") for m in _AGE_AFTER_SEX_AND_BIRTH.finditer(text) if _age_fits_birth(m)]
        if "M" in text:
            found += [m.span("n") for m in _AGE_AFTER_TITLED_NAME.finditer(text) if _plausible(m.group("n"))]
        if "M" in text or "F" in text:
            found += [m.span("n") for m in _AGE_BETWEEN_NAME_AND_SEX.finditer(text) if _plausible(m.group("n"))]
            for m in _YEARS_AFTER_SEX_LETTER.finditer(text):
                if _plausible(re.match("[0-9]+", m.group("n")).group()):
                    found.append(m.span("n"))
        if any(unit in text for unit in _FOREIGN_UNITS):
            found += [
                m.span() for m in _AGE_FOREIGN.finditer(text) if _plausible(re.match("[0-9]+", m.group()).group())
            ]
        if "月" in text:
            found += [m.span() for m in _YEARS_AND_MONTHS.finditer(text)]
        if "(" in text or "（" in text:
            found += [
                m.span("n")
                for m in _ITEM_NAME_AGE.finditer(text)
                if _plausible(m.group("n")) and (m.group("family") is None or can_be_surname(m.group("family")))
            ]
        if "、" in text or "," in text or "，" in text:
            found += [m.span("n") for m in _NAME_THEN_AGE.finditer(text) if _plausible(m.group("n"))]
            found += [m.span("n") for m in _NAME_COMMA_AGE.finditer(text) if _plausible(m.group("n"))]
        if "年齢" in text or "年令" in text or "Age" in text or "AGE" in text:
            found += [m.span("n") for m in _AGE_WITH_UNIT_LABEL.finditer(text) if _plausible(m.group("n"))]
            found += _column_ages(text)
            found += [m.span("n") for m in _SPACED_AGE.finditer(text) if _plausible(m.group("n").replace(" ", ""))]
        if "齢" in text or "令" in text:
            found += [m.span("n") for m in _SPACED_LABEL_AGE.finditer(text) if _plausible(m.group("n"))]
        if "齢" in text or "令" in text or "ge" in text or "GE" in text:
            found += [
                m.span("n") for m in _SCANNED_AGE.finditer(text) if _plausible(m.group("n").translate(_AS_DIGITS))
            ]
        if "男" in text or "女" in text:
            found += [m.span("n") for m in _AGE_BEFORE_SEX.finditer(text) if _plausible(m.group("n"))]
        if "享年" in text:
            found += [m.span("n") for m in _AGE_AT_DEATH.finditer(text) if _plausible(m.group("n"))]
        return [Candidate(s, e, "AGE", RANK_SUPPLEMENT) for s, e in found]
