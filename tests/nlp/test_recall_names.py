"""The recall-first profile on names: found in part (name_joins), by their surroundings, and their look-alikes."""

from __future__ import annotations

import pytest

from phi_core.nlp import sudachi_available

pytestmark = pytest.mark.skipif(not sudachi_available(), reason="SudachiPy and its dictionary are not installed")

from phi_core.extractors import profiles_recall_first as profile  # noqa: E402
from phi_core.extractors.recognition.recognizer import Document  # noqa: E402


def found(recognizer, text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.category) for c in recognizer.find(Document(text))]


def masked(text: str) -> list[str]:
    return [s.text for s in profile.extract_spans(text)]


# Names found in part (phi_core/extractors/recognition/name_joins.py), through the whole profile.


def _rf_values(text: str) -> list[str]:
    from phi_core.extractors import profiles_recall_first as rf

    return [s.text for s in rf.extract_spans(text)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("・CVC 挿入中 1名（312号室 上条 ひかり様、挿入 11/2）", "上条 ひかり"),
        ("相談者：母（西園寺 あかね）\u3000折返し先 070-5512-3390", "西園寺 あかね"),
        ("患者：Nakamura Rosa（中村 ロサ）様", "中村 ロサ"),
    ],
)
def test_a_family_name_takes_the_given_name_after_it(text, value):
    assert value in _rf_values(text)


def test_a_full_name_part_is_masked_where_it_stands_alone():
    text = "出席者：堀 健太郎、真鍋 由香\n結論：大川さんへの説明は外来で堀が行う。堀江町の件は別。"
    values = _rf_values(text)
    assert values.count("堀") == 1  # 堀が行う, not 堀江町
    assert "堀 健太郎" in values


def test_role_words_inside_a_name_span_are_not_searched_for():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.name_repeats import name_parts_elsewhere

    text = "長女 森下 亜紀\n長女は共働き。"
    spans = [Candidate(0, len("長女 森下 亜紀"), "EMERGENCY_CONTACT", 0)]
    out = name_parts_elsewhere(text, spans, frozenset({"長女"}))
    assert [text[c.start : c.end] for c in out] == ["長女 森下 亜紀"]


def test_the_given_name_rule_leaves_words_after_a_name_alone():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.name_joins import join_name_words
    from phi_core.nlp.morphemes import morphemes

    for text in ("佐藤 記", "山田 です。", "田中 外来", "高橋 から"):
        family = text.split(" ")[0]
        spans = [Candidate(0, len(family), "PATIENT_NAME", 0)]
        joined = join_name_words(text, spans, morphemes(text))
        assert [text[c.start : c.end] for c in joined] == [family], text


@pytest.mark.parametrize(
    "text, value",
    [
        ("ハミルトン エミリー（Emily HAMILTON）さん 34歳", "Emily HAMILTON"),
        ("2024-11-06 10:15 kurosawa.t（医療情報部）: 統合実施", "kurosawa.t"),
        ("入力：12/10 11:02\u3000KOBAYASHI.T", "KOBAYASHI.T"),
    ],
)
def test_latin_names_family_last_and_logins(text, value):
    from phi_core.extractors.recognizers.latin_names import LatinNameRecognizer

    assert value in [v for v, _ in found(LatinNameRecognizer(), text)]


@pytest.mark.parametrize("text", ["see www.example.jp or index.html", "mail to sato.k@example.jp", "Fig.A and No.B"])
def test_latin_logins_leave_file_names_and_mail_alone(text):
    from phi_core.extractors.recognizers.latin_names import LatinNameRecognizer

    assert found(LatinNameRecognizer(), text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("事業所：訪問看護ステーション さなる\n管理者", "訪問看護ステーション さなる"),
        ("事業所：ケアプランセンター ゆずりは\u3000介護支援専門員", "ケアプランセンター ゆずりは"),
    ],
)
def test_service_name_takes_a_whole_kana_name_after_its_kind(text, value):
    from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer

    assert value in [v for v, _ in found(ServiceNameRecognizer(), text)]


@pytest.mark.parametrize(
    "text", ["薬局 など\n", "内科へコンサルトし、", "調剤薬局 から連絡", "外科コンサルテーション予定"]
)
def test_service_name_leaves_sentences_after_a_service_word_alone(text):
    from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer

    assert found(ServiceNameRecognizer(), text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("■ 6階東 603号室\u3000森永 剛\u3000M\u300068y\u3000ID", "森永 剛"),
        ("・803-1 川原 ヨネさん（94歳）", "川原 ヨネ"),
        ("薬剤師 畑 中\nTEL", "畑 中"),
        ("付き添い：看護職員 浅 野\n", "浅 野"),
    ],
)
def test_name_beside_age_and_spaced_surnames(text, value):
    from phi_core.extractors.recognizers.name_beside_age import NameBesideAgeRecognizer

    assert value in [v for v, _ in found(NameBesideAgeRecognizer(), text)]


