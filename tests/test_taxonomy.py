import csv
from pathlib import Path

import pytest

from phi_core.corpus.importers.common import gold_category
from phi_core.corpus.importers.paper_csv_labels import parse_labels_cell
from phi_core.taxonomy import ALIASES, CATEGORIES, canonical, normalize_label, resolve

DEV_FILE = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "paper_dev_100.csv"


def test_alias_keys_are_written_in_normalised_form():
    # A key that normalize_label would change can never be looked up.
    assert [key for key in ALIASES if normalize_label(key) != key] == []
    assert set(ALIASES.values()) <= {c.code for c in CATEGORIES}


@pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.code)
def test_display_names_resolve_to_their_category(category):
    # The paper-csv exporter writes English display names; they must read back.
    assert canonical(category.name_en) == category.code
    assert canonical(category.name_ja) == category.code
    assert canonical(category.code.lower()) == category.code


@pytest.mark.parametrize(
    "label, category",
    [
        ("Patient Name", "PATIENT_NAME"),
        ("Patient Initial", "PATIENT_NAME"),
        ("患者名", "PATIENT_NAME"),
        ("PATIENT_NAME_KANA", "NAME_READING"),
        ("Patient Name (Kana)", "NAME_READING"),
        ("患者名かな", "NAME_READING"),
        ("氏名（カナ）", "NAME_READING"),
        ("PATIENT_NAME_ROMAJI", "NAME_READING"),
        ("EMERGENCY_CONTACT_NAME", "EMERGENCY_CONTACT"),
        ("Emergency Contact Phone", "EMERGENCY_CONTACT"),
        ("emergency-contact-relationship", "EMERGENCY_CONTACT"),
        ("続柄", "EMERGENCY_CONTACT"),
        ("Relative Name", "EMERGENCY_CONTACT"),
        ("MOBILE_PHONE", "PHONE"),
        ("携帯電話番号", "PHONE"),
        ("Phone Number", "PHONE"),
        ("連絡先", "PHONE"),
        ("HOSPITAL_ADDRESS", "FACILITY_ADDRESS"),
        ("施設住所", "FACILITY_ADDRESS"),
        ("HOSPITAL_PHONE", "FACILITY_PHONE"),
        ("病院電話番号", "FACILITY_PHONE"),
        ("RADIOLOGIST_NAME", "PHYSICIAN_NAME"),
        ("TECHNICIAN_NAME", "PHYSICIAN_NAME"),
        ("SUPERVISOR_NAME", "PHYSICIAN_NAME"),
        ("承認医名", "PHYSICIAN_NAME"),
        ("DOCTOR_NAME", "PHYSICIAN_NAME"),
        ("EXAM_TIME", "TIME"),
        ("INJECTION_TIME", "TIME"),
        ("検査時刻", "TIME"),
        ("PREVIOUS_EXAM_DATE", "OTHER_DATE"),
        ("手術日", "OTHER_DATE"),
        ("SYMPTOM_DURATION", "OTHER_DATE"),
        ("Device Serial Number", "OTHER_ID"),
        ("Exam ID", "OTHER_ID"),
        ("シリアル番号", "OTHER_ID"),
        ("Chart Number", "PATIENT_ID"),
        ("カルテ番号", "PATIENT_ID"),
        ("Date of Birth", "BIRTH_DATE"),
        ("Exam Date", "EXAM_DATE"),
        ("Hospital Name", "HOSPITAL_NAME"),
        ("紹介元医療機関", "HOSPITAL_NAME"),
        ("Department", "DEPARTMENT"),
    ],
)
def test_alias_table_follows_the_mapping_guide(label, category):
    assert canonical(label) == category


@pytest.mark.parametrize(
    "key",
    [
        "validation",
        "statistics",
        "phi_summary",
        "direct_identifier",
        "直接識別子",
        "準識別子",
        "required",
        "context",
        "location",
        "disguise_method",
    ],
)
def test_metadata_keys_of_the_study_are_not_labels(key):
    assert not resolve(key).known


def test_every_label_of_the_dev_file_maps_to_one_category():
    if not DEV_FILE.exists():
        pytest.skip("the study's dev file (../shared/data/paper_dev_100.csv) is not available")
    csv.field_size_limit(2**31 - 1)
    with open(DEV_FILE, encoding="utf-8") as handle:
        labels = {item.label for row in csv.DictReader(handle) for item in parse_labels_cell(row["phi_items"]).items}
    assert len(labels) >= 30
    assert sorted(label for label in labels if gold_category(label) is None) == []
