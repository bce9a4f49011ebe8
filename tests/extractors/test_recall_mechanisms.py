"""Generic recall-first mechanisms: the forms each finds and the look-alikes it leaves alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found

from phi_core.extractors.allow_list import load_allow_list


@pytest.mark.parametrize(
    "text, value",
    [
        ("主科：消化器内科／入院中", "消化器内科"),
        ("診療科：肝胆膵外科\u3000病棟：6階", "肝胆膵外科"),
        ("病棟：ICU ベッド6", "ICU"),
        ("transferred to CCU (NSTEMI)", "CCU"),
        ("病棟：外科2病棟\u3000患者", "外科2病棟"),
        ("P：耳鼻咽喉科（羽田医師）", "耳鼻咽喉科"),
        ("受診日 2024/04/22\u3000総合内科\u3000医師：冨岡", "総合内科"),
    ],
)
def test_department_word_finds_departments_of_record(text, value):
    assert value in found("department-word", text)


@pytest.mark.parametrize(
    "text",
    [
        "当科外来で経過観察。他科受診予定。",
        "療法の適応について腫瘍内科へのコンサルトを推奨する。",
        "必要に応じて循環器内科にご相談ください。",
        "整形外科で整復固定をご検討ください。",
        "Plan: 外科consult予定",
        "外科的切除の適応。内科的治療を継続。",
        "放射線科 業務連絡",
        "ER 90%, PgR 60%, ER+/HER2-; ws=ER-WS-01 HCU-12",
    ],
)
def test_department_word_leaves_generic_mentions_alone(text):
    assert found("department-word", text) == []


def test_care_units_moved_to_in_prose_are_departments_of_record():
    # Five independent writers marked the unit a patient moves to (ICU入室, HCU転棟) as the department of record.
    assert found("department-word", "ICU入室後、HCUへ転棟。ICU/CCU") == ["ICU", "HCU", "CCU"]


def test_a_department_is_a_clinical_word_unless_proposed_as_a_department():
    allow = load_allow_list()
    text = "依頼科：消化器内科"
    start = text.index("消化器内科")
    assert allow.allows(text, start, len(text), None, "PATIENT_NAME")
    assert not allow.allows(text, start, len(text), None, "DEPARTMENT")


@pytest.mark.parametrize(
    "text, value",
    [
        ("血圧 130/80 mmHg", "130/80"),
        ("ratio 250/15", "250/15"),
        ("CRP 0.52", "0.52"),
        ("HbA1c 7.25", "7.25"),
        ("Hb 9-11", "9-11"),
        ("常食 2000kcal", "2000"),
        ("I-131 3.70GBq", "3.70"),
        ("NO 20 ppm", "20"),
    ],
)
def test_allow_list_lets_quantities_through(text, value):
    allow = load_allow_list()
    start = text.index(value)
    assert allow.allows(text, start, start + len(value))


@pytest.mark.parametrize(
    "text, value",
    [
        ("食道癌術後（10/29 右開胸）", "10/29"),
        ("01/11  嘔吐・下痢", "01/11"),
        ("送信 09.24 受付", "09.24"),
        ("ID 0041-2290 処方", "0041-2290"),
        ("検体 24-00318", "24-00318"),
    ],
)
def test_allow_list_leaves_dates_and_codes_that_look_like_quantities(text, value):
    allow = load_allow_list()
    start = text.index(value)
    assert not allow.allows(text, start, start + len(value))


@pytest.mark.parametrize(
    "text, values",
    [
        ("橘 芳江 殿\u3000（女）", ["女"]),
        ("樫村 創\u300034歳 M\u3000腎臓内科", ["M"]),
        ("患者: 石動 のぞみ / 1988-02-29 / F", ["F"]),
        ("DOB 2021-09-14\u3000Sex M", ["M"]),
        ("1   22:48  宍戸 敏夫        82M      2", ["82", "M"]),
        ("対象児：西園寺 蒼 くん\u30001歳10か月\u3000男児", ["男児"]),
    ],
)
def test_sex_code_finds_sex_beside_who_the_patient_is(text, values):
    assert found("sex-code", text) == values


@pytest.mark.parametrize(
    "text",
    [
        "長男と次女、男女比 1:2。女性化乳房。",
        "T2N0M0, F/U in 3 months",
        "本館 5F 受付、2F 外来",
        "Stage M 0.5",
        "M-2 F-3",
    ],
)
def test_sex_code_leaves_look_alikes_alone(text):
    assert found("sex-code", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("かかりつけ：ひだまりこどもクリニック（若林 先生）", "ひだまりこどもクリニック"),
        ("依頼元：とよさと呼吸器内科クリニック（中河原 Dr）", "とよさと呼吸器内科クリニック"),
        ("国家公務員共済組合連合会 みなと台中央病院\n", "みなと台中央病院"),
    ],
)
def test_kana_facility_finds_coined_names_before_their_kind(text, value):
    assert found("kana-facility", text) == [value]


@pytest.mark.parametrize("text", ["このクリニックで", "近くのクリニックへ", "かかりつけ医院", "ほかの病院で"])
def test_kana_facility_leaves_pointers_alone(text):
    assert found("kana-facility", text) == []


@pytest.mark.parametrize(
    "text, values",
    [
        ("・東3\u3000M.K. 氏（24歳 男）", ["東3"]),
        ("西2病棟へ", ["西2病棟"]),
        ("7階東病棟", ["7階東病棟"]),
        ("関東3県、東3丁目、東京", []),
    ],
)
def test_ward_name_reads_the_wing_on_either_side(text, values):
    assert found("ward-name", text) == values


def test_department_word_reads_wards_named_by_their_kind():
    assert "精神科急性期治療病棟" in found("department-word", "隔離 観察記録（精神科急性期治療病棟\u3000保護室 S-2）")


@pytest.mark.parametrize(
    "text, values",
    [
        ("保険者番号：06139871\u3000記号・番号：3204・118\u3000枝番 01", ["06139871", "3204・118", "01"]),
        ("受付番号 A12", ["A12"]),
        ("チケットNo: SR250117", ["SR250117"]),
    ],
)
def test_labelled_number_reads_ids_after_unknown_labels(text, values):
    assert found("labelled-number", text) == values


@pytest.mark.parametrize("text", ["No. 7 リンパ節", "規約 第2版", "番号 1 の結節", "ID未発行"])
def test_labelled_number_leaves_short_counts_alone(text):
    assert found("labelled-number", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("WhatsApp +52 55 3187 2046、", "+52 55 3187 2046"),
        ("mobile +44 7700 900418\n", "+44 7700 900418"),
        ("+1 (415) 555-0132", "+1 (415) 555-0132"),
    ],
)
def test_identifier_shape_reads_international_phone_numbers(text, value):
    assert value in found("identifier-shape", text)


@pytest.mark.parametrize("text", ["HbA1c +2 mmol", "GCS 15 +1 2", "CRP +0.5"])
def test_identifier_shape_leaves_signed_numbers_alone(text):
    assert [v for v in found("identifier-shape", text) if v.startswith("+")] == []


def test_bare_number_after_an_age_label_is_an_age():
    from phi_core.extractors import rules

    spans = rules.extract_spans("性別   : F     年齢 : 57        生年月日 : 1967/02/14\nAge : 35\n")
    assert [(s.text, s.category) for s in spans if s.category == "AGE"] == [("57", "AGE"), ("35", "AGE")]
    for text in ("年齢：70代", "年齢 : 57.5 kg", "年齢：63歳"):
        assert [s.text for s in rules.extract_spans(text) if s.category == "AGE"] in ([], ["63歳"])


def test_an_eponym_suffix_is_written_onto_the_name_and_is_no_hospital():
    allow = load_allow_list()
    text = "くすのき記念病院\u3000病院長 殿"
    assert not allow.allows(text, 0, 8, None, "HOSPITAL_NAME")
    assert allow.allows("Douglas窩に少量", 0, 7)
    assert allow.allows("橋本病の既往", 0, 2)


def test_neighbours_grow_an_address_to_its_room_and_find_a_room_after_a_ward():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.neighbours import grow_addresses, rooms_after_wards

    text = "滞在先：京都市下京区東塩小路町8-3 ホテル桜川 812号室\n通訳"
    start = text.index("京都")
    end = text.index(" ホテル")
    room = text.index("812")
    spans = [Candidate(start, end, "ADDRESS", 3), Candidate(room, room + 3, "OTHER_ID", 1)]
    grown = grow_addresses(text, spans)
    assert [text[c.start : c.end] for c in grown] == ["京都市下京区東塩小路町8-3 ホテル桜川 812号室"]
    assert grow_addresses("住所：横浜市港北区日吉2-5-10\n次回 12号", [Candidate(3, 16, "ADDRESS", 3)])[0].end == 16

    text = "■ 6階東 611-2\u3000ﾀｶﾊｼ ﾐﾉﾙ\n■ HCU H-4\u3000野々村\n5階西 へ転棟"
    wards = [Candidate(m, m + len(w), "DEPARTMENT", 0) for w in ("6階東", "HCU", "5階西") for m in [text.index(w)]]
    rooms = [text[c.start : c.end] for c in rooms_after_wards(text, wards) if c.category == "OTHER_ID"]
    assert rooms == ["611-2", "H-4"]


@pytest.mark.parametrize(
    "text, values",
    [
        ("令和六年六月十二日", ["令和六年六月十二日"]),
        ("二〇二四年六月十二日 記", ["二〇二四年六月十二日"]),
        ("昨年6月12日に手術", ["6月12日"]),
        ("4月に転居。10月頃から", ["4月", "10月"]),
        ("first seen in 2015, since 2019 on insulin", ["2015", "2019"]),
    ],
)
def test_prose_date_reads_dates_as_prose_writes_them(text, values):
    assert found("prose-date", text) == values


@pytest.mark.parametrize("text", ["3か月後に再検", "月齢4", "十二指腸", "一月後", "in 2015 guidelines", "13月"])
def test_prose_date_leaves_durations_and_words_alone(text):
    assert found("prose-date", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Aarav Sharma\u3000DOB 2021-09-14\u30003y4m\u3000Sex M", "3y4m"),
        ("ﾊｾｶﾞﾜ ﾕｳﾄちゃん（4か月、男、ID118-5901）", "4か月"),
    ],
)
def test_age_with_unit_reads_a_childs_age(text, value):
    assert value in found("age-with-unit", text)


def test_age_with_unit_leaves_durations_alone():
    assert found("age-with-unit", "3か月後に再検、6か月間内服") == []


@pytest.mark.parametrize(
    "text, value", [("六十八歳の男性", "六十八歳"), ("68 yrs old male", "68 yrs"), ("45 years old", "45 years")]
)
def test_age_with_unit_reads_kanji_numerals_and_years_old(text, value):
    assert value in found("age-with-unit", text)


@pytest.mark.parametrize("text", ["for 3 years on insulin", "七十歳代", "2 yrs follow-up"])
def test_age_with_unit_leaves_durations_and_bands_alone(text):
    assert found("age-with-unit", text) == []


def test_a_bare_number_in_brackets_after_a_name_is_the_age():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.demographics import demographics_after_names

    text = "母・キヨ（85）と同居。山田 太郎（123）、所見（3）"
    spans = [Candidate(2, 4, "EMERGENCY_CONTACT", 0), Candidate(12, 17, "PATIENT_NAME", 0)]
    ages = [text[c.start : c.end] for c in demographics_after_names(text, spans) if c.category == "AGE"]
    assert ages == ["85"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Discharged to Sunrise Nursing Home on June 3.", "Sunrise Nursing Home"),
        ("prescription from Amrita Heart Care dated 2023/12/02.", "Amrita Heart Care"),
        ("University of Tokyo Hospital", "University of Tokyo Hospital"),
        ("The Emergency Department and Mayo Clinic", "Mayo Clinic"),
    ],
)
def test_kana_facility_reads_english_facility_names(text, value):
    assert found("kana-facility", text) == [value]


@pytest.mark.parametrize("text", ["admitted to the Intensive Care Unit", "Primary Care follow-up", "Home Care"])
def test_kana_facility_leaves_kinds_of_care_alone(text):
    assert found("kana-facility", text) == []


@pytest.mark.parametrize(
    "text, value", [("Phone (555) 123-4567 ext. 22", "(555) 123-4567"), ("TEL (03) 1234-5678", "(03) 1234-5678")]
)
def test_identifier_shape_reads_phone_numbers_with_a_bracketed_area_code(text, value):
    assert value in found("identifier-shape", text)


def test_sex_code_reads_a_sex_and_age_pair_and_labelled_number_a_bed_letter():
    assert found("sex-code", "氏名 : 中村 さくら 様 (F/34)") == ["34", "F"]
    assert found("labelled-number", "Bed: B, Room 512\nベッドA の患者") == ["B", "A"]
    assert found("labelled-number", "床上安静、ベッド上で") == []


@pytest.mark.parametrize(
    "text", ["がん拠点病院または大学病院での精査を推奨。", "こどもクリニックを受診", "\nファミリークリニック"]
)
def test_kana_facility_leaves_kinds_written_in_kana_alone(text):
    assert found("kana-facility", text) == []


def test_department_word_reads_english_departments_but_not_radiology():
    assert found("department-word", "Department: Internal Medicine（内科）") == ["Internal Medicine", "内科"]
    assert found("department-word", "Dept of Radiology; neurologic exam") == []
