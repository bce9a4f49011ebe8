"""recall-first on times, ages, dates, phones, identifiers and rooms written in forms the patterns refuse (session 8),
and the clinical look-alikes each mechanism must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


def _covered(value: str, spans: list[str]) -> bool:
    """Is ``value`` inside one of the masked values (a rule may have taken a little more: 61Y)?"""
    return any(value in span for span in spans)


# --- times after key= and an hour's band ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, times",
    [
        ("t_call=14:47 t_takeoff=14:51 t_scene=15:08", ["14:47", "14:51", "15:08"]),
        ("start=09:05; end=10:40:12", ["09:05", "10:40:12"]),
        ("開始＝13:20　終了＝14:05", ["13:20", "14:05"]),
        ("received=7:45 by night shift", ["7:45"]),
    ],
)
def test_times_after_a_key_and_equals(text, times):
    assert found("keyed-time", text) == times
    for time in times:
        assert _covered(time, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "I:E=1:2、PEEP 5",
        "ANA titer=1:40 (speckled)",
        "dilution=1:10",
        "ratio=2:1",
        "elapsed=00:41:12",
        "duration=01:30",
        "finished, rows=18244, elapsed=00:41:12",
    ],
)
def test_ratios_titers_and_durations_after_equals_stay(text):
    assert found("keyed-time", text) == []


@pytest.mark.parametrize(
    "text, time",
    [
        ("Injury Dec 1, 2026 ~2300 — flame (kerosene heater)", "2300"),
        ("seen at 0300 by the night team", "0300"),
        ("called @ 1400", "1400"),
        ("arrival 0910 hrs", "0910"),
    ],
)
def test_four_digit_clock_times_english_notes_write(text, time):
    assert found("keyed-time", text) == [time]


@pytest.mark.parametrize(
    "text",
    ["1000〜1200 mL", "3000 ~ 1200", "WBC ~1200", "~2025年", "at 1200 mL", "at 2400", "3時方向に腫瘤", "22時台に発熱"],
)
def test_ranges_counts_years_amounts_and_clock_positions_stay(text):
    assert found("keyed-time", text) == []


# --- ages without a unit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, age",
    [
        ("O'BRIEN, Patrick (オブライエン パトリック)  age 67\naddress  : Minato-ku", "67"),
        ("name=ROSSI^MARCO; sex=M; age=61Y; ward=HCU;", "61"),
        ("SEX : M   AGE : 58Y   WARD : 4E", "58"),
        ("ﾌﾘｶﾞﾅ　ﾁﾝ ﾒｲﾘﾝ\n生年月日　1994年3月17日（32）\n住所　　　川崎市", "32"),
        ("DOB: 1951-06-18 (72)  Surgeon", "72"),
        ("今泉 倫太郎 S45.7.22生（56）", "56"),
        ("|20:05|森永|Kim Ji-woo|88女 呼吸不全|港北ﾊｰﾄｸﾘﾆｯｸへ|", "88"),
        ("・74 男 転倒歴あり", "74"),
        ("「相模原市緑区の会社員 男性（34）が搬送された」", "34"),
        ("whether Mr. Paul Hendricks, 58, a tourist injured at Hakone", "58"),
        ("相談者：患者本人 Sophie Martin（フランス国籍、41 ans）", "41 ans"),
        ("Nguyễn Văn An, 67 tuổi, đau bụng", "67 tuổi"),
    ],
)
def test_ages_without_a_unit_where_their_place_says_so(text, age):
    assert age in found("bare-age", text)
    assert _covered(age, _of("AGE", text))


@pytest.mark.parametrize(
    "text",
    [
        "gestational age 32 weeks",
        "bone age 10 years",
        "average 67",
        "stage 3",
        "家族：2男1女",
        "参加者 計 30 男 18 女 12",
        "雑誌名：Chest　巻(号)：164(3)　頁：712-725",
        'SCAN gs1="(01)04987350412286(17)290630(10)AB2291"',
        "女性（2名）が付き添い",
        "Mr. Smith, 2020, said",
        "検査日 2026年12月1日（3）回目",
        "douleur depuis 2 ans",
        "il y a 3 ans",
        "1,5 ans",
    ],
)
def test_counts_volumes_codes_and_clinical_ages_stay(text):
    assert found("bare-age", text) == []


# --- dates of record: a year alone, a year and month, a relative year, spaced digits ---------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("serial fundus photos since 2008.", "2008"),
        ("T2DM diagnosed in Nepal in 2015, on metformin", "2015"),
        ("Allergy: latex (anaphylaxis 2015), cefazolin OK", "2015"),
        ("high myope, LASIK hx (2012) -> Barrett", "2012"),
        ("米国 ABTS board certification（2014）、日本での", "2014"),
        ("英国 FRCR 2019取得。", "2019"),
        ("アレルギー：ヨード造影剤（2019 蕁麻疹）→ 前投薬", "2019"),
        ("「来年2月の孫の結婚式までに」", "来年2月"),
        ("昨年11月に転倒", "昨年11月"),
        ("    03 1 9 9 2 / 0 3 / 1 7（スペース混入）", "1 9 9 2 / 0 3 / 1 7"),
        ("follow-up seen on Dec. 4th by Dr. K", "Dec. 4th"),
        ("admitted the 4th of December", "4th of December"),
        ("surgery Sept. 2nd", "Sept. 2nd"),
        ("次回は4日（金）に来院", "4日（金）"),
        ("８日(月)午前に再診", "８日(月)"),
    ],
)
def test_dates_of_record_the_date_patterns_do_not_read(text, date):
    assert date in found("event-year", text)
    assert _covered(date, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "手術安全チェックリスト（WHO 2009 準拠）",
        "仙骨部褥瘡 DESIGN-R 2020 d2-e1s6i0g1n0p0",
        "嚥下調整食 学会分類2021 コード3",
        "学会提言(2021)を提示",
        "大腸癌取扱い規約 第9版（2018）付録",
        "Am J Surg Pathol. 2008;32(10):1429-1443.",
        "Scorer AASM v3 (2023)",
        "below phototherapy line per 2022 JSPN chart",
        "GIOP guideline 2023 score 5",
        "様式CP-1（2024改訂）",
        "in 20 patients",
        "birth weight 2010, length 45 cm",
        "任期満了（今年度末）に伴い",
        "院内NAS \\\\woc-nas01\\photo\\2025\\",
        "Mayo 4th clinic",
        "the 4th month of treatment",
        "Marketing 4th floor",
        "3日間（月）",
        "28日分",
    ],
)
def test_years_of_guidelines_editions_citations_and_paths_stay(text):
    assert found("event-year", text) == []


# --- extensions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("原因：病棟電話 4120 番の転送設定ミス", "4120"),
        ("PHS 7712番へ連絡", "7712"),
        ("記録中の当直医 PHS 番号（7712）→ マスキング", "7712"),
        ("問合せ：施設管理課 内線 2455 / 夜間 中央監視室 2400\n", "2400"),
        ("PHS 7123、7124", "7124"),
        ("内線：2455（夜間は 2400）", "2400"),
        ("担当 ＰＨＳ ７１２３", "７１２３"),
        ("ピッチ 7123 に連絡", "7123"),
        ("院内携帯 7123", "7123"),
        ("on-call pager #4471", "4471"),
        ("放射線科（内線）2455", "2455"),
    ],
)
def test_extensions_by_ban_in_brackets_and_listed(text, number):
    assert number in found("extension-number", text)
    assert _covered(number, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "電話 2 回あり",
        "内線 2455 / 患者 3 名",
        "内線 2455（3 回）",
        "内線3321、4時間後に再診",
        "TEL 03-1234-5678 / 2400",
        "電話番号 3 番目",
        "ピッチ 3 回鳴った",
        "Pager 10 分後",
    ],
)
def test_counts_after_a_phone_word_stay(text):
    assert found("extension-number", text) == []


# --- identifiers in loose digit groups ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ('Tube barcode T 6612 0094 3 -- label name "SILVA"', "T 6612 0094 3"),
        ("YOSHIDA Ichiro, chart 00 2207 05, DOB 12 Feb 1951", "00 2207 05"),
        ("MRN 88 120 431\nIndication", "88 120 431"),
    ],
)
def test_digit_groups_of_any_length_with_seven_digits(text, value):
    assert value in found("identifier-shape", text)
    assert _covered(value, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "NRS 0 1 2 3 4 5 6 7 8 9 10",
        "BP 120 80",
        "Se 3 Im 120 45 22",
        "score 1 2 3 4 5.",
        "1 2 3 / 4 5 6",
        "HR 88 92 90 86 84",
        "NRS 3 4 5 4 3 2 2",
        "経過 3 4 5 4 3 2 2",
    ],
)
def test_scales_readings_and_image_numbers_are_no_groups(text):
    assert all(" " not in v for v in found("identifier-shape", text))


# --- pairs the allow-list took for ranges --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Images: OCT Cirrus 5000 (SN 5000-21477), last exam", "5000-21477"),
        ("ｶﾝｼﾞｬ ﾊﾞﾝｺﾞｳ: 2207-5518\nｵﾅﾏｴ", "2207-5518"),
        ("対象か確認 → 受給者証番号 3480-22910 提示予定。", "3480-22910"),
        ("隣接ブースで採血の 古川 翼 様（4410-873）と同姓。", "4410-873"),
    ],
)
def test_serial_and_chart_pairs_and_falling_pairs_are_numbers(text, value):
    assert _covered(value, values(text))


@pytest.mark.parametrize(
    "text",
    [
        "Plt 152  10^3/uL  158-348",
        "目標 400-600",
        "倫理審査承認番号 2025-117",
        "Target FBG 100-130 mg/dL",
        "頁：712-725",
        "WBC 基準 3300-8600",
    ],
)
def test_real_ranges_and_study_numbers_stay(text):
    assert [v for v, c in masked(text) if c == "OTHER_ID"] == []


# --- rooms and marks of record --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, room",
    [
        ("・保護室 2 使用中の N.K. 氏は", "2"),
        ("10/7 入棟、個室5\n", "5"),
        ("隔離室 5O8 分 別梱包", "5O8"),
        ("041 08:55 Mrs. Lindqvist, Karin      5W / 511     Yamato", "511"),
        ("13:30 花房 つばさ ちゃん         小児病棟 / 305 佐川", "305"),
    ],
)
def test_rooms_by_their_kind_and_after_a_ward(text, room):
    assert room in _of("OTHER_ID", text)


@pytest.mark.parametrize("text", ["個室 2室を確保", "差額ベッド代（個室 11,000円/日）", "個室 3日間", "保護室 2名"])
def test_counts_and_prices_after_a_room_word_stay(text):
    assert _of("OTHER_ID", text) == []


def test_bare_rooms_on_a_floor_the_document_shows():
    text = (
        "担当者            受け持ち（部屋・患者）\n"
        "志賀 遥（助産師）   501 佐伯 優花（産褥2日）、502 Rahman（術後3日）\n"
        "日比野 綾           505 木之下 彩（退院日）  506：10:00 NST\n"
        "※ 看護必要度 A得点2点以上の患者：506、502\n"
        "5階西 508号室 新規入院、補聴器 Siemens Pure 512 持参、輸液 500 mL、尿量 520 、血糖 530"
    )
    rooms = _of("OTHER_ID", text)
    for room in ("501", "502", "505", "506", "508"):
        assert room in rooms
    assert not {"512", "500", "520", "530"} & set(rooms)


def test_a_kanji_series_mark_after_its_label():
    text = "保険者：○○市国民健康保険  記号 市国-38 番号 0071642"
    assert "市国-38" in found("labelled-number", text)


# --- dates and times written in words: hiragana units, kanji numerals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("うまれた日: 12がつ16にち  ごご 1じ05ふん", "12がつ16にち"),
        ("うまれた日: 12がつ16にち  ごご 1じ05ふん", "ごご 1じ05ふん"),
        ("よていび　１がつ２２にち", "１がつ２２にち"),
        ("3じ15ふんに おきた", "3じ15ふん"),
        ("令和八年十二月四日午後二時三十分死亡", "午後二時三十分"),
        ("十四時五分 家族到着", "十四時五分"),
        ("午前十時半に来院", "午前十時半"),
    ],
)
def test_dates_and_times_in_hiragana(text, value):
    assert value in found("hiragana-date", text)
    assert _covered(value, values(text))


@pytest.mark.parametrize("text", ["3じかん ねた", "1がつ に", "2じ", "一時中断", "二時間後", "十時方向"])
def test_hiragana_durations_and_bare_months_stay(text):
    assert found("hiragana-date", text) == []


# --- telephone numbers with a kana keyboard's dash --------------------------------------------------------


@pytest.mark.parametrize(
    "text, phone",
    [
        ("連絡先：０９０ー１２３４ー５６７８", "０９０ー１２３４ー５６７８"),
        ("ｹｲﾀｲ 090ｰ1234ｰ5678", "090ｰ1234ｰ5678"),
        ("mobile 090.1234.5678", "090.1234.5678"),
        ("自宅 03・3456・7890", "03・3456・7890"),
    ],
)
def test_phones_with_a_long_vowel_mark_or_dots_for_dashes(text, phone):
    assert found("dash-phone", text) == [phone]
    assert (phone, "PHONE") in masked(text)


@pytest.mark.parametrize("text", ["ver 0.12.345", "0.5ー1.0ー2.0", "00ー1234ー5678", "090ー1234ー56789", "0ー1ー2"])
def test_versions_decimals_and_wrong_lengths_are_no_phones(text):
    assert found("dash-phone", text) == []


def test_a_year_and_month_before_a_sentences_full_stop_is_read_by_short_date():
    assert "2031-12" in found("short-date", "Agreed on 2026-12-02. Next review 2031-12.")
    assert not found("short-date", "firmware 2024-03.1")
