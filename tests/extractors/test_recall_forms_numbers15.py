"""Device and item numbers, month-days before a time, scanned full-width dates and spaced month-days of
blind-dev17 to blind-dev20's forms, and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.recognizer import Document, get
from tests.extractors.recall_probes import covered, masked_as, values


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("OTHER_ID", "接続端末：ノートPC（MAC 3C:22:FB:91:0A:7E）、スマートフォン", "3C:22:FB:91:0A:7E"),
        ("OTHER_ID", "device 00-1A-2B-3C-4D-5E registered", "00-1A-2B-3C-4D-5E"),  # hyphens between pairs
        ("OTHER_ID", "10:20 wheelchair #W14 (Nissin NA-F4", "W14"),  # an item lent, after #
        ("OTHER_ID", "Loan: #WC-30 (lightweight)", "WC-30"),
        ("OTHER_ID", "払戻申請書　　No. TV-R 0045213\n", "TV-R 0045213"),  # a slip's series and number
        ("OTHER_DATE", "date  | time  | room\n06-10 | 10:05 | 912\n", "06-10"),  # a log's row: month-day, time
        ("OTHER_DATE", "next review 02-10 9am", "02-10"),
        ("OTHER_DATE", "bed 4N-17 pcr 02-05 neg, day5 pcr 02-08 pos", "02-08"),  # a month padded with its zero
        ("OTHER_DATE", "資格取得日\u3000２O２６．O９．O１\n", "２O２６．O９．O１"),  # full-width, scanned
        ("BIRTH_DATE", "生年月日\u3000１９９０．０６．ｌ９\n", "１９９０．０６．ｌ９"),
        ("OTHER_DATE", "ﾌﾝｼﾂﾋﾞ: 2024.9.2 5 ｺﾞﾛ\n", "2024.9.2 5"),  # a stray space inside the day
        ("OTHER_DATE", "経年劣化と判断、ll/ l6 課長 確認", "ll/ l6"),
        (
            "AGE",
            "OKONKWO, Chidi\u3000M\u300045 y\n国籍：",
            "45 y",
        ),  # years after a sex letter set apart  # a scanned month-day, a space after /
    ],
)
def test_forms_of_dev17_to_dev20(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("RR 12-20 / min, BP 120-80", "12-20"),  # a range with no clock after it
        ("ASA #2, Fr #8 catheter", "2"),  # an item number alone after #
        ("比率 1/ 2 に減量", "1/ 2"),  # a ratio with real digits is not closed up
        ("2024.9.2 5件の報告", "2024.9.2 5"),  # a count after a date keeps its space
        ("No. 2 5mg", "2 5"),
        ("腫瘤 05-08 mm、01-02 回", "05-08"),  # a padded range with its unit
        ("腫瘤 05-08 mm、01-02 回", "01-02"),
        ("RR 12-20、grade 1-2", "12-20"),  # a range without zeros
        ("記号 左-2.5 の欄", "左-2"),  # a decimal is no series
        ("ベッド 1200-30 度挙上", "1200-30"),  # no room has a bed numbered past 99
        ("AF 3 y ago, paroxysmal", "3 y"),  # a duration after a diagnosis's letters
    ],
)
def test_look_alikes_of_dev17_to_dev20(text, value):
    assert value not in values(text)


def test_item_codes_alone():
    found = get("item-code").find(Document("MAC 3C:22:FB:91:0A:7E, 12:30:45:10:20:30, #C5 and #3"))
    texts = ["MAC 3C:22:FB:91:0A:7E, 12:30:45:10:20:30, #C5 and #3"[c.start : c.end] for c in found]
    assert texts == ["3C:22:FB:91:0A:7E", "C5"]  # six groups of digits alone may be a clock's log, no letter


def test_a_time_is_no_mac_address():
    assert "10:05:33" not in masked_as("OTHER_ID", "at 10:05:33 the alarm")


CSV_EXPORT = (
    "seq,ts,ward,room,pt_id,pt_name,items,amount\n"
    "1,2024-10-12T09:48,5E,503,30211842,ISHIGURO TOSHIO,newspaper,160\n"
    "2,2024-10-12T09:55,5E,510,30215007,MIYAGI SHIGENOBU,tea x2,300\n"
)
ALARM_EXPORT = "ts,room,bed,tag_id\n2026-09-05T19:03:11,712,A,T-7A-0042\n2026-09-06T02:15:09,716,B,T-7A-0051\n"


@pytest.mark.parametrize(
    "text, value",
    [(CSV_EXPORT, "510"), (ALARM_EXPORT, "716"), (ALARM_EXPORT, "B")],  # a room column, a bed letter column
)
def test_rooms_and_beds_down_a_csv_column(text, value):
    # 712 after a timestamp with seconds may be read as its milliseconds; masked either way.
    assert covered(value, values(text))


def test_csv_columns_of_other_fields_stay():
    found = get("csv-room-column").find(Document("drug,dose,count,route\naspirin,100,3,po\n" + "x,1,2,iv\n"))
    assert found == []  # no field names a room or a bed
    rows = "room,dose,count\n501,100,3\nsummary text, not a row\n12,5,6\n"
    spans = [rows[c.start : c.end] for c in get("csv-room-column").find(Document(rows))]
    assert spans == ["501"]  # the table ends at the first line with other commas


def test_kana_times_alone():
    text = "ｺﾞｺﾞ 2ｼﾞ30ﾌﾟﾝ、9ｼﾞ15ﾌﾝ、ﾃﾝﾃｷ 3ｼﾞｶﾝ、ゴゼン10ジ"
    spans = [text[c.start : c.end] for c in get("keyed-time").find(Document(text))]
    assert spans == ["ｺﾞｺﾞ 2ｼﾞ30ﾌﾟﾝ", "9ｼﾞ15ﾌﾝ", "ゴゼン10ジ"]  # three hours (ｼﾞｶﾝ) are a length of time


@pytest.mark.parametrize(
    "text, found",
    [
        ("• Room 7 Fumiko Hirano – cut\n• Ms Grace Wong, room 5 – wash & set", ["7", "5"]),
        ("32y M  Rm 605  bed 2", ["605"]),
        ("Location: CT room 2 (Aquilion ONE)", []),  # a room named for its use
        ("Exam Room 3, meeting room 1, operating room 4", []),
        ("10:30, 婦人科 2F, Room 6\n", []),  # a clinic's room on its floor
        ("Room 6 on the 2F", []),
    ],
)
def test_latin_rooms(text, found):
    assert [text[c.start : c.end] for c in get("latin-room").find(Document(text))] == found
