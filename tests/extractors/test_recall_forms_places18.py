"""recall-first on places of international patients and old paper records: addresses abroad in Latin letters,
Hangul and Chinese, the place before 在住, dormitory rooms, foreign phone formats, old postal codes and old
kanji, facilities in romaji and with their public operator; and look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors import rules
from tests.extractors.recall_probes import covered, found, masked_as, values

# --- addresses abroad in Latin letters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        ("Nordhafenallee 40, 20457 Hamburg, Germany · Tel. +49 40 1234", "Nordhafenallee 40, 20457 Hamburg, Germany"),
        ("The patient, who lives at 18 rue des Capucins, 69001 Lyon.", "18 rue des Capucins, 69001 Lyon"),
        (
            "Jl. Cikini Raya No. 118, Menteng, Jakarta Pusat 10330, Indonesia\nPhone",
            "Jl. Cikini Raya No. 118, Menteng, Jakarta Pusat 10330, Indonesia",
        ),
        (
            "Suite 4, 212 Oxford Street, Bondi Junction NSW 2022 · Ph (02) 9387 4410",
            "Suite 4, 212 Oxford Street, Bondi Junction NSW 2022",
        ),
        (
            "Sukhbaatar district, 1st khoroo, Ulaanbaatar 14210, Mongolia   Tel: +976 11",
            "Sukhbaatar district, 1st khoroo, Ulaanbaatar 14210, Mongolia",
        ),
        ("999/12 Rama IV Rd., Pathum Wan, Bangkok lO33O   Te1:", "999/12 Rama IV Rd., Pathum Wan, Bangkok lO33O"),
        ("   12 Katsuragawa-higashi-cho, Nishikyo-ku, Kyoto 615-8256\n", "12 Katsuragawa-higashi-cho, Nishikyo-ku"),
        ("2-14-6 Kugenuma-Kaigan, Fujisawa-shi, Kanagawa 251, JAPAN\n", "Kanagawa 251, JAPAN"),
        ("(Vladivostok, Svetlanskaya st. 87-14)", "Vladivostok, Svetlanskaya st. 87-14"),
        ("To: Gastroenterology Department\n    Osaka Nanko Medical Center, Osaka, Japan", "Osaka, Japan"),
    ],
)
def test_a_chain_of_places_with_a_street_a_postal_code_or_a_country_is_an_address(text, address):
    assert any(address in value for value in found("foreign-address", text)), found("foreign-address", text)
    assert covered(address, masked_as("ADDRESS", text)), values(text)


def test_a_facility_before_the_city_and_country_stays_out_of_the_address():
    text = "Dr. Marie Dupont, Clinique des Tilleuls, Lyon, France"
    assert found("foreign-address", text) == ["Lyon, France"]


@pytest.mark.parametrize(
    "text",
    [
        "WBC 5600, Hb 12.3, Plt 21.5, CRP 0.3",
        "Smith J, Jones K, Lancet 2020, 395",
        "Results: Na 140, K 4.0, Cl 101, BUN 12",
        "Referred from Japan, Germany and France",
        "Please call, Tel 2020, thanks",
    ],
)
def test_lab_values_references_or_a_country_alone_are_no_address(text):
    assert found("foreign-address", text) == []


def test_an_address_label_that_names_the_country_is_an_address_label():
    text = "Address in Vietnam: Thon 4, Xa Phu Thuong, Huyen Phu Vang, Thua Thien Hue\nPhone"
    assert covered("Thon 4, Xa Phu Thuong", [s.text for s in rules.extract_spans(text) if s.category == "ADDRESS"])


def test_a_korean_address_in_hangul_is_an_address():
    text = "Home    : 부산광역시 해운대구 우동 1408-2 마린시티아파트 102동 1703호\nContact"
    assert covered("부산광역시 해운대구 우동 1408-2 마린시티아파트 102동 1703호", masked_as("ADDRESS", text)), values(
        text
    )
    assert found("foreign-address", "환자 상태 양호함 2회 방문") == []


def test_a_chinese_building_and_room_after_the_road_number_belong_to_the_address():
    text = "郵送先：広東省広州市天河区体育西路191号 中石化大厦B座 2306室（患者ご自宅）"
    assert covered("体育西路191号 中石化大厦B座 2306室", masked_as("ADDRESS", text)), values(text)


# --- where someone lives: 在住, a dormitory's room ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, place",
    [
        ("父 PHAM VAN LONG（ハイフォン市在住）携帯", "ハイフォン市"),
        ("・米国ミネソタ州在住の母 Mrs. Karen", "米国ミネソタ州"),
        ("母（WANG Li 様、中国・南京在住）へ", "中国・南京"),
        ("兄の Ali Imran さん（ラホール在住、+92 300 845 1100）", "ラホール"),
    ],
)
def test_the_place_before_zaiju_is_an_address(text, place):
    assert place in found("residence-place", text)
    assert covered(place, masked_as("ADDRESS", text)), values(text)


@pytest.mark.parametrize(
    "text",
    ["妻は中国在住。", "次男は市内在住", "米国在住・一時帰国中", "長男は市外在住のため", "（49歳・"],
)
def test_a_country_alone_or_a_word_of_distance_before_zaiju_is_no_address(text):
    assert found("residence-place", text) == []


def test_an_age_before_the_place_stays_out_of_it():
    assert found("residence-place", "大森 由香里 さん（49歳・横浜市中区在住）") == ["横浜市中区"]


@pytest.mark.parametrize(
    "text, room",
    [
        ("No.4 居室 東雲国際学生寮 C-208。", "東雲国際学生寮 C-208"),
        ("寮（東雲国際学生寮 A棟512）の荷物", "東雲国際学生寮 A棟512"),
        ("本人 居室（ひばり寮 3F-306）にて喘鳴", "ひばり寮 3F-306"),
    ],
)
def test_a_dormitory_with_its_room_is_an_address(text, room):
    assert room in found("residence-place", text)
    # masked whole; after a room's label (居室) the room's own category may name the joined span
    assert covered(room, values(text)), values(text)


@pytest.mark.parametrize("text", ["寮の同室者 3 名", "寮の食事は揚げ物中心", "社宅に住む"])
def test_a_dormitory_without_a_room_is_left_to_the_other_rules(text):
    assert found("residence-place", text) == []


# --- phones abroad ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Phone (021) 3190 7700 | Fax (021) 3190 7701", "(021) 3190 7700"),
        ("Ph (02) 9387 4410 · Fax", "(02) 9387 4410"),
        ("Te1: +66 2 1O8 4455\n", "+66 2 1O8 4455"),
    ],
)
def test_a_phone_abroad_with_its_trunk_zero_in_brackets_or_scanned_is_a_phone(text, phone):
    assert covered(phone, masked_as("PHONE", text)), values(text)


def test_bracketed_counts_are_no_phone():
    assert masked_as("PHONE", "(1) 2345 6789 の表") == []


# --- old records: postal codes of three digits, old kanji, operators, romaji ---------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "担当医\u3000戸田 浩一郎\n\u3000\u3000〒233 横浜市港南区丸山台2丁目41番1号\n",
            "233 横浜市港南区丸山台2丁目41番1号",
        ),
        ("多摩臨床検査センター 〒192 八王子市明神町4-■-8 TEL", "192 八王子市明神町4-■-8"),
    ],
)
def test_an_old_postal_code_of_three_digits_opens_the_address(text, address):
    assert covered(address, masked_as("ADDRESS", text)), values(text)


@pytest.mark.parametrize(
    "text, address",
    [
        ("\u3000おおた小児科医院\n\u3000\u3000群馬県太田市飯田町１２■■\n", "群馬県太田市飯田町１２■■"),
        ("住\u3000\u3000所\u3000長野県小県郡丸子町■■\n入院", "長野県小県郡丸子町■■"),
    ],
)
def test_blacked_out_digits_after_a_town_end_the_address(text, address):
    assert covered(address, masked_as("ADDRESS", text)), values(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("\u3000拝復\n丸山外科醫院\n\u3000丸山 謙三 先生 机下", "丸山外科醫院"),
        ("書（Guarantee of Payment）\n京都桂川病陰 医事課 御中", "京都桂川病陰"),
        ("\u3000\u3000社会保険 港南中央病院\u3000外科", "社会保険 港南中央病院"),
        ("退院時病歴要約\u3000\u3000国立療養所 信濃東病院\u3000外科", "国立療養所 信濃東病院"),
        ("OCT.17.1994 11:40AM  FROM HASHIMOTO NAIKA   0799-2■-0156", "HASHIMOTO NAIKA"),
        ("To   : Shiomidai General Hospita1 - International", "Shiomidai General Hospita1"),
        ("To    : Fukuoka Wangan lnternationa| Hospital / 医事課", "Fukuoka Wangan lnternationa| Hospital"),
    ],
)
def test_an_old_or_scanned_facility_name_is_a_facility(text, name):
    assert covered(name, masked_as("HOSPITAL_NAME", text)), values(text)


@pytest.mark.parametrize("text", ["Hashimoto thyroiditis and Crohn disease", "Pet Care Arrange", "He had Geka"])
def test_an_eponym_or_a_romaji_kind_alone_is_no_facility(text):
    assert masked_as("HOSPITAL_NAME", text) == []


def test_a_scanned_digit_in_a_lab_code_stays_a_digit():
    assert values("HbA1c 7.2%, T1N0M0") == []


# --- departments --------------------------------------------------------------------------------------------


def test_a_department_column_headed_ka_holds_departments():
    text = (
        "ｶﾙﾃNO    SX AGE ROOM-BED NYUIN-BI   KA  LANG\n"
        "00918275 F  044 612-1    2025/06/10 NSG TH\n"
        "10451172 F  052 410-2    2025/06/03 ORT MN\n"
    )
    assert covered("NSG", masked_as("DEPARTMENT", text)) and covered("ORT", masked_as("DEPARTMENT", text))


@pytest.mark.parametrize(
    "text, unit",
    [("現在集中治療室にて治療中", "集中治療室"), ("結果説明（健診センター、担当医 杉浦）", "健診センター")],
)
def test_the_intensive_care_unit_and_the_checkup_centre_are_departments(text, unit):
    assert covered(unit, masked_as("DEPARTMENT", text)), values(text)


# --- buildings named in katakana, Kyoto's directions -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        (
            '54,内田 正之,77,男,"さいたま市見沼区東大宮5-28-3 ﾊﾟｰｸﾊｲﾑ東大宮 710",048-686-0391,',
            "さいたま市見沼区東大宮5-28-3 ﾊﾟｰｸﾊｲﾑ東大宮 710",
        ),
        ("日本滞在先：福岡市東区香椎駅前2-11-4 ｻﾝﾗｲｽﾞ香椎 501（大使館手配）", "福岡市東区香椎駅前2-11-4 ｻﾝﾗｲｽﾞ香椎 501"),
    ],
)
def test_a_building_in_katakana_with_its_room_ends_the_address(text, address):
    assert covered(address, masked_as("ADDRESS", text)), values(text)


def test_a_count_after_a_katakana_word_is_no_room():
    assert found("address-building", "検査値 5-28-3 ｱﾙﾌﾞﾐﾝ 10 回") == []


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "（滞在先 京都市中京区河原町通三条下ル大黒町68 ホテル鴨川 812号室、携帯",
            "京都市中京区河原町通三条下ル大黒町68 ホテル鴨川 812号室",
        ),
        ("住所：京都市下京区烏丸通四条下る水銀屋町620\n", "京都市下京区烏丸通四条下る水銀屋町620"),
    ],
)
def test_kyotos_streets_and_directions_belong_to_the_address(text, address):
    assert masked_as("ADDRESS", text) == [address], values(text)


# --- the town someone lives in or travels to, in an English letter ---------------------------------------------


@pytest.mark.parametrize(
    "text, town",
    [
        ("Ms. Hartley, who returns home to Portland on November 27.", "Portland"),
        ("He will fly to Hue on 10 March 2025.", "Hue"),
        ("The family moved from Osaka last autumn.", "Osaka"),
    ],
)
def test_the_town_someone_lives_in_or_flies_to_is_an_address(text, town):
    assert town in found("foreign-address", text)


@pytest.mark.parametrize(
    "text",
    ["She flies back to France on Oct. 6.", "Surgery moved to Jan 21.", "during her stay in Ward 5E", "lives in The"],
)
def test_a_country_a_month_or_a_ward_after_a_travel_word_is_no_address(text):
    assert found("foreign-address", text) == []


# --- a facility's insurance code -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("都道府県番号 13\u3000医療機関コード 12,3456,7\u3000\u3000\u30001 社・国", "12,3456,7"),
        ("医療機関 博多はこざき病院（医療機関コード 40,1234,5）\n指定医", "40,1234,5"),
        ("医療機関コード 12.3456.7\n交付年月日", "12.3456.7"),
        ("医療機関コード：1312345678\n", "1312345678"),
    ],
)
def test_a_facilitys_insurance_code_names_the_facility(text, code):
    assert [s.text for s in rules.extract_spans(text) if s.category == "HOSPITAL_NAME"][-1] == code


def test_a_number_grouped_by_commas_after_another_label_keeps_its_label():
    assert [(s.category, s.text) for s in rules.extract_spans("検査番号 12,3456,7 と 1,234 件")] == [
        ("OTHER_ID", "12,3456,7")
    ]
