"""Values keyed in machine text, read by their key: a web address's parameters, key=value arguments,
a JSON object's members and an XML element's text.

Access logs and system messages carry a viewer's or an interface's request whole:
``GET /webview/search?name=%E8%B0%B7%E5%8F%A3&birth=19490721``,
``"args":"karte=0917733&dept=ENT"``, ``?PatientID=00123456&StudyDate=20240806``. The key
names the value as a column header does (column_rule reads it: name, birth, PatientID,
StudyDate, tel), and a chart or doctor's key of such systems (karte, chart, doc) too. The
value is the parameter as written, percent-encoded or not, up to the next ``&``; a key that
reads as a label only by its ending (page, image and stage end in age, addr in dr) or says how the page is
shown (lang, sort, limit) names no value of a person. A value is kept only when it has the
shape its key asks for: digits in a date, an identifier or a phone; letters or percent
codes in a name. A JSON member (``"sex":"1"``, ``"id": "1003-8876"``) and an element
(``<GivenName>ソウタ</GivenName>``) name theirs the same way, and their names may be in any script; a key
may name whose value it is first, run together (``<patientsex>``, ``<reporterpostcode>``).
Read as a label is (balanced runs it), not checked against the clinical allow-list.
"""

from __future__ import annotations

from typing import ClassVar

from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_PATTERN, Candidate
from phi_core.extractors.recognition.label_words import column_rule
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register


# Two parameters joined by & make a query string; one alone after ? does too.
_PARAMETER = re.compile(r"(?:(?<=[?&;])|(?<=[\"'\s]))(?P<key>[A-Za-z][A-Za-z0-9_.]{0,30})=(?P<value>[^&\s\"'#<>;]+)")
_MEMBER = re.compile(
    r'"(?P<key>[A-Za-z][A-Za-z0-9_]{0,30})"[ \t]*:[ \t]*"?(?P<value>[^"\n,{}\[\]]{1,60}?)"?(?=[ \t]*[,}\n])'
)
# A member whose value is a list of strings ("given": ["Mohammad", "Abdul"], FHIR's given names): each item.
_LIST_ITEM = r'"[^"\n\[\]{}]{1,60}"'
_LIST_MEMBER = re.compile(
    rf'"(?P<key>[A-Za-z][A-Za-z0-9_]{{0,30}})"[ \t]*:[ \t]*'
    rf"\[(?P<items>[ \t]*{_LIST_ITEM}(?:[ \t]*,[ \t]*{_LIST_ITEM})*)[ \t]*\]"
)
_ITEM = re.compile(r'"([^"]+)"')
# A FHIR reference names its person by "display" inside the member of the person's role
# ("requester": {"reference": "Practitioner/7", "display": "井ノ口 透"}); a patient's as subject or patient.
_PERSON_ROLES = (
    "requester|performer|practitioner|author|recorder|asserter|generalPractitioner|participant|individual"
    "|enterer|verifier|orderer|collector|attester"
)
_REFERENCE_DISPLAY = re.compile(
    rf'"(?P<role>{_PERSON_ROLES}|subject|patient)"[ \t]*:[ \t]*\[?[ \t]*\{{[^{{}}\n]*?'
    r'"display"[ \t]*:[ \t]*"(?P<value>[^"\n]{1,40})"'
)
_ELEMENT = re.compile(r"<(?P<key>[A-Za-z][A-Za-z0-9_]{0,30})>(?P<value>[^<>\n]{1,60})</(?P=key)>")
_KEYS = {"karte": "PATIENT_ID", "chart": "PATIENT_ID", "doc": "PHYSICIAN_NAME", "phs": "FACILITY_PHONE"}
_NOT_PERSONAL = frozenset(
    {
        "page",
        "image",
        "stage",
        "dosage",
        "usage",
        "message",
        "addr",
        "lang",
        "sort",
        "order",
        "limit",
        "offset",
        "format",
        "type",
        "mode",
        "view",
        "q",
        "v",
        "ver",
    }
)
_NOT_PERSONAL_ENDS = ("dosage", "usage", "message", "page", "image", "stage", "voltage", "coverage", "percentage")
_DATE = re.compile(r"(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])")
# A date's key may hold its year alone, or the year and month ("onset_date": "2019", "birthYear": 1983).
_YEAR = re.compile(r"(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?")
# (a device serial may set its letters off by a space: "serial": "RLA 224418G")
_NUMBER_LIKE = re.compile(r"[A-Za-z]{0,3}[-_ ]?\d[\d\-_]*[A-Za-z]?")
# (not a scanner's room by its modality: room=CT2, MRI1)
_ROOM_LIKE = re.compile(
    r"(?!(?:CT|MRI?|XR|RI|PET|US|CR|DR|DSA)[0-9])[A-Za-z]{0,4}[-_]?[0-9]{1,4}(?:-[0-9]{1,2})?[A-Za-z]?"
)
_NAME_LIKE = re.compile(r"(?:%[0-9A-Fa-f]{2}|[A-Za-z+^.\-])+")


