"""The recall-first recognizers on their forms and on the look-alikes they must leave alone."""

from __future__ import annotations

import pytest

from phi_core.nlp import sudachi_available

pytestmark = pytest.mark.skipif(not sudachi_available(), reason="SudachiPy and its dictionary are not installed")

from phi_core.extractors import profiles_recall_first as profile  # noqa: E402
from phi_core.extractors.allow_list import load_allow_list  # noqa: E402
from phi_core.extractors.recognizers.identifier_shape import IdentifierShapeRecognizer  # noqa: E402
from phi_core.extractors.recognizers.romaji_words import RomajiWordRecognizer, is_romaji  # noqa: E402
from phi_core.extractors.recognizers.sudachi_names import SudachiPersonRecognizer  # noqa: E402
from phi_core.extractors.recognizers.sudachi_places import SudachiPlaceRecognizer  # noqa: E402
from phi_core.extractors.recognizers.sudachi_readings import SudachiReadingRecognizer  # noqa: E402
from phi_core.extractors.recognizers.sudachi_unknown import SudachiUnknownRecognizer  # noqa: E402
from phi_core.extractors.recognition.recognizer import Document  # noqa: E402


def found(recognizer, text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.category) for c in recognizer.find(Document(text))]


def masked(text: str) -> list[str]:
    return [s.text for s in profile.extract_spans(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("カンファレンス参加者：高橋、渡辺。", "高橋"),
        ("グエン・ヴァン・ナムさんが来院。", "グエン・ヴァン・ナム"),
        ("ﾀﾅｶ ﾊﾅｺ", "ﾀﾅｶ ﾊﾅｺ"),
        ("Reviewed with Mary Johnson today.", "Mary Johnson"),
        ("娘の佐藤花子が同席した。", "佐藤花子"),
    ],
)
def test_person_names_without_a_cue(text, name):
    assert name in [value for value, _ in found(SudachiPersonRecognizer(), text)]


@pytest.mark.parametrize(
    "text",
    [
        "蜂巣肺の所見を認める。",  # 蜂巣 is also a surname in the dictionary
        "広基性のポリープ。",
        "ホジキンリンパ腫の既往。",
        "肩甲骨下角に骨折なし。",
        "mass effectを伴う。",
    ],
)
def test_compound_clinical_words_are_not_names(text):
    assert found(SudachiPersonRecognizer(), text) == []


def test_a_staff_cue_makes_a_physician():
    assert ("佐藤", "PHYSICIAN_NAME") in found(SudachiPersonRecognizer(), "主治医 佐藤、記載。")
    assert ("田中", "PATIENT_NAME") in found(SudachiPersonRecognizer(), "田中が来院した。")


def test_places_with_house_numbers_but_not_countries_or_compounds():
    assert ("横浜市港北区日吉2-5-10", "ADDRESS") in found(SudachiPlaceRecognizer(), "横浜市港北区日吉2-5-10在住。")
    assert found(SudachiPlaceRecognizer(), "日本では稀な疾患。") == []
    assert found(SudachiPlaceRecognizer(), "三日月状の陰影。") == []


def test_unknown_words_only_before_an_honorific():
    assert found(SudachiUnknownRecognizer(), "ミエログラフィを施行。イオヘキソール使用。") == []


def test_readings_of_a_found_name_in_every_kana_form():
    text = "佐藤一郎。カナ欄：ｻﾄｳ ｲﾁﾛｳ、ふりがな さとういちろう"
    values = [value for value, _ in found(SudachiReadingRecognizer(), text)]
    assert "ｻﾄｳ ｲﾁﾛｳ" in values and "さとういちろう" in values


def test_romaji_names_but_not_english_words():
    assert is_romaji("Takahashi") and is_romaji("Kenji")
    assert not any(is_romaji(w) for w in ("Findings", "Liver", "Impression", "Site", "Time"))
    assert [v for v, _ in found(RomajiWordRecognizer(), "Reviewed by Dr. Ohashi. Findings: liver")] == ["Ohashi"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("予約番号 P123456 を控える", "P123456"),
        ("https://portal.example.jp/view?pid=12345678&x=1", "12345678"),
        ("保険者番号 1234 5678 9012", "1234 5678 9012"),
        ("ID l23O4567（スキャン）", "l23O4567"),
        ("連絡 taro.yamada@example.jp まで", "taro.yamada@example.jp"),
    ],
)
def test_identifier_shapes(text, value):
    assert value in [v for v, _ in found(IdentifierShapeRecognizer(), text)]


