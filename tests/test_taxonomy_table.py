"""The taxonomy's tables are data (data/taxonomy.toml); the code relies on their shape.

Scoring, the phase prompts, the colour legend and every importer read these
tables, so a slip in the data file (a category dropped, an alias naming a code
that does not exist, a phase-1 name lost) must fail here rather than surface
as silently unknown labels in a run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from phi_core import taxonomy
from phi_core.taxonomy import ALIASES, CATEGORIES, CATEGORY_CODES, COARSE_LABELS, HEADLINE_CODES, PHASE1_LABELS

ROOT = Path(__file__).resolve().parents[1]

# The codes the stored runs, exports and rule extractors are written in, in display order.
EXPECTED_CODES = (
    "PATIENT_NAME",
    "PHYSICIAN_NAME",
    "PATIENT_ID",
    "ADDRESS",
    "HOSPITAL_NAME",
    "PHONE",
    "BIRTH_DATE",
    "EXAM_DATE",
    "AGE",
    "SEX",
    "NAME_READING",
    "EMERGENCY_CONTACT",
    "FACILITY_ADDRESS",
    "FACILITY_PHONE",
    "DEPARTMENT",
    "TIME",
    "OTHER_DATE",
    "OTHER_ID",
)
# The paper's headline categories: the eight direct identifiers.
EXPECTED_HEADLINE = EXPECTED_CODES[:8]
# Phase 2 prompts name exactly these coarse types.
EXPECTED_COARSE = ("NAME", "DOCTOR", "DATE", "AGE", "GENDER", "ID", "PHONE", "ADDRESS", "FACILITY", "DEPARTMENT")
# How many spellings each category has: a line lost from the data file (a bad
# merge, an editor's slip) fails here; adding a spelling means raising its count.
EXPECTED_ALIAS_COUNTS = {
    "PATIENT_NAME": 23,
    "PHYSICIAN_NAME": 63,
    "PATIENT_ID": 17,
    "ADDRESS": 15,
    "HOSPITAL_NAME": 26,
    "PHONE": 31,
    "BIRTH_DATE": 11,
    "EXAM_DATE": 12,
    "AGE": 6,
    "SEX": 5,
    "NAME_READING": 48,
    "EMERGENCY_CONTACT": 29,
    "FACILITY_ADDRESS": 11,
    "FACILITY_PHONE": 14,
    "DEPARTMENT": 12,
    "TIME": 21,
    "OTHER_DATE": 31,
    "OTHER_ID": 35,
}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def test_the_table_is_read_from_the_data_folder():
    assert taxonomy.TABLE_FILE == ROOT / "data" / "taxonomy.toml"
    assert taxonomy.TABLE_FILE.is_file()


def test_every_category_is_present_in_display_order():
    assert CATEGORY_CODES == EXPECTED_CODES
    assert HEADLINE_CODES == EXPECTED_HEADLINE


def test_every_category_has_a_name_in_both_languages_and_its_own_colour():
    for category in CATEGORIES:
        assert _JAPANESE.search(category.name_ja), category
        assert category.name_en.isascii() and category.name_en.strip(), category
        assert re.fullmatch(r"#[0-9A-F]{6}", category.color), category
    assert len({c.color for c in CATEGORIES}) == len(CATEGORIES)
    assert len({c.name_en for c in CATEGORIES}) == len({c.name_ja for c in CATEGORIES}) == len(CATEGORIES)


def test_every_code_is_its_own_alias_and_has_japanese_and_english_spellings():
    for code in EXPECTED_CODES:
        spellings = [key for key, value in ALIASES.items() if value == code]
        assert ALIASES[code] == code
        assert any(_JAPANESE.search(key) for key in spellings), code
        assert any(key.isascii() for key in spellings if key != code), code


def test_no_spelling_was_lost():
    counts = {code: 0 for code in EXPECTED_CODES}
    for code in ALIASES.values():
        counts[code] = counts.get(code, 0) + 1
    assert counts == EXPECTED_ALIAS_COUNTS


def test_every_alias_phase1_name_and_coarse_member_names_a_known_category():
    known = set(EXPECTED_CODES)
    assert set(ALIASES.values()) <= known
    assert set(PHASE1_LABELS.values()) <= known
    assert all(members and members <= known for members in COARSE_LABELS.values())
    # Together the coarse types reach every category a phase-2 prompt can be graded on.
    assert set().union(*COARSE_LABELS.values()) == known


def test_phase_labels_are_complete():
    assert tuple(COARSE_LABELS) == EXPECTED_COARSE
    assert len(PHASE1_LABELS) == 12
    assert all(_JAPANESE.search(label) for label in PHASE1_LABELS)
    assert set(PHASE1_LABELS.values()) <= set(HEADLINE_CODES) | {"AGE", "SEX", "NAME_READING", "EMERGENCY_CONTACT"}


def test_the_table_loads_from_any_working_directory(tmp_path):
    # The data file is found next to the package, not next to wherever the app was started.
    script = "from phi_core.taxonomy import CATEGORY_CODES, ALIASES; print(len(CATEGORY_CODES), len(ALIASES))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == [str(len(CATEGORY_CODES)), str(len(ALIASES))]
