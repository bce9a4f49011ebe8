"""Forms of the thirtieth round (blind-final81..88 once spent): each with its look-alikes."""

from __future__ import annotations

import pytest

from phi_core.extractors.recognition.table_name_columns import names_in_table_columns
from phi_core.extractors.recognizers.department_beside import department_candidates
from tests.extractors.recall_probes import balanced_masked, masked, values

# --- a tab table whose free-text cell holds commas is still one table ------------------------------------------

_CATH_LOG = (
    "No\t氏名\t術者\t看護\t備考\n"
    "1\t菅原 信夫\t森本\t小池\t有意狭窄なし\n"
    "2\t田村 一郎\t三好\t藤井\tPCWP 24, CI 1.9, mPAP 33\n"
    "3\t土屋 正彦\t森本\t小池\t前処置済\n"
    "4\t前田 和雄\t三好\t藤井\tSTEMI\n"
)


def test_a_comma_in_a_tab_rows_free_text_does_not_cut_the_table():
    assert values(_CATH_LOG).count("小池") == 2


def test_a_column_of_names_still_needs_names_found_in_it():
    from phi_core.extractors.recognition.candidates import Candidate

    text = "No\t区分\t結果\n1\t外来\tなし\n2\t入院\tあり, 済\n3\t外来\tなし\n"
    assert names_in_table_columns(text, [Candidate(0, 2, "OTHER_ID", 1)]) == [Candidate(0, 2, "OTHER_ID", 1)]


# --- a unit named after its facility, on its line or the next ----------------------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("杜の郷病院\u3000重度認知症患者デイケア\n実施日 7/22", "重度認知症患者デイケア"),
        ("北浜総合病院 こどものこころ診療科\n\nなまえ", "こどものこころ診療科"),
        ("市立浜見台医療センター  高齢者総合診療科 デイホスピタル\n週間出欠表", "高齢者総合診療科 デイホスピタル"),
        ("杜の郷病院\u3000精神科デイケア「ひだまり」\n実施日", "精神科デイケア「ひだまり」"),
        ("北浜総合病院\u3000緩和ケア病棟\n面会記録", "緩和ケア病棟"),
        ("大阪府立北摂総合医療センター\nこども心療科\u3000辻村 奈緒\n", "こども心療科"),
        ("県立にしはま総合病院\u3000日帰り手術センター（生殖医療）\n日付", "日帰り手術センター（生殖医療）"),
        ("北浜中央病院\u3000健康管理センター\n", "健康管理センター"),
        ("県立しおかぜがんセンター\u3000遺伝相談外来\u3000相談記録\n", "遺伝相談外来"),
    ],
)
def test_a_unit_after_its_facility_is_a_department(text, unit):
    assert unit in [text[c.start : c.end] for c in department_candidates(text)]


@pytest.mark.parametrize(
    "text",
    [
        "北浜総合病院\n診療情報提供書\n",
        "北浜病院 御中\n",
        "北浜病院 外来\n",
        "〇〇病院 の外科へ\n",
        "浜見台医療センター デイホスピタルの 廣瀬 です",
        "みどり台中央病院 薬剤部 御中\n",  # an office after its hospital: writers leave it four times in five
        "北浜中央病院 医事課\n",
        "北浜中央病院 地域連携室\n",
        "北浜総合病院 患者支援センター\n",  # an office that serves the hospital
        "東雲総合病院 防災センター（B1 霊安室）\n",
    ],
)
def test_a_title_a_greeting_or_a_bare_word_after_a_facility_is_no_unit(text):
    assert department_candidates(text) == []


def test_a_doctor_named_like_a_unit_after_the_unit_stays_the_doctor():
    text = "市立かもめ台総合病院\n消化器内科\u3000長谷部 亮 先生\u3000御侍史\n"
    assert [text[c.start : c.end] for c in department_candidates(text)] == ["消化器内科"]
    assert department_candidates("北浜病院 阿部\n内科外来") == []


# --- values keyed by a bed, a seat, a serial number or a clinician ----------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ('{"room":"休養室","bed":"B-3","pt":"7004133"}', "B-3"),
        ("ベッド：Ｂ－３", "Ｂ－３"),
        ('{"serial": "RLA 224418G", "implanted": "2024-11-27"}', "RLA 224418G"),
    ],
)
def test_a_bed_with_its_bays_letter_and_a_spaced_serial_are_identifiers(text, value):
    assert (value, "OTHER_ID") in masked(text)


def test_a_clinicians_key_names_a_clinician():
    assert ("千葉 航", "PHYSICIAN_NAME") in masked('{"clinician": "千葉 航", "result": "RTP"}')


def test_a_serials_number_after_its_label_is_no_gauge():
    assert ("224418G", "OTHER_ID") in masked("Serial: RLA 224418G")
    assert values("22G 留置針で確保、3T MRI") == []


