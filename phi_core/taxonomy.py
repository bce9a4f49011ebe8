"""PHI categories and the mapping from every label spelling we meet to them.

Labels arrive from three places: the study's silver annotations (English,
Japanese and SNAKE_CASE spellings), the phase prompts (12 Japanese names in
phase 1, 10 coarse types in phase 2) and model replies. All of them resolve
through :func:`resolve`, which never drops a label silently: an unknown label
comes back with ``known=False`` so callers can report it.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache

from phi_core.japanese.width import nfkc


@dataclass(frozen=True)
class Category:
    code: str
    name_ja: str
    name_en: str
    color: str
    headline: bool = False


# The order is the display order everywhere (legend, tables, key bindings).
# Colours come from a colour-blind-safe palette (Okabe-Ito first, then Tol's
# muted set) so that neighbouring categories stay distinguishable.
CATEGORIES: tuple[Category, ...] = (
    Category("PATIENT_NAME", "患者氏名", "Patient name", "#E69F00", True),
    Category("PHYSICIAN_NAME", "医師名", "Physician name", "#56B4E9", True),
    Category("PATIENT_ID", "患者ID", "Patient ID", "#009E73", True),
    Category("ADDRESS", "住所", "Address", "#F0E442", True),
    Category("HOSPITAL_NAME", "医療機関名", "Hospital name", "#0072B2", True),
    Category("PHONE", "電話番号", "Phone number", "#D55E00", True),
    Category("BIRTH_DATE", "生年月日", "Date of birth", "#CC79A7", True),
    Category("EXAM_DATE", "検査日", "Examination date", "#882255", True),
    Category("AGE", "年齢", "Age", "#44AA99", False),
    Category("SEX", "性別", "Sex", "#999933", False),
    Category("NAME_READING", "氏名の読み（かな・ローマ字）", "Name reading (kana/romaji)", "#DDCC77", False),
    Category("EMERGENCY_CONTACT", "緊急連絡先", "Emergency contact", "#AA4499", False),
    Category("FACILITY_ADDRESS", "施設住所", "Facility address", "#88CCEE", False),
    Category("FACILITY_PHONE", "施設電話番号", "Facility phone", "#117733", False),
    Category("DEPARTMENT", "診療科", "Department", "#332288", False),
    Category("TIME", "時刻", "Time", "#661100", False),
    Category("OTHER_DATE", "その他の日付", "Other date", "#6699CC", False),
    Category("OTHER_ID", "機器番号・その他の識別子", "Device or other identifier", "#888888", False),
)

CATEGORY_BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
CATEGORY_CODES: tuple[str, ...] = tuple(c.code for c in CATEGORIES)
HEADLINE_CODES: tuple[str, ...] = tuple(c.code for c in CATEGORIES if c.headline)


# Coarse labels name a group of canonical categories. A prediction under a
# coarse label is "correctly classified" when the gold category is in the group.
COARSE_LABELS: dict[str, frozenset[str]] = {
    "NAME": frozenset({"PATIENT_NAME", "EMERGENCY_CONTACT", "NAME_READING"}),
    "DOCTOR": frozenset({"PHYSICIAN_NAME"}),
    "DATE": frozenset({"BIRTH_DATE", "EXAM_DATE", "OTHER_DATE", "TIME"}),
    "AGE": frozenset({"AGE"}),
    "GENDER": frozenset({"SEX"}),
    "ID": frozenset({"PATIENT_ID", "OTHER_ID"}),
    "PHONE": frozenset({"PHONE", "FACILITY_PHONE", "EMERGENCY_CONTACT"}),
    "ADDRESS": frozenset({"ADDRESS", "FACILITY_ADDRESS"}),
    "FACILITY": frozenset({"HOSPITAL_NAME"}),
    "DEPARTMENT": frozenset({"DEPARTMENT"}),
}

# Phase 1 asks for these twelve Japanese names; each maps to one category.
PHASE1_LABELS: dict[str, str] = {
    "患者氏名": "PATIENT_NAME",
    "氏名の読み": "NAME_READING",
    "患者ID": "PATIENT_ID",
    "生年月日": "BIRTH_DATE",
    "年齢": "AGE",
    "性別": "SEX",
    "住所": "ADDRESS",
    "電話番号": "PHONE",
    "緊急連絡先": "EMERGENCY_CONTACT",
    "医師名": "PHYSICIAN_NAME",
    "医療機関名": "HOSPITAL_NAME",
    "検査日": "EXAM_DATE",
}

# Every other spelling, normalised by :func:`normalize_label` before lookup.
# Keys are written here in their normalised form (upper case, words joined by
# underscores) so that "Patient Name", "patient_name" and "PATIENT-NAME" all
# meet the same entry.
ALIASES: dict[str, str] = {
    # patient name
    "PATIENT_NAME": "PATIENT_NAME",
    "PATIENT": "PATIENT_NAME",
    "NAME_OF_PATIENT": "PATIENT_NAME",
    "患者氏名": "PATIENT_NAME",
    "患者名": "PATIENT_NAME",
    "氏名": "PATIENT_NAME",
    "名前": "PATIENT_NAME",
    "PATIENT_INITIAL": "PATIENT_NAME",
    "PATIENT_INITIALS": "PATIENT_NAME",
    "INITIALS": "PATIENT_NAME",
    "イニシャル": "PATIENT_NAME",
    "患者イニシャル": "PATIENT_NAME",
    # physician
    "PHYSICIAN_NAME": "PHYSICIAN_NAME",
    "PHYSICIAN": "PHYSICIAN_NAME",
    "DOCTOR_NAME": "PHYSICIAN_NAME",
    "RADIOLOGIST_NAME": "PHYSICIAN_NAME",
    "RADIOLOGIST": "PHYSICIAN_NAME",
    "SUPERVISOR_NAME": "PHYSICIAN_NAME",
    "REFERRING_PHYSICIAN": "PHYSICIAN_NAME",
    "TECHNICIAN_NAME": "PHYSICIAN_NAME",
    "STAFF_NAME": "PHYSICIAN_NAME",
    "医師名": "PHYSICIAN_NAME",
    "医師": "PHYSICIAN_NAME",
    "担当医": "PHYSICIAN_NAME",
    "読影医": "PHYSICIAN_NAME",
    "依頼医": "PHYSICIAN_NAME",
    "主治医": "PHYSICIAN_NAME",
    "技師名": "PHYSICIAN_NAME",
    "医療従事者名": "PHYSICIAN_NAME",
    # patient id
    "PATIENT_ID": "PATIENT_ID",
    "患者ID": "PATIENT_ID",
    "患者番号": "PATIENT_ID",
    "カルテ番号": "PATIENT_ID",
    "MEDICAL_RECORD_NUMBER": "PATIENT_ID",
    "MRN": "PATIENT_ID",
    "CHART_NUMBER": "PATIENT_ID",
    # address
    "ADDRESS": "ADDRESS",
    "PATIENT_ADDRESS": "ADDRESS",
    "住所": "ADDRESS",
    "患者住所": "ADDRESS",
    "EMERGENCY_CONTACT_ADDRESS": "ADDRESS",
    # hospital
    "HOSPITAL_NAME": "HOSPITAL_NAME",
    "HOSPITAL": "HOSPITAL_NAME",
    "FACILITY_NAME": "HOSPITAL_NAME",
    "CLINIC_NAME": "HOSPITAL_NAME",
    "INSTITUTION": "HOSPITAL_NAME",
    "INSTITUTION_NAME": "HOSPITAL_NAME",
    "医療機関名": "HOSPITAL_NAME",
    "病院名": "HOSPITAL_NAME",
    "施設名": "HOSPITAL_NAME",
    "医療機関": "HOSPITAL_NAME",
    # phone
    "PHONE": "PHONE",
    "PHONE_NUMBER": "PHONE",
    "TELEPHONE": "PHONE",
    "MOBILE_PHONE": "PHONE",
    "MOBILE": "PHONE",
    "CELL_PHONE": "PHONE",
    "電話番号": "PHONE",
    "電話": "PHONE",
    "携帯電話": "PHONE",
    "携帯番号": "PHONE",
    # birth date
    "BIRTH_DATE": "BIRTH_DATE",
    "DATE_OF_BIRTH": "BIRTH_DATE",
    "DOB": "BIRTH_DATE",
    "BIRTHDATE": "BIRTH_DATE",
    "BIRTHDAY": "BIRTH_DATE",
    "生年月日": "BIRTH_DATE",
    "誕生日": "BIRTH_DATE",
    # exam date
    "EXAM_DATE": "EXAM_DATE",
    "EXAMINATION_DATE": "EXAM_DATE",
    "STUDY_DATE": "EXAM_DATE",
    "検査日": "EXAM_DATE",
    "検査日時": "EXAM_DATE",
    "撮影日": "EXAM_DATE",
    # age, sex
    "AGE": "AGE",
    "年齢": "AGE",
    "RELATIVE_AGE": "AGE",
    "AGE_OVER_89": "AGE",
    "SEX": "SEX",
    "GENDER": "SEX",
    "性別": "SEX",
    # name reading
    "NAME_READING": "NAME_READING",
    "PATIENT_NAME_KANA": "NAME_READING",
    "PATIENT_NAME_ROMAJI": "NAME_READING",
    "KANA": "NAME_READING",
    "KANA_NAME": "NAME_READING",
    "NAME_KANA": "NAME_READING",
    "ROMAJI": "NAME_READING",
    "フリガナ": "NAME_READING",
    "ふりがな": "NAME_READING",
    "氏名の読み": "NAME_READING",
    "カナ氏名": "NAME_READING",
    "読み仮名": "NAME_READING",
    # emergency contact
    "EMERGENCY_CONTACT": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_NAME": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_PHONE": "EMERGENCY_CONTACT",
    "RELATIVE_NAME": "EMERGENCY_CONTACT",
    "FAMILY_NAME": "EMERGENCY_CONTACT",
    "緊急連絡先": "EMERGENCY_CONTACT",
    "家族": "EMERGENCY_CONTACT",
    "家族氏名": "EMERGENCY_CONTACT",
    "緊急連絡先氏名": "EMERGENCY_CONTACT",
    "緊急連絡先電話": "EMERGENCY_CONTACT",
    # facility address / phone
    "FACILITY_ADDRESS": "FACILITY_ADDRESS",
    "HOSPITAL_ADDRESS": "FACILITY_ADDRESS",
    "施設住所": "FACILITY_ADDRESS",
    "病院住所": "FACILITY_ADDRESS",
    "FACILITY_PHONE": "FACILITY_PHONE",
    "HOSPITAL_PHONE": "FACILITY_PHONE",
    "施設電話": "FACILITY_PHONE",
    "施設電話番号": "FACILITY_PHONE",
    "病院電話": "FACILITY_PHONE",
    # department
    "DEPARTMENT": "DEPARTMENT",
    "診療科": "DEPARTMENT",
    "部署": "DEPARTMENT",
    "依頼科": "DEPARTMENT",
    # time
    "TIME": "TIME",
    "EXAM_TIME": "TIME",
    "EXAMINATION_TIME": "TIME",
    "INJECTION_TIME": "TIME",
    "ONSET_TIME": "TIME",
    "PROCEDURE_TIME": "TIME",
    "時刻": "TIME",
    "時間": "TIME",
    "検査時刻": "TIME",
    # other dates
    "OTHER_DATE": "OTHER_DATE",
    "PREVIOUS_EXAM_DATE": "OTHER_DATE",
    "PRIOR_EXAM_DATE": "OTHER_DATE",
    "TREATMENT_END_DATE": "OTHER_DATE",
    "SYMPTOM_DURATION": "OTHER_DATE",
    "DATE": "OTHER_DATE",
    "日付": "OTHER_DATE",
    "前回検査日": "OTHER_DATE",
    "その他の日付": "OTHER_DATE",
    # identifiers
    "OTHER_ID": "OTHER_ID",
    "DEVICE_ID": "OTHER_ID",
    "DEVICE_SERIAL": "OTHER_ID",
    "SERIAL_NUMBER": "OTHER_ID",
    "EXAM_ID": "OTHER_ID",
    "ACCESSION_NUMBER": "OTHER_ID",
    "ORDER_NUMBER": "OTHER_ID",
    "検査番号": "OTHER_ID",
    "機器番号": "OTHER_ID",
    "識別子": "OTHER_ID",
    "その他の識別子": "OTHER_ID",
    # --- Spellings met in the study's silver labels and their likely variants
    # (English title case, SNAKE_CASE, Japanese). Keys are in normalised form;
    # tests/test_taxonomy.py checks that, and that the display names resolve.
    # display names of the categories themselves
    "NAME_READING_(KANA_ROMAJI)": "NAME_READING",
    "氏名の読み(かな_ローマ字)": "NAME_READING",
    "DEVICE_OR_OTHER_IDENTIFIER": "OTHER_ID",
    "機器番号_その他の識別子": "OTHER_ID",
    # patient name ("Patient Initial" and initials count as the name)
    "PATIENT_FULL_NAME": "PATIENT_NAME",
    "FULL_NAME": "PATIENT_NAME",
    "PATIENT_NAME_KANJI": "PATIENT_NAME",
    "NAME_KANJI": "PATIENT_NAME",
    "患者氏名(漢字)": "PATIENT_NAME",
    "氏名(漢字)": "PATIENT_NAME",
    "漢字氏名": "PATIENT_NAME",
    "患者名(漢字)": "PATIENT_NAME",
    "INITIAL": "PATIENT_NAME",
    "PATIENT_INITIAL_NAME": "PATIENT_NAME",
    "患者の頭文字": "PATIENT_NAME",
    # name reading: kana or romaji spelling of a name
    "PATIENT_NAME_(KANA)": "NAME_READING",
    "PATIENT_NAME_(ROMAJI)": "NAME_READING",
    "PATIENT_NAME_KATAKANA": "NAME_READING",
    "PATIENT_NAME_HIRAGANA": "NAME_READING",
    "PATIENT_NAME_READING": "NAME_READING",
    "PATIENT_KANA": "NAME_READING",
    "PATIENT_KANA_NAME": "NAME_READING",
    "NAME_ROMAJI": "NAME_READING",
    "ROMAJI_NAME": "NAME_READING",
    "ROMANIZED_NAME": "NAME_READING",
    "FURIGANA": "NAME_READING",
    "READING": "NAME_READING",
    "NAME_(KANA)": "NAME_READING",
    "KANA_READING": "NAME_READING",
    "患者名かな": "NAME_READING",
    "患者名カナ": "NAME_READING",
    "患者氏名カナ": "NAME_READING",
    "患者氏名かな": "NAME_READING",
    "氏名カナ": "NAME_READING",
    "氏名かな": "NAME_READING",
    "氏名(カナ)": "NAME_READING",
    "氏名(かな)": "NAME_READING",
    "患者名(カナ)": "NAME_READING",
    "患者名(かな)": "NAME_READING",
    "カナ": "NAME_READING",
    "かな": "NAME_READING",
    "よみがな": "NAME_READING",
    "ヨミガナ": "NAME_READING",
    "フリガナ氏名": "NAME_READING",
    "読み": "NAME_READING",
    "ローマ字": "NAME_READING",
    "ローマ字氏名": "NAME_READING",
    "患者名ローマ字": "NAME_READING",
    "氏名(ローマ字)": "NAME_READING",
    # physicians and other staff named in a report (radiologist, technician,
    # supervisor, assistant ...): all PHYSICIAN_NAME, the only staff category
    "DOCTOR_NAMES": "PHYSICIAN_NAME",
    "PHYSICIAN_NAMES": "PHYSICIAN_NAME",
    "ATTENDING_PHYSICIAN": "PHYSICIAN_NAME",
    "ORDERING_PHYSICIAN": "PHYSICIAN_NAME",
    "REQUESTING_PHYSICIAN": "PHYSICIAN_NAME",
    "REQUESTING_DOCTOR": "PHYSICIAN_NAME",
    "REFERRING_DOCTOR": "PHYSICIAN_NAME",
    "REFERRING_PHYSICIAN_NAME": "PHYSICIAN_NAME",
    "APPROVING_PHYSICIAN": "PHYSICIAN_NAME",
    "APPROVER_NAME": "PHYSICIAN_NAME",
    "CONFIRMING_PHYSICIAN": "PHYSICIAN_NAME",
    "REVIEWER_NAME": "PHYSICIAN_NAME",
    "READING_PHYSICIAN": "PHYSICIAN_NAME",
    "INTERPRETING_PHYSICIAN": "PHYSICIAN_NAME",
    "SUPERVISOR": "PHYSICIAN_NAME",
    "SUPERVISING_PHYSICIAN": "PHYSICIAN_NAME",
    "TECHNICIAN": "PHYSICIAN_NAME",
    "TECHNOLOGIST_NAME": "PHYSICIAN_NAME",
    "RADIOLOGIC_TECHNOLOGIST": "PHYSICIAN_NAME",
    "SONOGRAPHER_NAME": "PHYSICIAN_NAME",
    "ASSISTANT_NAME": "PHYSICIAN_NAME",
    "ANESTHESIOLOGIST_NAME": "PHYSICIAN_NAME",
    "OPERATOR_NAME": "PHYSICIAN_NAME",
    "NURSE_NAME": "PHYSICIAN_NAME",
    "MEDICAL_STAFF_NAME": "PHYSICIAN_NAME",
    "医師氏名": "PHYSICIAN_NAME",
    "担当医師": "PHYSICIAN_NAME",
    "依頼医師": "PHYSICIAN_NAME",
    "検査依頼医": "PHYSICIAN_NAME",
    "読影医名": "PHYSICIAN_NAME",
    "承認医": "PHYSICIAN_NAME",
    "承認医名": "PHYSICIAN_NAME",
    "確認医": "PHYSICIAN_NAME",
    "指導医": "PHYSICIAN_NAME",
    "主治医名": "PHYSICIAN_NAME",
    "紹介医": "PHYSICIAN_NAME",
    "執刀医": "PHYSICIAN_NAME",
    "術者": "PHYSICIAN_NAME",
    "助手": "PHYSICIAN_NAME",
    "麻酔医": "PHYSICIAN_NAME",
    "検査技師": "PHYSICIAN_NAME",
    "放射線技師": "PHYSICIAN_NAME",
    "診療放射線技師": "PHYSICIAN_NAME",
    "臨床検査技師": "PHYSICIAN_NAME",
    "技師": "PHYSICIAN_NAME",
    "看護師": "PHYSICIAN_NAME",
    # patient id. A chart (karte) number identifies the patient exactly as the
    # patient ID does, hence PATIENT_ID (as CHART_NUMBER above); numbers that
    # identify an exam, an order or a device stay OTHER_ID.
    "PATIENT_NUMBER": "PATIENT_ID",
    "PATIENT_NO": "PATIENT_ID",
    "CHART_NO": "PATIENT_ID",
    "CHART_ID": "PATIENT_ID",
    "MEDICAL_RECORD_NO": "PATIENT_ID",
    "MEDICAL_RECORD_ID": "PATIENT_ID",
    "カルテID": "PATIENT_ID",
    "カルテNO": "PATIENT_ID",
    "診察券番号": "PATIENT_ID",
    "ID番号": "PATIENT_ID",
    # address
    "HOME_ADDRESS": "ADDRESS",
    "RESIDENCE": "ADDRESS",
    "RESIDENTIAL_ADDRESS": "ADDRESS",
    "POSTAL_CODE": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
    "ZIP": "ADDRESS",
    "郵便番号": "ADDRESS",
    "居住地": "ADDRESS",
    "現住所": "ADDRESS",
    "緊急連絡先住所": "ADDRESS",
    # hospital (including referring clinics mentioned in the findings)
    "MEDICAL_INSTITUTION": "HOSPITAL_NAME",
    "MEDICAL_FACILITY": "HOSPITAL_NAME",
    "CLINIC": "HOSPITAL_NAME",
    "REFERRING_HOSPITAL": "HOSPITAL_NAME",
    "REFERRING_CLINIC": "HOSPITAL_NAME",
    "REFERRAL_SOURCE": "HOSPITAL_NAME",
    "REFERRING_INSTITUTION": "HOSPITAL_NAME",
    "OTHER_HOSPITAL": "HOSPITAL_NAME",
    "施設": "HOSPITAL_NAME",
    "病院": "HOSPITAL_NAME",
    "クリニック名": "HOSPITAL_NAME",
    "医院名": "HOSPITAL_NAME",
    "紹介元": "HOSPITAL_NAME",
    "紹介元医療機関": "HOSPITAL_NAME",
    "紹介元施設": "HOSPITAL_NAME",
    "他院": "HOSPITAL_NAME",
    # phone of the patient (mobile included)
    "PHONE_NO": "PHONE",
    "TEL": "PHONE",
    "TEL_NO": "PHONE",
    "TELEPHONE_NUMBER": "PHONE",
    "CONTACT_NUMBER": "PHONE",
    "CONTACT_PHONE": "PHONE",
    "MOBILE_NUMBER": "PHONE",
    "MOBILE_PHONE_NUMBER": "PHONE",
    "CELLPHONE": "PHONE",
    "CELL_PHONE_NUMBER": "PHONE",
    "HOME_PHONE": "PHONE",
    "PATIENT_PHONE": "PHONE",
    "PATIENT_PHONE_NUMBER": "PHONE",
    "連絡先": "PHONE",
    "連絡先電話番号": "PHONE",
    "携帯": "PHONE",
    "携帯電話番号": "PHONE",
    "自宅電話": "PHONE",
    "自宅電話番号": "PHONE",
    "患者電話番号": "PHONE",
    "TEL番号": "PHONE",
    # emergency contact: name, phone and relation of the contact person
    "EMERGENCY_CONTACT_RELATION": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_RELATIONSHIP": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_NUMBER": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_PHONE_NUMBER": "EMERGENCY_CONTACT",
    "EMERGENCY_PHONE": "EMERGENCY_CONTACT",
    "EMERGENCY_CONTACT_PERSON": "EMERGENCY_CONTACT",
    "RELATIONSHIP": "EMERGENCY_CONTACT",
    "RELATION": "EMERGENCY_CONTACT",
    "NEXT_OF_KIN": "EMERGENCY_CONTACT",
    "FAMILY_MEMBER": "EMERGENCY_CONTACT",
    "FAMILY_MEMBER_NAME": "EMERGENCY_CONTACT",
    "RELATIVE": "EMERGENCY_CONTACT",
    "RELATIVE_PHONE": "EMERGENCY_CONTACT",
    "緊急連絡先電話番号": "EMERGENCY_CONTACT",
    "緊急連絡先続柄": "EMERGENCY_CONTACT",
    "続柄": "EMERGENCY_CONTACT",
    "家族連絡先": "EMERGENCY_CONTACT",
    "家族名": "EMERGENCY_CONTACT",
    "親族": "EMERGENCY_CONTACT",
    # facility address / phone
    "INSTITUTION_ADDRESS": "FACILITY_ADDRESS",
    "CLINIC_ADDRESS": "FACILITY_ADDRESS",
    "HOSPITAL_LOCATION": "FACILITY_ADDRESS",
    "施設所在地": "FACILITY_ADDRESS",
    "病院所在地": "FACILITY_ADDRESS",
    "医療機関住所": "FACILITY_ADDRESS",
    "医療機関所在地": "FACILITY_ADDRESS",
    "HOSPITAL_PHONE_NUMBER": "FACILITY_PHONE",
    "HOSPITAL_TEL": "FACILITY_PHONE",
    "FACILITY_TEL": "FACILITY_PHONE",
    "FACILITY_PHONE_NUMBER": "FACILITY_PHONE",
    "INSTITUTION_PHONE": "FACILITY_PHONE",
    "CLINIC_PHONE": "FACILITY_PHONE",
    "病院電話番号": "FACILITY_PHONE",
    "医療機関電話番号": "FACILITY_PHONE",
    "代表電話": "FACILITY_PHONE",
    # department
    "DEPARTMENT_NAME": "DEPARTMENT",
    "REQUESTING_DEPARTMENT": "DEPARTMENT",
    "REFERRING_DEPARTMENT": "DEPARTMENT",
    "CLINICAL_DEPARTMENT": "DEPARTMENT",
    "WARD": "DEPARTMENT",
    "診療科名": "DEPARTMENT",
    "依頼診療科": "DEPARTMENT",
    "病棟": "DEPARTMENT",
    # times of day
    "STUDY_TIME": "TIME",
    "SCAN_TIME": "TIME",
    "ARRIVAL_TIME": "TIME",
    "ADMISSION_TIME": "TIME",
    "CONTRAST_INJECTION_TIME": "TIME",
    "撮影時刻": "TIME",
    "検査時間": "TIME",
    "発症時刻": "TIME",
    "投与時刻": "TIME",
    "造影剤投与時刻": "TIME",
    "処置時刻": "TIME",
    "来院時刻": "TIME",
    # dates other than birth and this examination
    "PREVIOUS_STUDY_DATE": "OTHER_DATE",
    "PRIOR_STUDY_DATE": "OTHER_DATE",
    "COMPARISON_DATE": "OTHER_DATE",
    "ADMISSION_DATE": "OTHER_DATE",
    "DISCHARGE_DATE": "OTHER_DATE",
    "SURGERY_DATE": "OTHER_DATE",
    "OPERATION_DATE": "OTHER_DATE",
    "ONSET_DATE": "OTHER_DATE",
    "FOLLOW_UP_DATE": "OTHER_DATE",
    "NEXT_EXAM_DATE": "OTHER_DATE",
    "TREATMENT_DATE": "OTHER_DATE",
    "TREATMENT_START_DATE": "OTHER_DATE",
    "REPORT_DATE": "OTHER_DATE",
    "前回撮影日": "OTHER_DATE",
    "比較検査日": "OTHER_DATE",
    "手術日": "OTHER_DATE",
    "入院日": "OTHER_DATE",
    "退院日": "OTHER_DATE",
    "治療終了日": "OTHER_DATE",
    "発症日": "OTHER_DATE",
    "受診日": "OTHER_DATE",
    "次回検査日": "OTHER_DATE",
    # exam dates under other names
    "SCAN_DATE": "EXAM_DATE",
    "IMAGING_DATE": "EXAM_DATE",
    "TEST_DATE": "EXAM_DATE",
    "PROCEDURE_DATE": "EXAM_DATE",
    "検査実施日": "EXAM_DATE",
    "実施日": "EXAM_DATE",
    # birth date, age, sex of the patient
    "PATIENT_BIRTH_DATE": "BIRTH_DATE",
    "PATIENT_DOB": "BIRTH_DATE",
    "BIRTH_YEAR": "BIRTH_DATE",
    "生まれ年": "BIRTH_DATE",
    "PATIENT_AGE": "AGE",
    "AGE_AT_EXAM": "AGE",
    "PATIENT_SEX": "SEX",
    "PATIENT_GENDER": "SEX",
    # device serials, exam/order numbers and other identifiers hidden in findings
    "DEVICE_SERIAL_NUMBER": "OTHER_ID",
    "EQUIPMENT_ID": "OTHER_ID",
    "EQUIPMENT_SERIAL": "OTHER_ID",
    "MACHINE_ID": "OTHER_ID",
    "SCANNER_ID": "OTHER_ID",
    "EXAMINATION_ID": "OTHER_ID",
    "STUDY_ID": "OTHER_ID",
    "ORDER_ID": "OTHER_ID",
    "REFERENCE_NUMBER": "OTHER_ID",
    "REFERENCE_ID": "OTHER_ID",
    "INSURANCE_NUMBER": "OTHER_ID",
    "RECEIPT_NUMBER": "OTHER_ID",
    "IDENTIFIER": "OTHER_ID",
    "検査ID": "OTHER_ID",
    "オーダー番号": "OTHER_ID",
    "受付番号": "OTHER_ID",
    "装置番号": "OTHER_ID",
    "シリアル番号": "OTHER_ID",
    "製造番号": "OTHER_ID",
    "保険証番号": "OTHER_ID",
    "被保険者番号": "OTHER_ID",
    "参照番号": "OTHER_ID",
}


@dataclass(frozen=True)
class LabelMapping:
    """How one label reads against the canonical categories.

    ``category`` is the single canonical category the label names (None for a
    coarse label that spans several, or an unknown label). ``covers`` is the
    set of canonical categories a prediction under this label may stand for.
    """

    label: str
    category: str | None
    covers: frozenset[str]
    known: bool
    coarse: bool = False


_SEPARATORS = re.compile(r"[\s\-./・:：]+")


def normalize_label(label: str) -> str:
    """Fold width, case and separators so spellings meet one table key."""
    folded = nfkc(str(label)).strip().strip("\"'「」【】[]")
    folded = _SEPARATORS.sub("_", folded).strip("_")
    return folded.upper()


@lru_cache(maxsize=4096)
def resolve(label: str) -> LabelMapping:
    """Map any label spelling to canonical categories; unknown labels stay visible."""
    key = normalize_label(label)
    if key in CATEGORY_BY_CODE and key in COARSE_LABELS:
        # PHONE and ADDRESS are both a category and a phase-2 coarse type: as
        # gold they name the category, as predictions they cover the group.
        return LabelMapping(label, key, COARSE_LABELS[key], True, coarse=True)
    if key in CATEGORY_BY_CODE:
        return LabelMapping(label, key, frozenset({key}), True)
    if key in COARSE_LABELS:
        covers = COARSE_LABELS[key]
        # A coarse label that covers one category (GENDER, DOCTOR...) names it.
        single = next(iter(covers)) if len(covers) == 1 else None
        return LabelMapping(label, single, covers, True, coarse=True)
    for table in (PHASE1_LABELS, ALIASES):
        if key in table:
            code = table[key]
            return LabelMapping(label, code, frozenset({code}), True)
    return LabelMapping(label, None, frozenset(), False)


def canonical(label: str) -> str | None:
    """The single canonical category of a label, or None when it has none."""
    return resolve(label).category


def category_matches(predicted_label: str, gold_category: str) -> bool:
    """Whether a prediction's label may stand for the gold category."""
    return gold_category in resolve(predicted_label).covers


def unknown_labels(labels) -> list[str]:
    """Labels that resolve to nothing, in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for label in labels:
        if not resolve(label).known:
            seen.setdefault(label, None)
    return list(seen)
