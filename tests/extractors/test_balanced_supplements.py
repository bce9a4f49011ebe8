"""balanced checks a few generic recognizers against the clinical allow-list (data/rules/profiles.toml)."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.profiles import get_profile, parse_profiles
from phi_core.extractors.recognition.recognizer import RECOGNIZERS, Document
from phi_core.extractors.recognizers.long_identifiers import LongIdentifierRecognizer
from phi_core.extractors.rules.checked import WINDOW, checked_proposals


def _values(text: str) -> set[str]:
    return {s.text for s in rules.extract_spans(text)}


def test_balanced_lists_checked_supplements_and_recall_first_keeps_them():
    balanced, recall = get_profile("balanced"), get_profile("recall-first")
    assert "long-identifier" in balanced.supplements
    assert balanced.allow_list == "clinical_allow_list.toml"
    assert set(balanced.supplements) <= set(recall.supplements)
    assert not set(balanced.supplements) & set(balanced.recognizers)


def test_extends_adds_supplements_and_keeps_the_allow_list_and_rank():
    profiles = parse_profiles(
        '[a]\nrecognizers = ["date"]\nsupplements = ["era-year"]\nsupplement_rank = 1\nallow_list = "x.toml"\n'
        '[b]\nextends = "a"\nsupplements = ["short-date", "era-year"]\n'
    )
    assert profiles["b"].supplements == ("era-year", "short-date")
    assert (profiles["b"].supplement_rank, profiles["b"].allow_list) == (1, "x.toml")


@pytest.mark.parametrize(
    "text, value",
    [
        ("紹介状の控えは P0051287 で保管。", "P0051287"),
        ("照会番号 754R1023N008 を参照", "754R1023N008"),
        ("マイナンバー 1234 5678 9012 を確認", "1234 5678 9012"),
        ("連絡は taro.yamada@example.jp まで", "taro.yamada@example.jp"),
        ("画像は 1.2.392.200036.9116.2.6.1.48 に保存", "1.2.392.200036.9116.2.6.1.48"),
    ],
)
def test_balanced_finds_bare_identifiers(text, value):
    assert value in _values(text)


@pytest.mark.parametrize(
    "text",
    [
        "血圧130/80、脈拍72。",
        "内視鏡 GIF-H290Z で観察した。",
        "腫瘍径 12345 mm ではなく 1.2345 cm。",
        "3/4周性の壁肥厚、1/2錠",
    ],
)
def test_balanced_leaves_measurements_and_models_alone(text):
    assert rules.extract_spans(text) == []


def test_a_json_key_is_a_field_name_not_a_value():
    text = '{"00100020": {"vr": "LO"}, "note": "see 00348812"}'
    found = [text[c.start : c.end] for c in LongIdentifierRecognizer().find(Document(text))]
    assert found == ["00348812"]


def test_balanced_reads_dates_ages_and_stamps_in_prose():
    values = _values("20240806T104500Z 受信。5/14(火)に再診、67歳男性、H30 に手術、6東病棟へ転棟。")
    assert {"20240806T104500Z", "5/14(火)", "67歳", "H30", "6東病棟"} <= values
    # Where a rule already reads the date, the rule's span stands (a supplement loses every overlap).
    assert "2024-08-06T10:45:00+09:00" in _values("2024-08-06T10:45:00+09:00 受信")


def test_a_proposal_inside_a_rule_span_is_not_asked():
    text = "患者ID：12345678"
    doc = Document(text)
    rule = Candidate(5, 13, "PATIENT_ID", 3)
    allow = load_allow_list()
    proposals = checked_proposals(doc, [RECOGNIZERS["long-identifier"]], allow, 0, [rule])
    assert proposals == []
    alone = checked_proposals(doc, [RECOGNIZERS["long-identifier"]], allow, 0)
    assert [(c.start, c.end, c.rank) for c in alone] == [(5, 13, 0)]


def test_windows_and_the_whole_text_give_the_same_answer():
    # One proposal in a long text is checked on a window; the same text made short is checked whole.
    allow = load_allow_list()
    core = "番号 98765432 と、比 120/80/70 mmHg 1234567 mL"
    padded = "。" * (4 * WINDOW) + core + "。" * (4 * WINDOW)
    recognizer = [RECOGNIZERS["long-identifier"]]
    short = [(c.start, c.end) for c in checked_proposals(Document(core), recognizer, allow, 0)]
    offset = 4 * WINDOW
    long = [(c.start - offset, c.end - offset) for c in checked_proposals(Document(padded), recognizer, allow, 0)]
    assert short == long
    assert [core[s:e] for s, e in short] == ["98765432"]


def test_scan_damage_as_a_supplement_does_not_run_itself():
    # scan-damage runs the profile's rules on a repaired copy; with supplements there it must not recurse.
    found = rules.run_recognizers("電話 O45-9O8-l172", supplements=False)
    assert isinstance(found, list)
    assert RECOGNIZERS["scan-damage"].find(Document("受付 2O24/O3/l4"))
