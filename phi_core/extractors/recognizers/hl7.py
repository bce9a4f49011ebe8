"""The `hl7` recognizer: HL7 v2 segments read field by field."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import NOT_PHI, RANK_LABEL, Candidate
from phi_core.extractors.recognition.fields import (
    _HL7_FIELDS,
    _HL7_SEGMENT_RE,
    _HL7_SEGMENTS_SEEN,
    _caret_name_end,
    _components,
    _read_value,
    _reading_or_name,
    PHONE_SHAPED,
    PHONE_USE,
    Field,
    hl7_field,
    xcn_name_after_id,
)
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

from .romaji_words import is_romaji


_ESCAPED_BREAK = re.compile(r"\\[rn](?=[A-Z][A-Z0-9]{2}\||$|<)")


def hl7_candidates(text: str) -> list[Candidate]:
    if not any(marker in text for marker in _HL7_SEGMENTS_SEEN):
        return []
    found: list[Candidate] = []
    component, repeat = "^", "~"
    known = {segment for segment, _ in _HL7_FIELDS}
    for match in _HL7_SEGMENT_RE.finditer(text):
        segment, segment_start = match.group("segment"), match.start("segment")
        line_start = text.rfind("\n", 0, segment_start) + 1
        if text[line_start:segment_start].strip(" \t") and segment not in known:
            continue
        line_end = text.find("\n", segment_start)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_end - 1 : line_end] == "\r":
            line_end -= 1
        escaped = _ESCAPED_BREAK.search(text, segment_start, line_end)
        line_end = escaped.start() if escaped else line_end
        fields = _components(text, segment_start, line_end, "|")
        if segment == "MSH":
            encoding = text[fields[1][0] : fields[1][1]] if len(fields) > 1 else ""
            if len(encoding) >= 2:
                component, repeat = encoding[0], encoding[1]
            # MSH-1 is the field separator itself, so MSH-n is fields[n - 1].
            numbered = {index + 1: span for index, span in enumerate(fields)}
        else:
            numbered = dict(enumerate(fields))
        for number, (start, end) in numbered.items():
            spec = hl7_field(segment, number)
            if segment == "OBX" and number == 5 and end > start and _person_observed(text, fields):
                found.extend(_person_in_place_field(text, start, end, component, vouched=True))  # OBX-2: a person
                continue
            if end <= start or (spec is not None and spec.read_as == "text"):
                continue
            if spec is not None and spec.read_as == "code":
                # A visit's codes are short (I, O, R, 01); a number of six digits or more there is the visit's
                # number written one field early (PV1-18 for PV1-19: V2504110117), an identifier still.
                visit = segment == "PV1" and _VISIT_NUMBER_RE.fullmatch(text, start, end)
                # ... and a person there is a doctor's field written one field late (PV1-18: 3301^NARITA^SHUN).
                # (only in a visit's fields, only with its ID: a code and its text, 2345^GLU^LN, SPO^Spouse, share
                # the shape of a name elsewhere)
                xcn = xcn_name_after_id(text, start, end, component) if segment == "PV1" and not visit else None
                if xcn and any(ch.isdigit() for ch in text[start : xcn[0]]):
                    found.append(Candidate(start, xcn[0], "OTHER_ID", RANK_LABEL))
                    found.append(Candidate(xcn[0] + 1, xcn[1], "PHYSICIAN_NAME", RANK_LABEL))
                    continue
                found.append(Candidate(start, end, "OTHER_ID" if visit else NOT_PHI, RANK_LABEL))
                continue
            if spec is None and PHONE_USE.search(text, start, end):
                # a number with its use and kind (075-212-3380^WPN^PH~3380^WPN^EXT) wherever a sender put it
                for rep_start, rep_end in _components(text, start, end, repeat):
                    found.extend(_read_value(text, rep_start, rep_end, _SOME_PHONE, component, "&"))
                continue
            if spec is None:
                # Exports put names in other fields than the standard says: a
                # FAMILY^GIVEN value is a name wherever it stands.
                # (an XCN with its ID left empty too: ^吉岡^遼^^^^Dr)
                name_start = start + 1 if text[start] == component else start
                name_end = _caret_name_end(text, name_start, end, component, _legal_name(text, start, end, component))
                if name_start > start and any(ch.isdigit() for ch in text[name_end:end]):
                    name_end = 0  # a phone's use and kind before its number (^WPN^PH^^^^^441), not a person
                if name_end and _coded_element(text, start, end, component):
                    name_end = 0
                role = "PATIENT_NAME" if segment in ("PID", "MRG") else "PHYSICIAN_NAME"
                xcn = None if name_end else xcn_name_after_id(text, start, end, component)
                if name_end:
                    found.append(Candidate(name_start, name_end, role, RANK_LABEL))
                elif xcn and segment not in ("PID", "MRG"):
                    # EVN-5, ORC-12, OBR-16...: a person written as ID^FAMILY^GIVEN.
                    found.append(Candidate(start, xcn[0], "OTHER_ID", RANK_LABEL))
                    found.append(Candidate(xcn[0] + 1, xcn[1], role, RANK_LABEL))
                elif number > 0 and not (segment == "MSH" and number <= 2):
                    stamps = _timestamps(text, start, end, component)
                    # Codes, set IDs, message types: keep generic patterns off them. A full
                    # timestamp says when, whatever field the sender put it in (OBR-27's start
                    # ``^^^20240808100000``, SPM-18's receipt), so it stays a date.
                    # Free text a sender put in a field or component of its own (a Z segment's note: 入院目的:
                    # AVS（3/5 予定）; a drug's name beside its code) is read as any text is.
                    site = segment.startswith("Z") and not _MONEY.search(text, segment_start, line_end)
                    numbers = (
                        [] if stamps or segment in _MESSAGE_SEGMENTS else _numbers(text, start, end, component, site)
                    )
                    if numbers:
                        found.extend(numbers)
                        continue
                    found.extend(stamps or _codes(text, start, end, component))
                continue
            if spec.category in ("DEPARTMENT", "HOSPITAL_NAME") or spec.read_as == "location":
                person = _person_in_place_field(text, start, end, component)
                if person:
                    # a sender's fields one place off: ^工藤^遥 under PV1-10, 2214^WAKUI^NAOTO under PV1-6 for PV1-7
                    found.extend(person)
                    continue
            for index, (rep_start, rep_end) in enumerate(_components(text, start, end, repeat)):
                for cand in _read_value(text, rep_start, rep_end, spec, component, "&"):
                    found.append(_reading_or_name(text, cand, index))
    return found


def _legal_name(text: str, start: int, end: int, component: str) -> bool:
    """A name's type code, L for a legal name, in its place: XPN-7 (FAMILY^GIVEN^^^^^L) or, after an empty ID, XCN-10
    (^宮前^裕子^^^^^^^L): the field holds a person's name, whether or not the family name is a listed one."""
    parts = _components(text, start, end, component)
    at = 9 if text[start] == component else 6
    return len(parts) > at and text[parts[at][0] : parts[at][1]] == "L"


