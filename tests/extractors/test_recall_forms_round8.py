"""recall-first on places of care and custody, departments of record and identifiers (round 8), and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


# --- places of care and custody named before their kind ------------------------------------------


@pytest.mark.parametrize(
    "text, place",
    [
        ("　　【受診依頼】東浜刑務所　医務部長　仁科", "東浜刑務所"),
        ("書類を北山拘置所へ送付した。", "北山拘置所"),
        ("前回は西が丘少年院で健診", "西が丘少年院"),
        ("北関東赤十字血液センター　献血受付・問診記録", "北関東赤十字血液センター"),
        ("Site        : さいたま大宮献血ルーム（大宮駅西口）", "さいたま大宮献血ルーム"),
        ("問診特記事項メモ（献血ルーム ミナトみらいスクエア 検診医記録）", "ミナトみらいスクエア"),
        ("来室記録（12/2 水）　東都大学保健管理センター　記録 保健師", "東都大学保健管理センター"),
        ("[eICU consult log]  central: 北関東医大 eICU support", "北関東医大"),
    ],
)
def test_places_named_before_their_kind(text, place):
    assert place in found("place-kind", text)


@pytest.mark.parametrize(
    "text",
    [
        "最寄りの献血ルームで献血した。",
        "献血ルームで採血後に気分不良。",
        "大学の保健管理センターに相談するよう勧めた。",
        "刑務所に収容中の患者。",
        "当所医務部の病室で療養予定",
        "献血ルーム 受付で本人確認",
        "直ちに停止。主治医大槻医師に連絡",
        "医療刑務所へ移送された。",
        "女子少年院に在院中",
        "赤十字血液センターから連絡あり",
        "医大に紹介した。",
    ],
)
def test_words_that_only_point_at_a_place_name_none(text):
    assert found("place-kind", text) == []


def test_a_kana_clinic_with_a_kanji_word_and_no():
    assert "まつもと心のクリニック" in found("kana-clinic", "当時 まつもと心のクリニックに数回通院")


# --- departments of record -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, department",
    [
        ("・12/10の脳神経内科再診（10:00）を変更希望", "脳神経内科"),
        ("明日10:00の産婦人科予約の確認。", "産婦人科"),
        ("業者を案内、呼吸器内科当直 瀬尾医師へ報告。", "呼吸器内科"),
        ("紹介元：川口みなみ総合病院（入院中 第3内科、612号室）", "第3内科"),
        ("血液内科 / 無菌病棟 8階西 812号室", "無菌病棟 8階西"),
    ],
)
def test_departments_of_record(text, department):
    assert department in found("department-word", text)


@pytest.mark.parametrize("text", ["第3内科的な治療", "第二内科学講座の教科書", "内科的治療を継続"])
def test_numbered_words_that_are_no_department(text):
    assert not any(v.startswith("第") for v in found("department-word", text))


def test_a_ward_code_then_its_bed():
    assert ("8W", "DEPARTMENT") in masked("ｱﾗｲ ｼｭｳｼﾞ　7689432　M　8W-3\n臍帯血バンク")
    assert ("3", "OTHER_ID") in masked("ｱﾗｲ ｼｭｳｼﾞ　7689432　M　8W-3\n臍帯血バンク")


@pytest.mark.parametrize("text", ["術後4W-6Wで抜糸", "4W-2 mg を投与"])
def test_weeks_and_doses_are_no_ward_and_bed(text):
    assert _of("DEPARTMENT", text) == []


# --- identifiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("応対記録 #27734　R7.11.29 10:14", "#27734"),
        ("学籍番号 2 3 M 0 4 4 8\n氏名", "2 3 M 0 4 4 8"),
        ("患者様ID　O O 4 1 2 3 7\n妻 氏名", "O O 4 1 2 3 7"),
        ("06:40 第3舎 3-212 房 原口", "3-212"),
        ("術後は当所医務部の病室（医-3）で療養予定。", "医-3"),
    ],
)
def test_identifiers_by_their_mark_or_their_word(text, value):
    assert value in found("labelled-number", text)
    # A patient's ID typed to boxes is read closed up by scan-damage too, under its label: the patient's.
    assert value in _of("OTHER_ID", text) + _of("PATIENT_ID", text)


@pytest.mark.parametrize(
    "text",
    [
        "&#1234; の文字参照",
        "#3 の所見は前回と同様",
        "判断：#8000 の基準で緊急性低",
        "TEL相談 #7119 へ",
        "評価 A B C D E の順",
        "3-5日後に再診",
        "2-3 房状の結節",
        "病室（4床）",
    ],
)
def test_look_alikes_of_identifiers_stay(text):
    assert found("labelled-number", text) == []


@pytest.mark.parametrize(
    "text, value",
    [("19:50 報告 → ｱﾝﾄﾞﾚｲ（2040）SpO2 97%", "2040"), ("受刑者 原口（1733）：夜間不眠", "1733")],
)
def test_a_number_in_brackets_after_a_name_is_theirs_even_when_it_reads_as_a_year(text, value):
    assert value in _of("OTHER_ID", text)


@pytest.mark.parametrize(
    "text",
    [
        "同行：山田（85）",
        "家族歴：父 山田 太郎（1950）",
        "合同委員会報告（2008）に準拠",
        "取扱い規約 第9版（2018）付録",
        "Dr 佐藤 3021 へ連絡",
    ],
)
def test_ages_and_years_in_brackets_stay_what_they_are(text):
    assert _of("OTHER_ID", text) == []


def test_a_care_unit_written_out_is_a_department():
    assert "脳卒中ケアユニット" in found("department-word", "脳卒中ケアユニット（SCU）　NIHSS経時評価シート")


@pytest.mark.parametrize("text", ["Detainee no. 2017, LE Van Hung", "Patient No. 1934 admitted"])
def test_a_number_of_a_person_is_no_image_number(text):
    assert any(value.isdigit() and cat.endswith("_ID") for value, cat in masked(text))


@pytest.mark.parametrize("text", ["Series No. 12 の画像", "Image No 3 に結節"])
def test_image_numbers_stay(text):
    assert _of("OTHER_ID", text) == []


def test_a_kana_word_glued_before_a_care_kind_joins_its_name():
    assert "こども発達支援センター すくすく" in found("facility-kind", "療育：こども発達支援センター すくすく 週1回 ST")
    assert not any(v.startswith("近く") for v in found("facility-kind", "近くのデイサービスセンター ひまわりに通所"))
