"""Departments and wards written in English, beyond the allow-list's words: Critical Care Medicine,
Palliative Care Unit, Onc Day Unit, Dialysis Unit, Breast Surgery, and a ward by its floor and wing (6 West,
East 4, 7th floor East).

English specialties are open-ended (Critical Care Medicine, Sports Medicine, Hand Surgery): what makes a
run of capitalised words a department is its last word. A title of a society, a journal or a
department's parent ("Society of Critical Care Medicine", "Journal of Surgery") names no place of
record, nor does a unit of measure (Hounsfield Unit, International Unit).
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .sudachi_names import RANK_SUPPLEMENT

_SPECIALTY = re.compile(
    # (not over a facility's last word: "Iwakura Medical Center Kampo Medicine" is the centre, then its kind)
    # (specialties joined by & or and: Plastic & Reconstructive Surgery; not "... ward": in Japan that is as often
    # a city's ward, Hodogaya ward, Kawaguchi ward)
    r"(?<![A-Za-z.\-])(?P<words>(?:(?!(?:Center|Centre|Hospital|Clinic) )[A-Z][a-z]+ (?:(?:&|and) (?=(?!(?:Medicine|Surgery|Unit)\b)[A-Z]))?){1,3})"
    r"(?:Medicine|Surgery|Unit)(?![A-Za-z])"
)
_JOIN = re.compile(r" (?:and|&) ")
# A word before the run that makes it a title, not a place: of a society, a journal, a board.
_TITLE_BEFORE = re.compile(r"(?:\bof|Society|Journal|Association|College|Board|Academy|Institute)[ ]$")
_NOT_FIRST = frozenset(
    "The A An In On At For And Of To With From By Evidence Precision Hounsfield International Motor "
    "Traditional Chinese Kampo Alternative Complementary Based Insulin Enzyme Activity Arbitrary Bethesda "
    "Absorbance Relative Standard Imperial Metric Astronomical Atomic Thermal Kilo Mass Length Time Tube Power "
    "Control Air Handling Storage Rental Drive Display Processing Central Memory Dental Dr Mr Ms Mrs Prof".split()
)
# A ward by floor and wing in English: "on 6 West", "Ward: East 4", "7th floor East ward" (6西, 東4, 7階東).
_WARD = re.compile(
    r"(?<![A-Za-z0-9\-.,/])(?:[0-9]{1,2} (?:East|West|North|South)|(?:East|West|North|South) [0-9]{1,2}"
    r"|[0-9]{1,2}(?:st|nd|rd|th)[ -][Ff]loor,? (?:East|West|North|South)(?: [Ww]ing| [Ww]ard)?)"
    r"(?![A-Za-z0-9\-./:])"
)

# A number that a word counts or grades is no floor (Stage 2 East, Grade 3 West, Level 4 North).
_COUNTED_BEFORE = re.compile(r"(?i:stage|grade|level|type|phase|class|no\.?|step|zone|wind|lane|route|exit|gate) $")


@register
class EnglishDepartmentRecognizer(Recognizer):
    name: ClassVar[str] = "english-department"
    categories: ClassVar[tuple[str, ...]] = ("DEPARTMENT",)

    def find(self, doc: Document) -> list[Candidate]:
        text = doc.text
        if not re.search(r"[A-Z][a-z]", text):
            return []
        found = []
        pos = 0
        while (m := _SPECIALTY.search(text, pos)) is not None:
            first = m.group("words").split(" ", 1)[0]
            if first in _NOT_FIRST or _TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                # a run joined by "and" may hold one that stands after the join (Department of Emergency and
                # Critical Care Medicine: Critical Care Medicine, as without the join)
                join = _JOIN.search(text, m.start(), m.end())
                pos = join.end() if join else m.end()
                continue
            found.append(Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT))
            pos = m.end()
        found.extend(
            Candidate(*m.span(), "DEPARTMENT", RANK_SUPPLEMENT)
            for m in _WARD.finditer(text)
            if not _COUNTED_BEFORE.search(text, max(0, m.start() - 10), m.start())
        )
        return found
