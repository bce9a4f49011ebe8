"""Forms of the twenty-second round (blind-final43..44 once spent, blind-dev145..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, found, masked, masked_as, values


# --- dates and times ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("死亡日時：令和7年1月9日 午前 4時12分　診療科", "午前 4時12分"),
        ("返還：1月9日 午後\u30003時頃に引渡し", "午後\u30003時"),
        ("受付 午後14:30", "午後14:30"),
    ],
)
def test_a_time_takes_its_morning_or_afternoon_word_across_one_blank(text, value):
    assert (value, "TIME") in balanced_masked(text)


@pytest.mark.parametrize("text", ["午前中 3時間かけて点滴", "午後 3回目の投与"])
def test_a_duration_or_a_count_after_the_word_is_no_time(text):
    assert not any(category == "TIME" for _, category in balanced_masked(text))


def test_the_last_day_of_a_month_belongs_to_its_date():
    assert ("２０２５年２月末日", "OTHER_DATE") in masked("返却予定：２０２５年２月末日まで")
    assert "２０２５年２月末" in values("返却予定：２０２５年２月末まで")


def test_a_year_of_an_era_glued_to_a_death_is_a_date():
    assert "H27" in values("現病歴：一人娘で、母（H27死去）亡き後は父と二人暮らし")


# --- people ----------------------------------------------------------------------------------------


def test_a_name_after_kin_in_a_list_of_those_present_is_a_person():
    found = values("2023/10/17\t本人・夫・堤\t胃瘻\n2024/07/23\t同席：夫・娘・原\tTPPV")
    assert found.count("堤") == 1 and "原" in found


def test_kin_after_kin_in_a_list_is_no_name():
    assert "孫" not in values("面会｜宇野 和美・宇野 翼｜長女・孫｜3F 302")
    assert not any(v in ("家族", "妹") for v in values("本人・家族へ説明。母・妹・中"))


def test_a_latin_name_ends_at_a_wide_blank_before_the_next_field():
    text = "Name of consenting relative / 承諾者: NGUYEN Thi Lan\u3000Relationship / 続柄: Wife"
    assert "NGUYEN Thi Lan" in values(text)
    assert "TAUFA Vaipulu" in values("氏\u3000名：タウファ・ヴァイプル（TAUFA Vaipulu）\n生年月日")
    assert "JST" not in values("Received: 2025-05-09 12:37 JST\u3000From: 0562-47-1234")


def test_nicknames_in_hiragana_that_talk_in_a_chat_are_people():
    chat = (
        "06:58 よしだ：夜勤おつかれさま\n07:01 ちえ@日勤L：了解です\n07:03 よしだ：ありがとう\n07:12 ちえ@日勤L：はい\n"
    )
    assert values(chat).count("よしだ") == 2 and values(chat).count("ちえ") == 2


def test_a_word_a_log_repeats_before_its_colon_is_no_nickname():
    assert "めも" not in values("07:00 めも：体温 36.5\n08:00 めも：なし\n")


@pytest.mark.parametrize("text, name", [("224号室\u3000李 偉 様（リ ウェイ）", "李 偉"), ("魏 国強 先生", "魏 国強")])
def test_a_chinese_family_name_of_every_script_opens_a_name(text, name):
    assert name in values(text)


def test_an_age_and_sex_written_together_in_brackets_before_a_diagnosis():
    found = masked("対象 5東 508 の 森下さん（76M 肺癌、3/9 4:05 永眠）")
    assert ("76", "AGE") in found and ("M", "SEX") in found
    assert not any(category == "AGE" for _, category in masked("山田さん（5F 会議室）"))


# --- wards and rooms -------------------------------------------------------------------------------


def test_a_room_and_bed_after_a_ward_and_a_dash():
    assert "508-2" in values("森下 光男さん 76M\u3000呼吸器内科／5東-508-2\nID:20583391")
    assert not any(v.startswith("12") for v in values("内科-12 件"))


def test_a_ward_of_a_kana_kind_keeps_its_floor():
    assert ("3階緩和ケア病棟", "DEPARTMENT") in masked("３）3階緩和ケア病棟の看護師さんたちにお礼を言いたい。")


# --- ages, sexes and addresses -----------------------------------------------------------------------


def test_an_age_and_sex_after_a_masked_record_number():
    found = masked("1) I.F. (ID ****1872) 68 F  R MCA bif 4.8mm")
    assert ("68", "AGE") in found and ("F", "SEX") in found


def test_an_age_after_a_birth_date_and_a_sex_code_in_a_semicolon_row():
    found = masked("ID;Name;DOB;Sex;Age\nNSG-0041127;WATANUKI Kyoko;1968-09-30;F;56;Lt IC-PCom 7.1mm;coil;2024-10-03")
    assert ("56", "AGE") in found
    assert ("7", "AGE") not in found


def test_an_age_glued_to_its_sex_after_a_comma_of_prose():
    found = masked("救急隊から先着連絡、58F 右麻痺? 左麻痺?")
    assert ("58", "AGE") in found and ("F", "SEX") in found
    assert not any(category == "AGE" for _, category in masked("本館、12F 会議室"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("\u3000せせらぎ市本町1-4-22\n", "せせらぎ市本町1-4-22"),
        ("妻と二人暮らし。汐見市鵠沼松が岡3-15-9 の戸建て", "汐見市鵠沼松が岡3-15-9"),
    ],
)
def test_a_coined_city_with_its_town_and_block_is_an_address(text, value):
    assert (value, "ADDRESS") in masked(text)


@pytest.mark.parametrize("text", ["学区内1-2 年生", "地区センター1-2 番", "投与量は市販薬3-4錠"])
def test_a_block_after_a_word_of_district_is_no_coined_city(text):
    assert found("address-tail", text) == []


# --- HL7, JSON keys, chats and tables ---------------------------------------------------------------

_MSH = "MSH|^~\\&|HIS|HOSP|RIS|HOSP|20241128160212||ADT^A02|MSG1|P|2.5\n"


def test_a_doctor_written_one_field_late_in_a_visit_is_a_person():
    text = _MSH + "PV1|1|I|HCU^HC06^1|||||||NEP||||||||3301^NARITA^SHUN|\n"
    found = balanced_masked(text)
    assert ("3301", "OTHER_ID") in found and ("NARITA^SHUN", "PHYSICIAN_NAME") in found


def test_a_code_and_its_text_in_an_observation_stay_codes():
    found = balanced_masked(_MSH + "OBX|1|NM|2345^GLU^LN||120|mg/dL\n")
    assert not any(category == "PHYSICIAN_NAME" for _, category in found)


def test_an_insurers_number_is_an_identifier_but_a_travel_insurers_code_is_not():
    assert ("401307", "OTHER_ID") in balanced_masked(_MSH + "IN1|1|67^国民健康保険^JHSD0001|401307|国民健康保険\n")
    assert ("EUA-7", "OTHER_ID") not in balanced_masked(_MSH + "IN1|1|TRV01^旅行保険^L|EUA-7|EuroAssist\n")


def test_a_name_written_with_a_caret_in_a_messages_note():
    assert "青柳^理沙" in values("NTE|1||RRT起動後転棟（起動 20250412024100、対応 青柳^理沙）")
    assert not any("^" in v for v in values("OBX|1|CE|GLU^血糖^L||120"))


def test_a_social_workers_key_names_a_person():
    found = balanced_masked('{"office":"子ども家庭課","cw":"森永","case_no":"JS-0413","msw":"平塚 葵"}')
    assert ("森永", "PHYSICIAN_NAME") in found and ("平塚 葵", "PHYSICIAN_NAME") in found


def test_a_chat_sender_after_the_unit_it_speaks_for():
    chat = "[07:58] ER 乾: ERに 82歳女性\n21:04 RRT Dr.リ: 向かいます\n09:00 ICU 申し送り: なし\n"
    found = values(chat)
    assert "乾" in found and "リ" in found and "申し送り" not in found


def test_an_export_by_a_login():
    assert "ykimura" in values("training centre medical room; export by ykimura 2025-04-10 18:22")


def test_a_units_lettered_bed_before_a_name_opens_its_line():
    found = masked_as("OTHER_ID", "記入 ﾅｶﾉ\n\nH1\u3000ﾌｼﾞﾀ ｶｽﾞｺ\u300090F\u3000心不全増悪\n")
    assert "H1" in found


def test_an_age_after_a_name_its_reading_and_honorific():
    found = masked("【3床】Wang Xiuying（ワン シウイン）様\u300066F\u3000ID 3420066")
    assert ("66", "AGE") in found


def test_an_age_closing_a_drawn_tables_cell_after_a_name():
    assert ("56", "AGE") in masked("│2 │田村 幸 様 56 │救急 │宇野 │")


def test_a_heavy_rule_line_parts_a_tables_header_from_its_rows():
    table = (
        "┃№　 ┃発生日　　┃時刻　　┃患者　　┃年齢　┃室　┃状況　┃\n"
        "┣━━━╋━━━━━╋━━━━╋━━━━╋━━━╋━━╋━━━┫\n"
        "┃ 1　 ┃1/3(金)  ┃04:20   ┃Ｓ・Ｈ　 ┃８６ 　 ┃712 ┃トイレ内 ┃\n"
    )
    assert ("８６", "AGE") in masked(table)


def test_a_member_set_to_null_names_nobody():
    found = balanced_masked('{"office":null,"cw":null,"case_no":null,"msw":"平塚 葵"}')
    assert found == [("平塚 葵", "PHYSICIAN_NAME")]


def test_a_time_cards_in_and_out_columns_hold_times():
    rows = "ｼﾒｲ,ﾋﾂﾞｹ,ﾖﾃｲIN,ﾖﾃｲOUT\nｽﾄﾞｳ ﾂﾖｼ,20241203,1630,0100\n"
    assert ("1630", "TIME") in balanced_masked(rows) and ("0100", "TIME") in balanced_masked(rows)
    assert not any(category == "TIME" for _, category in balanced_masked("Name,PIN,Protein\nA,1234,0830\n"))


def test_a_label_with_its_english_word_in_brackets_before_a_blank():
    found = balanced_masked("年令(Age) 58\u3000性別(Sex) 男")
    assert ("58", "AGE") in found and ("男", "SEX") in found


def test_an_age_and_sex_after_a_name_end_a_sentence():
    found = masked("10:41 井ノ口（赤エリア）: R-1 佐々木 健一さん 58M。骨盤骨折")
    assert ("58", "AGE") in found and ("M", "SEX") in found


def test_a_column_of_where_people_live_holds_addresses():
    rows = "職員番号,氏名,職種,居住地区,連絡先\n010233,能勢 圭吾,医師,浜ノ宮市汐入町,090-3385-1920\n"
    assert ("浜ノ宮市汐入町", "ADDRESS") in balanced_masked(rows)


def test_a_phones_dashes_read_as_the_kanji_one():
    assert "O9O一5l24一887l" in values("電話 O9O一5l24一887l\n覚知 O3:5l")
    assert "090一5124一8871" in values("電話 090一5124一8871")


def test_a_persons_city_in_a_record():
    found = balanced_masked('{"name":"HOANG Minh Tuan","country":"VN","city":"Da Nang","age":45,"sex":"M"}')
    assert ("Da Nang", "ADDRESS") in found


def test_a_name_after_an_interpreter_or_in_brackets_after_kin():
    assert "Beatriz" in values("Interpreter Beatriz is available Wed 14:00 only.")
    assert "Rohit" in values("Called back 9:40. Husband (Rohit) also on the line.")
    assert values("Interpreter (Spanish) booked; son (Home) visit") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("④15:50 他院(逗子なぎさ整形)から紹介予約", "逗子なぎさ整形"),
        ("骨折 、 ふじみ野整形 より 救急車", "ふじみ野整形"),
    ],
)
def test_an_orthopaedic_practice_by_its_short_name(text, value):
    assert (value, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize("text", ["左足底に 9×7mm の不整形黒褐色斑", "当院整形受診", "整形オンコール 飯島Dr"])
def test_the_short_word_alone_or_in_a_shape_is_no_practice(text):
    assert not any(category == "HOSPITAL_NAME" for _, category in masked(text))


@pytest.mark.parametrize(
    "text, age",
    [
        ("患者：片山 瑞穂\u3000F\u3000H2.2.14生（34）\n診察券No. 00772951", "34"),
        ("生年月日\u3000\u3000令和６年９月３日\u3000（２か月）", "２か月"),
        ("有馬 湊斗 くん（R6.10.28生\u30007か月）", "7か月"),
    ],
)
def test_an_age_right_after_a_birth_date(text, age):
    assert (age, "AGE") in masked(text)


def test_a_number_in_brackets_after_a_birth_date_with_a_label_is_not_an_age():
    assert not any(category == "AGE" for _, category in masked("生年月日 1990/1/1 (ID 123)"))


def test_a_name_observed_under_a_persons_role_is_a_person():
    text = (
        "MSH|^~\\&|A|B|C|D|20250914||ORU^R01|1|P|2.5\n"
        "OBX|5|CE|PATHOLOGIST^診断医||TSUJI^MIHO^^^^MD||||||F\n"
        "OBX|7|CE|DX^診断^L||ADENOCARCINOMA^腺癌^L||||||F\n"
    )
    found = balanced_masked(text)
    assert ("TSUJI^MIHO", "PHYSICIAN_NAME") in found
    assert not any(value.startswith("ADENO") for value, _ in found)


def test_a_bay_in_a_record_is_a_bed():
    assert ("R-4", "OTHER_ID") in balanced_masked('{"ts":"2024-10-17T11:24:03+09:00","bay":"R-4","mrn":"0048-2217"}')


def test_a_postal_code_in_a_record_is_part_of_an_address():
    assert ("901-2103", "ADDRESS") in balanced_masked('{"dob": "19700317", "zip": "901-2103", "city": "浦添市"}')


@pytest.mark.parametrize("text", ["◆ B3-07 久世 湊（15 AN）\n", "◆ 保護室2 二階堂 蒼（16 ASD・強度行動障害）\n"])
def test_two_digits_in_brackets_after_a_name_then_a_diagnosis_are_an_age(text):
    assert any(category == "AGE" for _, category in masked(text))


@pytest.mark.parametrize("text", ["山田さん（3 回目）", "山田さん（12 名参加）", "田中さん（20 mg）"])
def test_a_count_or_a_dose_in_brackets_after_a_name_is_no_age(text):
    assert not any(category == "AGE" for _, category in masked(text))


def test_a_service_one_field_late_in_a_visit_is_a_department():
    text = _MSH + "PV1|1|E|ICU^03^1^^^^^^|||||^石坂^亮^^^^^Dr|||NSG||||||||V2510210044\n"
    assert ("NSG", "DEPARTMENT") in balanced_masked(text)


def test_a_scanners_room_in_a_query_is_no_bed():
    assert not any(value == "CT2" for value, _ in balanced_masked("GET /ris?acc=RA2505140013;room=CT2&x=1"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("情報提供書は作成、1月中に発送", "1月中"),
        ("臨床経過：2024年秋頃から", "2024年秋頃"),
        ("薬は2月頭から飲んで", "2月頭"),
    ],
)
def test_a_stretch_of_a_month_or_a_season_belongs_to_its_date(text, value):
    assert value in values(text)


@pytest.mark.parametrize("text, value", [("3月中止", "3月"), ("5月中毒の疑い", "5月"), ("4月頭痛あり", "4月")])
def test_a_word_opening_with_the_same_letter_stays_outside(text, value):
    assert value in values(text)


def test_a_room_after_a_lists_item_number_before_a_name():
    text = "1) 1108 GARCIA Roberto (56M) — STABLE\n2) 1112 本田 隆之 (49M) — WATCHER\n"
    found = masked_as("OTHER_ID", text)
    assert "1108" in found and "1112" in found
    assert "2024" not in masked_as("OTHER_ID", "1) 2024 山田 太郎")


def test_the_end_of_a_stretch_of_years_from_one_to_another():
    assert "2019" in values("followed at your hospital from 2015 to 2019 for chronic hepatitis B")


def test_a_referrals_provider_segment():
    text = (
        "MSH|^~\\&|A|SCH|C|D|20250219||REF^I12|1871|P|2.5\n"
        "PRD|RP^紹介元|鳴海^透^^^^^^^L^I|港南町2丁目8番1号^^汐見台市^千葉県^299-1187^JPN|3E^^^汐見台中央病院|"
        "0438-52-7100^WPN^PH||1302^^^SCH\n"
    )
    found = balanced_masked(text)
    assert ("鳴海^透", "PHYSICIAN_NAME") in found and ("0438-52-7100", "FACILITY_PHONE") in found
    assert ("1302", "OTHER_ID") in found and ("3E", "DEPARTMENT") in found
    assert any(category == "FACILITY_ADDRESS" for _, category in found)


def test_a_full_name_with_a_post_written_onto_it():
    found = values("│ 出席：茅野Dr／能登 健吾PT／日下部 綾OT／水嶋 葵ST／病棟Ns 江川  │")
    assert "能登 健吾" in found and "日下部 綾" in found and "水嶋 葵" in found
    assert values("心電図 II III aVF で ST 上昇、左 右PT") == []


def test_a_name_split_into_family_and_given_keys():
    assert ("Sho", "PATIENT_NAME") in balanced_masked('{"family":"Tanaka","given":"Sho"}')
    assert not any(value == "名" for value, _ in balanced_masked("名\u3000\u3000称\u3000船橋ならしの台病院"))


def test_a_log_speaker_after_an_iso_stamp():
    log = "2025-01-06T23:48:12+09:00 itagaki: NICU の T-Bil 21.6\n2025-01-07T00:20:00Z note: test\n"
    found = values(log)
    assert "itagaki" in found and "note" not in found
