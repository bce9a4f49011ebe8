"""recall-first on names of people in every script and layout: each form, and the look-alikes left alone."""

from __future__ import annotations

import pytest

from tests.extractors.recall_probes import found, masked, values

pytest.importorskip("sudachipy")


# --- Latin names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Contact: Dr. Katagiri S. / Horiuchi S.", "Katagiri S."),
        ("Technician: Ng K.      Confirmed", "Ng K."),
        ("Referring: Dr. Saga R.   Dept: Cardio", "Saga R."),
        ("Signature: S. O'Connor\n--- 病院記入 ---", "S. O'Connor"),
        ("tacrolimus (LDLT pt)\nNAKAMOTO Ai 0031-9908 52F\n", "NAKAMOTO Ai"),
        ("・4西 412 DE SILVA Anthony 様 … 面会不可", "DE SILVA Anthony"),
        ("嘱託対象：Park Ji-hoon（パク ジフン）の記録", "Park Ji-hoon"),
        ("ソン ミンジュン 様（韓国籍、Song Min-jun）", "Song Min-jun"),
        ("、+44 20 7946 0321）、同行の友人 Tom Baker\n", "Tom Baker"),
        ("例：MUHAMMAD ABDULLAH BIN HASSAN AL-FARSI様、9/2入院", "MUHAMMAD ABDULLAH BIN HASSAN AL-FARSI"),
        ('" | opened 2026-11-26 by DM_tanaka | answered', "DM_tanaka"),
        ("answered 2026-11-27 by CRC_miyazato: confirmed", "CRC_miyazato"),
    ],
)
def test_latin_name_forms(text, value):
    assert value in found("latin-name", text)


def test_a_latin_family_name_joins_the_kanji_given_name_after_a_relation():
    assert ("Clarke 由香里", "EMERGENCY_CONTACT") in masked("住所 千葉県。\n次女 Clarke 由香里 様は英国在住")


@pytest.mark.parametrize(
    "text",
    [
        "Stage B. Vitamin D.",  # known English words before an initial (left to the allow-list and the rules)
        "export CT_data and ID_name",
        "Follow-up Plan",
        "Long-term Care",
        "ICU看護師",
        "HbA1c CRP",
        "Contact: see below",
    ],
)
def test_latin_look_alikes_new_forms_leave_alone(text):
    new_forms = [v for v in found("latin-name", text) if v.endswith(".") or "_" in v or "-" in v or v.isupper()]
    assert new_forms == []


def test_a_surname_with_an_initial_needs_a_word_the_dictionary_does_not_know():
    assert found("latin-name", "Group A. streptococcus") == []
    assert found("latin-name", "Appendix C. lists") == []


# --- names glued to a title, an occupation, a relation --------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("助手：Dr. Petrov、我如古　看護：Ns.上間　臨床工学技士：勢理客", "上間"),
        ("（病棟Ns三輪確認中）", "三輪"),
        ("入浴後未装着。Ns桐生即時装着", "桐生"),
        ("ぱれっと工房 PSW荒井同行）", "荒井"),
        ("2/7 15:00 師長・李 より相談者へ謝罪", "李"),
        ("前回は旧姓佐久間で受診しており", "佐久間"),
        ("担当の看護師（名札に「イ」とあった）", "イ"),
        ("次男 颯 さん：「父の考えは", "颯"),
        ("ご家族（夫 朴 志勲 様、080-9912-4400）", "朴 志勲"),
        ("ケアマネジャー：居宅介護支援センターかわぐち 岩崎（048-223-5540）", "岩崎"),
    ],
)
def test_glued_name_forms(text, value):
    assert value in found("glued-name", text)


@pytest.mark.parametrize(
    "text",
    [
        "Ns上記のとおり",
        "PT実施。",
        "Ns中心に対応",
        "ST上昇なし",
        "PT延長を認める",
        "母の様子を見る",
        "妻の友人さん",
        "師長・主任",
        "名札に「看護師」",
        "代表（03-1234-5678）",
        "Ns.",
        "MSW",
        "OT室でADL訓練、PT室",
        "II誘導でST低下、PT-INR 2.5、Dr指示、MSW介入",
        "旧姓使用可、旧姓：なし",
    ],
)
def test_glued_name_look_alikes(text):
    assert found("glued-name", text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("主治医 久保田、担当看護師 日比、脳神経内科", "日比"),
        ("核医学科 看護師 池谷 → 6階西病棟 夜勤 Kim\n", "Kim"),
        ("REJECT分は医事課森 香織より本人照会済。", "森 香織"),
        ("市立緑ヶ丘中学校 2年3組　喜納 遥斗\n発症日", "喜納 遥斗"),
    ],
)
def test_staff_and_patients_named_beside_units_and_shifts(text, value):
    assert value in values(text)


