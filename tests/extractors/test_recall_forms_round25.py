"""Forms of the twenty-fifth round (blind-final49..54 once spent, blind-dev217..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, covered, masked_as, values


# --- clocks with seconds: the minutes are no hour, a log's fraction belongs to the time ----------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("時刻 12:30:44 体温 36.8", "12:30:44"),  # minutes past 24 before the seconds
        ("08:14:02.311 INFO  recv 1 msg", "08:14:02.311"),
        ("2024-10-16 23:59:58.120 WARN retry", "23:59:58.120"),
        ("10:00-12:45:30 透析", "10:00-12:45:30"),
    ],
)
def test_a_clock_with_seconds_is_one_time_in_both_profiles(text, value):
    assert (value, "TIME") in balanced_masked(text)
    assert covered(value, values(text))


@pytest.mark.parametrize(
    "text, value",
    [
        ("所要時間 00:45:12", "00:45:12"),  # a length of time
        ("通話時間：00:03:21", "00:03:21"),
        ("elapsed 01:30:00", "01:30:00"),
        ("25:30 開始", "25:30"),  # no clock reads 25
    ],
)
def test_a_length_of_time_or_an_impossible_hour_is_no_time(text, value):
    assert value not in values(text)
    assert value not in [t for t, _ in balanced_masked(text)]


def test_a_comma_after_the_seconds_opens_a_tables_next_cell():
    assert ("2026-09-05T19:03:11", "OTHER_DATE") in balanced_masked("2026-09-05T19:03:11,712,A,T-7A-0042")
    assert ("12:30:44", "TIME") in balanced_masked("受付 12:30:44,712,A")


def test_a_web_servers_stamp_stays_one_date():
    spans = balanced_masked('10.21.4.37 - - [06/Aug/2024:10:31:02 +0900] "GET /viewer HTTP/1.1" 200')
    assert ("10:31:02", "TIME") not in spans


def test_a_duration_does_not_hide_a_time_later_on_its_line():
    assert "10:22" in masked_as("TIME", "通話時間 00:03:21　受付 10:22")


# --- a facility's name begins after a two-letter particle or a date's unit -----------------------------


@pytest.mark.parametrize(
    "text, value, wrong",
    [
        ("┃令和５年１０月より船橋メンタルクリニック通院", "船橋メンタルクリニック", "月より船橋メンタルクリニック"),
        ("昨年から船橋中央病院に通院", "船橋中央病院", "から船橋中央病院"),
    ],
)
def test_a_facility_starts_after_a_particle_of_two_letters(text, value, wrong):
    spans = [t for t, _ in balanced_masked(text)]
    assert value in spans
    assert wrong not in spans


def test_a_facility_named_with_kara_at_its_start_keeps_it():
    assert ("からまつ病院", "HOSPITAL_NAME") in balanced_masked("からまつ病院に紹介")


# --- a labelled name is never a word with kana endings between its kanji -------------------------------


@pytest.mark.parametrize(
    "text, word",
    [
        ("法医学教室　週末当直 申し送り　R6.3.8(金)", "申し送り"),
        ("夜間当直 引き継ぎ 3/8", "引き継ぎ"),
        ("担当 取り扱い注意", "取り扱い注意"),
    ],
)
def test_a_verbs_noun_after_a_role_is_no_name(text, word):
    assert not any(word in value for value in values(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("担当：佐藤ゆり子", "佐藤ゆり子"),  # a given name in kana and kanji after the family name
        ("担当 木の下 太郎", "木の下 太郎"),
        ("主治医：佐々木 みのり", "佐々木 みのり"),
    ],
)
def test_names_with_kana_inside_are_still_names(text, name):
    assert name in masked_as("PHYSICIAN_NAME", text)


# --- beds after a room, a JSON key's list, an infant's age ---------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("今日は 203号室 4番が空いてます", "4"),
        ("4階東 418号室 2ベッド（リーダー 戸田）", "2"),
        ("418号室 12番 へ移動", "12"),
    ],
)
def test_a_beds_number_after_its_room_is_masked(text, value):
    assert value in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["418号室 2名 入室", "418号室 2番目の患者", "418号室 2日間"])
def test_a_count_or_an_order_after_a_room_is_no_bed(text):
    assert masked_as("OTHER_ID", text) == ["418"]


@pytest.mark.parametrize(
    "text, value",
    [
        ('{"family":"高辻","given":["勇"],"extension":[]}', "勇"),
        ('"given" : [ "ひなた" ]', "ひなた"),
        ('"given": ["Mohammad", "Abdul"]', "Abdul"),
    ],
)
def test_a_given_name_in_a_json_list_is_masked_in_both_profiles(text, value):
    assert (value, "PATIENT_NAME") in balanced_masked(text)


@pytest.mark.parametrize("text", ['"tags": ["urgent"]', '"prefix": ["Dr"]', '"codes": ["I10", "E11"]'])
def test_other_lists_are_left(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Age 6 y 9 m, male", "6 y 9 m"),
        ("infant (140 days old, PMA 45w6d)", "140 days old"),
        ("Ken is a 16-month-old boy", "16-month-old"),
        ("a 5 months old girl", "5 months old"),
    ],
)
def test_an_infants_age_in_english_is_masked(text, value):
    assert (value, "AGE") in balanced_masked(text)


@pytest.mark.parametrize("text", ["Series 6 y 9 mm", "stored for 500 days old stock", "the 12-month follow-up"])
def test_look_alikes_of_an_infants_age_are_left(text):
    assert not any(category == "AGE" for _, category in balanced_masked(text))


# --- the writer's organisation in a self-introduction (recall-first) ---------------------------------


@pytest.mark.parametrize(
    "text, organisation",
    [
        ("お世話になっております。こもれびの新井です。", "こもれび"),
        ("いつもお世話になっております。関東メディカルガスの栗原でございます", "関東メディカルガス"),
        ("いつもお世話になっております。北斗漢方薬局の深町です。", "北斗漢方薬局"),
    ],
)
def test_an_outside_organisation_introducing_its_writer_is_masked(text, organisation):
    assert organisation in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("お世話になっております。連携室の平野です。", "連携室"),
        ("お世話になっております。医事課の宇野です。", "医事課"),
        ("お疲れ様です。5階東の佐々木です", "5階東"),
        ("お世話になっております。当園看護師の吉岡です。", "当園看護師"),
        ("お世話になっております。医局の深町です。", "医局"),
        ("おはようございます。ICNの久保田です。", "ICN"),
    ],
)
def test_a_unit_of_the_writers_own_house_is_no_outside_organisation(text, unit):
    assert unit not in masked_as("HOSPITAL_NAME", text)


def test_a_pharmacys_branch_in_kana_before_ga_belongs_to_it():
    assert "なのはな調剤薬局 さちが丘店" in masked_as("HOSPITAL_NAME", "かかりつけ薬局：なのはな調剤薬局 さちが丘店")


# --- a chat sender by a handle of a role and a name (recall-first) -------------------------------------


@pytest.mark.parametrize(
    "text, handle",
    [
        ("[2024-10-02 22:41] er-leader-nakai: CE当直いますか", "er-leader-nakai"),
        ("2024-08-02T07:58:12+09:00 <dispatch_nakai> 本日の検案依頼 3件", "dispatch_nakai"),
        ("[17:20] seo_neurosurg: 1) 紹介状送付済", "seo_neurosurg"),
        ("[2024/12/24 15:13] reception_ueno: ご家族への連絡どうしますか", "reception_ueno"),
    ],
)
def test_a_senders_handle_of_a_role_and_a_name_is_masked(text, handle):
    assert handle in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize("text", ["[10:00] sys-info: backup done", "[10:00] auto_save: ok", "12:00 pre-op: NPO"])
def test_a_systems_own_words_before_the_colon_are_no_sender(text):
    assert not masked_as("PHYSICIAN_NAME", text)


def test_the_zone_after_a_stamps_seconds_is_no_time():
    assert ("09:00", "TIME") not in balanced_masked("2024-08-02T07:58:12+09:00 x")


# --- who a FHIR reference names; staff by their grade; a name after a role and before 氏 or 同席 --------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ('      "requester": {"display": "藤枝 あかり"},', "藤枝 あかり", "PHYSICIAN_NAME"),
        ('"performer": [{"reference": "Practitioner/3", "display": "井ノ口 透"}],', "井ノ口 透", "PHYSICIAN_NAME"),
        ('"subject": {"reference": "Patient/1", "display": "高辻 勇"}', "高辻 勇", "PATIENT_NAME"),
    ],
)
def test_the_display_of_a_persons_reference_is_masked_in_both_profiles(text, value, category):
    assert (value, category) in balanced_masked(text)


@pytest.mark.parametrize(
    "text",
    ['"code": {"coding": [{"display": "Influenza"}]}', '"medication": {"display": "タモキシフェン 20mg"}'],
)
def test_the_display_of_a_code_or_a_drug_is_left(text):
    assert balanced_masked(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("回診：白井部長、河野医員、研修医 Lim", "河野"),
        ("宮本講師より説明", "宮本"),
        ("通訳：技能実習監理団体の通訳 ファム 氏が同席", "ファム"),
        ("通訳 Pham 同席", "Pham"),
    ],
)
def test_staff_by_their_grade_or_after_a_role_are_masked(text, name):
    assert name in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize("text", ["当直医員が対応", "指導医員会"])
def test_a_grade_without_a_family_name_names_nobody(text):
    assert not masked_as("PHYSICIAN_NAME", text)


def test_an_address_with_its_block_in_kanji_numerals_is_one_span():
    spans = balanced_masked("〒683-0844\n鳥取県米子市弓浜西町二丁目九番十四号\n")
    assert ("鳥取県米子市弓浜西町二丁目九番十四号", "ADDRESS") in spans


@pytest.mark.parametrize(
    "text, name",
    [("（大森追記）18:05 訪室。", "大森"), ("（石川追記 11:02 折返し済。", "石川")],
)
def test_a_family_name_glued_to_its_note_or_reply_is_masked(text, name):
    assert name in masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize("text", ["別紙追記あり", "(院内返信 / reply)", "前回追記", "夫もカンファ同席希望。"])
def test_a_note_or_reply_after_a_common_word_names_nobody(text):
    assert not masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("┃性別 女 　　 ┃年齢　73 　　　┃", "73", "AGE"),
        ("┃性別 女 　　 ┃年齢　73 　　　┃", "女", "SEX"),
        ("│年齢　73　│", "73", "AGE"),
    ],
)
def test_a_label_and_its_value_in_one_drawn_cell_are_read_in_both_profiles(text, value, category):
    assert (value, category) in balanced_masked(text)


def test_a_drawn_cell_of_a_label_alone_is_a_header():
    assert ("年齢", "AGE") not in balanced_masked("┃氏名　┃年齢　┃\n┃山田　┃73　┃")


@pytest.mark.parametrize(
    "text, value",
    [("11/18 1330 ST(ｷｼ)", "1330"), ("04/12 2310 1st call from donor hosp", "2310"), ("2024/11/18 2024 記録", "2024")],
)
def test_four_digits_after_a_day_are_its_clock_in_both_profiles(text, value):
    assert (value, "TIME") in balanced_masked(text)


@pytest.mark.parametrize("text", ["11/18 2024 受診", "2/3 1234567 番", "11/18 2460 units"])
def test_a_year_or_a_longer_number_after_a_day_is_no_clock(text):
    assert not any(category == "TIME" for _, category in balanced_masked(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Examiner: Ayaka Tsujimoto, ST   Interpreter: Fernanda Ito (医療通訳)", "Ayaka Tsujimoto"),
        ("Surgeon: Dr. K. Sato", "K. Sato"),
    ],
)
def test_english_role_labels_name_staff_in_both_profiles(text, name):
    assert (name, "PHYSICIAN_NAME") in balanced_masked(text)


def test_a_login_alone_after_an_english_role_label_is_still_a_name():
    assert ("tanaka", "PHYSICIAN_NAME") in balanced_masked("Reported by: tanaka")


@pytest.mark.parametrize(
    "text",
    [
        "Interpreter: video (remote service)",
        "Interpreter: Spanish (phone interpreter)",
        '"interpreter": false, "wheelchair": false',
        " Surgeon: expected 60 min, no critical findings",
    ],
)
def test_how_an_interpreter_was_reached_or_a_remark_is_no_name(text):
    assert not masked_as("PHYSICIAN_NAME", text)


@pytest.mark.parametrize(
    "text, stamp",
    [
        ('{"time":"2024-09-03T08:14:09+09:00","remote":"10.40.2.15"', "2024-09-03T08:14:09+09:00"),
        ("2024-08-02T07:58:12Z x", "2024-08-02T07:58:12Z"),
        ("2025-01-11T17:48 受付", "2025-01-11T17:48"),
        ("2026-09-05T19:03:11.120 INFO", "2026-09-05T19:03:11.120"),
    ],
)
def test_an_iso_stamp_with_its_clock_is_one_date_in_both_profiles(text, stamp):
    assert (stamp, "OTHER_DATE") in balanced_masked(text)
    assert stamp in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("氏名 (漢字)     : 劉 偉", "劉 偉", "PATIENT_NAME"),
        ("氏名 (英字)     : LIU Wei", "LIU Wei", "PATIENT_NAME"),
        ("年齢 (歳): 45", "45", "AGE"),
    ],
)
def test_a_label_with_its_qualifier_a_blank_apart_still_labels_its_value(text, value, category):
    assert (value, category) in balanced_masked(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("主治医：さくら病院 山田", [("さくら病院", "HOSPITAL_NAME"), ("山田", "PHYSICIAN_NAME")]),
        (
            "紹介医：はりまクリニック 山田 太郎 先生",
            [("はりまクリニック", "HOSPITAL_NAME"), ("山田 太郎", "PHYSICIAN_NAME")],
        ),
    ],
)
def test_a_place_of_care_heading_a_labelled_value_is_no_part_of_the_name(text, expected):
    assert set(expected) <= set(balanced_masked(text))


def test_a_scanned_numbers_first_letter_is_no_contacts_name():
    spans = balanced_masked("緊急連絡先 (24時間) : はりま在宅クリニック O79-336-2841")
    assert ("O", "EMERGENCY_CONTACT") not in spans
    assert any(text.endswith("336-2841") for text, _ in spans)


def test_a_name_a_scan_spoilt_with_a_digit_is_still_read():
    assert any(text.startswith("SMlTH") for text, _ in balanced_masked("Name: SMlTH, Danie1 R.\n"))
