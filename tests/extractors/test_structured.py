"""Structured formats: HL7 v2 fields, DICOM tag and keyword lines, CSV/TSV/Markdown tables."""

from __future__ import annotations

from phi_core.extractors.rules import RECOGNIZERS, extract_spans, run_recognizers

HL7 = (
    "MSH|^~\\&|RIS|KOHOKU GENERAL HOSP|EMR|KOHOKU|20240806103015||ORU^R01|MSG00001|P|2.5\n"
    "PID|1||12345678^^^KOHOKU^MR||YAMADA^TARO~ヤマダ^タロウ||19600415|M|||東京都港区芝公園1-2-3^^港区^東京都^105-0011||03-1234-5678\n"
    "NK1|1|YAMADA^HANAKO|SPO^Spouse|||090-1111-2222\n"
    "PV1|1|I|5E^503^2^KOHOKU GENERAL HOSPITAL||||1234^SATO^KENJI^^^Dr|||呼吸器内科\n"
    "OBR|1|OD2408061234|ACC-2024-12345|CT^胸部単純CT|||202408061030|||||||||5678^TANAKA^ICHIRO\n"
    "OBX|1|TX|GDT^所見||右肺上葉に12mmの結節。Se3 Im45。山田様に説明済み。||||||F\n"
)


def spans(text: str, recognizer: str | None = None) -> set[tuple[str, str]]:
    if recognizer is None:
        return {(s.category, s.text) for s in extract_spans(text)}
    return {(c.category, text[c.start : c.end]) for c in run_recognizers(text, {recognizer: RECOGNIZERS[recognizer]})}


def test_hl7_fields_by_position() -> None:
    found = spans(HL7, "hl7")
    assert {
        ("HOSPITAL_NAME", "KOHOKU GENERAL HOSP"),
        ("PATIENT_ID", "12345678"),
        ("PATIENT_NAME", "YAMADA^TARO"),
        ("NAME_READING", "ヤマダ^タロウ"),
        ("BIRTH_DATE", "19600415"),
        ("SEX", "M"),
        ("PHONE", "03-1234-5678"),
        ("ADDRESS", "東京都港区芝公園1-2-3^^港区^東京都^105-0011"),
        ("EMERGENCY_CONTACT", "YAMADA^HANAKO"),
        ("EMERGENCY_CONTACT", "090-1111-2222"),
        ("DEPARTMENT", "5E"),
        ("OTHER_ID", "503"),
        ("OTHER_ID", "2"),
        ("HOSPITAL_NAME", "KOHOKU GENERAL HOSPITAL"),
        ("PHYSICIAN_NAME", "SATO^KENJI"),
        ("DEPARTMENT", "呼吸器内科"),
        ("OTHER_ID", "OD2408061234"),
        ("OTHER_ID", "ACC-2024-12345"),
        ("EXAM_DATE", "202408061030"),
        ("PHYSICIAN_NAME", "TANAKA^ICHIRO"),
    } <= found


def test_hl7_codes_and_free_text() -> None:
    found = spans(HL7)
    values = {value for _, value in found}
    # Codes that look like names or IDs are claimed as not PHI.
    assert not values & {"SPO^Spouse", "CT^胸部単純CT", "GDT^所見", "MSG00001", "ORU^R01", "2.5"}
    # Free text (OBX-5) is read by the other recognizers: the family name propagates into it.
    assert ("PATIENT_NAME", "山田") in found
    assert not {"Se3", "Im45", "12mm"} & values


def test_hl7_name_in_a_non_standard_field_is_read_by_shape() -> None:
    text = "OBR|1|OD1|ACC1|CT^胸部CT||||||||||||||||||F|||||||平野^正明\n"
    assert ("PHYSICIAN_NAME", "平野^正明") in spans(text, "hl7")


DICOM = (
    "(0008,0020) DA [20240806]                               #   8, 1 StudyDate\n"
    "(0008,0030) TM [091522]\n"
    "(0008,0050) SH [A2408-12345]\n"
    "(0008,0080) LO [Tokyo General Hospital]\n"
    "(0008,0090) PN [SATO^KENJI]\n"
    "(0010,0010) PN [YAMADA^TARO=山田^太郎=ヤマダ^タロウ]\n"
    "(0010,0020) LO [12345678]\n"
    "(0010,0030) DA [19600415]\n"
    "(0010,0040) CS [M]\n"
    "(0010,1010) AS [064Y]\n"
    "(0020,0011) IS [3]\n"
    "(0020,0013) IS [45]\n"
    "(0008,1030) LO [CT CHEST]\n"
)


def test_dicom_tag_lines() -> None:
    found = spans(DICOM, "dicom")
    assert {
        ("EXAM_DATE", "20240806"),
        ("TIME", "091522"),
        ("OTHER_ID", "A2408-12345"),
        ("HOSPITAL_NAME", "Tokyo General Hospital"),
        ("PHYSICIAN_NAME", "SATO^KENJI"),
        ("PATIENT_NAME", "YAMADA^TARO"),
        ("PATIENT_NAME", "山田^太郎"),
        ("NAME_READING", "ヤマダ^タロウ"),
        ("PATIENT_ID", "12345678"),
        ("BIRTH_DATE", "19600415"),
        ("SEX", "M"),
        ("AGE", "064Y"),
    } <= found
    values = {value for _, value in spans(DICOM)}
    assert not {"3", "45", "CT CHEST"} & values  # series and image numbers are not PHI


