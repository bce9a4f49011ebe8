"""Generic recall-first mechanisms: the forms each finds and the look-alikes it leaves alone."""

from __future__ import annotations

import pytest

import phi_core.extractors.recognizers  # noqa: F401  (registers every recognizer)
from phi_core.extractors.allow_list import load_allow_list
from phi_core.extractors.recognition.recognizer import Document, recognizer_class


def _found(name: str, text: str) -> list[str]:
    return [text[c.start : c.end] for c in recognizer_class(name)().find(Document(text))]


@pytest.mark.parametrize(
    "text, value",
    [
        ("主科：消化器内科／入院中", "消化器内科"),
        ("診療科：肝胆膵外科\u3000病棟：6階", "肝胆膵外科"),
        ("病棟：ICU ベッド6", "ICU"),
        ("transferred to CCU (NSTEMI)", "CCU"),
        ("病棟：外科2病棟\u3000患者", "外科2病棟"),
        ("P：耳鼻咽喉科（羽田医師）", "耳鼻咽喉科"),
        ("受診日 2024/04/22\u3000総合内科\u3000医師：冨岡", "総合内科"),
    ],
)
def test_department_word_finds_departments_of_record(text, value):
    assert value in _found("department-word", text)


@pytest.mark.parametrize(
    "text",
    [
        "当科外来で経過観察。他科受診予定。ICU入室後、HCUへ転棟。",
        "療法の適応について腫瘍内科へのコンサルトを推奨する。",
        "必要に応じて循環器内科にご相談ください。",
        "整形外科で整復固定をご検討ください。",
        "Plan: 外科consult予定",
        "外科的切除の適応。内科的治療を継続。",
        "放射線科 業務連絡",
        "ER 90%, PgR 60%, ER+/HER2-; ws=ER-WS-01 HCU-12",
    ],
)
def test_department_word_leaves_generic_mentions_alone(text):
    assert _found("department-word", text) == []


def test_a_department_is_a_clinical_word_unless_proposed_as_a_department():
    allow = load_allow_list()
    text = "依頼科：消化器内科"
    start = text.index("消化器内科")
    assert allow.allows(text, start, len(text), None, "PATIENT_NAME")
    assert not allow.allows(text, start, len(text), None, "DEPARTMENT")


@pytest.mark.parametrize(
    "text, value",
    [
        ("血圧 130/80 mmHg", "130/80"),
        ("ratio 250/15", "250/15"),
        ("CRP 0.52", "0.52"),
        ("HbA1c 7.25", "7.25"),
        ("Hb 9-11", "9-11"),
        ("常食 2000kcal", "2000"),
        ("I-131 3.70GBq", "3.70"),
        ("NO 20 ppm", "20"),
    ],
)
def test_allow_list_lets_quantities_through(text, value):
    allow = load_allow_list()
    start = text.index(value)
    assert allow.allows(text, start, start + len(value))


@pytest.mark.parametrize(
    "text, value",
    [
        ("食道癌術後（10/29 右開胸）", "10/29"),
        ("01/11  嘔吐・下痢", "01/11"),
        ("送信 09.24 受付", "09.24"),
        ("ID 0041-2290 処方", "0041-2290"),
        ("検体 24-00318", "24-00318"),
    ],
)
def test_allow_list_leaves_dates_and_codes_that_look_like_quantities(text, value):
    allow = load_allow_list()
    start = text.index(value)
    assert not allow.allows(text, start, start + len(value))
