"""A Japanese era year written alone by its letter: H30, S45, R5 (平成30年, 昭和45年, 令和5年).

Only forms no anatomy or staging label takes: H with two digits, S with two
digits from 20 (segments are S1-S8), R with one digit; T (大正) and M (明治)
are left out (T and M stage). Full-width letters and digits count (Ｈ２９). Followed by a space, 年, a range mark, a closing bracket,
a comma, 頃, a particle of time (に, から, まで) or the end of the line.

Any era year, one digit or two, T and M too, is a birth year where the next cell or word is the
age it gives (``宮本 ヨシ子	S9	90``, ``T15 98``, ``H2, 35``): a table of people or a list writes the
year of birth and then the age, and a segment, a stage or a vertebra has no such number after it.
The year the two add up to lies in a fixed window (2010 to 2030, not today's year, so that a text
is read the same way in any year).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.eras import ERA_LETTERS, ERAS, western_year

from .sudachi_names import RANK_SUPPLEMENT

_ERA_YEAR = re.compile(
    r"(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])(?:[HＨ][0-3０-３][0-9０-９]|[SＳ][2-6２-６][0-9０-９]|[RＲ][1-9１-９])"
    r"(?=[ \u3000年〜~～\-–)）、,。頃]|ごろ|に(?![0-9０-９])|から|まで|より|$"
    # or the event of that year after it (乳癌 H23術後, S50生まれ)
    r"|術|手術|発症|診断|受傷|入院|退院|出産|分娩|生まれ|死亡)",
    re.MULTILINE,
)
# An era's name in Latin letters in an English text (born Showa 12, since Heisei 3).
_ENGLISH_ERA_YEAR = re.compile(
    rf"(?<![A-Za-z])(?:{'|'.join(era.english for era in ERAS)}) (?:[1-9][0-9]?|[Gg]annen)(?![0-9.:/])"
)


# An era year, then the age it gives one gap (a tab, blanks, a comma or a slash) away.
_YEAR_THEN_AGE = re.compile(
    rf"(?<![0-9A-Za-z])(?P<era>[{ERA_LETTERS}])(?P<year>[1-9][0-9]?)(?:年生?|生)?"
    r"(?:\t|[ \u3000]{1,4}|[ ]?[,，、/／][ ]?)(?P<age>[0-9]{1,3})(?:歳|才)?(?![0-9.:/])"
    # the age ends its cell: no count or measure follows it (H2 35 件, S9 12 mm)
    r"(?![ \u3000]?(?:[件例人名本回個枚錠日週年%％]|か月|ヶ月|[a-zA-Zμ]))"
)
_NOW = range(2010, 2031)


def _birth_years(text: str) -> list[Candidate]:
    found = []
    for m in _YEAR_THEN_AGE.finditer(text):
        if western_year(m.group("era"), int(m.group("year"))) + int(m.group("age")) in _NOW:
            found.append(Candidate(m.start(), m.end("year"), "BIRTH_DATE", RANK_SUPPLEMENT))
    return found


@register
class EraYearRecognizer(Recognizer):
    name: ClassVar[str] = "era-year"
    categories: ClassVar[tuple[str, ...]] = ("OTHER_DATE", "BIRTH_DATE")

    def find(self, doc: Document) -> list[Candidate]:
        found = [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ERA_YEAR.finditer(doc.text)]
        found += [Candidate(*m.span(), "OTHER_DATE", RANK_SUPPLEMENT) for m in _ENGLISH_ERA_YEAR.finditer(doc.text)]
        return found + _birth_years(doc.text)
