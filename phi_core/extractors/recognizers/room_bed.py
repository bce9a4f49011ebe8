"""Where an inpatient lies: ward, room and bed numbers.

A ward written with its floor (``7階東病棟``, ``6B病棟``) is a department-like
place; room and bed numbers are identifiers (only the number is the span:
``403号室`` -> ``403``, ``Room 615`` -> ``615``, ``ベッド2`` -> ``2``). A ward word on its own
(``病棟``, ``一般病棟``) is left alone.
"""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register
from phi_core.japanese.chars import DIGIT

_D = f"[{DIGIT}]"
_WARD_RE = re.compile(f"(?<![{DIGIT}])(?<![{DIGIT}][:：]){_D}{{1,2}}(?:階|F)?[東西南北A-ZＡ-Ｚ]?(?:病棟|病棟)")
# (a floor and its room joined by a hyphen, 5-08号室, is one room)
_ROOM_RE = re.compile(f"(?<![{DIGIT}\\-－])(?P<room>(?:{_D}{{1,2}}[-－])?{_D}{{2,4}})(?:号室|号病室)")
# A bed, cot or incubator by its word: ベッド2, Bed H1, ベッド ICU-6, ｺｯﾄ3, 保育器 7 (not a count: ベッド 5台).
_BED_RE = re.compile(
    f"(?:ベッド|ﾍﾞｯﾄﾞ|Bed|bed|BED|コット|ｺｯﾄ|保育器|クベース)(?:番号)?[ 　:：#]?"
    f"(?P<bed>{_D}{{1,2}}|[A-DＡ-Ｄ]|[A-Z]{{1,4}}-?[0-9]{{1,2}})(?![{DIGIT}A-Za-z]|[ 　]?(?:台|脚|床|名|人|件|個|枚))"
    f"|(?<![{DIGIT}])(?P<bed2>{_D}{{1,2}})(?:番)?床(?!上|頭|面|下)"
)
# "Room 615", "Rm B-2", "RM 412-3", "bed 3 / rm 508": an English room label before a number of two digits or more
# (an operating room's "ROOM 5" is a theatre, not where the patient lies).
_ENGLISH_ROOM_RE = re.compile(
    r"(?<![A-Za-z])(?:Room|ROOM|room|Rm|RM|rm)\.?(?: ?No\.?)?[ :#]{0,2}"
    r"(?P<room>[0-9]{2,4}(?:-[0-9]{1,2})?|[A-Z]-?[0-9]{1,2})(?![0-9A-Za-z]| ?(?:cm|mm|mL|ml|kg|g|%))"
)
# "Ward 5N", "WARD 7E": an English ward with its number.
_ENGLISH_WARD_RE = re.compile(r"(?<![A-Za-z])(?:Ward|WARD|ward) [0-9]{1,2}[A-Z]{0,2}(?![0-9A-Za-z])")
# "5A病棟　906-1": a room-bed pair right after a ward.
_ROOM_BED_AFTER_WARD_RE = re.compile(f"病棟[ 　]?(?P<room>{_D}{{2,4}})[-－](?P<bed>{_D}{{1,2}})(?![{DIGIT}])")


def room_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "病棟" in text:
        found += [Candidate(m.start(), m.end(), "DEPARTMENT", RANK_PATTERN) for m in _WARD_RE.finditer(text)]
        for m in _ROOM_BED_AFTER_WARD_RE.finditer(text):
            found.append(Candidate(m.start("room"), m.end("room"), "OTHER_ID", RANK_PATTERN))
            found.append(Candidate(m.start("bed"), m.end("bed"), "OTHER_ID", RANK_PATTERN))
    if "号" in text:
        found += [Candidate(m.start("room"), m.end("room"), "OTHER_ID", RANK_PATTERN) for m in _ROOM_RE.finditer(text)]
    if "ard " in text or "ARD " in text:
        found += [Candidate(*m.span(), "DEPARTMENT", RANK_PATTERN) for m in _ENGLISH_WARD_RE.finditer(text)]
    if "oom" in text or "Rm" in text or "RM" in text or "OOM" in text or "rm" in text:
        found += [Candidate(*m.span("room"), "OTHER_ID", RANK_PATTERN) for m in _ENGLISH_ROOM_RE.finditer(text)]
    beds = any(
        word in text for word in ("床", "ベッド", "ﾍﾞｯﾄﾞ", "Bed", "bed", "BED", "コット", "ｺｯﾄ", "保育器", "クベース")
    )
    for m in _BED_RE.finditer(text) if beds else ():
        group = "bed" if m.group("bed") else "bed2"
        found.append(Candidate(m.start(group), m.end(group), "OTHER_ID", RANK_PATTERN))
    return found


@register
class RoomBedRecognizer(Recognizer):
    """Wards with a floor (7階東病棟), room numbers (403号室) and bed numbers (ベッド2, 2床)."""

    name = "room-bed"
    categories = ("DEPARTMENT", "OTHER_ID")

    def find(self, doc: Document) -> list[Candidate]:
        return room_candidates(doc.text)
