"""Forms of the thirty-fourth round (blind-final121..128 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_values, covered, found, masked_as, values


# --- clocks ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, clock",
    [
        ("Mon | 03/03 | 9:00a    | SU-662041", "9:00a"),
        ("Wed | 03/05 | 2:00p    | SU-551883", "2:00p"),
        ("2025/2/4 1400-1500　Dr西村/PSW辻", "1400-1500"),
    ],
)
def test_a_clock_with_its_half_of_the_day_or_a_meeting_s_two_clocks_is_one_time(text, clock):
    assert clock in masked_as("TIME", text)


@pytest.mark.parametrize("text", ["比 2:1a", "11/18 2024-2025 の集計", "Series 3:1ax"])
def test_a_ratio_or_a_span_of_years_is_no_clock(text):
    assert masked_as("TIME", text) == []


# --- facilities --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Tissue Recovery Record ― Shonan Eye Bank\nDonor No.: SEB", "Shonan Eye Bank"),
        ("To: Tissue Distribution, Cascadia Lions Eye Bank", "Cascadia Lions Eye Bank"),
        ("[副作用報告]  Minato Citizens' General Hospital / 薬剤部", "Minato Citizens' General Hospital"),
        ("Home HTC: St Aldhelm's Haemophilia Centre, Bristol", "St Aldhelm's Haemophilia Centre"),
        ("Saint Luke's Cancer Institute referred her", "Saint Luke's Cancer Institute"),
        ("Site: TOTO MEDICAL UNIV HOSP / ME", "TOTO MEDICAL UNIV HOSP"),
        ("摘出記録票　　　みちのく眼球銀行\nドナーNo.", "みちのく眼球銀行"),
        ("15:10 自宅到着、訪看あおば 安藤さんと合流", "訪看あおば"),
        ("本人 SpO2 94\n ﾅｶﾒ訪看 ﾀｶｷﾞNs へ連絡", "ﾅｶﾒ訪看"),
    ],
)
def test_a_bank_of_tissue_a_saint_s_institution_and_a_visiting_nurses_short_name_are_facilities(text, name):
    assert covered(name, values(text))


@pytest.mark.parametrize(
    "text, left",
    [
        ("the Hospital Pharmacy is open", "Hospital Pharmacy"),
        ("ask the Hospital Blood Bank", "Hospital Blood Bank"),
        ("St John's wort 300 mg", "St John"),
        ("振込先 みずほ銀行 普通", "みずほ銀行"),
        ("HOSP STAY 3 days", "HOSP"),
    ],
)
def test_generic_banks_a_bank_for_money_and_a_herb_are_no_facility(text, left):
    assert not covered(left, values(text))


@pytest.mark.parametrize("text", ["the Blood Bank on the 2nd floor", "Eye Bank staff", "Tissue Bank policy"])
def test_a_bank_of_tissue_named_by_its_kind_alone_is_no_facility(text):
    assert found("latin-facility", text) == []


@pytest.mark.parametrize(
    "text",
    ["訪看さんから連絡あり", "訪看より報告あり", "ご家族より訪看へ連絡", "訪看スタッフが訪問", "訪看メモ（手書き）"],
)
def test_the_short_word_for_visiting_nurses_alone_names_no_station(text):
    assert found("facility-kind", text) == []


# --- addresses ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "住所　千葉県船橋市前原西５丁目２２－\n６　　自宅 ０４７－４７１－３３１２",
            "千葉県船橋市前原西５丁目２２－\n６",
        ),
        ("東京都港区芝3-\n4-5", "東京都港区芝3-\n4-5"),
    ],
)
def test_a_block_number_broken_at_its_dash_across_lines_is_one_address(text, address):
    assert address in masked_as("ADDRESS", text)


@pytest.mark.parametrize("text", ["血圧120-\n80", "右第3-\n4肋骨", "2024年3月12－\n15日"])
def test_a_pressure_a_rib_or_a_date_broken_at_a_dash_is_no_address(text):
    assert found("address-tail", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("  <reporterstreet>3-1 Shinmachi</reporterstreet>", "3-1 Shinmachi"),
        ("  <reporterpostcode>919-2201</reporterpostcode>", "919-2201"),
        ("<patientonsetage>66</patientonsetage>", "66"),
    ],
)
def test_an_element_named_for_whose_value_it_is_first_is_read_by_the_rest_of_its_name(text, value):
    assert value in found("query-value", text)


@pytest.mark.parametrize(
    "text",
    ["<patientdosage>25</patientdosage>", "<errormessage>code 12</errormessage>", "<patientstage>2</patientstage>"],
)
def test_an_element_whose_name_only_ends_like_a_label_reads_nothing(text):
    assert found("query-value", text) == []


# --- sex and age ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["  <patientsex>2</patientsex>", "[x] Sex code = 2 (female)", "性別：1　年齢 45", "gender=1&x=2"]
)
def test_a_numeric_code_in_a_field_named_for_sex_is_the_sex(text):
    assert any(value in "0129" for value in masked_as("SEX", text))


@pytest.mark.parametrize(
    "text",
    ["sex ratio: 2", "Sex: 2.5", "sexually active: 1", "性別不明 2 名", "# sex: 1=M 2=F 9=u", "# 性別: 1=男 2=女"],
)
def test_a_number_near_the_word_sex_but_not_its_field_is_no_code(text):
    assert [value for value in masked_as("SEX", text) if value.isdigit()] == []


@pytest.mark.parametrize(
    "text, age",
    [
        ("AN HUNG, MRN SU-7730142, 63 M\n • R midfoot", "63"),
        ("afor 様（00731184、ナイジェリア国籍、44 male）", "44"),
        ("DOB       2012-03-14  (13 years)   male   41 kg", "13 years"),
        ("DOB: 03/11/1991 (MM/DD/YYYY), 33 years\nOur patient ID", "33 years"),
        ("[x] Age at onset 66 (unit 801 = year)", "66"),
    ],
)
def test_an_age_beside_a_sex_a_birth_date_or_an_event_is_masked(text, age):
    assert age in masked_as("AGE", text)


@pytest.mark.parametrize("text", ["we saw 12 male patients", "(n = 30, 12 male)", "Series 12 (2 years)"])
def test_a_count_of_people_or_a_duration_is_no_age(text):
    assert masked_as("AGE", text) == []


@pytest.mark.parametrize(
    "text, number",
    [
        ("1) 松永 孝（71M, 2210-5567）R MTH1 潰瘍 TCC中", "2210-5567"),
        ("  c) ｵｵﾂｶ ﾘｮｳﾀ  5102-8847  8y  TPPV 24h", "5102-8847"),
    ],
)
def test_a_record_number_beside_a_name_and_its_age_is_the_patient_s(text, number):
    assert number in masked_as("PATIENT_ID", text)


@pytest.mark.parametrize("text", ["山田 花子  120-140  5y", "山田 太郎（3、4回目）", "山田 花子  2210-5567  採血"])
def test_a_range_or_a_number_without_an_age_beside_a_name_is_no_record_number(text):
    assert masked_as("PATIENT_ID", text) == []


# --- days --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ("I fly back to Honolulu on the 18th. My cell is", "18th"),
        ("See you on the 2nd.", "2nd"),
        ("Please call before the 21st at 10:00", "21st"),
    ],
)
def test_a_day_by_its_ordinal_ending_a_clause_is_a_date(text, day):
    assert day in found("prose-date", text)


@pytest.mark.parametrize(
    "text",
    ["on the 2nd floor", "by the 3rd day", "on the 1st attempt", "the 18th century", "MRI before the 5th, 7th and 9th"],
)
def test_a_floor_a_course_s_day_or_a_century_is_no_date(text):
    assert found("prose-date", text) == []


# --- names -------------------------------------------------------------------------------------------------------


def test_a_korean_given_name_with_its_lower_case_syllable_before_an_honorific_is_a_name():
    assert "Eun-ji" in values("[08:41] お母さん Eun-ji さんから加湿器の水のことで連絡")


_CHAT = "[2025/01/30 10:31] Reyes: 夫から電話\n[10:33] Okafor: OK\n[10:35] Reyes: thanks\n[10:36] Okafor: 了解\n"


def test_capitalised_senders_of_a_talk_are_people():
    assert found("user-handle", _CHAT).count("Reyes") == 2
    assert found("user-handle", _CHAT).count("Okafor") == 2


@pytest.mark.parametrize(
    "text",
    [
        "[10:00] Note: x\n[11:00] Note: y\n[12:00] Update: z\n[13:00] Update: w\n",  # a log's headings
        "[10:31] Reyes: 夫から電話\n[10:35] Reyes: thanks\n",  # one sender alone: a log's one word as often
    ],
)
def test_a_log_s_headings_or_one_word_alone_are_no_senders(text):
    assert found("user-handle", text) == []


def test_a_clinic_shortened_to_its_place_and_cl_is_a_facility():
    text = "8/5(月) | 1 | 港南CL | 08:05 | 4.0\n8/6(火) | 2 | 港南CL | 10:35 | 4.1"
    assert found("short-hospital", text) == ["港南CL", "港南CL"]


@pytest.mark.parametrize(
    "text", ["胆汁細胞診 class V", "| 細胞診 | HPV |", "御高診の程", "（直腸診）", "Na 140 Cl 102", "CL 102"]
)
def test_an_examination_ending_in_shin_or_chloride_is_no_clinic(text):
    assert found("short-hospital", text) == []


@pytest.mark.parametrize(
    "text, name, date",
    [
        ("作成：西村　Ｒ７．３．５", "西村", "Ｒ７．３．５"),
        ("記載：山田 H30.4.1 確認", "山田", "H30.4.1"),
        ("署名 池田恵理子　令和7年8月4日", "池田恵理子", "令和7年8月4日"),
    ],
)
def test_a_date_by_its_era_letter_after_a_signed_name_is_no_initial_of_the_name(text, name, date):
    spans = masked_as("PHYSICIAN_NAME", text)
    assert name in spans
    assert any(date in value for value in values(text) if value not in spans)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Interpreter (Portuguese): Fernanda Ito\nPrevious admission", "Fernanda Ito"),
        ("Yuki Ito visited the clinic", "Yuki Ito"),
        ("Tom Ide called", "Tom Ide"),
    ],
)
def test_a_romaji_surname_the_dictionary_knows_only_as_an_acronym_is_still_a_name(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["Dose Rate 3 Gy", "ITO film", "ODA funding"])
def test_a_word_read_as_written_or_an_acronym_in_capitals_is_no_name(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text, name", [("遺族立会　長男 髙橋 ■一 様 ― 処置後", "髙橋 ■一"), ("長男 髙橋 〓 様", "髙橋 〓")]
)
def test_a_given_name_with_a_character_nobody_can_read_stays_with_its_family_name(text, name):
    assert name in values(text)


def test_a_mark_after_an_honorific_is_no_part_of_the_name():
    assert "山田 太郎" in values("山田 太郎 様 ■ 確認")
    assert not any("■" in value for value in values("山田 太郎 様 ■ 確認"))


def test_a_timeline_s_event_may_open_with_a_number_of_its_own():
    text = (
        " 0805  connected\n 0930  tingling\n 1045 1,800 mL processed\n 1145  3.5 TBV processed\n 1150  disconnected\n"
    )
    assert found("timeline-time", text) == ["0805", "0930", "1045", "1145", "1150"]


def test_serials_opening_lines_before_numbers_are_no_timeline():
    assert found("timeline-time", "0131  45\n0132  50\n0133  48\n0134  52\n") == []


@pytest.mark.parametrize(
    "text, year", [("Hx: T2DM dx 2015 in Vietnam, 来日", "2015"), ("HIV(+) ART中, 右TKA後(2019)", "2019")]
)
def test_a_year_after_a_diagnosis_or_in_brackets_after_a_procedure_is_a_date(text, year):
    assert year in found("event-year", text)


@pytest.mark.parametrize("text", ["ガイドライン改訂後(2019)の基準", "DX 2015 project", "法改正後(2020)"])
def test_a_revision_s_year_or_a_business_word_s_is_no_date(text):
    assert found("event-year", text) == []


def test_a_bed_s_number_after_a_room_written_without_its_word_for_room_is_masked():
    assert masked_as("OTHER_ID", "[13:34] 仲宗根 綾：503号 2番 空いてます。") == ["503", "2"]


@pytest.mark.parametrize("text", ["第3号 1番目の方", "2号 3番線に停車"])
def test_an_order_or_a_track_after_a_number_is_no_bed(text):
    assert masked_as("OTHER_ID", text) == []


@pytest.mark.parametrize(
    "text, label",
    [("（本人確認：生年月日 S37.12.1 で照合）", "生年月日"), ("確認：同意日　R6. 5. 13　　署名", "同意日")],
)
def test_a_label_and_its_date_after_a_sign_off_label_are_no_name(text, label):
    assert not any(label in value for value in values(text))
    assert masked_as("PHYSICIAN_NAME", text) == []


@pytest.mark.parametrize(
    "text, name",
    [("受付者：松浦　システム登録日 2025/1/1", "松浦"), ("記録者 村井　確認 大河内　入力日 R6.7.3", "大河内")],
)
def test_a_name_before_the_next_label_and_its_date_stays_a_name(text, name):
    assert name in balanced_values(text)


def test_a_titled_name_does_not_take_the_next_field_s_abbreviation_after_its_comma():
    assert "Park Seo-yeon" in found("latin-name", "From: Dr. Park Seo-yeon, Dept. of Gastroenterology")