@pytest.mark.parametrize(
    "text",
    [
        "S6に12×8mmの結節。",
        "T2N0M0、Stage IIA。",
        "C5/6とL4-5に狭窄。",
        "GCS 15、NYHA II。",
        "CEA 5.2ng/mL（基準 0-5.0）。",
        "TR/TE=600/15ms、b=1000。",
        "Douglas窩に少量の腹水、Glisson鞘の肥厚。",
        "ワルファリン2mg、エリキュース5mg内服。",
        "循環器内科にご相談ください。",
        "CA19-9 37U/mL。",
    ],
)
def test_recall_first_leaves_clinical_facts_alone(text):
    assert masked(text) == []


def test_recall_first_masks_names_and_identifiers_the_rules_miss():
    text = "参加者：高橋、渡辺。保険者番号 1234 5678 9012。"
    spans = masked(text)
    assert "高橋" in spans and "渡辺" in spans and "1234 5678 9012" in spans


def test_allow_list_never_removes_a_rule_span():
    # The allow-list reads "Douglas" as an eponym, but a labelled name stays masked.
    assert "Douglas" in " ".join(masked("氏名：Douglas Smith\n"))


def test_allow_list_is_data():
    allow = load_allow_list()
    text = "S6に10mm"
    assert allow.allows(text, 0, 2) and not allow.allows("山田", 0, 2)


def test_service_names_before_or_after_their_kind():
    from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer

    text = "みどり薬局、デイサービスあおぞらに通所、居宅介護支援事業所 ひまわり。かかりつけ薬局と訪問看護 斉藤"
    values = [v for v, _ in found(ServiceNameRecognizer(), text)]
    assert values == ["みどり薬局", "デイサービスあおぞら", "居宅介護支援事業所 ひまわり"]


def test_machine_timestamps_whole():
    from phi_core.extractors.recognizers.machine_timestamps import MachineTimestampRecognizer

    text = "at 2024-08-06T10:45:00+09:00 and 20240806T104500Z; version 2024-08"
    assert [v for v, _ in found(MachineTimestampRecognizer(), text)] == [
        "2024-08-06T10:45:00+09:00",
        "20240806T104500Z",
    ]


def test_one_letter_names_before_a_title_or_bracket_only():
    assert ("森", "PATIENT_NAME") in found(SudachiPersonRecognizer(), "参加者：森(病棟看護師)")
    assert found(SudachiPersonRecognizer(), "森の中") == []


def test_a_name_written_with_spaces_between_letters_stays_whole():
    assert "山 田 太 郎" in masked("氏名：山 田 太 郎\n")


def test_short_dates_and_their_look_alikes():
    from phi_core.extractors.recognizers.short_dates import ShortDateRecognizer

    text = "6/14の外来、checked (07/04), 20 Mar, 09.24; 13/40, 2/31, 1.5/2.0, C5/6, 120/80"
    assert sorted(v for v, _ in found(ShortDateRecognizer(), text)) == ["07/04", "09.24", "20 Mar", "6/14"]


def test_latin_names_by_form_not_device_or_clinical_words():
    from phi_core.extractors.recognizers.latin_names import LatinNameRecognizer

    text = (
        "WATANABE, Sumiko; GURUNG, Bishnu Maya; Tanvir Ahmed; M.O.; H. Nishizawa. SOMATOM Force, WHO Grade, at 9 A.M."
    )
    values = [v for v, _ in found(LatinNameRecognizer(), text)]
    for name in ("WATANABE, Sumiko", "GURUNG, Bishnu Maya", "Tanvir Ahmed", "M.O.", "H. Nishizawa"):
        assert name in values
    assert not {"SOMATOM Force", "WHO Grade", "A.M."} & set(values)


def test_scan_damage_read_from_a_repaired_copy():
    from phi_core.extractors.recognizers.scan_damage import repaired

    fixed, changed, _ = repaired("受診 2O24年 7月1O日 l5:22、S3l年、クリ二ック、Olympus 10mm")
    assert fixed == "受診 2024年 7月10日 15:22、S31年、クリニック、Olympus 10mm"
    assert len(fixed) == len("受診 2O24年 7月1O日 l5:22、S3l年、クリ二ック、Olympus 10mm") and changed
    assert "2O24年 7月1O日" in masked("受診日 2O24年 7月1O日")


