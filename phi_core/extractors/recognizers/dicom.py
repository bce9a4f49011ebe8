"""The `dicom` recognizer: DICOM dumps, pydicom lines and the DICOM JSON model."""

from __future__ import annotations


from phi_core.extractors import fast_re as re
from phi_core.extractors.recognition.candidates import RANK_LABEL, Candidate
from phi_core.extractors.recognition.fields import Field, _components, _non_empty, _read_value, _reading_or_name
from phi_core.extractors.recognition.recognizer import Document, Recognizer, register

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
    # A modality worklist's scheduled step: when, by whom, and its numbers.
    "0038,0010": ("AdmissionID", Field("OTHER_ID", "whole")),
    "0040,0002": ("ScheduledProcedureStepStartDate", Field("OTHER_DATE", "date")),
    "0040,0003": ("ScheduledProcedureStepStartTime", Field("TIME", "time")),
    "0040,0006": ("ScheduledPerformingPhysicianName", Field("PHYSICIAN_NAME", "name")),
    "0040,0009": ("ScheduledProcedureStepID", Field("OTHER_ID", "whole")),
    "0040,1001": ("RequestedProcedureID", Field("OTHER_ID", "whole")),
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
