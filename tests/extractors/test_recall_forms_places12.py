"""recall-first on companies, workshops, shops, lodgings and districts named by a head word, hamlets after a
part of a city, addresses broken by a scan gap or going on after a comma, wards joined to their code or
their bracketed unit, homes named "…の里", and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import covered, found, masked, values


# --- companies, workshops and shops by their head word ----------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("装具作製：信濃義肢製作所　担当 村井", "信濃義肢製作所"),
        ("仕事（丸菱ロジスティクスの倉庫勤務）で夜勤が続く。", "丸菱ロジスティクス"),
        ("健診は東和ヘルスケア 委託で実施。", "東和ヘルスケア"),
        ("購入店 メガネのオリオン 西帯広店 様", "メガネのオリオン 西帯広店"),
        ("勤務先：株式会社 北央建設", "北央建設"),
    ],
)
def test_a_company_named_by_its_head_word_is_masked(text, name):
    assert name in found("business-name", text)
    assert covered(name, values(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "島津製作所製のX線装置で撮影した。",
        "製造販売元：テルモ工業",
        "製作所に装具の調整を依頼した。",
        "院内の売店で購入。",
        "店長に相談した。",
        "自動車部品工場で勤務。",
        "産業医面談を予定。",
        "訪問介護サービスを週2回利用。",
    ],
)
def test_a_maker_a_kind_or_a_word_that_runs_on_is_no_company(text):
    assert found("business-name", text) == []


# --- lodgings and districts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("帳場の管理人 ホテル松風荘 へ連絡先を伝える。", "ホテル松風荘"),
        ("現住所：あおば荘 2階", "あおば荘"),
        ("2018年ごろ寿地区へ移った。", "寿地区"),
        ("桜台団地に独居。", "桜台団地"),
    ],
)
def test_a_lodging_or_a_district_by_its_word_is_masked(text, name):
    assert name in found("business-name", text)


@pytest.mark.parametrize(
    "text",
    ["週末は別荘で過ごす。", "貸別荘に滞在", "山荘に宿泊", "全地区で実施", "被災地区の巡回", "地区医師会の研修",
     "地区別の集計", "住宅地区の騒音", "大規模団地"],
)  # fmt: skip
def test_words_of_the_language_with_those_words_are_left_alone(text):
    assert found("business-name", text) == []


# --- hamlets after a part of a city --------------------------------------------------------------------


def test_a_hamlet_after_a_part_of_a_city_goes_with_its_lot():
    text = "〒021-0000 岩手県一関市山目字石の瀬88　電話"
    assert "山目字石の瀬88" in found("hamlet", text)
    assert covered("一関市山目字石の瀬88", values(text)), masked(text)


@pytest.mark.parametrize("text", ["区別文字列12", "区内数字3", "町内赤字12万円", "市販の点字8頁"])
def test_a_word_ending_in_zi_is_no_hamlet(text):
    assert found("hamlet", text) == []


# --- addresses broken by a scan or going on after a comma -----------------------------------------------


@pytest.mark.parametrize(
    "text, tail",
    [
        ("住所：埼玉県さいたま市浦和区岸町4-1 2-9 ﾒｿﾞﾝ岸町 2O3\n病名：", "ﾒｿﾞﾝ岸町 2O3"),
        ('location: "港北区新羽町1290-5 ライオンズ新羽 8O7"  (入力のまま)', "8O7"),
        ("Home: Kawasaki-shi Nakahara-ku Kosugi-machi 1-403-60, #2208; mobile", "#2208"),
        ("staying at Hotel Kamogawa Terrace, Room 1418, 京都市下京区東塩小路町9\nPatient", "Room 1418, 京都市"),
    ],
)
def test_an_address_goes_on_over_a_scan_gap_a_damaged_room_or_a_comma(text, tail):
    assert any(tail in value for value, category in masked(text) if category == "ADDRESS"), masked(text)


def test_a_dose_after_an_address_is_not_its_room():
    text = "住所：横浜市港北区日吉2-5-10\n処方：アムロジピン 5mg"
    assert not any("5mg" in value for value in values(text))


# --- wards with their code or unit, homes named …の里 -------------------------------------------------


@pytest.mark.parametrize(
    "text, ward",
    [
        ("〔入院時評価〕　外科病棟 5A　512号室", "外科病棟 5A"),
        ("外泊許可願\n\n精神科病棟（C3病棟）　病棟長 殿", "精神科病棟（C3病棟）"),
        ("産科（周産期センター）の先生からは", "産科（周産期センター）"),
    ],
)
def test_a_ward_and_its_code_or_unit_are_one_place(text, ward):
    assert ward in values(text), masked(text)


def test_what_was_done_in_a_department_is_not_its_unit():
    assert "産科（緊急帝王切開）" not in values("産科（緊急帝王切開）を実施")


def test_a_home_named_by_a_word_and_no_sato_is_masked_whole():
    text = "本人は12/1から清風の里 デイサービスセンター利用中。"
    assert any("清風の里" in value for value in values(text)), masked(text)


# --- lodgings named after their kind, homes by a coined word and a place word, services quoted after a particle


@pytest.mark.parametrize(
    "text, name",
    [
        ("宿泊先：ホテルニューグランド 1205号室", "ホテルニューグランド"),
        ("京王プラザホテルに宿泊中", "京王プラザホテル"),
        ("老人保健施設 やすらぎの郷 入所中", "やすらぎの郷"),
        ("ショートステイ先 ひだまりの丘", "ひだまりの丘"),
    ],
)
def test_a_lodging_or_a_home_by_its_name_is_masked(text, name):
    assert name in found("business-name", text)


@pytest.mark.parametrize(
    "text",
    [
        "ホテルマンとして勤務",
        "ホテルスタッフに伝達",
        "ビジネスホテルに泊まる",
        "週末は おばあちゃんの家 に",
        "友人の家に泊まる",
    ],
)
def test_a_hotel_worker_a_kind_of_hotel_or_a_persons_house_is_no_name(text):
    assert found("business-name", text) == []


@pytest.mark.parametrize(
    "text, name",
    [("訪問看護は「あおぞら」が担当", "あおぞら"), ("ヘルパーは「こもれび」から週3回", "こもれび"),
     ("訪問看護「すずかぜ」の報告", "すずかぜ")],
)  # fmt: skip
def test_a_service_named_in_quotes_after_its_kind_and_a_particle_is_masked(text, name):
    assert name in found("quoted-place", text)


@pytest.mark.parametrize(
    "text", ["デイサービスの「送迎表」を確認", "薬局の「おくすり手帳」", "講演「在宅ケアのこれから」"]
)
def test_a_quoted_thing_or_title_after_a_kind_is_left_alone(text):
    assert found("quoted-place", text) == []


def test_a_block_written_with_cho_alone_belongs_to_the_address():
    text = "送付先 大阪府堺市北区中百舌鳥町2丁77番地"
    assert "大阪府堺市北区中百舌鳥町2丁77番地" in values(text), masked(text)
    assert values("豆腐2丁100円") == []


def test_a_company_sudachi_reads_as_one_proper_noun_with_its_head_is_masked():
    assert "ヤマト運輸" in found("business-name", "仕事：ヤマト運輸 羽田ベース 仕分け")


@pytest.mark.parametrize("text", ["武田薬品工業（大阪）の製品", "田辺三菱製薬工場"])
def test_a_drug_maker_is_no_place(text):
    assert found("business-name", text) == []


@pytest.mark.parametrize(
    "text, name", [("西成区あいりん地区に居住", "あいりん地区"), ("山谷地域の簡易宿泊所", "山谷地域")]
)
def test_a_district_by_a_coined_kana_name_or_a_place_is_masked(text, name):
    assert name in found("business-name", text)


@pytest.mark.parametrize(
    "text", ["へき地域", "医療法に基づく地域医療構想", "積雪なし地域だが", "この地区は", "大きなすずかけ団地"]
)
def test_a_kana_word_of_a_sentence_before_a_district_word_is_no_name(text):
    assert found("business-name", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("〒 231 - 0023 横浜市中区山下町1", "231 - 0023 横浜市中区山下町1"),
        ("住　所　横浜市港北区日吉2-5-10　ｻﾝﾊｲﾂ日吉 1O2号", "横浜市港北区日吉2-5-10　ｻﾝﾊｲﾂ日吉 1O2号"),
    ],
)
def test_a_spaced_postal_code_and_a_scanned_room_belong_to_the_address(text, value):
    assert value in values(text), masked(text)


def test_a_town_a_block_and_places_after_commas_make_a_latin_address():
    assert found("latin-address", "Addr: Hiyoshi 2-5-10, Kohoku, Yokohama") == ["Hiyoshi 2-5-10, Kohoku, Yokohama"]


@pytest.mark.parametrize("text", ["Lot 1-2-3, Expiry 2026", "Grade 1-2-3, Stage II", "Series 3-4-5, Image 12"])
def test_a_counted_or_labelled_block_is_no_latin_address(text):
    assert found("latin-address", text) == []


@pytest.mark.parametrize("text", ["使用装置：島津製作所 RADspeed Pro", "装置 日立製作所製"])
def test_a_device_maker_before_its_model_or_after_a_device_label_is_no_place(text):
    assert found("business-name", text) == []


@pytest.mark.parametrize("text", ["卸（メディセオ 横浜南支店）へ返品", "株式会社オプティメディカル 東日本営業所 御中"])
def test_a_suppliers_branch_is_left_to_the_company_recognizers(text):
    assert found("business-name", text) == []


@pytest.mark.parametrize("text, place", [("長男（輪島市内に避難中）", "輪島市"), ("札幌郊外の実家", "札幌")])
def test_a_place_with_a_word_for_within_or_around_it_is_still_a_place(text, place):
    assert place in found("sudachi-place", text)
