"""Chairs, bed codes, rooms and beds, a day's share (10/20分), dates with a nakaguro or a field after them,
an era's fiscal year, a symbol and number split by a slash, an age in brackets a gap after the date of
birth and an era year after 既往 (blind-dev21..28's forms), and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked_as, values


@pytest.mark.parametrize(
    "category, text, value",
    [
        # chairs, bed codes, rooms with their bed, a room after a ward in half-width kana
        ("OTHER_ID", "Date: 20251103   Chair: 4   Start 0930", "4"),
        ("OTHER_ID", "infusion chair #12 at 10:00", "12"),
        ("OTHER_ID", "KT 36.4℃。２Ｂベッドにて点滴ルート確保", "２Ｂ"),
        ("OTHER_ID", "転床：B-3ベッドへ", "B-3"),
        ("OTHER_ID", "・312-1は 1時間に2回。", "312-1"),
        ("OTHER_ID", "※408-3 Pham Thi Lan さん", "408-3"),
        ("OTHER_ID", " ﾋﾞｮｳｼﾂ 4ﾋｶﾞｼ-418 ﾀｲｲﾝ 10/29", "418"),
        ("OTHER_ID", "ｳｴﾀﾞ ｼﾝｲﾁ（ID 01-2277-90）\u30007OB号室\n", "7OB"),  # scanned, O for zero
        ("TIME", "7:41 本人了承、1/299:00へ振替", "9:00"),  # a date and a time glued
        ("OTHER_DATE", "7:41 本人了承、1/299:00へ振替", "1/29"),
        ("OTHER_DATE", "外泊した日\u3000R7. 9. 20 〜 9. 21\n", "9. 21"),  # a range's end without its year
        ("AGE", "pt: Oyelaran, Tunde  age 4l  sex M", "4l"),  # scanned, l for one
        ("OTHER_ID", "途中退室。\n東2-211 丸山 あかね：ゴッホ", "東2-211"),  # a ward and its room, whole
        ("OTHER_ID", "居室 2階東-14\n・身体", "2階東-14"),
        ("OTHER_ID", "転出：ICU BED-7\u3000→\u3000転入", "BED-7"),
        # identifiers
        ("PATIENT_ID", "患者ID（変更なし）\u30003300-4412\n", "3300-4412"),
        ("OTHER_ID", "オンライン資格確認で記号番号 12-345 / 987 を確認", "987"),
        # dates
        ("OTHER_DATE", "新規IDを無効化、10/20分の会計・オーダ", "10/20"),
        ("OTHER_DATE", "眼科 OCT 予約は 11/05 分も同様に削除", "11/05"),
        ("OTHER_DATE", "生年月日 S32・11・06（67歳）", "S32・11・06"),
        ("OTHER_DATE", "生年月日：H1 2. 7. 19\u3000年 齢：26才", "H1 2. 7. 19"),
        ("OTHER_DATE", "次回検査予定：令和9年度（2年後）", "令和9年度"),
        ("OTHER_DATE", "（72歳、そばアレルギー：アナフィラキシー既往 S58）に", "S58"),
        # ages
        ("AGE", "DOB 03/07/1995  (30) Sex F", "30"),
    ],
)
def test_forms_of_dev21_to_dev28(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("点滴 20分の1 を投与", "20"),  # a fraction of minutes
        ("30分 休憩", "30"),
        ("WBC 3,300-8,600 /μL", "300-8"),  # a range with its commas
        ("残量 120-5 mL", "120-5"),  # a measure
        ("L4-5 間の狭窄、C5-6", "4-5"),  # vertebrae
        ("採血 100-150 で推移", "100-150"),  # a range runs upwards
        ("肝S8 に 12 mm、S7/8", "S8"),  # a liver's segment
        ("1・2・3 の順に", "1・2・3"),  # a list, not a date
        ("処方 3錠 分3", "3"),
        ("R7. 9. 20 〜 9. 5mg", "9. 5"),  # a dose after a date's range mark
        ("average 4l", "4l"),
        ("尿量（目標） 1000-1500 mL/日", "1000-1500"),  # a range with its unit after a remark
        ("TE=600/1510:00", "1510"),
    ],
)
def test_look_alikes_of_dev21_to_dev28(text, value):
    assert value not in values(text)


def test_a_chair_model_and_a_count_of_beds_are_no_places():
    assert found("coded-place", "EVAC+CHAIR 300H、Chair: 4") == ["4"]
    assert found("coded-place", "空床2ベッド、２Ｂベッド") == ["２Ｂ"]


def test_a_symbol_and_number_need_their_label():
    assert found("symbol-number", "比 12-345 / 987") == []
    assert found("symbol-number", "記号・番号 ４８３／１２０５７") == ["４８３", "１２０５７"]


def test_a_fiscal_year_needs_its_era():
    assert found("fiscal-year", "2026年度 の予算、9年度") == []
    assert found("fiscal-year", "平成元年度卒") == ["平成元年度"]


def test_a_room_and_bed_stand_alone():
    assert found("coded-place", "K672-2、3,300-8、120-5 mL、v1.312-1、312-1") == ["312-1"]


def test_device_codes_are_no_chairs_or_beds():
    text = "H-05（C3P-0710284）、カメラ：C-07、エラー 7件（E-02 体動）、・原田さん（C-08）"
    assert found("seat-number", text) == ["C-08"]


def test_a_ward_and_room_is_no_address_or_marker():
    assert found("coded-place", "札幌市中央区北1条西2-3、TS-1 内服、IL-6 高値、CA-125") == []