@pytest.mark.parametrize("text", ["症例 68歳 男性", "患者 男性 68歳", "本人 68歳", "右肺 M 68y", "右 中 葉"])
def test_name_beside_age_leaves_common_words_alone(text):
    from phi_core.extractors.recognizers.name_beside_age import NameBesideAgeRecognizer

    assert found(NameBesideAgeRecognizer(), text) == []


def test_role_then_a_space_then_a_short_kanji_name():
    from phi_core.extractors.recognizers.role_values import RoleValueRecognizer

    assert ("荒巻", "PHYSICIAN_NAME") in found(RoleValueRecognizer(), "意識障害と診断（主治医 荒巻）。")
    assert found(RoleValueRecognizer(), "主治医 不在のため、担当医 交代予定") == []


def test_room_numbers_opening_an_item_before_a_name():
    values = masked("・803-1 川原 ヨネさん（94歳）\n・815-4 森 ハナさん（88歳）\n2024 山田さんが来院")
    assert "803-1" in values and "815-4" in values and "2024" not in values


def test_latin_name_parts_spread_only_where_the_dictionary_does_not_know_them():
    values = masked("出席者：Tanvir Ahmed（病理）、Grace Class\n討議：Ahmed：FNA検体は十分量。Class IV の所見。")
    assert values.count("Ahmed") == 1
    assert "Class" not in values


@pytest.mark.parametrize(
    "text, value",
    [
        ("seen by Dr. O'Brien and Nurse Patel", "Patel"),
        ("seen by Dr. O'Brien and Nurse Patel", "O'Brien"),
        ("Ref: Dr Chen, Wei (Cardiology)", "Chen, Wei"),
    ],
)
def test_latin_names_after_an_english_title(text, value):
    from phi_core.extractors.recognizers.latin_names import LatinNameRecognizer

    assert value in [v for v, _ in found(LatinNameRecognizer(), text)]


def test_homes_named_by_a_coined_word_before_their_kind():
    from phi_core.extractors.recognizers.service_names import ServiceNameRecognizer

    assert "ひまわり苑" in "".join(v for v, _ in found(ServiceNameRecognizer(), "ショートステイ ひまわり苑 利用中"))
    assert found(ServiceNameRecognizer(), "公園のベンチで休む") == []


def test_relatives_named_in_brackets_and_rooms_after_a_colon_or_comma():
    values = masked("家族構成：夫（隆）、長男（翔太・会社員）\n申し送り：302 五十嵐さん 不穏あり、305 鈴木さん 発熱")
    for value in ("隆", "翔太", "302", "305"):
        assert value in values
    assert masked("母（本人と同居）") == []


def test_a_full_name_is_masked_whole_elsewhere_also_with_lost_characters():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.name_repeats import whole_names_elsewhere

    text = "702号室の 𠮷岡 髙志 さん、氏名が「?岡 ?志」と印字。画面では「𠮷岡 髙志」、「?? ??」"
    first = text.index("𠮷岡 髙志")
    second = text.index("𠮷岡 髙志", first + 1)
    spans = [Candidate(first, first + 5, "PATIENT_NAME", 0), Candidate(second + 1, second + 5, "PATIENT_NAME", 0)]
    values = [text[c.start : c.end] for c in whole_names_elsewhere(text, spans)]
    assert values == ["𠮷岡 髙志", "?岡 ?志", "𠮷岡 髙志"]


def test_the_item_after_a_name_in_a_list_is_a_name_when_the_dictionary_does_not_know_it():
    from phi_core.extractors.recognition.candidates import Candidate
    from phi_core.extractors.recognition.name_lists import names_listed_beside
    from phi_core.nlp.morphemes import morphemes

    for text, expected in (("術者 久我/Alvarez\n", ["久我", "Alvarez"]), ("山田、CT、MRI", ["山田"])):
        start = 3 if text.startswith("術者") else 0
        spans = [Candidate(start, start + 2, "PHYSICIAN_NAME", 0)]
        out = names_listed_beside(text, spans, morphemes(text))
        assert [text[c.start : c.end] for c in out] == expected