def test_shift_words_before_a_verbal_noun_name_nobody():
    assert "休憩" not in values("夜勤 休憩。日勤 終了。")


# --- names typed with a space between letters ---------------------------------------------------


def test_spaced_letters_that_read_as_a_family_and_given_name():
    assert "宮 良 勝 男" in found("spaced-name", "氏名：宮 良 勝 男（ミヤラ カツオ）　69歳")
    assert "仲 宗 根  拓" in found("spaced-name", "発端者 ＝ 仲 宗 根  拓（２４）　肥大型心筋症")


def test_spaced_headings_and_findings_are_not_names():
    assert found("spaced-name", "検 査 結 果\n診 断 名：胃 癌\n上 記 の 通 り\n右 上 葉 に 結 節\n紹 介 状") == []


def test_a_reading_after_the_honorific_is_the_names_reading():
    assert ("アシミネ サヨ", "NAME_READING") in masked("氏名：安 次 嶺  サ ヨ 様（アシミネ サヨ）　78歳")
    assert ("しののめ はつえ", "NAME_READING") in masked("氏名：東雲 ハツヱ 様　　しののめ はつえ\n生年月日")
    assert "MRI" not in values("山田 太郎 様（MRI）")


# --- rows of tables and newborns ----------------------------------------------------------------


def test_a_name_before_a_code_in_brackets_when_the_given_name_is_one():
    assert "東雲 ハツヱ" in found("glued-name", "9-30417        3         東雲 ハツヱ（D-00102）    良好")
    assert found("glued-name", "左 肺（S1-2）\n病名 胃 癌（C16.9）\n肺 がん（C34.1）") == []


def test_a_staff_name_in_a_role_value_stops_before_the_honorific():
    assert "佐藤 花子様" not in found("role-value", "担当 佐藤 花子様")


@pytest.mark.parametrize(
    "text, value",
    [
        ("■ ｺｯﾄ3　小笠原 ベビー（母: 小笠原 紗季）　日齢1", "小笠原 ベビー"),
        ("児：仮名「高城 りな ﾍﾞﾋﾞｰ1」ID 3381 0611", "高城 りな ﾍﾞﾋﾞｰ1"),
        ("児：Ｎｇｕｙｅｎ Ｂａｂｙ（母 Nguyen Thi Lan）", "Ｎｇｕｙｅｎ Ｂａｂｙ"),
        ("pt_id=77019354  name=HOLLAND^Margaret^Ann  kana=ホランド^マーガ", "HOLLAND^Margaret^Ann"),
    ],
)
def test_what_still_belongs_to_a_name_after_it(text, value):
    assert value in values(text)


def test_baby_words_that_name_nobody():
    assert values("The Baby was well") == []
    assert "山田 ベビー" not in values("ベビーカー 山田 ベビー用品")


def test_a_relative_in_brackets_before_an_age():
    assert "湊" in found("relation-name", "上の子（湊、3歳）は待合室で")
    assert found("relation-name", "長男（本人、5歳）妹（健常、12歳）") == []


def test_a_signature_after_the_facilitys_name():
    assert ("梟山 玄", "PHYSICIAN_NAME") in masked("療養を要した。\nR8.12.4　ふくろう内科医院　梟山 玄\n")
    assert "内科 外来" not in values("ひまわり病院　内科 外来\n")


def test_header_words_that_read_as_romaji_and_one_kanji_words_after_an_occupation():
    assert values("Name Date Dose Rate") == []
    assert found("glued-name", "看護師 間で情報共有、医師 間の連携") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("依頼元 整形外科（渋谷 航）\n患者", "渋谷 航"),
        ("署名：受傷者 千葉 さくら　所属長", "千葉 さくら"),
        ("Patient Hoshino, Tetsuya  DOB 1966-05-1", "Hoshino, Tetsuya"),
        ("患者氏名  ア ブドゥル ラ ヒム・カリム（ABDUL RAHIM Karim）", "ア ブドゥル ラ ヒム・カリム"),
        ("対象：ﾁｮｳ ｼｭﾝｲ（張 俊偉）様　45歳", "張 俊偉"),
        ("市立緑ヶ丘中学校 2年3組　喜納 遥斗\n発症日", "喜納 遥斗"),
    ],
)
def test_a_name_found_in_part_takes_the_rest(text, value):
    assert any(value in v for v in values(text))