# OBX-2, the value's type: a person's name (XCN, XPN, CN, PN) in OBX-5 is a name, whatever the observation.
_PERSON_TYPES = frozenset({"XCN", "XPN", "CN", "PN"})


# ... and so is one whose observation names a person's role (OBX-3 PATHOLOGIST^診断医, ^確認医, VERIFIER).
_PERSON_OBSERVED = re.compile(r"(?i:pathologist|verifier|physician|doctor|reader|signer|nurse)|[医者]$|[医者]\^|医師")


def _value_type(text: str, fields: list[tuple[int, int]]) -> str:
    return text[fields[2][0] : fields[2][1]].strip() if len(fields) > 2 else ""


def _person_observed(text: str, fields: list[tuple[int, int]]) -> bool:
    if _value_type(text, fields) in _PERSON_TYPES:
        return True
    observed = text[fields[3][0] : fields[3][1]] if len(fields) > 3 else ""
    return _value_type(text, fields) in ("CE", "CWE", "ST", "TX") and bool(_PERSON_OBSERVED.search(observed))


def _person_in_place_field(text: str, start: int, end: int, component: str, vouched: bool = False) -> list[Candidate]:
    """A person (FAMILY^GIVEN, ^FAMILY^GIVEN, ID^FAMILY^GIVEN) where a department or a facility should stand."""
    name_start = start + 1 if text[start : start + 1] == component else start
    name_end = _caret_name_end(text, name_start, end, component, vouched)
    if name_end:
        return [Candidate(name_start, name_end, "PHYSICIAN_NAME", RANK_LABEL)]
    xcn = xcn_name_after_id(text, start, end, component)
    if xcn:
        return [
            Candidate(start, xcn[0], "OTHER_ID", RANK_LABEL),
            Candidate(xcn[0] + 1, xcn[1], "PHYSICIAN_NAME", RANK_LABEL),
        ]
    return []


