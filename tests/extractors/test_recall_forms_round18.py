"""Forms of the eighteenth round (blind-final33..35 once spent, blind-dev87..92): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.label_words import column_rule
from tests.extractors.recall_probes import balanced_masked, found, masked, masked_as, values


# --- a first-aid post opened after a disaster is a place of care ---------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("救護所診療記録　田辺市立あけぼの中学校救護所\n診察日：令和8年2月16日", "田辺市立あけぼの中学校救護所"),
        ("DMAT（上富田町総合体育館救護所にて活動中）", "上富田町総合体育館救護所"),
    ],
)
def test_a_first_aid_post_by_its_name(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


@pytest.mark.parametrize("text", ["各救護所に連絡した。", "臨時救護所を設置した。", "救護所で受診。"])
def test_a_first_aid_post_without_a_name_stays(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- chairs, shelter places and theatres by their word ---------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("化学療法室\n日付：2024.08.21　チェア：12\n患者確認", "12"),
        ("同居：夫 川村 善吉（同避難所、区画 2-B）", "2-B"),
        ("森下　武雄（ＩＤ２０４８８１）　手術室３番　麻酔科", "３"),
        ("日付　Ｒ６．９．２（月）　　ベッド　Ｃ－４\n氏名　戸川　紀之", "Ｃ－４"),
    ],
)
def test_a_chair_a_shelter_place_a_theatre_and_a_full_width_bed(text, value):
    assert value in masked_as("OTHER_ID", text)


@pytest.mark.parametrize(
    "text, count",
    [("本日予約 14名／チェア12＋ベッド2。", "12"), ("リクライニングチェア 2台を追加", "2"), ("チェア 5脚", "5")],
)
def test_a_count_of_chairs_stays(text, count):
    assert count not in masked_as("OTHER_ID", text)
    assert ("5", "OTHER_ID") not in balanced_masked("予備のベッド 5台を搬入")


def test_a_chair_column_holds_the_chair():
    text = "予約\tﾁｪｱ\t患者ID\t氏名\t年齢\n9:00\t1\tP0120045\t須藤 正樹\t61\n9:00\t2\tP0098872\t大森 律子\t47\n"
    assert [v for v, c in balanced_masked(text) if c == "OTHER_ID"] == ["1", "2"]


# --- speakers of a log or a chat -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("[06:31] 4西_森：4西 病棟 天井パネル落下あり", "森"),
        ("2025.12.09\n23:21 医局長 昆：地震・津波警報。全員 無事", "昆"),
        ("受付\n2024-10-05 sakai: OCB 陽性を確認", "sakai"),
        ("-- 2025-12-20 --\n[08:40] yoshikawa: FYI the pt we saw", "yoshikawa"),
        ("[原本: 残液返却伝票 2025.1.21 / 取込 mizuno / 精度 低]", "mizuno"),
        ("入力者: t.sato", "t.sato"),
    ],
)
def test_a_speaker_or_the_login_that_entered_a_record(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "10:20 note: check the pump",
        "2024-10-05 memo: 再確認",
        "[08:40] update: ok",
        "作成 2019",
        "10:00 申し送り 済：完了",
    ],
)
def test_a_log_word_before_the_colon_names_no_one(text):
    assert not any(c in ("PHYSICIAN_NAME", "PATIENT_NAME") for _, c in masked(text))


# --- ages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("find", [balanced_masked, masked])
def test_an_age_in_an_english_formula(find):
    assert ("66", "AGE") in find("Cr 0.78 mg/dL, age 66, wt 58.9kg (Cockcroft-Gault)")


@pytest.mark.parametrize(
    "text, number", [("persons, age 13+, 6 rows", "13"), ("covered until age 15)", "15"), ("age 3 months", "3")]
)
def test_a_rule_about_ages_is_no_persons_age(text, number):
    assert (number, "AGE") not in balanced_masked(text)


def test_an_age_after_a_register_id_in_brackets():
    text = "09:12 救急車　大西 正和（ID 5520-3318）74 M\n　右片麻痺"
    assert ("74", "AGE") in masked(text)
    assert ("3", "AGE") not in masked("佐藤 花子（ID 12345）3回目")


# --- columns ---------------------------------------------------------------------------------------


def test_the_last_digits_of_an_id_are_the_id():
    assert column_rule("ID下4桁") == column_rule("ID")
    text = "No.｜日付｜患者｜ID下4桁｜年齢/性\n1｜5/12｜Y.N.｜3325｜74/M\n2｜5/13｜S.K.｜0917｜19/F\n"
    assert ("3325", "PATIENT_ID") in balanced_masked(text)


def test_a_checkers_column_names_a_person_and_a_status_word_names_no_one():
    text = (
        "Date     | Out | Patient                 | Checked\n10/03    | 10  | TAKEDA Kazuo / 88-10442 | MN\n"
        "10/09    | 6   | SUGAWARA Emi / 88-20917 | TK\n"
    )
    assert ("MN", "PHYSICIAN_NAME") in balanced_masked(text)
    assert ("済", "PHYSICIAN_NAME") not in balanced_masked("日付\t品名\t数量\t担当\n5/12\tガーゼ\t3\t済\n")
    assert masked("入力確認：済（ダブルチェック）") == []


def test_a_licence_number_after_its_label_is_no_range():
    assert ("30-41872", "OTHER_ID") in masked("麻薬施用者 小此木 彩　免許番号 30-41872　㊞")
    assert ("30-4180", "OTHER_ID") not in masked("基準値 30-4180")


# --- names -----------------------------------------------------------------------------------------


def test_the_writer_under_an_english_sign_off():
    assert ("Michael", "PHYSICIAN_NAME") in masked("in June; I agree.\n\nBest,\nMichael\n\n--\n")
    assert masked("Regards,\nThe Team\n") == []


@pytest.mark.parametrize("text, name", [("①\t斎藤由佳ベビー\tN24-0719", "斎藤由佳"), ("児 松浦ベビー 男児", "松浦")])
def test_a_newborn_by_the_familys_name(text, name):
    assert name in found("person-name", text)


@pytest.mark.parametrize("text", ["ピジョンのベビーカーを持参", "ベビー服を準備", "山田ベビー用品店"])
def test_things_for_babies_name_no_one(text):
    assert found("person-name", text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("| 5 | 19 | M | 黄 | 沼田やまゆり病院 | 17:20 |", "沼田やまゆり病院"),
        ("発信：北九州やはた医療センター", "北九州やはた医療センター"),
        ("From: 福岡はかた臨港病院", "福岡はかた臨港病院"),
    ],
)
def test_a_place_before_a_kana_name_opening_with_a_particles_letter(text, name):
    assert name in masked_as("HOSPITAL_NAME", text)


def test_a_particle_after_a_word_still_cuts():
    assert "あざみ野ファミリークリニック" in masked_as("HOSPITAL_NAME", "退院後はあざみ野ファミリークリニック")


def test_a_beds_number_after_its_room_and_a_dash():
    assert "3" in masked_as("OTHER_ID", "看護記録（経時）　5階西病棟　508号室-3\n患者：藤田 弘 様")


@pytest.mark.parametrize("text, age", [("Sex: M   Age at surgery: 75\nDate", "75"), ("Age at onset: 62\n", "62")])
def test_an_age_at_an_event(text, age):
    assert (age, "AGE") in masked(text)


def test_an_age_at_an_event_with_its_own_unit_is_left_to_that_rule():
    assert ("3", "AGE") not in masked("Age at onset: 3 weeks ago")


@pytest.mark.parametrize(
    "text, name",
    [
        ("左PZ PI-RADS 4\n19:05 宮内：了解。標的2本追加で。", "宮内"),
        ("OK (exported by kmatsuda at 2025-03-12)", "kmatsuda"),
    ],
)
def test_a_longer_speaker_and_a_login_that_made_a_record(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["10:00 開始：透析", "09:00 採血：済", "reviewed by the team", "printed by HIS"])
def test_no_speaker_or_login_there(text):
    assert not any(c == "PHYSICIAN_NAME" for _, c in masked(text))


@pytest.mark.parametrize(
    "text, room",
    [
        ("記載\n\n①301 K.S様 84 F 腰椎圧迫\n②303 T.M様 67 M 脳出血", "301"),
        ("準夜→深夜\n\n【４１２】小野寺 悠真ちゃん（ゆうくん）\n　父", "４１２"),
        ('"2025-02-03 13:02:11","7東","715 野口 勲様(ID 00552)"', "715"),
    ],
)
def test_a_room_opening_an_item_before_a_name(text, room):
    assert room in masked_as("OTHER_ID", text)


def test_a_measure_before_a_name_is_no_room():
    assert masked_as("OTHER_ID", "血圧 120 山田さん") == []


@pytest.mark.parametrize("text, name", [('"7東 Ns 関","7東"', "関"), ("（担当 Dr.堀）", "堀")])
def test_one_kanji_after_a_staff_abbreviation(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["（施設Ns談）", "馬場(Ns長), Ong", "Ns 全員"])
def test_a_word_glued_after_a_staff_abbreviation_is_no_name(text):
    assert not any(v in ("談", "長", "全") for v in values(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("クライエント：ファム ヴァン ドゥック 氏（PHAM VAN DUC）", "ファム ヴァン ドゥック"),
        ("同席：同じ職場の友人 レ ティ マイ氏", "レ ティ マイ"),
        ("患者 グエン ティ トゥ ハ さん", "グエン ティ トゥ ハ"),
    ],
)
def test_a_katakana_name_of_three_parts_or_more_is_whole(text, name):
    assert name in values(text)


def test_a_staff_word_before_a_katakana_name_stays_out():
    assert not any(v.startswith("ナース") for v in values("夜勤：ナース ヤマダ"))


def test_a_speakers_title_stays_out_and_a_files_name_is_no_login():
    assert "片桐" in values("12/4 10:30 医局 片桐先生：退職所得の源泉徴収票")
    assert not any("jpg" in v for v in values("[OCR取込 wb_photo_a03.jpg 信頼度0.71]"))


def test_a_visit_number_written_one_field_early_in_pv1():
    text = (
        "MSH|^~\\&|A|B|C|D|20250101||ADT^A01|1|P|2.5\n"
        "PV1|1|I|5W^521^3||||D0451^OKA^NOBUHIKO^^^^Dr|||NEU||||||||V2502140033|||\n"
    )
    assert ("V2502140033", "OTHER_ID") in balanced_masked(text)
    assert ("I", "OTHER_ID") not in balanced_masked(text)


@pytest.mark.parametrize("header", ["氏名（ローマ字）", "Name (Romaji)", "患者氏名（漢字）"])
def test_a_name_column_qualified_by_its_script(header):
    assert column_rule(header) == column_rule("氏名")


@pytest.mark.parametrize("header", ["name_kanji", "漢字", "ローマ字表記"])
def test_a_database_field_or_a_script_alone_is_no_name_column(header):
    assert column_rule(header) != column_rule("氏名")


def test_a_bilingual_forms_label_is_read_by_its_japanese_word():
    text = "保護者氏名 / Pangalan ng magulang：JENNIFER SANTIAGO　電話"
    assert "JENNIFER SANTIAGO" in values(text)
    assert masked('{"id":"H-560033","name_kanji":"平野 真咲","room":"2E-01"}')[1] == ("平野 真咲", "PATIENT_NAME")


def test_capitals_before_a_japanese_honorific_with_a_word_after_it():
    assert "TAMANG BIKASH" in values("来院: 21:47 独歩、同僚の TAMANG BIKASH さん付添い")
    assert values("MRI 様式") == []


def test_capitals_opening_a_roster_row_before_sex_and_age():
    assert "DANG QUOC BAO" in values("K0416-04 DANG QUOC BAO 　　　　男 27 170.4 78.9")
    assert not any(c == "PATIENT_NAME" for _, c in masked("CT MRI 男 27"))


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("2O24/l2/O9,lO:l5,ll:OO,3O4477O9,ﾁﾊﾞ ｻﾁｺ", "ll:OO", "TIME"),
        ("尿カテ 留置中\n5O5 個室 大和田 茂 氏 BS 142", "5O5", "OTHER_ID"),
        ("患者 佐野 律子  6lY / F  Ward 5E - 5lO - 4\n", "6lY", "AGE"),
        ("患者 佐野 律子  61Y / F  Ward 5E - 510 - 4\n", "510", "OTHER_ID"),
    ],
)
def test_scanned_clock_times_rooms_and_ages(text, value, category):
    assert (value, category) in masked(text)


def test_letters_before_a_word_stay_letters():
    assert masked("O2Yes") == []


def test_clock_times_listed_with_slashes():
    assert [v for v, c in masked("巡視 1:00/3:00/5:00。") if c == "TIME"] == ["1:00", "3:00", "5:00"]
    assert masked("I:E=1:2/1:3") == []


def test_a_speaker_with_a_bracketed_post_after_a_bracketed_stamp():
    assert ("安田", "PHYSICIAN_NAME") in masked("[07:43] 安田 (6西 夜勤): 了解です。")
    assert not any(c == "PHYSICIAN_NAME" for _, c in masked("10:00 検査 (CT): 終了"))


def test_a_room_after_a_double_circle_mark():
    assert "410" in masked_as("OTHER_ID", "◎410 佐藤 花子 様")


@pytest.mark.parametrize("text, room", [("入居中。居室 205。", "205"), ("（95歳、要介護5、居室 218）", "218")])
def test_a_care_homes_room_by_its_word(text, room):
    assert room in masked_as("OTHER_ID", text)


@pytest.mark.parametrize("text", ["居室 2室", "病室 3部屋"])
def test_a_count_of_rooms_is_no_room(text):
    assert masked_as("OTHER_ID", text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("件名：【医療滞在】刘建国様 PET-CT健診", "刘建国"),
        ("ご同伴の奥様（孙丽华様）の健診", "孙丽华"),
        ("陳 秀英さんより電話", "陳 秀英"),
    ],
)
def test_a_chinese_or_korean_name_in_hanzi_before_an_honorific(text, name):
    assert name in found("hanzi-name", text)


@pytest.mark.parametrize("text", ["張本人さん", "許可様", "曾孫さんが来院", "黄疸先生"])
def test_a_word_opening_with_such_a_family_name_is_none(text):
    assert found("hanzi-name", text) == []


def test_a_korean_name_with_a_blank_between_its_parts():
    assert "권 서연" in values("Kwon Min-jun 様　권 서연／Kwon Seo-yeon　母")
    assert values("저는 오늘 병원에 갑니다") == []


def test_a_floor_after_a_rooms_word_is_no_room():
    assert "2" not in masked_as("OTHER_ID", "入居日：R4.8.1　居室 2階 213号\n経過")


@pytest.mark.parametrize(
    "text, name",
    [
        ("LD Temuulen（ガンボルド テムーレン）／Ганболд Тэмүүлэн\n性別：男", "Ганболд Тэмүүлэн"),
        ("患者氏名　：สุภาพร แก้วมณี（SUPHAPHORN KAEWMANEE）", "สุภาพร แก้วมณี"),
    ],
)
def test_a_name_in_cyrillic_or_thai_script(text, name):
    assert name in found("other-script-name", text)


def test_prose_in_cyrillic_is_no_name():
    assert found("other-script-name", "Это длинный текст на русском языке здесь") == []


@pytest.mark.parametrize(
    "text, name",
    [("Patient  : TAN Boon Huat (陈文发)   Age/Sex 64/M", "陈文发"), ("Patient : ZHANG Lei (张磊)", "张磊")],
)
def test_a_chinese_name_in_simplified_characters_after_its_latin_form(text, name):
    assert name in values(text)


def test_a_thai_name_after_its_title_and_a_thai_phrase_is_none():
    assert found("other-script-name", "ชื่อตัวและชื่อสกุล  นางสาว ศิริพร ใจดี\nเกิดวันที่  7") == ["ศิริพร ใจดี"]
    assert found("other-script-name", "บัตรประจำตัวประชาชน  Thai National ID Card") == []