def test_places_before_words_that_are_not_given_names_stay_places():
    assert ("横浜", "ADDRESS") in masked("出身 横浜 港（")
    assert "山田 太郎, Sato Hanako" not in values("山田 太郎, Sato Hanako")


def test_a_family_name_the_dictionary_knows_before_a_latin_title():
    assert "上間" in found("role-value", "4南 上間Ns、我如古Dr確認")
    assert found("role-value", "CTDr 読影、外来Dr、検査Ns") == []


def test_a_katakana_name_right_before_an_honorific():
    assert found("glued-name", "ジョンソンさんの家族、ロドリゲスさん") == ["ジョンソン", "ロドリゲス"]
    assert found("glued-name", "ガラス様、スリガラス様陰影、ナースさん、ヘルパーさん、ケアマネさん") == []


def test_a_latin_name_after_and_beside_a_found_one():
    assert "Patel" in values("Seen by Ahmed R. and Patel")
    assert "Nurse" not in values("Dr. Tanaka and Nurse")


def test_an_occupation_and_the_name_in_brackets():
    assert found("glued-name", "記録者 看護師（上地）、PT（宮平 健）") == ["上地", "宮平 健"]
    assert found("glued-name", "医師（研修医）、看護師（病棟）、技師（放射線）、医師（2名）") == []


def test_a_given_name_cut_by_a_line_end_and_a_digit_read_for_a_letter():
    assert "坂井 典\n     子" in values("氏名 坂井 典\n     子      年齢 6 2")
    assert "YAMADA TAR0" in values("Name: YAMADA TAR0")
    assert "山田 太\n 様" not in values("氏名 山田 太\n 様")
    assert ("男", "SEX") in masked("氏名 坂井 典\n 男  年齢")


def test_the_patient_word_and_the_name_in_brackets():
    assert found("glued-name", "患者本人（比嘉）") == ["比嘉"]
    assert found("glued-name", "患者（男性）、本人（同意済）、児（新生児）、利用者（要介護）") == []


def test_one_capitalised_word_after_an_english_relation_or_a_staff_abbreviation():
    assert "Emi" in found("latin-name", "Discussed with Mrs. Ito's daughter, Emi.")
    assert "Rajesh" in found("latin-name", "Accompanied by her husband Rajesh")
    assert "Kowalski" in found("latin-name", "PT Kowalski to review")
    assert found("latin-name", "PT Plan: continue. ST Segment elevation. son Home visit") == []


def test_a_reading_after_its_label():
    assert found("glued-name", "よみ：ひが たろう") == ["ひが たろう"]
    assert found("glued-name", "読み仮名 ヒガ タロウ\n") == ["ヒガ タロウ"]
    assert found("glued-name", "読みにくい文字、カナ入力、フリガナ：") == []


def test_short_kanji_names_with_a_space_before_an_honorific():
    assert found("glued-name", "陈 伟 さん、王 小明 様") == ["陈 伟", "王 小明"]
    assert found("glued-name", "結節 様陰影、胸部 造影 様、母 同席 さん、本日 来院 様") == []


def test_latin_names_with_vietnamese_and_polish_letters():
    assert "Nguyễn Thị Lan" in values("Nguyễn Thị Lan")
    assert "Łukasz Kowalczyk" in values("Łukasz Kowalczyk")


def test_classes_in_roman_numerals_are_not_names():
    assert values("NYHA II, CCS III, Killip I") == []


def test_the_next_name_of_a_list_after_a_note_in_brackets():
    assert "Alvarez" in values("ラウンド者：宍戸（GRM）、Alvarez（薬剤部）\n")
    assert "CT" not in values("山田（内科）、CT（造影）")


def test_a_title_and_an_honorific_after_a_facility_are_no_signature():
    assert values("くすのき記念病院　病院長 殿\n") == [] or "病院長 殿" not in values("くすのき記念病院　病院長 殿\n")


