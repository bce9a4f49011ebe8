"""recall-first on facility names made of ordinary words before a head noun, departments of record, and look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


# --- a compound that ends in a facility head noun ---------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("否定済（2025年5月、県立こども医療センター）。", "県立こども医療センター"),
        ("ご不明な点は ひだまり発達相談室（TEL 048-661-2000）", "ひだまり発達相談室"),
        ("処方元：経堂こどもと大人のクリニック（主治医 五十嵐 先生）", "経堂こどもと大人のクリニック"),
        ("受診困難な場合は まつもと母乳育児相談室 を紹介予定。", "まつもと母乳育児相談室"),
        ("搬送先：こども医療センター北 小児科", "こども医療センター北"),
        ("ドクターカー出動簿　横浜北部救命救急センター", "横浜北部救命救急センター"),
        ("1名は国立病院機構 横浜医療センターへ分散搬送。", "国立病院機構 横浜医療センター"),
        ("リワーク施設（横浜リワークセンター ひだまり）に週3回通所", "横浜リワークセンター ひだまり"),
        ("紹介元：青葉区こどもの発達クリニック", "青葉区こどもの発達クリニック"),
        ("市立川口こども発達センターで療育中", "市立川口こども発達センター"),
        ("転院先：ゆうあい訪問看護ステーション", "ゆうあい訪問看護ステーション"),
        ("かもめ助産院で出産", "かもめ助産院"),
        ("昨日横浜医療センターへ紹介", "横浜医療センター"),
    ],
)
def test_a_compound_before_a_facility_head_is_a_facility(text, name):
    assert name in found("facility-compound", text)
    assert any(name in value for value in _of("HOSPITAL_NAME", text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "当院救命救急センターに搬送された",
        "救命救急センターに搬送",
        "地域包括支援センターに相談",
        "同センターで再検",
        "当院検査センターへ提出",
        "A病院から紹介",
        "近医クリニックより",
        "総合病院で精査",
        "大学病院へ紹介",
        "近くのクリニックを受診",
        "自宅近くの病院",
        "かかりつけの病院",
        "横浜の病院に入院",
        "患者の病院",
        "山田先生のクリニック",
        "こころの医療センター",
        "県立病院に通院中",
        "新しいクリニックへ",
        "ナースステーション前で",
        "訪問看護ステーションと連携",
        "がん相談支援センター",
        "患者サポートセンター",
        "内視鏡センター",
        "回復期リハビリテーション病院を検討",
        "トラベルクリニック",
        "メンタルクリニック",
        "病院長へ報告",
        "国立病院機構の規定",
        "センターラインを越えて",
        "その病院",
        "別の病院",
    ],
)
def test_a_kind_or_a_pointer_before_a_head_is_no_name(text):
    assert found("facility-compound", text) == []


def test_the_operator_and_a_kana_name_after_join_the_facility():
    assert found("facility-compound", "1名は国立病院機構 横浜医療センターへ") == ["国立病院機構 横浜医療センター"]
    assert found("facility-compound", "（横浜リワークセンター ひだまり）") == ["横浜リワークセンター ひだまり"]
    # a kind of care after the head and a space is no name of it
    assert found("facility-compound", "横浜リワークセンター こども") == ["横浜リワークセンター"]


def test_a_facility_compound_in_half_width_katakana():
    text = "連絡先：ﾋﾀﾞﾏﾘ発達相談室（TEL 048-661-2000）"
    assert found("half-width-facility", text) == ["ﾋﾀﾞﾏﾘ発達相談室"]
    assert any("ﾋﾀﾞﾏﾘ発達相談室" in value for value, _ in masked(text))


# --- wards and units of record written as codes or in English ---------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Q1 (病棟4Wより)：アムホテリシン", "4W"),
        ("病棟：7E　ベッド 3", "7E"),
        ("Ward TB-2 room 203", "TB-2"),
        ("To: Neurosurgery ward (6N), room 608", "Neurosurgery ward (6N)"),
        ("大河内 茂 様      6N / 603     日本郵便", "6N"),
        ("LDR-2→5階西（産科） 508号室", "5階西（産科）"),
        ("Bed 12, 救命ICU", "救命ICU"),
        ("Prescriber: Dr. H. Kaneda (IBD clinic)", "IBD clinic"),
        ("visiting Cardiology clinic for ICD check", "Cardiology clinic"),
    ],
)
def test_ward_codes_and_units_of_record(text, unit):
    assert any(unit in value for value in found("ward-code", text)), found("ward-code", text)
    assert any(unit in value for value, _ in masked(text)), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "RFA 30W 12分で焼灼",  # a power, not a ward
        "3T / 1500 の撮像",  # a magnet
        "2F / 201 会議室",  # a floor
        "当院ICUへ入室",  # the hospital's own unit, said by a pointer
        "術後ICU管理",  # when, not whose
        "MRI unit was down",  # a scanner
        "follow-up at the outpatient clinic",  # a kind of clinic
        "Requested ward: Cardiology",  # a field's name
        "Aoba Clinic, Dr. Mori",  # a facility's own name is not a department
    ],
)
def test_ward_code_look_alikes(text):
    assert found("ward-code", text) == []


@pytest.mark.parametrize(
    "text, department",
    [
        ("内容：当院総合診療科発行の処方箋", "総合診療科"),
        ("日次ログ（金）　消化器内科分\nNo  ID", "消化器内科"),
        ("小児科より転科（脳外共観）", "脳外"),
        ("ﾌﾟﾘﾝﾀ出力 / 6ｷﾀ)  R9.01", "6ｷﾀ"),
    ],
)
def test_departments_before_what_they_issue_or_share(text, department):
    assert department in [value for value in _of("DEPARTMENT", text)], masked(text)


@pytest.mark.parametrize("text", ["内科的治療を検討", "外科医 3名", "心外膜に液貯留", "脳外傷の既往", "ｷﾀﾑﾗ 3ｷﾀﾑﾗ"])
def test_department_look_alikes_stay(text):
    assert _of("DEPARTMENT", text) == []


# --- a coined kana name the tokenizer cut, and practices named by their specialties ------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("患者はしらとり内科クリニックを受診した。", "しらとり内科クリニック"),
        ("患者はとよさと呼吸器内科クリニックを受診した。", "とよさと呼吸器内科クリニック"),
        ("患者はたまがわレディースクリニックを受診した。", "たまがわレディースクリニック"),
        ("患者はおおたかの森クリニックを受診", "おおたかの森クリニック"),
        ("患者はまえばし中央内科を受診", "まえばし中央内科"),
        ("患者はきのした内科小児科を受診", "きのした内科小児科"),
        ("はるな胃腸科・肛門科", "はるな胃腸科・肛門科"),
        ("山田眼科で処方", "山田眼科"),
        ("こども医療センター北を受診", "こども医療センター北"),
        ("横浜リワークセンター ひだまりに通所", "横浜リワークセンター ひだまり"),
        ("さくら保健センター", "さくら保健センター"),
        ("母は わかば園 に通所", "わかば園"),
    ],
)
def test_coined_kana_and_practice_names(text, name):
    assert name in found("facility-compound", text)


@pytest.mark.parametrize(
    "text",
    [
        "紹介されたクリニック",
        "近くにあるクリニック",
        "大きなクリニック",
        "あたらしいクリニック",
        "いつも通っているクリニック",
        "以前にしていた病院",
        "本人が希望したら支援室で対応",
        "入院にあたり病院の諸規則を守り",
        "当院内科",
        "消化器内科",
        "依頼科：呼吸器内科",
        "主治医 佐藤（循環器内科）",
        "リウマチ膠原病内科",
        "内科的治療",
        "外科医 3名",
        "（☑眼科 ☑整形外科）",
        "港北区福祉保健センター",
        "秩父市保健センター",
        "院外処方：門前薬局",
        "心臓病センター入院",
        "ドック健診センター",
        "上野公園を散歩",
        "ひまわり保育園",
        "花園町3丁目",
        "聖マリア学園",
    ],
)
def test_inflected_kana_departments_and_public_offices_are_no_facility(text):
    assert found("facility-compound", text) == []


# --- facility names in Latin letters with a possessive, a hyphen, or the kind first -------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("患者はMinato Bay Women's Hospitalを受診した。", "Minato Bay Women's Hospital"),
        ("Transferred to Clinique Saint-Michel (Lyon).", "Clinique Saint-Michel"),
        ("seen at St. Mary's Hospital, London", "St. Mary's Hospital"),
        ("Referred from Hôpital Pitié-Salpêtrière", "Hôpital Pitié-Salpêtrière"),
        ("Children's Hospital of Philadelphia", "Children's Hospital of Philadelphia"),
    ],
)
def test_latin_facility_names(text, name):
    assert name in found("latin-facility", text)
    assert any(name in value for value, _ in masked(text)), masked(text)


@pytest.mark.parametrize(
    "text", ["taken to the hospital", "General Hospital", "Women's Hospital", "Our Clinic", "Discharged from Hospital"]
)
def test_generic_latin_facility_words_stay(text):
    assert found("latin-facility", text) == []


def test_a_facility_head_broken_across_a_line():
    assert found("facility-compound", "保険医療機関  さがみ野中央クリ\nニック\n所在地") == ["さがみ野中央クリ\nニック"]
    assert found("facility-compound", "総合病\n院") == []


def test_the_radiology_department_after_a_label_of_record():
    assert ("放射線科", "DEPARTMENT") in masked("依頼元：放射線科 読影室")
    assert _of("DEPARTMENT", "悪化時は放射線科受付へ") == []  # the writer's own department, guidelines


def test_a_coined_hiragana_name_after_a_kind_of_facility():
    assert found("facility-compound", "児童発達支援センター にじいろ（週1回）") == ["児童発達支援センター にじいろ"]
    assert found("facility-compound", "救命救急センター まで搬送") == []
    assert found("facility-compound", "外来化学療法センター ベッド C-12") == []
    assert found("facility-compound", "障害学生支援室 ヴォルコフ 亜希") == []


@pytest.mark.parametrize(
    "text, name",
    [("横浜労災へ紹介", "横浜労災"), ("熊本日赤で手術", "熊本日赤"), ("名古屋第二赤十字に搬送", "名古屋第二赤十字")],
)
def test_a_hospital_group_after_its_place_names_a_hospital(text, name):
    assert name in found("facility-compound", text)


@pytest.mark.parametrize("text", ["労災保険の申請", "業務上の労災", "日本赤十字社", "日赤病院", "3病院に問い合わせ"])
def test_group_words_and_counts_name_no_hospital(text):
    assert found("facility-compound", text) == []
