"""Structured formats, shared part: the HL7 field table and the readers of field values.

In these documents the position of a value (segment and field, tag, column)
says what it is, so no cue word is needed: ``PID|1||12345^^^HOSP^MR||
YAMADA^TARO||19600101|M`` holds an ID, a name, a birth date and a sex code.
Names written with ``^`` between their parts stay one span, and an HL7
timestamp (date and time) is one date span.
"""

from __future__ import annotations

from dataclasses import dataclass

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_LABEL, Candidate
from phi_core.extractors.recognition.name_parts import can_be_given_name, can_be_surname, starts_with_surname
from phi_core.japanese.chars import is_hiragana, is_kanji, is_katakana, is_unified_kanji

# What a field holds and how to read its value.
#   "name": an XPN/PN name (family^given...), "xcn": ID^family^given (staff),
#   "id": the first component, "number": the first component when it is digits (a dash between),
#   "whole": every component from first to last, "each": every component with a digit, one span each,
#   "date": a timestamp, "year-or-date": a timestamp or a year alone, "sex": a sex code, "phone": a phone field.


@dataclass(frozen=True)
class Field:
    category: str
    read_as: str = "whole"


_HL7_FIELDS: dict[tuple[str, int], Field] = {
    ("MSH", 4): Field("HOSPITAL_NAME", "first"),
    ("MSH", 6): Field("HOSPITAL_NAME", "first"),
    ("MSH", 7): Field("OTHER_DATE", "date"),
    ("EVN", 2): Field("OTHER_DATE", "date"),
    ("EVN", 6): Field("OTHER_DATE", "date"),
    ("PID", 2): Field("PATIENT_ID", "id"),
    ("PID", 3): Field("PATIENT_ID", "id"),
    ("PID", 4): Field("PATIENT_ID", "id"),
    ("PID", 5): Field("PATIENT_NAME", "name"),
    ("PID", 6): Field("PATIENT_NAME", "name"),
    ("PID", 7): Field("BIRTH_DATE", "date"),
    ("PID", 8): Field("SEX", "sex"),
    ("PID", 9): Field("PATIENT_NAME", "name"),
    ("PID", 11): Field("ADDRESS", "whole"),
    ("PID", 13): Field("PHONE", "phone"),
    ("PID", 14): Field("PHONE", "phone"),
    ("PID", 18): Field("OTHER_ID", "id"),
    ("PID", 19): Field("OTHER_ID", "id"),
    ("PID", 20): Field("OTHER_ID", "id"),
    ("NK1", 2): Field("EMERGENCY_CONTACT", "name"),
    ("NK1", 4): Field("ADDRESS", "whole"),
    ("NK1", 5): Field("EMERGENCY_CONTACT", "phone"),
    ("NK1", 6): Field("EMERGENCY_CONTACT", "phone"),
    ("PV1", 3): Field("OTHER_ID", "location"),
    ("PV1", 6): Field("OTHER_ID", "location"),
    ("PV1", 39): Field("HOSPITAL_NAME", "first"),
    ("PV1", 10): Field("DEPARTMENT", "first"),
    # PV1-11, a temporary location, where senders one field late put the service (|^石坂^亮^^^^^Dr|||NSG|): 8 of 11
    # times marked as the department on the development sets
    ("PV1", 11): Field("DEPARTMENT", "first"),
    ("GT1", 3): Field("EMERGENCY_CONTACT", "name"),
    ("GT1", 5): Field("ADDRESS", "whole"),
    ("GT1", 6): Field("EMERGENCY_CONTACT", "phone"),
    ("GT1", 7): Field("EMERGENCY_CONTACT", "phone"),
    ("IN1", 16): Field("EMERGENCY_CONTACT", "name"),
    ("IN1", 19): Field("ADDRESS", "whole"),
    ("IN1", 4): Field("HOSPITAL_NAME", "first"),
    ("MRG", 1): Field("PATIENT_ID", "id"),
    ("MRG", 7): Field("PATIENT_NAME", "name"),
    # Codes that look like FAMILY^GIVEN ("SPO^Spouse", "CT^胸部CT") but name nobody.
    **{
        key: Field("", "code")
        for key in (
            ("NK1", 3),
            ("NK1", 7),
            ("PV1", 2),
            ("PV1", 4),
            ("PV1", 14),
            ("PV1", 18),
            ("MSH", 9),
            ("OBR", 4),
            ("OBR", 24),
            ("OBX", 2),
            ("OBX", 3),
            ("OBX", 6),
            ("DG1", 3),
            ("DG1", 6),
            ("PID", 10),
            ("PID", 15),
            ("PID", 16),
            ("PID", 17),
            ("PID", 22),
            ("ORC", 1),
            ("ORC", 5),
            ("GT1", 11),
            ("IN1", 17),
        )
    },
    ("OBX", 5): Field("", "text"),
    ("NTE", 3): Field("", "text"),
    ("OBR", 13): Field("", "text"),
    ("PV1", 7): Field("PHYSICIAN_NAME", "xcn"),
    ("PV1", 8): Field("PHYSICIAN_NAME", "xcn"),
    ("PV1", 9): Field("PHYSICIAN_NAME", "xcn"),
    ("PV1", 17): Field("PHYSICIAN_NAME", "xcn"),
    ("PV1", 19): Field("OTHER_ID", "id"),
    # A scheduling message's personnel (SIU: the surgeon, the anaesthetist).
    ("AIP", 3): Field("PHYSICIAN_NAME", "xcn"),
    # and the appointment's own numbers, the placer's and the filler's (SCH|OP250306-004^ORSCHED)
    ("SCH", 1): Field("OTHER_ID", "id"),
    ("SCH", 2): Field("OTHER_ID", "id"),
    ("PV1", 44): Field("OTHER_DATE", "date"),
    ("PV1", 45): Field("OTHER_DATE", "date"),
    ("ORC", 2): Field("OTHER_ID", "id"),
    ("ORC", 3): Field("OTHER_ID", "id"),
    ("ORC", 4): Field("OTHER_ID", "id"),
    ("ORC", 9): Field("OTHER_DATE", "date"),
    ("ORC", 10): Field("PHYSICIAN_NAME", "xcn"),
    ("ORC", 11): Field("PHYSICIAN_NAME", "xcn"),
    ("ORC", 12): Field("PHYSICIAN_NAME", "xcn"),
    ("ORC", 15): Field("OTHER_DATE", "date"),
    ("ORC", 17): Field("DEPARTMENT", "first"),  # the entering organisation: the ordering department
    ("ORC", 21): Field("HOSPITAL_NAME", "first"),
    ("ORC", 22): Field("FACILITY_ADDRESS", "whole"),
    ("ORC", 23): Field("FACILITY_PHONE", "phone"),
    # The enterer's location and the number to call back (ORC-13, ORC-14): the ward, its room, its facility, as a
    # visit's location is read; and the clinic where an appointment takes place (AIL-3), whose rooms (診察室12) are
    # the clinic's, not the patient's. (OBR-17, the order's number to call, stays unnamed: senders put the doctor
    # of OBR-16 there, one field late.)
    ("ORC", 13): Field("OTHER_ID", "location"),
    ("ORC", 14): Field("FACILITY_PHONE", "phone"),
    ("AIL", 3): Field("DEPARTMENT", "first"),
    # A schedule's contacts: the placer's, the filler's and the enterer's person and phone (SCH-12 to 21). Their
    # locations (SCH-15, 19, 22) stay unnamed: writers shift the fields, and put a person, a phone or the status there.
    **{("SCH", number): Field("PHYSICIAN_NAME", "xcn") for number in (12, 16, 20)},
    **{("SCH", number): Field("FACILITY_PHONE", "phone") for number in (13, 17, 21)},
    # A referral's providers (PRD, REF messages): who, at which address and place, by which phone and number.
    ("PRD", 2): Field("PHYSICIAN_NAME", "name"),
    ("PRD", 3): Field("FACILITY_ADDRESS", "whole"),
    ("PRD", 4): Field("DEPARTMENT", "first"),
    ("PRD", 5): Field("FACILITY_PHONE", "phone"),
    ("PRD", 7): Field("OTHER_ID", "id"),
    ("OBR", 2): Field("OTHER_ID", "id"),
    ("OBR", 3): Field("OTHER_ID", "id"),
    ("OBR", 6): Field("OTHER_DATE", "date"),
    ("OBR", 7): Field("EXAM_DATE", "date"),
    ("OBR", 8): Field("EXAM_DATE", "date"),
    ("OBR", 14): Field("OTHER_DATE", "date"),
    ("OBR", 16): Field("PHYSICIAN_NAME", "xcn"),
    ("OBR", 18): Field("OTHER_ID", "id"),
    ("OBR", 19): Field("OTHER_ID", "id"),
    ("OBR", 20): Field("OTHER_ID", "id"),
    ("OBR", 22): Field("OTHER_DATE", "date"),
    ("OBR", 32): Field("PHYSICIAN_NAME", "xcn"),
    # A diagnosis's date (DG1-5), and the Study Instance UID a Japanese RIS sends in its ZDS segment.
    ("DG1", 5): Field("OTHER_DATE", "date"),
    # An allergy's identification date (AL1-6), often its year alone: when the reaction happened.
    ("AL1", 6): Field("OTHER_DATE", "year-or-date"),
    ("ZDS", 1): Field("OTHER_ID", "id"),
    ("OBR", 33): Field("PHYSICIAN_NAME", "xcn"),
    ("OBR", 34): Field("PHYSICIAN_NAME", "xcn"),
    ("OBR", 35): Field("PHYSICIAN_NAME", "xcn"),
    ("OBX", 14): Field("OTHER_DATE", "date"),
    ("OBX", 16): Field("PHYSICIAN_NAME", "xcn"),
    ("OBX", 19): Field("OTHER_DATE", "date"),
    ("IN1", 2): Field("OTHER_ID", "id"),
    # IN1-3, the insurer's number (保険者番号): independent writers mark it (9 of 11 times on the development sets)
    ("IN1", 3): Field("OTHER_ID", "number"),
    # SPM-2: the specimen's own number, which a pathology report is filed under.
    ("SPM", 2): Field("OTHER_ID", "id"),
}
# From IN1-30 on, an insurance segment holds the policy number (IN1-36) and the insured's own ID (IN1-49) among
# amounts and codes nobody fills: senders that count the empty fields a few off put the number anywhere there.
# On the development sets every value written from IN1-30 on was marked (67 of 67), most of them as one of these.
_HL7_LATE_FIELDS: dict[str, tuple[int, Field]] = {"IN1": (30, Field("OTHER_ID", "each"))}