# A message viewer's or an interface log's dump, one field to a line: ``PID-5  患者氏名 : 秋吉^陽菜^^^^^L^I``,
# ``PV1-7 主治医 = 2208^間宮^拓``: the field's number says what its value is, as in the message.
_FIELD_DUMP_RE = re.compile(
    r"(?:^|(?<=[ \t]))(?P<segment>[A-Z][A-Z0-9]{2})-(?P<number>[0-9]{1,2})(?![0-9.])[^\n:：=]{0,30}?[:：=][ \t]*"
    r"(?P<value>[^\n]*?)(?=[ \t]+[A-Z][A-Z0-9]{2}-[0-9]{1,2}(?![0-9.])[^\n:：=]{0,30}?[:：=]|[ \t]*$)",
    re.MULTILINE,
)


def _field_dumps(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in _FIELD_DUMP_RE.finditer(text):
        spec = hl7_field(match.group("segment"), int(match.group("number")))
        start, end = match.span("value")
        if spec is None or spec.read_as in ("text", "code") or end <= start:
            continue
        if spec.read_as == "id":
            end = start + len(text[start:end].split()[0])  # 482193 (桁不足): a remark after the number
        for index, (rep_start, rep_end) in enumerate(_components(text, start, end, "~")):
            for cand in _read_value(text, rep_start, rep_end, spec, "^", "&"):
                found.append(_reading_or_name(text, cand, index))
    return found


# A component of codes, in ASCII (ORU, R01, 2.5, 620004451, UNICODE UTF-8, ISO_IR 192).
_CODED_RE = re.compile(r"[ -~]*")


_SOME_PHONE = Field("FACILITY_PHONE", "phone")
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_WORD = re.compile(r"[A-Z][a-z]+(?: [A-Za-z]+)*")
_CODING_SYSTEM = re.compile(r"L|LN|LOCAL|I10|ICD10|SCT|HL7[0-9]{4}|99[A-Z0-9]{1,5}")


def _coded_element(text: str, start: int, end: int, component: str) -> bool:
    """A code, its words and maybe its coding system (NEW^New, PSY^Psychiatry, PPM^Pacemaker^L), not a person's
    family and given names: the words spell out the code, or a coding system follows them."""
    parts = [text[s:e] for s, e in _components(text, start, end, component)]
    if len(parts) < 2 or not _CODE.fullmatch(parts[0]) or not _WORD.fullmatch(parts[1]):
        return False
    if len(parts) > 2 and _CODING_SYSTEM.fullmatch(parts[2]):
        return True
    if is_romaji(parts[1]):
        return False  # KIM^Kimiko: a family name and a given name in romaji
    letters = iter(parts[1].upper())
    return all(letter in letters for letter in parts[0])  # the code's letters in order in the words


def _codes(text: str, start: int, end: int, component: str) -> list[Candidate]:
    """The coded parts of a field, down to its subcomponents (1013044400000000&内服・経口: the code, not the words).

    A phone number is no code (a Z segment's referring clinic: ``ZRF|1|新宿東口クリニック|03-5312-0098``)."""
    if PHONE_SHAPED.fullmatch(text, start, end):
        return []
    if _CODED_RE.fullmatch(text, start, end):
        return [Candidate(start, end, NOT_PHI, RANK_LABEL)]
    found = []
    for part_start, part_end in _components(text, start, end, component):
        for sub_start, sub_end in _components(text, part_start, part_end, "&"):
            if sub_end > sub_start and _CODED_RE.fullmatch(text, sub_start, sub_end):
                found.append(Candidate(sub_start, sub_end, NOT_PHI, RANK_LABEL))
    return found


_VISIT_NUMBER_RE = re.compile(r"[A-Z]{0,3}(?=(?:-?[0-9]){6})[0-9]+(?:-[0-9]+)?")
# A number with its issuer's letters in a field the standard gives no identifier (PV1-20 A2411-33017): an
# account or a visit, not a code; codes are short or all letters, and a bare number may be a lab's code.
# (the message's own control number, MSH-10 and MSA-2, names no one: writers leave it)
_MESSAGE_SEGMENTS = frozenset({"MSH", "MSA"})
_LETTERED_NUMBER_RE = re.compile(r"[A-Z]{1,3}-?(?=(?:-?[0-9]){6})[0-9]+(?:-[0-9]+)*")
# A site's own segment (Z..) has no standard to say which of its numbers are codes: one of six to ten digits there is
# a number of someone's (ZI1|1|SELF|子ども医療費助成|54110210|2240715: a subsidy's payer and recipient); longer
# ones are product codes.
_SITE_NUMBER_RE = re.compile(r"[0-9]{6,10}")
# (not in a segment of payments, whose numbers are amounts: ZPY|1|DEPOSIT|100000|JPY|CARD)
_MONEY = re.compile(r"\|(?:JPY|USD|EUR|CNY|KRW|円)(?=[|^\r\n]|$)", re.MULTILINE)


def _numbers(text: str, start: int, end: int, component: str, site: bool) -> list[Candidate]:
    """The identifiers among a field's components, each on its own (登録医師番号^DR-14-003391: the number, not
    the words that name it)."""
    found = []
    for part_start, part_end in _components(text, start, end, component):
        if _LETTERED_NUMBER_RE.fullmatch(text, part_start, part_end) or (
            site and _SITE_NUMBER_RE.fullmatch(text, part_start, part_end)
        ):
            found.append(Candidate(part_start, part_end, "OTHER_ID", RANK_LABEL))
    return found


def _timestamps(text: str, start: int, end: int, component: str) -> list[Candidate]:
    """Components written as a whole date, with its time or without (``YYYYMMDD[hhmm[ss]]``), the date valid."""
    found = []
    for part_start, part_end in _components(text, start, end, component):
        match = _FULL_STAMP_RE.fullmatch(text, part_start, part_end)
        if match and 1 <= int(match["month"]) <= 12 and 1 <= int(match["day"]) <= 31 and int(match["hour"] or 0) < 24:
            found.append(Candidate(part_start, part_end, "OTHER_DATE", RANK_LABEL, "date"))
    return found


# A date of a plausible century, with its moment or without (a quantity-timing's start and end: RXE-1's
# ``1^1^20240918^20240924``), a time zone after it as senders write one.
_FULL_STAMP_RE = re.compile(
    r"(?:19|20)[0-9]{2}(?P<month>[01][0-9])(?P<day>[0-3][0-9])"
    r"(?:(?P<hour>[0-2][0-9])[0-5][0-9](?:[0-5][0-9](?:\.[0-9]{1,4})?)?)?(?:[+-][0-9]{4})?"
)


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
        return hl7_candidates(doc.text) + (_field_dumps(doc.text) if "-" in doc.text else [])