@pytest.mark.parametrize("text", ['{"bed":"free"}', '{"serial": "unknown"}'])
def test_a_bed_count_or_a_word_under_the_same_keys_stays(text):
    assert [v for v, c in masked(text) if c == "OTHER_ID"] == []


# --- numbers in a site's own HL7 segments, and an identifier after the words that name it --------------------------

_HL7 = (
    "MSH|^~\\&|A|B|C|D|20250101||ADT^A08|1|P|2.5\n"
    "PID|1||0053218807^^^^PI||野々村^健太||19640803|M\n"
    "ZI1|1|SELF|乳幼児・子ども医療費助成|54110210|2240715\n"
    "ZPR|1|ADHD適正流通管理|登録医師番号^DR-14-003391|登録患者番号^PT-14-0287716\n"
    "ZDR|1|1013044400000000&内服|2\n"
)


@pytest.mark.parametrize("value", ["54110210", "2240715", "DR-14-003391", "PT-14-0287716"])
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_numbers_in_a_sites_own_segment_are_identifiers(extract, value):
    assert (value, "OTHER_ID") in extract(_HL7)


def test_a_product_code_in_a_sites_own_segment_stays():
    assert not any("1013044400000000" in v for v in values(_HL7))


# --- where an appointment or an order's enterer is, and the number to call back ------------------------------------

_SIU = (
    "MSH|^~\\&|SCHED|MINATO_PCVC|DEVMGR|EPLAB|20241115091533||SIU^S12|SCH1|P|2.5\n"
    "SCH|APT-558120|APT-558120||||NEW^New|PPM^Pacemaker^L|NORMAL|60|MIN|^^60^20241122090000|||||"
    "D0412^TSUJI^AYUMI^^^^Dr|045-771-3300^WPN^PH^^^^^^^^^5120|||N2290^AOYAGI^YUI||||BOOKED\n"
    "ORC|NW|ORD2||||||||N1187^ONODERA^MIKA|||6W^^^WAKABADAI_MC|^WPN^PH^^^^^4412\n"
    "AIL|1|A|PHOTO-RM2^^^皮膚科光線療法室\n"
    "AIL|1|A|GER_FRAIL^診察室12^^HOSP\n"
)


@pytest.mark.parametrize(
    "value", ["TSUJI^AYUMI", "045-771-3300", "5120", "AOYAGI^YUI", "6W", "WAKABADAI_MC", "4412", "PHOTO-RM2"]
)
def test_a_schedules_contacts_an_enterers_place_and_an_appointments_place_are_read(value):
    assert any(value == found for found in values(_SIU))


def test_a_phones_use_and_kind_are_no_name_and_a_clinics_room_is_no_patients():
    assert not any("WPN" in found for found in values(_SIU))
    assert "診察室12" not in values(_SIU)


def test_a_contacts_number_one_field_early_is_a_phone_not_a_place():
    text = _SIU.replace("SCH|APT-558120|", "SCH|Y250516-03|", 1) + (
        "SCH|Y1|Y1||||CANC^中止^LOCAL|SURG^手術|90|MIN|^^90^202505161300||||TAKEDA^MIKU|075-212-3380^WPN^PH~3380^WPN^EXT\n"
    )
    found = values(text)
    assert "075-212-3380" in found and "EXT" not in found and "PH" not in found


def test_amounts_in_a_sites_payment_segment_are_no_identifiers():
    text = _HL7 + "ZPY|1|DEPOSIT|100000|JPY|CARD\n"
    assert "100000" not in values(text)


def test_a_bays_key_reads_its_own_value_only():
    text = '{"ts":"2024-10-17T11:25:00+09:00","bay":"R-4","event":"VITALS","spo2":97,"hr":68}'
    found = values(text)
    assert "R-4" in found and "97" not in found and "68" not in found


# --- a hospital by its place and 総合; a care office glued after a coined name; initials in either width -----------


