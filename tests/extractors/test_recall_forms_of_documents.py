"""recall-first on forms, worklists, scanned pages and logs: what each mechanism finds and what it leaves alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

from phi_core.extractors import rules


# --- schools, nurseries and employers ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("保育園（ひまわり第二保育園）で流行中", "ひまわり第二保育園"),
        ("市立緑ヶ丘中学校 2年3組", "市立緑ヶ丘中学校"),
        ("勤務先 有限会社 十勝ファームサービス)", "有限会社 十勝ファームサービス"),
        ("works at Hokuto Logistics Co., Ltd. since 2019", "Hokuto Logistics Co., Ltd."),
        ("Student of Midori Elementary School", "Midori Elementary School"),
    ],
)
def test_organisation_names_are_found_by_kind_or_legal_form(text, value):
    assert value in found("organisation-name", text)


@pytest.mark.parametrize("text", ["近くの小学校に通う", "兄も保育園で同症状", "市内の中学校", "大学で講義"])
def test_a_kind_alone_or_after_a_pointer_names_no_organisation(text):
    assert found("organisation-name", text) == []


# --- letters and digits typed one to a box -------------------------------------------------------


def test_a_name_spaced_letter_by_letter_before_an_honorific_is_a_name():
    assert ("嶋 田 み ゆ き", "PATIENT_NAME") in masked("315582\n嶋 田 み ゆ き 様 (８９歳)")


def test_a_spaced_name_across_a_two_space_gap_is_one_span_without_its_honorific():
    assert "伊 集 院  栄 子" in values("患者氏名：伊 集 院  栄 子 様\u3000病棟")
    assert "桜 庭  み の り" in values("患者氏名\u3000桜 庭  み の り\u3000\u3000年 令 4 6 才")


def test_digits_spaced_before_a_found_age_join_it():
    assert ("4 6 才", "AGE") in masked("患者氏名\u3000桜 庭  み の り\u3000\u3000年 令 4 6 才")


def test_spaced_title_words_without_an_honorific_are_not_names():
    assert found("spaced-name", "登 園 許 可 証 明 書\nひまわり保育園 園長 殿") == []


@pytest.mark.parametrize("text, value", [("R8. 12. 2 ポータブル", "R8. 12. 2"), ("2026. 12. 4 施行", "2026. 12. 4")])
def test_dates_spaced_after_their_dots_are_dates(text, value):
    assert found("spaced-date", text) == [value]


@pytest.mark.parametrize("text", ["Ver. 2. 1 を使用", "1. 2. 3. の順に", "図 3. 12. 参照"])
def test_numbered_steps_and_versions_are_not_spaced_dates(text):
    assert found("spaced-date", text) == []


# --- age and sex beside a name -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("救急外来 高良 キヨ（92F）発熱", [("92", "AGE"), ("F", "SEX")]),
        ("NAME:ｵｶﾓﾄ ﾊﾙﾄ  M  5ｻｲ\nWARD", [("M", "SEX"), ("5ｻｲ", "AGE")]),
        ("040387*  生化  ﾎｼﾉ ｶｽﾞｴ F 74\n", [("F", "SEX"), ("74", "AGE")]),
        ("2  13:00 4420-115     BROWN,EMILY      38/F    C", [("38", "AGE"), ("F", "SEX")]),
    ],
)
def test_age_and_sex_codes_right_after_a_name_are_masked(text, expected):
    spans = masked(text)
    for item in expected:
        assert item in spans


@pytest.mark.parametrize("text", ["山田 太郎 3F病棟", "山田 太郎 3 名で来院", "疑 義 照 会 F A X"])
def test_floors_counts_and_spelled_letters_after_a_name_are_not_age_or_sex(text):
    spans = masked(text)
    assert not [value for value, category in spans if category in ("AGE", "SEX")]


def test_one_age_per_person_a_second_number_is_another_column():
    spans = masked("1   22:48  宍戸 敏夫        82M      2    呼吸困難")
    assert ("82", "AGE") in spans and ("2", "AGE") not in spans


# --- what a found date carries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, values",
    [
        ("2026-11-26 (Thu) psychiatry OPD", ["2026-11-26 (Thu)"]),
        ("当直日誌 2026年12月2日(水)〜3日(木) 内科系", ["2026年12月2日(水)", "3日(木)"]),
        ("近医で11月中旬から内服", ["11月中旬"]),
    ],
)
def test_dates_take_their_weekday_part_of_month_and_range_end(text, values):
    dates = [v for v, c in masked(text) if c.endswith("DATE")]
    assert dates == values


# --- addresses and facilities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("〒080-0016 帯広市西6条南13丁目1-1\n", "080-0016 帯広市西6条南13丁目1-1"),
        ("鍵（自宅：帯広市稲田町南8線西1-22）", "帯広市稲田町南8線西1-22"),
        ("住所：帯広市自由が丘3丁目l2-5 コーポ白樺 2O3\n電話", "帯広市自由が丘3丁目l2-5 コーポ白樺 2O3"),
    ],
)
def test_grid_town_and_scanned_addresses_are_whole(text, value):
    assert value in values(text)


def test_a_numbered_condition_is_not_a_grid_town():
    # The city (帯広市内: a place within it) may be masked; no 条 is read as a grid town's block.
    assert not any("条" in value for value in values("CT 3条件で撮影、帯広市内の6条通り"))


def test_a_practice_named_by_its_specialties_is_one_facility():
    assert ("きのした内科小児科", "HOSPITAL_NAME") in masked("2026.12.4　きのした内科小児科　Dr. 木下 勉")


@pytest.mark.parametrize("text", ["それから外科に紹介", "ほかの内科へ"])
def test_a_sentence_before_a_specialty_is_not_a_facility(text):
    assert found("kana-facility", text) == []


def test_a_name_before_its_bracketed_kind_is_a_facility():
    assert ("グリーンヒル帯広", "HOSPITAL_NAME") in masked("0:50 外線：グリーンヒル帯広（特養）より")


@pytest.mark.parametrize("text", ["近所の薬局（調剤薬局）で", "母は施設（特養）入所中"])
def test_a_common_word_before_a_bracketed_kind_is_not_a_facility(text):
    assert found("service-name", text) == []


# --- names ------------------------------------------------------------------------------------------


def test_katakana_name_parts_joined_by_dots_stay_together():
    assert "グエン・ヴァン・ミン" in values("連絡: 監理団体の グエン・ヴァン・ミン 氏 090-7718-2451")
    assert values("造影剤・イオパミロン使用") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("改善なければ主治医 Sánchez 先生へ連絡", "Sánchez"),
        ("Kowalskiさん：英語可", "Kowalski"),
        ("Student: LEE Ji-woo (Grade 5)", "LEE Ji-woo"),
        ("13:00 4420-115     BROWN,EMILY      38/F", "BROWN,EMILY"),
    ],
)
def test_latin_names_by_honorific_hyphen_or_worklist_comma(text, value):
    assert value in found("latin-name", text)


@pytest.mark.parametrize("text", ["CT,MRI,PET", "CEA,AFP 上昇なし"])
def test_lists_of_acronyms_are_not_names(text):
    assert values(text) == []


def test_half_width_common_nouns_are_things_and_half_width_names_stay_names():
    text = "ｸﾆﾖｼ ﾀｹｵ\n- ﾒｶﾞﾈ x1\n- ﾀｵﾙ x3, ﾊﾟｼﾞｬﾏ x2\nｱﾚﾙｷﾞｰ: ﾀﾏｺﾞ\nｺﾝﾄﾞｳ ｻｸﾗ"
    found = [s.text for s in rules.extract_spans(text)]
    assert "ｸﾆﾖｼ ﾀｹｵ" in found and "ｺﾝﾄﾞｳ ｻｸﾗ" in found
    assert not {"ﾒｶﾞﾈ", "ﾀｵﾙ", "ﾊﾟｼﾞｬﾏ", "ﾀﾏｺﾞ"} & set(found)


# --- labels and tables ------------------------------------------------------------------------------


def test_key_equals_value_pairs_are_labelled_values():
    spans = masked("830015;initials=Y.H.;age=49;sex=F\ndrug=Paclitaxel")
    assert ("49", "AGE") in spans and ("F", "SEX") in spans
    assert values("EF=60%, b=1000, TR=3000") == []


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("連帯保証人：山田 花子 090-1111-2222", "山田 花子", "EMERGENCY_CONTACT"),
        ("勤務先：丸菱ロジスティクス", "丸菱ロジスティクス", "ADDRESS"),
        ("Subject ID: 012-0045", "012-0045", "PATIENT_ID"),
        ("chart# 1190-733   date", "1190-733", "PATIENT_ID"),
        ("Sleep Lab Rm B-2", "B-2", "OTHER_ID"),
        ("事務当直 山内\u3000看護師 金城", "山内", "PHYSICIAN_NAME"),
        ("54 y.o. male", "54 y.o.", "AGE"),
    ],
)
def test_labels_of_forms_logs_and_worklists(text, value, category):
    assert (value, category) in [(s.text, s.category) for s in rules.extract_spans(text)]


def test_an_operating_theatre_number_is_not_a_room():
    assert values("OR LIST ROOM 5") == []


def test_a_table_with_bars_between_columns_only_reads_its_header():
    text = "室 | 入室 | 患者ID | 氏名 | 年齢 | 術式\n1 | 8:45 | 0033-8120 | 河野 澄江 | 81 | 人工骨頭置換術(左)\n"
    masked = [(s.text, s.category) for s in rules.extract_spans(text)]
    assert ("81", "AGE") in masked and ("河野 澄江", "PATIENT_NAME") in masked
    assert not [v for v, _ in masked if "置換" in v]


def test_an_hl7_segment_is_not_a_bar_table():
    from phi_core.extractors.recognizers.table import table_hits

    # Fields that happen to be label words: still segments read by position, not a table with a header.
    assert table_hits("NTE|氏名|年齢|患者ID\nNTE|山田|45|123\n") == []


@pytest.mark.parametrize(
    "text",
    ["C34.1 右上葉肺癌 pT1bN0M0 8140/3", "VD=0.8(1.2×S-1.25D)", "疼痛 NRS 7/10、VAS 4/10"],
)
def test_diagnosis_codes_diopters_and_pain_scales_are_clinical_facts(text):
    assert values(text) == []


def test_a_pain_scale_is_no_reason_to_spare_a_date_out_of_ten():
    assert "3/10" in values("3/10 に再診")


def test_a_staff_role_before_a_latin_name_does_not_spare_the_name():
    from phi_core.extractors.allow_list import load_allow_list

    allow = load_allow_list()
    text = "先方 Ns Kim Soyeon へ申し送り"
    start = text.index("Ns")
    assert not allow.allows(text, start, start + len("Ns Kim Soyeon"))
    assert allow.allows(text, start, start + 2)


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("H20頃より連続飲酒", "H20", "OTHER_DATE"),
        ("H29に事故歴", "H29", "OTHER_DATE"),
        ("11/30 18時頃より退院要求", "18時頃", "TIME"),
        ("ｼﾞｶｲ ﾖﾃｲ: 12/11(ﾓｸ) ｺﾞｾﾞﾝ", "12/11(ﾓｸ)", "OTHER_DATE"),
        ("患者 ﾐﾂﾊｼ ﾖｼｴ 様 82F、右大腿骨", "82", "AGE"),
        ("ｶﾝｼﾞｬﾒｲ: ｵｵｸﾎﾞ ﾚﾝ ｻﾏ (M/9ｻｲ)", "9ｻｲ", "AGE"),
        ("妊婦：グエン・ティ・ラン（NGUYEN THI LAN）　27歳", "NGUYEN THI LAN", "PATIENT_NAME"),
        ("Bed H1: 村瀬 譲治 67M", "H1", "OTHER_ID"),
        ("ICU 入室（ベッド ICU-6）", "ICU-6", "OTHER_ID"),
        ("Location: Ward 5N, room 5N-18", "Ward 5N", "DEPARTMENT"),
        (" 'age': '69', 'sex': 'M',", "69", "AGE"),
        ("user=ramirez.k by=nagase.h", "ramirez.k", "PHYSICIAN_NAME"),
        (
            "「地域援助事業者」：相談支援センター ひだまり港南（担当 泉谷）",
            "相談支援センター ひだまり港南",
            "HOSPITAL_NAME",
        ),
        ("見学：グループホームあおぞら姉崎", "グループホームあおぞら姉崎", "HOSPITAL_NAME"),
    ],
)
def test_forms_found_on_a_fourth_development_set(text, value, category):
    assert (value, category) in masked(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("佐藤 花子（MRI）", "MRI"),
        ("H2O を吸入", "H2O"),
        ("デイサービスあおぞらに通所", "あおぞらに通所"),
        ("センター から連絡", "から連絡"),
        ("山田 太郎 (3回目)", "3"),
    ],
)
def test_look_alikes_of_the_fourth_development_set_are_left_alone(text, value):
    assert not [v for v in values(text) if value in v]
