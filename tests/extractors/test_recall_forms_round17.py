"""Forms of the seventeenth round (blind-final30..32 once spent, blind-dev69..74): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.recognizer import Document
from phi_core.extractors.recognizers.spaced_facilities import SpacedFacilityRecognizer
from tests.extractors.recall_probes import balanced_masked, masked


_TIMELINE = (
    "Scribe: Asano RN\n1402  Hotline（救急隊）四肢麻痺疑い\n1405  Trauma call\n"
    "1421  Arrival → R1、log roll\n1423  A: patent 発声可\n"
)


@pytest.mark.parametrize("find", [balanced_masked, masked])
def test_four_digit_times_heading_a_timelines_lines(find):
    times = [v for v, c in find(_TIMELINE) if c == "TIME"]
    assert times == ["1402", "1405", "1421", "1423"]


def test_a_timeline_may_pass_midnight_once():
    text = "2340  来院\n2355  CT\n0010  入院決定\n0030  病棟へ\n"
    assert [v for v, c in balanced_masked(text) if c == "TIME"] == ["2340", "2355", "0010", "0030"]


@pytest.mark.parametrize(
    "text",
    [
        "0131  03/02  救急外来待合\n0132  03/05  透析室\n0133  03/11  5西\n",  # a ledger's serials
        "1998  入職\n2004  専門医取得\n2015  部長\n",  # years of a career
        "0012     ｶﾈﾀﾞ\n0013     ｸﾗﾓﾄ\n0027     ﾐｽﾞﾉ\n",  # a staff list's numbers
        "1402  来院\n",  # one number alone
        "1500  開始\n1200  終了\n1800  記録\n",  # no clock runs backwards
    ],
)
def test_columns_of_four_digits_that_are_no_timeline(text):
    assert not [v for v, c in balanced_masked(text) if c == "TIME"]


def test_a_nurses_title_written_onto_her_full_name():
    assert ("和田 美穂", "PHYSICIAN_NAME") in balanced_masked("術者 小池Dr／記録 和田 美穂Ns\n")


@pytest.mark.parametrize("text", ["担当Ns より", "夜勤Ns 2名", "川原 しおり (4西 Ns):"])
def test_ns_after_a_role_a_shift_or_a_ward_names_no_one(text):
    assert not [v for v, c in balanced_masked(text) if c == "PHYSICIAN_NAME" and v != "川原 しおり"]


def test_the_older_spelling_of_the_age_label():
    assert ("44", "AGE") in balanced_masked("傷病者 葉山 淳　年令 44　性 男")


@pytest.mark.parametrize("text", ["傷病者氏名 百瀬 ふみ　女", "傷病者名：百瀬 ふみ"])
def test_the_ambulance_crews_word_for_the_patient_labels_a_name(text):
    assert ("百瀬 ふみ", "PATIENT_NAME") in balanced_masked(text)


@pytest.mark.parametrize("text", ["傷病者数 3名", "傷病者 2名を搬送", "傷病者情報"])
def test_the_word_alone_or_counted_labels_nothing(text):
    assert not [v for v, c in balanced_masked(text) if c == "PATIENT_NAME"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("氏名 : 前田 啓 子　様", "前田 啓 子"),
        ("氏名：前 田 啓 子", "前 田 啓 子"),
        ("担当：山 田 花 子 Ns", "山 田 花 子"),
    ],
)
def test_a_name_in_a_label_value_typed_a_letter_apart_is_read_whole(text, name):
    assert name in [v for v, _ in balanced_masked(text)]


def test_a_sex_in_the_next_box_stays_out_of_a_spaced_name():
    found = masked("氏名：百 瀬 ふ み　女")
    assert ("百 瀬 ふ み", "PATIENT_NAME") in found and ("女", "SEX") in found
    assert ("田 中 一 男", "PATIENT_NAME") in masked("氏 名  田 中 一 男")
    assert ("前田 啓", "PATIENT_NAME") in balanced_masked("氏名：前田 啓 男 性別")


def test_a_scan_reading_the_name_label_wrong_still_labels_the_name():
    assert ("百 瀬 ふ み", "PATIENT_NAME") in masked("傷病者氏右 百 瀬 ふ み　女　8l才")


@pytest.mark.parametrize(
    "text, initials",
    [("#2 S.T 41F｜腎結石疑い", "S.T"), ("初療2　T.K 15女　OD", "T.K"), ("C N.V.H 19M ｱﾙ中", "N.V.H")],
)
def test_initials_before_an_age_and_a_sex(text, initials):
    assert (initials, "PATIENT_NAME") in masked(text)


@pytest.mark.parametrize("text", ["CT 3.5 10mm", "pH 7.4 20", "Fr.A 10 mm"])
def test_numbers_and_abbreviations_before_a_measurement_are_no_initials(text):
    assert not [v for v, c in masked(text) if c == "PATIENT_NAME"]


@pytest.mark.parametrize(
    "text, clinic",
    [
        ("既往 心房細動（かかりつけ 並柳ク リ ニ ッ ク）　内服", "並柳ク リ ニ ッ ク"),
        ("かかりつけ 並 柳 ク リ ニ ッ ク）", "並 柳 ク リ ニ ッ ク"),
    ],
)
def test_a_clinic_spaced_from_inside_its_name_or_closing_a_bracket(text, clinic):
    assert (clinic, "HOSPITAL_NAME") in masked(text)


def test_a_spaced_kind_alone_names_no_facility():
    assert not [v for v, c in masked("（総 合 病 院）") if c == "HOSPITAL_NAME"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("9:12　左胸腔ドレーン 28Fr（宮内）血性 500mL", "宮内"),
        ("対象外の点を説明済み（本田）。", "本田"),
        ("■ 月水金 AM　1号車（山内）\n", "山内"),
    ],
)
def test_a_family_name_alone_in_brackets_after_an_entry(text, name):
    assert (name, "PHYSICIAN_NAME") in masked(text)


@pytest.mark.parametrize("text", ["1F ﾄｲﾚ(東),衣類", "病棟（西）", "（腹部）", "（済）", "（再検）"])
def test_a_side_a_body_part_or_a_remark_in_brackets_is_no_name(text):
    assert not [v for v, c in masked(text) if c == "PHYSICIAN_NAME"]


@pytest.mark.parametrize("text, age", [("年 齢　7 6 歳　性 別　女", "7 6 歳"), ("年 令 4 6 才\n住 所", "4 6 才")])
def test_an_age_scanned_a_box_to_a_digit_after_its_label_is_one_age(text, age):
    assert (age, "AGE") in balanced_masked(text)


def test_a_word_before_a_spaced_name_is_no_part_of_the_facility():
    found = masked("受診先：市 立 み な と 台 病 院 呼吸器内科")
    assert ("市 立 み な と 台 病 院", "HOSPITAL_NAME") in found
    spaced = SpacedFacilityRecognizer().find(Document("紹介先 総 合 病 院 へ"))
    assert not [c for c in spaced if c.category == "HOSPITAL_NAME"]


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("l1月 2 8 日 当院受診されました。", "l1月 2 8 日", "OTHER_DATE"),
        ("設置希望日　6 月 l3 日　時間帯", "6 月 l3 日", "OTHER_DATE"),
        ("娩出日時　午後 3時 4 2分\n", "午後 3時 4 2分", "TIME"),
        ("| 時刻 | 午前 6時 30分 |", "午前 6時 30分", "TIME"),
        ("強（光線療法 7 / 2 2 ～ 7 / 2 3）", "7 / 2 2", "OTHER_DATE"),
        ("発赤あり(5/2 8〜) 体位交換", "5/2 8", "OTHER_DATE"),
    ],
)
def test_a_month_and_day_or_an_hour_and_minute_split_by_blanks(text, value, category):
    assert (value, category) in masked(text)


@pytest.mark.parametrize(
    "text", ["1/2 3錠", "Se 3 / 2 5 image", "血圧 1 2 0/8 0 mmHg", "投与 3 時間 20 分", "13 月 40 日"]
)
def test_a_half_a_series_a_pressure_and_a_duration_are_no_split_date(text):
    assert not [v for v, c in masked(text) if c in ("OTHER_DATE", "TIME") and " " in v]


def test_a_katakana_after_a_kanji_given_name_before_a_gap_is_the_kanji_it_resembles():
    assert "吉住 誠ニ" in " ".join(v for v, c in masked("3 吉住 誠ニ　ヨシズミ セイジ　S37.8") if c == "PATIENT_NAME")
    assert not [v for v, c in masked("入口ニ　移動") if c == "PATIENT_NAME"]


def test_an_age_in_brackets_after_its_label():
    assert ("46", "AGE") in balanced_masked("年齢 ( 46 )歳\n")


@pytest.mark.parametrize(
    "text, name",
    [
        ("氏　　名　小 池 サ ダ　（女・71才）", "小 池 サ ダ"),
        ("患 者 氏 名：沖 田 喜久雄 　(オキタ キクオ)", "沖 田 喜久雄"),
    ],
)
def test_a_name_typed_a_letter_apart_after_a_label_spaced_wider_or_closed_by_a_colon(text, name):
    assert (name, "PATIENT_NAME") in balanced_masked(text)


@pytest.mark.parametrize("text", ["検 査 結 果 報 告 書", "申 込 書", "健 康 診 査"])
def test_a_title_or_a_value_typed_a_letter_apart_is_no_persons_name(text):
    assert not [v for v, c in masked(text) if c in ("PATIENT_NAME", "PHYSICIAN_NAME")]


@pytest.mark.parametrize(
    "text, name", [("From: CRC室 森 沙織\n件名", "森 沙織"), ("入力：医事課 関 美穂　最終更新", "関 美穂")]
)
def test_a_name_after_a_word_ending_in_one_kanji_is_still_a_name(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME")]


@pytest.mark.parametrize("text, name", [("13:10 兄 湊（小2）面会", "湊"), ("鴎 崎 智 也\n患者 氏名", "崎 智 也")])
def test_a_single_kanji_before_a_name_that_makes_no_word_with_it_leaves_the_name(text, name):
    assert any(name in v for v, c in masked(text) if c.endswith("NAME") or c == "EMERGENCY_CONTACT")


def test_hl7_diagnosis_dates_study_uids_and_an_interpreter_in_subcomponents():
    message = (
        "MSH|^~\\&|ADT|X|NCS|NURSE|20240903143002||ADT^A01^ADT_A01|ADT0903-0192|P|2.5\n"
        "DG1|1||K80.3^総胆管結石による胆管炎^I10||20240903|A\n"
        "OBR|1|HO-1||CT||||||||||||||||||||||||||||31502&NISHIDA&KAZUHIRO\n"
        "ZDS|1.2.392.200036.9116.2.6.1.48.1211426551.1722402622.187432^RIS^Application^DICOM\n"
    )
    found = balanced_masked(message)
    assert ("20240903", "OTHER_DATE") in found
    assert ("NISHIDA&KAZUHIRO", "PHYSICIAN_NAME") in found
    assert ("1.2.392.200036.9116.2.6.1.48.1211426551.1722402622.187432", "OTHER_ID") in found
    assert not [v for v, c in found if "K80" in v or "総胆管" in v]


@pytest.mark.parametrize(
    "text, name",
    [
        ("術者 石井/原\n", "原"),
        ("腹腔鏡下胆摘\t全麻\t石井/原\t田村", "原"),
        ("Name  : OHASHI TAKASHI ／ 大橋 隆\nDOB", "大橋 隆"),
    ],
)
def test_the_next_item_after_a_found_name_in_a_list(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME")]


@pytest.mark.parametrize("text", ["石井/左\n", "採血 石井/計\n", "石井/原因不明"])
def test_a_word_after_a_found_name_and_a_slash_that_names_no_one(text):
    assert [v for v, c in masked(text) if c.endswith("NAME")] == ["石井"]


@pytest.mark.parametrize(
    "text, firm",
    [
        ("差出人：あおい薬局 かもめ台駅前店 管理薬剤師 仲村 晴香", "あおい薬局 かもめ台駅前店"),
        ("32,2025/2/3,10:40,あおい薬局 駅前店,00783021", "あおい薬局 駅前店"),
        ("発信元: ファーマシー海上 旭駅前店  0479-62-8805", "ファーマシー海上 旭駅前店"),
    ],
)
def test_a_pharmacy_with_its_branch_and_a_pharmacy_named_after_its_kind(text, firm):
    assert (firm, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize("text", ["院内ファーマシーにて", "ファーマシー部門", "ファーマシーで受取", "当院 売店"])
def test_the_kind_alone_or_a_shop_of_the_hospital_is_no_firm(text):
    assert not [v for v, c in masked(text) if c == "HOSPITAL_NAME"]


def test_a_hospital_run_by_ja_koseiren_keeps_its_operator():
    assert ("JA厚生連 みなみ総合病院", "HOSPITAL_NAME") in masked("同意撤回書\n\nJA厚生連 みなみ総合病院　消化器内科\n")


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Spouse Anna Hoffmann (+49 170 5528134) was informed.", "+49 170 5528134"),
        ("WhatsApp +55 11 9 8123-4470\n", "+55 11 9 8123-4470"),
        ("Tel +1 (415) 555-0134", "+1 (415) 555-0134"),
    ],
)
def test_a_phone_number_of_another_country(text, phone):
    assert (phone, "PHONE") in balanced_masked(text)


@pytest.mark.parametrize("text", ["Na +3 mEq", "HbA1c +0.5 %", "+10 mmHg 2 3", "CRP +2.5 (前回 1.2)"])
def test_a_signed_measurement_is_no_foreign_phone(text):
    assert not [v for v, c in balanced_masked(text) if c == "PHONE"]


def test_an_hour_a_scan_read_as_letters_after_am_or_pm():
    assert ("午後ll時頃", "TIME") in masked("令和6年ll月23日 午後ll時頃 発生")


def test_a_family_name_scanned_a_letter_apart_then_a_given_name_in_pieces():
    assert ("三 上 キミ エ", "PATIENT_NAME") in balanced_masked("患者氏名　 三 上 キミ エ 殿　（ミカミ キミエ）")


def test_the_name_label_a_scan_misread_as_shi_kaku():
    assert ("真 田 　 敏 子", "PATIENT_NAME") in masked("患者氏各: 真 田 　 敏 子 　様　　　　　性別: 女")


def test_a_family_name_before_the_next_fields_shift_word_is_found_alone():
    found = [v for v, c in masked("夜勤L：内田　日勤L：高木　（欠員1）") if c.endswith("NAME")]
    assert "内田" in found and "高木" in found and not [v for v in found if "日勤" in v]


@pytest.mark.parametrize(
    "text, time",
    [("転院日 : 9 月 19 日(木)  14 : 00 頃 着", "14 : 00"), ("説明 日時 : 2O25 / 3 / 7  l7 : 4O\n", "l7 : 4O")],
)
def test_a_clock_time_with_blanks_about_its_colon(text, time):
    assert (time, "TIME") in masked(text)


@pytest.mark.parametrize("text", ["抗核抗体 1 : 40", "比 2 : 1 で", "I : E = 1 : 2"])
def test_a_titre_or_a_ratio_with_blanks_is_no_clock_time(text):
    assert not [v for v, c in masked(text) if c == "TIME"]


@pytest.mark.parametrize(
    "text, time",
    [("1 OR1 8:45 高 木 64", "8:45"), ("ソルアセトF 500ml 2:50〜", "2:50"), ("1｜3/1 2:10｜松本南1", "2:10")],
)
def test_a_digit_or_letter_of_the_word_before_is_no_part_of_a_clock_time(text, time):
    assert (time, "TIME") in masked(text)


@pytest.mark.parametrize("text", ["PHQ-9: 11  GAD-7: 5", "PSD24-2: 11.02 dB"])
def test_a_scores_number_after_a_colon_is_no_clock_time(text):
    assert not [v for v, c in masked(text) if c == "TIME"]


def test_a_modality_worklists_scheduled_step():
    found = balanced_masked(
        "(0040,0002) DA [20250301]  # ScheduledProcedureStepStartDate\n"
        "  (0040,0003) TM [1030]  # ScheduledProcedureStepStartTime\n"
        "  (0040,0006) PN [SATO^KEN]\n  (0040,0009) SH [SPS-2025-0301-01]\n"
    )
    assert ("1030", "TIME") in found and ("SATO^KEN", "PHYSICIAN_NAME") in found
    assert ("SPS-2025-0301-01", "OTHER_ID") in found


def test_an_hl7_viewers_dump_one_field_to_a_line():
    found = balanced_masked(
        "受信ログ\n  PID-5  患者氏名          : 秋吉^陽菜^^^^^L^I~アキヨシ^ヒナ^^^^^L^P\n"
        "  NK1-2  氏名              : 秋吉^真由美^^^^^L^I\n  PV1-7  主治医            : 2208^間宮^拓\n"
        "  OBX-5 結果 : 12.5\n"
    )
    assert ("秋吉^陽菜", "PATIENT_NAME") in found and ("アキヨシ^ヒナ", "NAME_READING") in found
    assert ("秋吉^真由美", "EMERGENCY_CONTACT") in found and ("間宮^拓", "PHYSICIAN_NAME") in found
    assert not [v for v, c in found if "12.5" in v]
    assert not balanced_masked("ABC-1: 123 test\nSOP-12 手順: 5分")


def test_several_hl7_fields_dumped_on_one_line_each_end_where_the_next_begins():
    found = balanced_masked("ADT^A01\n  PID-3=00620394 PID-5=柏木^信夫\n  PID-3=482193 (桁不足) PID-5=ｲｼﾊﾗ^ﾏﾕﾐ\n")
    assert ("00620394", "PATIENT_ID") in found and ("柏木^信夫", "PATIENT_NAME") in found
    assert ("482193", "PATIENT_ID") in found and ("ｲｼﾊﾗ^ﾏﾕﾐ", "PATIENT_NAME") in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("すでに「そう」ちゃんと呼んでいる", "そう"),
        ("孫の さくら ちゃん", "さくら"),
        ("母は「ひー」ちゃんと呼びかけ", "ひー"),
    ],
)
def test_a_childs_name_or_nickname_in_hiragana_before_chan_or_kun(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME") or c == "EMERGENCY_CONTACT"]


@pytest.mark.parametrize("text", ["おばあちゃんが来た", "赤ちゃんは元気", "、おにいちゃんと遊ぶ"])
def test_how_a_family_calls_its_kin_is_no_name(text):
    assert not [v for v, c in masked(text) if c.endswith("NAME")]


def test_chanto_after_a_word_is_an_adverb_not_an_honorific():
    assert not [v for v, c in masked("「加奈ちゃん、ごはんちゃんと食べや」") if v == "ごはん"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("| 1B:OO | 37.O |", "1B:OO"),
        ("受付 B:3O   検査 lO:O5", "B:3O"),
        ("( B7 歳 )", "B7 歳"),
        ("回答日時 3/B l1:25", "3/B"),
    ],
)
def test_b_a_scan_read_for_eight_by_a_clocks_colon_a_dates_slash_or_an_age(text, value):
    assert value in [v for v, _ in masked(text)]


@pytest.mark.parametrize("text", ["Vitamin B12 投与", "B型肝炎", "HBs抗原 B:陰性", "SLCO1B1"])
def test_b_in_a_vitamin_a_virus_or_a_gene_stays_b(text):
    assert not [v for v, c in masked(text) if c in ("TIME", "AGE", "OTHER_DATE")]


def test_a_passports_machine_readable_zone():
    found = masked("MRZ:\nP<GBRCLARKE<<EMMA<LOUISE<<<<<<<<<<<<<<<<<<<<\n5482197365GBR8509124F2906033<<<<<<<<<<<<<<02\n")
    assert ("CLARKE<<EMMA<LOUISE", "PATIENT_NAME") in found
    assert any("548219736" in v and "850912" in v for v, _ in found)


def test_filler_arrows_alone_are_no_zone():
    assert not masked("ABC<<DEF")
