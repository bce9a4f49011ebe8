"""recall-first on rooms, beds and wards written without a label, and on the numbers that only look like them."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked, values

from phi_core.extractors.recognition.candidates import Candidate
from phi_core.extractors.recognition.room_columns import room_columns
from phi_core.extractors.recognition.room_passes import rooms_and_wards
from phi_core.extractors.recognition.rooms import room_form_candidates


def _ids(text: str) -> list[str]:
    return [value for value, category in masked(text) if category == "OTHER_ID"]


def _wards(text: str) -> list[str]:
    return [value for value, category in masked(text) if category == "DEPARTMENT"]


# --- a room and its bed, standing as a word of their own ---------------------------------------


@pytest.mark.parametrize(
    "text, rooms",
    [
        ("病室-床  装着  氏名一致\n801-1   ○    ○      ○", ["801", "1"]),
        ("1  K.T.  20118834  405-1   82   M  1/22", ["405", "1"]),
        ("マットセンサー 601-A・605-B 作動確認済。", ["601", "A", "605", "B"]),
        ("症例：兼城 ナツ 様（91歳、4東-406）", ["406"]),
        ("整形外科（3西 308）", ["308"]),
        ("7E     701          40219934    大迫 渚", ["701"]),
    ],
)
def test_rooms_and_beds_standing_alone(text, rooms):
    ids = _ids(text)
    assert all(any(room in value for value in ids) for room in rooms), ids


@pytest.mark.parametrize(
    "text",
    [
        "WBC 3,300-8,600 /μL",
        "L4-5 椎間板ヘルニア",
        "有効期限 2026-08、次回 2025-09 予定",
        "Lot 572-B を使用",
        "ダイアライザ NX19-30417",
        "投与量 500-2 mg へ減量",
    ],
)
def test_ranges_dates_vertebrae_and_lots_are_not_rooms(text):
    assert not [c for c in room_form_candidates(text) if c.category == "OTHER_ID"]


# --- ward codes, decided by what stands around them --------------------------------------------


@pytest.mark.parametrize(
    "text, code",
    [
        ("転出：ICU BED-7　→　転入：8W 803-A", "8W"),
        ("申送り：16:30 予定　ICU Ns.ｵｶﾀﾞ → 8W Ns.ﾊﾔｼ", "8W"),
        ("場所：4E カンファレンス室", "4E"),
        ("出席：MSW 布施、4E 師長 芦田", "4E"),
        ("MFICU満床のため 7E 個室へ", "7E"),
        ("病棟 7W　ﾍﾞｯﾄﾞ 705-C", "7W"),
        ("・7E 大迫 様は切迫早産（32週）。", "7E"),
    ],
)
def test_ward_codes_with_a_ward_beside_them(text, code):
    assert any(code in value for value in _wards(text))


def test_a_confirmed_ward_code_is_the_ward_wherever_it_stands_alone():
    text = "5E     507-4      40207761\n・5E は感染対策で 508号室をコホート"
    assert {text[c.start : c.end] for c in room_form_candidates(text) if c.category == "DEPARTMENT"} == {"5E"}
    assert len({c.start for c in room_form_candidates(text) if c.category == "DEPARTMENT"}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "術後4W で再評価",
        "4W後に外来",
        "術後 2W 退院予定",
        "2W   採血\n4W   CT",
        "エルゴメータ 40〜50W",
        "ハイサンソ 5S）",
    ],
)
def test_weeks_watts_and_models_are_not_wards(text):
    assert not [c for c in room_form_candidates(text) if c.category == "DEPARTMENT"]


# --- a unit's bed, beds by their word, rooms written short --------------------------------------


@pytest.mark.parametrize(
    "text, bed",
    [
        ("HCU    H3           40180042", "H3"),
        ("cEEG monitoring log  ICU-07", "07"),
        ("from=W7E-712-1 to=HCU-H2 by=nagase", "H2"),
        ("00:25 HCU 入室（H2）。", "H2"),
        ("転出：ICU BED-7　→", "7"),
        ("外来化学療法センター ベッド C-12", "C-12"),
        ("隣のベッド（4番）に運ばれた", "4"),
        ("入院：05:20 NICU 5番保育器", "5"),
        ("持主：612号室B床 ｵｵﾀ様", "B"),
        ("発端者：5l3号A床 T.N.様", "5l3"),
        ("新規       612号 個室へ移動", "612"),
        ("現在、小児科病棟 3号室に入院中。", "3"),
        ("(小児病棟 2ｼﾂ)", "2"),
    ],
)
def test_beds_and_rooms_by_their_words(text, bed):
    # a care unit and its bed may be masked whole (ICU-07)
    assert any(bed in value for value in _ids(text)), _ids(text)


def test_beds_listed_after_one():
    assert [v for v in _ids("ベッド4と5の隣接")] == ["4", "5"]


@pytest.mark.parametrize(
    "text",
    ["ICU Day 3 で抜管", "CCU 12:20 に転棟", "ICU（3）名", "様式第3号）給付要否意見書", "港南署刑第412号にて照会"],
)
def test_unit_counts_times_and_form_numbers_are_not_beds(text):
    assert not [c for c in room_form_candidates(text) if c.category == "OTHER_ID"]


def test_wards_by_number():
    assert "第2病棟" in _wards("外泊 週間予定（第2病棟）")
    assert any("B2病棟" in value for value in values("精神科病棟（B2病棟）　病棟長 殿"))


# --- rooms by their floor: row openings and prose lists ------------------------------------------


def test_a_bare_room_opening_a_row_among_room_bed_rows():
    text = "801-1   ○    ○\n802-1   ×    ―\n803       ○    ○"
    assert "803" in _ids(text)


def test_rooms_listed_in_prose_on_a_floor_the_document_names():
    text = "5E は 508号室をコホート → 新規入院は 503・507 のみ。"
    ids = _ids(text)
    assert "503" in ids and "507" in ids


@pytest.mark.parametrize(
    "text",
    [
        "508号室に入院。アモキシシリン 500・250 mg を併用",
        "508号室に入院。採血は 503・507 mL",
        "801-1   ○\n120   mg/dL",
        "患者数 503・507 のみ",  # no room of that floor anywhere
    ],
)
def test_amounts_and_numbers_with_no_room_beside_them_stay(text):
    ids = [c for c in room_form_candidates(text) if c.category == "OTHER_ID"]
    assert not [text[c.start : c.end] for c in ids if text[c.start : c.end] in ("500", "250", "503", "507", "120")]


# --- rooms beside a patient's name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, room",
    [
        ("面会対象：徳山 良江（602）        | 36.4", "602"),
        ("同姓 坂本 茂／坂本 茂雄（806号）：注意喚起札", "806"),
        ("7:50 母 岡本 唯 入、岡本 晴翔 くん 305\n8:05 父", "305"),
    ],
)
def test_a_room_right_after_a_name(text, room):
    assert room in _ids(text)


def test_a_name_with_a_year_or_an_age_after_it_keeps_them():
    text = "山田 花子（1957）"
    spans = [Candidate(0, 5, "PATIENT_NAME", 1)]
    assert rooms_and_wards(text, spans) == spans
    assert "65" not in _ids("患者 佐藤 花子 様 65")
    assert "312" not in _ids("補聴器（左耳用、Siemens Pure 312、製造番号 SN 4471）")


def test_a_room_inside_a_value_found_already_is_left_to_it():
    text = "from=W7E-712-1 to"
    spans = [Candidate(5, 14, "OTHER_ID", 1)]
    assert [s for s in rooms_and_wards(text, spans) if s.category == "OTHER_ID"] == spans


def test_a_bed_found_in_part_is_widened():
    text = "ベッド C-12 へ"
    spans = [Candidate(4, 5, "OTHER_ID", 1)]
    assert [(text[s.start : s.end], s.category) for s in rooms_and_wards(text, spans)] == [("C-12", "OTHER_ID")]


@pytest.mark.parametrize(
    "text, room",
    [("個室 512室へ転室", "512"), ("移動先（806）号", "806"), ("ベッドNo.3 に移動", "3"), ("Bed No. 12", "12")],
)
def test_rooms_with_room_alone_and_beds_by_number(text, room):
    assert room in _ids(text)


def test_a_count_of_rooms_is_not_a_room():
    assert not [c for c in room_form_candidates("個室 2室 空き") if c.category == "OTHER_ID"]


@pytest.mark.parametrize("text", ["BP 120-80 HR 72", "血圧：130-70", "Na 135-45 と低値"])
def test_vital_signs_and_tests_in_pairs_are_not_rooms(text):
    assert not [c for c in room_form_candidates(text) if c.category == "OTHER_ID"]


# --- a column of rooms or beds under its header ----------------------------------------------------


def test_beds_read_down_their_column():
    text = (
        "装置No.  機種           製造番号          使用ベッド  直近使用患者\n"
        "HD-03    DCS-100NX      NX19-30417        3         東雲 ハツヱ\n"
        "HD-11    DCS-100NX      NX19-30562        11        Santos, Ricardo\n"
    )
    assert [text[c.start : c.end] for c in room_columns(text)] == ["3", "11"]
    assert "3" in _ids(text) and "11" in _ids(text)


def test_a_room_bed_cell_is_two_values_and_the_table_ends_at_a_blank_line():
    text = "病棟   室-床      ID\n5E     503-2      40118825\n7E     701          40219934\n\n5      123    456"
    assert [text[c.start : c.end] for c in room_columns(text)] == ["503", "2", "701"]


@pytest.mark.parametrize(
    "text",
    [
        "Room   Time    Procedure\n5      9:00    TKA\n12     13:00   THA\n",  # operating theatres
        "検査項目   結果   基準値\nWBC        8.2    3.3-8.6\n",
        "病室の状況  確認  備考\n記載なし   ○     ―\n",
    ],
)
def test_theatres_results_and_words_under_other_headers_stay(text):
    assert room_columns(text) == []


def test_more_wards_and_rooms_by_their_neighbours():
    assert "4W" in _wards("【退院予定で未確定】4W 418-3 宮里 翔（15歳 男）")
    assert "東3" in _wards("  ・東3　T.K. 氏（81歳 女）身体拘束")
    assert "S-2" in _ids("隔離 観察記録（精神科急性期治療病棟　保護室 S-2）")


def test_full_width_ward_codes_and_beds_by_their_number_word():
    assert "８Ｗ" in _wards("転入：８Ｗ ８０３－Ａ")
    assert "3" in _ids("床番 3 へ移動")
