"""Ages with their unit in any text: 67 歳, ６３才, 5さい, 65ｻｲ, 63Y, (35 y), 52-year-old, 45 y/o, 68 yrs old, 六十八歳 (not 70歳代)."""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.dates import KANJI_NUMERALS

from .short_dates import FULL_MONTHS
from .sudachi_names import RANK_SUPPLEMENT

_LONG_MONTHS = FULL_MONTHS.split("|")

_AGE = re.compile(
    r"(?<![0-9０-９.])[0-9０-９]{1,3}(?:[ \u3000]?(?:歳|才|さい|サイ|ｻｲ)(?!代|台|以上|以下|未満|じ|児)|Y(?![A-Za-z])|-year-old"
    r"|[ ]?y/?o(?![A-Za-z])|[ ]?y(?=[)）]))"
)
# Rarer forms, each scanned only when its unit is in the text (one alternation of all of
# them would be tried at every position of every document).
_MORE = (
    # A child's age in years and months: 3y4m.
    ("y", re.compile(r"(?<![0-9A-Za-z])[0-9]{1,2}y[0-9]{1,2}m(?![A-Za-z])")),
    # 68 yrs old, 68 years old, 68 yrs M.
    ("y", re.compile(r"(?<![0-9.])[0-9]{1,3} ?(?:yrs?|years?|y)(?= old|,? {0,4}(?:[MF]|male|female)(?![A-Za-z]))")),
    # The writer's own age in a letter or a message: Hi, I'm 37 (born …); not a count or a measure (I'm 37 weeks).
    (
        "I",
        re.compile(
            r"(?<![A-Za-z])(?:I['’]m|I am) (?P<n>[0-9]{1,3})(?![0-9.:/]|,[0-9]| ?(?:%|[a-zA-Z]|年|歳|才|週|日|時|分|回|番))"
        ),
    ),
    # A newborn's day of life: 日齢5 (the number; 日齢 stays outside as a label).
    ("日齢", re.compile(r"(?<=日齢)[ \u3000]?(?P<n>[0-9０-９]{1,3})(?![0-9０-９])")),
    # ... and in English, its day of life: DOL 2, DOL6.
    ("DOL", re.compile(r"(?<![A-Za-z])DOL ?[0-9]{1,3}(?![0-9])")),
    # An age in hours, days or years after Age (Age 48 h, Age at referral: 13 hours), or a parent's in years (39 y,).
    (
        "ge",
        re.compile(
            r"(?<![A-Za-z])Age(?: at [a-z]+)?[: ]+(?P<n>[0-9]{1,3} ?(?:hours?|hrs?|h|days?|d|weeks?|wks?|years?|y))(?![A-Za-z])"
        ),
    ),
    (" y", re.compile(r"(?<![0-9.])[0-9]{1,3} y(?=[,，)])")),
    # A record's key naming an age with more words ("age_at_study": 58, "age_at_test": "28:1", patient_age=67,
    # "ageAtExam": 56).
    (
        "age",
        re.compile(
            r"(?<![A-Za-z])(?:[A-Za-z]+_)*(?i:age)(?:_[A-Za-z]+|(?:At|In)?[A-Z][a-z]+)*[\"']?[ \t]*[:=][ \t]*[\"']?"
            # (its unit may follow inside the quotes: "age": "41 y")
            r"(?P<n>[0-9]{1,3}(?::[0-9]{1,2})?(?: ?(?:y|yo|yrs?|years?)(?=[\"'])|歳|才)?)(?![0-9.])"
        ),
    ),
    # An age alone in brackets after a date of birth or a name: DOB 2016-11-07 (8 yrs).
    ("yr", re.compile(r"(?<=[(（])[0-9]{1,3} ?(?:yrs|yr)(?=[)）])")),
    # Written out, only right after a date (Birthday: 2012.08.19 (12 years)): in prose (12 years) is a duration.
    (
        "year",
        re.compile(
            r"(?<=[0-9][./\-][0-9]{2}[(（])[0-9]{1,3} years?(?=[)）])|(?<=[0-9][./\-][0-9]{2} [(（])[0-9]{1,3} years?(?=[)）])"
            r"|(?<=[0-9][./\-][0-9]{2}  [(（])[0-9]{1,3} years?(?=[)）])"
            # (after the date's format written beside it: 03/11/1991 (MM/DD/YYYY), 33 years)
            r"|(?<=YYYY[)）], )[0-9]{1,3} years?(?![A-Za-z])"
            # (a date in words ending in its year: DOB 14 Feb 1962 (63 years))
            r"|(?:(?<=[0-9] [A-Z][a-z]{2} (?:19|20)[0-9]{2} [(（])|(?<=[0-9], (?:19|20)[0-9]{2} [(（])"
            + "".join(f"|(?<=[0-9] {month} (?:19|20)[0-9]{{2}} [(（])" for month in _LONG_MONTHS)
            # (a form's column gap of two blanks before the bracket: DOB:  3 Jan 1990  (34 years))
            + "|(?<=[0-9] [A-Z][a-z]{2} (?:19|20)[0-9]{2}  [(（])"
            + ")"
            r"[0-9]{1,3} years?(?=[)）])"
        ),
    ),
    # 54 y.o., 54 yo.
    ("y", re.compile(r"(?<![0-9.])[0-9]{1,3} ?y\.o\.?(?![A-Za-z])")),
    # Kanji numerals: 六十八歳.
    ("歳", re.compile(rf"(?<![{KANJI_NUMERALS}百])[{KANJI_NUMERALS}百]{{1,4}}歳(?!代|台|以上|以下|未満)")),
    ("才", re.compile(rf"(?<![{KANJI_NUMERALS}百])[{KANJI_NUMERALS}百]{{1,4}}才(?!代|台|以上|以下|未満)")),
    # An English "Age" with its number and no colon, in a header line: "Age 88  Sex M".
    # (or the age at an event, as a safety report asks it: Age at onset 66)
    ("Age", re.compile(r"(?<![A-Za-z])Age(?: at [a-z]+)?[ \t]{1,4}(?P<n>[0-9]{1,3})(?![0-9.,:/])")),
    ("AGE", re.compile(r"(?<![A-Za-z])AGE[ \t]{1,4}(?P<n>[0-9]{1,3})(?![0-9.,:/])")),
    # Age at an event, a colon and the number: Age at surgery: 75, Age at onset: 62 (years, the unit unsaid).
    (
        "ge at",
        re.compile(
            r"(?<![A-Za-z])(?:Age|AGE|age) at [a-z]+(?: [a-z]+)?:[ \t]*(?P<n>[0-9]{1,3})(?![0-9.,:/]|[ ]?[a-z])"
        ),
    ),
    # In an English sentence or a formula's inputs: "age 66, wt 58.9kg" (not a duration, age 3 months, nor a
    # rule's limit, until age 15, age 13+).
    (
        "age ",
        re.compile(
            r"(?<![A-Za-z])(?<!until )(?<!under )(?<!over )(?<!above )(?<!below )(?<!from )age[ \t]{1,3}(?P<n>[0-9]{1,3})"
            r"(?![0-9.:/+]|,[0-9]|[ ]?(?:%|mo|months?|weeks?|wks?|days?|d\b|h\b|hours?|and (?:over|above|under)))"
        ),
    ),
    # Months right before the sex: 4か月、男.
    (
        "月",
        re.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}(?:か月|ヶ月|カ月)(?=[、,，/／ \u3000]?(?:男|女|[MF](?![A-Za-z])))"),
    ),
)


@register
class AgeRecognizer(Recognizer):
    name: ClassVar[str] = "age-with-unit"
    categories: ClassVar[tuple[str, ...]] = ("AGE",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        found = [Candidate(*m.span(), "AGE", RANK_SUPPLEMENT) for m in _AGE.finditer(text)]
        for unit, pattern in _MORE:
            if unit in text:
                found.extend(
                    Candidate(*m.span("n" if "n" in pattern.groupindex else 0), "AGE", RANK_SUPPLEMENT)
                    for m in pattern.finditer(text)
                )
        return found
