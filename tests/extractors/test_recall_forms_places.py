"""recall-first on departments, facilities and addresses written in forms the rules missed, and their look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked


def _of(category: str, text: str) -> list[str]:
    return [value for value, cat in masked(text) if cat == category]


# --- the building and room after a street number ------------------------------------------------


@pytest.mark.parametrize(
    "text, address",
    [
        (
            "発見場所　大阪市西成区花園南2丁目4-10 コーポ花園 203号（自宅）",
            "大阪市西成区花園南2丁目4-10 コーポ花園 203号",
        ),
        ("居所：横浜市港北区新横浜2-7-11 ノースゲートレジデンス 1104号（病院借上げ）", "ノースゲートレジデンス 1104号"),
        ("郵送先：〒379-2311 みどり市笠懸町阿左美1820-4 コーポ笠懸 B-103", "阿左美1820-4 コーポ笠懸 B-103"),
        ("滞在先：京都市東山区祇園町南側570-8 Hotel Gion Sakura 402", "570-8 Hotel Gion Sakura 402"),
        ("住所変更あり：千葉県柏市若柴178-4 パークテラス柏の葉 1106（旧住所から転居）", "パークテラス柏の葉 1106"),
        ("自宅は前橋市大手町3-5-7 グリーンハイツ 205号室で独居。", "グリーンハイツ 205号室"),
        ("実家（伊勢崎市平和町5-12 フラワーコート 3F）へ退院", "フラワーコート 3F"),
    ],
)
def test_building_and_room_join_the_address(text, address):
    addresses = _of("ADDRESS", text)
    assert any(address in value for value in addresses), addresses


@pytest.mark.parametrize(
    "text",
    [
        "血圧120-80 測定 130",  # a range after a word, then a count
        "Na 140-145 mEq/L 基準 135",
        "腫瘤は第3-4肋間 径 12 mm",
        "S6-8 区域 結節 3",
        "検査2-3 回目 結果 120",
        "右第2-3 指 屈曲 3回で改善",
        "外来A-2 診察室 3F",
    ],
)
def test_numbers_after_a_range_are_no_building(text):
    assert found("address-building", text) == []


# --- care facilities named after their kind, branches, medical organisations ------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("入所施設 介護老人保健施設 さくらの丘（担当看護師 村瀬）", "介護老人保健施設 さくらの丘"),
        ("退院先：特別養護老人ホーム 福寿の郷より入院時に確認", "特別養護老人ホーム 福寿の郷"),
        ("施設：グループホーム 陽だまり（TEL 048-771-5500）", "グループホーム 陽だまり"),
        ("療育：児童発達支援センター すくすく 週1回 ST", "児童発達支援センター すくすく"),
        ("施術医：氷室 麗　ルミエール美容皮膚科クリニック 銀座院\n〒104-0061", "ルミエール美容皮膚科クリニック 銀座院"),
        ("アイバンク：関東中央アイバンク へ 05:00 連絡", "関東中央アイバンク"),
        ("仙骨部   訪問看護 ステーション湘南ひらつか 江藤 Ns 撮影", "訪問看護 ステーション湘南ひらつか"),
        ("特養入所（桜の里）後の申し送り", "桜の里"),
        ("指示期間 R7.12.1〜R8.5.31\n群馬北部呼吸器センター\u3000呼吸器内科\u3000新井 雅之", "群馬北部呼吸器センター"),
        ("報告\n\n東都泌尿器科センター\u3000〒108-0073 東京都港区", "東都泌尿器科センター"),
        ("同席：訪問看護ステーション潮風 看護師 須藤", "訪問看護ステーション潮風"),
        ("小規模多機能ホーム なごみ 利用", "小規模多機能ホーム なごみ"),
        ("退所先：グループホーム おひさま（TEL 048-771-5500）", "グループホーム おひさま"),
        ("解剖場所：東都大学法医学教室 解剖室", "東都大学法医学教室"),
    ],
)
def test_facilities_named_after_their_kind(text, name):
    names = found("facility-kind", text)
    assert name in names, names


@pytest.mark.parametrize(
    "text",
    [
        "訪問看護ステーション名：",
        "特別養護老人ホームへの入所申込",
        "介護老人保健施設等の名称",
        "グループホーム入居を検討",
        "当院 入院中",
        "クリニック 当院へ紹介",
        "アイバンクへの登録を説明した",
        "特養入所（検討中）",
        "臨床研究支援センター バイオリソース室",
        "外来化学療法センターで投与",
        "デイケア参加 週3回",
        "訪問介護導入を検討",
        "通所介護 週2回",
    ],
)
def test_kinds_alone_name_no_facility(text):
    assert found("facility-kind", text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("4  13:4O はるな胃腸科・肛門科 O27-362-1181", "はるな胃腸科・肛門科"),
        ("紹介元\u3000わかば内科・小児科\u3000若葉 俊先生", "わかば内科・小児科"),
        ("診療情報提供書をまえばし中央内科へFAX", "まえばし中央内科"),
    ],
)
def test_clinics_named_by_joined_specialties(text, name):
    assert name in found("kana-clinic", text)


def test_sentence_words_after_a_particle_open_no_clinic():
    assert found("kana-clinic", "入院にあたり病院の諸規則を守る") == []
    assert found("kana-clinic", "増量について内科へ照会") == []


# --- departments and units of record ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("記録\n2025.03.09（日）20:30 救急外来より依頼", "救急外来"),
        ("記録\n次回 12/14(月) 呼吸器外来 受診時に再評価。", "呼吸器外来"),
        ("記録\n試験日 2026/11/20\u3000小児アレルギー外来", "小児アレルギー外来"),
        ("搬送メモ\n10:15  ER ﾍﾞｯﾄﾞ6 → CT室", "ER"),
        ("転棟\n13:20  19877420   ER → 7W-701", "ER"),
        ("申し送り\n曽我部様（心外分）→ 心臓血管外科", "心外"),
        ("ﾊﾞｼｮ: 4ｶｲﾆｼ ﾅｰｽｽﾃｰｼｮﾝ ﾏｴ", "4ｶｲﾆｼ"),
        ("外泊許可願\n\n精神科病棟（B2病棟）\u3000病棟長 殿", "B2病棟"),
        ("引継ぎ\n開放骨折 → 整外 on-call", "整外"),
        ("備考：栗田 フミ様は透析室通院（月水金）。", "透析室"),
        ("鳴海 透さん（臨床検査技師、輸血検査室）", "輸血検査室"),
        ("出席：小笠原 恵（本人、薬剤部）", "薬剤部"),
        ("鷲尾 恭平さん（放射線技術部、職番 0077342）", "放射線技術部"),
        ("Letter\nwho was admitted to our Department of Cardiology on 5 September", "Department of Cardiology"),
    ],
)
def test_units_of_record(text, unit):
    units = found("department-unit", text)
    assert unit in units, units


@pytest.mark.parametrize(
    "text",
    [
        "病理\nER 90% / PgR 40%",
        "病理\npT1cN0, ER+/HER2-",
        "病理\nER陽性、HER2陰性",
        "病理\nER (+), PgR (-)",
        "ER Triage Note / 救急外来トリアージ\n本文",  # the title names the document's kind
        "ログ\nws=ER-WS-01 action=open",
        "記録\n次回外来：12月7日",
        "記録\n禁煙外来へ紹介予定",
        "記録\n月曜の午前外来に集中",
        "記録\nカメラ：C-07（救急外来待合）",
        "所見\n心外膜に液貯留、脳外傷なし",
        "記録\n面談室で説明した。会議室へ移動。",
        "記録\n梶 美月（薬剤部）",
        "Report\nDepartment of Radiology, Kohoku General Hospital",  # an affiliation without a role or staff number: the writers leave it
    ],
)
def test_look_alikes_of_units(text):
    assert found("department-unit", text) == []


def test_department_with_its_staff_written_on():
    assert "循環器内科" in found("department-word", "対象者：倉持 彰\u3000循環器内科医師 個人番号 0013")
    assert "救急科" in found("department-word", "受診者が救急科医師 桜庭に暴言")
    assert found("department-word", "担当歯科医師：野口 沙織") == []


@pytest.mark.parametrize(
    "text",
    ["入院病棟：療養病棟", "処方科：腎臓内科", "通院科：腎臓内科（週3回）", "希望科\u3000婦人科", "入院中病棟で保管"],
)
def test_field_names_are_no_departments(text):
    words = found("department-word", text)
    assert not any(word in ("入院病棟", "入院中病棟", "処方科", "通院科", "希望科") for word in words), words


def test_care_facility_in_half_width_katakana():
    names = found("half-width-facility", "訪問看護へ FAX 済（ﾎｰﾑｹｱ訪問看護ｽﾃｰｼｮﾝ東海 FAX 052-861-7700）")
    assert any("訪問看護ｽﾃｰｼｮﾝ東海" in name for name in names), names


def test_lodging_with_its_room():
    text = "Nationality: France, staying at Hotel Kamogawa Terrace, Room 1418, 京都市下京区東塩小路町9"
    assert "Hotel Kamogawa Terrace, Room 1418" in found("latin-address", text)
    assert found("latin-address", "Transferred to Room 3 for observation") == []
