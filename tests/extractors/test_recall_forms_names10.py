"""Names of the tenth round (blind-final12, blind-final13): forms and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked, values

_NAMES = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")


def _names(text: str) -> list[str]:
    return [v for v, c in masked(text) if c in _NAMES]


@pytest.mark.parametrize(
    "text, name",
    [
        ("症例：7階西 712号 GARCIA 様（アブレーション）", "GARCIA"),  # a family name alone in capitals
        ("\n\n宮坂さま\n本日は 小林 勇気 さん", "宮坂"),  # さま after a kanji family name
        ("rows / exported by pharm_yamane at 2026-11-21", "pharm_yamane"),  # a unit's login
        ("(4) EMIS 入力：三田村事務部長。回線切替", "三田村"),  # a post with its unit glued on
        ("夜間想定の総合防災訓練を実施。宇野 早苗防災委員長より速報：", "宇野 早苗"),
        ("6. 漢方外来・鍼灸外来の運営状況（東雲 玄医師より報告）", "東雲 玄"),  # a place-like family name
        ("出演（職員）：東雲 玄 医師、はり師 楠木 蒼", "東雲 玄"),
        ("※ 一次読影（香取）はカテゴリー2。", "香取"),  # what was done, the name in brackets
        ("申し送り者 古川 → 受け イ・ソヨン\n", "イ・ソヨン"),  # a one-letter part of a dotted name
        ("U/L)             checked Kim\n", "Kim"),  # an English sign-off
    ],
)
def test_names_of_the_tenth_round(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "さまざまな意見",
        "みなさまへ",
        "患者さまの",
        "MRI様の陰影",
        "see raw_data and log_file",
        "CT_data",
        "本日は看護部長より",
        "事務部長より",
        "検査 結果 様式",
        "確認（済）",
        "読影（CT）",
        "読影：左 乳房",
        "対応 中）",
        "Reviewed Monday",
        "checked Normal",
    ],
)
def test_look_alikes_of_the_tenth_round(text):
    assert not _names(text)


def test_a_common_noun_in_brackets_after_a_name_is_no_reading():
    assert ("カテーテル", "NAME_READING") not in masked("山田 太郎 様（カテーテル）")
    assert ("やまだ はなこ", "NAME_READING") in masked("山田 花子 様（やまだ はなこ）")


@pytest.mark.parametrize(
    "text",
    [
        "子カルテ停止時の紙運用（BCP 様式 第3版）",
        "(3) 本症例を院内医療安全委員会に報告",
        "d ,mrn     ,name_kanji ,name_kana     ,dob",
    ],
)
def test_forms_committees_and_field_names_name_nobody(text):
    assert not _names(text)


def test_a_name_spaced_letter_by_letter_with_a_mixed_gap_is_one_name():
    assert "丸 山 \u3000清 治" in values("5O2-A  丸 山 \u3000清 治     メロペネム 0.5g")
    assert "山田\u3000\u3000太郎" not in values("山田\u3000\u3000太郎")  # two wide spaces part two fields


def test_a_post_with_its_department_before_a_name_after_a_label():
    text = "報告：腎臓内科医長 石毛\n"
    assert ("石毛", "PHYSICIAN_NAME") in masked(text)
    assert not [v for v, c in masked(text) if c == "PHYSICIAN_NAME" and "医長" in v]
