"""recall-first on forms met in the development sets of the sixth round: each mechanism's forms and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

from phi_core.extractors import profiles_recall_first as rf
from phi_core.extractors import rules

# --- a hospital's owning corporation before its name ------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("社会医療法人 翠明会 翠明記念病院 院長 殿", "社会医療法人 翠明会 翠明記念病院"),
        (
            "神奈川県警察 港南警察署長　殿\n\n医療法人社団 光和会 上大岡中央病院\n院長",
            "医療法人社団 光和会 上大岡中央病院",
        ),
        ("持込: 前医（清和会 東山病院）で既知", "清和会 東山病院"),
        ("植込み日 2019/03/14（聖マリア会 湊総合病院）", "聖マリア会 湊総合病院"),
        ("医療法人社団 こころの森 おびひろメンタルクリニック", "医療法人社団 こころの森 おびひろメンタルクリニック"),
        ("社会福祉法人 恩賜財団 済生会 横浜市東部病院", "社会福祉法人 恩賜財団 済生会 横浜市東部病院"),
        ("連絡先：東都医科大学附属 多摩総合医療センター 外来", "東都医科大学附属 多摩総合医療センター"),
    ],
)
def test_an_owning_corporation_joins_the_hospital_after_it(text, value):
    assert (value, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize(
    "text, hospital",
    [
        ("日本医学放射線学会 東京病院", "東京病院"),  # a learned society owns no hospital
        ("当院は地域の会 東山病院と連携", "東山病院"),  # a sentence before the name
        ("大学附属 東山病院", "東山病院"),  # no university named
    ],
)
def test_a_society_or_a_sentence_before_a_hospital_stays_apart(text, hospital):
    hospitals = [v for v, c in masked(text) if c == "HOSPITAL_NAME"]
    assert hospitals == [hospital]


# --- care units named by what they treat -----------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("投与日 2025/02/05（水）　外来化学療法センター ベッド 12", "外来化学療法センター"),
        ("R8.12.2　14:00　遺伝子診療部 面談室2", "遺伝子診療部"),
        ("静注療法チェックリスト　　脳卒中センター\n患者ID", "脳卒中センター"),
        ("場所：手術部 第3手術室 麻酔カート前", "手術部"),
    ],
)
def test_care_units_are_departments(text, value):
    assert (value, "DEPARTMENT") in masked(text)


@pytest.mark.parametrize(
    "text", ["薬剤部に疑義照会", "地域医療連携室より連絡", "面談室2で説明", "医療安全管理室へ報告"]
)
def test_support_offices_and_rooms_are_not_departments(text):
    assert [v for v, c in masked(text) if c == "DEPARTMENT"] == []


# --- numbers of record by their own signs -----------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("福祉事務所受付 第0314号", "0314"),
        ("令和7年3月5日付け 港南署刑第412号にて照会", "412"),
        ("受給者番号 6 0 2 7 1 4 3　有効期間", "6 0 2 7 1 4 3"),
        ("PID:0091 2274 06  ｺｳﾉ ﾐﾂｷ", "0091 2274 06"),
        ("旅券番号：TR 4471029\n接種歴", "TR 4471029"),
        ("交付番号：港-2026-01883 ", "港-2026-01883"),
        ("カード：VISA ****-****-****-4021\n", "4021"),
    ],
)
def test_numbers_of_record(text, value):
    assert value in found("labelled-number", text)
    # Masked, alone or inside a wider value (a dated reference number is masked whole: 港南署刑第412号).
    assert any(value in masked for masked in values(text))


def test_a_court_case_number_is_masked_whole():
    text = "（事件番号　令和7年（ワ）第1083号 損害賠償請求事件）"
    assert "令和7年（ワ）第1083号" in found("labelled-number", text)


@pytest.mark.parametrize(
    "text",
    ["労災申請（様式第5号）", "第100回 日本医学放射線学会", "第3肋骨に骨折", "No. 3 リンパ節", "ID 1 錠"],
)
def test_form_numbers_stations_and_counts_are_no_numbers_of_record(text):
    assert found("labelled-number", text) == []


# --- dates: after a word of time, a month of a year ------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("交付予定 12/10以降、手数料", "12/10"),
        ("2名を11/30回診へ", "11/30"),
        ("month: 2026-12\n", "2026-12"),
        ("集計 2026/12 分", "2026/12"),
    ],
)
def test_short_dates_before_words_of_time_and_months_of_a_year(text, value):
    assert (value, "OTHER_DATE") in masked(text)


@pytest.mark.parametrize("text", ["1/3以上", "1/2回", "基準 4.1-5.1", "10-20 mg", "2000-3000 mL", "CR-2026-00903"])
def test_fractions_ranges_and_codes_are_no_month_of_a_year(text):
    assert [v for v, c in masked(text) if c == "OTHER_DATE"] == []


# --- sex in kana and as a code ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("ｼﾒｲ: ﾐﾔｷﾞ ﾀﾂｵ   ｾｲﾍﾞﾂ: ｵﾄｺ   ﾈﾝﾚｲ: 58", "ｵﾄｺ"),
        ("性別：1（男）　生年月日：19560412", "1"),
        ("性別: 2\n年齢: 40", "2"),
    ],
)
def test_sex_by_its_reading_or_its_code(text, value):
    assert (value, "SEX") in [(s.text, s.category) for s in rules.extract_spans(text)]


@pytest.mark.parametrize("text", ["性別：12", "性別: 不明"])
def test_a_number_or_a_word_that_is_no_sex_code(text):
    assert [s for s in rules.extract_spans(text) if s.category == "SEX"] == []


# --- addresses in Latin letters -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "Address in Japan: Room 402, Sunhills Kasai, 3-7-18 Nishi-Kasai, Edogawa-ku, Tokyo 134-0088\nMobile",
            "Room 402, Sunhills Kasai, 3-7-18 Nishi-Kasai, Edogawa-ku, Tokyo 134-0088",
        ),
        ("Address on file: 1-7-22 Minami-Aoyama, Minato-ku, Tokyo\n", "1-7-22 Minami-Aoyama, Minato-ku, Tokyo"),
        ("lives at 2-5-10 Hiyoshi, Kohoku, Kanagawa 223-0061.", "2-5-10 Hiyoshi, Kohoku, Kanagawa 223-0061"),
    ],
)
def test_addresses_in_latin_letters(text, value):
    assert value in found("latin-address", text)


@pytest.mark.parametrize(
    "text",
    ["Dose 1-2-3 Tablets, Morning", "L4-5 Disc, Mild", "Grade 2-3 Reflux, Tokyo criteria", "Series 3-12, Axial"],
)
def test_numbered_clinical_phrases_are_no_addresses(text):
    assert [v for v, c in masked(text) if c == "ADDRESS"] == []


# --- facilities: glued group words, branches, public owners, half-width kana ------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("転院先を照会\n　・みなと赤十字病院（045-628-6100）", "みなと赤十字病院"),
        ("11/02 C50.4 紹介元とかち乳腺クリニック\n", "とかち乳腺クリニック"),
        ("院外薬局「そよかぜ薬局 相模が丘店」へFAX送信済", "そよかぜ薬局 相模が丘店"),
        ("院外発生：特別養護老人ホーム 福寿の郷より入院時に確認", "特別養護老人ホーム 福寿の郷"),
        ("11月に県立こころの医療センターで DAT スキャン予定", "県立こころの医療センター"),
    ],
)
def test_facility_names_through_group_words_branches_and_owners(text, value):
    assert value in values(text)


@pytest.mark.parametrize(
    "text, value",
    [
        ("訪問看護へ FAX 済（ﾎｰﾑｹｱ訪問看護ｽﾃｰｼｮﾝ東海 FAX 052-861-7700）", "ﾎｰﾑｹｱ訪問看護ｽﾃｰｼｮﾝ"),
        ("ｼｮｳｶｲﾓﾄ: ﾐﾄﾞﾘ ｸﾘﾆｯｸ\n", "ﾐﾄﾞﾘ ｸﾘﾆｯｸ"),
    ],
)
def test_facility_names_in_half_width_katakana(text, value):
    assert value in found("half-width-facility", text)


@pytest.mark.parametrize("text", ["ｸﾘﾆｯｸ ﾆ ﾃﾞﾝﾜ", "ホームケア訪問看護ステーション東海 FAX"])
def test_a_kind_alone_or_a_full_width_name_is_not_read_again(text):
    assert found("half-width-facility", text) == []


def test_a_sentence_after_a_pharmacy_is_no_branch():
    assert "すずらん薬局" in values("すずらん薬局に行った店で買った")
    assert not any("行った店" in value for value in values("すずらん薬局に行った店で買った"))


# --- era years in full width --------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [("ＩＣＤ植込み Ｈ２９\n", "Ｈ２９"), ("Ｈ２９年に発症", "Ｈ２９年")])
def test_full_width_era_years(text, value):
    assert (value, "OTHER_DATE") in masked(text)


@pytest.mark.parametrize("text", ["ＳＨ２９", "ＨＣＭ"])
def test_full_width_codes_are_no_era_years(text):
    assert found("era-year", text) == []


# --- a sex after an age in any unit or an age band ----------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("消防より受入照会：70代男性 意識障害", "男性"),
        ("| 不詳（男性）  | 50代 M   | 08:42", "M"),
        ("ﾓﾘｼﾀ ﾄﾖｺ　８２才　Ｆ　４西", "Ｆ"),
        ("(ソフィー・ローラン)  Age 4 yrs F\nChart", "F"),
    ],
)
def test_a_sex_after_an_age_band_or_unit(text, value):
    assert value in found("sex-after-age", text)


@pytest.mark.parametrize("text", ["3代目 男", "10 y Follow-up", "70代 MRI", "3歳 Fontan術後"])
def test_generations_words_and_tests_after_an_age_are_no_sex(text):
    assert found("sex-after-age", text) == []


# --- dates that carry a part of the month, a year of birth --------------------------------------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("重量物の運搬は2027/1/末まで不可", "2027/1/末", "OTHER_DATE"),
        ("SUBJ=P07-031  生年 1979 追記", "1979", "BIRTH_DATE"),
        ("ICD植込み、生まれ年：1950", "1950", "BIRTH_DATE"),
    ],
)
def test_part_of_a_month_and_a_year_of_birth(text, value, category):
    assert (value, category) in masked(text)


@pytest.mark.parametrize("text", ["生年月日不明、1979例中", "出生年齢 2000g"])
def test_no_year_of_birth_without_its_label(text):
    assert [v for v, c in masked(text) if c == "BIRTH_DATE"] == []


def test_an_eight_digit_number_after_no_is_no_series_number():
    assert "00481275" in values("診察券 ｶﾙﾃNo 00481275）→診察券より持主判明")
    assert values("Se 3 Im 45") == []


# --- a label with a qualifier in brackets before its separator (balanced) -----------------------


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("性別：男　年齢（同意取得時）：61\n", "61", "AGE"),
        ("電話（自宅）：03-1234-5678", "03-1234-5678", "PHONE"),
    ],
)
def test_a_label_with_a_qualifier_in_brackets(text, value, category):
    assert (value, category) in [(s.text, s.category) for s in rules.extract_spans(text)]


def test_a_lab_value_with_its_unit_in_brackets_stays_a_lab_value():
    assert rules.extract_spans("CRP（mg/dL）：12.3") == []


# --- clinical facts the allow-list keeps: they look like identifiers or dates ------------------


@pytest.mark.parametrize(
    "text, fact",
    [
        ("初産 20w0d", "20w0d"),
        ("健診日 R8.11.24（29w3d）", "29w3d"),
        ("Apgar 7/9　外表奇形なし", "7/9"),
        ("心尖部に Levine 2/6 の収縮期雑音", "2/6"),
        ("BPP 8/8、EFW 1,310 g", "8/8"),
        ("retry 1/3 C-MOVE", "1/3"),
        ("PSG SUMMARY v2.3.1", "v2.3.1"),
        ("OrderService v12.4.0-hotfix3 started", "v12.4.0-hotfix3"),
        ("放射性ヨウ素（I-131）内用療法", "I-131"),
        ("圧モニタ閾値（325psi → 300psi）", "325psi"),
        ("ドネペジル塩酸塩OD錠5mg 1190012F2022 朝食後", "1190012F2022"),
        ("DESIGN-R 2020 d2-e3s6i0g3n0p0", "d2-e3s6i0g3n0p0"),
    ],
)
def test_clinical_facts_shaped_like_identifiers_stay(text, fact):
    start = text.index(fact)
    end = start + len(fact)
    spans = rf.extract_spans(text)
    assert not any(s.start < end and start < s.end for s in spans)


def test_a_bed_code_is_no_radionuclide():
    assert "12" in "".join(values("外来化学療法センター ベッド C-12\n"))


# --- an address line that ends with its building and room or floor ------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "住　　所　〒060-0061 札幌市中央区南1条西9丁目1-15 リバーサイド南1条 1102\n電　　話",
            "060-0061 札幌市中央区南1条西9丁目1-15 リバーサイド南1条 1102",
        ),
        (
            "〒231-0023\n神奈川県横浜市中区山下町118-2 ベイビュー山下 903\n鴨志田 亮 様",
            "231-0023\n神奈川県横浜市中区山下町118-2 ベイビュー山下 903",  # the postal code joins it (round i16s8c)
        ),
        ("　　北海道帯広市西2条南10丁目3 森ビル3F\n　　電話", "北海道帯広市西2条南10丁目3 森ビル3F"),
        ("〒460-0008 名古屋市中区栄3-11-9 第2栄ビル4F\nTEL", "460-0008 名古屋市中区栄3-11-9 第2栄ビル4F"),
    ],
)
def test_an_address_takes_the_building_and_room_ending_its_line(text, value):
    assert (value, "ADDRESS") in masked(text)


@pytest.mark.parametrize(
    "text, address",
    [
        ("東京都港区芝5-1-1 在住 CT 120", "東京都港区芝5-1-1"),
        ("東京都港区芝5-1-1 から来院、体重 52", "東京都港区芝5-1-1"),
    ],
)
def test_words_and_numbers_after_an_address_stay_out_of_it(text, address):
    assert [v for v, c in masked(text) if c == "ADDRESS"] == [address]


def test_an_honorific_after_a_role_is_no_name():
    assert values("社会医療法人 翠明会 翠明記念病院 院長 殿\n\n請求者") == ["社会医療法人 翠明会 翠明記念病院"]
    assert "荒巻" in values("（主治医 荒巻）")


@pytest.mark.parametrize(
    "text, value, category",
    [
        ("故障：水袋エア混入 13時台、メーカーへ連絡", "13時台", "TIME"),  # the hour with its 台 (date_edges)
        ("→ 小児科一般外来で接種調整", "小児科", "DEPARTMENT"),
        ("麻酔科術前外来 問診", "麻酔科", "DEPARTMENT"),
        ("14:40 症状改善。救急科経由で経過観察入院", "救急科", "DEPARTMENT"),
    ],
)
def test_an_hour_of_the_day_and_a_department_before_its_clinic(text, value, category):
    # The clinic may join its department's span (小児科一般外来): one unit of record.
    assert any(value in found and cat == category for found, cat in masked(text)), masked(text)


@pytest.mark.parametrize("text", ["24時間持続", "3時方向に腫瘤", "外科的処置", "内科医に相談"])
def test_durations_clock_positions_and_doctors_stay(text):
    assert [v for v, c in masked(text) if c in ("TIME", "DEPARTMENT")] == []