def test_hospital_names_with_a_kana_name():
    from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer

    text = "くすのき記念病院、すずらん薬局 大宮東口店、さがみ野中央病院。消化器内科、当院内科、かかりつけ薬局"
    assert [v for v, _ in found(ServiceNameRecognizer(), text)] == [
        "くすのき記念病院",
        "すずらん薬局 大宮東口店",
        "さがみ野中央病院",
    ]


def test_a_place_name_as_a_family_name_only_beside_a_name_or_role():
    values = [v for v, _ in found(SudachiPersonRecognizer(), "出席者：久留米 礼子（放射線）、技師 外山")]
    assert "久留米 礼子" in values and "外山" in values
    assert found(SudachiPersonRecognizer(), "久留米市に転居した。") == []


def test_names_after_a_staff_role_and_in_its_list():
    from phi_core.extractors.recognizers.role_values import RoleValueRecognizer

    text = "術者：鳴海 拓　助手：相良、Olsen　麻酔：ヴォルコフ\n麻酔：全身麻酔、セボフルラン"
    values = [v for v, _ in found(RoleValueRecognizer(), text)]
    assert {"鳴海 拓", "相良", "Olsen", "ヴォルコフ"} <= set(values)
    assert "全身麻酔" not in values
    assert "セボフルラン" not in masked(text)  # a drug ending on the allow-list


def test_wards_ages_and_era_years_and_their_look_alikes():
    from phi_core.extractors.recognizers.ages import AgeRecognizer
    from phi_core.extractors.recognizers.era_years import EraYearRecognizer
    from phi_core.extractors.recognizers.ward_names import WardNameRecognizer

    assert [v for v, _ in found(WardNameRecognizer(), "【相談】6東 615号室、8西病棟へ。東西に走る")] == [
        "6東",
        "8西病棟",
    ]
    ages = [v for v, _ in found(AgeRecognizer(), "（67 歳）、63Y, 52-year-old, 70歳代、3.5歳")]
    assert ages == ["67 歳", "63Y", "52-year-old"]
    eras = [v for v, _ in found(EraYearRecognizer(), "既往：H30 左TKA、S45年、R5 手術。S6に結節、T2N0、H2ブロッカー")]
    assert eras == ["H30", "S45", "R5"]


def test_a_value_broken_across_lines_is_found_whole():
    from phi_core.extractors.recognizers.scan_damage import repaired

    text = "携帯 O8O-4l2O-\n7735、住所 東京都立川市錦町\n3-5-18"
    fixed, _, origin = repaired(text)
    assert "080-4120-7735\n" in fixed and sorted(origin) == list(range(len(text)))
    spans = masked(text)
    assert "O8O-4l2O-\n7735" in spans


def test_a_reading_in_brackets_after_a_name():
    spans = {s.text: s.category for s in profile.extract_spans("Pt: GURUNG, Bishnu Maya (グルン ビシュヌ マヤ)\nAge")}
    assert spans.get("グルン ビシュヌ マヤ") == "NAME_READING"
    assert "（さん）" not in "".join(masked("所見（あり）"))


def test_ginza_entities_mapped_to_phi_categories():
    from phi_core.extractors.recognizers.ginza_entities import GinzaEntityRecognizer
    from phi_core.nlp import ginza_available

    if not ginza_available():
        pytest.skip("GiNZA is not installed")
    values = found(GinzaEntityRecognizer(), "主治医の佐藤一郎先生、ロキソニン60mg、S6に10mm。")
    assert ("佐藤一郎", "PHYSICIAN_NAME") in values
    assert not any(v in ("ロキソニン", "60mg", "10mm") for v, _ in values)  # Drug, N_Product, Physical_Extent


def test_scan_damage_reads_era_years_in_the_repaired_copy():
    from phi_core.extractors.recognizers.scan_damage import ScanDamageRecognizer

    values = [v for v, _ in found(ScanDamageRecognizer(), "既往：慢性心不全、H2l 脳梗塞（左片麻痺）")]
    assert "H2l" in values