def hl7_field(segment: str, number: int) -> Field | None:
    """What field ``number`` of ``segment`` holds, when the table says."""
    spec = _HL7_FIELDS.get((segment, number))
    if spec is None and segment in _HL7_LATE_FIELDS:
        first, late = _HL7_LATE_FIELDS[segment]
        return late if number >= first else None
    return spec


# A segment opens a line, maybe indented (a message pasted into a log); after a log line's own text
# (``message: MSH|...``, ``payload="PID|...``) only a segment this table reads counts.
# (a log or a JSON string writes the segments' break as the two letters \r or \n: ...|P|2.5\rPID|1||...)
_HL7_SEGMENT_RE = re.compile(r"(?:^[ \t]*|(?<=[\s:>\"'=\[])|(?<=\\[rn]))(?P<segment>[A-Z][A-Z0-9]{2})\|", re.MULTILINE)
_HL7_SEGMENTS_SEEN = ("MSH|", "PID|", "OBR|", "PV1|", "ORC|", "OBX|", "NK1|", "EVN|")
_DATE_VALUE_RE = re.compile(
    r"[12][0-9]{3}(?:[01][0-9](?:[0-3][0-9](?:[0-9]{2,6}(?:\.[0-9]{1,6})?)?)?)?(?:[+-][0-9]{4})?"
)
_SEX_CODES = {"M", "F", "O", "U", "男", "女", "男性", "女性", "Male", "Female"}


