"""Machine exports: HL7 v2 messages and DICOM header dumps (CSV and TSV tables: tables.py).

Field separators (``|``, ``^``, ``~``) are never part of
a span: in ``YAMADA^TARO`` the caret sits inside one name, so the name is one
span, while ``12345678^^^HOSP^MR`` keeps only the identifier ``12345678``.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from phi_core.corpus.generator.fill import fill
from phi_core.corpus.generator.styles import formats
from phi_core.corpus.generator.styles.cast import Cast
from phi_core.corpus.generator.styles.common import prose
from phi_core.corpus.generator.styles.doc import StyleBuilder

MODALITY_CODES = {"CT": "CT", "MRI": "MR", "US": "US", "XR": "CR"}


RELATION_CODES = {
    "妻": "SPO",
    "夫": "SPO",
    "長男": "CHD",
    "長女": "CHD",
    "次男": "CHD",
    "母": "PAR",
    "父": "PAR",
    "姉": "SIB",
    "兄": "SIB",
}


def _relation_code(relation: str) -> str:
    return RELATION_CODES.get(relation, "OTH")


def _facility_code(cast: Cast) -> str:
    return cast.facility_romaji.upper().replace(" ", "_")


def _hl7_admission(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """An ADT^A01 admission message: event time, patient, next of kin and the bed, no results."""
    code = _facility_code(cast)
    admitted = datetime.combine(cast.admission, cast.exam.time())
    b.t("MSH|^~\\&|HIS|").v((code, "HL7 facility"), "HOSPITAL_NAME").t("|ADT|")
    b.v((code, "HL7 facility"), "HOSPITAL_NAME").t("|").v(formats.hl7_timestamp(admitted, rng), "OTHER_DATE")
    b.ln(f"||ADT^A01|ADT{formats.digits(rng, 7)}|P|2.4")
    b.t("EVN|A01|").v(formats.hl7_timestamp(admitted, rng), "OTHER_DATE").ln()
    pid, fmt = cast.patient_id
    if fmt == "full-width ID":
        pid = formats.digits(rng, 8)
    b.t("PID|1||").v((pid, "HL7 ID"), "PATIENT_ID").t("^^^HOSP^PI||")
    b.v((f"{cast.patient.family.kana}^{cast.patient.given.kana}", "HL7 name"), "PATIENT_NAME").t("||")
    b.v(formats.compact(cast.birth), "BIRTH_DATE").t("|").v(formats.sex(cast.sex, "code"), "SEX").t("|||")
    address = cast.address
    b.v((f"{address.street}^^{address.city}^{address.prefecture}^{address.postcode}", "HL7 address"), "ADDRESS")
    b.t("||").v(formats.phone(cast.patient_phone, rng, weights={"hyphen": 1}), "PHONE").ln()
    b.t("NK1|1|").v(formats.caret_name(cast.relative, rng, "HL7 name"), "EMERGENCY_CONTACT")
    b.t(f"|{_relation_code(cast.relation)}^{cast.relation}|").v(
        (f"{address.street}^^{address.city}^{address.prefecture}^{address.postcode}", "HL7 address"), "ADDRESS"
    )
    b.t("|").v(formats.phone(cast.relative_phone, rng, weights={"hyphen": 1}), "EMERGENCY_CONTACT").ln()
    b.t("PV1|1|I|").v((f"{rng.randint(3, 9)}{rng.choice('EWSN')}", "ward"), "DEPARTMENT").t("^")
    b.v(formats.room(rng), "OTHER_ID").t("^").v(formats.bed(rng), "OTHER_ID").t("||||^")
    b.v(formats.caret_name(cast.requester, rng, "HL7 name"), "PHYSICIAN_NAME").t("|||")
    b.v((cast.department, "department"), "DEPARTMENT").ln("||||||||||||||||||||||||||||||||")


def write_hl7(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.3:
        _hl7_admission(b, cast, rng)
        return
    code = _facility_code(cast)
    sent = cast.exam + timedelta(minutes=rng.randint(20, 600))
    b.t("MSH|^~\\&|RIS|").v((code, "HL7 facility"), "HOSPITAL_NAME").t("|PACS|")
    b.v((code, "HL7 facility"), "HOSPITAL_NAME").t("|").v(formats.hl7_timestamp(sent, rng), "OTHER_DATE")
    b.ln(f"||ORU^R01|MSG{formats.digits(rng, 8)}|P|2.5")
    pid, fmt = cast.patient_id
    if fmt == "full-width ID":
        pid = formats.digits(rng, 8)
    b.t("PID|1||").v((pid, "HL7 ID"), "PATIENT_ID").t("^^^HOSP^MR||")
    b.v(formats.caret_name(cast.patient, rng, "HL7 name"), "PATIENT_NAME")
    if rng.random() < 0.6:
        b.t("^^^^^L~").v((f"{cast.patient.family.kana}^{cast.patient.given.kana}", "HL7 name"), "NAME_READING")
        b.t("^^^^^P")
    b.t("||").v(formats.compact(cast.birth), "BIRTH_DATE").t("|").v(formats.sex(cast.sex, "code"), "SEX").t("|||")
    address = cast.address
    if rng.random() < 0.7:
        b.v((f"{address.street}^^{address.city}^{address.prefecture}^{address.postcode}", "HL7 address"), "ADDRESS")
        b.t("^JPN")
    b.t("||").v(formats.phone(cast.patient_phone, rng, weights={"hyphen": 3, "bare": 2}), "PHONE").ln("|||||")
    if rng.random() < 0.7:
        b.t("NK1|1|").v(formats.caret_name(cast.relative, rng, "HL7 name"), "EMERGENCY_CONTACT")
        b.t(f"|{_relation_code(cast.relation)}^{cast.relation}|||")
        b.v(formats.phone(cast.relative_phone, rng, weights={"hyphen": 1, "bare": 1}), "EMERGENCY_CONTACT").ln()
    ward = f"{rng.randint(3, 9)}{rng.choice('EWSN')}"
    inpatient = rng.random() < 0.5
    b.t(f"PV1|1|{'I' if inpatient else 'O'}|")
    if inpatient:
        b.v((ward, "ward"), "DEPARTMENT").t("^").v(formats.room(rng), "OTHER_ID").t("^").v(formats.bed(rng), "OTHER_ID")
    b.t("||||^").v(formats.caret_name(cast.requester, rng, "HL7 name"), "PHYSICIAN_NAME").ln("^^^^Dr")
    order, _ = formats.order_number(rng, cast.exam.date())
    accession = formats.accession(rng, cast.exam.date())
    b.t("ORC|RE|").v((order, "order number"), "OTHER_ID").t("|").v(accession, "OTHER_ID").ln("||CM")
    b.t("OBR|1|").v((order, "order number"), "OTHER_ID").t("|").v(accession, "OTHER_ID")
    b.t(f"|{MODALITY_CODES[cast.modality]}^{cast.study.title}|||").v(formats.hl7_timestamp(cast.exam, rng), "EXAM_DATE")
    b.t("|||||||||^").v(formats.caret_name(cast.requester, rng, "HL7 name"), "PHYSICIAN_NAME")
    b.t("||||||F|||||||").v(formats.caret_name(cast.reader, rng, "HL7 name"), "PHYSICIAN_NAME").ln()
    lines = prose(cast, rng, "findings") + ["IMPRESSION: " + "、".join(prose(cast, rng, "impression"))]
    for number, line in enumerate(lines, start=1):
        b.t(f"OBX|{number}|TX|GDT^所見||")
        if number == 1 and rng.random() < 0.5:
            b.t("前回 ").v(formats.japanese_date(cast.previous, rng, weights={"slash": 1, "compact": 1}), "OTHER_DATE")
            b.t(" と比較。")
        b.ln(f"{line}||||||F")


DCMDUMP_VR = {"DA": 8, "TM": 6, "PN": 16, "LO": 24, "SH": 12, "CS": 2, "AS": 4, "ST": 40, "IS": 2}

NOT_PHI_TAGS = (
    ("0008,0060", "CS", "Modality", None),
    ("0008,1030", "LO", "StudyDescription", None),
    ("0018,0050", "DS", "SliceThickness", "{pick:1.0|1.25|2.5|5.0}"),
    ("0020,0011", "IS", "SeriesNumber", "{int:1-12}"),
    ("0020,0013", "IS", "InstanceNumber", "{int:1-300}"),
    ("0008,1010", "SH", "StationName", "{pick:CT01|MR02|CTSCAN3|US-1}"),
    ("0018,0015", "CS", "BodyPartExamined", "{pick:CHEST|ABDOMEN|HEAD|SPINE}"),
)


def _dicom_json(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    """The DICOM JSON model (PS3.18 F.2): tags as 8 hex digits, person names as Alphabetic/Ideographic/Phonetic."""
    pid, fmt = cast.patient_id
    if fmt == "full-width ID":
        pid = formats.digits(rng, 8)
    p, day = cast.patient, cast.exam.date()
    entries: list[tuple[str, str, list]] = [
        ("00080020", "DA", [('"', (f"{day:%Y%m%d}", "DICOM date"), "EXAM_DATE", '"')]),
        ("00080030", "TM", [('"', (f"{cast.exam:%H%M%S}", "compact time"), "TIME", '"')]),
        ("00080050", "SH", [('"', formats.accession(rng, day), "OTHER_ID", '"')]),
        ("00080060", "CS", [f'"{MODALITY_CODES[cast.modality]}"']),
        ("00080080", "LO", [('"', (cast.facility_romaji, "romaji facility name"), "HOSPITAL_NAME", '"')]),
        (
            "00080090",
            "PN",
            [('{"Alphabetic": "', formats.caret_name(cast.requester, rng, "DICOM name"), "PHYSICIAN_NAME", '"}')],
        ),
        (
            "00100010",
            "PN",
            [
                (
                    '{"Alphabetic": "',
                    (f"{p.family.romaji.upper()}^{p.given.romaji.upper()}", "DICOM name"),
                    "PATIENT_NAME",
                    '", ',
                ),
                ('"Ideographic": "', (f"{p.family.kanji}^{p.given.kanji}", "DICOM name"), "PATIENT_NAME", '", '),
                ('"Phonetic": "', (f"{p.family.kana}^{p.given.kana}", "DICOM name"), "NAME_READING", '"}'),
            ],
        ),
        ("00100020", "LO", [('"', (pid, "digit ID"), "PATIENT_ID", '"')]),
        ("00100030", "DA", [('"', (f"{cast.birth:%Y%m%d}", "DICOM date"), "BIRTH_DATE", '"')]),
        ("00100040", "CS", [('"', formats.sex(cast.sex, "code"), "SEX", '"')]),
        ("00101010", "AS", [('"', (f"{cast.age:03d}Y", "DICOM age"), "AGE", '"')]),
        ("00201208", "IS", [str(rng.randint(40, 900))]),
    ]
    b.ln("{")
    for index, (tag, vr, values) in enumerate(entries):
        b.t(f'  "{tag}": {{"vr": "{vr}", "Value": [')
        for value in values:
            if isinstance(value, str):
                b.t(value)
            else:
                before, written, category, after = value
                b.t(before).v(written, category).t(after)
        b.ln("]}" + ("," if index < len(entries) - 1 else ""))
    b.ln("}")


def write_dicom(b: StyleBuilder, cast: Cast, rng: random.Random) -> None:
    if rng.random() < 0.3:
        _dicom_json(b, cast, rng)
        return
    dcmdump = rng.random() < 0.5
    b.ln(rng.choice(("# Dicom-File-Format", "Dataset dump", "# DICOM header (extracted)")))

    def tag(group: str, vr: str, keyword: str, value, category: str | None) -> None:
        if dcmdump:
            b.t(f"({group}) {vr} [")
        else:
            label = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", keyword)
            b.t(f"({group.replace(',', ', ')}) {label:<32} {vr}: '")
        if category is None:
            b.t(value)
        else:
            for piece in value:
                if isinstance(piece, str):
                    b.t(piece)
                else:
                    b.v(piece, category)
        if dcmdump:
            b.ln(f"]{' ' * max(1, 30 - len(str(value)))}# {keyword}")
        else:
            b.ln("'")

    pid, fmt = cast.patient_id
    if fmt == "full-width ID":
        pid = formats.digits(rng, 8)
    day = cast.exam.date()
    tag("0008,0020", "DA", "StudyDate", [("%s" % f"{day:%Y%m%d}", "DICOM date")], "EXAM_DATE")
    tag("0008,0030", "TM", "StudyTime", [(f"{cast.exam:%H%M%S}", "compact time")], "TIME")
    tag("0008,0021", "DA", "SeriesDate", [(f"{day:%Y%m%d}", "DICOM date")], "EXAM_DATE")
    tag("0008,0050", "SH", "AccessionNumber", [formats.accession(rng, day)], "OTHER_ID")
    tag("0008,0060", "CS", "Modality", MODALITY_CODES[cast.modality], None)
    tag("0008,0080", "LO", "InstitutionName", [(cast.facility_romaji, "romaji facility name")], "HOSPITAL_NAME")
    if rng.random() < 0.5:
        tag(
            "0008,0081",
            "ST",
            "InstitutionAddress",
            [
                (
                    cast.facility.address.removeprefix("〒"),
                    "address with postal code"
                    if cast.facility.address.startswith("〒")
                    else "address without postal code",
                )
            ],
            "FACILITY_ADDRESS",
        )
    tag(
        "0008,0090",
        "PN",
        "ReferringPhysicianName",
        [formats.caret_name(cast.requester, rng, "DICOM name")],
        "PHYSICIAN_NAME",
    )
    tag("0008,1040", "LO", "InstitutionalDepartmentName", [(cast.department, "department")], "DEPARTMENT")
    tag(
        "0008,1050",
        "PN",
        "PerformingPhysicianName",
        [formats.caret_name(cast.reader, rng, "DICOM name")],
        "PHYSICIAN_NAME",
    )
    for group, vr, keyword, value in rng.sample(NOT_PHI_TAGS, 4):
        tag(
            group,
            vr,
            keyword,
            cast.study.title
            if value is None and keyword == "StudyDescription"
            else MODALITY_CODES[cast.modality]
            if value is None
            else fill(value, rng, {}),
            None,
        )
    # PatientName may carry the alphabetic, ideographic and phonetic groups joined by "=".
    p = cast.patient
    name = [(f"{p.family.romaji.upper()}^{p.given.romaji.upper()}", "DICOM name")]
    if rng.random() < 0.6:
        name_pieces = name + ["=", (f"{p.family.kanji}^{p.given.kanji}", "DICOM name")]
        if dcmdump:
            b.t("(0010,0010) PN [")
        else:
            b.t(f"(0010, 0010) {'Patient' + chr(39) + 's Name':<32} PN: '")
        for piece in name_pieces:
            b.t(piece) if isinstance(piece, str) else b.v(piece, "PATIENT_NAME")
        b.t("=").v((f"{p.family.kana}^{p.given.kana}", "DICOM name"), "NAME_READING")
        b.ln("]                # PatientName" if dcmdump else "'")
    else:
        tag("0010,0010", "PN", "PatientName", name, "PATIENT_NAME")
    tag("0010,0020", "LO", "PatientID", [(pid, "digit ID")], "PATIENT_ID")
    tag("0010,0030", "DA", "PatientBirthDate", [(f"{cast.birth:%Y%m%d}", "DICOM date")], "BIRTH_DATE")
    tag("0010,0040", "CS", "PatientSex", [formats.sex(cast.sex, "code")], "SEX")
    tag("0010,1010", "AS", "PatientAge", [(f"{cast.age:03d}Y", "DICOM age")], "AGE")
    if rng.random() < 0.4:
        tag("0010,1040", "LO", "PatientAddress", [cast.address.write(rng)], "ADDRESS")
    if rng.random() < 0.4:
        tag(
            "0010,2154",
            "SH",
            "PatientTelephoneNumbers",
            [formats.phone(cast.patient_phone, rng, weights={"hyphen": 1, "bare": 1})],
            "PHONE",
        )
    tag(
        "0018,1000",
        "LO",
        "DeviceSerialNumber",
        [(f"{rng.choice(('SN', 'C', ''))}{formats.digits(rng, 7)}", "device serial")],
        "OTHER_ID",
    )
    tag("0020,0010", "SH", "StudyID", [(formats.digits(rng, rng.choice((4, 6))), "digit ID")], "OTHER_ID")
    tag(
        "0032,1032",
        "PN",
        "RequestingPhysician",
        [formats.caret_name(cast.requester, rng, "DICOM name")],
        "PHYSICIAN_NAME",
    )
