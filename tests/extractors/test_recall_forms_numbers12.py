"""recall-first on ages, sex codes, dates and identifiers written in forms the patterns refused (session 9):
bare ages beside a name or a birth date, a sex code on a line with an age field, an age column under a header
that names nothing else, dates glued to words or damaged by a scan, identifiers in groups; and the clinical
look-alikes each mechanism must leave alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked, masked_as, values

# --- ages and sex codes beside a name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, age, sex",
    [
        ("ｶﾝｼﾞｬ: Maria Santos Oliveira  (31)  ID 510-9O47", "31", None),
        ("患者：Sun Li（スン リー）／38／F　ID:61-471550", "38", "F"),
        ("4. NEW: Mendoza, Ricardo, 45 M, MRN 70-130982, Filipino", "45", "M"),
    ],
)
def test_age_and_sex_after_a_name_across_commas_slashes_and_padding(text, age, sex):
    assert age in masked_as("AGE", text)
    if sex is not None:
        assert sex in masked_as("SEX", text)


@pytest.mark.parametrize(
    "text",
    [
        "山田 太郎, 3 回目の受診",  # a count after a comma, no sex beside it
        "佐藤 花子／3／5 実施",  # numbers in slashes without a sex code
        "Tanaka, Hiroshi, 12 mg daily",
    ],
)
def test_a_bare_number_after_a_name_without_a_sex_or_bracket_is_left(text):
    assert masked_as("AGE", text) == []


def test_a_bare_age_after_a_day_first_date_of_birth():
    text = "NAME: FUJITA, Naomi  DOB 03/09/1988 (37)  gender female"
    assert "37" in found("bare-age", text)
    # A bracketed number after any other date is a count or a field.
    assert found("bare-age", "検査 03/09/2024 (3) 回目") == []


@pytest.mark.parametrize(
    "text",
    [" - 林 かのん (16) 脳腫瘍（髄芽腫）術後", " - ｶﾈｺ ﾕｳﾄ (18) 急性リンパ性白血病"],
)
def test_an_age_in_brackets_after_a_name_opening_a_list_item(text):
    assert found("bare-age", text)


def test_an_age_in_brackets_after_a_latin_name_the_rules_find():
    assert "20" in masked_as("AGE", "1. Ahmed Karim (20) 留学生")


@pytest.mark.parametrize(
    "text",
    [
        "・肺 結節 (3) 個",
        "- 術後 経過 (2)回目",
        "- Grade 2 (3) cases",
        "- ロキソニン (60)",
        "- Loxonin Tab (60)",
        "- Blood Culture (2)",
        "- 採血 検査 (3)",
        "- 右 肺 (3)",
    ],
)
def test_a_count_in_brackets_after_an_item_is_no_age(text):
    assert found("bare-age", text) == []


def test_a_sex_code_on_a_line_with_an_age_field():
    assert "F" in masked_as("SEX", "ID 00419972\u3000F\u3000年齢 52\n")
    assert "M" in masked_as("SEX", "Age: 52 M")
    # No age field, no date, no Sex word: a letter of a stage or a size stays.
    assert masked_as("SEX", "T2N0M0 stage IV, M size") == []


def test_ages_under_an_age_column_whose_header_names_nothing_else():
    table = (
        "| 診察券   | 氏名イニシャル | 年齢 | 判定     |\n"
        "|----------|----------------|------|----------|\n"
        "| M-0338127 | A.M.           | 55   | 全額     |\n"
        "| M-0215748 | T.A.           | 79   | 一部     |"
    )
    ages = masked_as("AGE", table)
    assert "55" in ages and "79" in ages


def test_a_table_of_counts_by_age_keeps_its_numbers():
    table = "| 年齢 | 件数 | 割合 |\n|---|---|---|\n| 65 | 12 | 30% |\n| 75 | 8 | 20% |"
    assert masked_as("AGE", table) == []


def test_a_table_without_an_age_or_sex_column_keeps_its_numbers():
    table = "| 薬剤 | 用量 | 回数 | 判定 |\n|----|----|----|----|\n| ロキソニン | 60 | 3 | 可 |\n| カロナール | 500 | 2 | 可 |"
    assert masked_as("AGE", table) == []


# --- dates glued to words, in brackets, relative seasons ------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("Lim Wei Jie  未返却→11/06回収  宮路", "11/06"),
        ("09/12受診予定", "09/12"),
        ("s/p Lt hallux amputation (2024.06)", "2024.06"),
    ],
)
def test_padded_dates_glued_to_words_and_year_months_in_brackets(text, date):
    assert date in found("relative-date", text)
    assert covered(date, values(text))


@pytest.mark.parametrize("text", ["1/02錠", "3/05回", "(2024.13)", "Cr (2024.5)", "v2024.06", "(1.25)", "12/30%"])
def test_fractions_decimals_and_versions_stay(text):
    assert found("relative-date", text) == []
    assert values(text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("moved from Osaka last autumn, works part-time", "last autumn"),
        ("since early spring", "early spring"),
        ("昨秋から咳が続く", "昨秋"),
        ("今春の健診で指摘", "今春"),
        ("GW明けから欠席が増え", "GW明け"),
        ("お盆前に退院", "お盆前"),
    ],
)
def test_seasons_named_relative_to_now(text, date):
    assert date in found("event-year", text)


@pytest.mark.parametrize(
    "text", ["after her last fall she", "昨冬季", "春季カタル", "秋田県", "今夏季休暇", "お盆休み"]
)
def test_seasons_that_are_no_dates(text):
    assert found("event-year", text) == []


# --- scan damage ---------------------------------------------------------------------------------


def test_a_stray_space_inside_a_day_or_an_eras_year():
    assert covered("1952年 4月 1 7日", values("患者: 中 村 敏 子 様\u3000\u3000生年月日: 1952年 4月 1 7日\n"))
    assert found("spaced-date", "生年月日：H1 2. 7. 19\n") == ["H1 2. 7. 19"]
    # Two numbers one space apart before a unit with no date before them are no day.
    assert values("体重 3 4日") == []


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("ﾔｷﾞ ｺﾄﾊ\nID 3O2 5l8 77\n評価日", "3O2 5l8 77", "PATIENT_ID"),
        ("氏 名：ﾄｸﾅｶﾞ ﾚﾝ\u3000\u3000 ＩＤ：O0871 24\n生年月日", "O0871 24", "PATIENT_ID"),
        ("複写申込書              No. O0 3l7\n", "O0 3l7", "OTHER_ID"),
        ("MRN: 0012 3456 78\n", "0012 3456 78", "PATIENT_ID"),
    ],
)
def test_identifiers_in_groups_after_their_label(text, value, category):
    assert found("spaced-identifier", text) == [value]
    assert (value, category) in masked(text) or covered(value, values(text))


@pytest.mark.parametrize(
    "text", ["ID 12345 3 回目", "No. 2 5\n", "Lot No. 2024 11\n", "ロット番号 1234 56\n", "No. 1 2 3 4 5 6\n"]
)
def test_counts_lots_and_short_numbers_after_a_label_are_no_spaced_identifier(text):
    assert found("spaced-identifier", text) == []


@pytest.mark.parametrize("text, age", [("性 別 M   年 齢 7O\n所 属", "7O"), ("年齢：l02歳", "l02")])
def test_an_age_read_with_a_letter_for_a_digit(text, age):
    assert age in found("bare-age", text)


@pytest.mark.parametrize("text", ["年齢 lO", "年齢 OI", "年齢 2l8"])
def test_no_real_digit_or_an_impossible_age_is_no_scanned_age(text):
    assert found("bare-age", text) == []


def test_an_age_alone_in_brackets_after_a_name_read_as_staff():
    text = "参加者：林 かのん (16)、宇津木 遥 (25)"
    ages = masked_as("AGE", text)
    assert "16" in ages and "25" in ages


def test_a_bare_count_after_a_staff_name_is_no_age():
    assert masked_as("AGE", "担当医 山田 太郎 3 件") == []
    assert masked_as("AGE", "担当 Dr. 山田 太郎 (3件)") == []


def test_an_age_in_brackets_after_a_name_opening_a_line():
    assert found("bare-age", "林 かのん (16) 脳腫瘍") == ["16"]


@pytest.mark.parametrize("text", ["appendectomy (2019.6)", "胆摘 (1998.11)"])
def test_a_year_and_month_of_one_or_two_digits_in_brackets(text):
    assert found("relative-date", text)
    assert values(text)


@pytest.mark.parametrize(
    "text", ["BNP (2045.3)", "(1899.5)", "(2019.60)", "使用期限 2025.08 切れ", "期限 2027.03\u3000数量"]
)
def test_large_values_and_expiry_months_outside_brackets_stay(text):
    assert found("relative-date", text) == []


@pytest.mark.parametrize(
    "text, age, sex",
    [("Sun Li／38／F", "38", "F"), ("45/女", "45", "女"), ("男性／72", "72", "男性"), ("F/17y", "17y", "F")],
)
def test_a_sex_and_age_pair_with_any_slash_or_a_sex_word(text, age, sex):
    assert age in found("sex-code", text) and sex in found("sex-code", text)


@pytest.mark.parametrize("text", ["対象 15名（男 10／女 5）", "M 8/F 7", "計 12/男児"])
def test_counts_of_men_and_women_are_no_age(text):
    assert masked_as("AGE", text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("受診日 2026 / 12 / 03 再診", "2026 / 12 / 03"),
        ("2 0 2 6 年 1 2 月 3 日", "2 0 2 6 年 1 2 月 3 日"),
        ("生年月日 1 9 5 2 年 4 月 1 7 日 生", "1 9 5 2 年 4 月 1 7 日"),
    ],
)
def test_dates_with_spaced_slashes_or_one_character_to_a_box(text, date):
    assert covered(date, values(text))


@pytest.mark.parametrize("text", ["120 / 80 / 60", "2026 / 13 / 03", "2026. 12 / 03", "3 年 2 組", "1 2 3 4 5"])
def test_spaced_numbers_that_are_no_dates(text):
    assert found("spaced-date", text) == []
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("生年月日 S31年 8月20日", "S31年 8月20日"),
        ("生年月日 S3l年 8月2O日\u3000（67 歳）", "S3l年 8月2O日"),
        ("交付年月日  令和8年l2月l日\n処方", "令和8年l2月l日"),
    ],
)
def test_a_year_and_its_month_one_blank_apart_and_a_day_read_from_a_letter(text, date):
    assert date in values(text)


def test_a_year_and_a_word_after_it_stay_apart():
    assert "2019年 3月" in values("2019年 3月に手術")
    assert all("例会" not in value for value in values("令和7年 8月 月例会"))


def test_an_age_beside_a_sex_written_out_after_a_latin_name():
    text = "Patient John Smith, 45, male, presented"
    assert "45" in masked_as("AGE", text) and "male" in masked_as("SEX", text)
    assert masked_as("AGE", "John Smith, 45, malignant") == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("手帳番号 神奈川 第 4471902 号", "神奈川 第 4471902 号"),
        ("手帳番号：福第0042117号\n装用", "福第0042117号"),
        ("受給者証番号 第 12345 号", "第 12345 号"),
    ],
)
def test_a_number_of_record_between_dai_and_go_after_its_label(text, number):
    assert found("certificate-number", text) == [number]
    assert number in values(text)


@pytest.mark.parametrize("text", ["第 3 回", "診療報酬 第2版", "番号 第3号室", "第2号被保険者", "No. 第3号機"])
def test_counts_editions_and_rooms_between_dai_and_go_stay(text):
    assert found("certificate-number", text) == []


@pytest.mark.parametrize(
    "text, age, sex",
    [
        ("氏名\n山田 花子\n年齢\n45\n性別\nF\n", "45", "F"),
        ("Age:\n45\nSex:\nfemale", "45", "female"),
        ("年齢（歳）\n８２\n", "８２", None),
    ],
)
def test_an_age_or_sex_on_the_line_under_its_label(text, age, sex):
    assert age in masked_as("AGE", text)
    if sex is not None:
        assert sex in masked_as("SEX", text)


@pytest.mark.parametrize("text", ["体重\n45\n", "年齢\n45 名中\n", "性別\n男女比 3:2", "Age\n130", "年齢別\n12\n"])
def test_other_numbers_under_a_label_stay(text):
    assert found("value-below-label", text) == []


@pytest.mark.parametrize("text", ["年齢(歳) 45", "Age (y): 45", "Age/yrs 45"])
def test_an_age_after_its_label_with_the_unit_in_brackets(text):
    assert "45" in found("bare-age", text)


def test_a_count_after_an_age_label_with_a_unit_is_no_age():
    assert found("bare-age", "Age (y): 45.5 mean") == []


@pytest.mark.parametrize(
    "text, age", [("<age>45</age><sex>F</sex>", "45"), ("age_years=45", "45"), ("<Age>7</Age>", "7")]
)
def test_an_age_in_a_machine_format(text, age):
    assert age in found("bare-age", text)


def test_an_age_threshold_is_no_age_element():
    assert found("bare-age", "age>65 y group") == []


@pytest.mark.parametrize(
    "text",
    [
        "601-A   ｷﾀﾑﾗ ｼｽﾞｴ        1F ﾛﾋﾞｰ ｴﾘｱ赤",
        "ﾃﾚﾒﾄﾘｰ ｱﾗｰﾑ ｻﾏﾘ / 7F West Cardiology",
        "婦人科 2F, Room 6",
        "（院外：市民活動センター 2F 会議室B）",
    ],
)
def test_a_floor_before_its_place_or_after_its_building_is_no_age(text):
    assert masked_as("AGE", text) == []


@pytest.mark.parametrize(
    "text, age", [("|88F 呼吸不全|", "88"), (" 82F 肺炎", "82"), ("ヤマダ 72F ｶｾﾞ", "72"), ("高良 キヨ（92F）", "92")]
)
def test_an_age_glued_to_its_sex_before_a_diagnosis_stays_an_age(text, age):
    assert age in masked_as("AGE", text)


@pytest.mark.parametrize(
    "text, age, sex", [("NEW: Xx Yy, 45 M, MRN 70-130982", "45", "M"), ("ﾏﾙﾔﾏ／45 F／ID 0012", "45", "F")]
)
def test_an_age_and_its_code_as_a_field_between_separators(text, age, sex):
    assert age in found("sex-code", text) and sex in found("sex-code", text)


@pytest.mark.parametrize("text", ["KCl, 2 M, 10 mL", "a, 0.5 M, b", "Size: S, M, L", "T2, N1, M0"])
def test_concentrations_and_sizes_between_commas_are_no_age(text):
    assert masked_as("AGE", text) == []


def test_ages_under_an_age_column_with_its_unit_in_brackets():
    table = "| Case | Age (y) | Sex | Dx |\n|---|---|---|---|\n| 1 | 55 | F | RA |\n| 2 | 61 | M | SLE |"
    ages = masked_as("AGE", table)
    assert "55" in ages and "61" in ages
    assert masked_as("AGE", "| Case | Dose (mg) | Sex |\n|---|---|---|\n| 1 | 20 | F |\n| 2 | 40 | M |") == []


@pytest.mark.parametrize("text, date", [("未返却→11/6回収", "11/6"), ("レンタル品 12/3返却", "12/3")])
def test_a_month_and_day_glued_before_a_verb_of_handing_over(text, date):
    assert date in found("relative-date", text)


@pytest.mark.parametrize("text", ["3/4回", "1/3回目", "2/3以上"])
def test_fractions_before_a_count_stay(text):
    assert found("relative-date", text) == []


@pytest.mark.parametrize("text", ["612号室 B床", "4人部屋のC床へ移動"])
def test_a_bed_letter_glued_to_its_word(text):
    assert any(value in ("B", "C") for value in masked_as("OTHER_ID", text))


@pytest.mark.parametrize("text", ["CT床", "A床上安静", "B床頭台"])
def test_beds_in_other_words_stay(text):
    assert masked_as("OTHER_ID", text) == []
