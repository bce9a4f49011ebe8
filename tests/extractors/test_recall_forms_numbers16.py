"""Identifiers typed one digit to a box with hyphens, chair and bed codes, keyed four-digit times, days
after an arrow, years after a history word, ages and dates of blind-final18..20 and blind-dev21..24's
forms, and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.recognizer import Document, get
from tests.extractors.recall_probes import masked, masked_as, values


@pytest.mark.parametrize(
    "category, text, value",
    [
        # digits one to a box, a hyphen between the groups, after a label with or without a remark
        ("PATIENT_ID", "受診券番号（診察券）8 8 0 1 - 2 4 6 7\n", "8 8 0 1 - 2 4 6 7"),
        ("OTHER_ID", "対象者番号：2 4 0 3 - 7 7 1 8 9\n", "2 4 0 3 - 7 7 1 8 9"),
        ("PATIENT_ID", "診察券番号 No. 0-2 3 1 8\n", "0-2 3 1 8"),
        ("OTHER_ID", "接種券番号 MD-2024-0 5 1 7 8\n住所", "MD-2024-0 5 1 7 8"),
        ("OTHER_ID", "基礎年金番号 3301 - 771250\n", "3301 - 771250"),
        ("OTHER_ID", "本人確認は基礎年金番号（4512-608933）と生年月日で実施。", "4512-608933"),
        ("PATIENT_ID", "患者ID（変更なし）\u30003 3 0 0 - 4 4 1 2\n", "3 3 0 0 - 4 4 1 2"),
        ("PATIENT_ID", "患者ID：4O2 7-9981\n", "4O2 7-9981"),  # scanned, O for zero
        ("PATIENT_ID", "1) 症例A：T.S. 30代女性 2290-5531\n", "2290-5531"),  # after age and sex
        # labels the label rules did not know: 符号, №, a login, a full-width minus
        ("OTHER_ID", "呼出符号 JH4QZK\u3000位置 N31°", "JH4QZK"),
        ("OTHER_ID", "呼出し方法：番号呼出しのみ（№ 47）。", "47"),
        ("OTHER_ID", "カナ氏名を修正（更新者 usr_sato3）", "usr_sato3"),
        ("OTHER_ID", "被保険者証 記号 １３２−５５ 番号 ８８１９", "１３２−５５"),
        ("OTHER_ID", "hearing dog   Certificate: 聴第0033号\n", "聴第0033号"),
        ("OTHER_ID", "免許証番号  第 9821 0447 5301 号\n住所", "第 9821 0447 5301 号"),  # printed in groups
        # chairs, beds and rooms
        ("OTHER_ID", "【C-01】    09:00-11:30", "C-01"),
        ("OTHER_ID", "・原田 節子さん（C-08）：採血", "C-08"),
        ("OTHER_ID", "203-007,2026-12-03,13:30,B-02,33907718,LEE^J", "B-02"),
        ("OTHER_ID", "     ﾁｪｱ C-O4 ﾊ ｶｲﾎｳ", "C-O4"),  # scanned
        ("OTHER_ID", "空き状況: 12/9〜 可（部屋番号 3）", "3"),
        ("OTHER_ID", "ﾖｼｵｶ ｷﾐｴさん（Bベッド、412号）", "B"),
        ("OTHER_ID", "・児の名前は書かない\n・ベッド 5 (4人部屋 402)\n反省：", "402"),
        # times and dates
        ("TIME", "DATE=20261202  START=1403  END=1441\n", "1403"),
        ("TIME", "DATE=20261202  START=1403  END=1441\n", "1441"),
        ("OTHER_DATE", "引継ぎ用）　12月4日→5日\n", "5日"),
        ("OTHER_DATE", "翌13日 8:00の定時交信では", "13日"),
        ("OTHER_DATE", "the ferry on October 12. He turned out", "October 12"),
        ("OTHER_DATE", "破傷風トキソイド接種歴 2022（本人申告）。", "2022"),
        ("OTHER_DATE", "Hx: 狭心症 PCI 2019 at the", "2019"),
        ("OTHER_DATE", "手術歴 H30年（虫垂切除）", "H30年"),
        ("OTHER_DATE", "生年月日\u3000\u3000\u3000S 27. 3. 30\n", "S 27. 3. 30"),
        ("OTHER_DATE", "ﾖｺﾔﾏ ﾀｹｼ\u3000 S 1 8 . 5 . 2 O生", "S 1 8 . 5 . 2 O"),
        ("OTHER_DATE", " 1  | 12/ 3  | 丹羽 和子", "12/ 3"),
        # sex
        ("SEX", "(0010,0040) 性別 | O               \n", "O"),  # DICOM's code for other
        ("SEX", "表記を希望\u3000\u3000MtF\u300034y", "MtF"),
        ("SEX", "Case: Mr. H, a man in his 70s, underwent", "man"),
        # ages
        ("AGE", "age/sex : 7 y / F        wt 21 kg", "7 y"),
        ("AGE", "09:20 Julien MARCHAND 29 M フランス国籍", "29"),
    ],
)
def test_forms_of_final18_to_dev24(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("ID 12345 3 回目", "12345 3"),  # a count after an ID
        ("空き：C-05〜C-12", "C-05"),  # free chairs listed as a range
        ("紛失届（様式R-07 ver.3.2）", "R-07"),  # a form's number
        ("C5-6 狭窄、Th-12 圧迫骨折", "Th-12"),  # vertebrae carry no zero
        ("end=2025.", "2025"),
        ("March 3 times a week", "3 times"),
        ("3日間の入院、5日分処方", "5日"),
        ("12月4日〜5日間", "5日"),  # days counted after a range's dash
        ("2/ 3回 内服", "2/ 3"),  # a ratio with its word
        ("Phase 2 M", "2"),
        ("既往 T2DM、既往歴：S状結腸切除", "T2"),
        ("血液型 O 型、Sex: M", "O"),  # a blood group is no sex code
        ("a man of his word", "man"),
        ("個室 2床、4人部屋 12室", "12"),  # counts of rooms and beds
        ("70代女性 1200 mL", "1200"),  # a measure after age and sex
        ("45歳男性 2024-12-01 受診", "2024-12"),  # a date after age and sex stays a date
        ("女性 10-20 回", "10-20"),  # a range after a sex word with its unit
    ],
)
def test_look_alikes_of_final18_to_dev24(text, value):
    assert value not in values(text) or "-" in value and value + "-01" in values(text)


def test_a_phone_after_its_number_word_is_no_identifier():
    assert "03-1234-5678" not in masked_as("OTHER_ID", "電話番号 03-1234-5678\n")


def test_a_half_width_kana_mark_opens_a_number():
    assert "ﾄｸ-12-004471" in [v for v, _ in masked("受療証 確認済、番号 ﾄｸ-12-004471）")]
    assert get("labelled-number").find(Document("番号 ｱ-1 の欄")) == []  # one kana and one digit: a list's mark


def test_a_login_needs_a_digit_or_an_underscore():
    assert get("labelled-number").find(Document("更新者 admin")) == []


def test_a_spaced_date_keeps_a_count_after_its_day():
    assert "R8. 12. 3" in values("R8. 12. 3 4錠")


def test_case_line_ids_need_age_and_sex():
    found = get("case-line-id").find(Document("症例B 2290-5531、40代男性 3301-7712、62歳 F 00412783"))
    assert ["症例B 2290-5531、40代男性 3301-7712、62歳 F 00412783"[c.start : c.end] for c in found] == [
        "3301-7712",
        "00412783",
    ]
