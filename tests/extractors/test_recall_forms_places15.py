"""recall-first on places of care named by loan words, owners, units after a place, sent-from fields, and address ends."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


def _values(text: str) -> list[str]:
    return [value for value, _ in masked(text)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("受けた検査\n　・ひばりヶ丘デンタルオフィス　歯科パノラマX線", "ひばりヶ丘デンタルオフィス"),
        ("依頼状\n\n湯布院ウェルネス館\n　施設長 衛藤 由紀 様", "湯布院ウェルネス館"),
        ("実施記録　視覚障害者リハビリセンターひかり\n利用者：石黒 文子　様", "視覚障害者リハビリセンターひかり"),
        ("依頼元：医療法人 白樺会 ふじさわ整形　担当医 北 原 隆", "医療法人 白樺会 ふじさわ整形"),
        ("パンフレットは聖マリア会 城北病院の既存資料を改変して使用", "聖マリア会 城北病院"),
        ("6:10 静岡県立はまなだ病院救急外来に連絡", "静岡県立はまなだ病院救急外来"),
        ("checked at Karasawa Field Station 2026-08-09", "Karasawa Field Station"),
        (
            "Seen on 4 Dec 2026 at Nagisa Occupational & Family Clinic, Yokkaichi.",
            "Nagisa Occupational & Family Clinic",
        ),
        ("Dr. Michiru Anzai\nAoba Mind & Body Clinic, Sendai", "Aoba Mind & Body Clinic"),
    ],
)
def test_places_of_care_in_these_forms_are_masked(text, name):
    assert name in _of("HOSPITAL_NAME", text), masked(text)


def test_a_german_practice_by_its_specialty_is_masked_whole():
    text = "Praxis für Orthopädie Krüger, Freiburg"
    assert any("Praxis für Orthopädie Krüger" in value for value in _values(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "院内デンタルオフィスの案内",  # a word that points at a place, not its name
        "センターから連絡あり。センターでは対応不可",  # the sentence goes on after the kind
        "資料はNurse Stationに置く",
        "Praxis hours were short",
        "学会は日本外科学会 城北病院で",  # a learned society is no owner
    ],
)
def test_look_alikes_of_places_are_left(text):
    values = _values(text)
    assert not any(v.startswith(("院内", "センター", "Nurse", "Praxis", "日本外科学会")) for v in values), values


@pytest.mark.parametrize(
    "text, unit",
    [
        ("松山あさひ記念病院　もの忘れ外来\n医師 Catherine 乙", "もの忘れ外来"),
        ("禁煙外来 初診問診票　　北浜中央病院 呼吸器・禁煙外来\n記入日", "呼吸器・禁煙外来"),
        ("依頼元：健診センター（清水 琢磨 医師）", "健診センター"),
        ("ホルモン療法 投与記録（テストステロン）　ジェンダー外来\n患者：穂積 晴", "ジェンダー外来"),
        ("試験日 2026/11/20　小児アレルギー外来\n医師確認欄", "小児アレルギー外来"),
        ("紹介元：総合診療科　藤巻 寛", "総合診療科"),
    ],
)
def test_units_after_a_place_or_in_a_sent_from_field_are_masked(text, unit):
    assert any(unit in value for value in _values(text)), masked(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("北浜中央病院　会議室\n議題", "会議室"),  # a room where people meet is no unit
        ("保土ケ谷リバーサイド病院 地域連携室\nDate", "地域連携室"),  # an office of the hospital, left unmarked
        ("みどり台中央病院 薬剤部 御中", "薬剤部"),
        ("北浜中央病院 患者支援センター\n〒080-0016", "患者支援センター"),
        ("北浜中央病院　放射線診断室\n", "放射線診断室"),  # the reading department writes every report
        ("依頼元：甲府市 介護保険課", "介護保険課"),  # a public office's section
        ("当院　処置室\n", "処置室"),  # a word that points at the place
        ("午後外来 評価シート\n氏名", "午後外来"),  # a title opening the document with a visit in time
        ("方針を説明した。 次回外来\n", "次回外来"),  # a visit in time
    ],
)
def test_rooms_and_offices_that_are_no_unit_are_left(text, word):
    assert word not in _values(text), masked(text)


@pytest.mark.parametrize(
    "text, address",
    [
        ("〒874-0046 大分県別府市鉄輪上1組\nTEL 0977-66-4100", "大分県別府市鉄輪上1組"),
        ("転居先（札幌市白石区本郷通8丁目南2-7）に知人がいない", "札幌市白石区本郷通8丁目南2-7"),
        ("　　静岡県浜松市中区さくら坂1-8-3　TEL 053-455-7700", "静岡県浜松市中区さくら坂1-8-3"),
        ('route       : home ("西小鷹野2-5-11") -> bus stop', "西小鷹野2-5-11"),
    ],
)
def test_address_ends_the_rules_stop_before_are_joined(text, address):
    assert any(address in value for value in _values(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "規格「JIS2-3」に準拠",  # letters and numbers quoted are a standard, not a town
        "大分県別府市鉄輪上3組合員の会議に出席",  # 組合 is a union, not a block group
        "肝S8 2-3cm「分岐部」",
    ],
)
def test_quoted_numbers_and_unions_are_not_addresses(text):
    values = _values(text)
    assert not any("JIS" in v or "組合" in v or "2-3cm" in v for v in values), values


@pytest.mark.parametrize(
    "text, name",
    [
        ("10:20 南区地域包括支援センターはまなす\n", "南区地域包括支援センターはまなす"),
        ("問い合わせ（もりの宮クリニック看護師）で相談", "もりの宮クリニック"),
        ("代理出金依頼書\n海の見える丘病院 事務長 殿", "海の見える丘病院"),
        ("・長女 坂口 典子 様\n・山の手地域包括支援センター 相談員 村井", "山の手地域包括支援センター"),
        ("　・訪問介護：ヘルパーステーション白鷺（TEL 06-6843-7700）", "ヘルパーステーション白鷺"),
    ],
)
def test_edges_a_rule_cut_off_join_the_place(text, name):
    assert name in _of("HOSPITAL_NAME", text), masked(text)


@pytest.mark.parametrize(
    "text, kept",
    [
        ("南区地域包括支援センターがある\n", "南区地域包括支援センター"),  # the sentence goes on
        ("患者の田中クリニック受診", "田中クリニック"),  # a word of the sentence before の
        ("当院の南クリニックから", "南クリニック"),
        ("当院は地域の会 東山病院と連携", "東山病院"),  # words of a sentence after a particle are no owner
    ],
)
def test_words_of_the_sentence_stay_outside_the_place(text, kept):
    assert kept in _of("HOSPITAL_NAME", text), masked(text)


def test_a_word_that_points_before_no_opens_no_name():
    values = _values("協力に感謝します。\nその際の血液センターへの連絡")
    assert not any(v.startswith("その") for v in values), values