def test_dicom_keyword_lines_and_pydicom_style() -> None:
    text = (
        "PatientName: ヒガシ^ユウジ\nPatientID: P1234567\nStudyDate: 20240806\nSeriesNumber: 4\n"
        "(0010, 0010) Patient's Name                      PN: 'OHASHI^YUKI'\n"
    )
    found = spans(text, "dicom")
    assert {
        ("PATIENT_NAME", "ヒガシ^ユウジ"),
        ("PATIENT_ID", "P1234567"),
        ("EXAM_DATE", "20240806"),
        ("PATIENT_NAME", "OHASHI^YUKI"),
    } <= found
    assert all(value != "4" for _, value in found)


def test_prose_labels_are_not_dicom_keywords() -> None:
    text = "Patient Name: Hiroshi TANAKA          MRN: 00482913\n"
    assert spans(text, "dicom") == set()


def test_csv_cells_take_their_column() -> None:
    text = (
        "PatientID,Name,Kana,DOB,Age,StudyDate,StudyTime,Modality,Dept,OrderingDr,Findings\n"
        '27574403,村上桃子,ムラカミモモコ,"S24.8.28",76,R7.11.20,104027,CT,総合診療科,小川 充,"右上葉結節, 12mm"\n'
    )
    found = spans(text)
    assert {
        ("PATIENT_ID", "27574403"),
        ("PATIENT_NAME", "村上桃子"),
        ("NAME_READING", "ムラカミモモコ"),
        ("BIRTH_DATE", "S24.8.28"),
        ("AGE", "76"),
        ("EXAM_DATE", "R7.11.20"),
        ("TIME", "104027"),
        ("DEPARTMENT", "総合診療科"),
        ("PHYSICIAN_NAME", "小川 充"),
    } <= found
    assert not any(value in ("CT", "12mm") for _, value in found)


def test_tsv_with_half_width_headers() -> None:
    text = (
        "カルテNo\t患者名\tﾌﾘｶﾞﾅ\t生年月日\t電話番号\n８６６５００６８\t太田　結衣\tｵｵﾀ ﾕｲ\t1954年3月18日\t0828000843\n"
    )
    found = spans(text)
    assert {
        ("PATIENT_ID", "８６６５００６８"),
        ("PATIENT_NAME", "太田　結衣"),
        ("NAME_READING", "ｵｵﾀ ﾕｲ"),
        ("BIRTH_DATE", "1954年3月18日"),
        ("PHONE", "0828000843"),
    } <= found
    assert all(value != "ﾌﾘｶﾞﾅ" for _, value in found)


def test_markdown_table_under_a_header_row() -> None:
    text = "| 氏名 | 患者ID | 検査日 |\n|---|---|---|\n| 荒木節子 | CT2025-86232 | 2025/01/05 |\n"
    assert {("PATIENT_NAME", "荒木節子"), ("PATIENT_ID", "CT2025-86232"), ("EXAM_DATE", "2025/01/05")} <= spans(text)


def test_a_table_needs_known_columns() -> None:
    text = "項目,値,単位\nCEA,5.2,ng/mL\nCA19-9,12,U/mL\n"
    assert spans(text, "table") == set()


def test_dicom_json_model() -> None:
    text = (
        '{\n  "00080020": {"vr": "DA", "Value": ["20240806"]},\n'
        '  "00100010": {"vr": "PN", "Value": [{"Alphabetic": "YAMADA^TARO", "Ideographic": "山田^太郎", '
        '"Phonetic": "ヤマダ^タロウ"}]},\n'
        '  "00100020": {"vr": "LO", "Value": ["12345678"]},\n  "00200011": {"vr": "IS", "Value": [3]}\n}\n'
    )
    found = spans(text, "dicom")
    assert {
        ("EXAM_DATE", "20240806"),
        ("PATIENT_NAME", "YAMADA^TARO"),
        ("PATIENT_NAME", "山田^太郎"),
        ("NAME_READING", "ヤマダ^タロウ"),
        ("PATIENT_ID", "12345678"),
    } <= found
    assert all(value != "3" for _, value in found)


def test_a_key_value_table_is_not_a_header_row() -> None:
    text = "| 項目 | 内容 |\n|:--|:--|\n| ふりがな | きむらかな |\n| 生年月日 | S40.1.22 |\n| 所見 | 右尿管結石 |\n"
    found = spans(text)
    assert ("NAME_READING", "きむらかな") in found
    assert not {"生年月日", "所見", "右尿管結石"} & {value for _, value in found}


def test_dicom_field_names_are_not_names_and_the_reading_department_is_not_phi() -> None:
    text = (
        "(0010, 0010) Patient's Name                      PN: 'YAMADA^TARO'\n"
        "(0010, 0030) Patient's Birth Date                DA: '19600415'\n"
        "(0008, 1040) Institutional Department Name       LO: 'RADIOLOGY'\n"
        "(0008, 1010) Station Name                        SH: 'CT01'\n"
        "Patient Birth Date: 19600415\n"
    )
    found = spans(text)
    assert {("PATIENT_NAME", "YAMADA^TARO"), ("BIRTH_DATE", "19600415")} <= found
    assert not {"Birth Date", "Institutional", "RADIOLOGY", "CT01"} & {value for _, value in found}
