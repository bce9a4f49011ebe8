"""Numbers of the eighteenth round (blind-dev31..34): rooms and beds said aloud or on boards, weekdays,
ticked sex boxes, era years beside ages, a database's time columns.

Each form with the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked, masked_as


# --- rooms and beds ------------------------------------------------------------------


def test_a_handover_says_the_room_and_its_bed_with_no():
    ids = masked_as("OTHER_ID", "4北 申し送り3人 402の1 たなか ゆうとくん 5歳\n瀬戸 17:42 402の2 あべ ここなちゃん 2歳")
    assert ids == ["402", "1", "402", "2"]


def test_a_handover_opens_on_a_room_with_kara():
    text = "申し送り始めます 501からいきます 501の1 山内さん 82歳 次 502 戸塚さん"
    assert masked_as("OTHER_ID", text)[:2] == ["501", "501"]


@pytest.mark.parametrize(
    "text",
    [
        "前回から2キロ増 血圧138の84 長男の",  # a pressure said aloud
        "血圧 162の88 脈拍 98",
        "全体の100の1 程度",  # a round hundred is a share
        "2024の1 の資料",  # a year
        "3分の1 を内服",
    ],
)
def test_numbers_joined_by_no_that_are_no_room(text):
    assert masked_as("OTHER_ID", text) == []


def test_a_room_plate_with_the_word_set_apart_or_in_kana():
    assert "712" in masked_as("OTHER_ID", "7階西病棟\n712 号室\n担当看護師 日勤")
    assert "402" in masked_as("OTHER_ID", "小児病棟 病室ドア 名札\n402 ごうしつ\nたなか ゆうと くん")


def test_a_room_before_its_kind():
    assert "303" in masked_as("OTHER_ID", " 303 個室 桐山 俊彦 担送 隔離")
    assert masked_as("OTHER_ID", "個室 2室 空きあり") == []


def test_a_booth_with_a_blank_before_ban():
    assert "1" in masked_as("OTHER_ID", "残ってるのは 3人です。1 番ブース、奥田 浩さん 52歳")


def test_the_first_column_of_a_board_under_a_bed_or_booth_header():
    text = (
        "床 氏名 DW HD時間 穿刺 担当\n1 原 一夫 62.5kg 4h 左前腕AVF 菅野\n2 浅見 とし江 41.0kg 3.5h AVG 菅野\n6 空\n"
        "ダイアライザ FX-180 / 12 本"
    )
    ids = masked_as("OTHER_ID", text)
    assert {"1", "2", "6"} <= set(ids) and "12" not in ids
    booths = masked_as("OTHER_ID", "ブース 氏名 年齢 性別 来院\n1 村瀬 88 女 21:14\n2 ｷﾑﾗ ｿｳﾀ 4 男 22:30")
    assert booths[:1] == ["1"] and "2" in booths


def test_a_header_opening_with_another_word_reads_no_first_column():
    text = "列 氏名 年齢 性 科\n1 高 木 64 F 外科\n2 ﾅｶｼﾞﾏ 83 F 整形"
    assert masked_as("OTHER_ID", text) == []


def test_a_name_board_in_box_rules_gives_each_cell_its_bed():
    text = "712 号室\n┌────┬────┐\n│ 1 中 村 久 美 子 様 │ 2 （空床） │\n│ 3 ＊＊＊ 様 │ 4 今井 洋子 様 │\n└────┴────┘"
    assert {"1", "2", "3", "4"} <= set(masked_as("OTHER_ID", text))


def test_a_box_cell_with_a_number_and_no_person_is_no_bed():
    assert masked_as("OTHER_ID", "│ 3 mg 投与 様子見 │\n| 1 | 所見なし |") == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_bed_label_in_dictation_reads_the_bed_not_the_line(extract):
    text = "一件目 ベッド 3 後藤 勝さん 76歳 ID 20931457 撮影 6時05分 気管分岐部上4センチ 心胸郭比56パーセント"
    found = extract(text)
    assert ("3", "OTHER_ID") in found and ("6時05分", "TIME") in found
    assert ("4", "OTHER_ID") not in found and ("56", "OTHER_ID") not in found


def test_a_bed_label_still_reads_a_room_kind_and_the_bed():
    assert ("708", "OTHER_ID") in balanced_masked("ベッド：7西 4人部屋 708-D 仮押さえ\n受付 地域連携室")


# --- dates, times, sex -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("次回外来 11月19日火曜日 採血あり", "11月19日火曜日"),
        ("脳神経内科 1月17日金曜 18時05分", "1月17日金曜"),
        ("送信日時: 2024年12月9日 月曜日 17:42", "2024年12月9日 月曜日"),
    ],
)
def test_a_weekday_written_out_after_a_day(text, date):
    assert date in masked_as("OTHER_DATE", text)


def test_a_weekday_alone_after_a_date_stays_out():
    assert masked_as("OTHER_DATE", "2024年12月 月報") == ["2024年12月"]


def test_a_scanned_date_with_letters_after_blanks():
    assert "2O24年 lO月 l日" in masked_as("OTHER_DATE", "同意取得日 : 2O24年 lO月 l日\n記入者")


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("お名前　高橋　勇　（☑男・□女）", "男"),
        ("性別：■男　□女\n住所", "男"),
        ("性別　□男 ■女\n住所", "女"),
        ("大川　トミ　　☐男 ☑女\n昭和5年", "女"),
    ],
)
def test_only_the_ticked_box_is_the_sex(text, sex):
    assert masked_as("SEX", text) == [sex]


def test_a_blank_pair_of_boxes_says_no_sex():
    assert masked_as("SEX", "性別 □男 □女") == []


def test_the_sex_signs_as_words_of_their_own():
    assert masked_as("SEX", "平松 様 70代 ♂ 肺炎") == ["♂"]
    assert masked_as("SEX", "ﾀｶﾊｼ ﾐｻｷ ﾍﾞﾋﾞｰ ♀ 25/02/11") == ["♀"]
    assert masked_as("SEX", "ベイリー（ゴールデン・レトリーバー、7歳♂）") == []  # a pet's, glued to its age


def test_an_era_year_with_the_age_it_gives_is_a_birth_year():
    text = "No\t氏名\t生年\t年齢\n1\t宮本 ヨシ子\tS9\t90\n2\t西川 勝\tS15\t84"
    assert masked_as("BIRTH_DATE", text) == ["S9", "S15"]


@pytest.mark.parametrize("text", ["腰椎 S1 2 本", "S9 12 mm の結節", "H2 35 件"])
def test_an_era_letter_with_a_number_that_is_no_age_for_it(text):
    assert masked_as("BIRTH_DATE", text) == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_database_column_ending_in_tm_holds_times(extract):
    text = (
        "PT_ID     SPEC_DT   SPEC_TM ITEM_CD ITEM_NM\n"
        "--------- --------- ------- ------- -------\n"
        "00381144  20230412  0835    3C015   CRE\n"
        "00390217  20230508  1010    3D046   CRP"
    )
    found = extract(text)
    assert ("0835", "TIME") in found and ("1010", "TIME") in found
    assert ("00381144", "PATIENT_ID") in found


def test_a_room_said_before_a_patient_named_with_an_honorific():
    assert "502" in masked_as("OTHER_ID", "センサー入れてます はい 502 戸塚さん MRSAなので")
    assert masked_as("OTHER_ID", "血圧 120 山田さん 来院") == []  # a measure before the name
    assert masked_as("OTHER_ID", "2025 山田さん 来院") == []  # a year


def test_rooms_listed_in_brackets_after_their_word():
    assert masked_as("OTHER_ID", "※ 1番・3番は病室（502・507）での記載希望。") == ["502", "507"]
    assert masked_as("OTHER_ID", "病室（2・3 を希望）") == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_year_of_birth_after_its_english_label(extract):
    found = extract("Year of Birth : 1949\nSex           : M\nYOB 1952")
    assert ("1949", "BIRTH_DATE") in found and ("1952", "BIRTH_DATE") in found


def test_an_age_after_a_label_with_leader_dots_or_in_brackets_after_the_word():
    text = "Age at Informed Consent . 66 years\nSex ..... Female\nDM | Age | Age (34) inconsistent with DOB"
    assert masked_as("AGE", text) == ["66 years", "34"]
    assert masked_as("AGE", "stage (3)\nPage ..... 12\nage (years)") == []


@pytest.mark.parametrize(
    "text",
    [
        "患者本人より「19日の夜から37.6℃」と電話",
        "仕事で行けません、２０日の夕方はあいてますか",
        "■はい（20日夜のマグミットは飲まず）",
    ],
)
def test_a_day_alone_before_a_part_of_that_day(text):
    assert len(masked_as("OTHER_DATE", text)) == 1


@pytest.mark.parametrize("text", ["3日間の夜は眠れず", "2日目の朝に解熱", "術前1日入院\n", "1日3回 朝食後"])
def test_a_count_of_days_is_no_date(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_the_patients_card_number_in_english_and_as_a_key(extract):
    found = extract("name_kana: キノシタ ユウマ\ncard_no: 1150-8862\nPatient card No.: ADI-55\ncard no.: unknown")
    assert ("1150-8862", "PATIENT_ID") in found and ("ADI-55", "PATIENT_ID") in found
    assert not [v for v, c in found if "unknown" in v]


def test_a_number_of_record_padded_with_zeros_before_a_side_is_no_volume():
    text = "0847 ISHIKAWA Rin #01288430 L FA 22G x2 RN\n1105 S.Pillai #01302291 L AC 18G x1"
    assert {"#01288430", "#01302291"} <= set(masked_as("OTHER_ID", text))
    assert masked_as("OTHER_ID", "輸液 1500 L/日") == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_column_of_durations_holds_no_times_of_day(extract):
    text = (
        "日付,時刻,発信,発信者,着信,着信者,通話時間,区分\n"
        "2025/02/14,17:42:10,6301,市川,7718,森永,00:01:48,内線\n"
        "2025/02/14,18:05:31,7718,森永,6301,市川,00:00:37,内線"
    )
    times = [v for v, c in extract(text) if c == "TIME"]
    assert "17:42:10" in times and "18:05:31" in times
    assert "00:01:48" not in times and "00:00:37" not in times


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_page_and_part_counters_are_no_dates(extract):
    text = "診察記録\n― 1/3 ―\n本文\n― 2/3 ―\n続き\n― 3/3 ―\n[容器ラベル #1/2]\n[容器ラベル #2/2 術中迅速]"
    assert [v for v, c in extract(text) if c == "OTHER_DATE"] == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_date_beside_page_counters_stays_a_date(extract):
    text = "― 1/3 ―\n本文\n― 2/3 ―\n― 3/3 ―\n受診日: 1/3\n次回 2/3(火)"
    dates = [v for v, c in extract(text) if c == "OTHER_DATE"]
    assert dates == ["1/3", "2/3(火)"]


def test_an_incomplete_series_counts_nothing():
    assert masked_as("OTHER_DATE", "採血日 1/4\n再診 3/4") == ["1/4", "3/4"]


def test_balanced_masks_a_persons_mail_address_and_an_offices():
    # An office's domain names its facility, and independent writers mark it (blind-final25).
    text = "From: 医事課 <iji@aobadai-chuo.example.jp>\nTo: k.ota1962@example.ne.jp\nCc: pv-desk@pharma.example.co.jp"
    found = [v for v, _ in balanced_masked(text)]
    assert found == ["iji@aobadai-chuo.example.jp", "k.ota1962@example.ne.jp", "pv-desk@pharma.example.co.jp"]
    assert "user@host" not in [v for v, _ in balanced_masked("宛先 user@host まで")]
    assert "tomita.yuki0508@example.ne.jp" in [v for v, _ in balanced_masked("メール：tomita.yuki0508@example.ne.jp")]


def test_recall_first_masks_every_mail_address():
    text = "From: 医事課 <iji@aobadai-chuo.example.jp>\nTo: k.ota1962@example.ne.jp"
    assert {"iji@aobadai-chuo.example.jp", "k.ota1962@example.ne.jp"} <= set(masked_as("OTHER_ID", text))


@pytest.mark.parametrize(
    "text",
    [
        "場所：みなと中央病院 2F カンファレンス室B",
        "行先：1F ATMコーナー（銀行）",
        "00:07 found on 8F stairwell",
        "夫は 1F 家族控室で待機",
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_floor_glued_to_f_is_no_sex(extract, text):
    assert [v for v, c in extract(text) if c == "SEX"] == []


def test_an_age_glued_to_its_sex_still_reads():
    assert ("F", "SEX") in masked("ｲﾉｳｴ ｱｲ 28F 妊娠 24週")


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_an_hla_allele_is_no_time(extract):
    assert [v for v, c in extract("HLA-B*15:02 陽性、HLA-A*31:01 検査 14:30 採血") if c == "TIME"] == ["14:30"]


@pytest.mark.parametrize(
    "text",
    ["ﾍﾟｰｼﾞ 1/2", "依頼書\u3000頁 2/3】", "枚数 1/1\n対象者", "Page 1/1\nShift", "―――――――― 2/3 ――――――――", "1/2 ページ"],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_single_page_mark_by_its_word_or_its_rules(extract, text):
    assert [v for v, c in extract(text) if c == "OTHER_DATE"] == []


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_date_between_words_stays(extract):
    assert ("1/21", "OTHER_DATE") in extract("次回 1/21 皮膚科 受診")


@pytest.mark.parametrize(
    "text",
    [
        "右上肢 MMT 4/5",
        "GCS 15 瞳孔 3/3 迅速",
        "基本チェックリスト 合計 12/25点",
        "→ 4/5項目：フレイル",
        "血培 2/2セット",
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_score_is_no_date(extract, text):
    assert [v for v, c in extract(text) if c == "OTHER_DATE"] == []


@pytest.mark.parametrize("text", ["同意書回収：12/3 外来", "事例共有：12/2 点滴中のアナフィラキシー"])
def test_a_date_before_a_word_that_opens_like_a_counter_stays(text):
    assert len(masked_as("OTHER_DATE", text)) == 1


def test_a_theatre_on_a_board_by_its_latin_name_is_left_and_by_its_japanese_word_taken():
    assert masked_as("OTHER_ID", "列 室 入室\n1 OR1 8:45 外科\n2 OR2 13:00 整形\nOR: 5   Patient") == []
    assert "4" in masked_as("OTHER_ID", "2025.08.25 手術室4\u3000患者ID 0012")
