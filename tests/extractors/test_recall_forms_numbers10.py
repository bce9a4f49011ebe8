"""recall-first on numbers, times, dates, ages, extensions, identifier tails and rooms written in forms the
patterns refused (issue 16, session 7 round 2), and the clinical look-alikes each mechanism must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked_as, values


# --- values typed one character to a box, or scanned with spaces --------------------------------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("連絡先　TEL 0 8 0 - 7 7 1 2 - 4 4 0 9\n担当 栗田", "0 8 0 - 7 7 1 2 - 4 4 0 9", "PHONE"),
        ("氏名　今井 久美子　　ID　48 1 7 O 9 3\n年齢 76歳", "48 1 7 O 9 3", "PATIENT_ID"),
        ("鑑査 栗原　病棟受領 1 5 : 4 O\n", "1 5 : 4 O", "TIME"),
        ("| 2 | MII | + | 10:4 3 | dark cytoplasm", "10:4 3", "TIME"),
    ],
)
def test_letter_spaced_values_are_read_closed_up(text, value, category):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text",
    [
        "評価 1 2 3 4 5 のうち 3",  # a printed scale
        "MMT 5 5 4 5",
        "BP 1 2 0 / 8 0",
        "BMI 2 2 . 5",
        "N  N  N   1 1 1 2",
        "ver 1 . 2 . 3 . 4",
    ],
)
def test_letter_spaced_scores_and_readings_stay(text):
    assert found("scan-damage", text) == []


# --- ages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, age",
    [
        ("Date of birth: 2021/09/03   Age: 5 years\nWard", "5 years"),
        ("患児：ｻｲﾄｳ ﾘｵ　1才3ｹ月　ID9Z-40211", "1才3ｹ月"),
        ("再入院：創感染（Lee Soo-jin、37）\n", "37"),
        ("再入院：（田中 花子, 45歳）", "45歳"),
    ],
)
def test_ages_by_their_place(text, age):
    assert age in found("bare-age", text)
    assert covered(age, masked_as("AGE", text))


def test_ages_under_a_name_then_age_header_whose_cells_do_not_line_up():
    text = (
        "受付No 氏名           年齢 採取日      細胞診  HPV  判定\n"
        "2611-01 本橋 奈緒   38  11/04   NILM    -    異常なし\n"
        "2611-02 Tran Thi Lan 27  11/04   HSIL    +    要精検\n"
    )
    assert found("bare-age", text) == ["38", "27"]


@pytest.mark.parametrize(
    "text, number",
    [
        ("（うち入院、12）", "12"),  # a count after a word
        ("（図 3、12）", "12"),
        ("Age: 32 weeks", "32"),
        ("gestational age 32", "32"),
        # A newborn's day of life: most writers leave it (blind-dev4, blind-dev10), one marks it.
        ("黄疸 TcB 11.8（日齢3）", "3"),
        ("No 薬剤 量 年齢\n1 ロキソニン 3 45\n", "3"),  # no name column before the age: the dose stays
    ],
)
def test_age_look_alikes_stay(text, number):
    assert not any(number in value for value in found("bare-age", text))


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("主訴：冷え。2024年春の閉経後から増悪。", "2024年春"),
        ("「去年の10月、検診の結果が届いて", "去年の10月"),
        ("昨年12月に転倒", "昨年12月"),
        ("Midline 管理 週報 ｜ week 46 (Nov 9–15)", "Nov 9–15"),
        ("週報 11/9-15 集計", "11/9-15"),
    ],
)
def test_date_edges_take_season_relative_year_and_range_end(text, date):
    assert covered(date, values(text))


@pytest.mark.parametrize(
    "text, date",
    [
        ("カルテ ３３４０２０９\n昨日（１１／１０）左ばね指 腱鞘切開術", "１１／１０"),
        ("2026.11.2 再診\n前回（10.5）大柴胡湯エキス 7.5g 開始", "10.5"),
        ("次回(12.3)再診予定", "12.3"),
    ],
)
def test_dates_without_a_year_by_form_or_place(text, date):
    assert date in found("relative-date", text)
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "１／２錠 内服",
        "Hb 前回(12.3) → 11.8",  # a lab value compared with the last one
        "Cr 0.8（前回 1.2）",
        "大柴胡湯エキス 7.5g",
        "期間（10.5）mm",
    ],
)
def test_date_look_alikes_stay(text):
    assert found("relative-date", text) == []
    assert masked_as("OTHER_DATE", text) == []


def test_range_end_needs_a_later_day_and_no_unit():
    assert not covered("11/9-3", values("11/9-3 は"))
    assert not any("15" in v for v in values("Hb 11/9-15 mg"))


# --- extensions ------------------------------------------------------------------------------------


def test_extensions_after_wa_and_old_or_new_numbers():
    text = "本部内線は 1190 に統一（旧 1100 は廃止）。訓練では新番号は 1190 と周知。"
    assert sorted(found("extension-number", text)) == ["1100", "1190", "1190"]


@pytest.mark.parametrize(
    "text",
    [
        "電話は 2 回",
        "内線 2455。新薬 500 mg 開始",
        "旧病棟 3120 号",
        "内線 2455。新規 1200 件",
    ],
)
def test_extension_look_alikes_stay(text):
    assert [v for v in found("extension-number", text) if v != "2455"] == []


# --- identifier tails ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, tail",
    [
        ("（Study UID 末尾 …4471.2026103012）", "4471.2026103012"),
        ("ID 末尾 8812 の方", "8812"),
    ],
)
def test_the_visible_tail_of_an_identifier(text, tail):
    assert tail in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["…1.5 mg", "つづく…123", "計…12.5", "以下略…"])
def test_ellipsis_look_alikes_stay(text):
    assert masked_as("OTHER_ID", text) == []


# --- rooms, beds, chairs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, room",
    [
        ("(patient H.Y., 5W ward, bed 512-3). RCA ongoing.", "512-3"),
        ("Location: Onc Day Unit chair 7\nIndication: long-term", "7"),
        ("・夜勤で601の北村さんのベッドを見に行った", "601"),
        (" 独歩     606（個室）      神崎 亮 ", "606"),
        ("Room 318, please", "318"),
    ],
)
def test_rooms_beds_and_chairs(text, room):
    assert room in masked_as("OTHER_ID", text)


@pytest.mark.parametrize(
    "text",
    [
        "bed rest for 3 days",
        "10 beds available, chair 2 times",
        "CT room 2 (Aquilion ONE)",
        "Room 6 on the 2F",
        "2024の方針",
        "100の方が参加",
        "trauma bay 2",
    ],
)
def test_room_look_alikes_stay(text):
    assert masked_as("OTHER_ID", text) == []
