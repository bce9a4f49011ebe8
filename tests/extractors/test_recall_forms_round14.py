"""Forms of the fourteenth round (blind-final21..23, blind-dev31..34): labels, tables, readings, pharmacies.

Each form with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, found, masked, values


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_log_columns_named_start_end_and_tech_hold_times_and_staff(extract):
    text = "scan_id,pid,name,start,end,tech\nMM-01,T0045,OGAWA^SHIN,0902,0931,KUDO\nMM-02,T0046,SATO^AYA,0940,1003,KUDO"
    found = extract(text)
    assert ("0902", "TIME") in found and ("1003", "TIME") in found
    assert ("KUDO", "PHYSICIAN_NAME") in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_pharmacy_column_names_a_facility(extract):
    text = "seq,recv_dt,pharmacy,pt_id,sex,age\n0091,20250311093512,ﾐﾄﾞﾘ薬局東口,H-0081225,M,81\n0092,20250311141007,ｱｲﾝ薬局 西町,H-0102773,F,57"
    found = extract(text)
    assert ("ﾐﾄﾞﾘ薬局東口", "HOSPITAL_NAME") in found and ("ｱｲﾝ薬局 西町", "HOSPITAL_NAME") in found
    assert ("81", "AGE") in found  # a CSV row's first cell is not the end of a number the line before broke


def test_a_column_named_end_keeps_values_that_are_no_time():
    found = balanced_masked("item,start,end\nA,not yet,done\nB,later,-")
    assert not [v for v, c in found if c == "TIME"]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_labels_typeset_with_a_space_between_their_letters(extract):
    found = extract("氏 名　宇佐美  茂          年 齢  54\n住　所　東京都新宿区新宿1-2-3")
    assert ("宇佐美  茂", "PATIENT_NAME") in found and ("54", "AGE") in found
    assert ("東京都新宿区新宿1-2-3", "ADDRESS") in found


def test_two_spaced_letters_that_are_no_label_start_nothing():
    assert balanced_masked("診 療 情 報 提 供 書\n日 本 語 で 記 載") == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_name_label_with_its_script_in_brackets(extract):
    found = extract("姓(かな) おおはし　名(かな) みさき\n姓(漢字) 大橋　　　名(漢字) 美咲")
    assert ("おおはし", "NAME_READING") in found and ("みさき", "NAME_READING") in found
    assert ("大橋", "PATIENT_NAME") in found and ("美咲", "PATIENT_NAME") in found


def test_a_katakana_reading_after_a_slash():
    assert ("カワサキ ジュン", "NAME_READING") in masked("Patient: KAWASAKI Jun / カワサキ ジュン / ID 5520-1873")
    assert ("ヤマダ タロウ", "NAME_READING") in masked("患者 山田 太郎 / ヤマダ タロウ")
    # common katakana words after a slash are no reading
    assert "リハビリ テーション" not in values("担当 佐藤 / リハビリ テーション")


@pytest.mark.parametrize(
    "text, value",
    [
        ("薬局: ひまわり薬局 桜ヶ丘 / ウエルネス調剤 駅前 / コスモ薬局 南口", "ウエルネス調剤 駅前"),
        ("薬局: ひまわり薬局 桜ヶ丘 / ウエルネス調剤 駅前 / コスモ薬局 南口", "コスモ薬局 南口"),
        ("241204 | 12/03 | 13:47 | ｺｽﾓ調剤 | 50119006", "ｺｽﾓ調剤"),
        ("薬局：アイセイ調剤 にて受取", "アイセイ調剤"),
    ],
)
def test_pharmacies_by_dispensing_and_by_the_station_exit(text, value):
    assert value in values(text)


@pytest.mark.parametrize("text", ["院外調剤を依頼。ジェネリック調剤も可。", "オンライン調剤 あり"])
def test_dispensing_in_a_sentence_is_no_pharmacy(text):
    assert not [v for v, c in masked(text) if c == "HOSPITAL_NAME"]


def test_an_english_word_before_a_company_form_is_not_part_of_it():
    assert "from (株)ミドリ薬局" not in values("   from (株)ミドリ薬局 新田塚\n")
    assert any("ミドリ薬局" in v for v in values("   from (株)ミドリ薬局 新田塚\n"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("ｹﾝｻﾋﾞ ﾚｲﾜ7ﾈﾝ 3ｶﾞﾂ 6ﾆﾁ", "ﾚｲﾜ7ﾈﾝ 3ｶﾞﾂ 6ﾆﾁ"),  # era and units in half-width katakana
        ("ショウワ 10ネン 11ガツ 3ニチ うまれ", "ショウワ 10ネン 11ガツ 3ニチ"),
        ("つぎは １２がつ１６にち です", "１２がつ１６にち"),
        ("サ チ  78歳  F  胸部単純  (ｶﾙﾃ 1204)", "1204"),  # a katakana ID label in half width
        ("Mrs WILSON, patient number 4403-1187, born 1981/02/03", "4403-1187"),  # a label in lower case
        ("遠藤 悠斗   DOB 2016-11-07  (8 yrs)", "8 yrs"),  # an age alone in brackets
        ("ﾏﾂｵ ｻｸﾗ 様 (カルテ 2300148)  F  H7生", "F"),  # a sex code between a chart number and an era birth year
        ("トーマス ベッカー）  ID 0077-1350  M  45\n言語: 英語", "45"),  # a bare age after the code
        ("前回担当の佐伯通訳者が対応可能であれば", "佐伯"),  # an interpreter's post after the name
        ("発信 → 東区保護課 村上CW\n対象：ﾀﾑﾗ ﾏｻﾙ", "村上"),  # a case worker's abbreviation
        ("受付 医療情報課 中島　発行ID KH-004817", "中島"),  # a unit's member before a wide gap
        ("整形外科　Ｄ．Ｎａｇａｙａ（長屋 大悟）", "長屋 大悟"),  # kanji in brackets after a full-width Latin name
    ],
)
def test_dates_ids_ages_and_staff_of_the_fourteenth_round(text, value):
    assert value in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "9/1 の M&M 相当ミーティング ID 12345",  # M&M is a conference, not a sex code
        "follow-up (5 years) later",  # a duration in brackets is written out, no abbreviated unit
        "CW訪問予定、SW介入",  # abbreviations with nobody named
        "医療通訳者を手配",
        "指示 変更なし。指示：継続",
    ],
)
def test_look_alikes_of_the_fourteenth_round(text):
    assert not [v for v, c in masked(text) if c in ("SEX", "AGE", "PHYSICIAN_NAME", "PATIENT_NAME")]


def test_a_drawn_table_rule_stays_outside_a_cell():
    text = "No.│受付日　　　│内容　　　　│担当\n 1 │2026/11/04│利用拒否　　│坂井\n 2 │2026/11/06│確認のみ　　│平野\n"
    assert "坂井" in values(text) and "│坂井" not in values(text)


@pytest.mark.parametrize("value", ["本人と同じ", "同上", "未定"])
def test_a_value_that_names_nothing_is_not_masked(value):
    assert value not in [v for v, _ in balanced_masked(f"住　所　{value}\n施設名：{value}")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Subject Initials ........ K-M-T\nDate of Birth", "K-M-T"),  # after dot leaders, parted by hyphens
        ("被験者番号 Ｂ１２-００４５    イニシャル Ｔ．Ｏ    施設", "Ｔ．Ｏ"),  # in full width
        ("2. 患者イニシャル（姓・名）：Ｋ・Ｒ\n3.", "Ｋ・Ｒ"),  # a qualifier after the label, middle dots
        ("イニシャル : A . K        性別 : 女", "A . K"),
        ("RE: Mr. HARTONO WIJAYA, male, 67 years", "HARTONO WIJAYA"),  # the title outside, every word inside
        ("Patient  : MRS. SUKSAWAT PIMCHANOK    Age: 44", "SUKSAWAT PIMCHANOK"),
        ("病院 地域包括ケア病棟 (5階)\n 調 査 員  東 郷  美 咲 (鹿児島市 長寿支援課)", "東 郷  美 咲"),
        ("生 年 月 日　昭和12年3月4日", "昭和12年3月4日"),
        ("🐻 たなか ゆうと くん （5さい）", "たなか ゆうと"),  # a hiragana name, the honorific set apart
        ("大宮警察署 生活安全課　木村巡査長　TEL 048-641-0110", "木村"),  # a police rank after the name
        ("指導教員の 坂口教授も心配しています。", "坂口"),
        ("お世話になっております、ワールドケアの林です。", "林"),  # a writer introduces themselves
        ("はじめまして、長女の佐藤と申します。", "佐藤"),
        ("株式会社アジアメディカルブリッジ\n陳 様\n\nいつも", "陳"),  # an addressee on a line of its own
        ("2024-11-26 08:52 STAFF(大橋): Good morning", "大橋"),  # a chat's speaker after a role in capitals
        ("┃研究用ID┃患者ID　　┃氏名　　　　┃生年月日\n┃DM-0001 ┃00671240┃佐藤 美津子 ┃1955/02/17┃", "佐藤 美津子"),
    ],
)
def test_names_of_the_fourteenth_round(text, value):
    assert value in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "イニシャル記載なし。Initials OK",  # a remark after the label, no initials
        "お疲れ様です。本日の件です。",  # a self-introduction's shape around no name
        "担当者と申します",
        "客員教授として招聘",
        "Dr. Emi1y Tan, Medical Director",  # a letter the scan turned into a digit is no age
    ],
)
def test_look_alikes_of_the_fourteenth_round_names(text):
    # (the scanned name itself, read with its letter again, is the doctor's name: Emi1y Tan)
    named = ("Emi", "Emi1y Tan")
    assert not [v for v, c in masked(text) if c in ("PATIENT_NAME", "PHYSICIAN_NAME", "AGE") and v not in named]


def test_a_spaced_honorific_after_hiragana_prose_names_nobody():
    assert found("hiragana-full-name", "みんな げんき さん") == []  # a pronoun first: prose
    assert found("hiragana-full-name", "きょうは くんれん くんれん") == []  # the honorific must end the word


@pytest.mark.parametrize(
    "text, value",
    [
        ("独居。長女 大河内 恵子 様（TEL 0468-■1-2290）に病状説明済み。", "0468-■1-2290"),  # a blacked-out digit
        ("電　話　0254（43）〓〓27", "0254（43）〓〓27"),
        ("ASHI CLINIC        TEL:0426 2■ 3318        P.01", "0426 2■ 3318"),
        ("生年月日　明治4 4年 9月 2日　（82才）", "明治4 4年 9月 2日"),  # a date spaced around its units
        ("申請日　平成 10 年 6 月 3 日\n", "平成 10 年 6 月 3 日"),
        ("┃受診日　H7年 5月 22日　　受付番号", "H7年 5月 22日"),
        ("番号｜受付｜氏名｜年齢｜性｜科｜依頼医\nS-0501｜5/9｜工藤 正志｜61｜男｜内｜成田\n", "内"),  # 内(科) under 科
    ],
)
def test_damaged_and_old_records(text, value):
    assert value in values(text)


def test_marks_alone_or_a_blacked_out_word_are_no_number():
    assert values("■■■■ 判読不能") == []
    assert values("所見 ■■ あり") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("March 3, 1993\n\nMark A. Feldman, M.D.\nDepartment", "Mark A. Feldman"),  # a middle initial
        ("BARCODE (2D): M0562281|NGUYEN^THI HOA|19960314|F\n---", "NGUYEN^THI HOA"),  # two words after the caret
        ("術者 北条 助手 森下 器械出し 川瀬 外回り 田中", "森下"),  # an operation's team, mid-line
        ("術者 北条 助手 森下 器械出し 川瀬 外回り 田中", "田中"),
        ("│患者フリガナ　　│ワタナベ　ヒロシ\n│患者氏名　　　　│渡辺　博", "ワタナベ\u3000ヒロシ"),  # a drawn grid
        ("│患者フリガナ　　│ワタナベ　ヒロシ\n│患者氏名　　　　│渡辺　博", "渡辺\u3000博"),
    ],
)
def test_names_in_records_and_grids(text, value):
    assert any(value in masked_value for masked_value in values(text))


@pytest.mark.parametrize("text", ["助手 なし", "受領：済", "DOE^JOHN はい"])
def test_look_alikes_of_records_and_grids(text):
    assert not [v for v, c in masked(text) if c == "PHYSICIAN_NAME"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("🐘 おかだ れん くん （11さい）", "おかだ れん"),  # the dictionary has the family name in katakana
        ("Hi this is Miguel, Ana Ortiz's husband. She", "Miguel"),  # a speaker introducing themselves
        ("my name is Li Wei and I'm Tom", "Li Wei"),
        (" 印刷者: NS_OKUBO   印刷日時: 2025/10/05", "NS_OKUBO"),  # a login of a role and a family name
        ("#3 yamazaki_pharm（薬剤部）　08/05 09:12", "yamazaki_pharm"),
        ("ユーザー名：ゆき🌷（登録時の申告：507号室）", "ゆき🌷"),
    ],
)
def test_names_in_messages_of_the_fourteenth_round(text, value):
    assert any(value in masked_value for masked_value in values(text))


def test_a_relative_after_an_apostrophe_is_no_eponym():
    assert any("Ana Ortiz" in v for v in values("Hi this is Miguel, Ana Ortiz's husband."))
    assert values("Parkinson's disease, stable. Crohn's flare") == []
    assert values("This is Monday's plan. I am Sorry.") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("携帯の方に、ぜろきゅうぜろの、よんよんいちはちの、にーにーさんなな、に、お願いします。", "ぜろきゅうぜろの"),
        ("電話は、ななさんの、よんごーいちきゅう。", "ななさんの、よんごーいちきゅう"),
    ],
)
def test_phone_numbers_read_aloud_in_kana(text, value):
    assert any(value in v for v in values(text))


@pytest.mark.parametrize("text", ["いちにのさんで立ち上がる。はちじゅういちさい", "にこにこ しています。ごごから"])
def test_kana_words_that_are_no_number_read_aloud(text):
    assert not [v for v, c in masked(text) if c == "PHONE"]


def test_initials_alone_in_a_logs_cell_and_a_kanji_the_scan_put_for_katakana():
    assert "Ｙ．Ｋ" in values("堤 翔さんの容体は？　　　　　Ｙ．Ｋ　　済（翌朝")
    assert values("Results  A.M  pending") == []
    assert "吉永 サ卜" in values("|O:l0 | 7l1 吉永 サ卜 様 ( 94 ) 呼吸 浅い")


@pytest.mark.parametrize(
    "text, room",
    [
        ("うちの病棟の件ですね。805の小野寺 功さんと812の小野寺 勲さん、今も", "805"),
        ("・ランタス XR　604 ﾉｸﾞﾁ ｲｻﾑ様　開封 9/1", "604"),
        ("(黄) 520 大塚さん　明日GF→絶食!!", "520"),
    ],
)
def test_a_room_before_a_name_with_an_honorific(text, room):
    assert (room, "OTHER_ID") in masked(text)


def test_a_year_before_a_name_is_no_room():
    assert "2024" not in values("2024 山田さんが来院")


def test_a_scanned_month_and_day_is_no_litre():
    assert "5/2l" in values("【予定】 5/2l 消化器外来（桐山）")
    assert values("VAS 7/10 置鍼") == [] and values("BP 98/54") == []


def test_cyrillic_letters_read_as_digits_and_a_csv_of_two_tables():
    assert "0258-3З-4419" in values("　　TEL 0258-3З-4419　（内線 21 看護室）")
    text = (
        '"施設名","グループホームあじさいの家","出力日","2025/02/03"\n"入居者コード","氏名","カナ","性別","年齢","居室"\n'
        '"A-017","津田 マサ","ツダ マサ","女","89","105"\n"服薬時間","薬品名","用量","処方元","処方日","備考"\n'
        '"朝食後","ドネペジル塩酸塩OD錠5mg","1錠","城北もの忘れクリニック","2025/01/20",""'
    )
    got = values(text)
    assert "津田 マサ" in got and "105" in got  # the second line is the header of the residents' table
    assert "薬品名" not in got and "1錠" not in got  # the third table's header is no resident


def test_a_label_opening_a_line_scanned_letter_by_letter():
    assert any("五 十" in v for v in values("記 載 日 R6.l0.8　 記 載 者 五 十 嵐　 ■ ■ ■"))
    assert "報 告 書" not in " ".join(v for v, _ in balanced_masked("検 査 結 果 報 告 書"))


def test_a_worklist_with_bars_between_its_columns():
    text = (
        "優先│受付No    │患者ID │氏名           │性│年齢│依頼科/病棟\n"
        "緊急│1031-0007│5520193│石川 和夫      │男│77  │救急科\n"
        "至急│1031-0002│2208845│NGUYEN VAN HUNG│男│31  │外科/5階東\n"
    )
    got = values(text)
    assert "石川 和夫" in got and "5520193" in got and "NGUYEN VAN HUNG" in got
    assert not [v for v in got if "│" in v]  # no span runs over a bar


def test_readers_and_a_call_passed_between_two_staff():
    assert {"梅田", "荒木 洋平"} <= set(values("│一次読影 梅田　　二次読影 荒木 洋平│"))
    # two family names around an arrow were tried and dropped: stations and places read the same (長田→布施)
    assert not [v for v, c in masked("近鉄バス 長田→布施、内科→外科 転科") if c == "PHYSICIAN_NAME"]


def test_a_notes_writer_in_brackets_and_a_latin_family_name_with_a_kanji_given_name():
    assert "大橋" in values("受付メモ（大橋）：診察券番号 004518")
    assert "Lee 晶子" in values("お問い合わせ：医事課 公費担当 Lee 晶子　TEL 078-302-6600")
    assert values("記録（済）：異常なし") == []


def test_an_old_postal_code_and_a_character_the_decoder_lost():
    assert "233 横浜市港南区丸山台2丁目41番1号" in values("〒233 横浜市港南区丸山台2丁目41番1号　TEL 045-1")
    assert "0287-6\ufffd-4410" in values("送信元：しらさぎ台病院　FAX 0287-6\ufffd-4410　受信")


def test_a_status_done_by_someone():
    assert "本田" in values("外科      │10/29 14:30│一次済（本田）")
    assert "関" in values("外来（外科 関）に確認依頼")
    assert not [v for v, c in masked("結果 → 済\n判定 → 中止") if c == "PHYSICIAN_NAME"]


def test_a_plate_after_its_word_without_a_class_number_and_a_time_before_goro():
    assert "姫路 み 12-48" in values("・家の前にバイクが置きっぱなし（ナンバー 姫路 み 12-48）で")
    assert "2120" in values("JCS 10, 右麻痺, 発症 2120 頃(妻目撃)")
    assert values("2025 頃から症状") == [] and values("1998 頃に手術") == []  # years


def test_a_chat_speakers_login_and_a_teams_initials_before_their_roles():
    got = values("6/9(月)\n8:03 ookubo: A便 出発します。\n8:21 ookubo: 到着")
    assert got.count("ookubo") == 2
    assert {"HK", "SY"} <= set(values("team: MT(Ns) / HK(PSW) / SY(OT)  car#2"))
    assert values("9:00 note: check") == ["9:00"]  # an English word is no login


@pytest.mark.parametrize(
    "text, value",
    [
        # a newborn's day of life, with its word: writers mark the number alone or the two together
        ("採血日時　2024年9月25日 10時20分（日齢5）　採血時体重", "日齢5"),
        ("Age at referral: 13 hours\n\nDear Dr.", "13 hours"),
        ("9/2024  Time 13:22   Age 48 h\n  LEFT", "48 h"),
        ("Mother 39 y, G3P2", "39 y"),
        ("出産時の児の状態\n　性別　㊚・女・不明", "㊚"),  # the circled choice
    ],
)
def test_newborns_ages_and_a_circled_sex(text, value):
    assert value in values(text)


def test_a_scheduling_messages_personnel():
    text = "MSH|^~\\&|ORSCHED|KCH|HIS|KCH|20250303161522||SIU^S12^SIU_S12|MSG1|P|2.5\nRGS|1|A\nAIP|2|A|^KISHIMOTO^NAOTO|ANESTHESIOLOGIST"
    assert ("KISHIMOTO^NAOTO", "PHYSICIAN_NAME") in balanced_masked(text)


def test_a_row_of_values_whose_cells_end_like_column_names_is_still_a_row():
    # 脳神経内科 and 救急科 end like a department column's name; a row of values still holds digits
    text = (
        "患者ID,氏名,カナ,性別,年齢,検査日,時刻,モダリティ,依頼科,読影医\n"
        '769-3006-60,西村 千尋,ニシムラ\u3000チヒロ,F,64,"2019年5月22日",9:00,MRI,脳神経内科,"小川淳"\n'
        "78001341,前田 太郎,マエダタロウ,M,72,2024年3月25日,11:30,US,救急科,近藤 美加子\n"
    )
    got = balanced_masked(text)
    assert ("近藤 美加子", "PHYSICIAN_NAME") in got and ("前田 太郎", "PATIENT_NAME") in got
