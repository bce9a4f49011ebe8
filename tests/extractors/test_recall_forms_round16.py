"""Forms of the sixteenth round (blind-final27..29 once spent, blind-dev54..59): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked


@pytest.mark.parametrize(
    "text, number",
    [
        ("\u3000\u3000\u3000\u3000京地検第5127号\n令和6年9月5日", "京地検第5127号"),
        ("愛知県中川警察署\u3000交指第 9 7 3 号\n捜査関係事項照会書", "交指第 9 7 3 号"),
        ("照会番号 さ地検第2207号\n対象者", "さ地検第2207号"),
    ],
)
def test_a_letters_own_reference_number_alone_on_its_line_or_after_the_office(text, number):
    assert (number, "OTHER_ID") in masked(text)


@pytest.mark.parametrize("text", ["\u3000\u3000様式第120号\n", "第3号\n", "受給者証番号 第 12345 号\n"])
def test_a_form_designation_a_bare_count_and_a_label_stay_out_of_the_number(text):
    assert not [v for v, c in masked(text) if c == "OTHER_ID" and ("様式" in v or "番号" in v or v == "第3号")]


def test_a_katakana_firm_before_a_plain_kind_of_care_business():
    found = masked("福祉用具業者は ミドリ福祉用具 を予定。CM：大森 さん（港南ケアサポート）")
    assert ("ミドリ福祉用具", "HOSPITAL_NAME") in found and ("港南ケアサポート", "HOSPITAL_NAME") in found


@pytest.mark.parametrize("text", ["介護保険の福祉用具を使う", "これについては福祉サービスを案内", "福祉用具の貸与"])
def test_the_kinds_alone_in_a_sentence_name_no_firm(text):
    assert not [v for v, c in masked(text) if c == "HOSPITAL_NAME"]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_system_export_with_many_columns_of_its_own_is_read_by_its_known_columns(extract):
    text = (
        "PatID,PatName,DOB,Sex,TxDate,TxTime,Site,Field,Energy,MU,Dose(cGy),Cum(cGy),Fx,RTT1,RTT2,Status,Comment\n"
        "2290-1133,OTSUKA^KENICHI,1950/06/02,M,2025/02/10,09:04,ESO,VMAT_A1,10X,214,180,1800,10,HASEBE,UNO,Complete,\n"
    )
    found = extract(text)
    assert ("2290-1133", "PATIENT_ID") in found
    assert not [v for v, c in found if v in ("ESO", "VMAT_A1", "10X", "214", "1800", "Complete")]


def test_a_csv_line_with_few_known_columns_is_still_no_header():
    # two known names among eight: a sentence with commas, not a table
    found = balanced_masked("Notes,Site,Energy,Field,Date,MU,ID,Plan\nabc,ESO,10X,A1,x,214,y,z\n")
    assert ("y", "PATIENT_ID") not in found


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("                東葛北部がん医療セソター 呼吸器外科\n", "東葛北部がん医療セソター", "HOSPITAL_NAME"),
        (
            "\u3000\u3000名\u3000称\u3000浦和みその整形外料\n\u3000\u3000診療担当者氏名\u3000宇佐美 孝",
            "浦和みその整形外料",
            "HOSPITAL_NAME",
        ),
    ],
)
def test_every_pass_reads_a_scanned_look_alike_as_what_it_stands_for(text, value, category):
    assert (value, category) in masked(text)


@pytest.mark.parametrize("text", ["H2O を吸入", "発端者 III-2 ＝ 兄"])
def test_a_formula_and_a_roman_numeral_are_no_scanned_digits(text):
    assert not [v for v, c in masked(text) if c in ("OTHER_DATE", "OTHER_ID") and v in ("H2O", "III-2")]


def test_a_clock_time_ends_its_line_and_the_room_below_stays_apart():
    found = masked("リスパダール 0.5mg 頓用 x1 2l:OO\n3O8 森 重雄 様")
    assert ("3O8", "OTHER_ID") in found and not [v for v, c in found if "\n" in v]


def test_an_authors_affiliation_number_is_no_scanned_letter():
    found = masked("Authors: Tomoya Hirabayashi1), Saki Murakami1), Makoto Ueno2)")
    assert ("Tomoya Hirabayashi", "PATIENT_NAME") in found or ("Tomoya Hirabayashi", "PHYSICIAN_NAME") in found


def test_a_facility_named_for_a_place_with_ga_oka_is_one_name():
    found = masked("25.6.18 PM2:10\n川口みどりが丘病院 整形外科外来 御中\n近藤先生")
    assert ("川口みどりが丘病院", "HOSPITAL_NAME") in found


def test_a_post_after_a_titled_name_and_a_comma_is_no_given_name():
    assert ("Emily Tan", "PHYSICIAN_NAME") in masked("Dr. Emily Tan, Medical Director")
    assert ("Tan, Emily", "PHYSICIAN_NAME") in masked("Dr. Tan, Emily said so")


def test_the_family_name_before_a_found_name_in_a_cell_and_a_technologists_column():
    found = masked("回│照射日    │線量│技師\n 1│2024/11/25│2.66│小田・河野\n 2│2024/11/26│2.66│浜田\n記載：河野")
    assert ("小田", "PHYSICIAN_NAME") in found and ("浜田", "PHYSICIAN_NAME") in found


@pytest.mark.parametrize("text", ["外来・河野先生", "CT・河野先生"])
def test_a_word_before_a_found_name_is_no_name(text):
    assert [v for v, c in masked(text) if c.endswith("NAME")] == ["河野"]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_family_name_only_the_dictionary_knows_before_a_persons_honorific(extract):
    assert ("鳥居", "PHYSICIAN_NAME") in extract("結果連絡：03:06 当直読影 鳥居先生へ画像送信済。")
    assert ("中条", "PATIENT_NAME") in extract("中条さんに説明")


@pytest.mark.parametrize("text", ["分画製剤の確認表（院内様式 B-7）", "病棟長 殿", "院内医師で対応", "技師長代理 殿"])
def test_a_form_a_post_and_a_word_inside_a_compound_are_no_names(text):
    assert not [v for v, c in balanced_masked(text) if c.endswith("NAME")]


def test_a_chat_sender_written_as_role_underscore_name():
    found = masked("01:12 検査_ヤギ: 当直の先生すみません\n01:14 当直_根本: 了解です")
    assert ("ヤギ", "PHYSICIAN_NAME") in found and ("根本", "PHYSICIAN_NAME") in found
    assert not masked("検査_結果: 陰性")


@pytest.mark.parametrize(
    "text, room",
    [("急性腸炎・脱水。5東 509へ。", "509"), ("ｼｹﾞﾙ,M,19480211,循環器内科,4西,412,血液,CBC", "412")],
)
def test_a_room_after_its_ward_before_a_particle_or_in_the_next_cell(text, room):
    assert (room, "OTHER_ID") in masked(text)


def test_a_count_in_the_cell_after_a_department_is_no_room():
    assert not [v for v, c in masked("内科,12,3\n外科,15,4") if c == "OTHER_ID"]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_values_in_a_query_string_are_read_by_their_key(extract):
    found = extract(
        "GET /v?PatientID=00560981&PatientName=MATSUI%5EKAZUE&StudyDate=20240805-20240806&Modality=CT&Image=45 HTTP"
    )
    assert ("00560981", "PATIENT_ID") in found and ("MATSUI%5EKAZUE", "PATIENT_NAME") in found
    assert ("20240805", "EXAM_DATE") in found and ("20240806", "EXAM_DATE") in found
    assert not [v for v, c in found if v in ("CT", "45")]
    assert ("0917733", "PATIENT_ID") in extract('"args":"karte=0917733&birth=19490721&page=2"')
    # an MRI parameter, a page's language and order: no person's values
    assert not [v for v, c in extract("TE=90 TR=4000 lang=ja sort=name") if c.endswith("NAME") or v in ("90", "ja")]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_web_servers_time_stamp_is_one_date(extract):
    found = extract('10.21.4.37 - r0412 [06/Aug/2024:10:31:02 +0900] "GET /x HTTP/1.1"')
    assert ("06/Aug/2024:10:31:02", "OTHER_DATE") in found


@pytest.mark.parametrize(
    "text, name",
    [(" 本人署名  宇佐美  誠\n", "宇佐美  誠"), ("呼吸器内科  久保田  誠 先生\n", "久保田  誠")],
)
def test_a_kanji_given_name_padded_from_its_family_name_on_a_form(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME")]


@pytest.mark.parametrize(
    "text", ["12/03 藤井 美和  娘    ×", "受付 9:40  水野   トリアージ 黄", "姓(漢字) 大橋　　　名(漢字) 美咲"]
)
def test_the_next_column_after_a_padded_gap_is_no_given_name(text):
    assert not [v for v, c in masked(text) if c.endswith("NAME") and ("  " in v or "\u3000\u3000" in v)]


def test_a_room_in_brackets_a_blank_after_a_name_and_an_age_alone_before_a_word():
    found = masked("・中園 (512) 右S2 結節 11mm\n0:50 3北 柳田 アイ 94 下顎呼吸 → 1:32 死亡")
    assert ("512", "OTHER_ID") in found and ("94", "AGE") in found


@pytest.mark.parametrize("text", ["山田 花子 12 名", "冨田 悠希       86,420", "安藤 啓介      42    39"])
def test_a_count_an_amount_and_a_score_after_a_name_are_no_age(text):
    assert not [v for v, c in masked(text) if c == "AGE"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("老健入所申込済（老健やはぎ）。KP甥", "老健やはぎ"),
        ("近藤/居宅みよし\t仙骨部褥瘡", "居宅みよし"),
        ("胃瘻で特養さくらの丘に入所中", "特養さくらの丘"),
        ("訪看 ひばり訪問看護ST 初回 3/13", "ひばり訪問看護ST"),
    ],
)
def test_a_care_homes_short_kind_or_a_nursing_stations_kind_with_its_kana_name(text, name):
    assert (name, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize("text", ["居宅介護支援の依頼", "老健への入所を検討", "GHで暮らし始めた", "特養入所待ち"])
def test_the_short_kinds_in_a_sentence_name_no_home(text):
    assert not [v for v, c in masked(text) if c == "HOSPITAL_NAME"]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_json_members_and_xml_elements_are_read_by_their_key(extract):
    found = extract('{"patient": { "id": "1003-8876", "nameKana":"ウエダ イサム", "sex":"1" }, "phs": "6172" }')
    assert ("1003-8876", "PATIENT_ID") in found and ("1", "SEX") in found and ("6172", "FACILITY_PHONE") in found
    assert ("ソウタ", "PATIENT_NAME") in extract("<FamilyName>サトウ</FamilyName><GivenName>ソウタ</GivenName>")
    # a message's own ids and versions are nobody's number
    assert not [
        v
        for v, c in extract('{"resourceType": "Patient", "id": "p1", "meta": {"versionId": "3"}}')
        if c == "PATIENT_ID"
    ]


def test_a_column_named_nen_beside_a_sex_column_holds_ages():
    found = masked(
        "| 覚知 | 着 | 氏名 | 年 | 性 | 主訴 |\n| 8:04 | 8:21 | 岩 瀬 正 和 | 71 | M | 胸痛 |\n"
        "| 11:37 | 11:55 | ｱｻﾞﾐ ﾐﾕ | 34 | F | 過換気 |"
    )
    assert ("71", "AGE") in found and ("34", "AGE") in found


def test_a_year_column_without_a_sex_column_beside_it_holds_no_ages():
    found = masked("| 年 | 件数 | 備考 |\n| 24 | 31 | 増加 |\n| 25 | 40 | 横ばい |")
    assert not [v for v, c in found if c == "AGE"]


def test_a_room_with_its_bed_number_after_go():
    assert ("412", "OTHER_ID") in masked("88歳 女性 4西の412号2番ベッド 入院は令和6年9月")


@pytest.mark.parametrize("text", ["申し送り (N→D) 4W R7.4.13 夜勤", "本日 空床 3北 3 / 4W 1 / 5E 0"])
def test_a_w_ward_code_on_its_own(text):
    assert ("4W", "DEPARTMENT") in masked(text)


@pytest.mark.parametrize(
    "text", ["電気メス 30W で", "抜糸1W後", "3W毎に投与", "術後発熱の 5W（Wind, Water）", "レーザー 4.5 W"]
)
def test_watts_weeks_and_a_mnemonic_are_no_ward(text):
    assert not [v for v, c in masked(text) if c == "DEPARTMENT"]


@pytest.mark.parametrize("text, value", [("診察券 No. l7-4O62\n", "l7-4O62"), (" 生年月日  l955(S3O)/1l/O8\n", "l955")])
def test_a_number_a_scan_spoilt_is_judged_as_written(text, value):
    assert value in [v for v, c in masked(text)]


@pytest.mark.parametrize(
    "text, name",
    [
        (" 患者氏名  高 見 沢   清 (ﾀｶﾐｻﾞﾜ ｷﾖｼ)", "高 見 沢   清"),
        (" 氏 名   岡 部   信 二\n   生年月日", "岡 部   信 二"),
        ("   執刀医(説明医) 外科  市川  拓 也     立会者", "市川  拓 也"),
        ("呼吸器内科  久保田  誠 先生\n", "久保田  誠"),
    ],
)
def test_a_scanned_name_with_every_letter_spaced_and_its_given_name_padded(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME")]


@pytest.mark.parametrize(
    "text, value",
    [("関 口  ミ ツ エ   様    (8B歳)", "8B歳"), (" 生年月日  l98B 年 O2 月 l4 日", "l98B 年 O2 月 l4 日")],
)
def test_a_scanned_b_for_eight_before_a_unit(text, value):
    assert value in [v for v, c in masked(text)]


@pytest.mark.parametrize("text", ["SLCO1B1 遺伝子多型", "CYP2B6 で代謝"])
def test_a_genes_name_keeps_its_b(text):
    assert not masked(text)


def test_a_pdfs_radicals_are_read_as_the_kanji_they_stand_for():
    found = masked("11/6\u3000 08:30\u3000\u3000 ⾼⽊ 千春（長女）※東京より\u3000\u3000\u3000 ⼭⽥")
    assert ("⾼⽊ 千春", "EMERGENCY_CONTACT") in found and "⼭⽥" in [v for v, c in found]


def test_a_room_said_aloud_before_no_and_a_patients_name():
    assert ("702", "OTHER_ID") in masked("じゃあ申し送ります。まず 702 の 坂本 ぎんさん、あ、違う")
    assert not [v for v, c in masked("BP 120 の 山田さん") if c == "OTHER_ID"]


@pytest.mark.parametrize(
    "text, name", [(" 3. 0877214\u3000野ロ 哲夫\u300080才", "野ロ 哲夫"), ("Dr. 井 ロ 浩 之\n", "井 ロ 浩 之")]
)
def test_a_katakana_a_scan_made_of_a_kanji_in_a_name(text, name):
    assert name in [v for v, c in masked(text) if c.endswith("NAME")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("ケアプランセンター若葉の介護支援専門員", "ケアプランセンター若葉"),
        ("|内田 直樹|ケアサポートみらい（世田谷区", "ケアサポートみらい"),
        ("事業所\u3000ケアプランセンターつづきの森\n", "ケアプランセンターつづきの森"),
    ],
)
def test_a_care_business_before_no_and_a_word_or_named_with_no_and_one_kanji(text, name):
    assert name in [v for v, c in masked(text)]


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_name_after_the_word_leader(extract):
    assert ("秋元", "PHYSICIAN_NAME") in extract("申し送り：日勤リーダー 秋元へ 8/4 8:30")
    assert not [v for v, c in extract("チームリーダー 会議") if c.endswith("NAME")]


@pytest.mark.parametrize(
    "text",
    [
        "K0091823\t武田 浩二\tタケダ コウジ\t1\t1975-06-21\t49\t2024-08-23\t251",
        "(1,'イシハラ スミレ','1999-11-30',24,'女','x'),\n-- 2024-08-25",
    ],
)
def test_the_field_after_a_birth_date_holding_the_years_between_is_the_age(text):
    assert [v for v, c in masked(text) if c == "AGE"] in (["49"], ["24"])


@pytest.mark.parametrize("text", ["膝蓋骨コンポーネント 2028-11-30\u3000 1\n", "生年月日 1950/06/02 12 回目\n2024年"])
def test_a_count_after_a_date_is_no_age(text):
    assert not [v for v, c in masked(text) if c == "AGE"]
