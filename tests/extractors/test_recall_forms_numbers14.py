"""Identifier columns, care-unit beds, ages in months, log numbers and schedule dates of blind-dev11 to
blind-dev16's forms, and the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.recognizer import Document, get
from tests.extractors.recall_probes import masked_as, values

LEDGER = (
    "支払日        被験者ｺｰﾄﾞ  来院     金額      方法\n"
    "2026/07/10    302-0114    V3      7,000     振込\n"
    "2026/07/10    302-0121    V2      7,000     現金\n"
    "2026/08/21    302-0139    V1      7,000     振込\n"
    "\n"
    "監査メモ：302-0121 の V3 支払なしは適切。"
)
DRUG_LEDGER = (
    "日付          薬剤コード    数量     担当\n"
    "2026/07/10    612-0114      3        宍戸\n"
    "2026/07/11    612-0121      2        宍戸\n"
)


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("PATIENT_ID", LEDGER, "302-0114"),  # a column under a header of subjects' numbers
        ("PATIENT_ID", LEDGER, "302-0139"),
        ("OTHER_ID", "2/03  14:15  松尾 健吾 (PCU-07)   Mana", "PCU-07"),  # a palliative care unit's bed
        ("OTHER_ID", "子宮口 4cm 入院（LDR2）", "LDR2"),  # a delivery room
        ("OTHER_ID", "18:50入院 L-3\n", "L-3"),  # a bed after admission
        ("OTHER_ID", "入所日 平成30年4月9日、居室 2階東-14\n", "2階東-14"),  # a room by floor, wing and number, whole
        ("AGE", "月齢 2か月（修正0か月）", "2か月"),  # an infant's age in months
        ("AGE", "月齢 2か月（修正0か月）", "0か月"),  # corrected for a preterm birth
        ("AGE", "・小松 湊：修正4か月、首すわり良好", "4か月"),
        ("AGE", "\u300078M\u3000誤嚥性肺炎後の廃用", "78"),  # an age opening a line, the sex glued
        ("OTHER_ID", "9時58分 男性ランナー ｾﾞｯｹﾝ 5521、梁 成民", "5521"),  # a race bib
        ("OTHER_ID", "15:09 #1034 Sarah K. Whitfield", "#1034"),  # a number opening an entry after its time
        ("OTHER_ID", "K. Yamanouchi (member #0412) tripped", "#0412"),
        ("OTHER_ID", "患者：Y.H.（70代・男）／ID末尾 ...88\n", "88"),  # the tail of an identifier
        ("PHONE", "葬儀社へ連絡済、090-4 4 1 8-2 2 0 3 妻携帯", "090-4 4 1 8-2 2 0 3"),  # one digit to a box
        ("TIME", "- 1030 訪問 ｵｵﾆｼ\n- 1400 母子手帳 再交付\n- 1530 市医師会 打合せ", "1530"),  # a day's schedule
        ("OTHER_DATE", "schedule: day 0 (08-04), day 7 (08-11), day 21-28 (by 09-01)", "08-11"),
        ("OTHER_DATE", "schedule: day 0 (08-04), day 7 (08-11), day 21-28 (by 09-01)", "09-01"),
        ("OTHER_DATE", "再TEL 5分毎 → 来院\n1/1O\n 0:25 近藤 夏帆さん", "1/1O"),  # a scanned date opening a line
        ("OTHER_DATE", "職員No. S-l0 3981\n6/ll 昼 A定食", "6/ll"),
        ("OTHER_ID", "職員No. S-l0 3981\n6/ll 昼 A定食", "S-l0 3981"),  # a lettered prefix before spaced groups
        ("OTHER_ID", "令和8年2月6日付 船障第2281号にて照会のありました", "船障第2281号"),  # a reference after its date
        ("AGE", "性 別 M   年 齢 4l\n所 属 救急外来", "4l"),  # a scanned 41 after the word for age, not litres
        (
            "OTHER_DATE",
            "同日 後方固定術。\n令和7年8月4日回復期リハ病院へ転院。",
            "令和7年8月4日",
        ),  # glued before a facility
    ],
)
def test_forms_of_dev11_to_dev16(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("PCU 3日間の滞在。LDR 2室が空き。", "3"),  # counts after a unit's letters
        ("腰椎 L3-4 の狭窄、入院時 CT-1 室。", "L3-4"),  # a vertebral level
        ("修正後3か月で再評価", "3か月"),  # a period, not an age
        ("12F\u3000ロビーで待機", "12"),  # a floor
        ("- 1500 mL 飲水\n- 1200 kcal 食事", "1500"),  # amounts in a list
        ("- 1030 訪問\n本日の予定", "1030"),  # one item alone is no schedule
        ("会員数 120名。ゼッケン 2枚配布", "2"),  # a count of bibs
        ("RR (12-20), BP 120-80 (10-12)", "10-12"),  # a range in brackets
        ("心電図 5.2 V3 誘導", "5.2"),  # a voltage-like value before a lead stays a value
        ("No. A-2 5mg\n", "A-2 5"),  # a dose after a code is no group of it
        ("4月1日付 第2版を配布", "第2版"),  # an edition after a date is no reference number
        ("飲水 4l/日、年齢 45", "4l/日"),  # litres stay a measure away from the word for age
    ],
)
def test_look_alikes_of_dev11_to_dev16(text, value):
    assert value not in values(text)


def test_a_column_of_a_things_code_is_no_persons():
    # 薬剤コード: no person's word in the header, so the column is not read as anyone's number.
    assert get("id-column").find(Document(DRUG_LEDGER)) == []


def test_one_row_under_a_header_is_no_column():
    text = "支払日        被験者ｺｰﾄﾞ  来院\n2026/07/10    302-0114    V3\n"
    assert get("id-column").find(Document(text)) == []
