"""Forms of the twenty-ninth round (blind-final73..80 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.japanese.eras import ERA_YEARS, possible_era_year
from tests.extractors.recall_probes import balanced_masked, masked, values

# --- an era's letter with a year the era never reached, and a month: a diagnosis code, not a date -------------


def test_each_era_knows_how_many_years_it_lasted():
    assert ERA_YEARS == {"R": None, "H": 31, "S": 64, "T": 15, "M": 45}
    assert possible_era_year("H", 31) and not possible_era_year("H", 32)
    assert possible_era_year("R", 40) and not possible_era_year("S", 0)


@pytest.mark.parametrize(
    "text, code",
    [
        ("PID|1||00123^^^H^MR\nDG1|1||H81.1^良性発作性頭位めまい症^I10|", "H81.1"),
        ("既往：M45.9 強直性脊椎炎", "M45.9"),
        ("病名コード T74.1", "T74.1"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_diagnosis_code_shaped_as_an_impossible_era_month_is_no_date(extract, text, code):
    assert (code, "OTHER_DATE") not in extract(text)


@pytest.mark.parametrize(
    "text, date",
    [
        ("既往 H31.4 に手術", "H31.4"),
        ("Ｈ２２．３ 胃切除", "Ｈ２２．３"),
        # a full date the era never reached is a typo worth masking all the same
        ("生年月日 T21.6.5（FAX記載のまま）", "T21.6.5"),
        ("生年月日 H32.5.6→R2.5.6（入力誤り）", "H32.5.6"),
        ("H32年4月 入職", "H32年4月"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_possible_era_date_or_a_full_impossible_one_stays_a_date(extract, text, date):
    assert any(value == date for value, _ in extract(text))


# --- an insurance segment's late fields: the policy number and the insured's ID, wherever a sender counted them --


@pytest.mark.parametrize(
    "bars, value",
    [
        (36, "5210033-118"),
        (37, "24-SA-0718832"),
        (40, "3012-4455817"),
        (49, "01183746"),
        (57, "22-1-05-778102-000"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_value_from_the_thirtieth_insurance_field_on_is_an_identifier(extract, bars, value):
    text = "MSH|^~\\&|RIS|HOSP\nPID|1||00123^^^H^MR\nIN1|1|06^国民健康保険^JHSD|01013547" + "|" * (bars - 3) + value
    assert text.split("\n")[2].split("|")[bars] == value
    assert (value, "OTHER_ID") in extract(text)


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_each_component_of_a_late_insurance_field_is_its_own_identifier(extract):
    text = "MSH|^~\\&|RIS|HOSP\nIN1|1|06|01013547" + "|" * 33 + "5301-2207^00552301"
    found = extract(text)
    assert ("5301-2207", "OTHER_ID") in found and ("00552301", "OTHER_ID") in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_an_early_insurance_field_or_another_segment_keeps_its_own_reading(extract):
    text = "MSH|^~\\&|RIS|HOSP\nIN1|1|06^国民健康保険^JHSD|01013547||||||||||||||\nOBX|1|NM|BW^体重||" + "|" * 30 + "62"
    assert ("62", "OTHER_ID") not in extract(text)


# --- a chat that prints its senders in angle brackets, IRC style -------------------------------------------------


@pytest.mark.parametrize(
    "text, sender",
    [
        (
            "08:15 <oconogi_r> 本日の注射 9件です。\n08:16 <yoshizawa_clerk> 了解\n08:40 <oconogi_r> 9:00 の件",
            "oconogi_r",
        ),
        (
            "2025-02-10T22:14:09+09:00 <ns.koike> 512 SpO2 低下\n2025-02-10T22:15:40+09:00 <ns.park> 了解、ABGキット置きます",
            "ns.park",
        ),
    ],
)
def test_a_sender_in_angle_brackets_where_two_talk_is_a_person(text, sender):
    assert sender in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "10:00 <INFO> start\n10:01 <WARN> retry\n10:02 <info> done\n10:03 <debug> x",
        "24/08/06  17:42    <DIR>          images\n24/08/06  17:43    <DIR>          reports",
        # one sender alone is a program's tag as often as a person
        "08:15 <oconogi_r> 本日の注射 9件です。",
    ],
)
def test_a_log_level_a_listing_or_a_lone_sender_is_no_person(text):
    assert not any(value.isascii() and value.isalpha() or "_" in value for value in values(text) if ":" not in value)


# --- a form's line that sets its label off with a bar ------------------------------------------------------------


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_label_opening_its_line_before_a_bar_reads_the_value(extract):
    text = "■ 基本情報\n氏名\u3000｜ 藤巻 彩乃\n住所\u3000\u3000\u3000｜ 埼玉県川越市脇田本町17-4 グランデ川越305\n"
    found = extract(text)
    assert ("埼玉県川越市脇田本町17-4 グランデ川越305", "ADDRESS") in found


@pytest.mark.parametrize(
    "text, not_value",
    [
        ("氏名｜職種｜接触日｜内容\n山田｜看護師｜2/1｜問診", "職種"),
        ("ID     |氏名          |性|生年月日\n00123  |山田 太郎     |M |1960/01/01", "氏名"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_header_row_of_labels_reads_no_label_as_a_value(extract, text, not_value):
    assert not any(value == not_value for value, _ in extract(text))


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_label_word_inside_a_name_before_a_bar_is_no_label(extract):
    text = "Ryo Mizutani, Radiology Nurse\nShonan Harbor Hospital | Tel 0467-22-8100"
    assert ("Shonan Harbor Hospital", "HOSPITAL_NAME") in extract(text)


# --- a month's abbreviation after a preposition -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, month",
    [("NYHA III since Dec. BNP 486", "Dec"), ("cancelled, rebook from Aug\nnext", "Aug"), ("until Sept, then", "Sept")],
)
def test_a_months_abbreviation_after_a_preposition_is_a_date(text, month):
    assert (month, "OTHER_DATE") in masked(text)


@pytest.mark.parametrize("text", ["in May we will review", "until Decompensation resolves", "from Marseille"])
def test_may_or_a_longer_word_is_no_month(text):
    assert not any(cat == "OTHER_DATE" for _, cat in masked(text))


# --- an age column counting a child's age in English units, a blank before the unit --------------------------------


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_an_age_column_reads_days_months_and_years_written_in_english(extract):
    text = (
        "| # | Date | Age | Procedure |\n|---|---|---|---|\n| 1 | 03/20/2000 | 6 days | Norwood |\n"
        "| 2 | Aug 2000 | 5 mo | Glenn |\n| 3 | 11/02/2003 | 3 y | Fontan |"
    )
    found = extract(text)
    assert {("6 days", "AGE"), ("5 mo", "AGE"), ("3 y", "AGE")} <= set(found)


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_duration_column_is_no_age(extract):
    text = "| # | Drug | Duration |\n|---|---|---|\n| 1 | PSL | 6 days |\n| 2 | MTX | 5 mo |"
    assert not any(cat == "AGE" for _, cat in extract(text))


# --- a practice named by a coined word before its kind: a bone-setter's, a dental office -------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("・はるかぜ整骨院 との併用について、主治医の同意", "はるかぜ整骨院"),
        ("Her dentist at ひらつか駅前デンタル\nplanned a tooth extraction", "ひらつか駅前デンタル"),
        ("、さくら歯科で抜歯予定", "さくら歯科"),
        ("→さくら病院へ転院", "さくら病院"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_coined_name_before_a_practices_kind_is_a_facility(extract, text, name):
    assert (name, "HOSPITAL_NAME") in extract(text)


@pytest.mark.parametrize("text", ["、かかりつけ歯科に相談", "、こども歯科の予約", "・その整骨院には通院していない"])
def test_a_word_that_points_at_a_practice_is_no_name(text):
    assert not any(cat == "HOSPITAL_NAME" for _, cat in balanced_masked(text))


# --- a doctor written one field early, where a location belongs ---------------------------------------------------


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_doctor_in_a_location_field_is_a_doctor(extract):
    text = "MSH|^~\\&|A|B\nPV1|1|I|4W^407^3|||2214^WAKUI^NAOTO^^^^^^^^^^^^^Dr|||ORT"
    found = extract(text)
    assert ("WAKUI^NAOTO", "PHYSICIAN_NAME") in found and ("2214", "OTHER_ID") in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_ward_room_and_bed_in_a_location_field_stay_a_place(extract):
    found = extract("MSH|^~\\&|A|B\nPV1|1|I|HCU12^3^1|||W5^512^2")
    assert ("W5", "DEPARTMENT") in found and ("512", "OTHER_ID") in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_form_whose_next_line_opens_with_a_label_is_no_table_header(extract):
    text = "氏名 | 村 瀬 久 美 子 | 1男 ②女 |\n生年月日 | 明治 ⑤昭和 大正 | 28年 1月 1日 |"
    assert ("村 瀬 久 美 子", "PATIENT_NAME") in extract(text)


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_two_pairs_on_a_forms_line_end_the_first_value_at_the_wide_gap(extract):
    text = "姓（かな）｜ ふじまき\u3000\u3000\u3000\u3000\u3000名（かな）｜ あやの\n姓（漢字）｜ 藤巻\u3000\u3000\u3000\u3000名（漢字）｜ 彩乃"
    found = [value for value, _ in extract(text)]
    assert "ふじまき" in found and "藤巻" in found


def test_a_word_and_a_particle_before_a_practices_kind_is_no_name():
    assert not any(cat == "HOSPITAL_NAME" for _, cat in balanced_masked("センノシド 24mg、デノスマブは歯科評価待ち"))


# --- a three-kanji family name the lists do not know, before a given name the dictionary knows and an honorific --


@pytest.mark.parametrize(
    "text", ["15:21 中川（Ns）：本日入院の 木津川 トミ子 さん（715号室）", "■ 715-B\u3000木津川 トミ子 様\u300077F"]
)
def test_three_kanji_before_a_known_given_name_and_an_honorific_are_the_family_name(text):
    assert "木津川 トミ子" in values(text)


def test_three_kanji_before_a_given_name_with_no_honorific_stay_apart():
    assert "木津川 トミ子" not in values("本日入院の 木津川 トミ子 のカルテ")


# --- a blank cell's dashes under a column of names or places are no value to find again elsewhere ----------------


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_dashes_in_a_blank_cell_are_not_found_again_in_the_tables_rule_lines(extract):
    rule = "-" * 60
    text = (
        f"{rule}\n No  患者番号     ｶﾅ氏名          紹介元                    同意書\n{rule}\n"
        " 01  A-0551832    ﾀｶﾊｼ ｴﾘｺ        衣笠ブレストクリニック    済\n"
        f" 02  A-0572264    ﾆｼﾀﾞ ﾕｳ          --                        --\n{rule}"
    )
    assert not any(value.strip("-") == "" for value, _ in extract(text))


# --- a published standard's address, an English word that parses as romaji ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{ "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation" } ] }',
        '"coding": [ { "system": "http://loinc.org/vs/LL1234567-8" } ]',
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_the_address_of_a_published_standard_is_no_identifier(extract, text):
    assert not any("org" in value for value, _ in extract(text))


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_hospitals_own_address_with_a_number_stays_an_identifier(extract):
    assert any("00512873" in value for value, _ in extract("portal: www.example-hosp.jp/pt/00512873"))


def test_an_english_word_that_parses_as_romaji_is_no_name():
    assert "Message" not in values("originalFilename=ADT.hl7\n  Message:\n    MSH|^~\\&|REGI|NISHIKI|EMR|")


# --- what a doctor did after the title, and a letter's Re: before the patient --------------------------------------------------


@pytest.mark.parametrize(
    "text, name, word",
    [("嘱託医 増田Dr 指示にて受診。", "増田", "指示"), ("03:10 当直 篠宮 Dr. 診察、Babinski反射 陰性", "篠宮", "診察")],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_common_word_after_dr_is_what_the_doctor_did_and_the_name_stands_before(extract, text, name, word):
    found = [value for value, _ in extract(text)]
    assert word not in found and name in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_name_after_dr_stays_a_name(extract):
    assert ("森", "PHYSICIAN_NAME") in extract("Dr. 森 が来た")
    assert ("山田 太郎", "PHYSICIAN_NAME") in extract("Dr.山田 太郎")
    # (a family name that is also a common word, but no noun of doing)
    assert ("岩清水", "PHYSICIAN_NAME") in extract("Referring: 脳神経内科 Dr. 岩清水\nDate of exam:")


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_re_at_the_head_of_a_letters_line_still_introduces_the_patient(extract):
    assert ("山田 太郎", "PATIENT_NAME") in extract("Re: 山田 太郎 様\n拝啓")
