"""recall-first on a facility's town written after its name and a department a consult is asked of."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


@pytest.mark.parametrize(
    "text, name",
    [
        ("・高良 ツネ 様（86才、女）特養グリーンヒル宜野湾より搬送", "特養グリーンヒル宜野湾"),
        ("退院時（介護老人保健施設 ひまわりの里 港北 へ）", "介護老人保健施設 ひまわりの里 港北"),
    ],
)
def test_a_town_after_a_facility_is_its_branch(text, name):
    assert name in _of("HOSPITAL_NAME", text), masked(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        # A town running on into an office or a ward of the city is no branch of the facility.
        ("さくら病院宜野湾市役所へ連絡", "さくら病院"),
        # A town that goes on into its ward or city is an address of its own.
        ("さくら病院 宜野湾市真志喜3-22-5", "さくら病院"),
    ],
)
def test_a_town_that_runs_on_is_not_joined(text, kept):
    assert kept in _of("HOSPITAL_NAME", text), masked(text)


def test_a_department_a_consult_is_asked_of_is_masked():
    assert "腎臓内科" in _of("DEPARTMENT", "HD 併用（腎臓内科依頼、8/7 04:30開始）")


@pytest.mark.parametrize("text", ["当科依頼にて施行", "循環器内科依頼を検討", "内科依頼書の様式"])
def test_a_consult_that_names_no_department_is_left_alone(text):
    assert _of("DEPARTMENT", text) == [], masked(text)


# --- a building and its room on the indented line after a street address ----------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "住所  宜野湾市真志喜３ー２２ー５\n      コーポ大山 ２O３\n\n検査日",
            "宜野湾市真志喜３ー２２ー５\n      コーポ大山 ２O３",
        ),
        (
            "住所  横浜市港北区日吉本町4-18-2\n      メゾンドール 203\n",
            "横浜市港北区日吉本町4-18-2\n      メゾンドール 203",
        ),
    ],
)
def test_a_building_on_the_next_line_belongs_to_the_address(text, address):
    assert address in _of("ADDRESS", text), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "住所  横浜市港北区日吉本町4-18-2\n      血圧 120\n",
        "住所  横浜市港北区日吉本町4-18-2\n      ナトリウム 140\n",
        "住所  横浜市港北区日吉本町4-18-2\n      TEL 045-561-7700\n",
    ],
)
def test_a_value_on_the_next_line_stays_apart(text):
    assert "横浜市港北区日吉本町4-18-2" in _of("ADDRESS", text), masked(text)


# --- Latin facilities: a branch's town after the kind, units a patient is sent to ----------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("from City Hospital Kawaguchi ward 3W bed 12", "City Hospital Kawaguchi"),
        ("transferred to Minato Bay Women's Hospital Tokyo on day 3", "Minato Bay Women's Hospital Tokyo"),
    ],
)
def test_a_town_after_a_latin_facility_is_its_branch(text, name):
    assert name in _of("HOSPITAL_NAME", text), masked(text)


def test_a_named_renal_unit_is_masked():
    text = "in-center HD at Queen's Renal Unit, Honolulu. She will stay"
    assert any("Queen's Renal Unit" in value for value, _ in masked(text)), masked(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("seen at City Hospital Emergency Room", "Emergency"),
        ("General Hospital Main building", "General Hospital Main"),
    ],
)
def test_what_follows_a_latin_facility_that_is_no_town(text, kept):
    assert not any(kept in value for value in _of("HOSPITAL_NAME", text)), masked(text)


def test_a_unit_without_a_name_is_no_facility():
    assert _of("HOSPITAL_NAME", "the Renal Unit was closed") == []


@pytest.mark.parametrize(
    "text, village",
    [
        ("She will stay in Onna-son (hotel) from", "Onna-son"),
        ("lives in Yomitan-son with her son", "Yomitan-son"),
    ],
)
def test_a_village_in_latin_letters_is_an_address(text, village):
    assert village in _of("ADDRESS", text), masked(text)


@pytest.mark.parametrize("text", ["Per Jack-son criteria", "a mother-son pair"])
def test_a_word_ending_in_son_is_no_village(text):
    assert _of("ADDRESS", text) == [], masked(text)


def test_a_grid_block_in_latin_letters_belongs_to_its_address():
    text = "Desk\n      060-0808 Sapporo, Kita-ku, Kita 8 Nishi 5-1   Tel +81-11-706-0000"
    assert any(value.endswith("Kita 8 Nishi 5-1") for value in _of("ADDRESS", text)), masked(text)


@pytest.mark.parametrize("text", ["Dr. Kita 8 cases", "Nishi 5 mg", "Higashi 2 patients"])
def test_a_name_and_a_number_is_no_grid_block(text):
    assert _of("ADDRESS", text) == [], masked(text)


# --- a ward or a home's unit named in hiragana ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("宛名：福永 マサ様　たんぽぽ病棟（療養病棟） 24号室", "たんぽぽ病棟"),
        ("入居先：ひまわりユニット 3号室", "ひまわりユニット"),
    ],
)
def test_a_ward_named_in_hiragana_is_a_department(text, ward):
    assert any(ward in value for value in _of("DEPARTMENT", text)), masked(text)


@pytest.mark.parametrize("text", ["、ほかの病棟へ移る", "それから病棟へ戻った", "すべての病棟で実施", "まず病棟で確認"])
def test_prose_before_a_ward_word_is_no_ward(text):
    assert _of("DEPARTMENT", text) == [], masked(text)


# --- ward codes: a wing word after the code, the code before its room in a row ----------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("Room 1208   Ward 12F East\nDate", "Ward 12F East"),
        ("3,2024-10-12T10:20,8E,803,20138845,N", "8E"),
        ("bed 2, 5N Room 512 today", "5N"),
    ],
)
def test_a_ward_code_with_its_wing_or_room_is_a_department(text, ward):
    assert any(ward in value for value in _of("DEPARTMENT", text)), masked(text)


@pytest.mark.parametrize("text", ["grade 2A,150 cells", "power 4W,100 V", "lesion 2S,120 mm"])
def test_a_code_like_value_before_a_number_is_no_ward(text):
    assert _of("DEPARTMENT", text) == [], masked(text)


def test_a_facility_split_by_a_space_before_its_head_is_one_name():
    text = "転院先：東京リハビリテーション センター世田谷"
    assert "東京リハビリテーション センター世田谷" in _of("HOSPITAL_NAME", text), masked(text)


@pytest.mark.parametrize("text", ["転院先：当院 センター病棟", "同院 病院長より"])
def test_a_word_that_points_at_a_facility_is_no_first_part(text):
    assert not any(value.startswith(("当院", "同院")) for value, _ in masked(text)), masked(text)
