"""Forms of the thirty-third round (blind-final113..120 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.demographics import age_units
from phi_core.extractors.recognition.id_edges import grow_id_prefixes
from phi_core.extractors.recognition.underscore_joins import underscore_joins
from tests.extractors.recall_probes import balanced_masked, found, masked_as, values

# --- initials keyed in brackets after a name, and a key's name without the staff word after it -------------------


@pytest.mark.parametrize(
    "text, initials",
    [
        ("担当薬剤師 石黒 沙耶（SI）・本間 健太（KH）\n| 9:05 | 2.31 | SI |\n| 9:12 | 2.74 | KH |\n", ["SI", "KH"]),
        (
            "Pharmacists: Yuka Nishimura (YN), Takeshi Oda (TO)\n2024-05-28 | started | YN\n2024-06-25 | TO\n",
            ["YN", "TO"],
        ),
        (
            "| Sign-in | 08:41 | MK |\n| Time-out | 08:58 | RH |\n\nMK = Mika Kuroda RN, RH = Dr. Ryo Hoshino, TO = X\n",
            ["MK", "RH"],
        ),
    ],
)
def test_initials_a_document_keys_to_a_name_are_masked_where_they_sign(text, initials):
    masked = values(text)
    for key in initials:
        assert masked.count(key) >= 2, key  # the key itself and the row it signs


@pytest.mark.parametrize(
    "text, left",
    [
        ("山田 太郎（PT）\n| 評価 | PT |\n", "PT"),  # a staff abbreviation is nobody's initials
        ("Yuka Nishimura (KT)\n| KT |\n", "KT"),  # Latin initials must be the name's own
        ("石黒 沙耶（SI）のみ記載。", "SI"),  # nowhere else: no key
        # a team or a post in brackets, written again alone: not the name's initials
        ("佐野 恵（NST）  11:34\nNSTで週2回フォロー", "NST"),
        ("[10:14] 江口 美穂(CT): 了解です\n[10:20] 江口 美穂(CT): CTに変更", "CT"),
        ("連絡担当：渡部 健（ICT）\nICT作業用", "ICT"),
        ("石黒 沙耶（KT）\n| 9:05 | KT |", "KT"),  # not her initials as the name reads
    ],
)
def test_brackets_after_a_name_are_a_key_only_with_the_name_s_own_initials_written_again(text, left):
    masked = values(text)
    assert left not in masked


def test_a_staff_abbreviation_after_a_latin_name_is_not_its_family_name():
    assert "Mika Kuroda RN" not in found("latin-name", "MK = Mika Kuroda RN, RH = x")
    assert "Tomoya Odagiri RT" not in found("latin-name", "TO = Tomoya Odagiri RT")
    assert "Emily HAMILTON" in found("latin-name", "Patient: Emily HAMILTON")


def test_a_comma_name_does_not_run_into_the_next_key_of_a_legend():
    assert "Ryo Hoshino, TO" not in found("latin-name", "RH = Dr. Ryo Hoshino, TO = Tomoya Odagiri")
    assert "WATANABE, Sumiko" in found("latin-name", "Patient WATANABE, Sumiko arrived")


def test_a_radiological_technologist_s_abbreviation_marks_the_name_before_it():
    assert "宮城" in masked_as("PHYSICIAN_NAME", "タイムアウト実施（大塚Dr、三宅Dr、宮城RT、根本CE）")
    assert values("術後RT 60Gy予定。RT-PCR陰性") == []


# --- the word an identifier carries before a hyphen -------------------------------------------------------------


def _grown(text: str, value: str) -> str:
    start = text.index(value)
    span = grow_id_prefixes(text, [Candidate(start, start + len(value), "OTHER_ID", 0)])[0]
    return text[span.start : span.end]


@pytest.mark.parametrize(
    "text, number, whole",
    [
        ("（病院処理欄）受付 開-2024-0306　文書料", "2024-0306", "開-2024-0306"),
        ("受付番号　し-R6-0088", "R6-0088", "し-R6-0088"),
        ("当院ID：ｲﾁｮｳ-01174", "01174", "ｲﾁｮｳ-01174"),
    ],
)
def test_a_short_word_glued_by_a_hyphen_before_a_number_is_the_number_s(text, number, whole):
    assert _grown(text, number) == whole
    assert whole in values(text)


@pytest.mark.parametrize(
    "text, number",
    [
        ("検査後開-2024-0306", "2024-0306"),  # glued to the text before: no word of its own
        ("受付 紹介状返信-2024-0306", "2024-0306"),  # a longer word is not a prefix
        ("受付 開 -2024-0306", "2024-0306"),  # a blank between the word and the hyphen
        ("ID: AB-2024-0306", "2024-0306"),  # Latin letters are the number's own reader's business
    ],
)
def test_a_word_that_is_not_a_number_s_prefix_stays_out(text, number):
    assert _grown(text, number) == number


def test_a_prefix_already_part_of_another_span_is_not_taken():
    text = "受付 開-2024-0306"
    spans = [Candidate(3, 4, "PATIENT_NAME", 0), Candidate(5, 14, "OTHER_ID", 0)]
    assert grow_id_prefixes(text, spans) == spans


# --- an age and its sex beside a name or a birth date -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, age",
    [
        ("DOB: 21-Aug-1990 (34 F)", "34"),
        ("生年月日 : September 2, 1958（66 years）", "66 years"),
        ("UDA Toshio (SK-7698001), 77 M", "77"),
        ("AM 杉浦 清（68・男）3階-301　CAG", "68"),
        ("氏名: 大沢 翔 (ｵｵｻﾜ ｼｮｳ)   24 y / M", "24 y"),
        ("（陳 立偉, チェン リーウェイ）, male, 45 yrs, DOB 1979.06.01", "45 yrs"),
        ("Age / 年齢: 7 years   Sex / 性別: female", "7 years"),
        ("(池田 瑞希)   ID 80031947 / 46 y / premenopausal", "46 y"),
    ],
)
def test_an_age_is_masked_with_its_unit_beside_a_name_or_a_birth_date(text, age):
    assert age in masked_as("AGE", text)


@pytest.mark.parametrize(
    "text, not_age",
    [
        ("山田 太郎（3回目）", "3"),
        ("山田 太郎（3、4回目）", "3"),
        ("DOB: 21-Aug-1990 (Fr 6)", "6"),
        ("山田 太郎 5 m 歩行", "5"),
    ],
)
def test_a_count_beside_a_name_or_a_date_is_no_age(text, not_age):
    assert not_age not in masked_as("AGE", text)


def test_an_age_unit_is_taken_only_by_a_bare_number_read_as_an_age():
    text = "male, 45 yrs; 3 years ago"
    spans = [Candidate(6, 8, "AGE", 0), Candidate(14, 15, "OTHER_ID", 0)]
    grown = age_units(text, spans)
    assert [text[s.start : s.end] for s in grown] == ["45 yrs", "3"]


# --- facility names: a dental office, a centre in capitals, a clinic's specialty in kana ------------------------


@pytest.mark.parametrize(
    "text, facility",
    [
        ("my dentist at Tama Plaza Dental Office gave me cefaclor", "Tama Plaza Dental Office"),
        ("FROM: AOBA HEART CTR  054-200-3311", "AOBA HEART CTR"),
        ("返書\n\nひだまり皮ふ科\n三宅 理沙 先生", "ひだまり皮ふ科"),
    ],
)
def test_a_facility_is_masked_by_its_kind(text, facility):
    assert facility in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize(
    "text",
    ["Referred to IMAGING CENTER today", "CARDIAC CATH CENTER", "the Dental Office is closed on Sundays"],
)
def test_a_centre_or_an_office_named_by_english_words_alone_is_left(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- a name a machine joined with underscores -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("00-702-889 F 21-JAN-1956 Hamada_Setsuko\nrecording", "Hamada_Setsuko"),
        ("03-DEC-2024 PSG24-1312 Ueno_T Embla_N7000_EN", "Ueno_T"),
    ],
)
def test_a_name_joined_by_underscores_is_masked_whole(text, name):
    assert name in values(text)


def test_a_code_after_an_underscore_is_not_a_name_s_tail():
    text = "Ueno_N7000 Ueno_T_2 X_Ueno_T"
    spans = [
        Candidate(0, 4, "PATIENT_NAME", 0),
        Candidate(11, 15, "PATIENT_NAME", 0),
        Candidate(22, 26, "PATIENT_NAME", 0),
    ]
    assert [text[s.start : s.end] for s in underscore_joins(text, spans)] == ["Ueno", "Ueno", "Ueno"]


@pytest.mark.parametrize("text", ["情報共有、および精神科専門医療への橋渡し", "セレコキシブは整形 Dr 小林 昌平"])
def test_kana_that_join_clauses_or_end_in_a_particle_name_no_practice(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- an insurance card's symbol written with the insurer's office in kanji --------------------------------------


@pytest.mark.parametrize(
    "text, symbol",
    [
        ("保険者番号 277145　記号・番号 生野42・308771", "生野42・308771"),
        ("被保険者記号・番号 都筑 25-3318", "都筑 25-3318"),
        ("| 被保険者証記号番号 | 宮東１２・３３０４（枝番）01 |", "宮東１２・３３０４"),
        ("記号 浜中 12        番号 3O88", "浜中 12"),
    ],
)
def test_a_card_symbol_in_kanji_is_one_value_with_its_number(text, symbol):
    assert symbol in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["記号・番号 不明", "記号・番号 なし（生保）", "記号 市国 番号 なし"])
def test_no_symbol_is_no_value(text):
    assert masked_as("OTHER_ID", text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Operator: KAJI T     Recorder: OHNO R (RT)", "OHNO R"),
        ("Referring   : KAJIWARA N (Neurology)", "KAJIWARA N"),
        ("差出人：TAKANO M（総務課）", "TAKANO M"),
    ],
)
def test_a_family_name_in_capitals_keeps_its_initial_before_a_post_in_brackets(text, name):
    assert name in found("latin-name", text)


@pytest.mark.parametrize("text", ["CTRX S (1g)", "VCM S (MIC 1)"])
def test_a_drug_s_susceptibility_letter_is_no_initial(text):
    assert found("latin-name", text) == []


# --- a family name and a given name found apart across a form's padding -----------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        (" 氏  名    工藤   春恵            性別 ", "工藤   春恵"),
        ("  薬剤師  今井  美穂\n", "今井  美穂"),
    ],
)
def test_a_padded_name_is_masked_as_one(text, name):
    assert name in values(text)


def test_two_columns_of_family_names_stay_apart():
    assert values("| 山田   | 鈴木 |") == ["山田", "鈴木"]


@pytest.mark.parametrize(
    "text, age, sex",
    [
        ("Age / Sex  : 58 years / Male        ", "58 years", "Male"),
        ("Age/Sex: 72 yrs/M", "72 yrs", "M"),
        ("年齢/性別：73歳/男", "73歳", "男"),
    ],
)
def test_an_age_and_sex_label_with_blanks_around_its_slash_reads_an_age_in_words(text, age, sex):
    assert (age, "AGE") in balanced_masked(text)
    assert (sex, "SEX") in balanced_masked(text)


# --- a telephone number with digits nobody could read -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("・折返し希望 079-23?-8816（3桁目 聞き取れず", "079-23?-8816"),
        ("（姉TEL 090-44［？］1-3307）", "090-44［？］1-3307"),
        ("TEL 03-3617-［？］04", "03-3617-［？］04"),
        ("FAX 0468-2■-3317", "0468-2■-3317"),
    ],
)
def test_a_phone_number_with_unreadable_digits_is_masked_whole(text, number):
    assert number in values(text)


@pytest.mark.parametrize("text", ["CRP 0.2-?-0.5 ?", "範囲 10-2?-30", "No. 1-2?-3"])
def test_a_range_or_a_code_with_a_question_mark_is_no_phone(text):
    assert masked_as("PHONE", text) == []


@pytest.mark.parametrize("text", ["感受性 INH R (低濃度) / RFP S", ": M.H. / 38F / ABO B(+) / Ht 1"])
def test_a_short_code_and_a_letter_before_a_remark_are_no_name(text):
    assert not any(value.startswith(("INH", "ABO")) for value in found("latin-name", text))


# --- a year alone after a deed done to the person, or ending or opening a remark in brackets ---------------------


@pytest.mark.parametrize(
    "text, year",
    [
        ("previous BCC nose excised 2021 (Machida Skin Clinic)", "2021"),
        ("ICD implanted 2019 (Boston Scientific)", "2019"),
        ("mitral valve (St Jude, 2009) and chronic AF", "2009"),
        ("s/p total correction (2014, in our hospital)", "2014"),
        ("previous CS x2 (2019, 2022)", "2022"),
        ("既往：HT、DM、2019 PCI（LAD #6）", "2019"),
    ],
)
def test_a_year_of_the_person_s_history_is_masked(text, year):
    assert year in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "guideline revised 2019 says so",
        "as shown before (Tanaka et al., 2019).",
        "(Smith & Jones, 2020)",
        "JCS (2014, 2019)",
        "WHO分類（2017, 第4版）",
        "(n=1,2019)",
    ],
)
def test_a_document_s_or_a_citation_s_year_is_left(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "（若林ら, 2004）",
        "(WHO Classification, 2nd ed., 2022)",
        "（第3版, 2023）",
        "(protocol v1.2, 2023)",
        "(HARMONIZE, 2014)",
        "（日本看護協会, 2019）",
    ],
)
def test_an_edition_a_version_or_an_author_before_the_comma_keeps_the_year_the_document_s(text):
    assert masked_as("OTHER_DATE", text) == []


def test_a_short_family_name_with_a_dotted_initial_stays_a_name_before_a_bracket():
    assert "KIM S." in found("latin-name", "手術部 辻本 → 病理受付 KIM S.（11:26）。")