@pytest.mark.parametrize(
    "text, name",
    [
        ("・今日 PTX 1回目（はなみずき総合）終了、帰宅。", "はなみずき総合"),
        ("・母が ８／８ に 仙台北総合 を退院予定。", "仙台北総合"),
        ("2025/10/20 市立総合\t治療予定", "市立総合"),
    ],
)
def test_a_hospital_by_its_short_form_is_a_facility(text, name):
    assert (name, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize("text", ["| ○ 歴史総合 | ◎ 数学Ⅱ |", "結果を総合的に判断した", "総合判定 A"])
def test_a_subject_or_a_word_going_on_after_総合_is_no_hospital(text):
    assert not any(c == "HOSPITAL_NAME" for _, c in masked(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("CM 岸本（十三ほっとケア居宅介護支援事業所、電話参加）", "十三ほっとケア居宅介護支援事業所"),
        ("居宅：あおばケア居宅介護支援事業所  担当CM", "あおばケア居宅介護支援事業所"),
    ],
)
def test_a_care_office_glued_after_a_coined_name_with_ケア_is_a_facility(text, name):
    assert (name, "HOSPITAL_NAME") in masked(text)


def test_initials_keyed_in_full_width_with_a_role_are_the_person_but_a_staff_abbreviation_is_not():
    text = (
        "１０／７\u3000－\u3000ＳＴ\u3000初回\n１０／２１\u3000±\u3000ＫＯ\u3000淡い紅斑\n"
        "実施者\u3000ＳＴ＝看護師 杉田、ＫＯ＝看護師 小野\n"
    )
    found = masked(text)
    assert found.count(("ＫＯ", "PHYSICIAN_NAME")) == 2
    assert ("ＳＴ", "PHYSICIAN_NAME") not in found  # ST is a speech therapist's abbreviation


# --- a code with its words in a field the standard gives no person: no name -----------------------------------------

_CODED = (
    "MSH|^~\\&|SCHED|MINATO_PCVC|DEVMGR|EPLAB|20241115091533||SIU^S12|SCH1|P|2.5\n"
    "SCH|APT-558120|APT-558120||||NEW^New|PPM^Pacemaker^L|NORMAL|60|MIN\n"
    "RF1|A^Accepted^HL70283|R^Routine|PSY^Psychiatry|RFR^Refer|RF-2024-1187\n"
    "ZXX|1|KIM^Kimiko|SMITH^John\n"
)


@pytest.mark.parametrize("code", ["NEW^New", "PPM^Pacemaker^L", "PSY^Psychiatry", "RFR^Refer"])
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_code_spelled_out_by_its_words_is_no_person(extract, code):
    assert not any(code.split("^")[0] in value for value, _ in extract(_CODED))


@pytest.mark.parametrize("name", ["KIM^Kimiko", "SMITH^John"])
def test_a_family_and_given_name_in_the_same_place_stay_names(name):
    assert (name, "PHYSICIAN_NAME") in masked(_CODED)


# --- a care taxi by its kind and name; operators keyed by codes; a weight table whose columns are days ---------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("手配：ケアタクシーみなみ（13:10迎え）", "ケアタクシーみなみ"),
        ("退院 11/29予定。ひまわり福祉タクシーの手配済", "ひまわり福祉タクシー"),
    ],
)
def test_a_care_taxi_is_a_facility(text, name):
    assert (name, "HOSPITAL_NAME") in masked(text)


@pytest.mark.parametrize("text", ["介護タクシー手配済", "ケアタクシー予約済み"])
def test_the_taxis_kind_before_a_word_of_the_plan_is_no_name(text):
    assert values(text) == []


def test_operators_keyed_by_codes_are_the_people():
    text = (
        "2025-03-03 06:02:41\t5521-0093\t38.45\tYMD\t\n2025-03-06 06:03:19\t5521-0093\t38.90\tHRT\t\n"
        "-- op codes: YMD=山田 瑞穂(Ns) HRT=堀田 千尋(Ns)\n"
    )
    found = masked(text)
    assert found.count(("YMD", "PHYSICIAN_NAME")) >= 2 and found.count(("HRT", "PHYSICIAN_NAME")) >= 2


_WEIGHTS = (
    '"ベッド","イニシャル","ID","年齢","性別","目標体重","９／２９（月）","１０／０２（木）"\n'
    '"401-1","Ｋ．Ｔ．","００４１８８３０","１５","Ｆ","４２．０","３４．２","３４．８"\n'
    '"402","Ｈ．Ａ．","００３９７７０２","１７","Ｍ","５６．０","４７．５","４８．３"\n'
)


@pytest.mark.parametrize("value, category", [("１５", "AGE"), ("１７", "AGE"), ("Ｆ", "SEX"), ("Ｍ", "SEX")])
def test_a_header_with_days_for_columns_still_names_its_columns(value, category):
    assert (value, category) in masked(_WEIGHTS)


def test_a_row_of_values_is_still_no_header():
    text = '"401-1","１５","９／２９","１０／０２"\n"402","１７","９／３０","１０／０３"\n'
    assert not any(c == "AGE" for _, c in masked(text))


def test_a_schedule_written_one_field_late_keeps_its_people_and_its_timing():
    text = (
        "MSH|^~\\&|HIS|HOSP|TMS|HOSP|20250110||SIU^S12|M1|P|2.5\n"
        "SCH|TR-2501-0042^HIS|TR-2501-0042^TMS|||||OUTTRANS^他院受診往復搬送|||||^^^20250117084000^20250117133000"
        "|||||0388^OKOCHI^MIKI||||0388^OKOCHI^MIKI|||||BOOKED\n"
    )
    found = masked(text)
    assert found.count(("OKOCHI^MIKI", "PHYSICIAN_NAME")) == 2
    assert ("20250117084000", "OTHER_DATE") in found
