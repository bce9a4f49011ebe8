"""recall-first on names and dates met in the development sets of the eighth round: forms and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

# --- names the dictionary reads as something else in context ------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("受電 東浜刑務所 医務課 佐川様", "佐川"),  # a proper noun that is a family name, with an honorific on it
        ("※ﾏﾂｲ ｹﾝﾀはレシピエント松井 玲奈（妹）", "松井 玲奈"),  # a katakana word straight before a full name
        ("障害学生支援室 ヴォルコフ 亜希", "ヴォルコフ 亜希"),  # an unlisted katakana family name, a kanji given name
    ],
)
def test_names_read_from_what_stands_beside_them(text, name):
    assert name in values(text)


@pytest.mark.parametrize("text", ["東京様式", "日本さん", "ガイドライン 2022", "コーポ新富 201"])
def test_words_beside_the_same_cues_name_nobody(text):
    assert not [v for v, c in masked(text) if c in ("PATIENT_NAME", "PHYSICIAN_NAME")]


# --- posts, deeds, seals and lists of the people present -------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("縫合 8針（片桐介助）、破傷風", "片桐"),
        ("隊員の健康：大城調整員 軽度の咽頭痛", "大城"),
        ("能登第一病院透析室 坂口技士長より", "坂口"),
        ("※堀職員分は妊婦健診助成券", "堀"),
    ],
)
def test_a_post_or_a_deed_after_a_family_name(text, name):
    assert name in values(text)


@pytest.mark.parametrize(
    "text", ["職員分の集計", "家族同行", "医師同行", "看護師介助", "全介助", "一部介助で歩行", "病院職員"]
)
def test_the_same_words_after_common_words_stay(text):
    assert not [v for v, c in masked(text) if c in ("PATIENT_NAME", "PHYSICIAN_NAME")]


@pytest.mark.parametrize(
    "text, names",
    [
        ("受付者印 [小池]　　 検診医 [ｱﾗｲ]", ["小池"]),
        ("議事メモ　出席：根本、吉岡、三浦", ["根本", "吉岡", "三浦"]),
        ("同行職員：佐川、平良", ["佐川", "平良"]),
        ("ダブルチェック：平野／須田", ["平野", "須田"]),
    ],
)
def test_seals_and_lists_of_the_people_present(text, names):
    assert all(name in found("staff-mention", text) for name in names)


@pytest.mark.parametrize("text", ["出席：院長、副院長", "印 [済]", "参加者：全体会議"])
def test_posts_and_words_in_the_same_places_stay(text):
    assert found("staff-mention", text) == []


def test_a_name_spaced_one_letter_to_a_box_under_a_spaced_label():
    text = "献血記録カード（スキャン控）\n氏 名  岩 渕  咲 良\n献血者コード 2048"
    assert "岩 渕  咲 良" in found("name-label", text)
    assert found("name-label", "氏 名 欄 に 記 入") == []


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, dates",
    [
        ("希望日：12月10日(木)または11日(金)の午前", ["12月10日(木)", "11日(金)"]),
        ("12月3日、5日、7日に実施", ["12月3日", "5日", "7日"]),
        ("12/1〜12/5、12/8", ["12/1", "12/5", "12/8"]),
        ("Date: Thu, 3 Dec 2026 16:42", ["Thu, 3 Dec 2026"]),
        ("生年月日 1991(H3)年8月30日　34歳", ["1991(H3)年8月30日"]),
        ("平成3(1991)年4月入職", ["平成3(1991)年4月"]),
    ],
)
def test_dates_in_lists_with_weekdays_and_in_both_calendars(text, dates):
    got = [v for v, c in masked(text) if c.endswith("DATE")]
    assert all(date in got for date in dates)


@pytest.mark.parametrize("text", ["3日か4日で軽快", "12/3・5 mg", "1991(H3)型"])
def test_durations_and_doses_after_a_date_stay(text):
    got = [v for v, c in masked(text) if c.endswith("DATE")]
    assert not any(v in ("3日", "4日", "5", "1991(H3)") for v in got)


def test_a_number_of_days_after_a_date_is_no_date():
    assert "28日" not in values("元：みどり坂内科医院（処方日 7/29、28日分）")


def test_a_latin_family_name_after_a_sign_off_or_in_a_list_of_names():
    assert "Müller" in found("staff-mention", "記録：Müller")
    assert "Müller" in values("Ochoa Lucia（病棟看護師）、Müller（分教室）、")


@pytest.mark.parametrize("text", ["記録：Excel", "担当：Yes", "記録：Print"])
def test_an_english_word_after_a_sign_off_is_not_for_staff_mention(text):
    assert found("staff-mention", text) == []


@pytest.mark.parametrize(
    "text, kanji", [("3) Wong様（黄 小玲）: 日本語は日常会話程度", "黄 小玲"), ("パク・ソヨン様（朴昭妍）", "朴昭妍")]
)
def test_a_name_in_its_own_kanji_after_the_honorific(text, kanji):
    assert kanji in values(text)


def test_a_role_in_brackets_after_the_honorific_stays():
    assert "臨床検査技師" not in values("Ilya Sorokin様（臨床検査技師）")


@pytest.mark.parametrize("text", ["日本外科学会 専門医", "日本整形外科学会認定"])
def test_a_learned_society_is_no_practice(text):
    assert [v for v, c in masked(text) if c == "HOSPITAL_NAME"] == []