# A key may name whose value it is before what it is, run together as safety reports and registries write
# them (patientsex, reporterstreet, reporterpostcode): the rest of the key is read as a key of its own.
_ROLE_PREFIX = re.compile(
    r"(?:patient|reporter|sender|receiver|primarysource|parent|mother|father|guardian|contact|physician)[_.]?"
    r"(?=[a-z]{3})"
)
_STREET_KEYS = frozenset({"street", "streetaddress", "streetaddressline", "address1", "address2"})


def _category(key: str) -> tuple[str, str] | None:
    """(how the value is read, its category) for a parameter's key, or None."""
    lowered = key.lower()
    if lowered in _NOT_PERSONAL or lowered.endswith(_NOT_PERSONAL_ENDS):
        return None  # (drugdosage, errormessage: an ending that reads as age)
    if lowered in _KEYS:
        category = _KEYS[lowered]
        return ("name" if category.endswith("NAME") else "id"), category
    if lowered in _STREET_KEYS:
        return "street", "ADDRESS"
    rule = column_rule(key)
    role = _ROLE_PREFIX.match(lowered) if rule is None else None
    if role:
        return _category(lowered[role.end() :])
    if rule is None:
        return None
    if rule.read_as == "context" and "date" in rule.retype:
        return "date", rule.retype["date"]
    if rule.category is None:
        return None
    read = {
        "year": "year",
        "id": "id",
        "phone": "id",
        "name": "name",
        "whole": "name",
        "sex": "sex",
        "age": "age",
        "room": "room",
    }.get(rule.read_as)
    return (read, rule.category) if read else None


# A member set to nothing ("cw":null) names nobody.
_EMPTY_VALUES = frozenset({"null", "none", "nil", "true", "false", "nan", "undefined"})


def _values(kind: str, category: str, start: int, value: str, any_script: bool = False) -> list[Candidate]:
    if value.lower() in _EMPTY_VALUES:
        return []
    if kind == "date":
        found = [Candidate(start + m.start(), start + m.end(), category, RANK_PATTERN) for m in _DATE.finditer(value)]
        if found:
            return found
        kind = "year"
    if kind == "year" and _YEAR.fullmatch(value):
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    # (three digits at least: a message's own ids and versions, "p1", "3", number nobody)
    if kind == "id" and _NUMBER_LIKE.fullmatch(value) and sum(ch.isdigit() for ch in value) >= 3:
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    if kind == "name":
        if _NUMBER_LIKE.fullmatch(value) and category == "PATIENT_NAME":
            return [Candidate(start, start + len(value), "PATIENT_ID", RANK_PATTERN)]  # pt=7701-2284
        if (any_script or _NAME_LIKE.fullmatch(value)) and any(ch.isalpha() for ch in value):
            return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    if kind == "sex" and value in ("M", "F", "1", "2", "male", "female", "男", "女"):
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    if kind == "room" and _ROOM_LIKE.fullmatch(value):  # "bay":"R-4", "room":"CS-2", "bed":"603-2"
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    if kind == "street" and any(ch.isalpha() for ch in value) and any(ch.isdigit() for ch in value):
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    if kind == "age" and value.isdigit() and int(value) <= 120:
        return [Candidate(start, start + len(value), category, RANK_PATTERN)]
    return []


@register
class QueryValueRecognizer(Recognizer):
    name: ClassVar[str] = "query-value"
    categories: ClassVar[tuple[str, ...]] = (
        "PATIENT_NAME",
        "PATIENT_ID",
        "PHYSICIAN_NAME",
        "BIRTH_DATE",
        "EXAM_DATE",
        "OTHER_DATE",
        "PHONE",
        "SEX",
        "AGE",
        "ADDRESS",
        "DEPARTMENT",
        "FACILITY_PHONE",
        "NAME_READING",
    )

    def find(self, doc: Document) -> list[Candidate]:
        found = []
        for m in _PARAMETER.finditer(doc.text) if "=" in doc.text else ():
            read = _category(m.group("key"))
            if read is not None:
                found += _values(*read, m.start("value"), m.group("value"))
        for m in _LIST_MEMBER.finditer(doc.text) if '"' in doc.text and "[" in doc.text else ():
            read = _category(m.group("key"))
            if read is not None and read[0] == "name":
                for item in _ITEM.finditer(m.group("items")):
                    found += _values(*read, m.start("items") + item.start(1), item.group(1), any_script=True)
        for m in _REFERENCE_DISPLAY.finditer(doc.text) if '"display"' in doc.text else ():
            category = "PATIENT_NAME" if m.group("role") in ("subject", "patient") else "PHYSICIAN_NAME"
            found += _values("name", category, m.start("value"), m.group("value"), any_script=True)
        for pattern, mark in ((_MEMBER, '"'), (_ELEMENT, "</")):
            if mark in doc.text:
                for m in pattern.finditer(doc.text):
                    read = _category(m.group("key"))
                    value = m.group("value").strip()
                    if read is not None and value:
                        found += _values(*read, m.start("value"), value, any_script=True)
        return found
