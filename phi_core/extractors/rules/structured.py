"""Structured formats: HL7 v2 messages, DICOM header dumps, CSV/TSV/Markdown tables.

In these documents the position of a value (segment and field, tag, column)
says what it is, so no cue word is needed: ``PID|1||12345^^^HOSP^MR||
YAMADA^TARO||19600101|M`` holds an ID, a name, a birth date and a sex code.
Names written with ``^`` between their parts stay one span, and an HL7
timestamp (date and time) is one date span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .candidates import NOT_PHI, RANK_LABEL, Candidate
from phi_core.japanese.chars import is_unified_kanji

from .chars import is_hiragana, is_kanji, is_katakana
from .names import starts_with_surname
from .labels import LabelHit, column_rule, context_regions, label_candidates
from .recognizer import Document, Recognizer, Region, register

# What a field holds and how to read its value.
#   "name": an XPN/PN name (family^given...), "xcn": ID^family^given (staff),
#   "id": the first component, "whole": every component from first to last,
#   "date": a timestamp, "sex": a sex code, "phone": a phone field.


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
    ("GT1", 3): Field("EMERGENCY_CONTACT", "name"),
    ("GT1", 5): Field("ADDRESS", "whole"),
    ("GT1", 6): Field("EMERGENCY_CONTACT", "phone"),
    ("GT1", 7): Field("EMERGENCY_CONTACT", "phone"),
    ("IN1", 16): Field("EMERGENCY_CONTACT", "name"),
    ("IN1", 19): Field("ADDRESS", "whole"),
    ("IN1", 4): Field("HOSPITAL_NAME", "first"),
    ("IN1", 49): Field("OTHER_ID", "id"),
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
    ("ORC", 21): Field("HOSPITAL_NAME", "first"),
    ("ORC", 22): Field("FACILITY_ADDRESS", "whole"),
    ("ORC", 23): Field("FACILITY_PHONE", "phone"),
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
    ("OBR", 33): Field("PHYSICIAN_NAME", "xcn"),
    ("OBR", 34): Field("PHYSICIAN_NAME", "xcn"),
    ("OBR", 35): Field("PHYSICIAN_NAME", "xcn"),
    ("OBX", 14): Field("OTHER_DATE", "date"),
    ("OBX", 16): Field("PHYSICIAN_NAME", "xcn"),
    ("OBX", 19): Field("OTHER_DATE", "date"),
    ("IN1", 2): Field("OTHER_ID", "id"),
    ("IN1", 36): Field("OTHER_ID", "id"),
}
_HL7_SEGMENT_RE = re.compile(r"^(?P<segment>[A-Z][A-Z0-9]{2})\|", re.MULTILINE)
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
    kept = _non_empty(parts)
    if not kept:
        return []
    read_as, category = spec.read_as, spec.category
    if read_as in ("id", "first"):
        first = parts[0] if parts[0][1] > parts[0][0] else kept[0]
        if read_as == "first" and not any(ch.isalpha() for ch in text[first[0] : first[1]]):
            return []
        return [Candidate(first[0], first[1], category, RANK_LABEL)]
    if read_as == "date":
        match = _DATE_VALUE_RE.match(text, parts[0][0], parts[0][1])
        if not match or match.end() - match.start() < 6:
            return []
        return [Candidate(match.start(), match.end(), category, RANK_LABEL, "date")]
    if read_as == "sex":
        value = text[kept[0][0] : kept[0][1]]
        return [Candidate(kept[0][0], kept[0][1], "SEX", RANK_LABEL)] if value in _SEX_CODES else []
    if read_as == "phone":
        first = kept[0]
        if not any(ch.isdigit() for ch in text[first[0] : first[1]]):
            return []
        return [Candidate(first[0], first[1], category, RANK_LABEL)]
    if read_as == "xcn":
        # ID^FAMILY^GIVEN^MIDDLE^SUFFIX^PREFIX(Dr): the name is components 2-4,
        # unless the first component is already a name (no ID written).
        first = text[parts[0][0] : parts[0][1]]
        offset = 0 if first and not any(ch.isdigit() for ch in first) else 1
        names = _non_empty(parts[offset : offset + 3])
        if not names:
            return []
        found = [Candidate(names[0][0], names[-1][1], category, RANK_LABEL)]
        return found
    if read_as == "location":
        # WARD^ROOM^BED^FACILITY: the ward is a department-like place, room and bed
        # identify an inpatient, the facility is a hospital name.
        found = [Candidate(s, e, "DEPARTMENT", RANK_LABEL) for s, e in _non_empty(parts[:1])]
        found += [Candidate(s, e, category, RANK_LABEL) for s, e in _non_empty(parts[1:3])]
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


def _script(value: str) -> str:
    if value.isascii():
        return "latin" if value.isalpha() else ""
    if all(is_katakana(ch) for ch in value):
        return "katakana"
    if all(is_kanji(ch) or is_hiragana(ch) for ch in value):
        return "kanji"
    return ""


def _caret_name_end(text: str, start: int, end: int, component: str) -> int:
    """End of ``FAMILY^GIVEN`` at ``start`` when both parts look like a name in one script, else 0."""
    parts = _components(text, start, end, component)
    if len(parts) < 2:
        return 0
    family, given = text[parts[0][0] : parts[0][1]], text[parts[1][0] : parts[1][1]]
    script = _script(family)
    if not script or _script(given) != script or any(text[s:e] for s, e in parts[2:4] if not _script(text[s:e])):
        return 0
    if script == "latin" and (len(family) < 2 or len(given) < 2 or len(family) + len(given) < 5):
        return 0
    if script == "kanji" and (not starts_with_surname(family) or len(given) > 4):
        return 0
    return parts[1][1]


def hl7_candidates(text: str) -> list[Candidate]:
    if not any(marker in text for marker in _HL7_SEGMENTS_SEEN):
        return []
    found: list[Candidate] = []
    component, repeat = "^", "~"
    for match in _HL7_SEGMENT_RE.finditer(text):
        segment = match.group("segment")
        line_end = text.find("\n", match.start())
        line_end = len(text) if line_end < 0 else line_end
        if text[line_end - 1 : line_end] == "\r":
            line_end -= 1
        fields = _components(text, match.start(), line_end, "|")
        if segment == "MSH":
            encoding = text[fields[1][0] : fields[1][1]] if len(fields) > 1 else ""
            if len(encoding) >= 2:
                component, repeat = encoding[0], encoding[1]
            # MSH-1 is the field separator itself, so MSH-n is fields[n - 1].
            numbered = {index + 1: span for index, span in enumerate(fields)}
        else:
            numbered = dict(enumerate(fields))
        for number, (start, end) in numbered.items():
            spec = _HL7_FIELDS.get((segment, number))
            if end <= start or (spec is not None and spec.read_as == "text"):
                continue
            if spec is not None and spec.read_as == "code":
                found.append(Candidate(start, end, NOT_PHI, RANK_LABEL))
                continue
            if spec is None:
                # Exports put names in other fields than the standard says: a
                # FAMILY^GIVEN value is a name wherever it stands.
                name_end = _caret_name_end(text, start, end, component)
                if name_end:
                    role = "PATIENT_NAME" if segment in ("PID", "MRG") else "PHYSICIAN_NAME"
                    found.append(Candidate(start, name_end, role, RANK_LABEL))
                elif number > 0 and not (segment == "MSH" and number <= 2):
                    # Codes, set IDs, message types: keep generic patterns off them.
                    found.append(Candidate(start, end, NOT_PHI, RANK_LABEL))
                continue
            for index, (rep_start, rep_end) in enumerate(_components(text, start, end, repeat)):
                for cand in _read_value(text, rep_start, rep_end, spec, component, "&"):
                    found.append(_reading_or_name(text, cand, index))
    return found


@register
class Hl7Recognizer(Recognizer):
    """HL7 v2 segments (MSH/EVN/PID/NK1/PV1/ORC/OBR/OBX): the field number says what a value is."""

    name = "hl7"
    categories = (
        "PATIENT_NAME",
        "NAME_READING",
        "PATIENT_ID",
        "BIRTH_DATE",
        "SEX",
        "ADDRESS",
        "PHONE",
        "EMERGENCY_CONTACT",
        "PHYSICIAN_NAME",
        "HOSPITAL_NAME",
        "EXAM_DATE",
        "OTHER_DATE",
        "OTHER_ID",
    )

    def find(self, doc: Document) -> list[Candidate]:
        return hl7_candidates(doc.text)


# --- DICOM ---------------------------------------------------------------------

# keyword (also the name without spaces/apostrophes) -> Field
_DICOM: dict[str, tuple[str, Field]] = {
    "0008,0020": ("StudyDate", Field("EXAM_DATE", "date")),
    "0008,0021": ("SeriesDate", Field("EXAM_DATE", "date")),
    "0008,0022": ("AcquisitionDate", Field("EXAM_DATE", "date")),
    "0008,0023": ("ContentDate", Field("EXAM_DATE", "date")),
    "0008,0012": ("InstanceCreationDate", Field("EXAM_DATE", "date")),
    "0008,0030": ("StudyTime", Field("TIME", "time")),
    "0008,0031": ("SeriesTime", Field("TIME", "time")),
    "0008,0032": ("AcquisitionTime", Field("TIME", "time")),
    "0008,0033": ("ContentTime", Field("TIME", "time")),
    "0008,0050": ("AccessionNumber", Field("OTHER_ID", "whole")),
    "0008,0080": ("InstitutionName", Field("HOSPITAL_NAME", "whole")),
    "0008,0081": ("InstitutionAddress", Field("FACILITY_ADDRESS", "whole")),
    "0008,0090": ("ReferringPhysicianName", Field("PHYSICIAN_NAME", "name")),
    "0008,0092": ("ReferringPhysicianAddress", Field("FACILITY_ADDRESS", "whole")),
    "0008,0094": ("ReferringPhysicianTelephoneNumbers", Field("FACILITY_PHONE", "whole")),
    "0008,1040": ("InstitutionalDepartmentName", Field("DEPARTMENT", "whole")),
    "0008,1048": ("PhysiciansOfRecord", Field("PHYSICIAN_NAME", "name")),
    "0008,1050": ("PerformingPhysicianName", Field("PHYSICIAN_NAME", "name")),
    "0008,1060": ("NameOfPhysiciansReadingStudy", Field("PHYSICIAN_NAME", "name")),
    "0008,1070": ("OperatorsName", Field("PHYSICIAN_NAME", "name")),
    "0010,0010": ("PatientName", Field("PATIENT_NAME", "name")),
    "0010,0020": ("PatientID", Field("PATIENT_ID", "whole")),
    "0010,0021": ("IssuerOfPatientID", Field("HOSPITAL_NAME", "whole")),
    "0010,0030": ("PatientBirthDate", Field("BIRTH_DATE", "date")),
    "0010,0040": ("PatientSex", Field("SEX", "sex")),
    "0010,1000": ("OtherPatientIDs", Field("PATIENT_ID", "whole")),
    "0010,1001": ("OtherPatientNames", Field("PATIENT_NAME", "name")),
    "0010,1005": ("PatientBirthName", Field("PATIENT_NAME", "name")),
    "0010,1010": ("PatientAge", Field("AGE", "whole")),
    "0010,1040": ("PatientAddress", Field("ADDRESS", "whole")),
    "0010,1060": ("PatientMotherBirthName", Field("EMERGENCY_CONTACT", "name")),
    "0010,2154": ("PatientTelephoneNumbers", Field("PHONE", "whole")),
    "0018,1000": ("DeviceSerialNumber", Field("OTHER_ID", "whole")),
    "0020,0010": ("StudyID", Field("OTHER_ID", "whole")),
    "0032,1032": ("RequestingPhysician", Field("PHYSICIAN_NAME", "name")),
    "0040,0244": ("PerformedProcedureStepStartDate", Field("EXAM_DATE", "date")),
    "0040,0245": ("PerformedProcedureStepStartTime", Field("TIME", "time")),
    "0040,0253": ("PerformedProcedureStepID", Field("OTHER_ID", "whole")),
    "0040,2016": ("PlacerOrderNumberImagingServiceRequest", Field("OTHER_ID", "whole")),
    "0040,2017": ("FillerOrderNumberImagingServiceRequest", Field("OTHER_ID", "whole")),
}
_DICOM_BY_KEYWORD: dict[str, Field] = {keyword.lower(): spec for keyword, spec in _DICOM.values()}
_DICOM_BY_TAG: dict[str, Field] = {tag: spec for tag, (_, spec) in _DICOM.items()}
# (0010,0010) PN [YAMADA^TARO]   or   (0010, 0010) Patient's Name   PN: 'YAMADA^TARO'
_DICOM_TAG_RE = re.compile(r"\((?P<group>[0-9A-Fa-f]{4}),\s?(?P<element>[0-9A-Fa-f]{4})\)(?P<rest>[^\n]*)")
_DICOM_VALUE_RE = re.compile(r"\[(?P<bracket>[^\]\n]*)\]|(?:[A-Z]{2}|[:=])\s*:?\s*['\"](?P<quoted>[^'\"\n]*)['\"]")
# PatientName: YAMADA^TARO   or   Patient's Name = ...
# Only CamelCase keywords: "Patient Name: ..." in prose is left to the label recognizer.
_DICOM_KEYWORD_RE = re.compile(
    r"^[ \t]*(?P<keyword>[A-Z][a-z]+(?:[A-Z][a-z]*|ID)+)[ \t]*(?:\([A-Z]{2}\))?[ \t]*[:=][ \t]*(?P<value>[^\n]*?)(?:[ \t]{2,}[^\n]*)?$",
    re.MULTILINE,
)
_DICOM_KEYWORD_CUES = (
    "Patient",
    "Study",
    "Institution",
    "Physician",
    "Accession",
    "Operator",
    "Series",
    "Acquisition",
    "Content",
    "Station",
    "Device",
    "Requesting",
    "Performed",
    "Order",
)
_DICOM_TIME_RE = re.compile(
    r"[0-2][0-9](?:[0-5][0-9](?:[0-5][0-9](?:\.[0-9]{1,6})?)?)?|[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?"
)
_EMPTY = ("", "<empty>", "(no value available)", "None")


def _dicom_value(text: str, start: int, end: int, spec: Field) -> list[Candidate]:
    while start < end and text[start] in " \t'\"":
        start += 1
    while end > start and text[end - 1] in " \t'\"":
        end -= 1
    if text[start:end] in _EMPTY:
        return []
    if spec.category == "DEPARTMENT" and ("RADIOLOG" in text[start:end].upper() or "放射線" in text[start:end]):
        return []  # the reading department identifies nobody
    if spec.read_as == "time":
        match = _DICOM_TIME_RE.match(text, start, end)
        if not match or match.end() - match.start() < 4:
            return []
        return [Candidate(match.start(), match.end(), spec.category, RANK_LABEL, "time")]
    if spec.read_as == "name":
        # Alphabetic=ideographic=phonetic groups: each is the name in one script.
        found = []
        for index, (s, e) in enumerate(_non_empty(_components(text, start, end, "="))):
            found.extend(_reading_or_name(text, c, index) for c in _read_value(text, s, e, spec, "^", "&"))
        return found
    if spec.read_as == "whole":
        return [Candidate(start, end, spec.category, RANK_LABEL)] if end > start else []
    return _read_value(text, start, end, spec, "^", "&")


def _normalise_keyword(keyword: str) -> str:
    return keyword.replace(" ", "").replace("'", "").lower()


def dicom_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "(00" in text or "(0" in text:
        for match in _DICOM_TAG_RE.finditer(text):
            tag = f"{match.group('group')},{match.group('element')}".upper()
            spec = _DICOM_BY_TAG.get(tag)
            if spec is None:
                continue
            value = _DICOM_VALUE_RE.search(text, match.start("rest"), match.end("rest"))
            if value:
                group = "bracket" if value.group("bracket") is not None else "quoted"
                found.extend(_dicom_value(text, value.start(group), value.end(group), spec))
            else:
                # (0010,0010) PN YAMADA^TARO: the value follows the VR.
                rest = re.match(
                    r"\s*(?:[A-Z]{2}\s+)?(?:[A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)*\s{2,})?(?P<v>\S[^\n#]*)",
                    text[match.start("rest") : match.end("rest")],
                )
                if rest:
                    base = match.start("rest")
                    found.extend(_dicom_value(text, base + rest.start("v"), base + rest.end("v"), spec))
    if not any(word in text for word in _DICOM_KEYWORD_CUES):
        return found
    for match in _DICOM_KEYWORD_RE.finditer(text):
        spec = _DICOM_BY_KEYWORD.get(_normalise_keyword(match.group("keyword")))
        if spec is not None:
            found.extend(_dicom_value(text, match.start("value"), match.end("value"), spec))
    return found


# DICOM JSON model (PS3.18 F.2): "00100010": {"vr": "PN", "Value": [{"Alphabetic": "YAMADA^TARO"}]}
_DICOM_JSON_TAG_RE = re.compile(r'"(?P<tag>[0-9A-Fa-f]{8})"\s*:\s*\{')
_DICOM_JSON_VALUE_RE = re.compile(r'"Value"\s*:\s*\[')
_DICOM_JSON_STRING_RE = re.compile(
    r'(?:"(?P<key>Alphabetic|Ideographic|Phonetic)"\s*:\s*)?"(?P<value>(?:[^"\\\n]|\\.)*)"'
)


def dicom_json_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if '"Value"' not in text:
        return found
    for match in _DICOM_JSON_TAG_RE.finditer(text):
        tag = match.group("tag").upper()
        spec = _DICOM_BY_TAG.get(f"{tag[:4]},{tag[4:]}")
        if spec is None:
            continue
        # The element's object ends at the next tag key; its values are the strings in "Value": [...].
        following = _DICOM_JSON_TAG_RE.search(text, match.end())
        limit = following.start() if following else len(text)
        value = _DICOM_JSON_VALUE_RE.search(text, match.end(), limit)
        if not value:
            continue
        close = text.find("]", value.end(), limit)
        close = limit if close < 0 else close
        for index, item in enumerate(_DICOM_JSON_STRING_RE.finditer(text, value.end(), close)):
            start, end = item.span("value")
            if item.group("key") == "Phonetic" or (item.group("key") == "Alphabetic" and index > 0):
                candidates = _dicom_value(text, start, end, spec)
                found.extend(
                    c._replace(category="NAME_READING") if c.category == "PATIENT_NAME" else c for c in candidates
                )
            else:
                found.extend(_dicom_value(text, start, end, spec))
    return found


@register
class DicomRecognizer(Recognizer):
    """DICOM header dumps: ``(0010,0010) PN [YAMADA^TARO]`` and ``PatientName: ...`` lines."""

    name = "dicom"
    categories = (
        "PATIENT_NAME",
        "NAME_READING",
        "PATIENT_ID",
        "BIRTH_DATE",
        "SEX",
        "AGE",
        "EXAM_DATE",
        "TIME",
        "PHYSICIAN_NAME",
        "HOSPITAL_NAME",
        "FACILITY_ADDRESS",
        "OTHER_ID",
    )

    def find(self, doc: Document) -> list[Candidate]:
        return dicom_candidates(doc.text) + dicom_json_candidates(doc.text)


# --- delimited tables ----------------------------------------------------------------


def _cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """Cell contents of one line (quotes and padding excluded), honouring "a, b" quoting."""
    cells: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        while pos < end and text[pos] in " \t" and delimiter != "\t":
            pos += 1
        if pos < end and text[pos] == '"':
            close = text.find('"', pos + 1, end)
            close = end if close < 0 else close
            cells.append((pos + 1, close))
            nxt = text.find(delimiter, close, end)
        else:
            nxt = text.find(delimiter, pos, end)
            cell_end = end if nxt < 0 else nxt
            trimmed = cell_end
            while trimmed > pos and text[trimmed - 1] in " \t":
                trimmed -= 1
            cells.append((pos, trimmed))
        if nxt < 0:
            break
        pos = nxt + 1
    return cells


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _delimiter(line: str) -> str:
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2 and line.lstrip().startswith("|"):
        return "|"  # Markdown tables open with a bar; HL7 segments do not
    return "," if line.count(",") >= 2 else ""


_MARKDOWN_RULE = re.compile(r"\s*\|?\s*:?-{2,}")


def _is_header(text: str, lines, index: int, delimiter: str, columns) -> bool:
    """A header row names its columns: known labels, no values among them.

    A Markdown header is followed by its |---| rule, so a key/value table
    ("| ふりがな | きむらかな |") is not taken for a header.
    """
    named = [label for label, _ in columns if label.strip()]
    known = sum(rule is not None for _, rule in columns)
    if known < 2 or known * 5 < len(named) * 2:
        return False
    if sum(any(ch.isdigit() for ch in label) for label in named) > 1:
        return False
    if delimiter == "|":
        if index + 1 >= len(lines):
            return False
        start, end = lines[index + 1]
        return bool(_MARKDOWN_RULE.match(text, start, end))
    return True


def table_hits(text: str) -> list[LabelHit]:
    """Cells under a header row whose column names are known labels, as label hits."""
    if "," not in text and "\t" not in text and "|" not in text:
        return []
    hits: list[LabelHit] = []
    lines = _lines(text)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        delimiter = _delimiter(text[start:end])
        if not delimiter:
            index += 1
            continue
        header = _cells(text, start, end, delimiter)
        columns = [(text[s:e], column_rule(text[s:e])) for s, e in header]
        if not _is_header(text, lines, index, delimiter, columns):
            index += 1
            continue
        row = index + 1
        while row < len(lines):
            r_start, r_end = lines[row]
            row_text = text[r_start:r_end]
            if delimiter not in row_text:
                break
            if set(row_text.strip()) <= set("|-:= \t+"):
                row += 1
                continue
            for (c_start, c_end), (label, rule) in zip(_cells(text, r_start, r_end, delimiter), columns):
                if rule is not None and c_end > c_start:
                    hits.append(LabelHit(label, rule, c_start, c_end))
            row += 1
        index = row
    return hits


@register
class TableRecognizer(Recognizer):
    """CSV/TSV exports and Markdown tables: a cell takes the meaning of its column header."""

    name = "table"
    categories = (
        "PATIENT_NAME",
        "PATIENT_ID",
        "BIRTH_DATE",
        "EXAM_DATE",
        "PHONE",
        "ADDRESS",
        "PHYSICIAN_NAME",
        "HOSPITAL_NAME",
        "OTHER_ID",
    )

    def find(self, doc: Document) -> list[Candidate]:
        hits = doc.shared("table_hits", lambda d: table_hits(d.text))
        return label_candidates(doc.text, hits)

    def regions(self, doc: Document) -> list[Region]:
        return context_regions(doc.text, doc.shared("table_hits", lambda d: table_hits(d.text)))
