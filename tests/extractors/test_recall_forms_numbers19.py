"""Numbers of the nineteenth round (blind-dev35..40): weekdays after a blank, a fax header's short year,
scanned dates on a letter-spaced line, a child's years and months, ages after a register's birth date,
insurance cards' symbols.

Each form with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, found, masked_as, values


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Date\tCensus\n11/17 Mon\t38\t2\t1", "11/17 Mon"),
        ("11/3 Sun. 当直 岡部", "11/3 Sun."),
        ("次回 11/23 Sunday 再診", "11/23 Sunday"),
        ("受：浅野\n\n1/13（月・祝）\n 10:05 長嶺 フミ", "1/13（月・祝）"),
        ("H22.2.11 (祝)　当番 土屋", "H22.2.11 (祝)"),
    ],
)
def test_a_weekday_or_a_holiday_goes_with_its_date(text, date):
    assert date in masked_as("OTHER_DATE", text)


def test_a_word_after_a_date_is_no_weekday():
    assert masked_as("OTHER_DATE", "3/4 Monitor 装着") == ["3/4"]
    assert masked_as("OTHER_DATE", "3/4 Sunlight 浴") == ["3/4"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("──────┐\n '96 05/13 14:02 ﾋｶﾞｼﾆﾎﾝ ｸﾘﾆｯｸ", "'96 05/13"),
        ("判読不能との連絡あり)            '94 03/28 13:10 P.01", "'94 03/28"),
        ("\u3000\u3000\u3000\u300095 11/20 8:36 ｱﾂﾞﾐﾉ ｸﾘﾆｯｸ", "95 11/20"),
        ("95 11/20 8:36 ｱﾂﾞﾐﾉ ｸﾘﾆｯｸ", "95 11/20"),
    ],
)
def test_a_fax_header_writes_its_year_short_before_the_date(text, date):
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "HR 88 12/3 14:00 再検",  # a measure one blank before a date
        "SpO2 95 11/20 採血",
        "　　95 11/20 採血",  # bare, with no clock after it
    ],
)
def test_a_number_before_a_date_is_no_year(text):
    assert all(len(d) <= 5 for d in masked_as("OTHER_DATE", text))


def test_a_scanned_date_on_a_letter_spaced_line():
    assert "l/2l" in masked_as("OTHER_DATE", "振 込 ( 2/7 予 定 )\n連 絡 : l/2l 本 人 携 帯 (O9O-3")
    assert "1/21" in masked_as("OTHER_DATE", "連 絡 : 1/21 本 人 携 帯")


@pytest.mark.parametrize("text", ["1/2 本 服 用 す る", "1/4 本 ず つ 使 用", "2 本 服 用 す る"])
def test_a_count_of_bottles_stays_a_measure(text):
    assert masked_as("OTHER_DATE", text) == []


# --- ages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Sex: M   Age: 2y 7m   DOB: Jun. 14", "2y 7m"),
        ("児：ﾐﾔﾓﾄ ｶｲ（1y8m、M）", "1y8m"),
        ("Age: 1y11mo, weight 10 kg", "1y11mo"),
    ],
)
def test_a_childs_years_and_months_are_one_age(text, age):
    assert (age, "AGE") in balanced_masked(text)
    assert age in masked_as("AGE", text)


def test_a_dose_after_years_is_no_month():
    assert "12y" in masked_as("AGE", "12y 5mg 内服")
    assert all("mg" not in a for a in masked_as("AGE", "12y 5mg 内服"))


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("松尾 良子\u3000ﾏﾂｵ ﾖｼｺ\u3000女\u3000S31.9.9（38）\u3000杉並区阿佐谷北3-12-5", "38"),
        ("ﾝ ﾒｲﾘﾝ\u3000\u3000－\u3000女\u30001969.12.24（24）\u3000杉並区", "24"),
        ("小山 ゆうき\u3000ｺﾔﾏ ﾕｳｷ\u3000男\u3000H3.2.17（3）\u3000杉並区", "3"),
    ],
)
def test_an_age_in_brackets_after_a_registers_sex_and_birth_date(text, age):
    assert age in found("bare-age", text)


@pytest.mark.parametrize(
    "text",
    [
        "採血 2024.11.5（3）本",  # no sex before the date
        "女\u30002029.11.5（30）",  # a year no record has lived to
        "担当 男\u3000S60.1.1（300）",
    ],
)
def test_a_number_in_brackets_after_a_date_without_a_registers_row(text):
    assert found("bare-age", text) == []


# --- insurance cards ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("国民健康保険（保険者番号 150052）\u3000記号 長02 番号 113874", "長02"),
        ("保険者番号 31130219\n\u3000\u3000記号 公立小\u3000番号 540912\u3000枝番 0", "公立小"),
    ],
)
def test_a_cards_symbol_between_its_label_and_the_numbers(text, symbol):
    assert symbol in masked_as("OTHER_ID", text)


def test_a_kana_symbol_after_the_joined_label_is_one_value_with_its_number():
    text = "被保険者証 記号・番号 ｺｳﾄｳ 5・1182\n"
    assert found("symbol-number", text) == ["ｺｳﾄｳ 5・1182"]
    assert "ｺｳﾄｳ 5・1182" in values(text)


@pytest.mark.parametrize("text", ["記号 なし 番号 1234567", "記号・番号 不明\n番号 12", "記号 番号 は裏面"])
def test_no_symbol_where_the_card_says_none(text):
    assert [v for v in found("symbol-number", text) if not v.isdigit()] == []


def test_the_kind_of_a_national_insurance_is_no_symbol():
    assert found("symbol-number", "国民健康保険\u3000記号 町国 番号 3381") == []


# --- rooms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("リスパダ―ル 0.5mg 頓用 x1 2l:OO\n3O8 森 重雄 様 夜間せん妄つづく", "3O8"),
        ("3O5 竹田 様 血糖 ll時 48 mg/dl", "3O5"),
        ("○ 2O3 ﾅｶﾞｵｶ ﾄﾒ (M44.", "2O3"),
        ("|O:l0 | 7l1 吉永 サ卜 様 ( 94 ) 呼吸 浅い", "7l1"),
    ],
)
def test_a_scanned_room_before_a_name(text, room):
    assert room in masked_as("OTHER_ID", text)


def test_a_scanned_measure_before_a_name_is_no_room():
    assert masked_as("OTHER_ID", "血圧 1l0 山田さん") == []


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("78歳 女性 肺炎疑い、312に入ります。佐々木 トミさん", "312"),
        ("経過観察入院で４東４１２へ上がりました", "４１２"),
        ("提出。701 空床→本日 13時 入院予定", "701"),
    ],
)
def test_a_room_a_patient_goes_into_or_left_empty(text, room):
    assert room in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["血糖 300に上がる", "BS 250に入る", "生食100に入れて溶解", "2024に入ります"])
def test_a_value_reaching_a_number_is_no_room(text):
    assert masked_as("OTHER_ID", text) == []


# --- a host's printout ----------------------------------------------------------------

_PRINTOUT = (
    "ｶﾝｼﾞｬNO  ｶﾅｼﾒｲ              ﾈﾝﾚｲ ｾｲ ｼﾝﾘｮｳﾋﾞ   ﾐｼｭｳｶﾞｸ  ﾄｸｿｸ ﾃﾞﾝﾜ\n"
    "--------------------------------------------------------------------\n"
    "00441203 ﾀｶﾂｷ ﾉﾘｵ          058  1  06/08/22    18,430   02  0859-22-7714\n"
    "00510877 ｶﾜﾊﾞﾀ ｻﾁｺ         074  2  06/09/03     2,970   01  0859-33-1098\n"
)


def test_a_sex_code_under_its_column_name_when_a_name_of_two_words_shifts_the_row():
    assert masked_as("SEX", _PRINTOUT) == ["1", "2"]


def test_codes_under_other_columns_of_the_printout_stay():
    ids = masked_as("OTHER_ID", _PRINTOUT) + masked_as("SEX", _PRINTOUT)
    assert "02" not in ids and "01" not in ids


def test_a_header_of_kanji_over_half_width_names_is_read_in_order_not_on_screen():
    text = (
        "ID        氏名            性別 年齢 回数 救急車 最終受診\n"
        "10288431  大石 直人        M   47   18    12    2025/10/30\n"
        "10311907  ｸﾗﾀ ﾐﾕｷ        F   33   15     3    2025/11/01\n"
    )
    assert "15" not in masked_as("AGE", text)
