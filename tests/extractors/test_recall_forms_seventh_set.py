"""recall-first on forms met in the development sets of the seventh round: each mechanism's forms and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

from phi_core.extractors.recognition.rooms import room_form_candidates

# --- committee members and clergy after their name ---------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("・甲斐委員より：放射線を使用する手技", "甲斐"),
        ("「読影レポート最終承認」は東條委員長が不可と判断", "東條"),
        ("欠席：ラミレス委員（手術のため）", "ラミレス"),
        ("カトリック元町教会のヴィシニェフスキ神父へ取次ぎ済み", "ヴィシニェフスキ"),
        ("所属教会の岡野牧師にも連絡希望", "岡野"),
        ("お寺の宗田和尚は高齢で来院が難しい", "宗田"),
    ],
)
def test_a_member_or_a_cleric_is_named_before_the_post(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["倫理委員より意見あり", "各委員から意見", "外部委員として参加"])
def test_a_post_after_a_common_word_names_nobody(text):
    assert values(text) == []


# --- staff introduced in notes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("お疲れさまです。放射線安全管理室の甲斐です。", "甲斐"),
        ("面談：9月30日、放射線安全管理者 甲斐、技師長 國分", "甲斐"),
        ("記録：釈 慈光（非常勤）", "釈 慈光"),
        ("出席: 今泉(Dr), Ong(MSW), 薬剤師 竹中", "Ong"),
        ("妊娠28週、産科野中Dr.より紹介", "野中"),
    ],
)
def test_staff_introduced_by_the_note_are_named(text, name):
    assert name in found("staff-mention", text)


@pytest.mark.parametrize(
    "text",
    ["次回の予定です。", "以上です。", "CT検査です", "管理者 不在のため", "結果(Dr確認済)", "担当医 記載"],
)
def test_words_in_the_same_places_are_not_staff(text):
    assert found("staff-mention", text) == []


# --- vehicle plates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, plate",
    [
        ("登録番号 横浜 502 は 83-06\n減免", "横浜 502 は 83-06"),
        (" 2026-12-04 09:48:01     湘南 500 る 3-88   30分無料", "湘南 500 る 3-88"),
        ("ナンバー 川崎 580 な 4-17", "川崎 580 な 4-17"),
        ("練馬 300 あ ・・・8 で来院", "練馬 300 あ ・・・8"),
        ("品川330み71-02", "品川330み71-02"),
    ],
)
def test_a_vehicle_plate_is_an_identifier(text, plate):
    assert found("vehicle-plate", text) == [plate]


@pytest.mark.parametrize("text", ["胸部 30 の 12-14 mm", "第3 から 10-12 まで", "横浜 300 し 12-34", "Hb 12 と 13-15"])
def test_numbers_around_kana_that_no_plate_uses_stay(text):
    assert found("vehicle-plate", text) == []


# --- dotted dates spaced or scanned --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("生年月日 : S2l. 1O. 3      性別 : F", "S2l. 1O. 3"),
        ("撮影日 : R8. l2. l0   l3:OO", "R8. l2. l0"),
        ("申込日   2O26 . ll . 2O", "2O26 . ll . 2O"),
        ("受付 R8. 12. 2 済", "R8. 12. 2"),
    ],
)
def test_a_spaced_or_scanned_dotted_date_is_read(text, date):
    assert found("spaced-date", text) == [date]


@pytest.mark.parametrize("text", ["Ver 2. 1. 3", "see Fig. 2. 3. 4", "R8. 13. 2", "R8. ll. lO and Rl. l. l"])
def test_versions_figures_and_impossible_dates_stay(text):
    assert found("spaced-date", text) == ([] if "Rl" not in text else ["R8. ll. lO"])


# --- English months written out -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, date",
    [("expect discharge around 15 September.", "15 September"), ("on September 5, 2025 we", "September 5, 2025")],
)
def test_a_month_written_out_makes_a_date(text, date):
    assert (date, "OTHER_DATE") in masked(text)


def test_a_word_that_starts_like_a_month_is_no_date():
    assert values("3 Decisions were made") == []


# --- theatres, a unit's bed, the bed letter after a room -------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("使用：2025.08.25 手術室4　患者ID 20118764", "4"),
        ("| 手術室 1 |", "1"),
        ("12/3 15:40  ICU 3  奥平さんのご家族", "3"),
        ("場所 救命救急センター 2番ブース", "2"),
        ("搬送先：8階東病棟 815号室A\n患者", "A"),
        ("症状：714号室Bベッド使用中", "B"),
    ],
)
def test_a_theatre_a_bed_or_a_booth_is_an_identifier(text, number):
    assert (number, "OTHER_ID") in masked(text)


@pytest.mark.parametrize("text", ["手術室3件", "ICU 3日間滞在", "手術室 10時入室", "ICU 5 days", "号室Abc"])
def test_counts_and_durations_after_the_same_words_stay(text):
    assert [v for v, c in masked(text) if c == "OTHER_ID" and len(v) <= 2] == []


# --- sex written as a word ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["性別は男性のままで可とする", "ご高齢の男性が降車後に", "症例は 3歳の女児。"])
def test_a_sex_word_is_masked(text):
    assert [c for v, c in masked(text) if v in ("男性", "女児")] == ["SEX"]


@pytest.mark.parametrize("text", ["女性ホルモン療法中", "女性外来を受診", "男性化徴候なし", "長男と同居"])
def test_words_built_on_a_sex_word_stay(text):
    assert [v for v, c in masked(text) if c == "SEX"] == []


# --- numbers after a label, in groups -------------------------------------------------------------


def test_letters_then_digit_groups_after_a_label_are_one_identifier():
    assert ("MD 2204 7719", "OTHER_ID") in masked("会員No MD 2204 7719   お名前")


# --- names the dictionary reads in part ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("レシピエント：安田 恵 ID 90214437", "安田 恵"),  # 安田 read as a proper noun, then a given name
        ("ID：07730514　シバサキ ユウコ　S28.12.1生", "シバサキ ユウコ"),  # an unlisted katakana family name
        ("Pt: Kowalski, Anna / コワルスキ アンナ   MRN", "コワルスキ アンナ"),
        ("薬剤部長 ヴァーマ ラジ、産業医", "ヴァーマ ラジ"),
        ("Seton 留置中）は 外科 大槻 先生フォロー。", "大槻"),  # a title after a space is not a given name
    ],
)
def test_a_name_the_dictionary_knows_in_part_is_whole(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text, name", [("スタッフ アンナ", "アンナ"), ("ガイドワイヤー マリア", "マリア"), ("外科の大槻 先生", "大槻")]
)
def test_a_listed_word_before_a_name_stays_outside(text, name):
    assert name in values(text) and not any(v != name and name in v for v in values(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("患者ID O0912384　氏名 NGUYEN VAN HUNG　在留資格", "NGUYEN VAN HUNG"),
        ("緊急連絡先：兄 NGUYEN VAN THANH（080-9912-4406）", "NGUYEN VAN THANH"),
        ("Patient O'CONNOR, Sean (オコナー ショーン)  ID", "O'CONNOR, Sean"),
        ("To: Mr. WANG Jianguo (王建国)　Passport No.", "王建国"),
    ],
)
def test_latin_names_with_particles_apostrophes_and_their_kanji(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["CT AND MRI", "STAGE DE NOVO", "Tanvir Ahmed（病理）", "Isabel Lopez（院長交代）"])
def test_capitals_and_brackets_that_are_no_names(text):
    assert not any(v in ("CT AND MRI", "STAGE DE NOVO", "病理", "院長交代") for v in values(text))


def test_a_room_after_its_ward():
    assert ("1103", "OTHER_ID") in masked("day0 R8.12.2 予定（11階無菌病棟 1103）")
    text = "第2病棟 2026、病棟 500 mL"  # a year and an amount after the word stay
    assert [text[c.start : c.end] for c in room_form_candidates(text) if c.category == "OTHER_ID"] == []


def test_a_number_of_record_with_a_kanji_between_hyphens():
    assert ("R8-迅-0311", "OTHER_ID") in masked("承認番号：R8-迅-0311　　判定日：2026/10/01")


def test_a_bed_after_a_colon_and_a_space():
    assert ("P-03", "OTHER_ID") in masked("Dept: 小児科 / PICU   Bed: P-03\nReferring")


@pytest.mark.parametrize(
    "text, date",
    [("ガラスバッジ未返却のお願い（10月分）", "10月"), (" 11/26 ○ 薬局   11/27 × 「飲み忘れ」", "11/27")],
)
def test_a_month_share_and_a_date_before_a_mark_are_dates(text, date):
    assert (date, "OTHER_DATE") in masked(text)


@pytest.mark.parametrize("text", ["12 x 8 mm の結節", "3×4 cm", "5 ×2回"])
def test_factors_stay_measures(text):
    assert values(text) == []


def test_a_family_name_that_is_also_a_word_inside_a_list_of_names():
    assert "甲斐" in values("出席者：東條、甲斐、大須賀、坂東（事務局）")


@pytest.mark.parametrize("text", ["回覧：島袋、院長、副院長", "佐藤、中央、本部"])
def test_posts_and_words_in_a_list_after_a_name_stay(text):
    assert not {"院長", "副院長", "中央", "本部"} & set(values(text))


@pytest.mark.parametrize("text", ["献血者コード：8841-2203", "献血者コード 8841-2203", "番号 3320-1149"])
def test_two_groups_of_four_after_a_number_label_are_the_number(text):
    assert [c for v, c in masked(text) if v.endswith(("2203", "1149"))] == ["OTHER_ID"]


@pytest.mark.parametrize("text", ["尿量 1000-1500 mL", "基準 3500-9000"])
def test_ranges_without_such_a_label_stay(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("12/3(木) PM3:00 来院", "PM3:00", "TIME"),
        ("AM 9:30 来院", "AM 9:30", "TIME"),
        ("12月第1週に再診", "12月第1週", "OTHER_DATE"),
    ],
)
def test_a_date_or_time_keeps_its_half_of_the_day_and_its_week(text, value, category):
    assert (value, category) in masked(text)


def test_a_word_ending_in_the_letters_is_no_half_of_the_day():
    assert ("3:00", "TIME") in masked("TEMP 3:00")


@pytest.mark.parametrize(
    "text, value", [("pt=00781204\nT260412931", "00781204"), ("CHA2DS2-VASc\n00315527 64 M", "00315527")]
)
def test_a_unit_or_a_score_on_the_next_line_lets_no_number_through(text, value):
    assert value in values(text)


@pytest.mark.parametrize("text", ["体重 62\nkg", "GCS\n15"])
def test_a_unit_on_its_own_line_still_makes_no_identifier(text):
    assert [v for v, c in masked(text) if c in ("PATIENT_ID", "OTHER_ID")] == []


@pytest.mark.parametrize("text, room", [(" bed 3 / rm 508", "508"), ("Room 615", "615")])
def test_an_english_room_label_in_lower_case_too(text, room):
    assert (room, "OTHER_ID") in masked(text)


@pytest.mark.parametrize("text", ["2 rm 12 cm", "arm 508", "perm 508"])
def test_a_measure_or_a_word_ending_in_rm_is_no_room(text):
    assert [v for v, c in masked(text) if c == "OTHER_ID"] == []
