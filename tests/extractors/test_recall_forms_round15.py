"""Forms of the fifteenth round (blind-final24..26 once spent, blind-dev44..48): each with its look-alikes."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import balanced_masked, masked

_MSH = "MSH|^~\\&|RIS|HOSP|HIS|HOSP|20240830152211||ADT^A01|1|P|2.5\n"


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_person_written_id_family_given_in_any_segment_keeps_the_staff_number(extract):
    found = extract(
        _MSH + "EVN|A01|20240830152211|||N1043^大石^恵^^^^^^^L^^^^^I\nPV1|1|O|内科外来||||2231^臼井^智也^^^^^^^L"
    )
    assert ("N1043", "OTHER_ID") in found and ("大石^恵", "PHYSICIAN_NAME") in found
    assert ("2231", "OTHER_ID") in found and ("臼井^智也", "PHYSICIAN_NAME") in found


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_code_with_its_text_is_no_person(extract):
    found = extract(_MSH + "OBR|1|ORD1||CT001^胸部CT^L\nOBX|1|NM|2345^GLU^LN||120|mg/dL")
    assert not [v for v, c in found if c in ("PHYSICIAN_NAME", "PATIENT_NAME")]
    assert ("2345", "OTHER_ID") not in found


def test_chat_mentions_and_logins_name_staff():
    found = masked(
        "[18:32] k.ogasawara: @s.mizoguchi quick q\n@田中さん 確認お願いします\nPrinted 2025-02-06 by user akuramochi"
    )
    assert ("s.mizoguchi", "PHYSICIAN_NAME") in found and ("akuramochi", "PHYSICIAN_NAME") in found
    assert ("田中", "PHYSICIAN_NAME") in found or ("田中", "PATIENT_NAME") in found


def test_mail_addresses_broadcasts_and_prices_are_no_mention():
    found = masked("mail tanaka@example.jp or @here, @all 単価@100円 @放射線科 @アパート")
    assert [v for v, _ in found] == ["tanaka@example.jp"]


def test_a_bed_column_between_tabs_is_read_down():
    text = "病棟\t病室\t床\t状態\t患者ID\t備考\n4東\t401\t2\t入院予定\t1126447\tTKA目的\n4東\t405\t1\t空床\t-\t個室（差額 5,500円/日）"
    found = masked(text)
    assert ("2", "OTHER_ID") in found and ("1", "OTHER_ID") in found
    assert not [v for v, c in masked("項目\t回数\t状態\n採血\t2\t済") if v == "2"]


def test_a_public_office_named_by_its_place_is_masked_its_kind_alone_is_not():
    found = masked(
        "北部保健所の玉城様より\n見沼区東部地域包括支援センター 宮内\n管轄保健所へ報告、地域包括支援センターに連絡済"
    )
    assert ("北部保健所", "HOSPITAL_NAME") in found
    assert any(v.startswith("見沼区東部地域包括支援センター") for v, _ in found)
    assert not [v for v, _ in found if v in ("管轄保健所", "地域包括支援センター", "保健所")]


def test_a_ward_code_on_its_own_is_masked_measures_and_models_are_not():
    # (A W code alone, 7W, stays with the allow-list: it reads as watts or weeks.)
    found = masked("ward=3N(療養) / exported\n2nd & 3rd cases on 6S\n・5E の個室 503")
    assert [v for v, c in found if c == "DEPARTMENT"] == ["3N", "6S", "5E"]
    text = "ASA 1E 既往なし\n既製靴（23.0cm 4E）\nハイサンソ 5S\nキンダリー4E\nUSB 15W以下\n抜糸1W後\nws=5E-NS-02"
    assert not [v for v, c in masked(text) if c == "DEPARTMENT"]


def test_room_and_bed_columns_between_bars_are_read_down():
    text = "病棟 |室  |床|患者ID   |年齢\n3W  |305 |1 |00412877 |84\nNICU|N3  |2 |00652203 |0"
    found = masked(text)
    for value in ("305", "1", "N3", "2"):
        assert (value, "OTHER_ID") in found


def test_a_theatre_list_headed_room_alone_is_no_patient_room():
    found = masked("日付\t曜\t室\t科\t術者\n9/2\t月\t3\t呼外\tT.S.\n9/3\t火\t5\t整外\tH.K.")
    assert ("3", "OTHER_ID") not in found and ("5", "OTHER_ID") not in found


def test_a_scanned_name_keeps_its_given_name_across_a_spaced_ideographic_gap():
    found = masked("医師名 荻 原 \u3000 紀 子\u3000 ㊞\n対象児（島 田 \u3000 陽 稀）\u3000男")
    assert ("荻 原 \u3000 紀 子", "PHYSICIAN_NAME") in found
    assert ("島 田 \u3000 陽 稀", "PATIENT_NAME") in found


def test_an_infants_months_in_brackets_after_the_birth_date_are_its_age():
    assert ("6か月", "AGE") in masked("生年月日\u3000令和6年2月11日（6か月）\n住所\u3000藤沢市")
    assert ("3か月", "AGE") not in masked("処方日 2024年4月2日（3か月分）")


def test_initials_with_two_letters_of_the_family_name_are_whole():
    found = masked("C2 PM\tT.Mo. AZA\t(空)\tK.S. DTX\nC3 AM\t(空)\tM.Su. CBDCA\tH.Ok. RTX初回")
    assert {"T.Mo.", "M.Su.", "H.Ok."} <= {v for v, _ in found}


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_municipality_named_in_hiragana_and_a_plain_lot_number_stay_in_the_address(extract):
    found = extract("所在地　神奈川県みなと市本町1-1-1\n〒444-0816 愛知県岡崎市むつみ町西郷72\nTEL 0564")
    values = [v for v, _ in found]
    assert "神奈川県みなと市本町1-1-1" in values
    assert any(v.endswith("むつみ町西郷72") for v in values)


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_a_particle_after_a_prefecture_is_no_municipality(extract):
    values = [v for v, _ in extract("千葉県にある市の病院、東京都では町村も、大阪府内の町")]
    assert set(values) <= {"千葉県", "東京都", "大阪府"}


@pytest.mark.parametrize(
    "text, address",
    [
        ("245-0016 横浜市泉区和泉中央南2-1-9\nTEL", "245-0016 横浜市泉区和泉中央南2-1-9"),
        ("住所　千葉県千葉市若葉区みつわ台2丁目14番3号", "千葉県千葉市若葉区みつわ台2丁目14番3号"),
        ("送付先：静岡県静岡市駿河区中田 2丁目 7-9　小池 様方", "静岡県静岡市駿河区中田 2丁目 7-9"),
        ("退院先：桜川市岩瀬町東山1125-3 第2寮 A-6（実習先の寮）", "桜川市岩瀬町東山1125-3 第2寮 A-6"),
        (
            "横浜市泉区和泉中央南2-1-9 いずみ野メディカルモール2F",
            "横浜市泉区和泉中央南2-1-9 いずみ野メディカルモール2F",
        ),
        ("滞在先：大阪市中央区難波5-1-60 ホテルなんば 1207号室", "大阪市中央区難波5-1-60 ホテルなんば 1207号室"),
    ],
)
@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_an_address_keeps_its_postal_code_town_blanks_and_building(extract, text, address):
    assert (address, "ADDRESS") in extract(text)


@pytest.mark.parametrize("extract", [balanced_masked, masked])
def test_what_follows_an_address_is_no_building(extract):
    values = [v for v, _ in extract("北区上十条2丁目3-4 山田様 3名\n横浜市泉区和泉中央南2-1-9 TEL 045-111-2222")]
    assert "北区上十条2丁目3-4" in values and "横浜市泉区和泉中央南2-1-9" in values


def test_a_date_scanned_with_its_parts_wide_apart_is_one_date():
    found = masked(
        "申請年月日  令和 6年  8月  6日\n生年月日      明・大・㊐  19 年  3 月 15 日    性別 ㊚・女\n受 診 日 ：9 月 6 日（ 金 ）"
    )
    values = [v for v, _ in found]
    assert "令和 6年  8月  6日" in values or "6年  8月  6日" in values
    assert "19 年  3 月 15 日" in values and "9 月 6 日（ 金 ）" in values


def test_numbers_after_a_month_that_are_no_day_stay_out():
    values = [v for v, _ in masked("検査日 2024年3月 12 回目の照射")]
    assert not any(v.endswith("12") or "回" in v for v in values)


def test_a_clinic_scanned_with_a_large_tsu_is_still_a_clinic():
    assert ("さくら通り腎クリニツク", "HOSPITAL_NAME") in masked("維持透析中（月水金 午後／さくら通り腎クリニツク）")


def test_two_kanji_look_alikes_in_a_row_are_read_as_katakana():
    from phi_core.extractors.recognizers.scan_damage import repaired

    assert repaired("東都ハ一卜センタ一　SAPIEN")[0].startswith("東都ハートセンター")
    assert repaired("一二三の口")[0] == "一二三の口"


def test_a_cda_gender_code_is_the_sex():
    assert ("F", "SEX") in masked('<patient>\n  <administrativeGenderCode code="F"/>\n  <birthTime value="19440229"/>')
    assert ("F", "SEX") not in masked('<code code="F" codeSystem="1.2.3"/>')


def test_a_technologist_and_a_name_before_a_slash_are_staff():
    found = masked("（撮影 RT 三輪）\n依頼元：4階東病棟 看護師長 関 ／ 主治医 安藤")
    assert ("三輪", "PHYSICIAN_NAME") in found and ("関", "PHYSICIAN_NAME") in found
    assert not masked("RT 併用で照射\nRT 60Gy/30fr")


@pytest.mark.parametrize(
    "text, name",
    [
        ("事業所名及び所在地\u3000ケアプランセンターつづきの森\u3000横浜市都筑区", "ケアプランセンターつづきの森"),
        ("福祉用具貸与\tケアショップ若葉 北店\t随時", "ケアショップ若葉 北店"),
        ("通所介護Ⅱ31,1471509911,デイサービスセンター日吉の杜,155231", "デイサービスセンター日吉の杜"),
        ("(自走式 KA-822),1471700456,あおばケアサプライ,171001", "あおばケアサプライ"),
        ("事業所: デイサービス こもれび 東口\n----", "デイサービス こもれび 東口"),
    ],
)
def test_a_care_business_is_masked_with_its_kind(text, name):
    assert any(name in v for v, c in masked(text) if c == "HOSPITAL_NAME")


def test_words_of_a_care_plan_after_a_kind_are_no_business():
    text = "デイサービス利用は週2回、ケアプラン作成済。暫定ケアプランで開始。配食サービス検討。"
    assert not [v for v, c in masked(text) if c == "HOSPITAL_NAME"]


def test_a_room_opening_an_item_after_a_diamond_is_a_room():
    found = masked("◆703 浜口 信吾 66M 左被殻出血\n◆710 Garcia Mariaさん")
    assert ("703", "OTHER_ID") in found and ("710", "OTHER_ID") in found
    assert ("2024", "OTHER_ID") not in masked("★2024 山田さん")


def test_businesses_before_their_short_or_home_care_kind():
    found = masked("■ 前田 沙織（ほほえみ訪看）\n念のため 東邦ホームメディカル 24hセンター")
    assert ("ほほえみ訪看", "HOSPITAL_NAME") in found and ("東邦ホームメディカル", "HOSPITAL_NAME") in found
    assert not [v for v, c in masked("緊急訪看の依頼。ケアマネ・訪看・ご家族には連絡") if c == "HOSPITAL_NAME"]


def test_a_large_yo_in_a_scanned_station_is_read_small():
    from phi_core.extractors.recognizers.scan_damage import repaired

    assert repaired("ゆうあい訪問看護ステ一シヨン")[0] == "ゆうあい訪問看護ステーション"


def test_a_messengers_sender_line_and_plates_with_small_ke_or_ni():
    found = masked("2024/02/10\n\n堀 22:14\nB棟3F 巡回終わり\n\n金城 22:31\nいま救急入口に\n巡回 23:00\n検温 6:00")
    assert ("堀", "PHYSICIAN_NAME") in found and ("金城", "PHYSICIAN_NAME") in found
    assert not [v for v, c in found if v in ("巡回", "検温")]
    assert ("袖ケ浦 480 く 23-09", "OTHER_ID") in masked("車両：白の軽トラック（袖ケ浦 480 く 23-09）")
    assert ("足立 330 に 70-05", "OTHER_ID") in masked("許可証なしの車両 足立 330 に 70-05\n")
    assert not masked("胸部 30 に 12-14 mm")


def test_authors_with_their_affiliation_numbers_are_names():
    found = masked("Authors: Tomoya Hirabayashi1), Saki Murakami1), Jun-ichi Oda2), Makoto Ueno1)\n1) Department of")
    assert {"Tomoya Hirabayashi", "Saki Murakami", "Jun-ichi Oda", "Makoto Ueno"} <= {v for v, _ in found}
    assert not masked("See Table 1), Figure 2, and Grade II1).")
