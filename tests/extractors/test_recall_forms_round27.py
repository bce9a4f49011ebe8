"""Forms of the twenty-seventh round (blind-final59..64 once spent, blind-dev250..): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked, masked_as, values

# --- a word for whom a hospital serves, between its own name and its kind ----------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("（H24年、浜風こども医療センター）。", "浜風こども医療センター"),
        ("6歳で東雲こども病院で治療、2012年終了。", "東雲こども病院"),
        ("提供書\n\n楓ヶ丘こども医療センター\n", "楓ヶ丘こども医療センター"),
        ("浜風子ども医療センターで手術", "浜風子ども医療センター"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_hospital_named_before_the_word_for_children(extract, text, name):
    assert (name, "HOSPITAL_NAME") in extract(text)


@pytest.mark.parametrize("text", ["市内のこども病院へ紹介", "近くのこどもクリニック", "こども病院"])
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_the_kind_alone_or_after_a_clause_names_no_hospital(extract, text):
    assert [v for v, c in extract(text) if c == "HOSPITAL_NAME"] == []


# --- dates cut short: a month and its part after a slash, an era's month and its end, a season, a month in prose ----


@pytest.mark.parametrize(
    "text, date",
    [
        ("退院目標 3/下旬。退院前に心エコー", "3/下旬"),
        ("ME室に依頼済、4/上旬戻り）", "4/上旬"),
        ("治療開始 R6.11.25 ／ 予定終了 R7.5.末（6か月）", "R7.5.末"),
        ("感染推定年月日\u3000R6.5.上旬", "R6.5.上旬"),
        ("No suicidal ideation since summer 2024.", "summer 2024"),
        ("She will study in Valencia from September. Needs a summary.", "September"),
        ("back to Auckland in August, and her sister", "August"),
    ],
)
def test_a_date_cut_short_is_a_date(text, date):
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "1/2錠 内服",
        "May I ask you to call back?",
        "Tumour board meets in the spring.",
    ],
)
def test_fractions_a_modal_verb_and_a_season_alone_are_no_dates(text):
    assert masked_as("OTHER_DATE", text) == []


def test_a_formula_stays_though_dates_are_no_longer_let_through_by_the_word_list():
    assert masked_as("OTHER_DATE", "H2O を吸入") == []


# --- four digits under a JSON key of a time ------------------------------------------------------------------------


def test_a_json_time_member_of_four_digits():
    found = masked('{"date":"20240618","time":"1342","reader":"SERIZAWA"}')
    assert ("1342", "TIME") in found


@pytest.mark.parametrize("text", ['{"count":"1342"}', '{"time":"9999"}', '{"time_zone":"0900x"}'])
def test_other_members_and_impossible_clocks_are_no_times(text):
    assert masked_as("TIME", text) == []


# --- a record's number whose two parts are far apart in size is no range -----------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("│1/27(月)│3 │24-103377  小田切 蒼   │", "24-103377"),
        ("RBC 2 units — crossmatch sent, unit no. 24-77831 / 24-77832", "24-77831"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_year_or_series_and_a_long_serial_are_one_number(extract, text, number):
    assert (number, "OTHER_ID") in extract(text)


@pytest.mark.parametrize("text", ["WBC 3500-9000 /uL", "PLT 15-35万", "基準値 30-4180", "CK 0-100000"])
def test_ranges_of_one_size_or_from_zero_stay_ranges(text):
    assert masked_as("OTHER_ID", text) == []


# --- a room numbered floor-hyphen-room after the English word ------------------------------------------------------


def test_a_room_of_floor_and_number():
    assert ("3-07", "OTHER_ID") in masked("Rahman Abdul Karim さん  Room 3-07\n施設: 有料老人ホーム")


@pytest.mark.parametrize("text", ["CT room 2-3 ", "meeting room 1-2 booked"])
def test_a_room_named_for_its_use_stays(text):
    assert masked_as("OTHER_ID", text) == []


# --- services named after their kind: a visiting nurses' station written short, a work support centre ----------


@pytest.mark.parametrize(
    "text, name",
    [
        ("FAX 訪問看護ST ななかまど 大阪", "訪問看護ST ななかまど"),
        ("北浜病院 3東 退院支援 ⇔ 訪看ST ゆらり\n", "訪看ST ゆらり"),
        ("外部講師：障害者就業・生活支援センター くるみ 就業支援ワーカー", "障害者就業・生活支援センター くるみ"),
    ],
)
def test_a_service_named_after_its_kind(text, name):
    assert any(name in v for v in masked_as("HOSPITAL_NAME", text))


@pytest.mark.parametrize("text", ["訪問看護ST 初回 3/13", "訪問看護ステーション 記録あり", "ST 山本 嚥下評価"])
def test_a_kind_before_a_word_of_the_note_names_nothing(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- schools: an owned school named short by its level, a hospital school's class by a coined name --------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("原籍校（関市立緑ヶ丘小）へ復学", "関市立緑ヶ丘小"),
        ("県立中央中の生徒", "県立中央中"),
        ("在籍：さくらが丘特別支援学校（みなと分教室）", "みなと分教室"),
        ("院内学級「ひだまり学級」（区立桜台南小学校）", "ひだまり学級"),
    ],
)
def test_a_school_or_its_class_by_name(text, name):
    assert covered_by_any(name, masked(text))


@pytest.mark.parametrize(
    "text", ["通常学級在籍のまま", "母親学級に参加", "院内学級で授業", "特別支援学級へ", "こども学級", "市立病院中"]
)
def test_kinds_of_class_and_a_hospital_during_stay(text):
    assert masked_as("HOSPITAL_NAME", text) == []


def covered_by_any(name: str, found: list[tuple[str, str]]) -> bool:
    return any(name in value for value, _ in found)


# --- a floor and its room joined by a hyphen before 号室 ---------------------------------------------------------


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_floor_and_room_before_the_word_for_room(extract):
    assert ("5-08", "OTHER_ID") in extract("転出：結核病棟（北5） 5-08号室\u3000→\u3000転入")


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_range_of_rooms_keeps_its_digits_apart_from_a_date(extract):
    assert [v for v, c in extract("2024-10-05号室") if c == "OTHER_ID"] != ["10-05"]


# --- initials a key defines for a doctor named in Latin letters, then written alone in the rows ------------------


def test_initials_keyed_to_a_doctor_in_latin_letters():
    text = (
        "C1 D1 2025-06-20 Y       TK\nC1     D8    2025-06-27   Y   MO\n"
        "---\nSign: TK = Dr. Takumi Kashiwagi,  MO = Dr. Mio Otsuka (chemo fellow)"
    )
    assert masked_as("PHYSICIAN_NAME", text).count("TK") == 2
    assert masked_as("PHYSICIAN_NAME", text).count("MO") == 2


def test_capitals_that_are_not_the_names_initials_stay():
    assert "AB" not in values("Key: AB = Dr. Takumi Kashiwagi\nAB positive")


# --- two readings of a name in one pair of brackets, kana and Latin apart by a slash --------------------------------


@pytest.mark.parametrize(
    "text, readings",
    [
        ("患者氏名\u3000朴 智恩（パク チウン / PARK JIEUN）\u3000女", ["パク チウン", "PARK JIEUN"]),
        (" 患者氏名 : 李  偉   (リ ウエイ / LI WEI)   性別 : 男", ["リ ウエイ", "LI WEI"]),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_both_readings_of_a_name_in_one_bracket(extract, text, readings):
    found = extract(text)
    assert all((reading, "NAME_READING") in found for reading in readings)


@pytest.mark.parametrize("text", ["所見 造影剤（ヨード / IODINE）", "造影 CT（AP / PV）"])
def test_a_word_and_its_english_in_brackets_is_no_name(text):
    assert masked(text) == []


# --- a clinic named by what it treats, before 外来 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, clinic",
    [
        ("次回 2/18（火） 抗凝固外来（目標 INR 1.5–2.5）", "抗凝固外来"),
        ("[ACHD Clinic / 成人先天性心疾患外来]", "成人先天性心疾患外来"),
        ("母乳外来の予約を取りました", "母乳外来"),
        ("フットケア外来 受診", "フットケア外来"),
        ("2021年6月より当院ジェンダー外来に通院", "ジェンダー外来"),
    ],
)
def test_a_clinic_named_by_what_it_treats(text, clinic):
    assert clinic in masked_as("DEPARTMENT", text)


@pytest.mark.parametrize("text", ["次回外来で確認", "当院外来へ", "午後外来の枠", "夜間外来に来院", "専門外来を紹介"])
def test_a_visit_in_time_or_a_clinic_of_every_hospital_stays(text):
    assert masked_as("DEPARTMENT", text) == []


# --- a day of the month alone before what happens on it ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ("就労移行、22日開始で確定しました", "22日"),
        ("了解です、18日の訪問で本人の気持ち", "18日"),
        ("SpO2 95 31日退院予定", "31日"),
    ],
)
def test_a_day_before_what_happens_on_it(text, day):
    assert day in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize("text", ["1泊2日の入院", "術前1日入院", "3日間入院", "14日分処方"])
def test_a_stay_or_a_count_of_days_is_no_date(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize("text", ["【既往歴】 H2O 頃 COPD 診断", "2型糖尿病(H2O頃〜)", "子宮筋腫術後（H2O）\nご多忙"])
def test_a_scanned_era_year_that_reads_as_a_formula_before_a_dates_words(text):
    assert "H2O" in masked_as("OTHER_DATE", text)


# --- an eponym's name before a person's honorific is a person; a chat's sender after a clock with 午前 -------------


@pytest.mark.parametrize("text, name", [("Smithさんから電話", "Smith"), ("先日ご相談した Bennett さんの件", "Bennett")])
def test_an_eponyms_name_before_an_honorific_is_a_person(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["Smith骨折の術後", "Bennett骨折", "Paget病の疑い", "Doppler様の所見"])
def test_an_eponym_before_a_disease_stays(text):
    assert values(text) == []


def test_a_chat_sender_after_a_clock_with_its_half_of_the_day():
    text = "午前1:52 iwabuchi: 夜分すみません。医療機関から相談です\n午前1:53 iwabuchi: 残品の写真です"
    assert masked_as("PHYSICIAN_NAME", text) == ["iwabuchi", "iwabuchi"]


# --- a case's or a certificate's number with an office's or a prefecture's mark in kanji --------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("受付番号 北浜-R7-0112\u3000審査", "北浜-R7-0112"),
        ("ケース番号 港南-生-30871）。", "港南-生-30871"),
        ("手帳 no. 群第2207-118.\n", "群第2207-118"),
        ("番号 千第0412877号（交付", "千第0412877号"),
    ],
)
def test_a_number_with_an_offices_mark_in_kanji(text, number):
    assert (number, "OTHER_ID") in masked(text)


@pytest.mark.parametrize("text", ["様式第120号の4", "昭和23年法律第205号", "東京-大阪-123便"])
def test_a_forms_or_a_laws_number_and_a_route_keep_their_words(text):
    assert not any(("第" in v or "-" in v) and c == "OTHER_ID" for v, c in masked(text))


# --- a facility's code as a system writes it: a place in romaji and a short word for its kind -------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("FHS|^~\\&|HIS|HOKUREI_UH|BCS|HOKUREI_UH|202503041", "HOKUREI_UH"),
        ("ZTR|SHOHOKU_CITY_HOSP^湘北市民病院 NICU", "SHOHOKU_CITY_HOSP"),
        ("tenant=minuma-kinen-hp  program=LTBI", "minuma-kinen-hp"),
        ('"site":"mizuhodai-hand-clinic","pt"', "mizuhodai-hand-clinic"),
        ("AIL|1|A|HAND^^^KAWAGUCHI_ENISHI_HP", "KAWAGUCHI_ENISHI_HP"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_facility_code_of_a_place_and_a_kind(extract, text, code):
    assert code in [v for v, _ in extract(text)]


@pytest.mark.parametrize("text", ["#frailty-clinic (Slack export)", "Next in-clinic visit", "station=AC-CLINIC"])
def test_a_channel_a_phrase_and_a_units_code_are_no_facility(text):
    assert balanced_masked(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("ケアマネジャー 吉住 様（善行ケアプランセンター）", "善行ケアプランセンター"),
        ("若葉ケアプランセンターの樋口です", "若葉ケアプランセンター"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_care_plan_office_named_by_its_place(extract, text, name):
    assert (name, "HOSPITAL_NAME") in extract(text)


@pytest.mark.parametrize("text", ["ケアプランセンターに連絡", "近くのケアプランセンター", "当ケアプランセンター"])
def test_a_care_plan_office_not_named_stays(text):
    assert masked_as("HOSPITAL_NAME", text) == []


# --- a year and a month with a dot in the patient's story; a postal item's tracking number -----------------------


@pytest.mark.parametrize(
    "text, date",
    [
        ("WAIS-IV再検（前回2019.6）│坂口", "2019.6"),
        ("（2023.11 当科初診でDL", "2023.11"),
        ("義足歴：①仮義足 2024.12\u3000②本義足1号 2025.03", "2025.03"),
    ],
)
def test_a_year_and_month_with_a_dot_in_the_patients_story(text, date):
    assert date in masked_as("OTHER_DATE", text)


@pytest.mark.parametrize(
    "text",
    [
        "使用期限 2026.02\n",
        "LT2310A\t2026.09\t\n",
        "様式C-12（2023.04改訂）",
        "ver.2024.2 による",
        "   10    10    2026.02    救急外来",
        "体重 2019.5 g",
        "使用機器：AA-H1 (較正 2024.04)",
    ],
)
def test_a_products_or_a_forms_date_and_a_measure_stay(text):
    assert masked_as("OTHER_DATE", text) == []


@pytest.mark.parametrize(
    "text, number", [("tracking no. EN 2290 4471 3JP.\n", "EN 2290 4471 3JP"), ("発送 RR447108352JP", "RR447108352JP")]
)
def test_a_postal_tracking_number(text, number):
    assert (number, "OTHER_ID") in masked(text)


# --- a family name in kanji with the given name in hiragana glued on, before an honorific -------------------------


@pytest.mark.parametrize(
    "text, name",
    [("[08:33] 篠原：9:30 高村ひなたちゃん 術前", "高村ひなた"), ("本日は高村ひなたさんの外来", "高村ひなた")],
)
def test_a_kanji_family_name_and_a_hiragana_given_name_glued(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["お母さんと一緒", "先日お孫さんと来院", "患者さんの希望", "息子さんが同席"])
def test_kin_and_people_words_before_an_honorific_stay(text):
    assert values(text) == []


@pytest.mark.parametrize("text", ["Name 氏名: BATBAYAR Tuya", "Doctor 医師：辻本 理沙", "Patient 氏名     : KIM S"])
def test_a_labels_english_word_before_its_japanese_is_no_name(text):
    assert not any(v in ("Name", "Doctor", "Patient") for v in values(text))
