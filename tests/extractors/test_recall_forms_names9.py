"""Names and dates of the ninth round (blind-final10, blind-final11, blind-dev10): forms and look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from tests.extractors.recall_probes import masked, values

_NAMES = ("PATIENT_NAME", "PHYSICIAN_NAME", "EMERGENCY_CONTACT")


def _names(text: str) -> list[str]:
    return [v for v, c in masked(text) if c in _NAMES]


# --- a sign-off label followed by a date ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("作成：令和8年12月4日　臨床工学室 野島", "令和8年12月4日"),
        ("作成：平成8年12月4日", "平成8年12月4日"),
        ("時は救急外来へ。\n記載 R8.11.30 16:25", "R8.11.30"),
    ],
)
def test_a_date_after_a_sign_off_is_a_date_in_both_profiles(text, date):
    assert (date, "OTHER_DATE") in masked(text)
    balanced = [(text[s.start : s.end], s.category) for s in rules.extract_spans(text)]
    assert (date, "OTHER_DATE") in balanced
    assert not [v for v, c in balanced if c in _NAMES and v in date]


def test_a_name_after_a_sign_off_is_still_read():
    assert ("平田 一郎", "PHYSICIAN_NAME") in masked("担当：平田 一郎")


# --- an honorific outweighs a drug's ending --------------------------------------------------------


def test_a_katakana_name_with_a_drugs_ending_before_an_honorific():
    assert "トラン" in values("資料を送付。トランさん本人には通訳同席で説明予定")


@pytest.mark.parametrize("text", ["プレドニゾロンを增量", "ロキソニン様の薬疹", "メトホルミン 500mg"])
def test_drugs_stay_unmasked(text):
    assert not _names(text)


# --- posts and occupations before a name -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("依頼元：循環器内科 外来クラーク 一ノ瀬\n発見日時", "一ノ瀬"),
        ("確認：診療情報管理士 ラミレス 香", "ラミレス 香"),
        ("担当 視能訓練士 Okafor\n", "Okafor"),
        ("クラーク 山田\n", "山田"),
    ],
)
def test_a_name_after_an_occupation_without_its_title(text, name):
    assert name in _names(text)
    assert not [v for v in _names(text) if v != name and name in v]  # the title stays outside


@pytest.mark.parametrize("text", ["（専門医 取得）", "クラーク医師が説明"])
def test_occupations_without_a_name(text):
    assert not [v for v in _names(text) if v in ("取得", "医師")]


def test_a_particle_after_the_family_name_is_no_given_name():
    assert "広瀬 に確認" not in values("   → 処方医 広瀬 に確認、5日分と回答。")


# --- logins and Latin names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("reviewer=tkawabe reviewed=2026-12-01", "tkawabe"),
        ("Checked by: 山田", "山田"),
        ("作業者：Vo Thanh Long\n", "Vo Thanh Long"),
        ('index pid=00917735 name="SILVA ANA PAULA" x=1', "SILVA ANA PAULA"),
    ],
)
def test_logins_and_long_latin_names(text, name):
    assert name in values(text)


def test_a_latin_name_stops_at_a_sex_or_a_title():
    assert "SATO HANAKO" in values("Patient: SATO HANAKO F")
    assert "SATO HANAKO F" not in values("Patient: SATO HANAKO F")


# --- lists, relatives, seals, 姓 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("是正：全技師（宮里、ファム・ティ・ラン、小柳 歩美、江頭）で判定基準", "ファム・ティ・ラン"),
        ("2. 医師別：森永 14、杉本 12、Chen 7、その他 5", "Chen"),
        ("同乗家族：なし（夫 田 志強 は自家用車で移動", "田 志強"),
        ("家族の意見：妻木暮 トシ子さんから", "木暮 トシ子"),
        ("検者：マルティネス 健　確認印堀", "堀"),
        ("（鵜飼姓での問い合わせ全般）", "鵜飼"),
    ],
)
def test_names_in_lists_beside_relations_and_seals(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "CT、MRI、ポジトロン・エミッション",
        "夫 不在 のため",
        "妻 同伴 で来院",
        "同姓同名に注意",
        "検印済\n",
        "押印なし\n",
    ],
)
def test_the_same_cues_without_a_name(text):
    assert not _names(text)


def test_two_kanji_names_listed_with_a_middle_dot_after_a_label():
    text = "保護者：日比野 健太・日比野 唯\n作成日"
    assert [(text[s.start : s.end], s.category) for s in rules.extract_spans(text)] == [
        ("日比野 健太", "EMERGENCY_CONTACT"),
        ("日比野 唯", "EMERGENCY_CONTACT"),
    ]


def test_a_katakana_name_keeps_its_middle_dots_after_a_label():
    assert "ファム・ティ・ラン" in values("氏名：ファム・ティ・ラン\n")


def test_the_employer_before_a_name_after_a_label_is_not_the_name():
    text = "作業者：㈱関東電設サービス Vo Thanh Long\n"
    assert "Vo Thanh Long" in [text[s.start : s.end] for s in rules.extract_spans(text)]
    assert not [s for s in rules.extract_spans(text) if text[s.start : s.end].startswith("㈱")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("仮名登録「救急 太郎 12-06-01」から", "救急 太郎"),
        ("偽名運用（院内呼称「南 花子」）開始。", "南 花子"),
        ("検査者：野々村（臨床検査技師）　判読：堀\n装置：Neuropack X", "堀"),
    ],
)
def test_quoted_full_names_and_sign_offs_of_who_read_it(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text", ["「本日 検査」と記載", "「経過 良好」", "実施者：全員\n", "判定者：不在", "担当：本人\n"]
)
def test_words_in_a_names_place_that_name_nobody(text):
    assert not _names(text)


def test_a_doctor_after_a_clinic_is_a_person_apart_from_the_clinic():
    text = "□ 主治医意見書：大和こども発達クリニック ｺﾊﾞﾔｼ医師（R8.11.20）"
    found = dict(masked(text))
    assert found.get("大和こども発達クリニック") == "HOSPITAL_NAME"
    assert "ｺﾊﾞﾔｼ" in found
    balanced = [(text[s.start : s.end], s.category) for s in rules.extract_spans(text)]
    assert [c for v, c in balanced if v == "ｺﾊﾞﾔｼ"][0] in _NAMES  # the span is the name alone