def _components(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = start
    while True:
        cut = text.find(separator, pos, end)
        if cut < 0:
            parts.append((pos, end))
            return parts
        parts.append((pos, cut))
        pos = cut + 1


def _non_empty(parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in parts if e > s]


def _read_value(text: str, start: int, end: int, spec: Field, component: str, sub: str) -> list[Candidate]:
    """Candidates for one field value (one repetition) read as ``spec`` says."""
    if end <= start:
        return []
    parts = _components(text, start, end, component)
    if spec.read_as == "xcn" and len(parts) == 1 and sub and sub in text[start:end]:
        # A result interpreter (OBR-32) is one component of subcomponents: 31502&NISHIDA&KAZUHIRO.
        parts = _components(text, start, end, sub)
    kept = _non_empty(parts)
    if not kept:
        return []
    read_as, category = spec.read_as, spec.category
    if read_as == "each":
        return [Candidate(s, e, category, RANK_LABEL) for s, e in kept if any(ch.isdigit() for ch in text[s:e])]
    if read_as in ("id", "first", "number"):
        first = parts[0] if parts[0][1] > parts[0][0] else kept[0]
        if read_as == "first" and not any(ch.isalpha() for ch in text[first[0] : first[1]]):
            return []
        if read_as == "number" and not text[first[0] : first[1]].replace("-", "").isdigit():
            return []  # an insurer's number, not a travel insurer's code (EUA-7, SMI01)
        return [Candidate(first[0], first[1], category, RANK_LABEL)]
    if read_as in ("date", "year-or-date"):
        match = _DATE_VALUE_RE.match(text, parts[0][0], parts[0][1])
        # (a year alone only where the field may hold one, and only as the whole value)
        year_alone = read_as == "year-or-date" and match and match.end() == parts[0][1]
        if not match or match.end() - match.start() < (4 if year_alone else 6):
            return []
        return [Candidate(match.start(), match.end(), category, RANK_LABEL, "date")]
    if read_as == "sex":
        value = text[kept[0][0] : kept[0][1]]
        return [Candidate(kept[0][0], kept[0][1], "SEX", RANK_LABEL)] if value in _SEX_CODES else []
    if read_as == "phone" and not PHONE_USE.search(text, start, end) and any(ch.isalpha() for ch in text[start:end]):
        # a person one field off, where senders shift a schedule's fields (SCH-17: 0388^OKOCHI^MIKI)
        return _read_value(text, start, end, Field("PHYSICIAN_NAME", "xcn"), component, sub)
    if read_as == "phone":
        first = kept[0]
        # The extension (the eighth part, or the last where a sender pads more) reaches the desk as the number
        # does: ^WPN^PH^^^^^4412.
        extension = [
            Candidate(s, e, category, RANK_LABEL) for s, e in _non_empty(parts[7:])[-1:] if text[s:e].isdigit()
        ]
        if not any(ch.isdigit() for ch in text[first[0] : first[1]]):
            # (the number in its parts, the first left empty: ^PRN^PH^^1^503^7180442, country, area and local)
            numbered = [(s, e) for s, e in parts[4:7] if any(ch.isdigit() for ch in text[s:e])]
            number = [Candidate(numbered[0][0], numbered[-1][1], category, RANK_LABEL)] if numbered else []
            return number + extension
        return [Candidate(first[0], first[1], category, RANK_LABEL)] + extension
    if read_as == "xcn":
        # ID^FAMILY^GIVEN^MIDDLE^SUFFIX^PREFIX(Dr): the name is components 2-4,
        # unless the first component is already a name (no ID written).
        first = text[parts[0][0] : parts[0][1]]
        offset = 0 if first and not any(ch.isdigit() for ch in first) else 1
        names = _non_empty(parts[offset : offset + 3])
        if not names or not any(ch.isalpha() for s, e in names for ch in text[s:e]):
            return []  # (a timing one field late, ^^^20250117084000, is no person)
        found = [Candidate(names[0][0], names[-1][1], category, RANK_LABEL)]
        if offset and _STAFF_ID_RE.fullmatch(first):
            # The staff member's own number identifies them as much as the name.
            found.append(Candidate(parts[0][0], parts[0][1], "OTHER_ID", RANK_LABEL))
        return found
    if read_as == "location" and (
        PHONE_SHAPED.fullmatch(text, parts[0][0], parts[0][1]) or PHONE_USE.search(text, start, end)
    ):
        # a contact's number one field early (SCH-15 for SCH-13: 075-212-3380^WPN^PH~3380^WPN^EXT), not a place
        return [Candidate(parts[0][0], parts[0][1], "FACILITY_PHONE", RANK_LABEL)] if parts[0][1] > parts[0][0] else []
    if read_as == "location":
        # WARD^ROOM^BED^FACILITY^…^DESCRIPTION: the ward is a department-like place, room and bed
        # identify an inpatient, the facility is a hospital name, the ninth part names the ward in words.
        found = [Candidate(s, e, "DEPARTMENT", RANK_LABEL) for s, e in _non_empty(parts[:1])]
        found += [Candidate(s, e, category, RANK_LABEL) for s, e in _non_empty(parts[1:3])]
        found += [Candidate(s, e, "DEPARTMENT", RANK_LABEL) for s, e in _non_empty(parts[8:9])]  # its description
        return found + [
            Candidate(s, e, "HOSPITAL_NAME", RANK_LABEL)
            for s, e in _non_empty(parts[3:4])
            if any(ch.isalpha() for ch in text[s:e])
        ]
    if read_as == "name":
        names = _non_empty(parts[:3])
        if not names:
            return []
        return [Candidate(names[0][0], names[-1][1], category, RANK_LABEL)]
    # "whole": one span from the first to the last non-empty component.
    return [Candidate(kept[0][0], kept[-1][1], category, RANK_LABEL)]


def _reading_or_name(text: str, cand: Candidate, index: int) -> Candidate:
    """A second repetition of a name written in kana or romaji is its reading."""
    if index == 0 or cand.category != "PATIENT_NAME":
        return cand
    value = text[cand.start : cand.end]
    if not any(is_unified_kanji(ch) for ch in value):
        return cand._replace(category="NAME_READING")
    return cand


# A phone's use code (XTN-2) after its number: 3380^WPN^EXT, ^PRN^CP.
PHONE_USE = re.compile(r"\^(?:PRN|ORN|WPN|VHN|ASN|EMR|NET|BPN)\^")
# A Japanese phone number with its dashes, wherever a sender put it.
PHONE_SHAPED = re.compile(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}")
# A staff number before ID^FAMILY^GIVEN: digits, perhaps after letters (1120, N1043, D-0042).
_STAFF_ID_RE = re.compile(r"[A-Za-z]{0,3}-?[0-9]{2,10}")


def xcn_name_after_id(text: str, start: int, end: int, component: str) -> tuple[int, int] | None:
    """``(id_end, name_end)`` when a field reads ``ID^FAMILY^GIVEN`` (an XCN wherever it stands), else None."""
    cut = text.find(component, start, end)
    if cut < 0 or not _STAFF_ID_RE.fullmatch(text, start, cut):
        return None
    name_end = _caret_name_end(text, cut + 1, end, component)
    if not name_end:
        # The ID before it vouches for a family name missing from the list when the dictionary reads
        # the parts as a person's (10482^小谷^博之).
        parts = _components(text, cut + 1, end, component)[:2]
        family, given = (text[s:e] for s, e in parts) if len(parts) == 2 else ("", "")
        if family and given and (can_be_surname(family) or can_be_given_name(given)):
            name_end = _caret_name_end(text, cut + 1, end, component, vouched=True)
    return (cut, name_end) if name_end else None


def _script(value: str) -> str:
    if value.isascii():
        return "latin" if value.isalpha() else ""
    if all(is_katakana(ch) for ch in value):
        return "katakana"
    if all(is_kanji(ch) or is_hiragana(ch) for ch in value):
        return "kanji"
    return ""


def _caret_name_end(text: str, start: int, end: int, component: str, vouched: bool = False) -> int:
    """End of ``FAMILY^GIVEN`` at ``start`` when both parts look like a name in one script, else 0.

    ``vouched``: the message says a person stands here (OBX-2 XCN), so the family name need not be a listed one."""
    parts = _components(text, start, end, component)
    if len(parts) < 2:
        return 0
    family, given = text[parts[0][0] : parts[0][1]], text[parts[1][0] : parts[1][1]]
    script = _script(family)
    if not script or _script(given) != script or any(text[s:e] for s, e in parts[2:4] if not _script(text[s:e])):
        return 0
    if script == "latin" and (len(family) < 2 or len(given) < 2 or len(family) + len(given) < 5):
        return 0
    if script == "kanji" and ((not vouched and not starts_with_surname(family)) or len(given) > 4):
        return 0
    return parts[1][1]
