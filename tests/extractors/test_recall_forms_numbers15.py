"""Device and item numbers, month-days before a time, scanned full-width dates and spaced month-days of
blind-dev17 to blind-dev20's forms, and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.recognizer import Document, get
from tests.extractors.recall_probes import masked_as, values


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
        ("OTHER_DATE", "資格取得日\u3000２O２６．O９．O１\n", "２O２６．O９．O１"),  # full-width, scanned
        ("BIRTH_DATE", "生年月日\u3000１９９０．０６．ｌ９\n", "１９９０．０６．ｌ９"),
        ("OTHER_DATE", "ﾌﾝｼﾂﾋﾞ: 2024.9.2 5 ｺﾞﾛ\n", "2024.9.2 5"),  # a stray space inside the day
        ("OTHER_DATE", "経年劣化と判断、ll/ l6 課長 確認", "ll/ l6"),  # a scanned month-day, a space after /
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