def test_a_unit_or_role_in_brackets_after_a_name_is_not_its_latin_rendering():
    assert "ICD" not in values("ラウンド者：西条（ICD）、樋口")
    assert ("NGUYEN THI LAN", "PATIENT_NAME") in masked("グエン・ティ・ラン（NGUYEN THI LAN）")


def test_sign_offs_and_names_before_a_latin_staff_abbreviation():
    assert found("glued-name", "記録　新城／確認　当山") == ["新城", "当山"]
    assert found("glued-name", "確認 済。実施 後、報告 予定。対応 中。記録 上、指示 通り。") == []
    assert found("role-value", "参加：玉城PT、宮城MSW") == ["玉城", "宮城"]
    assert found("role-value", "胸部CT、心電図ST上昇、2単位PT、病棟PT、上PT、左OT、中ST") == []


def test_the_addressee_of_a_letter_or_a_message():
    assert found("glued-name", "宛：大湾先生御侍史") == ["大湾"]
    assert found("glued-name", "山田 太郎 先生 御侍史") == ["山田 太郎"]
    assert found("glued-name", "整形外科先生御侍史、担当先生御侍史、主治医先生御侍史") == []
    assert "Mei" in found("latin-name", "Dear Mei,")
    assert found("latin-name", "Dear Colleague,\nDear Sir,\nHello all,") == []


def test_a_nationality_in_brackets_and_the_name_in_another_script():
    assert found("glued-name", "イワノワ（ロシア籍）") == ["イワノワ"]
    assert "Song Min-jun" in found("glued-name", "ソン ミンジュン 様（韓国籍、Song Min-jun）")
    assert found("glued-name", "スタッフ（日本国籍）、ヘルパー（外国籍）") == []
    assert "朴昭妍" in values("パク・ソヨン（朴昭妍）")
    assert "長女" not in values("グエン（長女）") and "主治医" not in values("スミス（主治医）")


def test_a_family_name_with_a_post_glued_after_it():
    text = "上原主任に報告、島袋師長より説明、金城課長、与那覇室長が対応、ナカムラ主任、報告者上原主任"
    assert found("glued-name", text) == ["上原", "島袋", "金城", "与那覇", "ナカムラ", "上原"]
    posts = "本日の主任は交代、看護師長より、病棟主任、外来師長へ、看護部長、事務部長、病院長、副院長、"
    assert found("glued-name", posts + "スタッフリーダー、病棟リーダー、地域連携室長、放射線科部長") == []


def test_a_family_name_with_an_occupation_glued_after_it():
    assert found("glued-name", "当山理学療法士") == ["当山"]
    assert found("glued-name", "病棟看護師、担当理学療法士、専任薬剤師、当院医師、非常勤医師、女性看護師") == []


def test_a_name_as_a_part_of_a_file_name_or_a_path():
    assert found("path-name", "rejected: /import/scan/上妻十堂院源之茜_同意書_20261203.pdf") == ["上妻十堂院源之茜"]
    assert found("path-name", "scan_山田太郎_紹介状.pdf") == ["山田太郎"]
    assert found("path-name", "/data/検査結果/胸部CT_20250101.dcm /share/放射線科/読影レポート.pdf") == []


def test_names_under_plain_language_and_childrens_labels():
    assert found("name-label", "なまえ：ひが はなこ") == ["ひが はなこ"]
    assert found("name-label", "患児名 ハルト\n") == ["ハルト"]
    assert found("name-label", "なまえ：未記入\nお名前をお書きください。") == []
    assert found("name-label", "   利用者名        職種     端末   ") == []


def test_the_mothers_name_and_child_after_a_space():
    assert "ﾌｼﾞｴﾀﾞ ﾁﾋﾛ ｼﾞ" in values("■ ｺｯﾄ5　ﾌｼﾞｴﾀﾞ ﾁﾋﾛ ｼﾞ　日齢3")
    assert "藤枝 千尋 児" in values("藤枝 千尋 児　日齢3")
    assert not any("児童" in v for v in values("山田 花子 児童館"))


def test_a_family_name_no_dictionary_lists_after_a_role_and_a_colon():
    assert found("role-value", "記録：梟山") == ["梟山"]
    assert found("role-value", "担当：外来看護\n術者：胸部外科\n担当：病棟全体\n麻酔：全身麻酔\n記録：上下") == []
