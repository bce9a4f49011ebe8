"""Forms of the twenty-first round (blind-final41..42 once spent, blind-dev121..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked, masked_as, values


# --- HL7: identifiers and people in fields the standard gives other meanings -----------------------

_MSH = "MSH|^~\\&|HIS|HOSP|RIS|HOSP|20241128160212||ORM^O01|MSG2411-00871|P|2.5\n"


def test_a_visit_number_with_a_dash_one_field_early_is_an_identifier():
    text = _MSH + "PV1|1|E|QQ^03^B||||TAKASUGI^RYO^^^^^^Dr|||||||||||E24-081733|||\n"
    assert ("E24-081733", "OTHER_ID") in balanced_masked(text)


def test_a_lettered_number_in_a_field_of_no_identifier_is_one_but_the_message_number_is_not():
    text = _MSH + "PV1|1|O|RHEU|||||SAWATARI^KENGO^^^^^^Dr||||||||||||A2411-33017\n"
    found = balanced_masked(text)
    assert ("A2411-33017", "OTHER_ID") in found
    assert not any(value == "MSG2411-00871" for value, _ in found)


def test_a_staff_id_before_a_dictionary_name_in_an_unknown_field_is_an_identifier():
    text = (
        _MSH
        + "OBR|1|OR24-559102|LB24-771093|IGE^IgE^L|||20241127091200|||||||20241127103015|SER^血清||10482^小谷^博之\n"
    )
    assert ("10482", "OTHER_ID") in balanced_masked(text)


def test_a_person_with_an_empty_id_in_an_unknown_field_is_a_name():
    text = _MSH + "PV1|1|I|5W^508^2||||||||CVS||||||^吉岡^遼^^^^Dr|||V2501160087\n"
    assert ("吉岡^遼", "PHYSICIAN_NAME") in balanced_masked(text)


def test_a_phones_use_and_kind_before_its_number_is_no_person():
    text = _MSH + "NK1|1|||||||^WPN^PH^^^^^441^2208\n"
    assert not any(category == "PHYSICIAN_NAME" for _, category in balanced_masked(text))


@pytest.mark.parametrize("field", ["F13^Peanut^L", "^^240^202504030900", "CT^胸部CT"])
def test_codes_in_unknown_fields_stay_codes(field):
    text = _MSH + f"OBR|1|||||||||||||||||{field}\n"
    assert not any(category in ("PATIENT_NAME", "PHYSICIAN_NAME") for _, category in balanced_masked(text))


# --- rooms, beds, chairs and wards --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("入室予定：令和6年12月2日（無菌室 1107）\n", "1107"),
        ("実施日：２０２４年１０月２９日　　チェアＮｏ．５　　受付 ９：０５\n", "５"),
        ("坂本 悠斗 さん（19さい、大学生）　B-3床\n", "B-3"),
        ("ピーナツ負荷　外来処置室 2番ベット\n", "2"),
        ("▼B1 ｵｶﾞﾀさん OPCAB POD2\n", "B1"),
    ],
)
def test_a_room_bed_or_chair_by_its_word_is_an_identifier(text, value):
    assert value in masked_as("OTHER_ID", text)


@pytest.mark.parametrize(
    "text", ["無菌室 2室で運用\n", "チェア 3台 追加\n", "ビタミンB1 内服継続\n", "本日11:50頃、第3手術室にて\n"]
)
def test_counts_and_vitamins_are_no_rooms(text):
    assert masked_as("OTHER_ID", text) == []


def test_a_ward_code_after_an_admission_and_a_slash_is_a_ward():
    assert "6W" in masked_as("DEPARTMENT", "大塚 茂          M  79歳  入院/6W\n依頼科 血液内科\n")


def test_a_week_count_after_a_slash_is_no_ward():
    assert "6W" not in values("抗凝固療法 術後4W/6W で再評価\n")


def test_a_cardiac_surgical_icu_is_a_unit():
    assert "CSICU" in masked_as("DEPARTMENT", "Pt transferred to CSICU bed 5 at 12:05\n")


# --- names: a chat's sender with a post, a spaced given name, a column of names ---------------------


def test_a_chat_sender_in_kana_with_a_post_in_brackets_is_a_name():
    text = "2025/01/08 08:40 水野(薬剤部): 在庫確認\n2025/01/08 10:37 ｱｵﾔｷﾞ(検査室): 関節エコー枠 1枠空きました。\n"
    assert "ｱｵﾔｷﾞ" in masked_as("PHYSICIAN_NAME", text)


def test_a_chat_line_opened_by_a_room_word_is_no_sender():
    assert masked_as("PHYSICIAN_NAME", "2025/01/08 10:37 検査室(2F): 本日 15:30 空きあり\n") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("同意日　令和６年１０月１７日\n　患者本人　三浦 健 吉\n　家族　　　三浦 由紀子（続柄 妻 ）\n", "三浦 健 吉"),
        ("説明日：2O25年 3月 l8日\n患者署名：河野 佳代 子\n生年月日：l958 年\n", "河野 佳代 子"),
        ("患者氏名 池田 なな み 様（l6歳）\n", "池田 なな み"),
    ],
)
def test_a_given_name_spaced_one_letter_to_a_box_joins_its_family_name(text, value):
    assert value in values(text)


def test_a_word_after_a_name_and_a_blank_is_not_its_given_name():
    assert not any(value.endswith(" 入") for value in values("7:50 母 岡本 唯 入（付き添い交代）\n"))


_LEDGER = (
    "実施日,患者ID,患者氏名,製剤,実施者1,実施者2,副作用\n"
    "2024/10/22,2210-0457,村上 隆之,Ir-RBC-LR-2,牧野,戸田,なし\n"
    "2024/10/25,2211-0043,設楽 喜一,FFP-LR-240,杉浦,谷,なし\n"
    "2024/10/28,2211-0043,設楽 喜一,Ir-RBC-LR-2,杉浦,牧野,不明\n"
)


def test_a_name_in_a_column_of_names_is_a_name():
    assert "谷" in values(_LEDGER)


def test_words_in_a_column_of_names_stay_words():
    text = "日付,担当,状態\n2024/10/22,牧野,済\n2024/10/23,戸田,HOME\n2024/10/24,杉浦,不在\n2024/10/25,不在,なし\n"
    found = values(text)
    assert "HOME" not in found and "不在" not in found and "なし" not in found


def test_a_masked_number_showing_its_last_digits_is_an_identifier():
    assert "****4581" in masked_as("OTHER_ID", "[振込]  しののめ銀行 志木支店 普通 ****4581          322,240\n")
    assert "****-****-7302" in masked_as("OTHER_ID", "個人番号　****-****-7302（下4桁のみ表示）\n")


def test_a_units_name_before_what_a_form_says_of_it_is_a_department():
    assert "外来化学療法センター" in masked_as("DEPARTMENT", "抗がん剤投与　指示変更票（外来化学療法センター用）\n")
    assert masked_as("DEPARTMENT", "外科用ドレープ 2枚\n") == []


def test_age_and_sex_glued_after_an_id_in_brackets():
    found = values("1) 坂本 亘さん（0611045、29M）\n   左第5中手骨骨折\n")
    assert "29" in found and "M" in found


# --- ages --------------------------------------------------------------------------------------------


def test_years_in_brackets_after_a_date_in_words_are_an_age():
    assert "63 years" in masked_as("AGE", "FOSTER, DOB 14 Feb 1962 (63 years), Passport-based ID\n")


def test_years_in_brackets_in_prose_are_a_duration():
    assert masked_as("AGE", "She has smoked since the war (40 years), now stopped.\n") == []


# --- schools and nurseries; a facility's kind a scan misread -----------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("在籍園 北浜みなと保育園\n", "北浜みなと保育園"),
        ('"2024/09/05","安曇野市立三郷小学校","郵送"\n', "安曇野市立三郷小学校"),
        ("6階東病棟（小児）→ 県立みなと特別支援学校 すずかけ学級\n", "県立みなと特別支援学校"),
    ],
)
def test_a_school_by_its_name_is_masked(text, value):
    assert value in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "上の子を保育園に迎えに行く\n",
        "院内保育所あり\n",
        "妻と高校生の長女\n",
        "4月から小学校入学\n",
        "通園先の保育園\n",
    ],
)
def test_a_word_pointing_at_a_school_names_none(text):
    assert not any(value.endswith(("保育園", "保育所", "高校", "小学校")) for value in values(text))


@pytest.mark.parametrize(
    "text, value",
    [
        ("【みなと台循環器病皖】　生理機能検査室\n", "みなと台循環器病皖"),
        ("2O12年4月 東北中央医療センタ―（病床数 410床）\n", "東北中央医療センタ―"),
    ],
)
def test_a_facilitys_kind_misread_by_a_scan_is_still_its_kind(text, value):
    assert any(value in found for found in masked_as("HOSPITAL_NAME", text))


# --- wards by a wing's letter, a form's one-letter fields, an ordering department in HL7 ------------


@pytest.mark.parametrize(
    "text, ward, room",
    [("male, ID 81-00462 → 6A 612\n   Dx: DKA\n", "6A", "612"), ("2西 | 203 | 小野寺 悠真 くん\n", "2西", "203")],
)
def test_a_ward_then_its_room(text, ward, room):
    assert ward in masked_as("DEPARTMENT", text) and room in masked_as("OTHER_ID", text)


def test_a_wing_ward_after_an_admission_is_a_ward():
    assert "7B" in masked_as("DEPARTMENT", "2 ﾓﾁﾂﾞｷ ﾀｶｼ     入院(7B)\n")


@pytest.mark.parametrize("text", ["Stage 4A 312例の解析\n", "鉛筆 2B 100本\n", "HbA1c 6.5 と 4A\n"])
def test_grades_and_sizes_are_no_wards(text):
    assert masked_as("DEPARTMENT", text) == []


def test_a_forms_room_and_bed_fields_of_one_letter():
    found = masked_as("OTHER_ID", "7.01.22 昼食\n病棟 2W  室 205  床 1\n")
    assert "205" in found and "1" in found


@pytest.mark.parametrize("text", ["室温 25度\n", "個室 2室 空き\n", "床 上 安静\n"])
def test_room_temperature_and_counts_are_no_rooms(text):
    assert masked_as("OTHER_ID", text) == []


def test_the_entering_organisation_of_an_order_is_a_department():
    text = _MSH + "ORC|NW|RX2409180057||RX2409180057|||||20240918102200|||1023^相良^英樹|||||ORT^整形外科\n"
    assert ("ORT", "DEPARTMENT") in balanced_masked(text)


def test_a_latin_chat_sender_with_a_post_in_brackets_is_a_name():
    text = "[1/9 7:48] Tanabe(R1): おはようございます\n[1/9 7:49] Note(1): 確認\n"
    found = values(text)
    assert "Tanabe" in found and "Note" not in found


def test_a_childs_given_name_of_one_kanji_before_kun_is_a_name():
    assert "颯" in values("本日、颯 くんの診察時に体重（12.8kg）\n")
    assert "蒼" in values("柚月 ちゃん（6歳）と、お兄ちゃんの 蒼 くん（9歳、鶏卵）\n")


@pytest.mark.parametrize("text", ["赤ちゃんの体重 3010g\n", "兄ちゃんと来院\n", "弟くんも同伴\n"])
def test_kin_called_with_kun_or_chan_is_no_name(text):
    assert values(text) == []


def test_a_theatres_turn_is_no_room():
    assert masked_as("OTHER_ID", "切除（10/8 第2室 3例目）\n") == []


# --- years of what happened to the person ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("看護師\tA\t9/28-10/3\t陰性(2019)\t11/08\n", "2019"),
        ("HBワクチン 1シリーズ済(2019)\n", "2019"),
        ("喫煙：元（20本×30年、H21禁煙）\n", "H21"),
        ("Smoking: quit 2022 (was 20/day)\n", "2022"),
    ],
)
def test_the_year_of_a_result_or_an_event_is_a_date(text, value):
    assert value in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize("text", ["ガイドライン改訂(2019)\n", "KDIGO 2021 に準拠\n", "S6 発症の腫瘤\n"])
def test_a_guidelines_year_and_a_segment_are_no_dates(text):
    assert masked_as("OTHER_DATE", text) == []


def test_a_records_key_naming_an_age_with_more_words():
    assert "58" in masked_as("AGE", '    "age_at_study": 58,\n    "sex": "M"\n')
    assert masked_as("AGE", '"page": 12, "stage": 3, "image_count": 120\n') == []


def test_times_in_a_patients_hiragana_diary():
    found = masked_as("TIME", "あさ 5じ半 おきた　おしっこ 250\n7じ 120\n8じ15分 80\n")
    assert {"5じ半", "7じ", "8じ15分"} <= set(found)
    assert masked_as("TIME", "2じかん まった\n") == []


# --- hours in kanji numerals, more units, a pair of numbers that runs downwards ------------------


def test_an_hour_of_two_kanji_numerals_is_a_time():
    assert "十四時" in masked_as("TIME", "下顎呼吸 出始めと 看護師より連絡 十四時。\n")
    assert masked_as("TIME", "一時中断。十時間 かかった\n") == []


def test_an_epilepsy_monitoring_unit_is_a_unit():
    assert "EMU" in masked_as("DEPARTMENT", "【小児EMU】　夜勤観察メモ\n")


def test_a_ward_misread_by_a_scan_is_still_a_ward():
    assert any("病練" in v for v in masked_as("DEPARTMENT", "依頼者（職員）：竹 内　（5階西病練）\n"))


def test_a_pair_of_numbers_running_downwards_is_no_range():
    assert "6620-1184" in values("うちの 熊谷 聡 さん（6620-1184、59歳 M、NASH肝硬変\n")
    assert values("WBC 3500-9000 /uL、基準 1200-1800 kcal\n") == []


def test_years_with_a_sex_code_a_few_blanks_after_them():
    assert "34 y" in masked_as("AGE", "HARADA Kenta / 原田 健太   34 y  M   MRN 7731-220\n")


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("                         とちぎ 東 クリニック 透 析 室\n", "とちぎ 東 クリニック", "HOSPITAL_NAME"),
        ("［PDF取込］\n北斗記念病 院　　　　　　様式 輸-03\n", "北斗記念病 院", "HOSPITAL_NAME"),
        ("説明医師 片 桐 慎一郎　 血液内 科\n", "血液内 科", "DEPARTMENT"),
    ],
)
def test_a_facility_or_department_a_scan_broke_apart(text, value, category):
    assert value in masked_as(category, text)


def test_words_spaced_in_prose_are_no_facility():
    assert masked_as("HOSPITAL_NAME", "入院 中 の 内科 病棟 で 経過 観察\n") == []


def test_an_eponyms_name_after_a_persons_title_is_a_person():
    assert "Kudo" in values("9:02 Ns.Kudo: 本日の腎移植外来 予約17件\n")
    assert values("Kudo分類 IIIL、Foley 14Fr 留置\n") == []


def test_a_number_of_record_is_read_after_its_label():
    assert "2402-1177" in values("患者ID 2402-1177\n")


# --- names in a drawn table's cells, an extension list, numbers in a Z segment -------------------


def test_a_name_in_a_cell_after_a_drawn_rule_is_read():
    found = values("│A-07　│三浦 大輝 22♂　│拘束継続（体幹・両上肢）。│\n")
    assert "三浦 大輝" in found and "22" in found


def test_two_family_names_listed_with_a_dot_are_two_people():
    found = masked("技師：小田・河野\n")
    assert ("小田", "PHYSICIAN_NAME") in found or ("小田", "PATIENT_NAME") in found
    assert not any(value == "小田・河野" for value, _ in found)


def test_extensions_listed_after_their_names_on_a_phs_line():
    found = masked_as("FACILITY_PHONE", "PHS：篠原 6011／石井 6034／村上 6047\n")
    assert found == ["6011", "6034", "6047"]


def test_a_phone_in_a_senders_own_segment_is_no_code():
    text = _MSH + "ZRF|1|新宿東口クリニック|03-5312-0098|CD4 156 /uL\n"
    assert "03-5312-0098" in values(text)


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("d at your clinic between 2019 and 2022 (entecavir)\n", "2022", "OTHER_DATE"),
        ("・家族歴：兄 肝硬変（H10死亡）、妻\n", "H10", "OTHER_DATE"),
        ("PEPの相談です。23M、23時ごろ\n", "23", "AGE"),
        ("3東病棟（精神科急性期治療病棟）　保護室 No.3\n", "3", "OTHER_ID"),
    ],
)
def test_more_years_ages_and_rooms(text, value, category):
    assert value in masked_as(category, text)


def test_two_names_of_a_classification_joined_by_a_dot_are_an_eponym():
    assert values("胃：萎縮 C-2（木村・竹本分類）、体部に発赤\n") == []


def test_a_chat_exports_sender_on_the_line_of_the_time_is_a_name():
    found = values(
        "[8:41 AM] Nakano Yui (9東 Ns)\n2台お借りできますか\n[8:43 AM] Hashimoto Ren (ME)\nおはようございます\n"
    )
    assert "Nakano Yui" in found and "Hashimoto Ren" in found
    assert values("Hashimoto Thyroiditis (chronic)\n") == []


def test_a_wards_description_in_hl7_location_is_a_department():
    text = _MSH + "PV1|1|O|HFC^^^^^^^^心不全外来||||20931^ASANO^KEN\n"
    assert ("心不全外来", "DEPARTMENT") in balanced_masked(text)
