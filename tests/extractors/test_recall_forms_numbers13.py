"""Times, ages, sex words, rooms and dates of blind-dev11 and blind-dev12's forms, and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked_as, values


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("TIME", "Date: Wed, 4 Mar 2026 14:07:33 +0900", "14:07:33"),  # a clock time with seconds
        ("TIME", "log 07:15:02 INFO sync", "07:15:02"),
        ("TIME", "ID=552 DATE=20260304 TIME=1407", "1407"),  # four digits after a time key
        ("AGE", "死亡日時 令和8年3月1日（享年 91）", "91"),  # the age at death
        ("AGE", "李 秀英さん（リ・シウイン、58）、乳癌術後", "58"),  # after a reading joined by a middle dot
        ("SEX", "ﾀﾅｶ ﾊﾅｺ　６８ｻｲ　ｵﾝﾅ", "ｵﾝﾅ"),  # a sex word in half-width kana
        ("SEX", "13歳　女子　中学1年", "女子"),
        ("OTHER_ID", "57歳　女　部屋 PCU-03", "PCU-03"),  # a room's code after the word for room
        ("OTHER_DATE", "Kim様が2024年の秋、来院", "2024年の秋"),  # a season after a year and の
    ],
)
def test_forms_of_dev11_and_dev12(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("所要時間 00:45:12", "00:45:12"),  # a length of time
        ("Date: Wed, 4 Mar 2026 14:07:33 +0900", "0900"),  # a time zone
        ("女子大学の学生相談", "女子"),
        ("男子 10名、女子 12名", "男子"),  # a count
        ("部屋 CT-1 で撮影", "CT-1"),  # an exam room by its modality
        ("2025年の状態", "2025年の"),
    ],
)
def test_look_alikes_of_dev11_and_dev12(text, value):
    assert value not in values(text)


def test_the_patient_card_word_alone_labels_the_patient_id():
    assert "3390-1127" in masked_as("PATIENT_ID", "診察券：3390-1127")
    assert "3390-1127" in masked_as("PATIENT_ID", "通院中の 76歳、診察券 3390-1127。自力で")


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("OTHER_DATE", "来院日　令 和 8 年 1 0 月 2 日　（V7", "令 和 8 年 1 0 月 2 日"),  # the era spaced out too
        ("TIME", "当直医に報告 → 翌朝 9 時に外来受診", "9 時"),  # an hour alone with a space before its unit
    ],
)
def test_spaced_dates_and_hours(category, text, value):
    assert value in masked_as(category, text)


def test_spaced_era_words_without_a_date_stay():
    assert values("令 和 の 時 代 に") == []


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("OTHER_DATE", " 3  01-Aug      16:30  35", "01-Aug"),  # a day and an English month, no year
        ("OTHER_DATE", "blister 5mm, healed by 07-Jul. pt asks", "07-Jul"),
        ("OTHER_ID", "整形外科病棟 418号室 B へ経過観察入院", "B"),  # a bed's letter one space after the room
        ("PHYSICIAN_NAME", "署名 池田恵理子　令和7年8月4日", "池田恵理子"),  # the date after a signature is no name
        ("OTHER_DATE", "署名 池田恵理子　令和7年8月4日", "令和7年8月4日"),
    ],
)
def test_forms_of_dev15(category, text, value):
    assert value in masked_as(category, text)


def test_month_ranges_and_ward_letters_stay():
    assert "Jan-Mar" not in values("trend Jan-Mar")
    assert "A" not in values("418号室 A棟")


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("TIME", "shave only, Nov 5 2 pm", "2 pm"),  # an hour of a 12-hour clock
        ("TIME", "next review 02-10 9am", "9am"),
        ("TIME", "seen at 10:30 a.m. today", "10:30 a.m."),
        ("DEPARTMENT", "2   7:40   5東→新6A            根津", "6A"),  # a ward code a patient moves to
        ("DEPARTMENT", "MRN: 00833902\nFrom: 5E room 512 bed B", "5E"),
        ("DEPARTMENT", "fw=2.08.4 unit=W7 fw", "W7"),
        ("OTHER_ID", "• 堤 仁様　510　シリンジポンプ", "510"),  # a room's number set apart after a name
    ],
)
def test_forms_of_dev17_and_dev18(category, text, value):
    assert value in masked_as(category, text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("MCH 30 pg, BNP 120 pg/mL", "30 pg"),  # picograms stay a unit
        ("grade 2 -> 3A", "3A"),  # an arrow alone does not make a ward
        ("佐藤様 120 / 80", "120"),
    ],
)
def test_look_alikes_of_dev17_and_dev18(text, value):
    assert value not in values(text)


@pytest.mark.parametrize(
    "category, text, value",
    [
        (
            "ADDRESS",
            "To: Ms Emily Clarke\n    Flat 3, 18 Heron Road, Leeds LS6 1QD, United Kingdom",
            "Flat 3, 18 Heron Road, Leeds LS6 1QD, United Kingdom",
        ),
        ("ADDRESS", "lives at 1200 Main St, Springfield, IL 62701", "1200 Main St, Springfield, IL 62701"),
        ("PATIENT_ID", "Thomas Clarke (patient no. HK 0031 7745), arrived", "HK 0031 7745"),
        ("OTHER_ID", "by EMS (tracking EN 402 117 908 JP) on 13 Feb.", "EN 402 117 908 JP"),
        ("PHONE", "次女 安藤 由美子 0 90-44 81-2270", "0 90-44 81-2270"),  # stray spaces in a phone
        ("BIRTH_DATE", "性別 M　　生年 S14（87歳）", "S14"),  # the year of birth alone
    ],
)
def test_addresses_identifiers_and_years_abroad_and_scanned(category, text, value):
    assert value in masked_as(category, text)


def test_street_words_and_spinal_levels_stay():
    assert values("gave 2 Court orders; dose 5 Ways") == []
    assert values("L4/5 狭窄、S1 神経根") == []
    assert values("no. 3 of 5 done") == []


@pytest.mark.parametrize(
    "category, text, value",
    [
        ("OTHER_DATE", "0091552  菅野 光代  MMG 1998 4枚", "1998"),  # the year of a past exam after its modality
        ("OTHER_DATE", "Mammography (CC/MLO, 4 films, 1999), 乳腺US", "1999"),
        ("PATIENT_ID", "患者：ヴォー ティ ラン様　24歳\nカルテ 8800-3126", "8800-3126"),  # the chart's word alone
        ("PATIENT_NAME", "娘さん同伴\nop: tkondo", "tkondo"),
        ("OTHER_ID", "利用者：知名 トシ 様（居室２０８）", "２０８"),  # a resident's room after 居室
    ],
)
def test_forms_of_dev19(category, text, value):
    assert value in masked_as(category, text)


def test_guidelines_years_and_chart_words_stay():
    assert values("WHO 2009 分類、カルテを確認") == []
