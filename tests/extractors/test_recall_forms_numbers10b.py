"""recall-first on numbers, dates, ages and rooms of the tenth round, second part: edges, eras, extensions."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked_as, values


@pytest.mark.parametrize(
    "text, date",
    [
        ("前回 10.5（月）受診", "10.5（月）"),
        ("seen 11.9 (Mon) in clinic", "11.9 (Mon)"),
        ("先月20日に転倒", "先月20日"),
        ("来月の3日に再診", "来月の3日"),
    ],
)
def test_dotted_dates_with_a_weekday_and_days_of_a_month_in_words(text, date):
    assert date in found("relative-date", text)


@pytest.mark.parametrize("text", ["退院時（または毎月末締め、翌月10日）までに支払い", "2-3日で改善", "先月 3日間 入院"])
def test_month_word_look_alikes_stay(text):
    assert found("relative-date", text) == []


@pytest.mark.parametrize(
    "text, date",
    [("10〜12月に通院", "10〜12月"), ("12月上旬～中旬に", "12月上旬～中旬"), ("令和6年春頃から", "令和6年春")],
)
def test_range_starts_and_parts_of_months(text, date):
    assert covered(date, values(text))


def test_an_age_scanned_one_box_apart_after_its_word():
    assert found("bare-age", "氏名 坂井 典子      年齢 6 2  性別 女") == ["6 2"]
    assert found("bare-age", "年齢 6 2 3 4") == []  # a row of digits, not an age


@pytest.mark.parametrize("text, time", [("22時台 外科病棟から発熱コール", "22時台"), ("3時過ぎに来院", "3時過ぎ")])
def test_an_hour_keeps_its_band_word(text, time):
    assert time in masked_as("TIME", text)


def test_a_bed_letter_after_a_room_and_a_hyphen():
    assert "B" in masked_as("OTHER_ID", "54歳　男　712号室-B\n固定器")


def test_an_extension_read_by_the_rules_is_not_proposed_again_but_its_repeats_are():
    from phi_core.extractors.recognition.recognizer import Document, recognizer_class

    text = "内線 2455 へ。夜間も 2455 で受ける。"
    spans = [(c.start, c.end) for c in recognizer_class("extension-number")().find(Document(text))]
    repeat = text.index("2455", 8)
    assert spans == [(repeat, repeat + 4)]


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("電話 ０ ８ ０ － ７ ７ １ ２ － ４ ４ ０ ９", "０ ８ ０ － ７ ７ １ ２ － ４ ４ ０ ９", "PHONE"),
        ("受付 １ ５ ： ４ ０", "１ ５ ： ４ ０", "TIME"),
    ],
)
def test_full_width_digits_typed_to_boxes(text, value, category):
    assert value in masked_as(category, text)


def test_full_width_scale_typed_to_boxes_stays():
    assert found("scan-damage", "評価 １ ２ ３ ４ ５") == []


@pytest.mark.parametrize(
    "text, bed",
    [
        ("Ward / Bed: Pediatrics 5A / A-12   Hospital ID: P-0041876", "A-12"),
        ("病棟／病室：5階東／512\n主治医", "512"),
    ],
)
def test_the_bed_after_the_slash_of_a_ward_and_bed_value(text, bed):
    assert bed in masked_as("OTHER_ID", text)


def test_a_slash_value_under_another_label_is_no_bed():
    assert masked_as("OTHER_ID", "Dose / Route: 500 mg / 2") == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("November 14th, she came back", "November 14th"),
        ("Nov. 3rd, 2026 visit", "Nov. 3rd, 2026"),
        ("11月14・15日に外泊", "11月14・15日"),
        ("外泊 11/14・15", "11/14・15"),
    ],
)
def test_ordinal_days_and_days_listed_under_one_month(text, date):
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize("text", ["the 4th floor", "3rd line therapy", "第3・4 回目"])
def test_ordinal_look_alikes_stay(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize("text, age", [("aged 37, she presented", "37"), ("aged 3 months", "3 months")])
def test_ages_after_aged(text, age):
    assert age in found("bare-age", text)


@pytest.mark.parametrize("text", ["aged 18-65 included", "aged 37.5", "aged care facility"])
def test_aged_look_alikes_stay(text):
    assert found("bare-age", text) == []


def test_an_hour_with_its_minutes_and_no_fun():
    assert "15時40" in masked_as("TIME", "15時40 来院")
    assert "15時40" not in masked_as("TIME", "15時40名 参加")


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("14:10〜50 実施", "14:10〜50", "TIME"),
        ("9-17時 受付", "9-17時", "TIME"),
        ("11月14日頃に転倒", "11月14日頃", "OTHER_DATE"),
        ("12月1〜5日 入院", "12月1〜5日", "OTHER_DATE"),
        ("予約 11.14 10:00", "11.14", "OTHER_DATE"),
        ("11.14 10:00 来院", "11.14", "OTHER_DATE"),
    ],
)
def test_short_range_ends_and_dotted_dates_before_a_time(text, value, category):
    assert value in masked_as(category, text)


@pytest.mark.parametrize("text", ["Cr 1.2 08:00", "BMI 22.5 10:00測定", "1-2時間 安静"])
def test_lab_values_before_a_time_are_no_date(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("2026−11−14 受診", "2026−11−14", "OTHER_DATE"),
        ("2026–11–14 受診", "2026–11–14", "OTHER_DATE"),
        ("受診日 2026 年 11 月 14 日", "2026 年 11 月 14 日", "OTHER_DATE"),
        ("令和 8 年 11 月 14 日 作成", "令和 8 年 11 月 14 日", "OTHER_DATE"),
        ("14 時 30 分 来院", "14 時 30 分", "TIME"),
        ("午後 2 時 来院", "午後 2 時", "TIME"),
    ],
)
def test_typeset_dashes_and_units_set_apart(text, value, category):
    assert value in masked_as(category, text)


@pytest.mark.parametrize("text", ["10–15 mg", "1 日 3 回 毎食後", "3 日 2 回", "ページ 1−3"])
def test_doses_and_counts_with_units_set_apart_stay(text):
    assert found("scan-damage", text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("令8.11.14 受診", "令8.11.14"),
        ("平30年4月から通院", "平30年4月"),
        ("ﾚｲﾜ8ﾈﾝ11ｶﾞﾂ14ﾆﾁ ｼﾞｭｼﾝ", "ﾚｲﾜ8ﾈﾝ11ｶﾞﾂ14ﾆﾁ"),
        ("(ﾚｲﾜ8/9/27ｾｲ) ｵﾝﾅ", "ﾚｲﾜ8/9/27"),
    ],
)
def test_eras_by_one_kanji_or_in_kana(text, date):
    assert date in found("relative-date", text)
    assert covered(date, values(text))


@pytest.mark.parametrize("text", ["大5.0 cm", "最大5.5 cm", "命令8.11", "平2.5mg"])
def test_era_kanji_look_alikes_stay(text):
    assert found("relative-date", text) == []


def test_a_room_by_its_kind_then_its_number_in_brackets():
    assert "512" in masked_as("OTHER_ID", "個室（512）へ移動")
    assert masked_as("OTHER_ID", "個室（1日 5,500円）") == []


def test_an_extension_after_a_number_sign():
    assert found("extension-number", "内線#1190 まで") == ["1190"]


@pytest.mark.parametrize("text", ["１／３ページ", "（２／２）", "３／５ 本目", "ページ １／３", "鉗子 ４／４ 回収"])
def test_full_width_pages_counts_and_full_marks_are_no_date(text):
    assert found("relative-date", text) == []


def test_a_clock_time_cut_at_its_colon_by_a_label_is_one_time_again():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.date_edges import extend_dates

    text = "Room: HCU-4　transferred: 12/7 06:30 (to 7E)"
    start = text.index("06:30")
    cut = [Candidate(start, start + 2, "OTHER_ID", 3), Candidate(start + 3, start + 5, "OTHER_ID", 3)]
    assert [(text[c.start : c.end], c.category) for c in extend_dates(text, cut)] == [("06:30", "TIME")]
    # Two numbers around a colon that make no time stay apart (a ratio, a score).
    text = "I:E 1:75 ratio"
    start = text.index("1:75")
    pair = [Candidate(start, start + 1, "OTHER_ID", 3), Candidate(start + 2, start + 4, "OTHER_ID", 3)]
    assert len(extend_dates(text, pair)) == 2


@pytest.mark.parametrize(
    "text, tail",
    [
        ("ID下4桁 2290 の方", "2290"),
        ("下2桁は 52 で一致", "52"),
        ("card ending in 4471", "4471"),
        ("last 4 digits 2290", "2290"),
    ],
)
def test_the_last_digits_given_by_their_count(text, tail):
    assert tail in found("identifier-shape", text)


@pytest.mark.parametrize("text", ["桁数 12", "3桁 100件", "last 3 days", "ending in 5 mg"])
def test_digit_counts_and_durations_stay(text):
    assert found("identifier-shape", text) == []
